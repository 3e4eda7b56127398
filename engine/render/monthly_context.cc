#include "render/monthly_context.h"

#include "core/number_format.h"
#include "logic/monitoring_indicators.h"
#include "render/report_labels.h"
#include "render/report_meta.h"

namespace casus {

namespace {

// The published state of a cross-table margin must equal that of the same
// figure in the indicator set, else one would undo the other's suppression.
bool same_publication(const IndicatorValue& margin, const IndicatorValue* indicator) {
  if (!indicator) return false;
  if (margin.published() != indicator->published()) return false;
  return !margin.published() || margin.count == indicator->count;
}

}  // namespace

MonthlyFigures compute_monthly_figures(const DatasetIndex& index, const Config& config,
                                       YearMonth month, bool protect) {
  MonthlyFigures f;
  f.month = month;
  f.is_protected = protect;
  f.threshold = config.monitoring.disclosure_threshold;
  f.current = compute_indicators(index, config, month);
  f.previous = compute_indicators(index, config, month.previous());
  f.trend = compute_trend(index, config, month);
  if (protect) {
    f.current = protect_indicators(f.current, config);
    f.previous = protect_indicators(f.previous, config);
    for (auto& t : f.trend) t = protect_indicators(t, config);
  }

  // District × risk group of the cases active at E.
  const Date end = month.last_day();
  std::vector<std::vector<std::int64_t>> cells(config.districts.size(), std::vector<std::int64_t>(5, 0));
  std::unordered_map<std::string, std::size_t> district_row;
  for (std::size_t i = 0; i < config.districts.size(); ++i) district_row.emplace(config.districts[i].code, i);
  for (const CaseHistory& h : index.cases()) {
    const CaseRecord& c = *h.record;
    if (!c.active_at(end) || c.risk_group < 1 || c.risk_group > 5) continue;
    auto it = district_row.find(c.district);
    if (it != district_row.end()) ++cells[it->second][static_cast<std::size_t>(c.risk_group - 1)];
  }
  // Without protection, threshold 0 suppresses nothing.
  ProtectedTable table = protect_cross_table(cells, protect ? f.threshold : 0);
  bool consistent = same_publication(table.grand_total, f.current.find("active"));
  for (std::size_t r = 0; r < config.districts.size(); ++r) {
    consistent = consistent && same_publication(table.row_totals[r],
                                                f.current.find("active_by_district." + config.districts[r].code));
  }
  for (int g = 1; g <= 5; ++g) {
    consistent = consistent && same_publication(table.column_totals[static_cast<std::size_t>(g - 1)],
                                                f.current.find("active_by_risk_group." + std::to_string(g)));
  }
  if (consistent) f.district_by_risk_group = std::move(table);
  return f;
}

ReportValue report_value(const IndicatorValue& value, int threshold, Language language) {
  ReportValue v;
  switch (value.state) {
    case IndicatorValue::State::suppressed_primary:
      v.kind = ReportValue::Kind::suppressed;
      v.text = "<" + std::to_string(threshold);
      return v;
    case IndicatorValue::State::suppressed_secondary:
      v.kind = ReportValue::Kind::suppressed;
      v.text = "x";
      return v;
    case IndicatorValue::State::null:
      v.text = "–";
      return v;
    case IndicatorValue::State::number:
      break;
  }
  if (value.percentage) {
    v.kind = ReportValue::Kind::percentage;
    v.number = value.percentage_value();
    v.text = format_decimal(v.number, 1, language);
  } else {
    v.kind = ReportValue::Kind::count;
    v.number = static_cast<double>(value.count);
    v.text = format_integer(value.count, language);
  }
  return v;
}

ReportValue report_change(const IndicatorValue& current, const IndicatorValue& previous,
                          Language language) {
  ReportValue v;
  if (!current.published() || !previous.published() || current.percentage != previous.percentage) {
    v.text = "";
    return v;
  }
  v.kind = ReportValue::Kind::change;
  if (current.percentage) {
    const std::int64_t tenths = current.tenths - previous.tenths;
    v.number = static_cast<double>(tenths) / 10.0;
    v.text = (tenths > 0 ? "+" : "") + format_decimal(v.number, 1, language);
  } else {
    const std::int64_t d = current.count - previous.count;
    v.number = static_cast<double>(d);
    v.text = format_change(d, language);
  }
  return v;
}

const TrendSeries* ReportTrend::find(const std::string& code) const {
  for (const auto& s : series) {
    if (s.code == code) return &s;
  }
  return nullptr;
}

namespace {

class Builder {
 public:
  Builder(const MonthlyFigures& f, const MonthlyReportInputs& in)
      : f_(f), config_(*in.config), lang_(in.language), words_(report_words(in.language)) {}

  const IndicatorValue& current(const std::string& code) const { return lookup(f_.current, code); }
  const IndicatorValue& previous(const std::string& code) const { return lookup(f_.previous, code); }

  // A row of this month, previous month, change.
  ReportRow row(const std::string& code, std::string label = {}, bool total = false) const {
    ReportRow r;
    r.code = code;
    r.label = label.empty() ? indicator_code_label(config_, code, lang_, true) : std::move(label);
    r.total = total;
    r.values.push_back(report_value(current(code), f_.threshold, lang_));
    r.values.push_back(report_value(previous(code), f_.threshold, lang_));
    r.values.push_back(report_change(current(code), previous(code), lang_));
    return r;
  }

  std::vector<ReportColumn> month_columns(const std::string& month_label,
                                          const std::string& previous_label) const {
    return {{month_label, "", false}, {previous_label, "", false}, {words_.change, "", true}};
  }

  ReportGroup group_with_prefix(const std::string& title, const std::string& prefix,
                                const std::string& total_code) const {
    ReportGroup g;
    g.title = title;
    for (const auto& item : f_.current.items) {
      if (item.code.compare(0, prefix.size(), prefix) == 0) g.rows.push_back(row(item.code));
    }
    if (!total_code.empty()) {
      g.rows.push_back(row(total_code, std::string(words_.total) + " " +
                                           lower(indicator_code_label(config_, total_code, lang_)),
                           true));
    }
    return g;
  }

  ReportGroup group_of(const std::string& title, std::initializer_list<const char*> codes) const {
    ReportGroup g;
    g.title = title;
    for (const char* c : codes) g.rows.push_back(row(c, indicator_code_label(config_, c, lang_)));
    return g;
  }

  std::string label(const std::string& code) const { return indicator_code_label(config_, code, lang_); }

  static std::string lower(std::string s) {
    if (!s.empty() && s[0] >= 'A' && s[0] <= 'Z') s[0] = static_cast<char>(s[0] - 'A' + 'a');
    return s;
  }

 private:
  static const IndicatorValue& lookup(const IndicatorSet& set, const std::string& code) {
    static const IndicatorValue kNull = IndicatorValue::null_value();
    const IndicatorValue* v = set.find(code);
    return v ? *v : kNull;
  }

  const MonthlyFigures& f_;
  const Config& config_;
  Language lang_;
  const ReportWords& words_;
};

std::string disclosure_rule_text(int threshold, Language language) {
  const std::string t = std::to_string(threshold);
  if (language == Language::en) {
    return "The figures are protected against disclosure of individuals. A count from 1 to " +
           std::to_string(threshold - 1) + " is shown as <" + t +
           "; zeros are shown. Where a row or column adds up to a published total and exactly one "
           "figure is hidden, the smallest other figure is hidden too and shown as x, so that the "
           "hidden figure cannot be worked out by subtraction. A percentage is left out when its "
           "base is below " + t + " or hidden.";
  }
  return "De cijfers zijn beschermd tegen herleidbaarheid tot personen. Een aantal van 1 tot en met " +
         std::to_string(threshold - 1) + " staat als <" + t +
         "; nullen staan er gewoon. Waar een rij of kolom optelt tot een gepubliceerd totaal en "
         "precies één aantal verborgen is, is ook het kleinste andere aantal verborgen en staat als "
         "x, zodat het verborgen aantal niet terug te rekenen is. Een percentage ontbreekt als de "
         "noemer kleiner is dan " + t + " of verborgen is.";
}

}  // namespace

MonthlyReport build_monthly_report(const MonthlyFigures& f, const MonthlyReportInputs& in) {
  const Config& config = *in.config;
  const Language lang = in.language;
  const ReportWords& w = report_words(lang);
  const bool en = lang == Language::en;
  Builder b(f, in);

  MonthlyReport report;
  report.audience_code = in.audience->code;
  report.month = f.month;
  report.language = lang;
  report.is_protected = f.is_protected;
  report.threshold = f.threshold;
  report.month_label = format_month_long(f.month, lang);
  report.previous_label = format_month_long(f.month.previous(), lang);
  report.data_as_of = in.data_as_of.iso();
  report.import_batches = in.import_batches;
  report.meta = report_document_meta(*in.audience, lang,
                                     en ? "Monthly monitoring report" : "Maandrapportage",
                                     report.month_label + " — " + config.settings.program_name,
                                     in.data_as_of, in.now, in.author.empty() ? config.settings.municipality : in.author);
  const auto cols = b.month_columns(report.month_label, report.previous_label);

  // Key figures.
  const std::string versus = std::string(w.versus) + " " + month_name(f.month.previous().month, lang);
  for (const char* code : {"active", "inflow", "outflow", "review_overdue", "risk_level.hoog",
                           "no_plan_overdue", "plan_on_time_pct", "police_contact"}) {
    ReportKeyFigure k;
    k.code = code;
    k.value = report_value(b.current(code), f.threshold, lang);
    const std::string c = code;
    if (c == "risk_level.hoog") {
      k.label = en ? "high risk level" : "risiconiveau hoog";
    } else if (c == "plan_on_time_pct") {
      k.label = en ? "% plans on time" : "% plannen op tijd";
    } else {
      k.label = Builder::lower(b.label(code));
    }
    if (k.value.kind == ReportValue::Kind::empty) k.value.text = "–";
    const ReportValue change = report_change(b.current(code), b.previous(code), lang);
    if (change.kind == ReportValue::Kind::change) k.change = change.text + " " + versus;
    report.key_figures.push_back(std::move(k));
  }

  // Lead sentence.
  {
    const ReportValue active = report_value(b.current("active"), f.threshold, lang);
    const ReportValue inflow = report_value(b.current("inflow"), f.threshold, lang);
    const ReportValue outflow = report_value(b.current("outflow"), f.threshold, lang);
    report.lead = en ? "At the end of " + report.month_label + ", " + active.text +
                           " cases were active; " + inflow.text + " came in and " + outflow.text +
                           " were closed during the month."
                     : "Eind " + report.month_label + " waren " + active.text +
                           " casussen actief; in de maand kwamen er " + inflow.text + " bij en werden er " +
                           outflow.text + " afgesloten.";
  }

  // Overview: every code.
  report.overview.title = en ? "All indicators" : "Alle indicatoren";
  report.overview.label_header = w.indicator;
  report.overview.columns = cols;
  {
    ReportGroup g;
    for (const auto& item : f.current.items) g.rows.push_back(b.row(item.code, b.label(item.code)));
    report.overview.groups.push_back(std::move(g));
  }

  // Inflow and outflow.
  report.flow.title = en ? "Inflow and outflow" : "Instroom en uitstroom";
  report.flow.label_header = "";
  report.flow.columns = cols;
  report.flow.groups.push_back(b.group_of("", {"inflow", "inflow_reentry", "outflow"}));
  report.flow.groups.push_back(b.group_with_prefix(b.label("outflow_reason"), "outflow_reason.", "outflow"));

  // Risicogroepen.
  {
    ReportSheet s;
    s.name = w.risk_sheet;
    s.title = en ? "Active cases by risk group, risk level, stage and escalation level"
                 : "Actieve casussen naar doelgroep, risiconiveau, fase en escalatie";
    ReportTable t;
    t.title = s.title;
    t.label_header = "";
    t.columns = cols;
    t.groups.push_back(b.group_with_prefix(w.risk_group, "active_by_risk_group.", "active"));
    t.groups.push_back(b.group_with_prefix(w.risk_level, "risk_level.", "active"));
    t.groups.push_back(b.group_of(en ? "Assessments" : "Beoordelingen",
                                  {"risk_raised", "risk_lowered", "review_overdue", "judgement_unexplained"}));
    t.groups.push_back(b.group_with_prefix(w.stage, "active_by_stage.", "active"));
    t.groups.push_back(b.group_of(en ? "Plan of action" : "Plan van aanpak",
                                  {"plan_due", "plan_on_time", "plan_on_time_pct", "no_plan_overdue"}));
    t.groups.push_back(b.group_with_prefix(w.escalation_level, "active_by_escalation_level.", "active"));
    t.groups.push_back(b.group_of(en ? "On hold" : "Aangehouden", {"on_hold", "on_hold_review_overdue"}));
    s.tables.push_back(std::move(t));
    report.sheets.push_back(std::move(s));
  }

  // Stadsdelen.
  {
    ReportSheet s;
    s.name = w.district_sheet;
    s.title = en ? "Active cases by district" : "Actieve casussen naar stadsdeel";
    ReportTable t;
    t.title = s.title;
    t.label_header = w.district;
    t.columns = cols;
    ReportGroup g = b.group_with_prefix("", "active_by_district.", "active");
    t.groups.push_back(std::move(g));
    s.tables.push_back(std::move(t));

    ReportTable x;
    x.title = en ? "Active cases by district and risk group, " + report.month_label
                 : "Actieve casussen naar stadsdeel en doelgroep, " + report.month_label;
    x.label_header = w.district;
    for (int g2 = 1; g2 <= 5; ++g2) x.columns.push_back({risk_group_label(g2, lang), "", false});
    x.columns.push_back({w.total, "", false});
    ReportGroup rows;
    if (f.district_by_risk_group) {
      const ProtectedTable& p = *f.district_by_risk_group;
      for (std::size_t r = 0; r < config.districts.size(); ++r) {
        ReportRow row;
        row.label = config.districts[r].name.get(lang);
        for (const auto& v : p.cells[r]) row.values.push_back(report_value(v, f.threshold, lang));
        row.values.push_back(report_value(p.row_totals[r], f.threshold, lang));
        rows.rows.push_back(std::move(row));
      }
      ReportRow total;
      total.label = w.total;
      total.total = true;
      for (const auto& v : p.column_totals) total.values.push_back(report_value(v, f.threshold, lang));
      total.values.push_back(report_value(p.grand_total, f.threshold, lang));
      rows.rows.push_back(std::move(total));
      x.groups.push_back(std::move(rows));
    } else {
      x.note = en ? "This cross-table is not shown: with so few cases per cell it could undo the "
                    "protection of the other tables."
                  : "Deze kruistabel wordt niet getoond: met zo weinig casussen per cel zou hij de "
                    "bescherming van de andere tabellen ongedaan kunnen maken.";
    }
    s.tables.push_back(std::move(x));
    report.sheets.push_back(std::move(s));
  }

  // Leefgebieden: domains × bands, this month.
  {
    ReportSheet s;
    s.name = w.life_domain_sheet;
    s.title = en ? "Life domains of active cases by colour of the latest score, " + report.month_label
                 : "Leefgebieden van actieve casussen naar kleur van de laatste score, " + report.month_label;
    ReportTable t;
    t.title = s.title;
    t.label_header = w.life_domain;
    std::vector<std::string> bands;
    for (const auto& band : config.monitoring.bands) bands.push_back(band.code);
    bands.push_back(kUnknown);
    for (const auto& band : bands) {
      t.columns.push_back({band_short_label(config, band, lang), band == kUnknown ? "grijs" : band, false});
    }
    ReportGroup g;
    for (const auto& d : config.monitoring.life_domains) {
      ReportRow r;
      r.label = d.name.get(lang);
      for (const auto& band : bands) {
        const std::string code = "life_domain." + d.code + "." + band;
        r.values.push_back(report_value(b.current(code), f.threshold, lang));
      }
      g.rows.push_back(std::move(r));
    }
    t.groups.push_back(std::move(g));
    s.tables.push_back(std::move(t));

    ReportTable change;
    change.title = en ? "Change over the life domains" : "Verandering over de leefgebieden";
    change.label_header = "";
    change.columns = cols;
    change.groups.push_back(b.group_of("", {"life_domain_improved", "life_domain_worsened"}));
    s.tables.push_back(std::move(change));
    report.sheets.push_back(std::move(s));
  }

  // Interventies (and events).
  {
    ReportSheet s;
    s.name = w.intervention_sheet;
    s.title = en ? "Interventions by toolkit category, events and police contact"
                 : "Interventies naar categorie, gebeurtenissen en politiecontact";
    ReportTable t;
    t.title = s.title;
    t.label_header = w.category;
    t.columns = cols;
    t.groups.push_back(b.group_with_prefix(b.label("interventions_active"), "interventions_active.", ""));
    t.groups.push_back(b.group_with_prefix(b.label("interventions_started"), "interventions_started.", ""));
    ReportGroup events = b.group_with_prefix(b.label("events"), "events.", "");
    events.rows.push_back(b.row("police_contact", b.label("police_contact"), true));
    t.groups.push_back(std::move(events));
    s.tables.push_back(std::move(t));
    report.sheets.push_back(std::move(s));
  }

  // Trend.
  for (const auto& set : f.trend) report.trend.months.push_back(short_month_label(set.month, lang));
  for (const auto& code : trend_codes()) {
    TrendSeries series;
    series.code = code;
    series.name = code.rfind("risk_level.", 0) == 0
                      ? b.label("risk_level") + " " + indicator_code_label(config, code, lang, true)
                      : b.label(code);
    for (const auto& set : f.trend) {
      const IndicatorValue* v = set.find(code);
      series.values.push_back(report_value(v ? *v : IndicatorValue::null_value(), f.threshold, lang));
    }
    report.trend.series.push_back(std::move(series));
  }

  // Definitions and notes.
  for (const auto& def : config.monitoring.indicators) {
    report.definitions.push_back({def.code, def.label.get(lang), def.definition.get(lang)});
  }
  if (f.is_protected) report.disclosure_note.push_back(disclosure_rule_text(f.threshold, lang));
  report.disclosure_note.push_back(
      en ? "Figures count the data stored up to " + report.meta.data_as_of +
               "; cases are counted on the last day of the month."
         : "De cijfers tellen de gegevens die tot en met " + report.meta.data_as_of +
               " zijn opgeslagen; casussen tellen op de laatste dag van de maand.");
  return report;
}

}  // namespace casus
