#include "render/xlsx_support.h"

#include <algorithm>
#include <ctime>

#include "core/file_io.h"
#include "core/text_encoding.h"
#include "render/labels.h"

namespace casus {

std::string xlsx_text(std::string_view text) {
  std::string clean;
  sanitize_utf8(text, clean);
  constexpr std::size_t kMax = 32767;
  if (utf8_length(clean) > kMax) {
    std::size_t count = 0, i = 0;
    for (; i < clean.size() && count < kMax; ++i) {
      if ((static_cast<unsigned char>(clean[i]) & 0xC0) != 0x80) ++count;
    }
    while (i < clean.size() && (static_cast<unsigned char>(clean[i]) & 0xC0) == 0x80) ++i;
    clean.resize(i);
  }
  return clean;
}

std::string xlsx_sheet_ref(const std::string& sheet) {
  std::string out = "'";
  for (char c : sheet) {
    out += c;
    if (c == '\'') out += '\'';
  }
  return out + "'";
}

Status xlsx_status(lxw_error error, const std::string& what) {
  if (error == LXW_NO_ERROR) return Status::ok();
  return Status::error(what + ": " + lxw_strerror(error));
}

Result<XlsxWorkbook> XlsxWorkbook::create(const std::filesystem::path& path, bool constant_memory) {
  std::error_code ec;
  if (!path.parent_path().empty()) std::filesystem::create_directories(path.parent_path(), ec);
  if (ec) return Status::error(path.parent_path().string() + ": cannot create folder: " + ec.message());
  const std::filesystem::path temporary = temporary_path_for(path);
  lxw_workbook_options options{};
  options.constant_memory = constant_memory ? LXW_TRUE : LXW_FALSE;
  options.tmpdir = nullptr;
  lxw_workbook* workbook = workbook_new_opt(temporary.c_str(), &options);
  if (!workbook) return Status::error(path.string() + ": cannot start the workbook");
  return XlsxWorkbook(workbook, path, temporary);
}

XlsxWorkbook::XlsxWorkbook(lxw_workbook* workbook, std::filesystem::path path,
                           std::filesystem::path temporary)
    : workbook_(workbook), path_(std::move(path)), temporary_(std::move(temporary)) {}

XlsxWorkbook::XlsxWorkbook(XlsxWorkbook&& other) noexcept
    : workbook_(other.workbook_),
      path_(std::move(other.path_)),
      temporary_(std::move(other.temporary_)),
      property_strings_(std::move(other.property_strings_)) {
  other.workbook_ = nullptr;
}

XlsxWorkbook::~XlsxWorkbook() {
  if (!workbook_) return;
  workbook_close(workbook_);
  std::error_code ec;
  std::filesystem::remove(temporary_, ec);
}

Status XlsxWorkbook::close_and_commit() {
  if (!workbook_) return Status::error(path_.string() + ": workbook already closed");
  const lxw_error error = workbook_close(workbook_);
  workbook_ = nullptr;
  if (error != LXW_NO_ERROR) {
    std::error_code ec;
    std::filesystem::remove(temporary_, ec);
    return xlsx_status(error, path_.string());
  }
  return commit_atomic(temporary_, path_);
}

Status XlsxWorkbook::set_properties(const DocumentMeta& meta, const std::string& audience_code,
                                    const std::string& subject, const std::string& data_as_of_iso) {
  property_strings_ = {xlsx_text(meta.title), xlsx_text(subject), xlsx_text(meta.author),
                       xlsx_text(meta.author), xlsx_text(meta.marking),
                       xlsx_text(meta.title + "; " + subject + "; " + audience_code)};
  lxw_doc_properties p{};
  p.title = property_strings_[0].data();
  p.subject = property_strings_[1].data();
  p.author = property_strings_[2].data();
  p.company = property_strings_[3].data();
  p.comments = property_strings_[4].data();
  p.keywords = property_strings_[5].data();
  std::tm tm{};
  tm.tm_year = meta.created.date.year - 1900;
  tm.tm_mon = meta.created.date.month - 1;
  tm.tm_mday = meta.created.date.day;
  tm.tm_hour = meta.created.hour;
  tm.tm_min = meta.created.minute;
  tm.tm_sec = meta.created.second;
  p.created = timegm(&tm);
  Status s = xlsx_status(workbook_set_properties(workbook_, &p), "document properties");
  if (!s) return s;
  const bool en = meta.language == Language::en;
  s = xlsx_status(workbook_set_custom_property_string(workbook_, en ? "Audience" : "Doelgroep",
                                                      xlsx_text(audience_code).c_str()),
                  "custom property");
  if (!s) return s;
  s = xlsx_status(workbook_set_custom_property_string(workbook_, en ? "Marking" : "Markering",
                                                      xlsx_text(meta.marking).c_str()),
                  "custom property");
  if (!s) return s;
  return xlsx_status(workbook_set_custom_property_string(
                         workbook_, en ? "Data as of" : "Gegevens tot en met", xlsx_text(data_as_of_iso).c_str()),
                     "custom property");
}

namespace {

// Header/footer text: '&' is a control character and must be doubled.
std::string header_escape(const std::string& text) {
  std::string out;
  for (char c : xlsx_text(text)) {
    out += c;
    if (c == '&') out += '&';
  }
  return out;
}

}  // namespace

Status xlsx_print_setup(lxw_worksheet* sheet, const DocumentMeta& meta) {
  worksheet_set_landscape(sheet);
  worksheet_set_paper(sheet, 9);  // A4
  worksheet_fit_to_pages(sheet, 1, 0);
  worksheet_set_margins(sheet, 0.5, 0.5, 0.8, 0.8);
  const WriterLabels& labels = writer_labels(meta.language);
  const std::string header = "&L&\"-,Bold\"&KA31F1F" + header_escape(meta.marking) + "&R" + header_escape(meta.title);
  // "pagina %1 van %2" with the page fields.
  std::string page = labels.page_of;
  if (auto p = page.find("%1"); p != std::string::npos) page.replace(p, 2, "&P");
  if (auto p = page.find("%2"); p != std::string::npos) page.replace(p, 2, "&N");
  std::string footer = "&L" + header_escape(std::string(labels.data_as_of) + " " + meta.data_as_of) + "&C" + page +
                       "&R" + header_escape(std::string(labels.generated) + " " + meta.generated_at);
  Status s = xlsx_status(worksheet_set_header(sheet, header.c_str()), "page header");
  if (!s) return s;
  return xlsx_status(worksheet_set_footer(sheet, footer.c_str()), "page footer");
}

void ColumnWidths::fit(std::size_t column, std::string_view text) {
  if (widths_.size() <= column) widths_.resize(column + 1, 0);
  widths_[column] = std::max(widths_[column], static_cast<double>(utf8_length(text)) + 2);
}

void ColumnWidths::at_least(std::size_t column, double width) {
  if (widths_.size() <= column) widths_.resize(column + 1, 0);
  widths_[column] = std::max(widths_[column], width);
}

void ColumnWidths::apply(lxw_worksheet* sheet, double max_width) const {
  for (std::size_t c = 0; c < widths_.size(); ++c) {
    if (widths_[c] <= 0) continue;
    const double w = std::clamp(widths_[c], 6.0, max_width);
    worksheet_set_column(sheet, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), w, nullptr);
  }
}

lxw_color_t xlsx_colour(const std::string& hex) {
  std::string h = hex;
  if (!h.empty() && h[0] == '#') h.erase(0, 1);
  if (h.size() != 6) return 0;
  try {
    return static_cast<lxw_color_t>(std::stoul(h, nullptr, 16));
  } catch (...) {
    return 0;
  }
}

}  // namespace casus
