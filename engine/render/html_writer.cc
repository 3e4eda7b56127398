#include "render/html_writer.h"

#include <Poco/Base64Encoder.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>

#include "core/file_io.h"
#include "render/chart_scale.h"
#include "render/labels.h"
#include "render/style.h"

namespace casus {

namespace {

using namespace casus::doc;

std::string esc(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 8);
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

std::string runs_html(const Runs& runs) {
  std::string out;
  for (const Run& r : runs) {
    std::string t = esc(r.text);
    if (r.italic) t = "<em>" + t + "</em>";
    if (r.bold) t = "<strong>" + t + "</strong>";
    if (!r.link.empty()) t = "<a href=\"" + esc(r.link) + "\">" + t + "</a>";
    out += t;
  }
  return out;
}

std::string css() {
  using namespace style;
  std::string c = R"(
:root{--text:#TEXT;--muted:#MUTED;--accent:#ACCENT;--accent-dark:#ADARK;--tint:#TINT;--zebra:#ZEBRA;--rule:#RULE;--hair:#HAIR;--marking:#MARK}
*{box-sizing:border-box}
body{margin:0;background:#eef1f4;color:var(--text);font:15px/1.55 "Liberation Sans",Arial,Helvetica,sans-serif}
main{max-width:800px;margin:0 auto;background:#fff;padding:2.2rem 3rem 3rem}
.marking{max-width:800px;margin:0 auto;background:#fff;border-bottom:1px solid var(--rule);padding:.6rem 3rem;color:var(--marking);font-weight:bold;font-size:.8rem;letter-spacing:.02em}
.marking::before{content:"";display:inline-block;width:.55rem;height:.55rem;background:var(--marking);margin-right:.5rem}
h1.title{color:var(--accent);font-size:2rem;line-height:1.2;margin:.6rem 0 .2rem}
p.subtitle{color:var(--muted);font-size:1.15rem;margin:0 0 .8rem}
.title-rule{width:4rem;height:3px;background:var(--accent);margin:.6rem 0 .8rem}
dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:.1rem 1rem;font-size:.82rem;margin:0 0 2rem}
dl.meta dt{font-weight:bold;color:var(--muted)}dl.meta dd{margin:0}
h2{color:var(--accent);font-size:1.5rem;border-bottom:1px solid var(--rule);padding-bottom:.25rem;margin:2rem 0 .7rem}
h3{color:var(--accent-dark);font-size:1.18rem;margin:1.5rem 0 .4rem}
h4{font-size:1rem;margin:1.2rem 0 .3rem}
p{margin:.45rem 0 .6rem}p.lead{font-size:1.1rem;color:var(--accent-dark)}p.note{font-size:.82rem;color:var(--muted)}
a{color:var(--accent)}
nav.toc ol{list-style:none;padding:0;margin:0 0 1.5rem}nav.toc li{margin:.15rem 0}nav.toc li.l2{padding-left:1.2rem;font-size:.93rem}
nav.toc li.l1>a{font-weight:bold}nav.toc a{text-decoration:none;color:var(--text)}
ul,ol{padding-left:1.4rem}li{margin:.2rem 0}ul li::marker,ol li::marker{color:var(--accent)}
table{border-collapse:collapse;width:100%;font-size:.84rem;margin:.6rem 0 1.2rem}
caption{text-align:left;font-weight:bold;padding:.3rem 0;font-size:.9rem}
th,td{padding:.3rem .45rem;text-align:left;vertical-align:top}
table.compact{font-size:.7rem}table.compact th,table.compact td{padding:.08rem .2rem}
thead th{background:var(--tint);color:var(--accent-dark);border-bottom:2px solid var(--accent)}
tbody tr:nth-child(even){background:var(--zebra)}tbody td,tbody th{border-bottom:1px solid var(--hair)}
tbody th{font-weight:normal}
tr.total td,tr.total th{font-weight:bold;background:var(--tint);border-top:1.5px solid var(--text);border-bottom:1.5px solid var(--text)}
.r{text-align:right}.c{text-align:center}td.b{font-weight:bold}
td.status{border-left:5px solid}
td.status-red{background:#TRED;border-left-color:#BRED}td.status-orange{background:#TORA;border-left-color:#BORA}
td.status-green{background:#TGRE;border-left-color:#BGRE}td.status-grey{background:#TGRY;border-left-color:#BGRY}
.key-figures{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:.7rem;margin:1rem 0}
.kf{background:var(--tint);border-left:4px solid var(--accent);padding:.6rem .8rem}
.kf .value{display:block;font-size:1.9rem;font-weight:bold;color:var(--accent);line-height:1.2}
.kf .label{display:block;font-size:.85rem}.kf .change{display:block;font-size:.78rem;color:var(--muted)}
figure{margin:1.2rem 0}figcaption{font-size:.82rem;color:var(--muted);margin-top:.3rem}
figure.chart figcaption{font-weight:bold;color:var(--text);font-size:.9rem;margin:0 0 .3rem}
svg{max-width:100%;height:auto;display:block}
details{font-size:.82rem;margin:.3rem 0 1rem}details table{font-size:.8rem}
.signatures{display:grid;grid-template-columns:1fr 1fr;gap:1.5rem;margin:1.5rem 0}
.signer{border-top:2px solid var(--accent);padding-top:.4rem;font-size:.85rem}
.signer .role{font-weight:bold;font-size:.95rem}.signer .line{border-bottom:1px dotted var(--muted);height:1.6rem}
.signer .sign{border-bottom:1px solid var(--muted);height:3rem}
.field{margin:1rem 0}.field .label{font-weight:bold}.field .hint{font-size:.8rem;color:var(--muted);font-style:italic}
.field .line{border-bottom:1px solid var(--muted);height:1.7rem}
.field.inline{display:flex;gap:.6rem;align-items:flex-end}.field.inline .line{flex:1}
hr.page-break{border:0;margin:0}
footer.doc{max-width:800px;margin:0 auto 2rem;background:#fff;border-top:1px solid var(--rule);padding:.6rem 3rem;color:var(--muted);font-size:.78rem}
@media print{body{background:#fff}main,.marking,footer.doc{max-width:none;padding-left:0;padding-right:0}
hr.page-break{break-after:page}tr{break-inside:avoid}thead{display:table-header-group}h2,h3,h4{break-after:avoid}
@page{size:A4;margin:2.2cm 2.4cm}}
)";
  auto rep = [&](const std::string& key, const Rgb& v) {
    for (std::size_t p = c.find(key); p != std::string::npos; p = c.find(key, p)) c.replace(p, key.size(), "#" + v.hex());
  };
  rep("#TEXT", kText);
  rep("#MUTED", kMuted);
  rep("#ACCENT", kAccent);
  rep("#ADARK", kAccentDark);
  rep("#TINT", kAccentTint);
  rep("#ZEBRA", kZebra);
  rep("#RULE", kRule);
  rep("#HAIR", kHairline);
  rep("#MARK", kMarking);
  rep("#TRED", status_tint(StatusLevel::red));
  rep("#BRED", status_band(StatusLevel::red));
  rep("#TORA", status_tint(StatusLevel::orange));
  rep("#BORA", status_band(StatusLevel::orange));
  rep("#TGRE", status_tint(StatusLevel::green));
  rep("#BGRE", status_band(StatusLevel::green));
  rep("#TGRY", status_tint(StatusLevel::grey));
  rep("#BGRY", status_band(StatusLevel::grey));
  return c;
}

class HtmlBuilder {
 public:
  HtmlBuilder(const Document& doc, const HtmlOptions& options)
      : doc_(doc), options_(options), labels_(writer_labels(doc.meta.language)) {}

  Result<std::string> build() {
    const DocumentMeta& m = doc_.meta;
    out_ << "<!DOCTYPE html>\n<html lang=\"" << language_code(m.language) << "\">\n<head>\n<meta charset=\"utf-8\">\n"
         << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
         << "<title>" << esc(m.title) << "</title>\n";
    if (!m.author.empty()) out_ << "<meta name=\"author\" content=\"" << esc(m.author) << "\">\n";
    out_ << "<meta name=\"generator\" content=\"Casus\">\n<style>" << css() << "</style>\n</head>\n<body>\n";
    out_ << "<div class=\"marking\" role=\"note\" aria-label=\"" << esc(labels_.audience) << "\">" << esc(m.marking)
         << "</div>\n<main>\n<header>\n<h1 class=\"title\">" << esc(m.title) << "</h1>\n";
    if (!m.subtitle.empty()) out_ << "<p class=\"subtitle\">" << esc(m.subtitle) << "</p>\n";
    out_ << "<div class=\"title-rule\"></div>\n<dl class=\"meta\">\n";
    if (!m.audience.empty()) out_ << "<dt>" << esc(labels_.audience) << "</dt><dd>" << esc(m.audience) << "</dd>\n";
    if (!m.data_as_of.empty()) out_ << "<dt>" << esc(labels_.data_as_of) << "</dt><dd>" << esc(m.data_as_of) << "</dd>\n";
    if (!m.generated_at.empty()) out_ << "<dt>" << esc(labels_.generated) << "</dt><dd>" << esc(m.generated_at) << "</dd>\n";
    out_ << "</dl>\n</header>\n";
    for (const Block& b : doc_.blocks) {
      if (Status s = block(b); !s) return s;
    }
    out_ << "</main>\n<footer class=\"doc\">";
    std::string foot;
    if (!m.data_as_of.empty()) foot = std::string(labels_.data_as_of) + " " + m.data_as_of;
    if (!m.generated_at.empty()) foot += (foot.empty() ? "" : " · ") + std::string(labels_.generated) + " " + m.generated_at;
    out_ << esc(foot) << "<br>" << esc(m.marking) << "</footer>\n</body>\n</html>\n";
    return out_.str();
  }

 private:
  Status block(const Block& b) {
    if (const auto* h = std::get_if<Heading>(&b)) {
      const int level = std::clamp(h->level, 1, 3) + 1;
      out_ << "<h" << level << " id=\"" << esc(h->id) << "\">" << esc(h->text) << "</h" << level << ">\n";
    } else if (const auto* p = std::get_if<Paragraph>(&b)) {
      const char* cls = p->style == ParagraphStyle::lead ? " class=\"lead\"" : p->style == ParagraphStyle::note ? " class=\"note\"" : "";
      out_ << "<p" << cls << ">" << runs_html(p->runs) << "</p>\n";
    } else if (const auto* l = std::get_if<ListBlock>(&b)) {
      out_ << (l->ordered ? "<ol>\n" : "<ul>\n");
      for (const Runs& item : l->items) out_ << "<li>" << runs_html(item) << "</li>\n";
      out_ << (l->ordered ? "</ol>\n" : "</ul>\n");
    } else if (const auto* t = std::get_if<Table>(&b)) {
      table(*t);
    } else if (const auto* k = std::get_if<KeyFigures>(&b)) {
      out_ << "<div class=\"key-figures\">\n";
      for (const KeyFigure& f : k->items) {
        out_ << "<p class=\"kf\"><span class=\"value\">" << esc(f.value) << "</span><span class=\"label\">" << esc(f.label)
             << "</span>";
        if (!f.change.empty()) out_ << "<span class=\"change\">" << esc(f.change) << "</span>";
        out_ << "</p>\n";
      }
      out_ << "</div>\n";
    } else if (const auto* c = std::get_if<Chart>(&b)) {
      chart(*c);
    } else if (const auto* f = std::get_if<Figure>(&b)) {
      return figure(*f);
    } else if (std::holds_alternative<PageBreak>(b)) {
      out_ << "<hr class=\"page-break\">\n";
    } else if (const auto* s = std::get_if<SignatureBlock>(&b)) {
      out_ << "<div class=\"signatures\">\n";
      for (const Signer& sg : s->signers) {
        out_ << "<div class=\"signer\"><div class=\"role\">" << esc(sg.role) << "</div>\n<div>" << esc(labels_.name) << ": "
             << (sg.name.empty() ? "<span class=\"line\"></span>" : esc(sg.name)) << "</div>\n<div>" << esc(labels_.date)
             << ":</div><div class=\"line\"></div>\n<div>" << esc(labels_.signature) << ":</div><div class=\"sign\"></div></div>\n";
      }
      out_ << "</div>\n";
    } else if (const auto* ff = std::get_if<FormField>(&b)) {
      out_ << "<div class=\"field" << (ff->lines == 0 ? " inline" : "") << "\"><div class=\"label\">" << esc(ff->label)
           << "</div>";
      if (!ff->hint.empty()) out_ << "<div class=\"hint\">" << esc(ff->hint) << "</div>";
      for (int i = 0; i < std::max(1, ff->lines); ++i) out_ << "<div class=\"line\"></div>";
      out_ << "</div>\n";
    } else if (const auto* toc = std::get_if<TableOfContents>(&b)) {
      const std::string title = toc->title.empty() ? labels_.contents : toc->title;
      out_ << "<nav class=\"toc\" aria-labelledby=\"toc-title\">\n<h2 id=\"toc-title\">" << esc(title) << "</h2>\n<ol>\n";
      for (const Block& other : doc_.blocks)
        if (const auto* h = std::get_if<Heading>(&other))
          if (h->level <= 2)
            out_ << "<li class=\"l" << h->level << "\"><a href=\"#" << esc(h->id) << "\">" << esc(h->text) << "</a></li>\n";
      out_ << "</ol>\n</nav>\n";
    }
    return Status::ok();
  }

  void table(const Table& t) {
    out_ << (t.density == doc::TableDensity::compact ? "<table class=\"compact\">\n" : "<table>\n");
    if (!t.caption.empty()) out_ << "<caption>" << esc(t.caption) << "</caption>\n";
    double total = 0;
    for (const Column& c : t.columns) total += c.width;
    out_ << "<colgroup>";
    for (const Column& c : t.columns) out_ << "<col style=\"width:" << num(100 * c.width / total) << "%\">";
    out_ << "</colgroup>\n";
    const std::size_t nh = static_cast<std::size_t>(t.header_rows);
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
      if (r == 0 && nh > 0) out_ << "<thead>\n";
      if (r == nh) out_ << "<tbody>\n";
      const Row& row = t.rows[r];
      const bool header = r < nh;
      out_ << (row.total ? "<tr class=\"total\">" : "<tr>");
      std::size_t col = 0;
      for (std::size_t i = 0; i < row.cells.size(); ++i) {
        const Cell& cell = row.cells[i];
        const Align a = cell.align ? *cell.align : (col < t.columns.size() ? t.columns[col].align : Align::left);
        std::string cls;
        if (a == Align::right) cls += " r";
        if (a == Align::center) cls += " c";
        if (cell.bold) cls += " b";
        if (cell.status) cls += std::string(" status status-") + status_level_name(*cell.status);
        const bool row_header = !header && i == 0 && !cell.status;
        const char* tag = header || row_header ? "th" : "td";
        out_ << "<" << tag;
        if (header) out_ << " scope=\"" << (cell.colspan > 1 ? "colgroup" : "col") << "\"";
        else if (row_header) out_ << " scope=\"row\"";
        if (cell.colspan > 1) out_ << " colspan=\"" << cell.colspan << "\"";
        if (!cls.empty()) out_ << " class=\"" << cls.substr(1) << "\"";
        out_ << ">" << runs_html(cell.runs) << "</" << tag << ">";
        col += static_cast<std::size_t>(std::max(1, cell.colspan));
      }
      out_ << "</tr>\n";
      if (r + 1 == nh) out_ << "</thead>\n";
    }
    if (t.rows.size() > nh) out_ << "</tbody>\n";
    out_ << "</table>\n";
  }

  void chart(const Chart& c) {
    const int id = ++chart_count_;
    const ChartScale scale = chart_scale(c);
    const int value_decimals = chart_value_decimals(c);
    const Language lang = doc_.meta.language;
    const double W = 640, H = 300, left = 48, right = 12, top = 14, bottom = 50;
    const double pw = W - left - right, ph = H - top - bottom;
    auto vy = [&](double v) { return top + ph * (1 - scale.fraction(v)); };
    std::ostringstream s;
    s << "<figure class=\"chart\">\n<figcaption id=\"chart" << id << "-title\">" << esc(c.title) << "</figcaption>\n";
    s << "<svg viewBox=\"0 0 " << W << " " << H << "\" width=\"" << W << "\" height=\"" << H
      << "\" role=\"img\" aria-labelledby=\"chart" << id << "-t chart" << id << "-d\" font-family=\"Liberation Sans, Arial, sans-serif\">\n"
      << "<title id=\"chart" << id << "-t\">" << esc(c.title) << "</title>\n<desc id=\"chart" << id << "-d\">" << esc(c.alt)
      << "</desc>\n<defs><pattern id=\"hatch" << id
      << "\" width=\"4\" height=\"4\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect width=\"4\" height=\"4\" fill=\"none\"/>"
      << "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"4\" stroke=\"#fff\" stroke-width=\"1.2\"/></pattern></defs>\n";
    if (!c.y_label.empty()) s << "<text x=\"0\" y=\"10\" font-size=\"10\" fill=\"#" << style::kMuted.hex() << "\">" << esc(c.y_label) << "</text>\n";
    for (double t : scale.ticks) {
      const double yy = vy(t);
      s << "<line x1=\"" << left << "\" x2=\"" << W - right << "\" y1=\"" << num(yy) << "\" y2=\"" << num(yy) << "\" stroke=\"#"
        << (t == 0 ? style::kMuted.hex() : style::kHairline.hex()) << "\"/>"
        << "<text x=\"" << left - 6 << "\" y=\"" << num(yy + 3.5) << "\" font-size=\"10\" text-anchor=\"end\" fill=\"#"
        << style::kMuted.hex() << "\">" << esc(tick_label(t, scale.decimals, lang)) << "</text>\n";
    }
    const std::size_t ncat = c.categories.size(), ns = c.series.size();
    const double band = pw / static_cast<double>(std::max<std::size_t>(ncat, 1));
    for (std::size_t i = 0; i < ncat; ++i)
      s << "<text x=\"" << num(left + band * (static_cast<double>(i) + 0.5)) << "\" y=\"" << num(top + ph + 14)
        << "\" font-size=\"10\" text-anchor=\"middle\" fill=\"#" << style::kMuted.hex() << "\">" << esc(c.categories[i]) << "</text>\n";
    const double zero = vy(std::max(scale.min, 0.0));
    auto label_of = [&](const ChartValue& v) { return v.label.empty() ? tick_label(v.value, value_decimals, lang) : v.label; };
    if (c.kind == ChartKind::line) {
      for (std::size_t si = 0; si < ns; ++si) {
        const std::string col = "#" + style::series_colour(si).hex();
        std::string path;
        bool pen = false;
        for (std::size_t i = 0; i < ncat && i < c.series[si].values.size(); ++i) {
          const ChartValue& v = c.series[si].values[i];
          const double cx = left + band * (static_cast<double>(i) + 0.5);
          if (v.suppressed) {
            pen = false;
            s << "<text x=\"" << num(cx) << "\" y=\"" << num(zero - 4 - 11 * static_cast<double>(si)) << "\" font-size=\"9\" text-anchor=\"middle\" fill=\"#"
              << style::kMuted.hex() << "\">" << esc(v.label) << "</text>\n";
            continue;
          }
          path += (pen ? " L" : " M") + num(cx) + " " + num(vy(v.value));
          pen = true;
        }
        s << "<path d=\"" << path << "\" fill=\"none\" stroke=\"" << col << "\" stroke-width=\"2\""
          << (si % 2 == 1 ? " stroke-dasharray=\"6 3\"" : "") << "/>\n";
        for (std::size_t i = 0; i < ncat && i < c.series[si].values.size(); ++i) {
          const ChartValue& v = c.series[si].values[i];
          if (v.suppressed) continue;
          const double cx = left + band * (static_cast<double>(i) + 0.5), cy = vy(v.value);
          s << marker(cx, cy, si, col) << "<title>" << esc(c.series[si].name + ", " + c.categories[i] + ": " + label_of(v)) << "</title></g>\n";
        }
      }
    } else {
      const bool stacked = c.kind == ChartKind::stacked_bar;
      const double group = band * (stacked ? 0.56 : 0.74);
      const double bw = stacked ? group : group / static_cast<double>(std::max<std::size_t>(ns, 1));
      for (std::size_t i = 0; i < ncat; ++i) {
        const double gx = left + band * static_cast<double>(i) + (band - group) / 2;
        double stack = 0;
        for (std::size_t si = 0; si < ns; ++si) {
          if (i >= c.series[si].values.size()) continue;
          const ChartValue& v = c.series[si].values[i];
          const std::string col = "#" + style::series_colour(si).hex();
          const double x = stacked ? gx : gx + bw * static_cast<double>(si);
          const double w = stacked ? bw : std::max(bw - 1.5, 1.0);
          const std::string tip = "<title>" + esc(c.series[si].name + ", " + c.categories[i] + ": " + label_of(v)) + "</title>";
          if (v.suppressed) {
            const double y0 = vy(stacked ? stack : 0);
            s << "<g><rect x=\"" << num(x) << "\" y=\"" << num(y0 - 10) << "\" width=\"" << num(w) << "\" height=\"10\" fill=\"none\" stroke=\""
              << col << "\" stroke-dasharray=\"3 2\"/>" << tip << "</g><text x=\"" << num(x + w / 2) << "\" y=\"" << num(y0 - 13)
              << "\" font-size=\"9\" text-anchor=\"middle\" fill=\"#" << style::kMuted.hex() << "\">" << esc(v.label) << "</text>\n";
            continue;
          }
          const double b0 = stacked ? stack : 0, b1 = b0 + v.value;
          const double ya = vy(std::max(b0, b1)), yb = vy(std::min(b0, b1));
          s << "<g><rect x=\"" << num(x) << "\" y=\"" << num(ya) << "\" width=\"" << num(w) << "\" height=\"" << num(yb - ya)
            << "\" fill=\"" << col << "\"/>";
          if (si % 2 == 1)
            s << "<rect x=\"" << num(x) << "\" y=\"" << num(ya) << "\" width=\"" << num(w) << "\" height=\"" << num(yb - ya)
              << "\" fill=\"url(#hatch" << id << ")\"/>";
          s << tip << "</g>";
          if (stacked) {
            if (yb - ya >= 12) {
              const style::Rgb rgb = style::series_colour(si);
              const bool dark = (rgb.r * 299 + rgb.g * 587 + rgb.b * 114) / 1000 < 140;
              s << "<text x=\"" << num(x + w / 2) << "\" y=\"" << num((ya + yb) / 2 + 3.5) << "\" font-size=\"9\" text-anchor=\"middle\" fill=\""
                << (dark ? "#fff" : "#" + style::kText.hex()) << "\"" << (si % 2 == 1 ? " stroke=\"" + col + "\" stroke-width=\"3\" paint-order=\"stroke\"" : "")
                << ">" << esc(label_of(v)) << "</text>";
            }
            stack = b1;
          } else {
            s << "<text x=\"" << num(x + w / 2) << "\" y=\"" << num(v.value >= 0 ? ya - 3 : yb + 10) << "\" font-size=\"9\" text-anchor=\"middle\" fill=\"#"
              << style::kText.hex() << "\">" << esc(label_of(v)) << "</text>";
          }
          s << "\n";
        }
      }
    }
    s << "<line x1=\"" << left << "\" x2=\"" << left << "\" y1=\"" << top << "\" y2=\"" << num(top + ph) << "\" stroke=\"#" << style::kMuted.hex() << "\"/>\n";
    // legend
    double lx = left;
    const double ly = H - 14;
    for (std::size_t si = 0; si < ns; ++si) {
      const std::string col = "#" + style::series_colour(si).hex();
      if (c.kind == ChartKind::line) {
        s << "<line x1=\"" << num(lx) << "\" x2=\"" << num(lx + 16) << "\" y1=\"" << num(ly - 4) << "\" y2=\"" << num(ly - 4) << "\" stroke=\"" << col
          << "\" stroke-width=\"2\"" << (si % 2 == 1 ? " stroke-dasharray=\"6 3\"" : "") << "/>" << marker(lx + 8, ly - 4, si, col) << "</g>";
      } else {
        s << "<rect x=\"" << num(lx) << "\" y=\"" << num(ly - 9) << "\" width=\"14\" height=\"9\" fill=\"" << col << "\"/>";
        if (si % 2 == 1) s << "<rect x=\"" << num(lx) << "\" y=\"" << num(ly - 9) << "\" width=\"14\" height=\"9\" fill=\"url(#hatch" << id << ")\"/>";
      }
      s << "<text x=\"" << num(lx + 20) << "\" y=\"" << num(ly) << "\" font-size=\"10.5\" fill=\"#" << style::kText.hex() << "\">" << esc(c.series[si].name)
        << "</text>\n";
      lx += 20 + 6.2 * static_cast<double>(c.series[si].name.size()) + 18;
    }
    s << "</svg>\n";
    // the data as a table, for screen readers and for checking
    s << "<details><summary>" << esc(labels_.chart_data) << "</summary>\n<table>\n<thead><tr><th scope=\"col\"></th>";
    for (const Series& se : c.series) s << "<th scope=\"col\" class=\"r\">" << esc(se.name) << "</th>";
    s << "</tr></thead>\n<tbody>\n";
    for (std::size_t i = 0; i < ncat; ++i) {
      s << "<tr><th scope=\"row\">" << esc(c.categories[i]) << "</th>";
      for (const Series& se : c.series) s << "<td class=\"r\">" << (i < se.values.size() ? esc(label_of(se.values[i])) : "") << "</td>";
      s << "</tr>\n";
    }
    s << "</tbody>\n</table></details>\n</figure>\n";
    out_ << s.str();
  }

  static std::string marker(double x, double y, std::size_t series, const std::string& col) {
    std::ostringstream s;
    s << "<g>";
    const double r = 3.5;
    switch (series % 4) {
      case 0: s << "<circle cx=\"" << num(x) << "\" cy=\"" << num(y) << "\" r=\"" << r << "\" fill=\"" << col << "\" stroke=\"#fff\"/>"; break;
      case 1: s << "<rect x=\"" << num(x - r) << "\" y=\"" << num(y - r) << "\" width=\"" << 2 * r << "\" height=\"" << 2 * r << "\" fill=\"" << col << "\" stroke=\"#fff\"/>"; break;
      case 2: s << "<path d=\"M" << num(x - r) << " " << num(y + r) << " L" << num(x + r) << " " << num(y + r) << " L" << num(x) << " " << num(y - r) << " Z\" fill=\"" << col << "\" stroke=\"#fff\"/>"; break;
      default: s << "<path d=\"M" << num(x) << " " << num(y - r - 1) << " L" << num(x + r + 1) << " " << num(y) << " L" << num(x) << " " << num(y + r + 1) << " L" << num(x - r - 1) << " " << num(y) << " Z\" fill=\"" << col << "\" stroke=\"#fff\"/>"; break;
    }
    return s.str();
  }

  Status figure(const Figure& f) {
    std::filesystem::path src = f.source;
    if (src.is_relative() && !options_.image_folder.empty()) src = options_.image_folder / src;
    Result<std::string> bytes = read_file(src);
    if (!bytes) return Status::error("cannot load figure image " + src.string());
    std::ostringstream b64;
    {
      Poco::Base64Encoder enc(b64);
      enc.rdbuf()->setLineLength(0);
      enc << bytes.value();
      enc.close();
    }
    out_ << "<figure><img src=\"data:image/png;base64," << b64.str() << "\" alt=\"" << esc(f.alt) << "\" style=\"width:"
         << num(100 * f.width) << "%\">";
    if (!f.caption.empty()) out_ << "<figcaption>" << runs_html(f.caption) << "</figcaption>";
    out_ << "</figure>\n";
    return Status::ok();
  }

  const Document& doc_;
  const HtmlOptions& options_;
  const WriterLabels& labels_;
  std::ostringstream out_;
  int chart_count_ = 0;
};

}  // namespace

Result<std::string> render_html(const Document& document, const HtmlOptions& options) {
  HtmlBuilder builder(document, options);
  return builder.build();
}

Status write_html(const Document& document, const std::filesystem::path& path, const HtmlOptions& options) {
  Result<std::string> html = render_html(document, options);
  if (!html) return html.status();
  return write_file_atomic(path, html.value());
}

}  // namespace casus
