#include <catch2/catch.hpp>

#include <filesystem>
#include <pugixml.hpp>

#include "core/file_io.h"
#include "render/docx_writer.h"
#include "render/template_renderer.h"
#include "ordered_texts.h"
#include "sample_context.h"
#include "test_support.h"

using namespace casus;
using namespace casus::testing;
namespace fs = std::filesystem;

namespace {

const fs::path kSampleFolder = fs::path(CASUS_SOURCE_DIR) / "templates" / "_sample";

Document sample() {
  CollectingSink sink;
  auto doc = render_document(kSampleFolder / "report.mustache", sample_context(), sink);
  REQUIRE(doc.is_ok());
  return std::move(doc.value());
}

DocxOptions sample_options() {
  DocxOptions o;
  o.image_folder = kSampleFolder;
  return o;
}

std::string unzip(const fs::path& zip, const std::string& part) {
  return run_command("unzip -p " + quoted(zip) + " '" + part + "' 2>/dev/null").output;
}

// Paragraph texts of a WordprocessingML part, in order, one string each.
std::string paragraph_texts(const std::string& xml) {
  pugi::xml_document d;
  REQUIRE(d.load_buffer(xml.data(), xml.size()));
  std::string out;
  for (pugi::xpath_node p : d.select_nodes("//w:p")) {
    for (pugi::xpath_node t : p.node().select_nodes(".//w:t")) out += t.node().text().get();
    out += ' ';
  }
  return out;
}

}  // namespace

TEST_CASE("docx: package layout, parts and order") {
  if (!have_tool("unzip")) {
    WARN("unzip not installed: skipping");
    return;
  }
  const fs::path out = output_folder() / "sample.docx";
  REQUIRE(write_docx(sample(), out, sample_options()).is_ok());
  // local entries in the order written: [Content_Types].xml first
  const std::string zip = read_file(out).value();
  std::vector<std::string> names;
  for (std::size_t i = zip.find("PK\x03\x04"); i != std::string::npos; i = zip.find("PK\x03\x04", i + 4)) {
    const std::size_t n = static_cast<unsigned char>(zip[i + 26]) | (static_cast<unsigned char>(zip[i + 27]) << 8);
    const std::string name = zip.substr(i + 30, n);
    if (name.back() != '/') names.push_back(name);  // Poco adds folder entries for nested parts
  }
  CHECK(names == std::vector<std::string>{"[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "docProps/app.xml",
                                          "word/document.xml", "word/styles.xml", "word/numbering.xml",
                                          "word/settings.xml", "word/header1.xml", "word/footer1.xml",
                                          "word/_rels/document.xml.rels", "word/media/image1.png"});
  CHECK(run_command("unzip -tq " + quoted(out)).status == 0);
  // every XML part is well-formed
  for (const char* part : {"\\[Content_Types\\].xml", "_rels/.rels", "docProps/core.xml", "word/document.xml", "word/styles.xml",
                           "word/numbering.xml", "word/settings.xml", "word/header1.xml", "word/footer1.xml",
                           "word/_rels/document.xml.rels"}) {
    const std::string xml = unzip(out, part);
    pugi::xml_document d;
    INFO(part);
    CHECK(d.load_buffer(xml.data(), xml.size()));
  }
  const std::string settings = unzip(out, "word/settings.xml");
  CHECK(settings.find("<w:updateFields w:val=\"true\"/>") != std::string::npos);
  const std::string footer = unzip(out, "word/footer1.xml");
  CHECK(footer.find("w:instr=\" PAGE \"") != std::string::npos);
  CHECK(footer.find("w:instr=\" NUMPAGES \"") != std::string::npos);
  CHECK(paragraph_texts(footer) == "Gegevens tot en met 27 november 2026  ·  Gegenereerd 28 november 2026 09:00pagina 1 van 1 ");
  CHECK(paragraph_texts(unzip(out, "word/header1.xml")) ==
        "VERTROUWELIJK — alleen voor leden van de stuurgroepMaandrapportage Top 600-aanpak ");
  const std::string styles = unzip(out, "word/styles.xml");
  for (const char* id : {"Heading1", "Heading2", "Heading3", "Normal", "CasusTable", "TOC1", "Title"})
    CHECK(styles.find(std::string("w:styleId=\"") + id + "\"") != std::string::npos);
  const std::string numbering = unzip(out, "word/numbering.xml");
  CHECK(numbering.find("<w:numFmt w:val=\"bullet\"/>") != std::string::npos);
  CHECK(numbering.find("<w:numFmt w:val=\"decimal\"/>") != std::string::npos);
  const std::string document = unzip(out, "word/document.xml");
  CHECK(document.find("<w:instrText xml:space=\"preserve\"> TOC \\o \"1-2\" \\h \\z \\u </w:instrText>") !=
        std::string::npos);
  CHECK(document.find("<w:tblHeader/>") != std::string::npos);
  CHECK(document.find("<w:numId w:val=\"2\"/>") != std::string::npos);
  CHECK(document.find("descr=\"Schema: de regisseur in het midden, verbonden met zes partners.\"") != std::string::npos);
}

TEST_CASE("docx: document.xml holds every paragraph and cell in order") {
  const Document doc = sample();
  auto bytes = render_docx(doc, sample_options());
  REQUIRE(bytes.is_ok());
  const fs::path out = output_folder() / "sample_text.docx";
  REQUIRE(write_docx(doc, out, sample_options()).is_ok());
  if (!have_tool("unzip")) return;
  const std::string text = squash(paragraph_texts(unzip(out, "word/document.xml")));
  std::size_t pos = 0;
  for (const std::string& expected : ordered_texts(doc)) {
    INFO("looking for: " << expected);
    const std::size_t found = text.find(squash(expected), pos);
    REQUIRE(found != std::string::npos);
    pos = found + 1;
  }
}

TEST_CASE("docx: the same input gives byte-identical files") {
  const Document doc = sample();
  auto a = render_docx(doc, sample_options());
  auto b = render_docx(doc, sample_options());
  REQUIRE(a.is_ok());
  REQUIRE(b.is_ok());
  CHECK(a.value() == b.value());
}

TEST_CASE("docx: a long table repeats its header rows and keeps rows whole") {
  const fs::path out = output_folder() / "long_table.docx";
  REQUIRE(write_docx(long_table_document(300), out).is_ok());
  if (!have_tool("unzip")) return;
  const std::string document = unzip(out, "word/document.xml");
  pugi::xml_document d;
  REQUIRE(d.load_buffer(document.data(), document.size()));
  const auto rows = d.select_nodes("//w:tbl/w:tr");
  REQUIRE(rows.size() == 301);
  CHECK(rows[0].node().child("w:trPr").child("w:tblHeader"));
  for (std::size_t i = 0; i < rows.size(); ++i) {
    CHECK(rows[i].node().child("w:trPr").child("w:cantSplit"));
    if (i > 0) CHECK_FALSE(rows[i].node().child("w:trPr").child("w:tblHeader"));
  }
}

TEST_CASE("docx: opens in LibreOffice without repair and keeps its text") {
  if (!have_tool("soffice") || !have_tool("pdftotext")) {
    WARN("soffice (LibreOffice) or pdftotext is not installed: skipping the LibreOffice round trip");
    return;
  }
  const Document doc = sample();
  const fs::path dir = output_folder() / "lo";
  fs::remove_all(dir);
  fs::create_directories(dir);
  const fs::path docx = dir / "sample.docx";
  REQUIRE(write_docx(doc, docx, sample_options()).is_ok());
  const std::string profile = "file://" + (fs::temp_directory_path() / "casus_render_lo_profile").string();
  const CommandResult convert = run_command("cd " + quoted(dir) + " && timeout 180 soffice -env:UserInstallation=" + profile +
                                            " --headless --convert-to pdf sample.docx 2>&1");
  INFO(convert.output);
  const fs::path pdf = dir / "sample.pdf";
  REQUIRE(fs::exists(pdf));
  const std::string layout = run_command("pdftotext -enc UTF-8 -layout " + quoted(pdf) + " - 2>/dev/null").output;
  const std::string text = squash(layout);
  std::size_t pos = 0;
  for (const std::string& expected : ordered_texts(doc)) {
    INFO("looking for: " << expected);
    const std::size_t found = text.find(squash(expected), pos);
    REQUIRE(found != std::string::npos);
    pos = found + 1;
  }
  CHECK(layout.find("VERTROUWELIJK — alleen voor leden van de stuurgroep") != std::string::npos);
  CHECK(layout.find("pagina 1 van ") != std::string::npos);
}
