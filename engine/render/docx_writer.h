// The DOCX writer: WordprocessingML built with pugixml and zipped with
// Poco::Zip ([Content_Types].xml first). Real styles (Title, Heading1-3,
// body, captions, a table style), real bulleted and numbered lists
// (numbering.xml), tables whose header rows repeat (w:tblHeader) and whose
// rows never split, a header and footer with the marking and PAGE/NUMPAGES
// fields, and a TOC field that Word updates on open (w:updateFields).
// Charts become their data table with the text alternative (no native chart).
// Byte-identical for the same tree: zip times come from DocumentMeta::created.
#pragma once

#include <filesystem>
#include <string>

#include "core/status.h"
#include "render/document.h"

namespace casus {

struct DocxOptions {
  std::filesystem::path image_folder;  // base for relative Figure::source paths
  std::string font = "Arial";          // LibreOffice shows Liberation Sans (metric-compatible)
};

Result<std::string> render_docx(const Document& document, const DocxOptions& options = {});
Status write_docx(const Document& document, const std::filesystem::path& path, const DocxOptions& options = {});

}  // namespace casus
