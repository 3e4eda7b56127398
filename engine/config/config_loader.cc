#include "config/config_loader.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <string_view>

#include "config/config_xml.h"
#include "config/exchange_fields.h"
#include "config/indicator_codes.h"
#include "core/file_io.h"
#include "core/text_encoding.h"

namespace casus {

namespace {

std::string q(const std::string& text) { return "'" + text + "'"; }

std::string display_path(const std::filesystem::path& path) {
  return path.lexically_normal().generic_string();
}

// Everything the per-file loaders share: the config being built, the sink,
// and the error count across files.
struct Loader {
  std::filesystem::path dir;
  DiagnosticSink& sink;
  Config config;
  std::size_t errors = 0;

  std::filesystem::path path(const char* name) const { return dir / name; }
  std::string display(const std::filesystem::path& p) const { return display_path(p); }

  void file_error(const std::string& file, std::size_t line, const std::string& code,
                  const std::string& message, std::size_t column = 0) {
    Diagnostic d;
    d.code = code;
    d.location.file = file;
    d.location.line = line;
    d.location.column = column;
    d.message = message;
    sink.report(d);
    ++errors;
  }

  // --- settings.xml ---------------------------------------------------------
  void load_settings() {
    ConfigXml xml(display(path(kSettingsFile)), sink);
    if (xml.load(path(kSettingsFile), "settings")) {
      pugi::xml_node root = xml.root();
      xml.expect_children(root, {"municipality", "program", "fonts", "retention"});
      Settings& s = config.settings;
      if (auto n = root.child("municipality")) s.municipality = n.text().as_string();
      if (auto n = root.child("program")) s.program_name = n.text().as_string();
      if (auto n = root.child("fonts")) {
        s.font_regular = xml.optional(n, "regular");
        s.font_bold = xml.optional(n, "bold");
      }
      if (auto n = root.child("retention")) {
        if (auto years = xml.integer(n, "years-after-closure", "retention", 0, 100, true)) {
          s.retention_years_after_closure = *years;
        }
      }
      if (s.municipality.empty()) {
        xml.error(root, "config.missing_text", "", "settings: <municipality> is empty");
      }
    }
    errors += xml.errors();
  }

  // --- audiences.xml: data categories and audiences ----------------------------
  void load_audiences() {
    ConfigXml xml(display(path(kAudiencesFile)), sink);
    if (xml.load(path(kAudiencesFile), "audiences")) {
      pugi::xml_node root = xml.root();
      xml.expect_children(root, {"category", "audience"});
      for (pugi::xml_node n : root.children("category")) {
        DataCategory c;
        c.code = xml.required(n, "code", "category");
        const std::string what = "category " + q(c.code);
        c.name = xml.localized(n, "name", what, true);
        if (c.code.empty()) continue;
        if (config.find_data_category(c.code)) {
          xml.error(n, "config.duplicate_code", "code", "duplicate data category " + q(c.code));
          continue;
        }
        config.data_categories.push_back(std::move(c));
      }
      for (pugi::xml_node n : root.children("audience")) {
        Audience a;
        a.code = xml.required(n, "code", "audience");
        const std::string what = "audience " + q(a.code);
        a.name = xml.localized(n, "name", what, true);
        a.marking = xml.localized(n, "marking", what, true);
        a.aggregates_only = xml.boolean(n, "aggregates-only", what, false);
        a.pseudonymised = xml.boolean(n, "pseudonymised", what, false);
        for (const auto& category : split_words(xml.optional(n, "categories"))) {
          if (!config.find_data_category(category)) {
            xml.error(n, "config.unknown_category", "categories",
                      what + ": unknown data category " + q(category));
          }
          a.categories.insert(category);
        }
        if (a.code.empty()) continue;
        if (config.find_audience(a.code)) {
          xml.error(n, "config.duplicate_code", "code", "duplicate audience " + q(a.code));
          continue;
        }
        config.audiences.push_back(std::move(a));
      }
      if (config.data_categories.empty()) {
        xml.error(root, "config.empty", "", "no data categories defined");
      }
      if (config.audiences.empty()) xml.error(root, "config.empty", "", "no audiences defined");
    }
    errors += xml.errors();
  }

  // --- districts.csv ------------------------------------------------------------
  void load_districts() {
    const std::filesystem::path p = districts_path(dir);
    const std::string file = display(p);
    std::error_code ec;
    if (!std::filesystem::exists(p, ec)) {
      file_error(file, 0, "config.missing_file", "file not found");
      return;
    }
    // The same limits as the XML files (ConfigXml::load): refused unread when
    // too large, refused at the first byte that is not UTF-8.
    auto too_large = [&](std::uintmax_t size) {
      file_error(file, 0, "config.too_large",
                 "file is " + std::to_string(size) +
                     " bytes; a configuration file may be at most " +
                     std::to_string(kMaxConfigFileBytes) + " bytes");
    };
    if (const auto size = std::filesystem::file_size(p, ec); !ec && size > kMaxConfigFileBytes) {
      too_large(size);
      return;
    }
    auto bytes = read_file(p);
    if (!bytes) {
      file_error(file, 0, "config.unreadable", bytes.message());
      return;
    }
    if (bytes->size() > kMaxConfigFileBytes) {  // grew after the size check
      too_large(bytes->size());
      return;
    }
    if (const std::size_t bad = first_invalid_utf8(*bytes); bad < bytes->size()) {
      const std::size_t line_start = bytes->rfind('\n', bad == 0 ? std::string::npos : bad - 1);
      const std::size_t column = line_start == std::string::npos ? bad + 1 : bad - line_start;
      const std::size_t line =
          1 + static_cast<std::size_t>(std::count(
                  bytes->begin(), bytes->begin() + static_cast<std::ptrdiff_t>(bad), '\n'));
      char byte[8];
      std::snprintf(byte, sizeof byte, "0x%02X",
                    static_cast<unsigned>(static_cast<unsigned char>((*bytes)[bad])));
      file_error(file, line, "config.encoding",
                 std::string("not valid UTF-8 (byte ") + byte +
                     "); configuration files must be saved as UTF-8",
                 column);
      return;
    }
    std::string_view text = strip_utf8_bom(*bytes);
    std::size_t line_no = 0;
    bool header_seen = false;
    while (!text.empty()) {
      const std::size_t end = text.find('\n');
      std::string_view line = text.substr(0, end);
      text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
      ++line_no;
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      if (trim_blanks(line).empty()) continue;
      std::vector<std::string> cells;
      std::size_t start = 0;
      while (true) {
        const std::size_t sep = line.find(';', start);
        cells.emplace_back(trim_blanks(line.substr(start, sep - start)));
        if (sep == std::string_view::npos) break;
        start = sep + 1;
      }
      if (!header_seen) {
        header_seen = true;
        if (cells.size() != 3 || ascii_lower(cells[0]) != "code" ||
            ascii_lower(cells[1]) != "naam" || ascii_lower(cells[2]) != "name") {
          file_error(file, line_no, "config.districts_header",
                     "header must be 'code;naam;name'");
          return;
        }
        continue;
      }
      if (cells.size() != 3) {
        file_error(file, line_no, "config.districts_row",
                   "expected 3 fields separated by ';', found " + std::to_string(cells.size()));
        continue;
      }
      District d;
      d.code = cells[0];
      d.name.nl = cells[1];
      d.name.en = cells[2];
      if (d.code.empty() || d.name.nl.empty()) {
        file_error(file, line_no, "config.districts_row", "code and naam are required");
        continue;
      }
      if (config.find_district(d.code)) {
        file_error(file, line_no, "config.duplicate_code", "duplicate district " + q(d.code));
        continue;
      }
      config.districts.push_back(std::move(d));
    }
    if (config.districts.empty()) file_error(file, 0, "config.empty", "no districts defined");
  }

  // --- monitoring.xml -------------------------------------------------------------
  void load_monitoring() {
    ConfigXml xml(display(path(kMonitoringFile)), sink);
    if (xml.load(path(kMonitoringFile), "monitoring")) {
      pugi::xml_node root = xml.root();
      xml.expect_children(root, {"review", "first-assessment", "plan", "disclosure", "trend",
                                 "bands", "life-domains", "indicators"});
      Monitoring& m = config.monitoring;
      std::set<std::string> review_seen;
      for (pugi::xml_node n : root.children("review")) {
        const std::string judgement = xml.required(n, "judgement", "review");
        auto days = xml.integer(n, "days", "review " + q(judgement), 1, 3660, true);
        auto parsed = parse_judgement(judgement);
        if (!judgement.empty() && !parsed) {
          xml.error(n, "config.invalid_code", "judgement",
                    "review: unknown judgement " + q(judgement) + " (allowed: " +
                        list_codes(kAllJudgements) + ")");
          continue;
        }
        if (!parsed || !days) continue;
        if (!review_seen.insert(code(*parsed)).second) {
          xml.error(n, "config.duplicate_code", "judgement",
                    "duplicate review interval for " + q(judgement));
        }
        switch (*parsed) {
          case Judgement::hoog: m.review_days_hoog = *days; break;
          case Judgement::midden: m.review_days_midden = *days; break;
          case Judgement::laag: m.review_days_laag = *days; break;
        }
      }
      for (Judgement j : kAllJudgements) {
        if (!review_seen.count(code(j))) {
          xml.error(root, "config.missing_element", "",
                    std::string("no <review judgement=\"") + code(j) + "\"> interval");
        }
      }
      auto read_days = [&](const char* element, const char* attribute, int& target) {
        pugi::xml_node n = root.child(element);
        if (!n) {
          xml.error(root, "config.missing_element", "",
                    std::string("missing <") + element + "> element");
          return;
        }
        if (auto v = xml.integer(n, attribute, element, 1, 100000, true)) target = *v;
      };
      read_days("first-assessment", "days", m.first_assessment_days);
      read_days("plan", "deadline-days", m.plan_deadline_days);
      read_days("plan", "window-days", m.plan_window_days);
      read_days("disclosure", "threshold", m.disclosure_threshold);
      read_days("trend", "months", m.trend_months);

      pugi::xml_node bands = root.child("bands");
      for (pugi::xml_node n : bands.children("band")) {
        ColourBand b;
        b.code = xml.required(n, "code", "band");
        const std::string what = "band " + q(b.code);
        auto lo = xml.integer(n, "min", what, 1, 5, true);
        auto hi = xml.integer(n, "max", what, 1, 5, true);
        b.label = xml.localized(n, "label", what, true);
        b.colour = xml.required(n, "colour", what);
        if (b.code.empty() || !lo || !hi) continue;
        if (*lo > *hi) {
          xml.error(n, "config.invalid_range", "min",
                    what + ": min " + std::to_string(*lo) + " is above max " +
                        std::to_string(*hi));
          continue;
        }
        b.min_score = *lo;
        b.max_score = *hi;
        bool clash = false;
        for (const auto& other : m.bands) {
          if (other.code == b.code) {
            xml.error(n, "config.duplicate_code", "code", "duplicate band " + q(b.code));
            clash = true;
          } else if (b.min_score <= other.max_score && other.min_score <= b.max_score) {
            // Reported, but the band is kept so that later references to it
            // do not fail as well.
            xml.error(n, "config.band_overlap", "",
                      what + ": scores " + std::to_string(b.min_score) + "–" +
                          std::to_string(b.max_score) + " overlap band " + q(other.code));
          }
        }
        if (!clash) m.bands.push_back(std::move(b));
      }
      std::sort(m.bands.begin(), m.bands.end(),
                [](const ColourBand& a, const ColourBand& b) { return a.min_score < b.min_score; });
      for (int score = 1; score <= 5; ++score) {
        if (!m.band_for_score(score)) {
          xml.error(bands ? bands : root, "config.band_gap", "",
                    "no colour band covers score " + std::to_string(score));
        }
      }

      for (pugi::xml_node n : root.child("life-domains").children("life-domain")) {
        LifeDomain d;
        d.code = xml.required(n, "code", "life-domain");
        d.name = xml.localized(n, nullptr, "life-domain " + q(d.code), true);
        if (d.code.empty()) continue;
        if (config.find_life_domain(d.code)) {
          xml.error(n, "config.duplicate_code", "code", "duplicate life domain " + q(d.code));
          continue;
        }
        m.life_domains.push_back(std::move(d));
      }
      if (m.life_domains.empty()) xml.error(root, "config.empty", "", "no life domains defined");

      pugi::xml_node indicators = root.child("indicators");
      const auto& known = indicator_base_codes();
      for (pugi::xml_node n : indicators.children("indicator")) {
        IndicatorDefinition d;
        d.code = xml.required(n, "code", "indicator");
        const std::string what = "indicator " + q(d.code);
        d.label = xml.localized(n, "label", what, true);
        d.definition = xml.localized(n, "definition", what, true);
        if (d.code.empty()) continue;
        if (std::find(known.begin(), known.end(), d.code) == known.end()) {
          xml.error(n, "config.unknown_indicator", "code",
                    "unknown indicator " + q(d.code) + " (see spec/monitoring.md)");
          continue;
        }
        if (m.find_indicator(d.code)) {
          xml.error(n, "config.duplicate_code", "code", "duplicate indicator " + q(d.code));
          continue;
        }
        m.indicators.push_back(std::move(d));
      }
      // Keep the order of monitoring.md regardless of the file's order.
      std::vector<IndicatorDefinition> ordered;
      for (const auto& code : known) {
        if (const auto* d = m.find_indicator(code)) {
          ordered.push_back(*d);
        } else {
          xml.error(indicators ? indicators : root, "config.missing_indicator", "",
                    "indicator " + q(code) + " has no label and definition");
        }
      }
      m.indicators = std::move(ordered);
    }
    errors += xml.errors();
  }

  // --- framework.xml -----------------------------------------------------------------
  void load_framework() {
    ConfigXml xml(display(path(kFrameworkFile)), sink);
    if (xml.load(path(kFrameworkFile), "framework")) {
      pugi::xml_node root = xml.root();
      xml.expect_children(root, {"domain", "attention-rule"});
      Framework& f = config.framework;
      if (auto share = xml.number(root, "incomplete-unknown-share", "framework", 0, 1, false)) {
        f.incomplete_unknown_share = *share;
      }
      for (pugi::xml_node dn : root.children("domain")) {
        xml.expect_children(dn, {"name", "item"});
        FrameworkDomain domain;
        domain.code = xml.required(dn, "code", "domain");
        const std::string dwhat = "domain " + q(domain.code);
        domain.name = xml.localized(dn, "name", dwhat, true);
        domain.protective = xml.boolean(dn, "protective", dwhat, false);
        if (domain.code.empty()) continue;
        if (f.find_domain(domain.code)) {
          xml.error(dn, "config.duplicate_code", "code", "duplicate domain " + q(domain.code));
          continue;
        }
        for (pugi::xml_node in : dn.children("item")) {
          xml.expect_children(in, {"label", "question"});
          FrameworkItem item;
          item.code = xml.required(in, "code", "item");
          item.domain = domain.code;
          item.source = xml.source_of(in);
          const std::string what = "item " + q(item.code);
          item.label = xml.localized(in, "label", what, true);
          for (pugi::xml_node qn : in.children("question")) {
            item.questions.push_back(xml.localized(qn, nullptr, what + " question", true));
          }
          if (item.questions.size() < 2 || item.questions.size() > 4) {
            xml.error(in, "config.question_count", "",
                      what + ": has " + std::to_string(item.questions.size()) +
                          " guiding questions, expected 2 to 4");
          }
          if (item.code.empty()) continue;
          if (f.find_item(item.code) || f.find_domain(item.code)) {
            xml.error(in, "config.duplicate_code", "code", "duplicate item " + q(item.code));
            continue;
          }
          domain.item_codes.push_back(item.code);
          f.items.push_back(std::move(item));
        }
        if (domain.item_codes.empty()) {
          xml.error(dn, "config.empty", "", dwhat + ": has no items");
        }
        f.domains.push_back(std::move(domain));
      }
      if (f.domains.empty()) xml.error(root, "config.empty", "", "no domains defined");

      std::set<std::string> rule_ids;
      for (pugi::xml_node rn : root.children("attention-rule")) {
        xml.expect_children(rn, {"description", "item-equals", "domain-share-at-least"});
        AttentionRule rule;
        rule.id = xml.required(rn, "id", "attention-rule");
        rule.source = xml.source_of(rn);
        const std::string what = "attention-rule " + q(rule.id);
        rule.description = xml.localized(rn, "description", what, true);
        const std::string minimum = xml.required(rn, "minimum", what);
        if (auto j = parse_judgement(minimum)) {
          rule.minimum = *j;
        } else if (!minimum.empty()) {
          xml.error(rn, "config.invalid_code", "minimum",
                    what + ": unknown judgement " + q(minimum) + " (allowed: " +
                        list_codes(kAllJudgements) + ")");
        }
        for (pugi::xml_node cn : rn.children()) {
          if (cn.type() != pugi::node_element) continue;
          const std::string name = cn.name();
          AttentionCondition c;
          if (name == "item-equals") {
            c.kind = AttentionCondition::Kind::item_equals;
            c.target = xml.required(cn, "item", what);
            auto v = xml.integer(cn, "value", what, 0, 2, true);
            if (v) c.value = *v;
            if (!c.target.empty() && !f.find_item(c.target)) {
              xml.error(cn, "config.unknown_item", "item",
                        what + ": unknown item " + q(c.target));
              continue;
            }
          } else if (name == "domain-share-at-least") {
            c.kind = AttentionCondition::Kind::domain_share_at_least;
            c.target = xml.required(cn, "domain", what);
            auto v = xml.number(cn, "value", what, 0, 1, true);
            if (v) c.value = *v;
            if (!c.target.empty() && !f.find_domain(c.target)) {
              xml.error(cn, "config.unknown_domain", "domain",
                        what + ": unknown domain " + q(c.target));
              continue;
            }
          } else {
            continue;
          }
          rule.any_of.push_back(std::move(c));
        }
        if (rule.any_of.empty()) xml.error(rn, "config.empty", "", what + ": has no conditions");
        if (!rule.id.empty() && !rule_ids.insert(rule.id).second) {
          xml.error(rn, "config.duplicate_code", "id", "duplicate attention rule " + q(rule.id));
          continue;
        }
        f.attention_rules.push_back(std::move(rule));
      }
    }
    errors += xml.errors();
  }

  // --- partners/<code>.xml -------------------------------------------------------------
  void load_partner_file(const std::filesystem::path& p) {
    ConfigXml xml(display(p), sink);
    if (xml.load(p, "partner")) {
      pugi::xml_node root = xml.root();
      xml.expect_children(root, {"representative", "audience", "exchange", "export"});
      Partner partner;
      partner.code = xml.required(root, "code", "partner");
      partner.name = xml.required(root, "name", "partner " + q(partner.code));
      partner.role = xml.optional(root, "role");
      partner.source = xml.source_of(root);
      const std::string what = "partner " + q(partner.code);
      if (!partner.code.empty() && partner.code != p.stem().string()) {
        xml.error(root, "config.partner_file_name", "code",
                  what + ": code must equal the file name " + q(p.stem().string()));
      }
      if (auto rep = root.child("representative")) {
        partner.representative = xml.required(rep, "name", what + " representative");
        partner.representative_title = xml.required(rep, "title", what + " representative");
      } else {
        xml.error(root, "config.missing_element", "", what + ": missing <representative>");
      }
      for (pugi::xml_node an : root.children("audience")) {
        const std::string code = xml.required(an, "code", what + " audience");
        if (code.empty()) continue;
        if (!config.find_audience(code)) {
          xml.error(an, "config.unknown_audience", "code",
                    what + ": unknown audience " + q(code));
          continue;
        }
        partner.audiences.push_back(code);
      }
      for (pugi::xml_node en : root.children("exchange")) {
        DataExchange e;
        e.category = xml.required(en, "category", what + " exchange");
        e.supplies = xml.boolean(en, "supplies", what + " exchange", false);
        e.receives = xml.boolean(en, "receives", what + " exchange", false);
        e.legal_ground = xml.localized(en, "legal-ground", what + " exchange", true);
        if (!e.category.empty() && !config.find_data_category(e.category)) {
          xml.error(en, "config.unknown_category", "category",
                    what + ": unknown data category " + q(e.category));
          continue;
        }
        if (!e.supplies && !e.receives) {
          xml.error(en, "config.exchange_empty", "",
                    what + ": exchange of " + q(e.category) +
                        " neither supplies nor receives");
        }
        partner.exchanges.push_back(std::move(e));
      }
      for (pugi::xml_node xn : root.children("export")) {
        xml.expect_children(xn, {"column"});
        PartnerExport ex;
        ex.source = xml.source_of(xn);
        const std::string kind = xml.required(xn, "kind", what + " export");
        auto parsed_kind = parse_record_kind(kind);
        if (!parsed_kind) {
          if (!kind.empty()) {
            xml.error(xn, "config.invalid_code", "kind",
                      what + ": unknown record kind " + q(kind) + " (allowed: " +
                          list_codes(kAllRecordKinds) + ")");
          }
          continue;
        }
        ex.kind = *parsed_kind;
        const std::string ewhat = what + " export " + q(kind);
        if (partner.find_export(ex.kind)) {
          xml.error(xn, "config.duplicate_code", "kind",
                    what + ": a second export of kind " + q(kind));
          continue;
        }
        ex.format = xml.required(xn, "format", ewhat);
        if (!ex.format.empty() && ex.format != "csv" && ex.format != "xml") {
          xml.error(xn, "config.invalid_code", "format",
                    ewhat + ": format must be csv or xml, not " + q(ex.format));
        }
        const std::string delimiter = xml.optional(xn, "delimiter");
        if (delimiter == "tab" || delimiter == "\t") {
          ex.delimiter = '\t';
        } else if (delimiter == ";" || delimiter == ",") {
          ex.delimiter = delimiter[0];
        } else if (!delimiter.empty()) {
          xml.error(xn, "config.invalid_code", "delimiter",
                    ewhat + ": delimiter must be ';', ',' or 'tab', not " + q(delimiter));
        }
        ex.encoding = ascii_lower(xml.optional(xn, "encoding"));
        static const std::set<std::string> encodings = {"utf-8", "windows-1252", "iso-8859-1",
                                                        "utf-16"};
        if (!ex.encoding.empty() && !encodings.count(ex.encoding)) {
          xml.error(xn, "config.invalid_code", "encoding",
                    ewhat + ": unknown encoding " + q(ex.encoding) +
                        " (allowed: utf-8, windows-1252, iso-8859-1, utf-16)");
        }
        const std::string order = xml.optional(xn, "date-order");
        if (order == "mdy") {
          ex.date_order = DateOrder::mdy;
        } else if (!order.empty() && order != "dmy") {
          xml.error(xn, "config.invalid_code", "date-order",
                    ewhat + ": date-order must be dmy or mdy, not " + q(order));
        }
        std::set<std::string> fields_seen, headers_seen;
        for (pugi::xml_node cn : xn.children("column")) {
          xml.expect_children(cn, {"value"});
          ColumnMapping c;
          c.source = xml.source_of(cn);
          c.field = xml.required(cn, "field", ewhat + " column");
          c.header = xml.optional(cn, "header");
          if (c.header.empty()) c.header = c.field;
          if (c.field.empty()) continue;
          const bool item_column =
              ex.kind == RecordKind::assessments && config.framework.find_item(c.field);
          if (!is_exchange_field(ex.kind, c.field) && !item_column) {
            xml.error(cn, "config.unknown_field", "field",
                      ewhat + ": " + q(c.field) + " is not a field of " + kind);
            continue;
          }
          if (!fields_seen.insert(c.field).second) {
            xml.error(cn, "config.duplicate_code", "field",
                      ewhat + ": field " + q(c.field) + " is mapped twice");
            continue;
          }
          if (!headers_seen.insert(ascii_lower(c.header)).second) {
            xml.error(cn, "config.duplicate_code", "header",
                      ewhat + ": header " + q(c.header) + " is used twice");
            continue;
          }
          std::set<std::string> from_seen;
          for (pugi::xml_node vn : cn.children("value")) {
            ValueMapping v;
            v.from = xml.required(vn, "from", ewhat + " column " + q(c.field) + " value");
            v.to = xml.required(vn, "to", ewhat + " column " + q(c.field) + " value");
            if (v.from.empty() || v.to.empty()) continue;
            if (!from_seen.insert(ascii_lower(v.from)).second) {
              xml.error(vn, "config.duplicate_code", "from",
                        ewhat + ": value " + q(v.from) + " of " + q(c.field) +
                            " is mapped twice");
              continue;
            }
            c.values.push_back(std::move(v));
          }
          ex.columns.push_back(std::move(c));
        }
        partner.exports.push_back(std::move(ex));
      }
      if (!partner.code.empty()) {
        if (config.find_partner(partner.code)) {
          xml.error(root, "config.duplicate_code", "code", "duplicate partner " + q(partner.code));
        } else {
          config.partners.push_back(std::move(partner));
        }
      }
    }
    errors += xml.errors();
  }

  void load_partners() {
    const std::filesystem::path folder = dir / kPartnersFolder;
    std::error_code ec;
    if (!std::filesystem::is_directory(folder, ec)) {
      file_error(display(folder), 0, "config.missing_file", "partners folder not found");
      return;
    }
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(folder, ec)) {
      if (entry.is_regular_file() && entry.path().extension() == ".xml") {
        files.push_back(entry.path());
      }
    }
    std::sort(files.begin(), files.end());
    for (const auto& p : files) load_partner_file(p);
    if (files.empty()) file_error(display(folder), 0, "config.empty", "no partner files");
  }

  // --- toolkit.xml -------------------------------------------------------------------
  void load_toolkit() {
    ConfigXml xml(display(path(kToolkitFile)), sink);
    if (xml.load(path(kToolkitFile), "toolkit")) {
      pugi::xml_node root = xml.root();
      xml.expect_children(root, {"category", "instrument"});
      Toolkit& t = config.toolkit;
      for (pugi::xml_node n : root.children("category")) {
        ToolkitCategory c;
        c.code = xml.required(n, "code", "category");
        const std::string what = "category " + q(c.code);
        c.name = xml.localized(n, "name", what, true);
        c.requires_legal_basis = xml.boolean(n, "requires-legal-basis", what, false);
        if (c.code.empty()) continue;
        if (t.find_category(c.code)) {
          xml.error(n, "config.duplicate_code", "code", "duplicate category " + q(c.code));
          continue;
        }
        t.categories.push_back(std::move(c));
      }
      for (pugi::xml_node n : root.children("instrument")) {
        xml.expect_children(n, {"name", "description", "legal-basis", "preconditions",
                                "indication"});
        Instrument ins;
        ins.code = xml.required(n, "code", "instrument");
        ins.source = xml.source_of(n);
        const std::string what = "instrument " + q(ins.code);
        ins.name = xml.localized(n, "name", what, true);
        ins.description = xml.localized(n, "description", what, false);
        ins.legal_basis = xml.localized(n, "legal-basis", what, false);
        ins.preconditions = xml.localized(n, "preconditions", what, false);
        ins.category = xml.required(n, "category", what);
        ins.owner = xml.required(n, "owner", what);
        const ToolkitCategory* category = t.find_category(ins.category);
        if (!ins.category.empty() && !category) {
          xml.error(n, "config.unknown_category", "category",
                    what + ": unknown category " + q(ins.category));
        }
        if (!ins.owner.empty() && !config.find_partner(ins.owner)) {
          xml.error(n, "config.unknown_partner", "owner",
                    what + ": unknown partner " + q(ins.owner));
        }
        if (category && category->requires_legal_basis && ins.legal_basis.nl.empty()) {
          xml.error(n, "config.missing_legal_basis", "legal-basis",
                    what + ": a " + category->code + " instrument needs a legal basis");
        }
        for (const auto& word : split_words(xml.optional(n, "risk-groups"))) {
          if (word.size() != 1 || word[0] < '1' || word[0] > '5') {
            xml.error(n, "config.invalid_code", "risk-groups",
                      what + ": risk group " + q(word) + " is not 1..5");
            continue;
          }
          ins.risk_groups.push_back(word[0] - '0');
        }
        for (pugi::xml_node in : n.children("indication")) {
          if (auto ind = read_indication(xml, in, what)) ins.indications.push_back(*ind);
        }
        if (ins.code.empty()) continue;
        if (t.find(ins.code)) {
          xml.error(n, "config.duplicate_code", "code", "duplicate instrument " + q(ins.code));
          continue;
        }
        t.instruments.push_back(std::move(ins));
      }
      if (t.categories.empty()) xml.error(root, "config.empty", "", "no categories defined");
    }
    errors += xml.errors();
  }

  std::optional<Indication> read_indication(ConfigXml& xml, pugi::xml_node n,
                                            const std::string& what) {
    const std::string type = xml.required(n, "type", what + " indication");
    Indication ind;
    ind.target = xml.optional(n, "target");
    const std::string iwhat = what + " indication " + q(type);
    auto need_target = [&]() {
      if (ind.target.empty()) {
        xml.error(n, "config.missing_attribute", "target",
                  iwhat + ": required attribute is missing or empty");
        return false;
      }
      return true;
    };
    if (type == "item_at_least") {
      ind.kind = Indication::Kind::item_at_least;
      auto v = xml.integer(n, "value", iwhat, 0, 2, true);
      if (!need_target() || !v) return std::nullopt;
      if (!config.framework.find_item(ind.target)) {
        xml.error(n, "config.unknown_item", "target", iwhat + ": unknown item " + q(ind.target));
        return std::nullopt;
      }
      ind.value = *v;
    } else if (type == "domain_share_at_least") {
      ind.kind = Indication::Kind::domain_share_at_least;
      auto v = xml.number(n, "value", iwhat, 0, 1, true);
      if (!need_target() || !v) return std::nullopt;
      if (!config.framework.find_domain(ind.target)) {
        xml.error(n, "config.unknown_domain", "target",
                  iwhat + ": unknown domain " + q(ind.target));
        return std::nullopt;
      }
      ind.value = *v;
    } else if (type == "event_kind") {
      ind.kind = Indication::Kind::event_kind;
      if (!need_target()) return std::nullopt;
      if (!parse_event_kind(ind.target)) {
        xml.error(n, "config.invalid_code", "target",
                  iwhat + ": unknown event kind " + q(ind.target));
        return std::nullopt;
      }
    } else if (type == "life_domain_at_most") {
      ind.kind = Indication::Kind::life_domain_at_most;
      auto v = xml.integer(n, "value", iwhat, 1, 5, true);
      if (!need_target() || !v) return std::nullopt;
      if (!config.find_life_domain(ind.target)) {
        xml.error(n, "config.unknown_life_domain", "target",
                  iwhat + ": unknown life domain " + q(ind.target));
        return std::nullopt;
      }
      ind.value = *v;
    } else if (type == "risk_group") {
      ind.kind = Indication::Kind::risk_group;
      auto v = xml.integer(n, "value", iwhat, 1, 5, true);
      if (!v) return std::nullopt;
      ind.value = *v;
    } else {
      if (!type.empty()) {
        xml.error(n, "config.invalid_code", "type",
                  what + ": unknown indication type " + q(type) +
                      " (allowed: item_at_least, domain_share_at_least, event_kind, "
                      "life_domain_at_most, risk_group)");
      }
      return std::nullopt;
    }
    return ind;
  }

  // --- escalation.xml ------------------------------------------------------------------
  void load_escalation() {
    ConfigXml xml(display(path(kEscalationFile)), sink);
    if (xml.load(path(kEscalationFile), "escalation")) {
      pugi::xml_node root = xml.root();
      xml.expect_children(root, {"level", "rule"});
      Escalation& e = config.escalation;
      for (pugi::xml_node n : root.children("level")) {
        EscalationLevel level;
        auto number = xml.integer(n, "number", "level", 1, 9, true);
        const std::string what = "level " + (number ? std::to_string(*number) : std::string("?"));
        level.forum = xml.required(n, "forum", what);
        level.name = xml.localized(n, "name", what, true);
        level.description = xml.localized(n, "description", what, false);
        if (!number) continue;
        level.level = *number;
        if (e.find(level.level)) {
          xml.error(n, "config.duplicate_code", "number", "duplicate " + what);
          continue;
        }
        if (level.level != static_cast<int>(e.levels.size()) + 1) {
          xml.error(n, "config.level_order", "number",
                    what + ": levels must be numbered 1, 2, 3, ... in order");
          continue;
        }
        e.levels.push_back(std::move(level));
      }
      if (e.levels.empty()) xml.error(root, "config.empty", "", "no escalation levels defined");
      std::set<std::string> ids;
      for (pugi::xml_node n : root.children("rule")) {
        EscalationRule rule;
        rule.id = xml.required(n, "id", "rule");
        rule.source = xml.source_of(n);
        const std::string what = "rule " + q(rule.id);
        rule.reason = xml.localized(n, "reason", what, true);
        const std::string direction = xml.required(n, "direction", what);
        if (direction == "down") {
          rule.direction = EscalationRule::Direction::down;
        } else if (direction != "up" && !direction.empty()) {
          xml.error(n, "config.invalid_code", "direction",
                    what + ": direction must be up or down, not " + q(direction));
          continue;
        }
        const std::string trigger = xml.required(n, "trigger", what);
        bool ok = true;
        auto read_judgement = [&]() {
          const std::string text = xml.required(n, "judgement", what);
          if (auto j = parse_judgement(text)) {
            rule.judgement = *j;
          } else {
            if (!text.empty()) {
              xml.error(n, "config.invalid_code", "judgement",
                        what + ": unknown judgement " + q(text));
            }
            ok = false;
          }
        };
        if (trigger == "judgement_reaches") {
          rule.trigger = EscalationRule::Trigger::judgement_reaches;
          read_judgement();
        } else if (trigger == "event_kind") {
          rule.trigger = EscalationRule::Trigger::event_kind;
          rule.event_kind = xml.required(n, "event", what);
          if (!rule.event_kind.empty() && !parse_event_kind(rule.event_kind)) {
            xml.error(n, "config.invalid_code", "event",
                      what + ": unknown event kind " + q(rule.event_kind));
            ok = false;
          }
          if (rule.event_kind.empty()) ok = false;
        } else if (trigger == "consecutive_judgements") {
          rule.trigger = EscalationRule::Trigger::consecutive_judgements;
          read_judgement();
          if (auto count = xml.integer(n, "count", what, 1, 20, true)) {
            rule.count = *count;
          } else {
            ok = false;
          }
          rule.min_band = xml.optional(n, "min-band");
          if (!rule.min_band.empty()) {
            bool known = std::any_of(config.monitoring.bands.begin(), config.monitoring.bands.end(),
                                     [&](const ColourBand& b) { return b.code == rule.min_band; });
            if (!known) {
              xml.error(n, "config.invalid_code", "min-band",
                        what + ": unknown colour band " + q(rule.min_band));
              ok = false;
            }
          }
        } else {
          if (!trigger.empty()) {
            xml.error(n, "config.invalid_code", "trigger",
                      what + ": unknown trigger " + q(trigger) +
                          " (allowed: judgement_reaches, event_kind, consecutive_judgements)");
          }
          ok = false;
        }
        if (!ok || rule.id.empty()) continue;
        if (!ids.insert(rule.id).second) {
          xml.error(n, "config.duplicate_code", "id", "duplicate rule " + q(rule.id));
          continue;
        }
        e.rules.push_back(std::move(rule));
      }
    }
    errors += xml.errors();
  }

  // --- fields.xml -----------------------------------------------------------------------
  void load_fields() {
    ConfigXml xml(display(path(kFieldsFile)), sink);
    if (xml.load(path(kFieldsFile), "fields")) {
      pugi::xml_node root = xml.root();
      xml.expect_children(root, {"kind"});
      std::set<std::string> kinds_seen;
      for (pugi::xml_node kn : root.children("kind")) {
        xml.expect_children(kn, {"field"});
        const std::string kind = xml.required(kn, "code", "kind");
        auto parsed = parse_record_kind(kind);
        if (!parsed) {
          if (!kind.empty()) {
            xml.error(kn, "config.invalid_code", "code",
                      "unknown record kind " + q(kind) + " (allowed: " +
                          list_codes(kAllRecordKinds) + ")");
          }
          continue;
        }
        if (!kinds_seen.insert(kind).second) {
          xml.error(kn, "config.duplicate_code", "code", "duplicate kind " + q(kind));
          continue;
        }
        std::set<std::string> seen;
        for (pugi::xml_node fn : kn.children("field")) {
          FieldClassification fc;
          fc.kind = kind;
          fc.field = xml.required(fn, "name", kind + " field");
          fc.category = xml.required(fn, "category", kind + " field " + q(fc.field));
          if (fc.field.empty() || fc.category.empty()) continue;
          const bool items = *parsed == RecordKind::assessments && fc.field == Config::kItemsField;
          if (!items && !is_exchange_field(*parsed, fc.field)) {
            xml.error(fn, "config.unknown_field", "name",
                      q(fc.field) + " is not a field of " + kind);
            continue;
          }
          if (!config.find_data_category(fc.category)) {
            xml.error(fn, "config.unknown_category", "category",
                      kind + " field " + q(fc.field) + ": unknown data category " +
                          q(fc.category));
            continue;
          }
          if (!seen.insert(fc.field).second) {
            xml.error(fn, "config.duplicate_code", "name",
                      kind + " field " + q(fc.field) + " is classified twice");
            continue;
          }
          config.fields.push_back(std::move(fc));
        }
        std::vector<std::string> required = exchange_fields(*parsed);
        if (*parsed == RecordKind::assessments) required.push_back(Config::kItemsField);
        for (const auto& field : required) {
          if (!seen.count(field)) {
            xml.error(kn, "config.unclassified_field", "",
                      kind + " field " + q(field) + " has no data category");
          }
        }
      }
      for (RecordKind k : kAllRecordKinds) {
        if (!kinds_seen.count(code(k))) {
          xml.error(root, "config.unclassified_field", "",
                    std::string("record kind '") + code(k) + "' is not classified");
        }
      }
    }
    errors += xml.errors();
  }

  // --- regisseurs.xml ---------------------------------------------------------------------
  void load_regisseurs() {
    ConfigXml xml(display(path(kRegisseursFile)), sink);
    if (xml.load(path(kRegisseursFile), "regisseurs")) {
      pugi::xml_node root = xml.root();
      xml.expect_children(root, {"regisseur"});
      std::set<std::string> names;
      for (pugi::xml_node n : root.children("regisseur")) {
        Regisseur r;
        r.name = xml.required(n, "name", "regisseur");
        r.organisation = xml.optional(n, "organisation");
        r.email = xml.optional(n, "email");
        if (r.name.empty()) continue;
        if (!names.insert(r.name).second) {
          xml.error(n, "config.duplicate_code", "name", "duplicate regisseur " + q(r.name));
          continue;
        }
        config.regisseurs.push_back(std::move(r));
      }
    }
    errors += xml.errors();
  }
};

}  // namespace

std::filesystem::path districts_path(const std::filesystem::path& config_dir) {
  std::error_code ec;
  const std::filesystem::path local = config_dir / kDistrictsFile;
  if (std::filesystem::exists(local, ec)) return local;
  return config_dir / ".." / "data" / kDistrictsFile;
}

Result<Config> load_config(const std::filesystem::path& config_dir, DiagnosticSink& sink) {
  std::error_code ec;
  if (!std::filesystem::is_directory(config_dir, ec)) {
    Diagnostic d;
    d.code = "config.missing_folder";
    d.location.file = display_path(config_dir);
    d.message = "configuration folder not found";
    sink.report(d);
    return Status::error(d.to_string());
  }
  Loader loader{config_dir, sink, {}, 0};
  loader.config.root = config_dir;
  // Order matters: later files refer to codes defined by earlier ones.
  loader.load_settings();
  loader.load_audiences();
  loader.load_districts();
  loader.load_monitoring();
  loader.load_framework();
  loader.load_partners();
  loader.load_toolkit();
  loader.load_escalation();
  loader.load_fields();
  loader.load_regisseurs();
  if (loader.errors > 0) {
    return Status::error("configuration in " + display_path(config_dir) + " has " +
                         std::to_string(loader.errors) + " error(s)");
  }
  return std::move(loader.config);
}

}  // namespace casus
