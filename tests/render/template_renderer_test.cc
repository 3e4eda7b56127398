#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "render/template_renderer.h"

using namespace casus;
namespace fs = std::filesystem;

namespace {

TemplateData context() {
  TemplateData d;
  TemplateData c;
  c.set("pseudonym", "C-0042");
  c.set("naam", "Café <één> & \"zo\"");
  d.set("case", c);
  TemplateData rows{TemplateData::type::list};
  for (const char* n : {"a", "b"}) {
    TemplateData r;
    r.set("n", n);
    rows.push_back(r);
  }
  d.set("rows", rows);
  d.set("empty", TemplateData{TemplateData::type::list});
  d.set("no", false);
  return d;
}

Result<std::string> render(const std::string& text, CollectingSink& sink, const fs::path& folder = {}) {
  auto t = MustacheTemplate::from_text(text, "templates/t/t.mustache", folder, sink);
  if (!t) return t.status();
  return t->render(context(), sink);
}

fs::path scratch(const std::string& name) {
  fs::path dir = fs::temp_directory_path() / ("casus_render_tpl_" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

}  // namespace

TEST_CASE("template: renders with XML escaping and sections") {
  CollectingSink sink;
  auto out = render("<p>{{case.naam}}</p>{{#rows}}[{{n}}]{{/rows}}{{^empty}}leeg{{/empty}}{{#no}}{{missing}}{{/no}}",
                    sink);
  REQUIRE(out.is_ok());
  CHECK(out.value() == "<p>Café &lt;één&gt; &amp; &quot;zo&quot;</p>[a][b]leeg");
}

TEST_CASE("template: a missing key is an error with line and column") {
  CollectingSink sink;
  auto out = render("<p>\n  x {{case.pseudonym}} {{case.bsn}}\n{{#rows}}{{n}} {{nope}}{{/rows}}", sink);
  REQUIRE_FALSE(out.is_ok());
  CHECK(out.message() == "templates/t/t.mustache:2:24: key 'case.bsn' is not in the context");
  REQUIRE(sink.diagnostics().size() == 2);  // the list body is reported once, not per item
  CHECK(sink.diagnostics()[1].to_string() == "templates/t/t.mustache:3:16: key 'nope' is not in the context");
  CHECK(sink.diagnostics()[1].code == "template.missing_key");
}

TEST_CASE("template: sections and inverted sections must exist too") {
  CollectingSink sink;
  auto out = render("{{#maybe}}x{{/maybe}}{{^other}}y{{/other}}", sink);
  REQUIRE_FALSE(out.is_ok());
  REQUIRE(sink.diagnostics().size() == 2);
  CHECK(sink.diagnostics()[0].to_string() == "templates/t/t.mustache:1:1: section key 'maybe' is not in the context");
  CHECK(sink.diagnostics()[1].to_string() == "templates/t/t.mustache:1:22: section key 'other' is not in the context");
}

TEST_CASE("template: a list or object where text is needed is an error") {
  CollectingSink sink;
  auto out = render("{{rows}}", sink);
  REQUIRE_FALSE(out.is_ok());
  CHECK(out.message() ==
        "templates/t/t.mustache:1:1: key 'rows' is a list, not text; use a section {{#rows}}");
}

TEST_CASE("template: kainjow byte offsets become line:column") {
  CollectingSink sink;
  auto out = render("a\nbc {{#rows}}\n{{n}}", sink);
  REQUIRE_FALSE(out.is_ok());
  CHECK(out.message() == "templates/t/t.mustache:2:4: Unclosed section \"rows\"");
  CollectingSink sink2;
  auto out2 = render("x\n\n  {{/rows}}", sink2);
  CHECK(out2.message() == "templates/t/t.mustache:3:3: Unopened section \"rows\"");
  CollectingSink sink3;
  auto out3 = render("x\n {{ab", sink3);
  CHECK(out3.message() == "templates/t/t.mustache:2:2: Unclosed tag");
}

TEST_CASE("template: partials load from the same folder and are checked") {
  const fs::path dir = scratch("partials");
  std::ofstream(dir / "main.mustache") << "<p>{{>kop}}</p>\n{{#rows}}{{>rij}}{{/rows}}";
  std::ofstream(dir / "kop.mustache") << "Casus {{case.pseudonym}}";
  std::ofstream(dir / "rij.mustache") << "\n\n[{{n}}{{case.geheim}}]";
  CollectingSink sink;
  auto t = MustacheTemplate::load(dir / "main.mustache", sink);
  REQUIRE(t.is_ok());
  auto out = t->render(context(), sink);
  REQUIRE_FALSE(out.is_ok());
  CHECK(out.message() == (dir / "rij.mustache").generic_string() + ":3:7: key 'case.geheim' is not in the context");

  std::ofstream(dir / "rij.mustache", std::ios::trunc) << "[{{n}}]";
  CollectingSink sink2;
  auto t2 = MustacheTemplate::load(dir / "main.mustache", sink2);
  REQUIRE(t2.is_ok());
  auto out2 = t2->render(context(), sink2);
  REQUIRE(out2.is_ok());
  CHECK(out2.value() == "<p>Casus C-0042</p>\n[a][b]");
}

TEST_CASE("template: a missing partial is located at its tag") {
  const fs::path dir = scratch("missing");
  std::ofstream(dir / "main.mustache") << "ab\n  {{> voet }}";
  CollectingSink sink;
  auto t = MustacheTemplate::load(dir / "main.mustache", sink);
  REQUIRE_FALSE(t.is_ok());
  CHECK(t.message() == (dir / "main.mustache").generic_string() + ":2:3: partial 'voet' not found (looked for " +
                           dir.generic_string() + "/voet.mustache)");
}

TEST_CASE("xml_escape escapes the five XML specials") {
  CHECK(xml_escape("a<b>&\"c'") == "a&lt;b&gt;&amp;&quot;c&apos;");
}

// --- Hostile templates: each gives one exact, located message (an unclosed
// section: "kainjow byte offsets become line:column" above) -------------

TEST_CASE("template: a DOCTYPE in the markup a template produces is refused, entities never expanded") {
  const fs::path dir = scratch("doctype");
  std::ofstream(dir / "doc.mustache")
      << "<?xml version=\"1.0\"?>\n<!DOCTYPE document [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
         "<document title=\"t\" audience=\"staff\"><p>&x;</p></document>\n";
  CollectingSink sink;
  auto doc = render_document(dir / "doc.mustache", context(), sink);
  REQUIRE_FALSE(doc.is_ok());
  CHECK(doc.message() == (dir / "doc.mustache").generic_string() + " (rendered):2:1: DOCTYPE declarations are not allowed");
  for (const auto& d : sink.diagnostics()) CHECK(d.message.find("root:") == std::string::npos);
}

TEST_CASE("template: a partial that includes itself is refused, not recursed into forever") {
  const fs::path dir = scratch("recursive");
  std::ofstream(dir / "main.mustache") << "<p>{{>a}}</p>";
  std::ofstream(dir / "a.mustache") << "A{{>b}}";
  std::ofstream(dir / "b.mustache") << "B\n{{>a}}";
  CollectingSink sink;
  auto t = MustacheTemplate::load(dir / "main.mustache", sink);
  REQUIRE(t.is_ok());
  auto out = t->render(context(), sink);
  REQUIRE_FALSE(out.is_ok());
  CHECK(out.message() == (dir / "a.mustache").generic_string() + ":1:1: partials nest more than 32 deep (recursive partial?)");
}

TEST_CASE("template: an oversized or wrongly encoded template or partial is refused unread") {
  const fs::path dir = scratch("hostile");
  std::ofstream(dir / "big.mustache") << std::string(kMaxTemplateBytes + 1, 'x');
  std::ofstream(dir / "latin.mustache") << "<p>regel</p>\n<p>Caf\xE9</p>\n";
  std::ofstream(dir / "main.mustache") << "<p>{{>latin}}</p>";
  CollectingSink sink;
  auto big = MustacheTemplate::load(dir / "big.mustache", sink);
  CHECK(big.message() == (dir / "big.mustache").generic_string() + ": template is 1048577 bytes; at most 1048576 bytes are allowed");
  auto latin = MustacheTemplate::load(dir / "latin.mustache", sink);
  CHECK(latin.message() == (dir / "latin.mustache").generic_string() +
                               ":2: not valid UTF-8 (byte 0xE9); templates must be saved as UTF-8");
  auto via_partial = MustacheTemplate::load(dir / "main.mustache", sink);
  CHECK(via_partial.message() == (dir / "latin.mustache").generic_string() +
                                     ":2: not valid UTF-8 (byte 0xE9); templates must be saved as UTF-8");
}
