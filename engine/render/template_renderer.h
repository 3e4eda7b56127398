// Strict Mustache rendering of document templates into markup. A template
// (with partials `{{>name}}` = `name.mustache` from the same folder) is
// parsed once; before rendering, a checking pass walks its tags with section
// nesting against the context, so a key the context lacks is an error
// "TEMPLATE:LINE:COL: key 'x' is not in the context", never a silent blank.
// Output is XML-escaped to fit the document markup.
#pragma once

#include <filesystem>
#include <kainjow/mustache.hpp>
#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "core/diagnostic.h"
#include "core/status.h"
#include "render/document.h"

namespace casus {

using TemplateData = kainjow::mustache::data;

// A template (or partial) file larger than this, or not UTF-8, is refused unread.
inline constexpr std::size_t kMaxTemplateBytes = 1u << 20;

// XML escaping for Mustache output: & < > " ' become entities.
std::string xml_escape(const std::string& text);

class MustacheTemplate {
 public:
  // Loads `path` and every partial it reaches (from the same folder).
  // Errors name files as the path was given ("templates/plan/plan.mustache").
  static Result<MustacheTemplate> load(const std::filesystem::path& path, DiagnosticSink& sink);
  // A template from text; partials are looked up in `partials_folder` (may be empty: none).
  static Result<MustacheTemplate> from_text(std::string text, std::string display_name,
                                            const std::filesystem::path& partials_folder,
                                            DiagnosticSink& sink);

  // Reports every tag whose key the context lacks (or that names a list or
  // object where text is needed); the result is the first such error.
  Status check(const TemplateData& context, DiagnosticSink& sink) const;
  // check(), then renders with XML escaping.
  Result<std::string> render(const TemplateData& context, DiagnosticSink& sink) const;

  const std::string& name() const;

  struct Source;  // one parsed file (template or partial)

 private:
  std::shared_ptr<const std::map<std::string, std::shared_ptr<Source>>> sources_;
  std::string root_;
};

// Load + render + parse_markup: a template straight to a document tree.
Result<Document> render_document(const std::filesystem::path& template_path, const TemplateData& context,
                                 DiagnosticSink& sink);

}  // namespace casus
