#include "render/monthly_document.h"

#include "render/report_labels.h"
#include "render/report_meta.h"

namespace casus {

namespace {


TemplateData list() { return TemplateData{TemplateData::type::list}; }

TemplateData cell(const std::string& text, bool bold = false, int colspan = 1) {
  TemplateData c;
  c.set("text", text);
  c.set("bold", bold ? "true" : "false");
  c.set("colspan", std::to_string(colspan));
  return c;
}

TemplateData table_data(const ReportTable& table, double label_width = 3.2) {
  TemplateData t;
  t.set("caption", table.title);
  const int n = static_cast<int>(table.columns.size()) + 1;
  TemplateData cols = list();
  TemplateData first;
  first.set("width", std::to_string(label_width));
  first.set("align", "left");
  cols.push_back(first);
  TemplateData header = list();
  TemplateData h0;
  h0.set("text", table.label_header);
  h0.set("has_status", false);
  h0.set("status", "");
  header.push_back(h0);
  for (const auto& c : table.columns) {
    TemplateData col;
    col.set("width", "1");
    col.set("align", "right");
    cols.push_back(col);
    TemplateData h;
    h.set("text", c.header);
    h.set("has_status", !c.status.empty());
    h.set("status", c.status);
    header.push_back(h);
  }
  t.set("cols", cols);
  t.set("header", header);
  TemplateData rows = list();
  for (const auto& g : table.groups) {
    if (!g.title.empty()) {
      TemplateData r;
      r.set("total", "false");
      TemplateData cells = list();
      cells.push_back(cell(g.title, true, n));
      r.set("cells", cells);
      rows.push_back(r);
    }
    for (const auto& row : g.rows) {
      TemplateData r;
      r.set("total", row.total ? "true" : "false");
      TemplateData cells = list();
      cells.push_back(cell(row.label));
      for (const auto& v : row.values) cells.push_back(cell(v.text));
      r.set("cells", cells);
      rows.push_back(r);
    }
  }
  t.set("rows", rows);
  t.set("has_rows", !table.groups.empty());
  t.set("has_note", !table.note.empty());
  t.set("note", table.note);
  return t;
}

std::string machine_number(const ReportValue& v) {
  if (v.kind == ReportValue::Kind::count || v.kind == ReportValue::Kind::change) {
    return std::to_string(static_cast<long long>(v.number));
  }
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f", v.number);
  return buffer;
}

TemplateData chart_values(const std::vector<ReportValue>& values) {
  TemplateData out = list();
  for (const auto& v : values) {
    TemplateData d;
    const bool shown = v.kind == ReportValue::Kind::count || v.kind == ReportValue::Kind::percentage;
    d.set("suppressed", !shown);
    d.set("label", shown ? v.text : (v.text.empty() ? "–" : v.text));
    d.set("value", shown ? machine_number(v) : "0");
    out.push_back(d);
  }
  return out;
}

TemplateData series(const std::string& name, const std::vector<ReportValue>& values) {
  TemplateData s;
  s.set("name", name);
  s.set("values", chart_values(values));
  return s;
}

std::string values_text(const TrendSeries& s, const std::vector<std::string>& months) {
  std::string out;
  for (std::size_t i = 0; i < s.values.size() && i < months.size(); ++i) {
    out += (i ? ", " : "") + months[i] + " " + s.values[i].text;
  }
  return out;
}

}  // namespace

TemplateData monthly_template_data(const MonthlyReport& report) {
  const bool en = report.language == Language::en;
  TemplateData d;
  d.set("meta", document_meta_data(report.meta));
  d.set("lead", report.lead);

  TemplateData key_rows = list();
  for (std::size_t i = 0; i < report.key_figures.size(); i += 4) {
    TemplateData row;
    TemplateData items = list();
    for (std::size_t j = i; j < i + 4 && j < report.key_figures.size(); ++j) {
      const auto& k = report.key_figures[j];
      TemplateData item;
      item.set("value", k.value.text);
      item.set("label", k.label);
      item.set("change", k.change);
      items.push_back(item);
    }
    row.set("items", items);
    key_rows.push_back(row);
  }
  d.set("key_figure_rows", key_rows);

  TemplateData s;  // section and chart titles
  s.set("summary", en ? "Summary" : "Samenvatting");
  s.set("trend", en ? "Trend over twelve months" : "Verloop over twaalf maanden");
  s.set("flow", report.flow.title);
  s.set("risk", en ? "Risk groups, risk level and stage" : "Doelgroepen, risiconiveau en fase");
  s.set("districts", en ? "Districts" : "Stadsdelen");
  s.set("life_domains", en ? "Life domains" : "Leefgebieden");
  s.set("interventions", en ? "Interventions and police contact" : "Interventies en politiecontact");
  s.set("notes", en ? "Notes and definitions" : "Toelichting en definities");
  s.set("definitions", en ? "Definitions of the indicators" : "Definities van de indicatoren");
  s.set("sources", en ? "Data and import batches" : "Gegevens en importbestanden");
  s.set("active_chart", en ? "Active cases at the end of each month" : "Actieve casussen aan het eind van elke maand");
  s.set("flow_chart", en ? "Inflow and outflow per month" : "Instroom en uitstroom per maand");
  s.set("risk_chart", en ? "Active cases by risk level per month" : "Actieve casussen naar risiconiveau per maand");
  s.set("district_chart", en ? "Active cases by district" : "Actieve casussen per stadsdeel");
  s.set("cases", en ? "cases" : "casussen");
  s.set("disclosure_title", en ? "Protection against disclosure" : "Bescherming tegen herleidbaarheid");
  d.set("titles", s);

  // Trend charts.
  const ReportTrend& t = report.trend;
  TemplateData months = list();
  for (const auto& m : t.months) months.push_back(TemplateData(m));
  d.set("months", months);
  const TrendSeries* active = t.find("active");
  const TrendSeries* inflow = t.find("inflow");
  const TrendSeries* outflow = t.find("outflow");
  TemplateData active_series = list();
  if (active) active_series.push_back(series(active->name, active->values));
  d.set("active_series", active_series);
  TemplateData flow_series = list();
  for (const TrendSeries* x : {inflow, outflow}) {
    if (x) flow_series.push_back(series(x->name, x->values));
  }
  d.set("flow_series", flow_series);
  TemplateData risk_series = list();
  for (const auto& x : t.series) {
    if (x.code.rfind("risk_level.", 0) == 0) {
      risk_series.push_back(series(judgement_label(x.code.substr(11), report.language), x.values));
    }
  }
  d.set("risk_series", risk_series);
  d.set("active_alt", (en ? "Line chart of active cases: " : "Lijndiagram van actieve casussen: ") +
                          (active ? values_text(*active, t.months) : std::string()));
  std::string flow_alt = en ? "Bar chart of inflow and outflow per month. " : "Staafdiagram van instroom en uitstroom per maand. ";
  if (inflow) flow_alt += inflow->name + ": " + values_text(*inflow, t.months) + ". ";
  if (outflow) flow_alt += outflow->name + ": " + values_text(*outflow, t.months) + ".";
  d.set("flow_alt", flow_alt);
  d.set("risk_alt", en ? "Stacked bar chart of the active cases by risk level per month; the figures are in the table Trend of the workbook."
                       : "Gestapeld staafdiagram van de actieve casussen naar risiconiveau per maand; de cijfers staan in het tabblad Trend van de werkmap.");

  // Tables.
  d.set("flow_table", table_data(report.flow));
  const ReportSheet& risk = report.sheets.at(0);
  const ReportSheet& districts = report.sheets.at(1);
  const ReportSheet& life = report.sheets.at(2);
  const ReportSheet& interventions = report.sheets.at(3);
  d.set("risk_table", table_data(risk.tables.at(0)));
  d.set("district_table", table_data(districts.tables.at(0)));
  d.set("cross_table", table_data(districts.tables.at(1), 2.4));
  d.set("life_table", table_data(life.tables.at(0), 2.6));
  d.set("life_change_table", table_data(life.tables.at(1)));
  d.set("intervention_table", table_data(interventions.tables.at(0)));

  // District chart: this month and the previous month.
  TemplateData district_categories = list();
  std::vector<ReportValue> now_values, before_values;
  std::string district_alt = en ? "Bar chart of active cases per district: " : "Staafdiagram van actieve casussen per stadsdeel: ";
  bool first = true;
  for (const auto& row : districts.tables.at(0).groups.at(0).rows) {
    if (row.total) continue;
    district_categories.push_back(TemplateData(row.label));
    now_values.push_back(row.values.at(0));
    before_values.push_back(row.values.at(1));
    district_alt += (first ? "" : ", ") + row.label + " " + row.values.at(0).text;
    first = false;
  }
  d.set("district_categories", district_categories);
  TemplateData district_series = list();
  district_series.push_back(series(report.previous_label, before_values));
  district_series.push_back(series(report.month_label, now_values));
  d.set("district_series", district_series);
  d.set("district_alt", district_alt);

  // Notes.
  TemplateData note = list();
  for (const auto& p : report.disclosure_note) note.push_back(TemplateData(p));
  d.set("disclosure_note", note);
  TemplateData definitions = list();
  for (const auto& def : report.definitions) {
    TemplateData x;
    x.set("code", def.code);
    x.set("label", def.label);
    x.set("text", def.text);
    definitions.push_back(x);
  }
  d.set("definitions", definitions);
  TemplateData batches = list();
  for (const auto& b : report.import_batches) batches.push_back(TemplateData(b));
  d.set("batches", batches);
  d.set("has_batches", !report.import_batches.empty());
  d.set("sources_text", (en ? "Data as of " : "Gegevens tot en met ") + report.meta.data_as_of +
                            (en ? ". The figures rest on these import batches:" : ". De cijfers berusten op deze importbestanden:"));
  d.set("no_batches_text", en ? "No import batches are recorded." : "Er zijn geen importbestanden vastgelegd.");
  return d;
}

Result<Document> render_monthly_document(const MonthlyReport& report,
                                         const std::filesystem::path& template_folder,
                                         DiagnosticSink& sink) {
  return render_document(template_folder / "report.mustache", monthly_template_data(report), sink);
}

}  // namespace casus
