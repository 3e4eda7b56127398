// Each kind of configuration breakage gives one exact, located message.
#include <algorithm>
#include <catch2/catch.hpp>

#include "config/config_xml.h"
#include "config_fixture.h"

using namespace casus;
using casus::testing::ScratchConfig;
using casus::testing::read_text;
using casus::testing::write_text;

namespace {

std::string at(const ScratchConfig& s, const std::string& file, std::size_t line,
               const std::string& message) {
  return s.shown(file) + ":" + std::to_string(line) + ": " + message;
}

}  // namespace

TEST_CASE("an unchanged scratch copy loads") {
  ScratchConfig s;
  bool loaded = false;
  CHECK(s.errors(&loaded).empty());
  CHECK(loaded);
}

TEST_CASE("a broken partner mapping file is reported with its file, line and column") {
  ScratchConfig s;
  write_text(s.file("partners/politie.xml"),
             "<?xml version=\"1.0\"?>\n"
             "<partner code=\"politie\" name=\"Politie\">\n"
             "  <export kind=\"events\" format=\"csv\">\n"
             "    <column field=\"event_id\" header=\"Nr\">\n"
             "  </export>\n"
             "</partner>\n");
  bool loaded = true;
  auto errors = s.errors(&loaded);
  CHECK_FALSE(loaded);
  // The instrument owned by politie now fails too; the parse error comes first.
  REQUIRE(errors.size() == 2);
  CHECK(errors[0] == s.shown("partners/politie.xml") +
                         ":5:5: malformed XML: Start-end tags mismatch");
  CHECK(errors[1] == at(s, "toolkit.xml", s.line_of("toolkit.xml", "code=\"meldplicht\""),
                        "field 'owner': instrument 'meldplicht': unknown partner 'politie'"));
}

TEST_CASE("a mapping to a field that is not in the exchange format") {
  ScratchConfig s;
  s.replace("partners/politie.xml", "field=\"description\"", "field=\"omschrijving\"");
  auto errors = s.errors();
  REQUIRE(errors.size() == 1);
  CHECK(errors[0] == at(s, "partners/politie.xml",
                        s.line_of("partners/politie.xml", "field=\"omschrijving\""),
                        "field 'field': partner 'politie' export 'events': 'omschrijving' is "
                        "not a field of events"));
}

TEST_CASE("a mapping with an unknown record kind, delimiter and duplicate value") {
  ScratchConfig s;
  s.replace("partners/politie.xml", "delimiter=\";\"", "delimiter=\"|\"");
  s.replace("partners/politie.xml", "<value from=\"VERD\"", "<value from=\"aanh\"");
  auto errors = s.errors();
  REQUIRE(errors.size() == 2);
  CHECK(errors[0] == at(s, "partners/politie.xml", s.line_of("partners/politie.xml", "<export"),
                        "field 'delimiter': partner 'politie' export 'events': delimiter must be "
                        "';', ',' or 'tab', not '|'"));
  CHECK(errors[1] == at(s, "partners/politie.xml",
                        s.line_of("partners/politie.xml", "<value from=\"aanh\""),
                        "field 'from': partner 'politie' export 'events': value 'aanh' of 'kind' "
                        "is mapped twice"));
}

TEST_CASE("a partner file whose code differs from its name") {
  ScratchConfig s;
  s.replace("partners/ggd.xml", "code=\"ggd\"", "code=\"ggd2\"");
  auto errors = s.errors();
  // bemoeizorg is owned by ggd, which no longer exists.
  REQUIRE(errors.size() == 2);
  CHECK(errors[0] == at(s, "partners/ggd.xml", 3,
                        "field 'code': partner 'ggd2': code must equal the file name 'ggd'"));
  CHECK(errors[1] == at(s, "toolkit.xml", s.line_of("toolkit.xml", "code=\"bemoeizorg\""),
                        "field 'owner': instrument 'bemoeizorg': unknown partner 'ggd'"));
}

TEST_CASE("DOCTYPE is rejected") {
  ScratchConfig s;
  s.replace("settings.xml", "<settings>",
            "<!DOCTYPE settings [<!ENTITY x \"y\">]>\n<settings>");
  auto errors = s.errors();
  REQUIRE(errors.size() == 1);
  CHECK(errors[0] == at(s, "settings.xml", s.line_of("settings.xml", "<!DOCTYPE"),
                        "a DOCTYPE is not allowed in configuration files"));
}

TEST_CASE("a missing file and a wrong root element") {
  ScratchConfig s;
  std::filesystem::remove(s.file("regisseurs.xml"));
  s.replace("escalation.xml", "<escalation>", "<escalatie>");
  s.replace("escalation.xml", "</escalation>", "</escalatie>");
  auto errors = s.errors();
  REQUIRE(errors.size() == 2);
  CHECK(errors[0] == at(s, "escalation.xml", s.line_of("escalation.xml", "<escalatie>"),
                        "root element is <escalatie>, expected <escalation>"));
  CHECK(errors[1] == s.shown("regisseurs.xml") + ": file not found");
}

TEST_CASE("an instrument with an unknown owner, an unknown category and a duplicate code") {
  ScratchConfig s;
  s.replace("toolkit.xml", "code=\"mentor\" category=\"beinvloeden\" owner=\"zorg\"",
            "code=\"mentor\" category=\"praten\" owner=\"buurman\"");
  s.replace("toolkit.xml", "code=\"huisvesting\"", "code=\"schuldhulp\"");
  auto errors = s.errors();
  const auto mentor = s.line_of("toolkit.xml", "code=\"mentor\"");
  REQUIRE(errors.size() == 3);
  CHECK(errors[0] == at(s, "toolkit.xml", mentor,
                        "field 'category': instrument 'mentor': unknown category 'praten'"));
  CHECK(errors[1] == at(s, "toolkit.xml", mentor,
                        "field 'owner': instrument 'mentor': unknown partner 'buurman'"));
  // The second "schuldhulp" is the renamed huisvesting, after the real one.
  std::string text = casus::testing::read_text(s.file("toolkit.xml"));
  auto first = text.find("code=\"schuldhulp\"");
  auto second = text.find("code=\"schuldhulp\"", first + 1);
  REQUIRE(second != std::string::npos);
  const auto line = 1 + std::count(text.begin(), text.begin() + second, '\n');
  CHECK(errors[2] == at(s, "toolkit.xml", line, "field 'code': duplicate instrument 'schuldhulp'"));
}

TEST_CASE("a begrenzen instrument without legal basis") {
  ScratchConfig s;
  s.replace("toolkit.xml",
            "<legal-basis nl=\"Gemeentewet, art. 172 lid 3\" en=\"Municipalities Act (Gemeentewet), "
            "art. 172(3)\"/>",
            "");
  auto errors = s.errors();
  REQUIRE(errors.size() == 1);
  CHECK(errors[0] == at(s, "toolkit.xml", s.line_of("toolkit.xml", "code=\"burgemeestersbevel\""),
                        "field 'legal-basis': instrument 'burgemeestersbevel': a begrenzen "
                        "instrument needs a legal basis"));
}

TEST_CASE("indications that name unknown items, domains, life domains and event kinds") {
  ScratchConfig s;
  s.replace("toolkit.xml", "target=\"V4\" value=\"2\"", "target=\"V9\" value=\"2\"");
  s.replace("toolkit.xml", "target=\"I\" value=\"0.3\"", "target=\"Q\" value=\"0.3\"");
  s.replace("toolkit.xml", "target=\"middelengebruik\"", "target=\"drugs\"");
  s.replace("toolkit.xml", "target=\"terugkeer\"", "target=\"thuiskomst\"");
  auto errors = s.errors();
  REQUIRE(errors.size() == 4);
  CHECK(errors[0] == at(s, "toolkit.xml", s.line_of("toolkit.xml", "target=\"V9\""),
                        "field 'target': instrument 'contactverbod' indication 'item_at_least': "
                        "unknown item 'V9'"));
  CHECK(errors[1] == at(s, "toolkit.xml", s.line_of("toolkit.xml", "target=\"Q\""),
                        "field 'target': instrument 'sleutelfiguren' indication "
                        "'domain_share_at_least': unknown domain 'Q'"));
  CHECK(errors[2] == at(s, "toolkit.xml", s.line_of("toolkit.xml", "target=\"drugs\""),
                        "field 'target': instrument 'verslavingszorg' indication "
                        "'life_domain_at_most': unknown life domain 'drugs'"));
  CHECK(errors[3] == at(s, "toolkit.xml", s.line_of("toolkit.xml", "target=\"thuiskomst\""),
                        "field 'target': instrument 'traumabehandeling_terugkeerders' indication "
                        "'event_kind': unknown event kind 'thuiskomst'"));
}

TEST_CASE("attention rules with unknown items and domains, and a bad minimum") {
  ScratchConfig s;
  s.replace("framework.xml", "<item-equals item=\"V2\"", "<item-equals item=\"V7\"");
  s.replace("framework.xml", "domain=\"I\" value=\"0.50\"", "domain=\"Z\" value=\"0.50\"");
  s.replace("framework.xml", "minimum=\"midden\"", "minimum=\"gemiddeld\"");
  auto errors = s.errors();
  REQUIRE(errors.size() == 3);
  CHECK(errors[0] == at(s, "framework.xml", s.line_of("framework.xml", "item=\"V7\""),
                        "field 'item': attention-rule 'veiligheid_hoog': unknown item 'V7'"));
  CHECK(errors[1] == at(s, "framework.xml", s.line_of("framework.xml", "minimum=\"gemiddeld\""),
                        "field 'minimum': attention-rule 'aandacht_midden': unknown judgement "
                        "'gemiddeld' (allowed: laag, midden, hoog)"));
  CHECK(errors[2] == at(s, "framework.xml", s.line_of("framework.xml", "domain=\"Z\""),
                        "field 'domain': attention-rule 'aandacht_midden': unknown domain 'Z'"));
}

TEST_CASE("an item with one guiding question and a duplicate item code") {
  ScratchConfig s;
  s.replace("framework.xml",
            "      <question nl=\"Zoekt de persoon bij problemen hulp langs legale weg?\"\n"
            "                en=\"Does the person seek help through legal channels when in "
            "trouble?\"/>\n",
            "");
  s.replace("framework.xml", "<item code=\"B5\">", "<item code=\"B3\">");
  auto errors = s.errors();
  REQUIRE(errors.size() == 2);
  std::string text = casus::testing::read_text(s.file("framework.xml"));
  auto second_b3 = text.find("<item code=\"B3\">", text.find("<item code=\"B3\">") + 1);
  const auto b3_line = 1 + std::count(text.begin(), text.begin() + second_b3, '\n');
  CHECK(errors[0] == at(s, "framework.xml", b3_line, "field 'code': duplicate item 'B3'"));
  CHECK(errors[1] == at(s, "framework.xml", s.line_of("framework.xml", "<item code=\"B6\">"),
                        "item 'B6': has 1 guiding questions, expected 2 to 4"));
}

TEST_CASE("colour bands that overlap or leave a gap") {
  ScratchConfig s;
  s.replace("monitoring.xml", "code=\"oranje\" min=\"3\" max=\"3\"",
            "code=\"oranje\" min=\"2\" max=\"3\"");
  s.replace("monitoring.xml", "code=\"groen\" min=\"4\"", "code=\"groen\" min=\"5\"");
  auto errors = s.errors();
  REQUIRE(errors.size() == 2);
  CHECK(errors[0] == at(s, "monitoring.xml", s.line_of("monitoring.xml", "code=\"oranje\""),
                        "band 'oranje': scores 2–3 overlap band 'rood'"));
  CHECK(errors[1] == at(s, "monitoring.xml", s.line_of("monitoring.xml", "<bands>"),
                        "no colour band covers score 4"));
}

TEST_CASE("a missing indicator definition, an unknown one and a missing review interval") {
  ScratchConfig s;
  s.replace("monitoring.xml", "<indicator code=\"unlinked_events\">",
            "<indicator code=\"unlinked\">");
  s.replace("monitoring.xml", "  <review judgement=\"midden\" days=\"182\"/>\n", "");
  auto errors = s.errors();
  REQUIRE(errors.size() == 3);
  CHECK(errors[0] == at(s, "monitoring.xml", s.line_of("monitoring.xml", "<monitoring>"),
                        "no <review judgement=\"midden\"> interval"));
  CHECK(errors[1] == at(s, "monitoring.xml", s.line_of("monitoring.xml", "code=\"unlinked\""),
                        "field 'code': unknown indicator 'unlinked' (see spec/monitoring.md)"));
  CHECK(errors[2] == at(s, "monitoring.xml", s.line_of("monitoring.xml", "<indicators>"),
                        "indicator 'unlinked_events' has no label and definition"));
}

TEST_CASE("an audience with an unknown category and a bad number") {
  ScratchConfig s;
  s.replace("audiences.xml", "categories=\"regulier\"", "categories=\"regulier geheim\"");
  s.replace("monitoring.xml", "<disclosure threshold=\"5\"/>", "<disclosure threshold=\"vijf\"/>");
  auto errors = s.errors();
  REQUIRE(errors.size() == 2);
  CHECK(errors[0] == at(s, "audiences.xml", s.line_of("audiences.xml", "code=\"staff\""),
                        "field 'categories': audience 'staff': unknown data category 'geheim'"));
  CHECK(errors[1] == at(s, "monitoring.xml", s.line_of("monitoring.xml", "<disclosure"),
                        "field 'threshold': disclosure: 'vijf' is not a whole number from 1 to "
                        "100000"));
}

TEST_CASE("field classifications: unknown field, unknown category, unclassified field") {
  ScratchConfig s;
  s.replace("fields.xml", "<field name=\"gender\" category=\"identificatie\"/>",
            "<field name=\"geslacht\" category=\"identificatie\"/>");
  s.replace("fields.xml", "<field name=\"goal\" category=\"bijzonder\"/>",
            "<field name=\"goal\" category=\"medisch\"/>");
  auto errors = s.errors();
  REQUIRE(errors.size() == 4);
  CHECK(errors[0] == at(s, "fields.xml", s.line_of("fields.xml", "name=\"geslacht\""),
                        "field 'name': 'geslacht' is not a field of cases"));
  CHECK(errors[1] == at(s, "fields.xml", s.line_of("fields.xml", "<kind code=\"cases\">"),
                        "cases field 'gender' has no data category"));
  CHECK(errors[2] == at(s, "fields.xml", s.line_of("fields.xml", "category=\"medisch\""),
                        "field 'category': life_domains field 'goal': unknown data category "
                        "'medisch'"));
  CHECK(errors[3] == at(s, "fields.xml", s.line_of("fields.xml", "<kind code=\"life_domains\">"),
                        "life_domains field 'goal' has no data category"));
}

TEST_CASE("escalation rules with an unknown event kind, band and trigger") {
  ScratchConfig s;
  s.replace("escalation.xml", "event=\"aanhouding\"", "event=\"arrestatie\"");
  s.replace("escalation.xml", "min-band=\"oranje\"", "min-band=\"geel\"");
  s.replace("escalation.xml", "trigger=\"judgement_reaches\"", "trigger=\"oordeel\"");
  auto errors = s.errors();
  REQUIRE(errors.size() == 3);
  CHECK(errors[0] == at(s, "escalation.xml", s.line_of("escalation.xml", "trigger=\"oordeel\""),
                        "field 'trigger': rule 'oordeel_hoog': unknown trigger 'oordeel' (allowed: "
                        "judgement_reaches, event_kind, consecutive_judgements)"));
  CHECK(errors[1] == at(s, "escalation.xml", s.line_of("escalation.xml", "event=\"arrestatie\""),
                        "field 'event': rule 'aanhouding': unknown event kind 'arrestatie'"));
  CHECK(errors[2] == at(s, "escalation.xml", s.line_of("escalation.xml", "min-band=\"geel\""),
                        "field 'min-band': rule 'afschaling': unknown colour band 'geel'"));
}

TEST_CASE("districts: wrong header, short row, duplicate code") {
  ScratchConfig s;
  const auto districts = s.dir() / ".." / "data" / "districts.csv";
  const std::string shown = districts.lexically_normal().generic_string();
  write_text(districts, "code;naam;name\nA;Centrum;Centre\nE;West\nA;Ander;Other\n");
  auto errors = s.errors();
  REQUIRE(errors.size() == 2);
  CHECK(errors[0] == shown + ":3: expected 3 fields separated by ';', found 2");
  CHECK(errors[1] == shown + ":4: duplicate district 'A'");

  write_text(districts, "code,naam,name\nA,Centrum,Centre\n");
  errors = s.errors();
  REQUIRE(errors.size() == 1);
  CHECK(errors[0] == shown + ":1: header must be 'code;naam;name'");
}

TEST_CASE("districts.csv inside the config folder wins") {
  ScratchConfig s;
  write_text(s.file("districts.csv"), "code;naam;name\nX;Iks;Ex\n");
  CHECK(districts_path(s.dir()) == s.file("districts.csv"));
  CollectingSink sink;
  auto config = load_config(s.dir(), sink);
  REQUIRE(config.is_ok());
  REQUIRE(config->districts.size() == 1);
  CHECK(config->districts[0].name.en == "Ex");
}

TEST_CASE("a partner audience and exchange category must exist") {
  ScratchConfig s;
  s.replace("partners/ggz.xml", "<audience code=\"casusoverleg\"/>", "<audience code=\"raad\"/>");
  s.replace("partners/ggz.xml", "<exchange category=\"bijzonder\"", "<exchange category=\"zorg\"");
  auto errors = s.errors();
  REQUIRE(errors.size() == 2);
  CHECK(errors[0] == at(s, "partners/ggz.xml", s.line_of("partners/ggz.xml", "code=\"raad\""),
                        "field 'code': partner 'ggz': unknown audience 'raad'"));
  CHECK(errors[1] == at(s, "partners/ggz.xml", s.line_of("partners/ggz.xml", "category=\"zorg\""),
                        "field 'category': partner 'ggz': unknown data category 'zorg'"));
}

TEST_CASE("unknown elements are warnings, not errors") {
  ScratchConfig s;
  s.replace("settings.xml", "<program>", "<programme/>\n  <program>");
  CollectingSink sink;
  auto config = load_config(s.dir(), sink);
  REQUIRE(config.is_ok());
  auto diags = sink.diagnostics();
  REQUIRE(diags.size() == 1);
  CHECK(diags[0].severity == Severity::warning);
  CHECK(diags[0].to_string() ==
        at(s, "settings.xml", s.line_of("settings.xml", "<programme/>"),
           "unknown element <programme> in <settings> is ignored"));
}

TEST_CASE("casus check prints located errors and exits 1, prints a summary when fine") {
  ScratchConfig s;
  // check also reads the templates beside the configuration folder.
  std::filesystem::copy(std::filesystem::path(CASUS_SOURCE_DIR) / "templates",
                        s.dir() / ".." / "templates", std::filesystem::copy_options::recursive);
  const std::string out = (s.dir() / ".." / "check.out").string();
  const std::string err = (s.dir() / ".." / "check.err").string();
  const std::string command =
      std::string(CASUS_BINARY) + " --config " + s.dir().string() + " check >" + out + " 2>" + err;
  int rc = std::system(command.c_str());
  REQUIRE(WIFEXITED(rc));
  CHECK(WEXITSTATUS(rc) == 0);
  CHECK(casus::testing::read_text(out) ==
        "configuratie in orde: 25 items, 25 instrumenten, 9 partners, 7 doelgroepen; 35 sjablonen "
        "gecontroleerd\n");
  CHECK(casus::testing::read_text(err).empty());

  s.replace("toolkit.xml", "owner=\"reclassering\"", "owner=\"reclasering\"");
  rc = std::system(command.c_str());
  REQUIRE(WIFEXITED(rc));
  CHECK(WEXITSTATUS(rc) == 1);
  CHECK(casus::testing::read_text(out).empty());
  CHECK(casus::testing::read_text(err) ==
        "casus: " +
            at(s, "toolkit.xml", s.line_of("toolkit.xml", "owner=\"reclasering\""),
               "field 'owner': instrument 'reclasseringstoezicht': unknown partner "
               "'reclasering'") +
            "\ncasus: configuratie bevat 1 fout(en)\n");
}

// --- Hostile configuration files ---------------------------------------------

TEST_CASE("a truncated configuration file is malformed XML with line and column") {
  ScratchConfig s;
  const std::size_t line = s.line_of("regisseurs.xml", "  <regisseur ");
  const std::string text = read_text(s.file("regisseurs.xml"));
  write_text(s.file("regisseurs.xml"), text.substr(0, text.find("  <regisseur ") + 6));  // ends "  <reg"
  auto errors = s.errors();
  REQUIRE(errors.size() == 1);
  CHECK(errors[0] == s.shown("regisseurs.xml") + ":" + std::to_string(line) +
                         ":6: malformed XML: Error parsing start element tag");
}

TEST_CASE("an external entity in a mapping file is refused, the file it names is never read") {
  ScratchConfig s;
  const auto secret = s.dir() / "geheim.txt";
  write_text(secret, "TOPSECRET-4711");
  write_text(s.file("partners/politie.xml"),
             "<?xml version=\"1.0\"?>\n<!DOCTYPE partner [<!ENTITY x SYSTEM \"file://" + secret.string() +
                 "\">]>\n<partner code=\"politie\" name=\"&x;\"/>\n");
  auto errors = s.errors();
  REQUIRE(errors.size() == 2);  // the refused file, and the instrument that names its partner
  CHECK(errors[0] == s.shown("partners/politie.xml") + ":2: a DOCTYPE is not allowed in configuration files");
  CHECK(errors[1] == at(s, "toolkit.xml", s.line_of("toolkit.xml", "code=\"meldplicht\""),
                        "field 'owner': instrument 'meldplicht': unknown partner 'politie'"));
  for (const auto& e : errors) CHECK(e.find("TOPSECRET") == std::string::npos);
}

TEST_CASE("an oversized configuration file is refused unread") {
  ScratchConfig s;
  const std::string big = "<settings>\n<!--" + std::string(kMaxConfigFileBytes, 'x') + "-->\n</settings>\n";
  REQUIRE(big.size() == 4194335);
  write_text(s.file("settings.xml"), big);
  auto errors = s.errors();
  REQUIRE(errors.size() == 1);
  CHECK(errors[0] == s.shown("settings.xml") + ": file is 4194335 bytes; a configuration file may be at most 4194304 bytes");
}

TEST_CASE("a configuration file that is not UTF-8 is refused at the offending byte") {
  ScratchConfig s;
  s.replace("toolkit.xml", "<toolkit>", "<toolkit>\n  <!-- caf\xE9 -->");
  auto errors = s.errors();
  REQUIRE(errors.size() == 1);
  CHECK(errors[0] == s.shown("toolkit.xml") + ":" + std::to_string(s.line_of("toolkit.xml", "caf\xE9")) +
                         ":11: not valid UTF-8 (byte 0xE9); configuration files must be saved as UTF-8");
}

TEST_CASE("an empty and a binary configuration file") {
  ScratchConfig s;
  write_text(s.file("regisseurs.xml"), "");
  write_text(s.file("settings.xml"), std::string("\x7f" "ELF\x02\x01\x01\0\0\0", 10));
  auto errors = s.errors();
  REQUIRE(errors.size() == 2);
  CHECK(errors[0] == s.shown("settings.xml") + ":1:11: malformed XML: No document element found");
  CHECK(errors[1] == s.shown("regisseurs.xml") + ":1:1: malformed XML: No document element found");
}

TEST_CASE("an oversized districts.csv is refused unread, like every configuration file") {
  ScratchConfig s;
  const auto districts = s.dir() / ".." / "data" / "districts.csv";
  const std::string shown = districts.lexically_normal().generic_string();
  write_text(districts, "code;naam;name\n" + std::string(kMaxConfigFileBytes, ';') + "\n");
  auto errors = s.errors();
  REQUIRE(errors.size() == 1);
  CHECK(errors[0] == shown + ": file is 4194320 bytes; a configuration file may be at most 4194304 bytes");

  // Exactly at the limit it is read (and its rows are then judged).
  write_text(districts,
             "code;naam;name\nA;Centrum;Centre\n" + std::string(kMaxConfigFileBytes - 32, '\n'));
  REQUIRE(std::filesystem::file_size(districts) == kMaxConfigFileBytes);
  CHECK(s.errors().empty());
}

TEST_CASE("a districts.csv that is not UTF-8 is refused at the offending byte") {
  ScratchConfig s;
  const auto districts = s.dir() / ".." / "data" / "districts.csv";
  const std::string shown = districts.lexically_normal().generic_string();
  write_text(districts, "code;naam;name\nA;Centrum;Centre\nX;Caf\xE9;Cafe\n");
  auto errors = s.errors();
  REQUIRE(errors.size() == 1);
  CHECK(errors[0] ==
        shown + ":3:6: not valid UTF-8 (byte 0xE9); configuration files must be saved as UTF-8");

  write_text(districts,
             "\xFF\xFE"
             "c\0o\0d\0e\0");  // UTF-16
  errors = s.errors();
  REQUIRE(errors.size() == 1);
  CHECK(errors[0] ==
        shown + ":1:1: not valid UTF-8 (byte 0xFF); configuration files must be saved as UTF-8");
}

TEST_CASE("every file the loader reads has the size limit, with the same message") {
  ScratchConfig s;
  // Every file of the configuration folder, and districts.csv beside it.
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(s.dir()))
    if (entry.is_regular_file() && entry.path().extension() == ".xml")
      files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  files.push_back(districts_path(s.dir()));
  REQUIRE(files.size() == 18);  // 8 files, 9 partner files, districts.csv
  const std::string big(kMaxConfigFileBytes + 1, ' ');
  for (const auto& file : files) {
    const std::string original = read_text(file);
    write_text(file, big);
    const std::string shown = file.lexically_normal().generic_string();
    INFO(shown);
    bool loaded = true;
    const auto errors = s.errors(&loaded);
    CHECK_FALSE(loaded);
    // A refused partner file also leaves the instruments it owns without owner.
    REQUIRE_FALSE(errors.empty());
    CHECK(errors[0] ==
          shown + ": file is 4194305 bytes; a configuration file may be at most 4194304 bytes");
    write_text(file, original);
  }
  CHECK(s.errors().empty());
}
