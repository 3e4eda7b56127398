#include <catch2/catch.hpp>

#include "render/markup_parser.h"

using namespace casus;
using namespace casus::doc;

namespace {

const char* kHead =
    "<document title='Plan van aanpak' marking='VERTROUWELIJK' created='2026-11-28T09:00:00'"
    " data-as-of='28 november 2026' language='nl'>\n";

Result<Document> parse(const std::string& body, CollectingSink& sink) {
  return parse_markup(std::string(kHead) + body + "</document>", "t.xml", sink);
}

}  // namespace

TEST_CASE("line_column_at counts lines and code points") {
  const std::string text = "ab\ncé\nxyz";
  CHECK(line_column_at(text, 0).line == 1);
  CHECK(line_column_at(text, 0).column == 1);
  LineColumn lc = line_column_at(text, 3);
  CHECK(lc.line == 2);
  CHECK(lc.column == 1);
  lc = line_column_at(text, 6);  // after "cé" (3 bytes)
  CHECK(lc.line == 2);
  CHECK(lc.column == 3);
}

TEST_CASE("markup: metadata, sections and inline runs") {
  CollectingSink sink;
  auto doc = parse(
      "<section title='Samenvatting'>\n"
      "  <p>Een <b>vet</b>  en\n <i>schuin</i> woord met <a href='https://x.nl/'>link</a>.</p>\n"
      "  <section title='Doelen' id='doelen'><section title='Wonen'><p style='note'>n</p></section></section>\n"
      "</section>",
      sink);
  REQUIRE(doc.is_ok());
  CHECK(doc->meta.title == "Plan van aanpak");
  CHECK(doc->meta.marking == "VERTROUWELIJK");
  CHECK(doc->meta.created.iso() == "2026-11-28T09:00:00");
  REQUIRE(doc->blocks.size() == 5);
  const auto& h1 = std::get<Heading>(doc->blocks[0]);
  CHECK(h1.level == 1);
  CHECK(h1.id == "samenvatting");
  const auto& p = std::get<Paragraph>(doc->blocks[1]);
  REQUIRE(p.runs.size() == 7);
  CHECK(p.runs[0] == Run{"Een ", false, false, ""});
  CHECK(p.runs[1] == Run{"vet", true, false, ""});
  CHECK(p.runs[2] == Run{" en ", false, false, ""});
  CHECK(p.runs[3] == Run{"schuin", false, true, ""});
  CHECK(p.runs[5] == Run{"link", false, false, "https://x.nl/"});
  CHECK(plain_text(p.runs) == "Een vet en schuin woord met link.");
  CHECK(std::get<Heading>(doc->blocks[2]).id == "doelen");
  CHECK(std::get<Heading>(doc->blocks[2]).level == 2);
  CHECK(std::get<Heading>(doc->blocks[3]).level == 3);
  CHECK(std::get<Paragraph>(doc->blocks[4]).style == ParagraphStyle::note);
  CHECK(sink.diagnostics().empty());
}

TEST_CASE("markup: tables, charts, key figures, forms") {
  CollectingSink sink;
  auto doc = parse(
      "<table header-rows='1' caption='Risico'>"
      "<col width='3'/><col width='1' align='right'/>"
      "<tr><th>Domein</th><th>Score</th></tr>"
      "<tr><td>Wonen</td><td status='rood'>Hoog</td></tr>"
      "<tr total='true'><td colspan='2'>Totaal 1.234,5</td></tr></table>"
      "<key-figures><key-figure value='128' label='actief' change='+4'/></key-figures>"
      "<chart kind='stacked-bar' title='Instroom' alt='Instroom per maand'>"
      "<category>jan</category><category>feb</category>"
      "<series name='Nieuw'><v>3</v><v suppressed='&lt;5'/></series></chart>"
      "<signatures><signer role='Voorzitter'/></signatures><field label='Naam' lines='2'/><page-break/><toc/>",
      sink);
  REQUIRE(doc.is_ok());
  REQUIRE(doc->blocks.size() == 7);
  const auto& t = std::get<Table>(doc->blocks[0]);
  CHECK(t.caption == "Risico");
  CHECK(t.header_rows == 1);
  CHECK(t.density == TableDensity::normal);
  REQUIRE(t.columns.size() == 2);
  CHECK(t.columns[0].width == 3);
  CHECK(t.columns[1].align == Align::right);
  CHECK(t.rows[1].cells[1].status == StatusLevel::red);
  CHECK(plain_text(t.rows[1].cells[1].runs) == "Hoog");
  CHECK(t.rows[2].total);
  CHECK(t.rows[2].cells[0].colspan == 2);
  const auto& kf = std::get<KeyFigures>(doc->blocks[1]);
  CHECK(kf.items[0].value == "128");
  CHECK(kf.items[0].change == "+4");
  const auto& c = std::get<Chart>(doc->blocks[2]);
  CHECK(c.kind == ChartKind::stacked_bar);
  CHECK(c.categories == std::vector<std::string>{"jan", "feb"});
  CHECK(c.series[0].values[0].value == 3);
  CHECK(c.series[0].values[1].suppressed);
  CHECK(c.series[0].values[1].label == "<5");
  CHECK(std::get<SignatureBlock>(doc->blocks[3]).signers[0].role == "Voorzitter");
  CHECK(std::get<FormField>(doc->blocks[4]).lines == 2);
}

TEST_CASE("markup: a table's density is normaal or compact") {
  CollectingSink sink;
  auto doc = parse("<table density='compact'><tr><td>a</td></tr></table>"
                   "<table density='normaal'><tr><td>a</td></tr></table>"
                   "<table density='normal'><tr><td>a</td></tr></table>",
                   sink);
  REQUIRE(doc.is_ok());
  CHECK(std::get<Table>(doc->blocks[0]).density == TableDensity::compact);
  CHECK(std::get<Table>(doc->blocks[1]).density == TableDensity::normal);
  CHECK(std::get<Table>(doc->blocks[2]).density == TableDensity::normal);
  CollectingSink bad_sink;
  auto bad = parse("\n<table density='klein'><tr><td>a</td></tr></table>", bad_sink);
  REQUIRE_FALSE(bad.is_ok());
  CHECK(bad.message() == "t.xml:3:1: density must be normaal or compact (normal, compact), not 'klein'");
}

TEST_CASE("markup: syntax errors are located by line and column") {
  CollectingSink sink;
  auto doc = parse_markup("<document title='x' marking='m' created='2026-11-28T09:00:00'>\n<p>a</q>\n</document>",
                          "plan.xml", sink);
  REQUIRE_FALSE(doc.is_ok());
  CHECK(doc.message() == "plan.xml:2:7: XML syntax error: Start-end tags mismatch");
  REQUIRE(sink.diagnostics().size() == 1);
  CHECK(sink.diagnostics()[0].code == "markup.syntax");
}

TEST_CASE("markup: DOCTYPE is refused") {
  CollectingSink sink;
  auto doc = parse_markup("<!DOCTYPE x [<!ENTITY a 'b'>]>\n<document title='x' marking='m' created='2026-11-28'/>",
                          "d.xml", sink);
  REQUIRE_FALSE(doc.is_ok());
  CHECK(doc.message() == "d.xml:1:1: DOCTYPE declarations are not allowed");
}

TEST_CASE("markup: semantic errors name element and place") {
  CollectingSink sink;
  auto doc = parse("<p>ok</p>\n  <tabel/>\n<table><tr><td>a</td></tr><tr><td>a</td><td>b</td></tr></table>\n"
                   "<p><u>x</u></p>\n<chart kind='pie' title='t' alt='a'><category>a</category>"
                   "<series name='s'><v>1,5</v></series></chart>\n<field label='x' lines='-1'/>",
                   sink);
  REQUIRE_FALSE(doc.is_ok());
  CHECK(doc.message() == "t.xml:3:3: unknown element <tabel>");
  std::vector<std::string> messages;
  for (const auto& d : sink.diagnostics()) messages.push_back(d.to_string());
  CHECK(messages == std::vector<std::string>{
                        "t.xml:3:3: unknown element <tabel>",
                        "t.xml:4:27: row has 2 cells but the table has 1 columns",
                        "t.xml:5:4: <u> is not allowed in text (use <b>, <i> or <a>)",
                        "t.xml:6:1: kind must be bar, stacked-bar or line, not 'pie'",
                        "t.xml:6:76: a chart value must be a number like 12.5, not '1,5'",
                        "t.xml:7:1: attribute 'lines' must be a whole number from 0 to 40, not '-1'",
                    });
}

TEST_CASE("markup: required document attributes") {
  CollectingSink sink;
  auto doc = parse_markup("<document title='x'>\n</document>", "r.xml", sink);
  REQUIRE_FALSE(doc.is_ok());
  CHECK(doc.message() == "r.xml:1:1: <document> needs attribute 'marking'");
  CHECK(sink.diagnostics().size() == 2);  // marking and created
}
