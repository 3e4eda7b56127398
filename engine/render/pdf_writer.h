// The PDF writer (libharu): lays a document tree out on A4 pages with
// embedded TrueType fonts (single-byte Windows-1252 fonts for text that fits
// that code page, UTF-8 CID fonts for any other text), its own line
// breaking, widow/orphan control, tables that repeat their header rows,
// vector charts, bookmarks, and on every page the classification marking,
// "pagina X van Y", the data-as-of date and the generation time. Output is
// compressed and byte-identical for the same tree (dates come from
// DocumentMeta::created), whatever the thread rendered before.
#pragma once

#include <filesystem>
#include <string>

#include "core/status.h"
#include "render/document.h"

namespace casus {

struct PdfOptions {
  std::filesystem::path font_folder = "/usr/share/fonts/truetype/liberation2";
  std::string font_regular = "LiberationSans-Regular.ttf";
  std::string font_bold = "LiberationSans-Bold.ttf";
  std::string font_italic = "LiberationSans-Italic.ttf";
  std::string font_bold_italic = "LiberationSans-BoldItalic.ttf";
  double page_width = 595.276;  // A4 portrait, points
  double page_height = 841.89;
  double side_margin = 68;  // left and right, points; wide listings in landscape use less
  std::filesystem::path image_folder;  // base for relative Figure::source paths
};

// Lays out and writes `document` to `path` atomically.
Status write_pdf(const Document& document, const std::filesystem::path& path, const PdfOptions& options = {});

// The same, returning the PDF bytes (tests, benchmarks, callers that hash first).
Result<std::string> render_pdf(const Document& document, const PdfOptions& options = {});

}  // namespace casus
