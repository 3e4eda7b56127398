#include "render/docx_writer.h"

#include <Poco/DateTime.h>
#include <Poco/Exception.h>
#include <Poco/Path.h>
#include <Poco/Zip/Compress.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>
#include <pugixml.hpp>
#include <sstream>

#include "core/file_io.h"
#include "render/chart_scale.h"
#include "render/labels.h"
#include "render/style.h"

namespace casus {

namespace {

using namespace casus::doc;

constexpr int kPageW = 11906;  // A4 in twips
constexpr int kPageH = 16838;
constexpr int kMarginX = 1361;  // 2.4 cm
constexpr int kMarginTop = 1588;
constexpr int kMarginBottom = 1474;
constexpr int kTextW = kPageW - 2 * kMarginX;

const char* kW = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const char* kR = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

std::string xml_text(const pugi::xml_document& d) {
  std::ostringstream s;
  d.save(s, "", pugi::format_raw, pugi::encoding_utf8);
  return s.str();
}

pugi::xml_document new_part() {
  pugi::xml_document d;
  pugi::xml_node decl = d.append_child(pugi::node_declaration);
  decl.append_attribute("version") = "1.0";
  decl.append_attribute("encoding") = "UTF-8";
  decl.append_attribute("standalone") = "yes";
  return d;
}

// Appends <name> to parent.
inline pugi::xml_node el(pugi::xml_node parent, const char* name) { return parent.append_child(name); }
// Appends <name w:val="v"/>.
inline pugi::xml_node val(pugi::xml_node parent, const char* name, const char* v) {
  pugi::xml_node n = parent.append_child(name);
  n.append_attribute("w:val") = v;
  return n;
}
inline pugi::xml_node val(pugi::xml_node parent, const char* name, const std::string& v) { return val(parent, name, v.c_str()); }
inline pugi::xml_node val(pugi::xml_node parent, const char* name, int v) {
  pugi::xml_node n = parent.append_child(name);
  n.append_attribute("w:val") = v;
  return n;
}

struct RunFormat {
  bool bold = false;
  bool italic = false;
  bool not_bold = false;        // overrides a bold paragraph style
  const char* style = nullptr;  // character style
  std::string color;            // hex
  int half_points = 0;
};

void add_text_run(pugi::xml_node p, const std::string& text, const RunFormat& f = {}) {
  pugi::xml_node r = el(p, "w:r");
  if (f.bold || f.not_bold || f.italic || f.style || !f.color.empty() || f.half_points) {
    pugi::xml_node rpr = el(r, "w:rPr");
    if (f.style) val(rpr, "w:rStyle", f.style);
    if (f.bold) el(rpr, "w:b");
    if (f.not_bold) val(rpr, "w:b", "0");
    if (f.italic) el(rpr, "w:i");
    if (!f.color.empty()) val(rpr, "w:color", f.color);
    if (f.half_points) val(rpr, "w:sz", f.half_points);
  }
  pugi::xml_node t = el(r, "w:t");
  if (!text.empty() && (text.front() == ' ' || text.back() == ' ')) t.append_attribute("xml:space") = "preserve";
  t.text().set(text.c_str());
}

struct PngSize {
  unsigned width = 0, height = 0;
};
std::optional<PngSize> png_size(const std::string& bytes) {
  if (bytes.size() < 24 || bytes.compare(0, 8, "\x89PNG\r\n\x1a\n") != 0 || bytes.compare(12, 4, "IHDR") != 0) return std::nullopt;
  auto be32 = [&](std::size_t at) {
    return (static_cast<unsigned>(static_cast<unsigned char>(bytes[at])) << 24) |
           (static_cast<unsigned>(static_cast<unsigned char>(bytes[at + 1])) << 16) |
           (static_cast<unsigned>(static_cast<unsigned char>(bytes[at + 2])) << 8) |
           static_cast<unsigned>(static_cast<unsigned char>(bytes[at + 3]));
  };
  return PngSize{be32(16), be32(20)};
}

std::string styles_xml(const std::string& font, Language language) {
  using namespace style;
  const std::string lang = language == Language::nl ? "nl-NL" : "en-GB";
  const std::string accent = kAccent.hex(), dark = kAccentDark.hex(), text = kText.hex(), muted = kMuted.hex(),
                    rule = kRule.hex(), marking = kMarking.hex();
  std::string s;
  s += R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
       R"(<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">)";
  s += R"(<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=")" + font + R"(" w:hAnsi=")" + font + R"(" w:eastAsia=")" +
       font + R"(" w:cs=")" + font + R"("/><w:color w:val=")" + text + R"("/><w:sz w:val="20"/><w:szCs w:val="20"/><w:lang w:val=")" +
       lang + R"("/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="140" w:line="288" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>)";
  auto para = [&](const char* id, const char* name, const std::string& ppr, const std::string& rpr, const char* based = "Normal",
                  const char* next = "Normal") {
    s += std::string(R"(<w:style w:type="paragraph" w:styleId=")") + id + R"("><w:name w:val=")" + name + R"("/>)";
    if (based) s += std::string(R"(<w:basedOn w:val=")") + based + R"("/>)";
    if (next) s += std::string(R"(<w:next w:val=")") + next + R"("/>)";
    s += R"(<w:qFormat/><w:pPr>)" + ppr + R"(</w:pPr><w:rPr>)" + rpr + R"(</w:rPr></w:style>)";
  };
  s += R"(<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/><w:pPr><w:widowControl/></w:pPr></w:style>)";
  para("Title", "Title", R"(<w:keepNext/><w:spacing w:before="0" w:after="60" w:line="240" w:lineRule="auto"/>)",
       R"(<w:b/><w:color w:val=")" + accent + R"("/><w:sz w:val="44"/><w:szCs w:val="44"/>)");
  para("Subtitle", "Subtitle", R"(<w:keepNext/><w:spacing w:after="200"/>)",
       R"(<w:color w:val=")" + muted + R"("/><w:sz w:val="25"/><w:szCs w:val="25"/>)");
  para("DocumentFacts", "Document facts", R"(<w:spacing w:after="0" w:line="252" w:lineRule="auto"/>)",
       R"(<w:sz w:val="17"/><w:szCs w:val="17"/>)");
  para("Heading1", "heading 1",
       R"(<w:keepNext/><w:keepLines/><w:pBdr><w:bottom w:val="single" w:sz="4" w:space="3" w:color=")" + rule +
           R"("/></w:pBdr><w:spacing w:before="440" w:after="180" w:line="240" w:lineRule="auto"/><w:outlineLvl w:val="0"/>)",
       R"(<w:b/><w:color w:val=")" + accent + R"("/><w:sz w:val="32"/><w:szCs w:val="32"/>)");
  para("Heading2", "heading 2",
       R"(<w:keepNext/><w:keepLines/><w:spacing w:before="300" w:after="100" w:line="240" w:lineRule="auto"/><w:outlineLvl w:val="1"/>)",
       R"(<w:b/><w:color w:val=")" + dark + R"("/><w:sz w:val="25"/><w:szCs w:val="25"/>)");
  para("Heading3", "heading 3",
       R"(<w:keepNext/><w:keepLines/><w:spacing w:before="220" w:after="60" w:line="240" w:lineRule="auto"/><w:outlineLvl w:val="2"/>)",
       R"(<w:b/><w:sz w:val="21"/><w:szCs w:val="21"/>)");
  para("Lead", "Lead", R"(<w:spacing w:after="160"/>)", R"(<w:color w:val=")" + dark + R"("/><w:sz w:val="23"/><w:szCs w:val="23"/>)");
  para("Note", "Note", R"(<w:spacing w:after="100"/>)", R"(<w:color w:val=")" + muted + R"("/><w:sz w:val="17"/><w:szCs w:val="17"/>)");
  para("ListParagraph", "List Paragraph", R"(<w:spacing w:after="60"/><w:ind w:left="360"/>)", "");
  para("Caption", "caption", R"(<w:keepNext/><w:spacing w:before="200" w:after="80"/>)", R"(<w:b/><w:sz w:val="19"/><w:szCs w:val="19"/>)");
  para("FigureCaption", "Figure caption", R"(<w:spacing w:before="60" w:after="200"/>)",
       R"(<w:color w:val=")" + muted + R"("/><w:sz w:val="17"/><w:szCs w:val="17"/>)");
  para("TableText", "Table text", R"(<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>)",
       R"(<w:sz w:val="17"/><w:szCs w:val="17"/>)");
  para("TableTextCompact", "Table text compact", R"(<w:spacing w:before="0" w:after="0" w:line="228" w:lineRule="auto"/>)",
       R"(<w:sz w:val="13"/><w:szCs w:val="13"/>)");
  para("FieldLabel", "Field label", R"(<w:keepNext/><w:spacing w:before="200" w:after="40"/>)", R"(<w:b/><w:sz w:val="19"/>)");
  para("FieldLine", "Field line",
       R"(<w:keepNext/><w:pBdr><w:bottom w:val="single" w:sz="4" w:space="1" w:color=")" + muted +
           R"("/><w:between w:val="single" w:sz="4" w:space="1" w:color=")" + muted + R"("/></w:pBdr><w:spacing w:before="0" w:after="0" w:line="440" w:lineRule="exact"/>)",
       "");
  para("TOCHeading", "TOC Heading", R"(<w:keepNext/><w:spacing w:before="240" w:after="160"/>)",
       R"(<w:b/><w:color w:val=")" + accent + R"("/><w:sz w:val="32"/><w:szCs w:val="32"/>)");
  para("TOC1", "toc 1", R"(<w:tabs><w:tab w:val="right" w:leader="dot" w:pos=")" + std::to_string(kTextW) + R"("/></w:tabs><w:spacing w:before="80" w:after="40"/>)",
       R"(<w:b/>)");
  para("TOC2", "toc 2", R"(<w:tabs><w:tab w:val="right" w:leader="dot" w:pos=")" + std::to_string(kTextW) + R"("/></w:tabs><w:spacing w:after="40"/><w:ind w:left="284"/>)",
       "");
  para("Header", "header", R"(<w:pBdr><w:bottom w:val="single" w:sz="4" w:space="4" w:color=")" + rule +
                               R"("/></w:pBdr><w:tabs><w:tab w:val="right" w:pos=")" + std::to_string(kTextW) + R"("/></w:tabs><w:spacing w:after="0"/>)",
       R"(<w:color w:val=")" + muted + R"("/><w:sz w:val="15"/><w:szCs w:val="15"/>)");
  para("Footer", "footer", R"(<w:pBdr><w:top w:val="single" w:sz="4" w:space="4" w:color=")" + rule +
                               R"("/></w:pBdr><w:tabs><w:tab w:val="right" w:pos=")" + std::to_string(kTextW) + R"("/></w:tabs><w:spacing w:after="0"/>)",
       R"(<w:color w:val=")" + muted + R"("/><w:sz w:val="15"/><w:szCs w:val="15"/>)");
  s += R"(<w:style w:type="character" w:styleId="Marking"><w:name w:val="Marking"/><w:rPr><w:b/><w:color w:val=")" + marking +
       R"("/></w:rPr></w:style>)";
  s += R"(<w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/><w:rPr><w:color w:val=")" + accent +
       R"("/><w:u w:val="single"/></w:rPr></w:style>)";
  s += R"(<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>)";
  s += R"(<w:style w:type="table" w:styleId="CasusTable"><w:name w:val="Casus Table"/><w:basedOn w:val="TableNormal"/><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:rPr><w:sz w:val="17"/><w:szCs w:val="17"/></w:rPr><w:tblPr><w:tblBorders><w:bottom w:val="single" w:sz="4" w:space="0" w:color=")" +
       kRule.hex() + R"("/><w:insideH w:val="single" w:sz="2" w:space="0" w:color=")" + kHairline.hex() +
       R"("/></w:tblBorders><w:tblCellMar><w:top w:w="57" w:type="dxa"/><w:left w:w="100" w:type="dxa"/><w:bottom w:w="57" w:type="dxa"/><w:right w:w="100" w:type="dxa"/></w:tblCellMar></w:tblPr>)"
       R"(<w:tblStylePr w:type="firstRow"><w:rPr><w:b/><w:color w:val=")" + dark + R"("/></w:rPr><w:tcPr><w:shd w:val="clear" w:color="auto" w:fill=")" +
       kAccentTint.hex() + R"("/></w:tcPr></w:tblStylePr></w:style>)";
  s += "</w:styles>";
  return s;
}

class DocxBuilder {
 public:
  DocxBuilder(const Document& doc, const DocxOptions& options)
      : doc_(doc), options_(options), labels_(writer_labels(doc.meta.language)) {}

  Result<std::string> build() {
    pugi::xml_document xdoc = new_part();
    pugi::xml_node root = el(xdoc, "w:document");
    root.append_attribute("xmlns:w") = kW;
    root.append_attribute("xmlns:r") = kR;
    root.append_attribute("xmlns:wp") = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing";
    root.append_attribute("xmlns:a") = "http://schemas.openxmlformats.org/drawingml/2006/main";
    root.append_attribute("xmlns:pic") = "http://schemas.openxmlformats.org/drawingml/2006/picture";
    body_ = el(root, "w:body");
    title_block();
    for (const Block& b : doc_.blocks)
      if (Status s = block(b); !s) return s;
    section_properties();
    const std::string document_xml = xml_text(xdoc);

    std::ostringstream zip_bytes;
    try {
      const DateTime& c = doc_.meta.created;
      const Poco::DateTime when(c.date.year, c.date.month, c.date.day, c.hour, c.minute, c.second);
      Poco::Zip::Compress zip(zip_bytes, true);
      auto add = [&](const std::string& name, const std::string& content, bool deflate = true) {
        std::istringstream in(content);
        zip.addFile(in, when, Poco::Path(name, Poco::Path::PATH_UNIX),
                    deflate ? Poco::Zip::ZipCommon::CM_DEFLATE : Poco::Zip::ZipCommon::CM_STORE,
                    Poco::Zip::ZipCommon::CL_NORMAL);
      };
      add("[Content_Types].xml", content_types());
      add("_rels/.rels", package_rels());
      add("docProps/core.xml", core_props());
      add("docProps/app.xml", app_props());
      add("word/document.xml", document_xml);
      add("word/styles.xml", styles_xml(options_.font, doc_.meta.language));
      add("word/numbering.xml", numbering());
      add("word/settings.xml", settings());
      add("word/header1.xml", header());
      add("word/footer1.xml", footer());
      add("word/_rels/document.xml.rels", document_rels());
      for (std::size_t i = 0; i < images_.size(); ++i)
        add("word/media/image" + std::to_string(i + 1) + ".png", images_[i], false);
      zip.close();
    } catch (const Poco::Exception& e) {
      return Status::error("DOCX zip failed: " + e.displayText());
    } catch (const std::exception& e) {
      return Status::error(std::string("DOCX zip failed: ") + e.what());
    }
    return zip_bytes.str();
  }

 private:
  // ---- relationships -------------------------------------------------------
  std::string add_relationship(const std::string& type, const std::string& target, bool external) {
    const std::string id = "rId" + std::to_string(10 + rels_.size());
    rels_.push_back({id, type, target, external});
    return id;
  }

  // ---- paragraphs -------------------------------------------------------------
  pugi::xml_node paragraph(const char* style = nullptr, pugi::xml_node parent = {}) {
    pugi::xml_node p = el(parent ? parent : body_, "w:p");
    if (style) val(el(p, "w:pPr"), "w:pStyle", style);
    return p;
  }

  pugi::xml_node ppr(pugi::xml_node p) {
    pugi::xml_node n = p.child("w:pPr");
    return n ? n : p.prepend_child("w:pPr");
  }

  void runs(pugi::xml_node p, const Runs& rs, bool force_bold = false, std::string color = {}) {
    for (const Run& r : rs) {
      RunFormat f;
      f.bold = r.bold || force_bold;
      f.italic = r.italic;
      f.color = color;
      if (r.link.empty()) {
        add_text_run(p, r.text, f);
      } else {
        pugi::xml_node h = el(p, "w:hyperlink");
        h.append_attribute("r:id") = add_relationship(
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink", r.link, true).c_str();
        h.append_attribute("w:history") = "1";
        f.style = "Hyperlink";
        f.color.clear();
        add_text_run(h, r.text, f);
      }
    }
  }

  void title_block() {
    const DocumentMeta& m = doc_.meta;
    add_text_run(paragraph("Title"), m.title);
    if (!m.subtitle.empty()) add_text_run(paragraph("Subtitle"), m.subtitle);
    auto fact = [&](const char* label, const std::string& value) {
      if (value.empty()) return;
      pugi::xml_node p = paragraph("DocumentFacts");
      pugi::xml_node tabs = el(ppr(p), "w:tabs");
      pugi::xml_node tab = el(tabs, "w:tab");
      tab.append_attribute("w:val") = "left";
      tab.append_attribute("w:pos") = 2268;
      RunFormat f;
      f.bold = true;
      f.color = style::kMuted.hex();
      add_text_run(p, label, f);
      el(el(p, "w:r"), "w:tab");
      add_text_run(p, value);
    };
    fact(labels_.audience, m.audience);
    fact(labels_.data_as_of, m.data_as_of);
    fact(labels_.generated, m.generated_at);
    pugi::xml_node spacer = paragraph();
    pugi::xml_node sp = el(ppr(spacer), "w:spacing");
    sp.append_attribute("w:after") = 240;
  }

  Status block(const Block& b) {
    if (const auto* h = std::get_if<Heading>(&b)) {
      const std::string style = "Heading" + std::to_string(std::clamp(h->level, 1, 3));
      pugi::xml_node p = paragraph(style.c_str());
      pugi::xml_node bs = el(p, "w:bookmarkStart");
      bs.append_attribute("w:id") = bookmark_id_;
      bs.append_attribute("w:name") = ("_" + h->id).c_str();
      add_text_run(p, h->text);
      el(p, "w:bookmarkEnd").append_attribute("w:id") = bookmark_id_++;
    } else if (const auto* p = std::get_if<Paragraph>(&b)) {
      const char* style = p->style == ParagraphStyle::lead ? "Lead" : p->style == ParagraphStyle::note ? "Note" : nullptr;
      runs(paragraph(style), p->runs);
    } else if (const auto* l = std::get_if<ListBlock>(&b)) {
      int num_id = 1;  // bullets share one list
      if (l->ordered) num_id = 2 + ordered_lists_++;  // each ordered list restarts at 1
      for (const Runs& item : l->items) {
        pugi::xml_node para = paragraph("ListParagraph");
        pugi::xml_node numpr = el(ppr(para), "w:numPr");
        val(numpr, "w:ilvl", 0);
        val(numpr, "w:numId", num_id);
        runs(para, item);
      }
    } else if (const auto* t = std::get_if<Table>(&b)) {
      table(*t);
    } else if (const auto* k = std::get_if<KeyFigures>(&b)) {
      key_figures(*k);
    } else if (const auto* c = std::get_if<Chart>(&b)) {
      chart(*c);
    } else if (const auto* f = std::get_if<Figure>(&b)) {
      return figure(*f);
    } else if (std::holds_alternative<PageBreak>(b)) {
      pugi::xml_node br = el(el(paragraph(), "w:r"), "w:br");
      br.append_attribute("w:type") = "page";
    } else if (const auto* s = std::get_if<SignatureBlock>(&b)) {
      signatures(*s);
    } else if (const auto* ff = std::get_if<FormField>(&b)) {
      pugi::xml_node p = paragraph("FieldLabel");
      add_text_run(p, ff->label);
      if (!ff->hint.empty()) {
        RunFormat f;
        f.italic = true;
        f.not_bold = true;
        f.color = style::kMuted.hex();
        f.half_points = 16;
        el(el(p, "w:r"), "w:br");
        add_text_run(p, ff->hint, f);
      }
      for (int i = 0; i < std::max(1, ff->lines); ++i) paragraph("FieldLine");
    } else if (const auto* toc = std::get_if<TableOfContents>(&b)) {
      contents(*toc);
    }
    return Status::ok();
  }

  void contents(const TableOfContents& toc) {
    add_text_run(paragraph("TOCHeading"), toc.title.empty() ? labels_.contents : toc.title);
    // A TOC field; its cached entries (without page numbers) show until Word
    // updates the field on open (w:updateFields in settings.xml).
    std::vector<const Heading*> entries;
    for (const Block& b : doc_.blocks)
      if (const auto* h = std::get_if<Heading>(&b))
        if (h->level <= 2) entries.push_back(h);
    auto fld = [](pugi::xml_node p, const char* type) {
      el(el(p, "w:r"), "w:fldChar").append_attribute("w:fldCharType") = type;
    };
    for (std::size_t i = 0; i < entries.size() || i == 0; ++i) {
      pugi::xml_node p = paragraph(entries.empty() || entries[i]->level == 1 ? "TOC1" : "TOC2");
      if (i == 0) {
        fld(p, "begin");
        pugi::xml_node instr = el(el(p, "w:r"), "w:instrText");
        instr.append_attribute("xml:space") = "preserve";
        instr.text().set(" TOC \\o \"1-2\" \\h \\z \\u ");
        fld(p, "separate");
      }
      if (!entries.empty()) {
        pugi::xml_node h = el(p, "w:hyperlink");
        h.append_attribute("w:anchor") = ("_" + entries[i]->id).c_str();
        h.append_attribute("w:history") = "1";
        add_text_run(h, entries[i]->text);
      }
      if (i + 1 >= entries.size()) fld(p, "end");
    }
  }

  // ---- tables ---------------------------------------------------------------------
  pugi::xml_node table_start(const std::vector<int>& widths, bool borders = true) {
    pugi::xml_node tbl = el(body_, "w:tbl");
    pugi::xml_node pr = el(tbl, "w:tblPr");
    if (borders) val(pr, "w:tblStyle", "CasusTable");
    pugi::xml_node w = el(pr, "w:tblW");
    w.append_attribute("w:w") = kTextW;
    w.append_attribute("w:type") = "dxa";
    val(pr, "w:tblLayout", "fixed").attribute("w:val").set_name("w:type");
    pugi::xml_node look = el(pr, "w:tblLook");
    look.append_attribute("w:val") = "04A0";
    look.append_attribute("w:firstRow") = 1;
    look.append_attribute("w:lastRow") = 0;
    look.append_attribute("w:firstColumn") = 0;
    look.append_attribute("w:lastColumn") = 0;
    look.append_attribute("w:noHBand") = 1;
    look.append_attribute("w:noVBand") = 1;
    pugi::xml_node grid = el(tbl, "w:tblGrid");
    for (int wd : widths) el(grid, "w:gridCol").append_attribute("w:w") = wd;
    return tbl;
  }

  static void shade(pugi::xml_node tcpr, const std::string& fill) {
    pugi::xml_node shd = el(tcpr, "w:shd");
    shd.append_attribute("w:val") = "clear";
    shd.append_attribute("w:color") = "auto";
    shd.append_attribute("w:fill") = fill.c_str();
  }
  static void border(pugi::xml_node borders, const char* side, int size, const std::string& color) {
    pugi::xml_node b = el(borders, side);
    b.append_attribute("w:val") = "single";
    b.append_attribute("w:sz") = size;
    b.append_attribute("w:space") = 0;
    b.append_attribute("w:color") = color.c_str();
  }

  void table(const Table& t) {
    if (!t.caption.empty()) add_text_run(paragraph("Caption"), t.caption);
    double total = 0;
    for (const Column& c : t.columns) total += c.width;
    std::vector<int> widths;
    int used = 0;
    for (std::size_t i = 0; i < t.columns.size(); ++i) {
      const int w = i + 1 == t.columns.size() ? kTextW - used : static_cast<int>(std::lround(kTextW * t.columns[i].width / total));
      widths.push_back(w);
      used += w;
    }
    pugi::xml_node tbl = table_start(widths);
    const std::string tint = style::kAccentTint.hex(), zebra = style::kZebra.hex(), accent = style::kAccent.hex(),
                      text = style::kText.hex();
    std::size_t body_index = 0;
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
      const Row& row = t.rows[r];
      const bool header = static_cast<int>(r) < t.header_rows;
      pugi::xml_node tr = el(tbl, "w:tr");
      pugi::xml_node trpr = el(tr, "w:trPr");
      el(trpr, "w:cantSplit");
      if (header) el(trpr, "w:tblHeader");
      std::size_t col = 0;
      for (const Cell& cell : row.cells) {
        const std::size_t span = static_cast<std::size_t>(std::max(1, cell.colspan));
        int w = 0;
        for (std::size_t k = col; k < col + span && k < widths.size(); ++k) w += widths[k];
        pugi::xml_node tc = el(tr, "w:tc");
        pugi::xml_node tcpr = el(tc, "w:tcPr");
        pugi::xml_node tcw = el(tcpr, "w:tcW");
        tcw.append_attribute("w:w") = w;
        tcw.append_attribute("w:type") = "dxa";
        if (span > 1) val(tcpr, "w:gridSpan", static_cast<int>(span));
        if (header || row.total || cell.status) {
          pugi::xml_node borders = el(tcpr, "w:tcBorders");
          if (row.total) border(borders, "w:top", 8, text);
          if (cell.status) border(borders, "w:left", 24, style::status_band(*cell.status).hex());
          if (header) border(borders, "w:bottom", 12, accent);
          if (row.total) border(borders, "w:bottom", 8, text);
        }
        if (cell.status) shade(tcpr, style::status_tint(*cell.status).hex());
        else if (header || row.total) shade(tcpr, tint);
        else if (body_index % 2 == 1) shade(tcpr, zebra);
        pugi::xml_node p = paragraph(t.density == doc::TableDensity::compact ? "TableTextCompact" : "TableText", tc);
        const Align a = cell.align ? *cell.align : (col < t.columns.size() ? t.columns[col].align : Align::left);
        if (a != Align::left) val(ppr(p), "w:jc", a == Align::right ? "right" : "center");
        runs(p, cell.runs, header || row.total || cell.bold, header ? style::kAccentDark.hex() : std::string());
        col += span;
      }
      if (!header) ++body_index;
    }
    spacer(160);
  }

  void spacer(int after) {
    pugi::xml_node p = paragraph();
    pugi::xml_node sp = el(ppr(p), "w:spacing");
    sp.append_attribute("w:before") = 0;
    sp.append_attribute("w:after") = after;
    sp.append_attribute("w:line") = 120;
    sp.append_attribute("w:lineRule") = "exact";
  }

  void key_figures(const KeyFigures& k) {
    const std::size_t n = k.items.size();
    const std::size_t per_row = n <= 4 ? std::max<std::size_t>(n, 1) : (n % 3 == 0 || n == 5 ? 3 : 4);
    std::vector<int> widths(per_row, kTextW / static_cast<int>(per_row));
    pugi::xml_node tbl = table_start(widths, false);
    const std::string tint = style::kAccentTint.hex(), accent = style::kAccent.hex();
    for (std::size_t start = 0; start < n; start += per_row) {
      pugi::xml_node tr = el(tbl, "w:tr");
      el(el(tr, "w:trPr"), "w:cantSplit");
      for (std::size_t i = start; i < start + per_row; ++i) {
        pugi::xml_node tc = el(tr, "w:tc");
        pugi::xml_node tcpr = el(tc, "w:tcPr");
        pugi::xml_node tcw = el(tcpr, "w:tcW");
        tcw.append_attribute("w:w") = widths[0];
        tcw.append_attribute("w:type") = "dxa";
        if (i >= n) {
          paragraph("TableText", tc);
          continue;
        }
        pugi::xml_node borders = el(tcpr, "w:tcBorders");
        border(borders, "w:left", 24, accent);
        border(borders, "w:top", 24, "FFFFFF");
        border(borders, "w:right", 24, "FFFFFF");
        shade(tcpr, tint);
        const KeyFigure& f = k.items[i];
        RunFormat big;
        big.bold = true;
        big.color = accent;
        big.half_points = 40;
        add_text_run(paragraph("TableText", tc), f.value, big);
        add_text_run(paragraph("TableText", tc), f.label);
        if (!f.change.empty()) {
          RunFormat small;
          small.color = style::kMuted.hex();
          small.half_points = 15;
          add_text_run(paragraph("TableText", tc), f.change, small);
        }
      }
    }
    spacer(200);
  }

  void chart(const Chart& c) {
    // No native chart: the title, the data as a table, and the text alternative.
    add_text_run(paragraph("Caption"), c.title);
    const Language lang = doc_.meta.language;
    const int decimals = chart_value_decimals(c);
    Table t;
    t.header_rows = 1;
    t.columns.push_back({2, Align::left});
    Row head;
    Cell corner;
    if (!c.y_label.empty()) corner.runs.push_back(Run{c.y_label, false, false, ""});
    head.cells.push_back(corner);
    for (const Series& s : c.series) {
      t.columns.push_back({1, Align::right});
      Cell h;
      h.runs.push_back(Run{s.name, false, false, ""});
      head.cells.push_back(h);
    }
    t.rows.push_back(head);
    for (std::size_t i = 0; i < c.categories.size(); ++i) {
      Row r;
      Cell cat;
      cat.runs.push_back(Run{c.categories[i], false, false, ""});
      r.cells.push_back(cat);
      for (const Series& s : c.series) {
        Cell v;
        if (i < s.values.size())
          v.runs.push_back(Run{s.values[i].label.empty() ? tick_label(s.values[i].value, decimals, lang) : s.values[i].label,
                               false, false, ""});
        r.cells.push_back(v);
      }
      t.rows.push_back(r);
    }
    table(t);
    body_.remove_child(body_.last_child());  // the table's spacer; the note follows
    RunFormat f;
    f.italic = true;
    pugi::xml_node p = paragraph("Note");
    add_text_run(p, c.alt, f);
  }

  Status figure(const Figure& f) {
    std::filesystem::path src = f.source;
    if (src.is_relative() && !options_.image_folder.empty()) src = options_.image_folder / src;
    Result<std::string> bytes = read_file(src);
    if (!bytes) return Status::error("cannot load figure image " + src.string());
    const auto size = png_size(bytes.value());
    if (!size || size->width == 0) return Status::error("figure image " + src.string() + " is not a PNG");
    images_.push_back(bytes.value());
    const std::string rid = add_relationship("http://schemas.openxmlformats.org/officeDocument/2006/relationships/image",
                                             "media/image" + std::to_string(images_.size()) + ".png", false);
    const long long cx = static_cast<long long>(kTextW * 635.0 * f.width);
    const long long cy = cx * size->height / size->width;
    const std::string id = std::to_string(images_.size());
    pugi::xml_node p = paragraph();
    val(ppr(p), "w:keepNext", "true");
    pugi::xml_node inl = el(el(el(p, "w:r"), "w:drawing"), "wp:inline");
    for (const char* d : {"distT", "distB", "distL", "distR"}) inl.append_attribute(d) = 0;
    pugi::xml_node ext = el(inl, "wp:extent");
    ext.append_attribute("cx") = cx;
    ext.append_attribute("cy") = cy;
    pugi::xml_node docpr = el(inl, "wp:docPr");
    docpr.append_attribute("id") = id.c_str();
    docpr.append_attribute("name") = ("Figure " + id).c_str();
    docpr.append_attribute("descr") = f.alt.c_str();
    el(el(inl, "wp:cNvGraphicFramePr"), "a:graphicFrameLocks").append_attribute("noChangeAspect") = 1;
    pugi::xml_node gd = el(el(inl, "a:graphic"), "a:graphicData");
    gd.append_attribute("uri") = "http://schemas.openxmlformats.org/drawingml/2006/picture";
    pugi::xml_node pic = el(gd, "pic:pic");
    pugi::xml_node nv = el(pic, "pic:nvPicPr");
    pugi::xml_node cnv = el(nv, "pic:cNvPr");
    cnv.append_attribute("id") = 0;
    cnv.append_attribute("name") = ("image" + id + ".png").c_str();
    cnv.append_attribute("descr") = f.alt.c_str();
    el(nv, "pic:cNvPicPr");
    pugi::xml_node fill = el(pic, "pic:blipFill");
    el(fill, "a:blip").append_attribute("r:embed") = rid.c_str();
    el(el(fill, "a:stretch"), "a:fillRect");
    pugi::xml_node sppr = el(pic, "pic:spPr");
    pugi::xml_node xfrm = el(sppr, "a:xfrm");
    pugi::xml_node off = el(xfrm, "a:off");
    off.append_attribute("x") = 0;
    off.append_attribute("y") = 0;
    pugi::xml_node aext = el(xfrm, "a:ext");
    aext.append_attribute("cx") = cx;
    aext.append_attribute("cy") = cy;
    pugi::xml_node geom = el(sppr, "a:prstGeom");
    geom.append_attribute("prst") = "rect";
    el(geom, "a:avLst");
    if (!f.caption.empty()) runs(paragraph("FigureCaption"), f.caption);
    return Status::ok();
  }

  void signatures(const SignatureBlock& s) {
    spacer(200);
    const int colw = kTextW / 2;
    pugi::xml_node tbl = table_start({colw, colw}, false);
    const std::string accent = style::kAccent.hex(), muted = style::kMuted.hex();
    for (std::size_t i = 0; i < s.signers.size(); i += 2) {
      pugi::xml_node tr = el(tbl, "w:tr");
      el(el(tr, "w:trPr"), "w:cantSplit");
      for (std::size_t k = 0; k < 2; ++k) {
        pugi::xml_node tc = el(tr, "w:tc");
        pugi::xml_node tcpr = el(tc, "w:tcPr");
        pugi::xml_node tcw = el(tcpr, "w:tcW");
        tcw.append_attribute("w:w") = colw;
        tcw.append_attribute("w:type") = "dxa";
        if (i + k >= s.signers.size()) {
          paragraph("TableText", tc);
          continue;
        }
        pugi::xml_node borders = el(tcpr, "w:tcBorders");
        border(borders, "w:top", 12, accent);
        border(borders, "w:right", 48, "FFFFFF");
        const Signer& sg = s.signers[i + k];
        RunFormat bold;
        bold.bold = true;
        add_text_run(paragraph("FieldLabel", tc), sg.role, bold);
        RunFormat label;
        label.color = muted;
        pugi::xml_node name = paragraph("TableText", tc);
        add_text_run(name, std::string(labels_.name) + ": ", label);
        if (!sg.name.empty()) add_text_run(name, sg.name);
        else paragraph("FieldLine", tc);
        add_text_run(paragraph("TableText", tc), std::string(labels_.date) + ":", label);
        paragraph("FieldLine", tc);
        add_text_run(paragraph("TableText", tc), std::string(labels_.signature) + ":", label);
        paragraph("FieldLine", tc);
        paragraph("FieldLine", tc);
      }
    }
    spacer(200);
  }

  void section_properties() {
    pugi::xml_node sect = el(body_, "w:sectPr");
    pugi::xml_node h = el(sect, "w:headerReference");
    h.append_attribute("w:type") = "default";
    h.append_attribute("r:id") = "rId5";
    pugi::xml_node f = el(sect, "w:footerReference");
    f.append_attribute("w:type") = "default";
    f.append_attribute("r:id") = "rId6";
    pugi::xml_node sz = el(sect, "w:pgSz");
    sz.append_attribute("w:w") = kPageW;
    sz.append_attribute("w:h") = kPageH;
    pugi::xml_node mar = el(sect, "w:pgMar");
    mar.append_attribute("w:top") = kMarginTop;
    mar.append_attribute("w:right") = kMarginX;
    mar.append_attribute("w:bottom") = kMarginBottom;
    mar.append_attribute("w:left") = kMarginX;
    mar.append_attribute("w:header") = 794;
    mar.append_attribute("w:footer") = 794;
    mar.append_attribute("w:gutter") = 0;
  }

  // ---- the other parts --------------------------------------------------------------
  std::string header() {
    pugi::xml_document d = new_part();
    pugi::xml_node hdr = el(d, "w:hdr");
    hdr.append_attribute("xmlns:w") = kW;
    hdr.append_attribute("xmlns:r") = kR;
    pugi::xml_node p = el(hdr, "w:p");
    val(el(p, "w:pPr"), "w:pStyle", "Header");
    RunFormat marking;
    marking.style = "Marking";
    add_text_run(p, doc_.meta.marking, marking);
    el(el(p, "w:r"), "w:tab");
    add_text_run(p, doc_.meta.title);
    return xml_text(d);
  }

  std::string footer() {
    pugi::xml_document d = new_part();
    pugi::xml_node ftr = el(d, "w:ftr");
    ftr.append_attribute("xmlns:w") = kW;
    ftr.append_attribute("xmlns:r") = kR;
    pugi::xml_node p = el(ftr, "w:p");
    val(el(p, "w:pPr"), "w:pStyle", "Footer");
    const DocumentMeta& m = doc_.meta;
    std::string left;
    if (!m.data_as_of.empty()) left = std::string(labels_.data_as_of) + " " + m.data_as_of;
    if (!m.generated_at.empty()) left += (left.empty() ? "" : "  ·  ") + std::string(labels_.generated) + " " + m.generated_at;
    add_text_run(p, left);
    el(el(p, "w:r"), "w:tab");
    // "pagina {PAGE} van {NUMPAGES}" from the label pattern
    const std::string pattern = labels_.page_of;
    RunFormat dark;
    dark.color = style::kText.hex();
    std::size_t start = 0;
    for (std::size_t i = 0; i + 1 < pattern.size(); ++i) {
      if (pattern[i] == '%' && (pattern[i + 1] == '1' || pattern[i + 1] == '2')) {
        if (i > start) add_text_run(p, pattern.substr(start, i - start), dark);
        pugi::xml_node fld = el(p, "w:fldSimple");
        fld.append_attribute("w:instr") = pattern[i + 1] == '1' ? " PAGE " : " NUMPAGES ";
        add_text_run(fld, "1", dark);
        start = i + 2;
        ++i;
      }
    }
    if (start < pattern.size()) add_text_run(p, pattern.substr(start), dark);
    return xml_text(d);
  }

  std::string numbering() {
    pugi::xml_document d = new_part();
    pugi::xml_node n = el(d, "w:numbering");
    n.append_attribute("xmlns:w") = kW;
    auto abstract = [&](int id, const char* fmt, const char* text) {
      pugi::xml_node a = el(n, "w:abstractNum");
      a.append_attribute("w:abstractNumId") = id;
      val(a, "w:multiLevelType", "singleLevel");
      pugi::xml_node lvl = el(a, "w:lvl");
      lvl.append_attribute("w:ilvl") = 0;
      val(lvl, "w:start", 1);
      val(lvl, "w:numFmt", fmt);
      val(lvl, "w:lvlText", text);
      val(lvl, "w:lvlJc", "left");
      pugi::xml_node ind = el(el(lvl, "w:pPr"), "w:ind");
      ind.append_attribute("w:left") = 360;
      ind.append_attribute("w:hanging") = 360;
      pugi::xml_node rpr = el(lvl, "w:rPr");
      val(rpr, "w:color", style::kAccent.hex());
    };
    abstract(0, "bullet", "•");
    abstract(1, "decimal", "%1.");
    pugi::xml_node bullets = el(n, "w:num");
    bullets.append_attribute("w:numId") = 1;
    val(bullets, "w:abstractNumId", 0);
    for (int i = 0; i < ordered_lists_; ++i) {
      pugi::xml_node num = el(n, "w:num");
      num.append_attribute("w:numId") = 2 + i;
      val(num, "w:abstractNumId", 1);
      pugi::xml_node o = el(num, "w:lvlOverride");
      o.append_attribute("w:ilvl") = 0;
      val(o, "w:startOverride", 1);
    }
    return xml_text(d);
  }

  std::string settings() {
    pugi::xml_document d = new_part();
    pugi::xml_node s = el(d, "w:settings");
    s.append_attribute("xmlns:w") = kW;
    val(s, "w:updateFields", "true");
    val(s, "w:defaultTabStop", 709);
    val(s, "w:characterSpacingControl", "doNotCompress");
    pugi::xml_node compat = el(s, "w:compat");
    pugi::xml_node cs = el(compat, "w:compatSetting");
    cs.append_attribute("w:name") = "compatibilityMode";
    cs.append_attribute("w:uri") = "http://schemas.microsoft.com/office/word";
    cs.append_attribute("w:val") = 15;
    return xml_text(d);
  }

  std::string content_types() {
    pugi::xml_document d = new_part();
    pugi::xml_node t = el(d, "Types");
    t.append_attribute("xmlns") = "http://schemas.openxmlformats.org/package/2006/content-types";
    auto def = [&](const char* ext, const char* type) {
      pugi::xml_node n = el(t, "Default");
      n.append_attribute("Extension") = ext;
      n.append_attribute("ContentType") = type;
    };
    auto over = [&](const char* part, const char* type) {
      pugi::xml_node n = el(t, "Override");
      n.append_attribute("PartName") = part;
      n.append_attribute("ContentType") = type;
    };
    def("rels", "application/vnd.openxmlformats-package.relationships+xml");
    def("xml", "application/xml");
    def("png", "image/png");
    const std::string wml = "application/vnd.openxmlformats-officedocument.wordprocessingml.";
    over("/word/document.xml", (wml + "document.main+xml").c_str());
    over("/word/styles.xml", (wml + "styles+xml").c_str());
    over("/word/numbering.xml", (wml + "numbering+xml").c_str());
    over("/word/settings.xml", (wml + "settings+xml").c_str());
    over("/word/header1.xml", (wml + "header+xml").c_str());
    over("/word/footer1.xml", (wml + "footer+xml").c_str());
    over("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml");
    over("/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml");
    return xml_text(d);
  }

  static std::string relationships(const std::vector<std::array<std::string, 3>>& rels,
                                   const std::vector<bool>& external = {}) {
    pugi::xml_document d = new_part();
    pugi::xml_node r = el(d, "Relationships");
    r.append_attribute("xmlns") = "http://schemas.openxmlformats.org/package/2006/relationships";
    for (std::size_t i = 0; i < rels.size(); ++i) {
      pugi::xml_node n = el(r, "Relationship");
      n.append_attribute("Id") = rels[i][0].c_str();
      n.append_attribute("Type") = rels[i][1].c_str();
      n.append_attribute("Target") = rels[i][2].c_str();
      if (i < external.size() && external[i]) n.append_attribute("TargetMode") = "External";
    }
    return xml_text(d);
  }

  std::string package_rels() {
    const std::string base = "http://schemas.openxmlformats.org/";
    return relationships({{"rId1", base + "officeDocument/2006/relationships/officeDocument", "word/document.xml"},
                          {"rId2", base + "package/2006/relationships/metadata/core-properties", "docProps/core.xml"},
                          {"rId3", base + "officeDocument/2006/relationships/extended-properties", "docProps/app.xml"}});
  }

  std::string document_rels() {
    const std::string base = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
    std::vector<std::array<std::string, 3>> rels = {{"rId1", base + "styles", "styles.xml"},
                                                    {"rId2", base + "numbering", "numbering.xml"},
                                                    {"rId3", base + "settings", "settings.xml"},
                                                    {"rId5", base + "header", "header1.xml"},
                                                    {"rId6", base + "footer", "footer1.xml"}};
    std::vector<bool> external(rels.size(), false);
    for (const Rel& r : rels_) {
      rels.push_back({r.id, r.type, r.target});
      external.push_back(r.external);
    }
    return relationships(rels, external);
  }

  std::string core_props() {
    const DocumentMeta& m = doc_.meta;
    pugi::xml_document d = new_part();
    pugi::xml_node c = el(d, "cp:coreProperties");
    c.append_attribute("xmlns:cp") = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties";
    c.append_attribute("xmlns:dc") = "http://purl.org/dc/elements/1.1/";
    c.append_attribute("xmlns:dcterms") = "http://purl.org/dc/terms/";
    c.append_attribute("xmlns:xsi") = "http://www.w3.org/2001/XMLSchema-instance";
    el(c, "dc:title").text().set(m.title.c_str());
    if (!m.subtitle.empty()) el(c, "dc:subject").text().set(m.subtitle.c_str());
    if (!m.author.empty()) el(c, "dc:creator").text().set(m.author.c_str());
    el(c, "cp:keywords").text().set(m.marking.c_str());
    el(c, "dc:language").text().set(m.language == Language::nl ? "nl-NL" : "en-GB");
    const std::string when = m.created.iso() + "Z";
    for (const char* name : {"dcterms:created", "dcterms:modified"}) {
      pugi::xml_node n = el(c, name);
      n.append_attribute("xsi:type") = "dcterms:W3CDTF";
      n.text().set(when.c_str());
    }
    return xml_text(d);
  }

  std::string app_props() {
    pugi::xml_document d = new_part();
    pugi::xml_node p = el(d, "Properties");
    p.append_attribute("xmlns") = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties";
    el(p, "Application").text().set("Casus");
    return xml_text(d);
  }

  struct Rel {
    std::string id, type, target;
    bool external;
  };

  const Document& doc_;
  const DocxOptions& options_;
  const WriterLabels& labels_;
  pugi::xml_node body_;
  std::vector<Rel> rels_;
  std::vector<std::string> images_;
  int ordered_lists_ = 0;
  int bookmark_id_ = 1;
};

}  // namespace

Result<std::string> render_docx(const Document& document, const DocxOptions& options) {
  DocxBuilder builder(document, options);
  return builder.build();
}

Status write_docx(const Document& document, const std::filesystem::path& path, const DocxOptions& options) {
  Result<std::string> bytes = render_docx(document, options);
  if (!bytes) return bytes.status();
  return write_file_atomic(path, bytes.value());
}

}  // namespace casus
