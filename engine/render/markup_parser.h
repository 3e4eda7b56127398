// The document markup parser: turns the small XML markup that templates
// produce (see templates/README.md) into the document tree, with every
// error located as SOURCE:LINE:COLUMN. DOCTYPE declarations are refused.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/diagnostic.h"
#include "core/status.h"
#include "render/document.h"

namespace casus {

// Parses `xml`; every problem is reported to `sink` (code "markup.*") and the
// result is the first error, formatted "SOURCE:LINE:COL: message".
Result<Document> parse_markup(std::string_view xml, const std::string& source_name,
                              DiagnosticSink& sink);

// 1-based line and column (in code points) of a byte offset in `text`.
struct LineColumn {
  std::size_t line = 1;
  std::size_t column = 1;
};
LineColumn line_column_at(std::string_view text, std::size_t offset);

}  // namespace casus
