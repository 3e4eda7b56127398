// Tests of the PDF writer's two font paths: text whose characters are all in
// Windows-1252 is drawn with single-byte TrueType fonts, other text (Turkish,
// Polish names) with the UTF-8 CID fonts. Both must be embedded, extract as
// the same characters, measure exactly, and give the same bytes whatever the
// thread rendered before.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "core/file_io.h"
#include "core/text_encoding.h"
#include "render/pdf_font_program.h"
#include "render/pdf_writer.h"
#include "test_support.h"

using namespace casus;
using namespace casus::testing;
namespace fs = std::filesystem;

namespace {

doc::Run run(std::string text, bool bold = false) {
  doc::Run r;
  r.text = std::move(text);
  r.bold = bold;
  return r;
}

doc::Paragraph para(std::vector<doc::Run> runs) {
  doc::Paragraph p;
  p.runs = std::move(runs);
  return p;
}

doc::Cell cell(std::string text, std::optional<doc::Align> align = std::nullopt) {
  doc::Cell c;
  c.runs.push_back(run(std::move(text)));
  c.align = align;
  return c;
}

Document base_document(const std::string& title) {
  Document d;
  d.meta.title = title;
  d.meta.marking = "VERTROUWELIJK";
  d.meta.audience = "casusoverleg";
  d.meta.data_as_of = "27 november 2026";
  d.meta.generated_at = "28 november 2026 09:00";
  d.meta.created = DateTime{Date{2026, 11, 28}, 9, 0, 0};
  return d;
}

// A two-column table whose second column is right-aligned.
doc::Table two_column_table(const std::string& head_left, const std::string& head_right,
                            const std::vector<std::pair<std::string, std::string>>& rows) {
  doc::Table t;
  t.header_rows = 1;
  t.columns = {{2, doc::Align::left}, {1, doc::Align::right}};
  doc::Row h;
  h.cells = {cell(head_left), cell(head_right)};
  t.rows.push_back(h);
  for (const auto& [left, right] : rows) {
    doc::Row r;
    r.cells = {cell(left), cell(right)};
    t.rows.push_back(r);
  }
  return t;
}

std::string pdf_text(const fs::path& pdf, bool layout = true) {
  return run_command(std::string("pdftotext -enc UTF-8 ") + (layout ? "-layout " : "") + quoted(pdf) + " - 2>/dev/null")
      .output;
}

// The rows of `pdffonts` under its ---- line.
std::vector<std::string> font_rows(const fs::path& pdf) {
  const std::string out = run_command("pdffonts " + quoted(pdf) + " 2>/dev/null").output;
  std::vector<std::string> rows;
  std::size_t pos = out.find("----\n");
  if (pos == std::string::npos) return rows;
  pos = out.find('\n', pos) + 1;
  while (pos < out.size()) {
    std::size_t end = out.find('\n', pos);
    if (end == std::string::npos) end = out.size();
    if (end > pos) rows.push_back(out.substr(pos, end - pos));
    pos = end + 1;
  }
  return rows;
}

// The same rows without their object numbers, sorted: name, type, encoding, emb, sub, uni.
std::vector<std::string> font_kinds(const fs::path& pdf) {
  std::vector<std::string> kinds;
  for (const std::string& row : font_rows(pdf)) kinds.push_back(row.substr(0, row.find_last_not_of(" 0123456789") + 1));
  std::sort(kinds.begin(), kinds.end());
  return kinds;
}

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

bool have_poppler() { return have_tool("pdffonts") && have_tool("pdftotext"); }

}  // namespace

TEST_CASE("pdf fonts: Dutch text is drawn with embedded single-byte fonts only") {
  if (!have_poppler()) {
    WARN("pdffonts/pdftotext not installed: skipping");
    return;
  }
  Document d = base_document("Plan van aanpak — coöperatie");
  d.blocks.push_back(doc::Heading{1, "Één overzicht", "een"});
  d.blocks.push_back(para({run("De regisseur van het café in ‘s-Hertogenbosch is naïef noch “reëel”; "),
                           run("kosten € 3,50", true), run(" – zie ook de coördinatie… van Zoë.")}));
  d.blocks.push_back(two_column_table("Partner", "Bedrag", {{"Gemeente", "€ 1.234,56"}, {"Politie", "€ 78,90"}}));
  const fs::path out = output_folder() / "fonts_dutch.pdf";
  REQUIRE(write_pdf(d, out).is_ok());

  CHECK(font_kinds(out) == std::vector<std::string>{
                               "HPDFAA+LiberationSans                TrueType          WinAnsi          yes yes no",
                               "HPDFAB+LiberationSans-Bold,Bold      TrueType          WinAnsi          yes yes no"});
  const std::string text = squash(pdf_text(out));
  for (const char* expected :
       {"Plan van aanpak — coöperatie", "Één overzicht",
        "De regisseur van het café in ‘s-Hertogenbosch is naïef noch “reëel”; kosten € 3,50 – zie ook de coördinatie… van Zoë.",
        "Gemeente € 1.234,56", "Politie € 78,90", "VERTROUWELIJK", "pagina 1 van 1"}) {
    INFO(expected);
    CHECK(contains(text, expected));
  }
  if (have_tool("qpdf")) {
    const CommandResult check = run_command("qpdf --check " + quoted(out) + " 2>&1");
    INFO(check.output);
    CHECK(check.status == 0);
  }
}

TEST_CASE("pdf fonts: names outside Windows-1252 render in paragraphs and table cells") {
  if (!have_poppler()) {
    WARN("pdffonts/pdftotext not installed: skipping");
    return;
  }
  Document d = base_document("Casusoverleg Ayşe Yılmaz");
  d.blocks.push_back(para({run("Gesprek met Ayşe Yılmaz en "), run("Łukasz Wróbel", true), run(" over Doğan; daarna één café.")}));
  d.blocks.push_back(two_column_table("Naam", "Contactpersoon Ğ", {{"Ayşe Yılmaz", "Łukasz"}, {"Jan de Vries", "Şükrü"}}));
  const fs::path out = output_folder() / "fonts_names.pdf";
  REQUIRE(write_pdf(d, out).is_ok());

  const std::string layout = pdf_text(out);
  const std::string text = squash(layout);
  for (const char* expected : {"Casusoverleg Ayşe Yılmaz", "Gesprek met Ayşe Yılmaz en Łukasz Wróbel over Doğan; daarna één café.",
                               "Contactpersoon Ğ", "Łukasz", "Şükrü", "Jan de Vries"}) {
    INFO(expected);
    CHECK(contains(text, expected));
  }
  // the table cell, on its own line in the layout text
  CHECK(contains(layout, "Ayşe Yılmaz   "));
  CHECK_FALSE(contains(text, "?"));
  // The CID fonts' ToUnicode map is a real one: pdftotext has nothing to say about it.
  const CommandResult warnings = run_command("pdftotext " + quoted(out) + " /dev/null 2>&1");
  CHECK(warnings.output.empty());

  // regular and bold for the Dutch text; regular (names) and bold (Łukasz
  // Wróbel, the header Ğ) for the rest: one embedded font file per face
  CHECK(font_kinds(out) == std::vector<std::string>{
                               "HPDFAA+LiberationSans                CID TrueType      Identity-H       yes yes yes",
                               "HPDFAA+LiberationSans                TrueType          WinAnsi          yes yes no",
                               "HPDFAB+LiberationSans-Bold,Bold      CID TrueType      Identity-H       yes yes yes",
                               "HPDFAB+LiberationSans-Bold,Bold      TrueType          WinAnsi          yes yes no"});
  if (have_tool("qpdf")) {
    const CommandResult check = run_command("qpdf --check " + quoted(out) + " 2>&1");
    INFO(check.output);
    CHECK(check.status == 0);
    CHECK(contains(check.output, "No syntax or stream encoding errors found"));
  }
}

TEST_CASE("pdf fonts: every printable Windows-1252 character extracts as itself") {
  if (!have_poppler()) {
    WARN("pdffonts/pdftotext not installed: skipping");
    return;
  }
  std::string bytes;
  for (int b = 0x21; b <= 0xFF; ++b) {
    if (b == 0x7F || b == 0xA0 || b == 0xAD) continue;
    if (b == 0x81 || b == 0x8D || b == 0x8F || b == 0x90 || b == 0x9D) continue;  // undefined in Windows-1252
    bytes += static_cast<char>(b);
    bytes += ' ';
  }
  const std::string all = windows1252_to_utf8(bytes);
  Document d = base_document("Tekens");
  d.blocks.push_back(para({run(all)}));
  const fs::path out = output_folder() / "fonts_cp1252.pdf";
  REQUIRE(write_pdf(d, out).is_ok());
  CHECK(font_kinds(out) == std::vector<std::string>{
                               "HPDFAA+LiberationSans                TrueType          WinAnsi          yes yes no",
                               "HPDFAB+LiberationSans-Bold,Bold      TrueType          WinAnsi          yes yes no"});
  // characters only: spacing between one-character words is the extractor's guess
  auto characters = [](const std::string& s) {
    std::string out;
    for (char c : s)
      if (c != ' ' && c != '\n' && c != '\f') out += c;
    return out;
  };
  CHECK(contains(characters(pdf_text(out, false)), characters(all)));
}

namespace {

// Every word box of `pdftotext -bbox`: the word and its right edge.
std::vector<std::pair<std::string, double>> word_right_edges(const fs::path& pdf) {
  const std::string html = run_command("pdftotext -bbox " + quoted(pdf) + " - 2>/dev/null").output;
  std::vector<std::pair<std::string, double>> words;
  for (std::size_t pos = html.find("<word "); pos != std::string::npos; pos = html.find("<word ", pos + 1)) {
    const std::size_t x = html.find("xMax=\"", pos);
    const std::size_t open = html.find('>', pos);
    const std::size_t close = html.find("</word>", open);
    words.push_back({html.substr(open + 1, close - open - 1), std::stod(html.substr(x + 6))});
  }
  return words;
}

}  // namespace

TEST_CASE("pdf fonts: right-aligned text ends exactly at the cell edge on both font paths") {
  if (!have_poppler()) {
    WARN("pdftotext not installed: skipping");
    return;
  }
  Document d = base_document("Uitlijning");
  d.blocks.push_back(two_column_table("Naam", "Doğan", {{"a", "€ 1.234,56"}, {"b", "Yılmaz"}, {"c", "coördinatie"},
                                                         {"d", "Łódź"}, {"e", "WWW"}, {"f", "ıııı"}}));
  const fs::path out = output_folder() / "fonts_align.pdf";
  REQUIRE(write_pdf(d, out).is_ok());
  // the text column ends at the right margin (595.276 - 68) less the cell padding (5)
  const double edge = 595.276 - 68 - 5;
  std::size_t checked = 0;
  for (const auto& [word, right] : word_right_edges(out)) {
    for (const char* expected : {"Doğan", "1.234,56", "Yılmaz", "coördinatie", "Łódź", "WWW", "ıııı"}) {
      if (word != expected) continue;
      INFO(word);
      CHECK(right == Approx(edge).margin(0.002));
      ++checked;
    }
  }
  CHECK(checked == 7);
}

TEST_CASE("pdf fonts: a thread's earlier documents do not change the bytes of the next") {
  // The title block cuts the audience to the line with an ellipsis: the 'Q'
  // at its end is measured but never drawn, and must not be embedded in one
  // run and left out in another.
  Document x = base_document("Eerste document");
  x.meta.audience = "deelnemers " + std::string(200, 'x') + " Q";
  x.blocks.push_back(para({run("Alleen tekst zonder die letter.")}));
  Document y = base_document("Tweede document");
  y.blocks.push_back(para({run("Q"), run("Q", true)}));
  Document names = base_document("Derde document");
  names.blocks.push_back(para({run("Ayşe Yılmaz en Łukasz")}));

  auto in_new_thread = [](const std::function<std::string()>& fn) {
    std::string out;
    std::thread t([&] { out = fn(); });
    t.join();
    return out;
  };
  auto bytes = [](const Document& d) {
    auto r = render_pdf(d);
    REQUIRE(r.is_ok());
    return r.value();
  };
  const std::string fresh = in_new_thread([&] { return bytes(x); });
  const std::string after_y = in_new_thread([&] {
    bytes(y);
    return bytes(x);
  });
  const std::string after_names = in_new_thread([&] {
    bytes(names);
    bytes(y);
    return bytes(x);
  });
  CHECK(fresh.size() == after_y.size());
  CHECK(fresh == after_y);
  CHECK(fresh == after_names);
  const std::string names_fresh = in_new_thread([&] { return bytes(names); });
  const std::string names_after = in_new_thread([&] {
    bytes(x);
    bytes(y);
    return bytes(names);
  });
  CHECK(names_fresh == names_after);
}

namespace {

std::uint32_t be32(const std::string& s, std::size_t at) {
  return static_cast<std::uint32_t>(static_cast<unsigned char>(s.at(at))) << 24 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(s.at(at + 1))) << 16 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(s.at(at + 2))) << 8 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(s.at(at + 3)));
}
std::uint16_t be16(const std::string& s, std::size_t at) {
  return static_cast<std::uint16_t>(static_cast<unsigned char>(s.at(at)) << 8 | static_cast<unsigned char>(s.at(at + 1)));
}
std::uint32_t word_sum(const std::string& s) {
  std::string padded = s;
  padded.append((4 - s.size() % 4) % 4, '\0');
  std::uint32_t sum = 0;
  for (std::size_t i = 0; i < padded.size(); i += 4) sum += be32(padded, i);
  return sum;
}

struct SfntTable {
  std::string tag;
  std::uint32_t checksum, offset, length;
  std::string data;
};

std::vector<SfntTable> sfnt_tables(const std::string& font) {
  std::vector<SfntTable> tables;
  for (std::size_t i = 0; i < be16(font, 4); ++i) {
    const std::size_t e = 12 + 16 * i;
    SfntTable t{font.substr(e, 4), be32(font, e + 4), be32(font, e + 8), be32(font, e + 12), {}};
    t.data = font.substr(t.offset, t.length);
    tables.push_back(t);
  }
  return tables;
}

const SfntTable* find_table(const std::vector<SfntTable>& tables, const std::string& tag) {
  for (const SfntTable& t : tables)
    if (t.tag == tag) return &t;
  return nullptr;
}

// The decoded FontFile2 programs of `pdf`, in object order.
std::vector<std::string> font_programs(const fs::path& pdf) {
  auto read = read_file(pdf);
  REQUIRE(read.is_ok());
  const std::string& bytes = read.value();
  std::vector<std::string> programs;
  for (std::size_t pos = bytes.find("/FontFile2 "); pos != std::string::npos; pos = bytes.find("/FontFile2 ", pos + 1)) {
    const int object = std::stoi(bytes.substr(pos + 11));
    programs.push_back(
        run_command("qpdf --show-object=" + std::to_string(object) + " --filtered-stream-data " + quoted(pdf)).output);
  }
  return programs;
}

}  // namespace

TEST_CASE("pdf fonts: a font program without glyph names keeps every other table") {
  const fs::path file = PdfOptions{}.font_folder / PdfOptions{}.font_regular;
  auto read = read_file(file);
  REQUIRE(read.is_ok());
  const std::string font = read.value();
  const std::string out = truetype_without_glyph_names(font);
  REQUIRE_FALSE(out.empty());
  const auto before = sfnt_tables(font);
  const auto after = sfnt_tables(out);
  REQUIRE(after.size() == before.size());
  CHECK(after.size() == 19);
  CHECK(be32(out, 0) == 0x00010000);
  CHECK(be16(out, 6) == 256);  // searchRange for 19 tables
  CHECK(be16(out, 8) == 4);    // entrySelector
  CHECK(be16(out, 10) == 48);  // rangeShift
  for (std::size_t i = 0; i < after.size(); ++i) {
    const SfntTable& a = after[i];
    const SfntTable& b = before[i];
    INFO(a.tag);
    CHECK(a.tag == b.tag);
    CHECK(a.offset % 4 == 0);
    if (a.tag == "post") {
      CHECK(b.length == 27021);
      CHECK(a.length == 32);
      CHECK(be32(a.data, 0) == 0x00030000);
      CHECK(a.data.substr(4) == b.data.substr(4, 28));
    } else if (a.tag == "head") {
      CHECK(a.data.substr(0, 8) == b.data.substr(0, 8));
      CHECK(a.data.substr(12) == b.data.substr(12));
    } else {
      CHECK(a.data == b.data);
    }
    std::string data = a.data;
    if (a.tag == "head") data.replace(8, 4, 4, '\0');
    CHECK(a.checksum == word_sum(data));
  }
  CHECK(word_sum(out) == 0xB1B0AFBA);
  CHECK(out.size() == font.size() - 27024 + 32);  // the old post table: 27,021 bytes, 27,024 aligned

  CHECK(truetype_without_glyph_names("").empty());
  CHECK(truetype_without_glyph_names(font.substr(0, 100)).empty());  // the directory is cut off
  std::string no_post = font;
  no_post.replace(no_post.find("post"), 4, "xost");
  CHECK(truetype_without_glyph_names(no_post).empty());
}

TEST_CASE("pdf fonts: embedded font programs have no glyph names, and Dutch documents share them") {
  if (!have_tool("qpdf")) {
    WARN("qpdf not installed: skipping");
    return;
  }
  Document a = base_document("Eerste plan — coöperatie");
  a.blocks.push_back(para({run("Één café, “reëel” en naïef.")}));
  Document b = base_document("Tweede plan");
  b.blocks.push_back(para({run("Geheel andere tekst: 12 × € 3,50 = € 42,00.")}));
  Document names = base_document("Derde plan");
  names.blocks.push_back(para({run("Ayşe Yılmaz en Łukasz")}));
  const fs::path pa = output_folder() / "fonts_program_a.pdf";
  const fs::path pb = output_folder() / "fonts_program_b.pdf";
  const fs::path pn = output_folder() / "fonts_program_names.pdf";
  REQUIRE(write_pdf(a, pa).is_ok());
  REQUIRE(write_pdf(b, pb).is_ok());
  REQUIRE(write_pdf(names, pn).is_ok());
  const auto programs_a = font_programs(pa);
  const auto programs_b = font_programs(pb);
  const auto programs_n = font_programs(pn);
  REQUIRE(programs_a.size() == 2);  // regular and bold (the title)
  CHECK(programs_a == programs_b);  // different text, the same Windows-1252 glyph set
  REQUIRE(programs_n.size() == 2);
  CHECK(programs_n[0] != programs_a[0]);  // the regular face also has ş, ı, ł
  CHECK(programs_n[1] == programs_a[1]);
  for (const auto* programs : {&programs_a, &programs_n}) {
    for (const std::string& program : *programs) {
      REQUIRE(program.size() > 12);
      CHECK(be32(program, 0) == 0x00010000);
      CHECK(word_sum(program) == 0xB1B0AFBA);
      const auto tables = sfnt_tables(program);
      CHECK(tables.size() == 13);  // what libharu keeps
      const SfntTable* post = find_table(tables, "post");
      REQUIRE(post);
      CHECK(post->length == 32);
      CHECK(be32(post->data, 0) == 0x00030000);
      REQUIRE(find_table(tables, "glyf"));
      CHECK(find_table(tables, "glyf")->length > 20000);  // the whole Windows-1252 set, not just the drawn glyphs
    }
  }
  auto read = read_file(pa);
  REQUIRE(read.is_ok());
  const std::string& pdf = read.value();
  CHECK(pdf.find("/Length1 " + std::to_string(programs_a[0].size()) + "\n") != std::string::npos);
}
