// Helpers for the sample tests (named *_test.cc so the test glob compiles it).
#include "sample_fixture.h"

#include <pugixml.hpp>

#include "core/text_encoding.h"

namespace casus::testing {

Config make_test_config() {
  Config config;
  auto add_domain = [&](const std::string& code, bool protective, int items) {
    FrameworkDomain domain;
    domain.code = code;
    domain.protective = protective;
    for (int i = 1; i <= items; ++i) {
      FrameworkItem item;
      item.code = code + std::to_string(i);
      item.domain = code;
      domain.item_codes.push_back(item.code);
      config.framework.items.push_back(item);
    }
    config.framework.domains.push_back(domain);
  };
  add_domain("V", false, 6);
  add_domain("I", false, 5);
  add_domain("K", false, 8);
  add_domain("B", true, 6);
  AttentionRule high;
  high.id = "hoog";
  high.minimum = Judgement::hoog;
  high.any_of = {{AttentionCondition::Kind::item_equals, "V1", 2},
                 {AttentionCondition::Kind::item_equals, "V2", 2},
                 {AttentionCondition::Kind::domain_share_at_least, "V", 0.5}};
  AttentionRule middle;
  middle.id = "midden";
  middle.minimum = Judgement::midden;
  middle.any_of = {{AttentionCondition::Kind::domain_share_at_least, "V", 0.25},
                   {AttentionCondition::Kind::domain_share_at_least, "I", 0.5}};
  config.framework.attention_rules = {high, middle};

  config.toolkit.categories = {{"begrenzen", {}, true}, {"beinvloeden", {}, false}, {"zorg", {}, false}};
  auto instrument = [&](const std::string& code, const std::string& category, const std::string& owner,
                        std::vector<int> groups) {
    Instrument i;
    i.code = code;
    i.category = category;
    i.owner = owner;
    i.risk_groups = std::move(groups);
    config.toolkit.instruments.push_back(i);
  };
  instrument("paspoortmaatregel", "begrenzen", "om", {1, 2, 3});
  instrument("meldplicht", "begrenzen", "politie", {1, 2, 3, 4});
  instrument("contactverbod", "begrenzen", "gemeente", {});
  instrument("reclasseringstoezicht", "begrenzen", "reclassering", {1, 2, 4});
  instrument("exitbegeleiding", "beinvloeden", "zorg", {1, 2, 3, 4});
  instrument("mentor", "beinvloeden", "zorg", {});
  instrument("gezinsondersteuning", "beinvloeden", "jeugdzorg", {5});
  instrument("persoonlijke_gesprekken", "beinvloeden", "gemeente", {});
  instrument("ggz_behandeling", "zorg", "ggz", {});
  instrument("schuldhulp", "zorg", "gemeente", {});
  instrument("bemoeizorg", "zorg", "ggd", {});

  auto partner = [&](const std::string& code, const std::string& role) {
    Partner p;
    p.code = code;
    p.name = code;
    p.role = role;
    config.partners.push_back(p);
    return &config.partners.back();
  };
  partner("gemeente", "regie");
  partner("politie", "veiligheid");
  partner("om", "justitie");
  partner("reclassering", "justitie");
  partner("rvdk", "jeugd");
  partner("jeugdzorg", "jeugd");
  partner("ggz", "zorg");
  partner("ggd", "zorg");
  partner("zorg", "zorg");
  PartnerExport police;
  police.kind = RecordKind::events;
  police.format = "csv";
  police.delimiter = ';';
  police.encoding = "windows-1252";
  police.columns = {{"event_id", "Registratienummer", {}, {}},
                    {"bsn", "BSN-nummer", {}, {}},
                    {"occurred_on", "Pleegdatum", {}, {}},
                    {"kind", "Soort registratie", {{"MELD", "melding"}, {"AANH", "aanhouding"},
                                                   {"VERD", "verdachte"}, {"UITR", "uitreispoging"},
                                                   {"TERUG", "terugkeer"}}, {}},
                    {"description", "Omschrijving", {}, {}}};
  config.partners[1].exports.push_back(police);

  for (const char* code : {"A", "E", "F", "K", "M", "N", "T", "B", "S", "buiten"}) {
    config.districts.push_back(District{code, {}});
  }
  for (const char* code : {"financien", "werk_opleiding", "tijdsbesteding", "huisvesting",
                           "huiselijke_relaties", "geestelijke_gezondheid", "lichamelijke_gezondheid",
                           "middelengebruik", "basale_adl", "instrumentele_adl", "sociaal_netwerk",
                           "participatie", "justitie"}) {
    config.monitoring.life_domains.push_back(LifeDomain{code, {}});
  }
  config.regisseurs = {{"Annelies Voorbeeld", "gemeente", ""}, {"Bram Fictief", "gemeente", ""}};
  return config;
}

namespace {

std::string decoded(const SampleFile& file) {
  std::string_view bytes = strip_utf8_bom(file.bytes);
  if (file.encoding == "windows-1252" || file.encoding == "iso-8859-1") return windows1252_to_utf8(bytes);
  return std::string(bytes);
}

// RFC 4180 rows with the line each starts on.
std::vector<std::pair<std::size_t, std::vector<std::string>>> csv_rows(const std::string& text, char delimiter) {
  std::vector<std::pair<std::size_t, std::vector<std::string>>> rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false;
  bool in_row = false;
  std::size_t line = 1;
  std::size_t start = 1;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (!in_row) {
      in_row = true;
      start = line;
    }
    if (quoted) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          field += '"';
          ++i;
        } else {
          quoted = false;
        }
      } else {
        if (c == '\n') ++line;
        field += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == delimiter) {
      row.push_back(field);
      field.clear();
    } else if (c == '\r') {
      // part of CRLF
    } else if (c == '\n') {
      row.push_back(field);
      field.clear();
      rows.emplace_back(start, row);
      row.clear();
      in_row = false;
      ++line;
    } else {
      field += c;
    }
  }
  if (in_row) {
    row.push_back(field);
    rows.emplace_back(start, row);
  }
  return rows;
}

}  // namespace

std::vector<std::string> read_header(const SampleFile& file) {
  if (file.format != "csv") return {};
  const auto rows = csv_rows(decoded(file), file.delimiter.empty() ? ';' : file.delimiter[0]);
  return rows.empty() ? std::vector<std::string>{} : rows.front().second;
}

std::vector<ReadRecord> read_export(const SampleFile& file) {
  std::vector<ReadRecord> out;
  const std::string text = decoded(file);
  if (file.format == "csv") {
    const auto rows = csv_rows(text, file.delimiter[0]);
    for (std::size_t r = 1; r < rows.size(); ++r) {
      ReadRecord record;
      record.line = rows[r].first;
      for (std::size_t c = 0; c < rows[r].second.size() && c < rows[0].second.size(); ++c) {
        if (!rows[r].second[c].empty()) record.values[rows[0].second[c]] = rows[r].second[c];
      }
      out.push_back(record);
    }
    return out;
  }
  pugi::xml_document doc;
  if (!doc.load_buffer(text.data(), text.size(), pugi::parse_default, pugi::encoding_utf8)) return out;
  for (const auto& record : doc.child("export").children("record")) {
    ReadRecord read;
    // Line of the <record> element: count newlines before its offset.
    const auto offset = static_cast<std::size_t>(record.offset_debug());
    read.line = 1;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) read.line += text[i] == '\n' ? 1 : 0;
    for (const auto& child : record.children()) {
      if (std::string(child.name()) == "item") {
        read.item_codes.push_back(child.attribute("code").value());
        read.values[child.attribute("code").value()] = child.attribute("score").value();
      } else {
        read.values[child.name()] = child.text().get();
      }
    }
    out.push_back(read);
  }
  return out;
}

const SampleFile* find_file(const SampleSet& set, const std::string& path) {
  for (const auto& file : set.files) {
    if (file.path == path) return &file;
  }
  return nullptr;
}

}  // namespace casus::testing
