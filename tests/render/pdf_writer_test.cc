#include <catch2/catch.hpp>

#include <algorithm>
#include <cstring>
#include <filesystem>

#include "core/file_io.h"
#include "render/markup_parser.h"
#include "render/pdf_writer.h"
#include "render/template_renderer.h"
#include "ordered_texts.h"
#include "sample_context.h"
#include "test_support.h"

using namespace casus;
using namespace casus::testing;
namespace fs = std::filesystem;

namespace {

const fs::path kSampleFolder = fs::path(CASUS_SOURCE_DIR) / "templates" / "_sample";

Document sample_document() {
  CollectingSink sink;
  auto doc = render_document(kSampleFolder / "report.mustache", sample_context(), sink);
  for (const auto& d : sink.diagnostics()) UNSCOPED_INFO(d.to_string());
  REQUIRE(doc.is_ok());
  return std::move(doc.value());
}

PdfOptions sample_options() {
  PdfOptions o;
  o.image_folder = kSampleFolder;
  return o;
}

}  // namespace

TEST_CASE("pdf: the sample document writes a valid PDF") {
  const Document doc = sample_document();
  const fs::path out = output_folder() / "sample.pdf";
  REQUIRE(write_pdf(doc, out, sample_options()).is_ok());
  REQUIRE(fs::exists(out));
  if (!have_tool("qpdf")) {
    WARN("qpdf not installed: skipping structure checks");
    return;
  }
  const CommandResult check = run_command("qpdf --check " + quoted(out) + " 2>&1");
  INFO(check.output);
  CHECK(check.status == 0);
  CHECK(check.output.find("No syntax or stream encoding errors found") != std::string::npos);
}

namespace {

std::string pdf_text(const fs::path& pdf, bool layout = true) {
  return run_command(std::string("pdftotext -enc UTF-8 ") + (layout ? "-layout " : "") + quoted(pdf) + " - 2>/dev/null")
      .output;
}

}  // namespace

TEST_CASE("pdf: extracted text holds every paragraph and cell in order") {
  if (!have_tool("pdftotext")) {
    WARN("pdftotext not installed: skipping");
    return;
  }
  const Document doc = sample_document();
  const fs::path out = output_folder() / "sample_text.pdf";
  REQUIRE(write_pdf(doc, out, sample_options()).is_ok());
  const std::string text = squash(pdf_text(out));
  std::size_t pos = 0;
  for (const std::string& expected : ordered_texts(doc)) {
    const std::size_t found = text.find(squash(expected), pos);
    INFO("looking for: " << expected);
    REQUIRE(found != std::string::npos);
    pos = found + 1;
  }
  const std::string plain = squash(pdf_text(out, false));
  for (const doc::Block& b : doc.blocks)
    if (const auto* k = std::get_if<doc::KeyFigures>(&b))
      for (const auto& f : k->items) {
        CHECK(plain.find(f.value) != std::string::npos);
        CHECK(plain.find(squash(f.label)) != std::string::npos);
        CHECK(plain.find(f.change) != std::string::npos);
      }
  // header and footer on every page
  const std::string layout = pdf_text(out);
  std::size_t pages = 0;
  for (std::size_t start = 0; start < layout.size();) {
    std::size_t end = layout.find('\f', start);
    if (end == std::string::npos) end = layout.size();
    const std::string page = layout.substr(start, end - start);
    if (squash(page).empty()) break;
    ++pages;
    CHECK(page.find("VERTROUWELIJK — alleen voor leden van de stuurgroep") != std::string::npos);
    CHECK(page.find("pagina " + std::to_string(pages) + " van 5") != std::string::npos);
    CHECK(page.find("Gegevens tot en met 27 november 2026") != std::string::npos);
    CHECK(page.find("Gegenereerd 28 november 2026 09:00") != std::string::npos);
    start = end + 1;
  }
  CHECK(pages == 5);
}

TEST_CASE("pdf: every font is embedded") {
  if (!have_tool("pdffonts")) {
    WARN("pdffonts not installed: skipping");
    return;
  }
  const fs::path out = output_folder() / "sample_fonts.pdf";
  REQUIRE(write_pdf(sample_document(), out, sample_options()).is_ok());
  const std::string fonts = run_command("pdffonts " + quoted(out) + " 2>/dev/null").output;
  std::vector<std::string> kinds;  // name, type, encoding, emb, sub, uni (no object numbers)
  std::size_t pos = fonts.find("----\n");
  REQUIRE(pos != std::string::npos);
  pos = fonts.find('\n', pos) + 1;
  while (pos < fonts.size()) {
    const std::size_t end = fonts.find('\n', pos);
    const std::string line = fonts.substr(pos, end - pos);
    if (!line.empty()) kinds.push_back(line.substr(0, line.find_last_not_of(" 0123456789") + 1));
    pos = end + 1;
  }
  std::sort(kinds.begin(), kinds.end());
  // Windows-1252 text on single-byte fonts; the sample's minus signs (U+2212,
  // a key figure and a table cell) on the regular face's CID font. Bold
  // italic is not used, so not embedded.
  CHECK(kinds == std::vector<std::string>{
                     "HPDFAA+LiberationSans                CID TrueType      Identity-H       yes yes yes",
                     "HPDFAA+LiberationSans                TrueType          WinAnsi          yes yes no",
                     "HPDFAB+LiberationSans-Bold,Bold      TrueType          WinAnsi          yes yes no",
                     "HPDFAC+LiberationSans-Italic,Italic  TrueType          WinAnsi          yes yes no"});
}

TEST_CASE("pdf: the same input gives byte-identical files") {
  const Document doc = sample_document();
  auto a = render_pdf(doc, sample_options());
  auto b = render_pdf(doc, sample_options());
  REQUIRE(a.is_ok());
  REQUIRE(b.is_ok());
  CHECK(a.value() == b.value());
  CHECK(a.value().find("/CreationDate (D:20261128090000") != std::string::npos);
}

TEST_CASE("pdf: a 30-page table repeats its header on every page and never splits a row") {
  const int rows = 1150;
  const Document doc = long_table_document(rows);
  const fs::path out = output_folder() / "long_table.pdf";
  REQUIRE(write_pdf(doc, out).is_ok());
  if (!have_tool("pdftotext")) {
    WARN("pdftotext not installed: skipping");
    return;
  }
  const std::string layout = pdf_text(out);
  std::vector<std::string> pages;
  for (std::size_t start = 0; start < layout.size();) {
    std::size_t end = layout.find('\f', start);
    if (end == std::string::npos) end = layout.size();
    if (!squash(layout.substr(start, end - start)).empty()) pages.push_back(layout.substr(start, end - start));
    start = end + 1;
  }
  REQUIRE(pages.size() >= 30);
  int next_row = 1;
  for (std::size_t p = 0; p < pages.size(); ++p) {
    INFO("page " << p + 1);
    const std::string& page = pages[p];
    CHECK(page.find("Pseudoniem") != std::string::npos);
    CHECK(page.find("Risiconiveau") != std::string::npos);
    CHECK(page.find(p == 0 ? "Tabel 1. Actieve casussen" : "Tabel 1. Actieve casussen (vervolg)") != std::string::npos);
    CHECK(page.find("pagina " + std::to_string(p + 1) + " van " + std::to_string(pages.size())) != std::string::npos);
    // the rows on this page follow on from the previous page, each whole on one line
    std::size_t pos = 0;
    while ((pos = page.find("C-", pos)) != std::string::npos) {
      char id[16];
      std::snprintf(id, sizeof id, "C-%05d", next_row);
      REQUIRE(page.compare(pos, 7, id) == 0);
      const std::size_t eol = page.find('\n', pos);
      const std::string line = page.substr(pos, eol - pos);
      CHECK(line.find("-12-2026") != std::string::npos);  // the last cell is on the same line
      ++next_row;
      pos = eol;
    }
  }
  CHECK(next_row == rows + 1);
}

TEST_CASE("pdf: each page's body and its header and footer are two deflated content streams") {
  const Document doc = long_table_document(200);
  auto pdf = render_pdf(doc, sample_options());
  REQUIRE(pdf.is_ok());
  const std::string& bytes = pdf.value();
  const std::size_t pages = count_of(bytes, "/Type /Page\012");
  REQUIRE(pages >= 5);
  // every content stream deflated by the writer (libharu's own filter entry is "/Filter /FlateDecode")
  CHECK(count_of(bytes, "/Contents [") == pages);
  CHECK(count_of(bytes, "/Filter [ /FlateDecode ]") >= 2 * pages);
  CHECK(bytes.find(" re\012") == std::string::npos);  // no drawing operator in clear text
  if (!have_tool("qpdf")) {
    WARN("qpdf not installed: skipping the read-back");
    return;
  }
  const fs::path path = output_folder() / "two_streams.pdf";
  REQUIRE(write_file_atomic(path, bytes).is_ok());
  CHECK(run_command("qpdf --check " + quoted(path) + " >/dev/null 2>&1").status == 0);
  const fs::path plain = output_folder() / "two_streams_plain.pdf";
  REQUIRE(run_command("qpdf --qdf --object-streams=disable " + quoted(path) + " " + quoted(plain)).status == 0);
  const std::string text = read_file(plain).value();
  CHECK(count_of(text, "%% Contents for page") == 2 * pages);
  CHECK(text.find("(pagina 1 van " + std::to_string(pages) + ")") != std::string::npos);
}

TEST_CASE("pdf: a compact table sets one-line rows closer: 59 rows on a continuation page instead of 34") {
  if (!have_tool("pdftotext")) {
    WARN("pdftotext not installed: skipping");
    return;
  }
  // Rows on the second page of the same 300-row table, set normal and compact.
  // A continuation page holds its caption (18 pt), the header row and whole
  // body rows in 685.89 pt: normal rows are 18.8 pt (11.6 + 2 x 3.6), compact
  // rows 11 pt (8 + 2 x 1.5).
  auto rows_on_page_two = [](doc::TableDensity density, const std::string& name) {
    Document d = long_table_document(300);
    for (doc::Block& b : d.blocks)
      if (auto* t = std::get_if<doc::Table>(&b)) t->density = density;
    const fs::path out = output_folder() / name;
    REQUIRE(write_pdf(d, out).is_ok());
    const std::string layout = pdf_text(out);
    const std::size_t first = layout.find('\f');
    const std::size_t second = layout.find('\f', first + 1);
    const std::string page = layout.substr(first + 1, second - first - 1);
    int rows = 0;
    for (std::size_t pos = 0; (pos = page.find("C-", pos)) != std::string::npos; ++pos) {
      const std::size_t eol = page.find('\n', pos);
      CHECK(page.substr(pos, eol - pos).find("-12-2026") != std::string::npos);  // one line per row
      ++rows;
    }
    return rows;
  };
  CHECK(rows_on_page_two(doc::TableDensity::normal, "table_normal.pdf") == 34);
  CHECK(rows_on_page_two(doc::TableDensity::compact, "table_compact.pdf") == 59);
}

TEST_CASE("pdf: no word runs outside the margins") {
  if (!have_tool("pdftotext")) {
    WARN("pdftotext not installed: skipping");
    return;
  }
  const fs::path out = output_folder() / "sample_bbox.pdf";
  REQUIRE(write_pdf(sample_document(), out, sample_options()).is_ok());
  const std::string html = run_command("pdftotext -bbox " + quoted(out) + " - 2>/dev/null").output;
  auto attr = [&](std::size_t from, const char* name) {
    const std::size_t p = html.find(name, from);
    return std::stod(html.substr(p + std::strlen(name) + 2));
  };
  std::size_t words = 0;
  for (std::size_t pos = html.find("<word "); pos != std::string::npos; pos = html.find("<word ", pos + 1)) {
    ++words;
    const double x0 = attr(pos, "xMin"), x1 = attr(pos, "xMax");
    INFO(html.substr(pos, html.find("</word>", pos) - pos));
    CHECK(x0 >= 67.5);
    CHECK(x1 <= 595.276 - 67.5);
  }
  CHECK(words > 500);
}

TEST_CASE("pdf: English documents say 'page X of Y'") {
  CollectingSink sink;
  auto doc = render_document(kSampleFolder / "report.mustache", sample_context("en"), sink);
  REQUIRE(doc.is_ok());
  const fs::path out = output_folder() / "sample_en.pdf";
  REQUIRE(write_pdf(doc.value(), out, sample_options()).is_ok());
  if (!have_tool("pdftotext")) return;
  const std::string text = pdf_text(out);
  CHECK(text.find("page 1 of 5") != std::string::npos);
  CHECK(text.find("Data as of 27 november 2026") != std::string::npos);
  CHECK(text.find("Contents") != std::string::npos);
}

TEST_CASE("pdf: a missing font is a clear error and nothing is written") {
  PdfOptions o;
  o.font_folder = "/nonexistent/fonts";
  const fs::path out = output_folder() / "no_font.pdf";
  fs::remove(out);
  const Status s = write_pdf(long_table_document(3), out, o);
  REQUIRE_FALSE(s.is_ok());
  CHECK(s.message() == "cannot load font /nonexistent/fonts/LiberationSans-Regular.ttf for the PDF");
  CHECK_FALSE(fs::exists(out));
}

namespace {

std::vector<std::string> pdf_pages_text(const Document& doc, const std::string& name) {
  const fs::path out = output_folder() / name;
  REQUIRE(write_pdf(doc, out).is_ok());
  const std::string layout = pdf_text(out);
  std::vector<std::string> pages;
  for (std::size_t start = 0; start < layout.size();) {
    std::size_t end = layout.find('\f', start);
    if (end == std::string::npos) end = layout.size();
    pages.push_back(layout.substr(start, end - start));
    start = end + 1;
  }
  return pages;
}

doc::Paragraph para(const std::string& text) {
  doc::Paragraph p;
  doc::Run r;
  r.text = text;
  p.runs.push_back(r);
  return p;
}

}  // namespace

TEST_CASE("pdf: no paragraph leaves a single line alone at a page's foot or head") {
  if (!have_tool("pdftotext")) return;
  std::string words;
  for (int i = 1; i <= 60; ++i) {
    char w[8];
    std::snprintf(w, sizeof w, "w%03d", i);
    words += std::string(words.empty() ? "" : " ") + w + " lorem ipsum dolor sit";
  }
  for (int filler = 38; filler <= 50; ++filler) {
    Document doc = long_table_document(0);
    doc.blocks.clear();
    for (int i = 0; i < filler; ++i) doc.blocks.push_back(para("Vulregel " + std::to_string(i + 1) + "."));
    doc.blocks.push_back(para(words));
    const auto pages = pdf_pages_text(doc, "widows.pdf");
    std::size_t pages_with_lines = 0;
    for (const std::string& page : pages) {
      std::size_t lines = 0;
      std::size_t pos = 0;
      while (pos < page.size()) {
        std::size_t eol = page.find('\n', pos);
        if (eol == std::string::npos) eol = page.size();
        const std::string line = page.substr(pos, eol - pos);
        if (line.find("lorem") != std::string::npos || line.find(" w0") != std::string::npos) ++lines;
        pos = eol + 1;
      }
      INFO("filler " << filler);
      CHECK(lines != 1);
      if (lines) ++pages_with_lines;
    }
    CHECK(pages_with_lines >= 1);
  }
}

TEST_CASE("pdf: a heading is kept with the start of what follows") {
  if (!have_tool("pdftotext")) return;
  // one filler paragraph growing by about a line at a time moves the heading down the page in 14.6 pt steps
  for (int filler = 300; filler <= 480; filler += 6) {
    Document doc = long_table_document(0);
    doc.blocks.clear();
    std::string text;
    for (int i = 0; i < filler; ++i) text += "vulwoord ";
    doc.blocks.push_back(para(text));
    doc.blocks.push_back(doc::Heading{2, "Kop die niet alleen mag staan", "kop"});
    doc.blocks.push_back(para("Eerste regel na de kop."));
    const auto pages = pdf_pages_text(doc, "keep.pdf");
    bool found = false;
    for (const std::string& page : pages) {
      if (page.find("Kop die niet alleen mag staan") == std::string::npos) continue;
      found = true;
      INFO("filler " << filler);
      CHECK(page.find("Eerste regel na de kop.") != std::string::npos);
    }
    CHECK(found);
  }
}
