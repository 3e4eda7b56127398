// Shared helpers for the XLSX writers on libxlsxwriter 1.1.4: an owning
// workbook handle written to a temporary path and committed atomically,
// UTF-8 sanitizing of every string (libxlsxwriter does not validate),
// column widths that fit their text, print setup (A4 landscape, fit to
// width, header and footer with the marking, page X of Y, data-as-of) and
// document properties from the DocumentMeta.
#pragma once

#include <xlsxwriter.h>

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "render/document.h"

namespace casus {

// Valid UTF-8 (invalid bytes become U+FFFD), at most 32,767 characters.
std::string xlsx_text(std::string_view text);

// "Sheet name" as used in formulas and chart ranges: 'Stadsdelen'.
std::string xlsx_sheet_ref(const std::string& sheet);

class XlsxWorkbook {
 public:
  // Opens a workbook that will be written to temporary_path_for(path).
  static Result<XlsxWorkbook> create(const std::filesystem::path& path, bool constant_memory);
  XlsxWorkbook(XlsxWorkbook&& other) noexcept;
  XlsxWorkbook& operator=(XlsxWorkbook&&) = delete;
  ~XlsxWorkbook();  // an unclosed workbook is closed and its temporary file removed

  lxw_workbook* get() const { return workbook_; }
  // Closes the workbook (writes the zip) and renames it into place.
  Status close_and_commit();

  // Title, subject, author, company, keywords, comments = marking, created
  // from meta.created; custom properties Doelgroep/Markering/Gegevens tot en met.
  Status set_properties(const DocumentMeta& meta, const std::string& audience_code,
                        const std::string& subject, const std::string& data_as_of_iso);

 private:
  XlsxWorkbook(lxw_workbook* workbook, std::filesystem::path path, std::filesystem::path temporary);
  lxw_workbook* workbook_ = nullptr;
  std::filesystem::path path_;
  std::filesystem::path temporary_;
  std::vector<std::string> property_strings_;  // storage the C struct points into
};

// Status from an lxw_error: "what: libxlsxwriter message".
Status xlsx_status(lxw_error error, const std::string& what);

// A4 landscape, fit to one page wide, margins, header (marking left, title
// right) and footer (data-as-of left, "pagina &P van &N" centre, generated right).
Status xlsx_print_setup(lxw_worksheet* sheet, const DocumentMeta& meta);

// Tracks the widest text per column and sets the widths (in characters, clamped).
class ColumnWidths {
 public:
  void fit(std::size_t column, std::string_view text);
  void at_least(std::size_t column, double width);
  void apply(lxw_worksheet* sheet, double max_width = 60) const;

 private:
  std::vector<double> widths_;
};

// Excel colour from "#C0392B" (0 when malformed).
lxw_color_t xlsx_colour(const std::string& hex);

}  // namespace casus
