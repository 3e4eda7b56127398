#include "render/markup_parser.h"

#include <charconv>
#include <cmath>
#include <cstring>
#include <map>
#include <pugixml.hpp>
#include <set>

namespace casus {

LineColumn line_column_at(std::string_view text, std::size_t offset) {
  LineColumn lc;
  if (offset > text.size()) offset = text.size();
  for (std::size_t i = 0; i < offset; ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '\n') {
      ++lc.line;
      lc.column = 1;
    } else if ((c & 0xC0) != 0x80) {
      ++lc.column;  // count code points, not continuation bytes
    }
  }
  return lc;
}

namespace {

using namespace casus::doc;

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Collapses runs of XML whitespace to one space (like HTML); keeps ends.
std::string collapse_whitespace(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool in_space = false;
  for (char c : text) {
    if (is_space(c)) {
      if (!in_space) out += ' ';
      in_space = true;
    } else {
      out += c;
      in_space = false;
    }
  }
  return out;
}

std::string trimmed_collapsed(std::string_view text) {
  std::string s = collapse_whitespace(text);
  std::size_t b = 0, e = s.size();
  while (b < e && s[b] == ' ') ++b;
  while (e > b && s[e - 1] == ' ') --e;
  return s.substr(b, e - b);
}

// Anchor id from heading text: lowercase ASCII letters/digits, '-' between words.
std::string make_id(std::string_view text) {
  std::string id;
  bool dash = false;
  for (char c : text) {
    const unsigned char u = static_cast<unsigned char>(c);
    if ((u >= 'a' && u <= 'z') || (u >= '0' && u <= '9')) {
      if (dash && !id.empty()) id += '-';
      id += c;
      dash = false;
    } else if (u >= 'A' && u <= 'Z') {
      if (dash && !id.empty()) id += '-';
      id += static_cast<char>(u - 'A' + 'a');
      dash = false;
    } else if (u < 0x80) {
      dash = true;
    }
  }
  return id.empty() ? "h" : id;
}

class Parser {
 public:
  Parser(std::string_view xml, const std::string& source, DiagnosticSink& sink)
      : xml_(xml), source_(source), sink_(sink) {}

  Result<Document> run() {
    pugi::xml_document xdoc;
    const pugi::xml_parse_result r = xdoc.load_buffer(
        xml_.data(), xml_.size(), pugi::parse_default | pugi::parse_doctype | pugi::parse_ws_pcdata,
        pugi::encoding_utf8);
    if (!r) {
      error_at(static_cast<std::size_t>(r.offset), "markup.syntax",
               std::string("XML syntax error: ") + r.description());
      return fail();
    }
    pugi::xml_node root;
    for (pugi::xml_node child : xdoc.children()) {
      if (child.type() == pugi::node_doctype) {
        error(child, "markup.doctype", "DOCTYPE declarations are not allowed");
        return fail();
      }
      if (child.type() == pugi::node_element) {
        if (root) {
          error(child, "markup.structure", "only one root element is allowed");
        } else {
          root = child;
        }
      }
    }
    if (!root || std::strcmp(root.name(), "document") != 0) {
      if (root) {
        error(root, "markup.structure",
              std::string("root element must be <document>, not <") + root.name() + ">");
      } else {
        error_at(0, "markup.structure", "no <document> element");
      }
      return fail();
    }
    Document document;
    parse_meta(root, document.meta);
    parse_body(root, document.blocks, 0);
    if (first_error_) return fail();
    return document;
  }

 private:
  Status fail() {
    return Status::error(first_error_ ? *first_error_ : source_ + ": invalid markup");
  }

  void error_at(std::size_t offset, const std::string& code, const std::string& message) {
    const LineColumn lc = line_column_at(xml_, offset);
    Diagnostic d;
    d.severity = Severity::error;
    d.code = code;
    d.location = {source_, lc.line, lc.column};
    d.message = message;
    if (!first_error_) first_error_ = d.to_string();
    sink_.report(d);
  }

  void error(pugi::xml_node node, const std::string& code, const std::string& message) {
    std::ptrdiff_t off = node.offset_debug();
    // offset_debug points at the name; step back to the '<' for elements.
    if (off > 0 && node.type() == pugi::node_element && xml_[static_cast<std::size_t>(off) - 1] == '<') --off;
    if (off > 0 && node.type() == pugi::node_doctype) {
      const std::size_t start = xml_.rfind("<!", static_cast<std::size_t>(off));
      if (start != std::string_view::npos) off = static_cast<std::ptrdiff_t>(start);
    }
    error_at(off < 0 ? 0 : static_cast<std::size_t>(off), code, message);
  }

  // Checks that `node` has only the listed attributes; reports the others.
  void allow_attributes(pugi::xml_node node, std::initializer_list<const char*> allowed) {
    for (pugi::xml_attribute a : node.attributes()) {
      bool ok = false;
      for (const char* name : allowed) ok = ok || std::strcmp(a.name(), name) == 0;
      if (!ok) {
        error(node, "markup.unknown_attribute",
              std::string("<") + node.name() + "> has no attribute '" + a.name() + "'");
      }
    }
  }

  std::string attr(pugi::xml_node node, const char* name) {
    return trimmed_collapsed(node.attribute(name).value());
  }

  std::string required(pugi::xml_node node, const char* name) {
    if (!node.attribute(name)) {
      error(node, "markup.missing_attribute",
            std::string("<") + node.name() + "> needs attribute '" + name + "'");
      return {};
    }
    return attr(node, name);
  }

  bool flag(pugi::xml_node node, const char* name) {
    pugi::xml_attribute a = node.attribute(name);
    if (!a) return false;
    const std::string v = a.value();
    if (v == "true" || v == "yes" || v == "1") return true;
    if (v == "false" || v == "no" || v == "0" || v.empty()) return false;
    error(node, "markup.invalid_value",
          std::string("attribute '") + name + "' must be true or false, not '" + v + "'");
    return false;
  }

  std::optional<double> number(pugi::xml_node node, const char* name, std::string_view text) {
    double v = 0;
    const char* b = text.data();
    const char* e = text.data() + text.size();
    auto [ptr, ec] = std::from_chars(b, e, v);
    if (ec != std::errc() || ptr != e || text.empty() || !std::isfinite(v)) {
      error(node, "markup.invalid_value",
            std::string(name) + " must be a number like 12.5, not '" + std::string(text) + "'");
      return std::nullopt;
    }
    return v;
  }

  int integer(pugi::xml_node node, const char* name, int def, int min, int max) {
    pugi::xml_attribute a = node.attribute(name);
    if (!a) return def;
    const std::string v = a.value();
    int out = 0;
    auto [ptr, ec] = std::from_chars(v.data(), v.data() + v.size(), out);
    if (ec != std::errc() || ptr != v.data() + v.size() || out < min || out > max) {
      error(node, "markup.invalid_value",
            std::string("attribute '") + name + "' must be a whole number from " +
                std::to_string(min) + " to " + std::to_string(max) + ", not '" + v + "'");
      return def;
    }
    return out;
  }

  std::optional<Align> align(pugi::xml_node node) {
    pugi::xml_attribute a = node.attribute("align");
    if (!a) return std::nullopt;
    const std::string v = a.value();
    if (v == "left") return Align::left;
    if (v == "center") return Align::center;
    if (v == "right") return Align::right;
    error(node, "markup.invalid_value", "align must be left, center or right, not '" + v + "'");
    return std::nullopt;
  }

  void parse_meta(pugi::xml_node root, DocumentMeta& meta) {
    allow_attributes(root, {"title", "subtitle", "audience", "marking", "data-as-of",
                            "generated-at", "language", "author", "created"});
    meta.title = required(root, "title");
    meta.marking = required(root, "marking");
    meta.subtitle = attr(root, "subtitle");
    meta.audience = attr(root, "audience");
    meta.data_as_of = attr(root, "data-as-of");
    meta.generated_at = attr(root, "generated-at");
    meta.author = attr(root, "author");
    if (root.attribute("language")) {
      const std::string code = attr(root, "language");
      if (auto lang = parse_language(code)) {
        meta.language = *lang;
      } else {
        error(root, "markup.invalid_value", "language must be nl or en, not '" + code + "'");
      }
    }
    const std::string created = required(root, "created");
    if (!created.empty()) {
      if (auto dt = parse_date_time(created)) {
        meta.created = *dt;
      } else {
        error(root, "markup.invalid_value",
              "created must be a date-time like 2026-11-28T09:00:00, not '" + created + "'");
      }
    }
  }

  // ---- inline content -------------------------------------------------
  void collect_runs(pugi::xml_node node, Run style, Runs& out) {
    for (pugi::xml_node child : node.children()) {
      switch (child.type()) {
        case pugi::node_pcdata:
        case pugi::node_cdata: {
          Run run = style;
          run.text = collapse_whitespace(child.value());
          if (!run.text.empty()) out.push_back(std::move(run));
          break;
        }
        case pugi::node_element: {
          const std::string name = child.name();
          Run inner = style;
          if (name == "b" || name == "strong") {
            allow_attributes(child, {});
            inner.bold = true;
          } else if (name == "i" || name == "em") {
            allow_attributes(child, {});
            inner.italic = true;
          } else if (name == "a") {
            allow_attributes(child, {"href"});
            inner.link = required(child, "href");
          } else {
            error(child, "markup.unknown_element",
                  "<" + name + "> is not allowed in text (use <b>, <i> or <a>)");
            continue;
          }
          collect_runs(child, inner, out);
          break;
        }
        default:
          break;
      }
    }
  }

  // Inline content of `node`: runs merged, outer whitespace trimmed.
  Runs runs_of(pugi::xml_node node) {
    Runs raw;
    collect_runs(node, Run{}, raw);
    Runs out;
    for (Run& run : raw) {
      if (!out.empty() && out.back().bold == run.bold && out.back().italic == run.italic &&
          out.back().link == run.link) {
        // merge, collapsing a space at the seam
        if (!out.back().text.empty() && out.back().text.back() == ' ' && !run.text.empty() &&
            run.text.front() == ' ')
          run.text.erase(0, 1);
        out.back().text += run.text;
      } else {
        if (!out.empty() && !out.back().text.empty() && out.back().text.back() == ' ' &&
            !run.text.empty() && run.text.front() == ' ')
          run.text.erase(0, 1);
        out.push_back(std::move(run));
      }
    }
    while (!out.empty()) {
      std::string& t = out.front().text;
      std::size_t b = 0;
      while (b < t.size() && t[b] == ' ') ++b;
      t.erase(0, b);
      if (t.empty()) out.erase(out.begin()); else break;
    }
    while (!out.empty()) {
      std::string& t = out.back().text;
      while (!t.empty() && t.back() == ' ') t.pop_back();
      if (t.empty()) out.pop_back(); else break;
    }
    return out;
  }

  // Only whitespace text is allowed between block elements.
  bool is_blank_text(pugi::xml_node child) {
    if (child.type() == pugi::node_comment || child.type() == pugi::node_pi) return true;
    if (child.type() != pugi::node_pcdata && child.type() != pugi::node_cdata) return false;
    for (const char* p = child.value(); *p; ++p)
      if (!is_space(*p)) return false;
    return true;
  }

  void stray_text(pugi::xml_node parent, pugi::xml_node child) {
    error(child, "markup.stray_text",
          std::string("text directly inside <") + parent.name() + "> must be in a <p>");
  }

  // ---- blocks ------------------------------------------------------------
  void parse_body(pugi::xml_node parent, std::vector<Block>& blocks, int depth) {
    for (pugi::xml_node child : parent.children()) {
      if (child.type() != pugi::node_element) {
        if (!is_blank_text(child)) stray_text(parent, child);
        continue;
      }
      const std::string name = child.name();
      if (name == "section") {
        allow_attributes(child, {"title", "id"});
        if (depth >= 3) {
          error(child, "markup.structure", "sections nest at most 3 levels deep");
          continue;
        }
        Heading h;
        h.level = depth + 1;
        h.text = required(child, "title");
        h.id = child.attribute("id") ? attr(child, "id") : make_id(h.text);
        if (!used_ids_.insert(h.id).second) {
          if (child.attribute("id")) {
            error(child, "markup.duplicate_id", "section id '" + h.id + "' is used twice");
          } else {
            int n = 2;
            while (!used_ids_.insert(h.id + "-" + std::to_string(n)).second) ++n;
            h.id += "-" + std::to_string(n);
          }
        }
        blocks.push_back(std::move(h));
        parse_body(child, blocks, depth + 1);
      } else if (name == "p") {
        allow_attributes(child, {"style"});
        Paragraph p;
        const std::string style = attr(child, "style");
        if (style == "lead") p.style = ParagraphStyle::lead;
        else if (style == "note") p.style = ParagraphStyle::note;
        else if (!style.empty() && style != "body")
          error(child, "markup.invalid_value", "style must be body, lead or note, not '" + style + "'");
        p.runs = runs_of(child);
        blocks.push_back(std::move(p));
      } else if (name == "ul" || name == "ol") {
        blocks.push_back(parse_list(child));
      } else if (name == "table") {
        blocks.push_back(parse_table(child));
      } else if (name == "key-figures") {
        blocks.push_back(parse_key_figures(child));
      } else if (name == "chart") {
        blocks.push_back(parse_chart(child));
      } else if (name == "figure") {
        blocks.push_back(parse_figure(child));
      } else if (name == "page-break") {
        allow_attributes(child, {});
        blocks.push_back(PageBreak{});
      } else if (name == "signatures") {
        blocks.push_back(parse_signatures(child));
      } else if (name == "field") {
        allow_attributes(child, {"label", "lines", "hint"});
        FormField f;
        f.label = required(child, "label");
        f.lines = integer(child, "lines", 1, 0, 40);
        f.hint = attr(child, "hint");
        blocks.push_back(std::move(f));
      } else if (name == "toc") {
        allow_attributes(child, {"title"});
        blocks.push_back(TableOfContents{attr(child, "title")});
      } else {
        error(child, "markup.unknown_element", "unknown element <" + name + ">");
      }
    }
  }

  ListBlock parse_list(pugi::xml_node node) {
    allow_attributes(node, {});
    ListBlock list;
    list.ordered = std::strcmp(node.name(), "ol") == 0;
    for (pugi::xml_node child : node.children()) {
      if (child.type() != pugi::node_element) {
        if (!is_blank_text(child)) stray_text(node, child);
        continue;
      }
      if (std::strcmp(child.name(), "li") != 0) {
        error(child, "markup.unknown_element",
              std::string("<") + node.name() + "> holds only <li>, not <" + child.name() + ">");
        continue;
      }
      allow_attributes(child, {});
      list.items.push_back(runs_of(child));
    }
    return list;
  }

  std::optional<StatusLevel> status(pugi::xml_node node) {
    pugi::xml_attribute a = node.attribute("status");
    if (!a) return std::nullopt;
    const std::string v = a.value();
    if (v == "rood" || v == "red") return StatusLevel::red;
    if (v == "oranje" || v == "orange") return StatusLevel::orange;
    if (v == "groen" || v == "green") return StatusLevel::green;
    if (v == "grijs" || v == "grey") return StatusLevel::grey;
    error(node, "markup.invalid_value",
          "status must be rood, oranje, groen or grijs (red, orange, green, grey), not '" + v + "'");
    return std::nullopt;
  }

  TableDensity density(pugi::xml_node node) {
    pugi::xml_attribute a = node.attribute("density");
    if (!a) return TableDensity::normal;
    const std::string v = a.value();
    if (v == "normaal" || v == "normal") return TableDensity::normal;
    if (v == "compact") return TableDensity::compact;
    error(node, "markup.invalid_value", "density must be normaal or compact (normal, compact), not '" + v + "'");
    return TableDensity::normal;
  }

  Table parse_table(pugi::xml_node node) {
    allow_attributes(node, {"header-rows", "caption", "density"});
    Table table;
    table.caption = attr(node, "caption");
    table.header_rows = integer(node, "header-rows", 0, 0, 5);
    table.density = density(node);
    std::vector<pugi::xml_node> row_nodes;
    for (pugi::xml_node child : node.children()) {
      if (child.type() != pugi::node_element) {
        if (!is_blank_text(child)) stray_text(node, child);
        continue;
      }
      const std::string name = child.name();
      if (name == "col") {
        allow_attributes(child, {"width", "align"});
        Column col;
        if (child.attribute("width")) {
          const std::string w = attr(child, "width");
          if (auto v = number(child, "width", w)) {
            if (*v <= 0) error(child, "markup.invalid_value", "width must be more than 0");
            else col.width = *v;
          }
        }
        if (auto a = align(child)) col.align = *a;
        if (!table.rows.empty())
          error(child, "markup.structure", "<col> must come before the rows");
        table.columns.push_back(col);
      } else if (name == "tr") {
        allow_attributes(child, {"total"});
        Row row;
        row.total = flag(child, "total");
        for (pugi::xml_node c : child.children()) {
          if (c.type() != pugi::node_element) {
            if (!is_blank_text(c)) stray_text(child, c);
            continue;
          }
          const std::string cname = c.name();
          if (cname != "td" && cname != "th") {
            error(c, "markup.unknown_element", "<tr> holds only <td> or <th>, not <" + cname + ">");
            continue;
          }
          allow_attributes(c, {"status", "align", "colspan", "bold"});
          Cell cell;
          cell.runs = runs_of(c);
          cell.status = status(c);
          cell.align = align(c);
          cell.bold = flag(c, "bold");
          cell.colspan = integer(c, "colspan", 1, 1, 50);
          row.cells.push_back(std::move(cell));
        }
        table.rows.push_back(std::move(row));
        row_nodes.push_back(child);
      } else {
        error(child, "markup.unknown_element", "<table> holds only <col> and <tr>, not <" + name + ">");
      }
    }
    if (table.rows.empty()) {
      error(node, "markup.structure", "a <table> needs at least one <tr>");
      return table;
    }
    auto span = [](const Row& r) {
      int n = 0;
      for (const Cell& c : r.cells) n += c.colspan;
      return n;
    };
    if (table.columns.empty()) table.columns.resize(static_cast<std::size_t>(span(table.rows[0])));
    const int ncols = static_cast<int>(table.columns.size());
    for (std::size_t i = 0; i < table.rows.size(); ++i) {
      const int n = span(table.rows[i]);
      if (n != ncols) {
        error(row_nodes[i], "markup.table_shape",
              "row has " + std::to_string(n) + " cells but the table has " + std::to_string(ncols) +
                  " columns");
      }
    }
    if (table.header_rows >= static_cast<int>(table.rows.size()))
      error(node, "markup.table_shape", "header-rows must leave at least one body row");
    return table;
  }

  KeyFigures parse_key_figures(pugi::xml_node node) {
    allow_attributes(node, {});
    KeyFigures kf;
    for (pugi::xml_node child : node.children()) {
      if (child.type() != pugi::node_element) {
        if (!is_blank_text(child)) stray_text(node, child);
        continue;
      }
      if (std::strcmp(child.name(), "key-figure") != 0) {
        error(child, "markup.unknown_element",
              std::string("<key-figures> holds only <key-figure>, not <") + child.name() + ">");
        continue;
      }
      allow_attributes(child, {"value", "label", "change"});
      kf.items.push_back({required(child, "value"), required(child, "label"), attr(child, "change")});
    }
    if (kf.items.empty()) error(node, "markup.structure", "<key-figures> needs at least one <key-figure>");
    return kf;
  }

  Chart parse_chart(pugi::xml_node node) {
    allow_attributes(node, {"kind", "title", "y-label", "alt"});
    Chart chart;
    const std::string kind = required(node, "kind");
    if (kind == "bar") chart.kind = ChartKind::bar;
    else if (kind == "stacked-bar") chart.kind = ChartKind::stacked_bar;
    else if (kind == "line") chart.kind = ChartKind::line;
    else if (!kind.empty())
      error(node, "markup.invalid_value", "kind must be bar, stacked-bar or line, not '" + kind + "'");
    chart.title = required(node, "title");
    chart.y_label = attr(node, "y-label");
    chart.alt = required(node, "alt");
    std::vector<pugi::xml_node> series_nodes;
    for (pugi::xml_node child : node.children()) {
      if (child.type() != pugi::node_element) {
        if (!is_blank_text(child)) stray_text(node, child);
        continue;
      }
      const std::string name = child.name();
      if (name == "category") {
        allow_attributes(child, {});
        chart.categories.push_back(trimmed_collapsed(child.text().get()));
      } else if (name == "series") {
        allow_attributes(child, {"name"});
        Series s;
        s.name = required(child, "name");
        for (pugi::xml_node v : child.children()) {
          if (v.type() != pugi::node_element) {
            if (!is_blank_text(v)) stray_text(child, v);
            continue;
          }
          if (std::strcmp(v.name(), "v") != 0) {
            error(v, "markup.unknown_element", std::string("<series> holds only <v>, not <") + v.name() + ">");
            continue;
          }
          allow_attributes(v, {"label", "suppressed"});
          ChartValue cv;
          if (v.attribute("suppressed")) {
            cv.suppressed = true;
            cv.label = attr(v, "suppressed");
            if (!trimmed_collapsed(v.text().get()).empty())
              error(v, "markup.invalid_value", "a suppressed value has no number");
          } else {
            const std::string text = trimmed_collapsed(v.text().get());
            if (auto d = number(v, "a chart value", text)) cv.value = *d;
            cv.label = attr(v, "label");
          }
          s.values.push_back(std::move(cv));
        }
        chart.series.push_back(std::move(s));
        series_nodes.push_back(child);
      } else {
        error(child, "markup.unknown_element", "<chart> holds only <category> and <series>, not <" + name + ">");
      }
    }
    if (chart.categories.empty()) error(node, "markup.structure", "a <chart> needs at least one <category>");
    if (chart.series.empty()) error(node, "markup.structure", "a <chart> needs at least one <series>");
    for (std::size_t i = 0; i < chart.series.size(); ++i) {
      if (chart.series[i].values.size() != chart.categories.size())
        error(series_nodes[i], "markup.chart_shape",
              "series '" + chart.series[i].name + "' has " + std::to_string(chart.series[i].values.size()) +
                  " values but the chart has " + std::to_string(chart.categories.size()) + " categories");
    }
    if (chart.kind == ChartKind::stacked_bar) {
      for (std::size_t i = 0; i < chart.series.size(); ++i)
        for (const ChartValue& v : chart.series[i].values)
          if (v.value < 0) {
            error(series_nodes[i], "markup.invalid_value", "a stacked bar cannot hold negative values");
            break;
          }
    }
    return chart;
  }

  Figure parse_figure(pugi::xml_node node) {
    allow_attributes(node, {"src", "width", "alt"});
    Figure f;
    f.source = required(node, "src");
    f.alt = required(node, "alt");
    if (node.attribute("width")) {
      const std::string w = attr(node, "width");
      if (auto v = number(node, "width", w)) {
        if (*v <= 0 || *v > 1) error(node, "markup.invalid_value", "width is a fraction of the text width, from 0 to 1");
        else f.width = *v;
      }
    }
    for (pugi::xml_node child : node.children()) {
      if (child.type() != pugi::node_element) {
        if (!is_blank_text(child)) stray_text(node, child);
        continue;
      }
      if (std::strcmp(child.name(), "caption") != 0) {
        error(child, "markup.unknown_element", std::string("<figure> holds only <caption>, not <") + child.name() + ">");
        continue;
      }
      allow_attributes(child, {});
      f.caption = runs_of(child);
    }
    return f;
  }

  SignatureBlock parse_signatures(pugi::xml_node node) {
    allow_attributes(node, {});
    SignatureBlock block;
    for (pugi::xml_node child : node.children()) {
      if (child.type() != pugi::node_element) {
        if (!is_blank_text(child)) stray_text(node, child);
        continue;
      }
      if (std::strcmp(child.name(), "signer") != 0) {
        error(child, "markup.unknown_element", std::string("<signatures> holds only <signer>, not <") + child.name() + ">");
        continue;
      }
      allow_attributes(child, {"role", "name"});
      block.signers.push_back({required(child, "role"), attr(child, "name")});
    }
    if (block.signers.empty()) error(node, "markup.structure", "<signatures> needs at least one <signer>");
    return block;
  }

  std::string_view xml_;
  const std::string& source_;
  DiagnosticSink& sink_;
  std::optional<std::string> first_error_;
  std::set<std::string> used_ids_;
};

}  // namespace

Result<Document> parse_markup(std::string_view xml, const std::string& source_name, DiagnosticSink& sink) {
  Parser parser(xml, source_name, sink);
  return parser.run();
}

}  // namespace casus
