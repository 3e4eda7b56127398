// The HTML writer: one self-contained, accessible file per document
// (semantic headings, tables with th/scope, charts as inline SVG with a text
// alternative and their data table, images inlined as data URIs, the
// classification marking visible at the top, print styles for A4).
#pragma once

#include <filesystem>
#include <string>

#include "core/status.h"
#include "render/document.h"

namespace casus {

struct HtmlOptions {
  std::filesystem::path image_folder;  // base for relative Figure::source paths
};

Result<std::string> render_html(const Document& document, const HtmlOptions& options = {});
Status write_html(const Document& document, const std::filesystem::path& path, const HtmlOptions& options = {});

}  // namespace casus
