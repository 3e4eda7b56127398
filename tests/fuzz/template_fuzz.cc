// libFuzzer target: a document template — Mustache parsing, the strict
// checking pass and rendering against a small fixed context, then the
// markup parser on whatever the template produced.
#include <cstddef>
#include <cstdint>
#include <string>

#include "render/markup_parser.h"
#include "render/template_renderer.h"

namespace {

const casus::TemplateData& context() {
  static const casus::TemplateData data = [] {
    casus::TemplateData d;
    casus::TemplateData c;
    c.set("pseudonym", "C-0042");
    c.set("naam", "Caf\xC3\xA9 <b> & \"zo\"");
    d.set("case", c);
    casus::TemplateData rows{casus::TemplateData::type::list};
    for (const char* n : {"a", "b"}) {
      casus::TemplateData r;
      r.set("n", n);
      rows.push_back(r);
    }
    d.set("rows", rows);
    d.set("yes", true);
    d.set("title", "Titel");
    return d;
  }();
  return data;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  casus::CollectingSink sink;
  auto tmpl = casus::MustacheTemplate::from_text(std::string(reinterpret_cast<const char*>(data), size),
                                                 "fuzz.mustache", {}, sink);
  if (!tmpl) return 0;
  auto markup = tmpl->render(context(), sink);
  if (!markup) return 0;
  (void)casus::parse_markup(*markup, "fuzz.mustache", sink);
  return 0;
}
