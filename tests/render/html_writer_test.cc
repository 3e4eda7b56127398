#include <catch2/catch.hpp>

#include <cstring>
#include <filesystem>

#include "render/html_writer.h"
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

// Text content of HTML: tags dropped (block tags become spaces), entities decoded.
std::string html_text(const std::string& html) {
  std::string out;
  bool in_tag = false;
  for (std::size_t i = 0; i < html.size(); ++i) {
    if (html[i] == '<') {
      in_tag = true;
      if (html.compare(i, 7, "<style>") == 0) i = html.find("</style>", i);
      out += ' ';
    } else if (html[i] == '>') {
      in_tag = false;
    } else if (!in_tag) {
      out += html[i];
    }
  }
  // inline tags must not add spaces inside words: drop the spaces the tag stripping made
  // around <strong>/<em>/<a> by comparing squashed text only
  std::string decoded;
  for (std::size_t i = 0; i < out.size(); ++i) {
    if (out[i] == '&') {
      if (out.compare(i, 5, "&amp;") == 0) { decoded += '&'; i += 4; continue; }
      if (out.compare(i, 4, "&lt;") == 0) { decoded += '<'; i += 3; continue; }
      if (out.compare(i, 4, "&gt;") == 0) { decoded += '>'; i += 3; continue; }
      if (out.compare(i, 6, "&quot;") == 0) { decoded += '"'; i += 5; continue; }
    }
    decoded += out[i];
  }
  return decoded;
}

std::string strip_inline(std::string html) {
  for (const char* tag : {"<strong>", "</strong>", "<em>", "</em>", "</a>"}) {
    for (std::size_t p = html.find(tag); p != std::string::npos; p = html.find(tag, p)) html.erase(p, std::strlen(tag));
  }
  for (std::size_t p = html.find("<a href="); p != std::string::npos; p = html.find("<a href=", p))
    html.erase(p, html.find('>', p) - p + 1);
  return html;
}

}  // namespace

TEST_CASE("html: the sample is one self-contained, accessible file") {
  const Document doc = sample();
  HtmlOptions o;
  o.image_folder = kSampleFolder;
  const fs::path out = output_folder() / "sample.html";
  REQUIRE(write_html(doc, out, o).is_ok());
  auto html = render_html(doc, o);
  REQUIRE(html.is_ok());
  const std::string& h = html.value();
  CHECK(h.rfind("<!DOCTYPE html>\n<html lang=\"nl\">", 0) == 0);
  // the marking comes first in the body
  const std::size_t body = h.find("<body>");
  CHECK(h.find("<div class=\"marking\" role=\"note\"", body) == body + 7);
  CHECK(h.find("VERTROUWELIJK — alleen voor leden van de stuurgroep</div>") != std::string::npos);
  CHECK(h.find("<h1 class=\"title\">Maandrapportage Top 600-aanpak</h1>") != std::string::npos);
  CHECK(h.find("<h2 id=\"samenvatting\">Samenvatting</h2>") != std::string::npos);
  CHECK(h.find("<h3 id=\"instroom-en-uitstroom\">Instroom en uitstroom</h3>") != std::string::npos);
  CHECK(h.find("<h4 id=\"definities\">Definities</h4>") != std::string::npos);
  CHECK(h.find("<th scope=\"col\">Stadsdeel</th>") != std::string::npos);
  CHECK(h.find("<th scope=\"row\">Noord</th>") != std::string::npos);
  CHECK(h.find("<td class=\"status status-red\">Hoog</td>") != std::string::npos);
  CHECK(h.find("<svg viewBox=\"0 0 640 300\" width=\"640\" height=\"300\" role=\"img\" aria-labelledby=\"chart1-t chart1-d\"") !=
        std::string::npos);
  CHECK(h.find("<desc id=\"chart1-d\">Staafdiagram: actieve casussen per stadsdeel") != std::string::npos);
  CHECK(h.find("<img src=\"data:image/png;base64,iVBORw0KGgo") != std::string::npos);
  CHECK(h.find("alt=\"Schema: de regisseur in het midden, verbonden met zes partners.\"") != std::string::npos);
  CHECK(h.find("<a href=\"https://www.example.org/aanpak\">de website van de gemeente</a>") != std::string::npos);
  CHECK(h.find("src=\"http") == std::string::npos);  // nothing loaded from elsewhere
  CHECK(h.find("<link ") == std::string::npos);
  CHECK(h.find("<script") == std::string::npos);

  const std::string text = squash(html_text(strip_inline(h)));
  std::size_t pos = 0;
  for (const std::string& expected : ordered_texts(doc)) {
    INFO("looking for: " << expected);
    const std::size_t found = text.find(squash(expected), pos);
    REQUIRE(found != std::string::npos);
    pos = found + 1;
  }
}

TEST_CASE("html: text is escaped") {
  Document doc = long_table_document(1, "A <b> & \"c\"");
  auto html = render_html(doc);
  REQUIRE(html.is_ok());
  CHECK(html.value().find("<title>A &lt;b&gt; &amp; &quot;c&quot;</title>") != std::string::npos);
}
