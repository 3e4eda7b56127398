#include "render/caselist_workbook.h"

#include <map>

#include "core/text_encoding.h"
#include "render/labels.h"
#include "render/report_labels.h"
#include "render/style.h"
#include "render/xlsx_support.h"

namespace casus {

namespace {

lxw_color_t rgb(const style::Rgb& c) {
  return (static_cast<lxw_color_t>(c.r) << 16) | (static_cast<lxw_color_t>(c.g) << 8) | c.b;
}

lxw_datetime excel_date(const Date& d) { return lxw_datetime{d.year, d.month, d.day, 0, 0, 0}; }

}  // namespace

Result<CaseListStats> write_caselist_workbook(const CaseList& list, const DocumentMeta& meta,
                                              const std::filesystem::path& path) {
  auto opened = XlsxWorkbook::create(path, true);
  if (!opened) return opened.status();
  XlsxWorkbook& book = *opened;
  lxw_workbook* wb = book.get();
  const Language lang = list.language();
  const bool en = lang == Language::en;
  Status s = book.set_properties(meta, "staff", list.month().iso(), list.month().last_day().iso());
  if (!s) return s;

  lxw_format* title = workbook_add_format(wb);
  format_set_bold(title);
  format_set_font_size(title, 14);
  format_set_font_color(title, rgb(style::kAccentDark));
  lxw_format* marking = workbook_add_format(wb);
  format_set_bold(marking);
  format_set_font_color(marking, rgb(style::kMarking));
  lxw_format* muted = workbook_add_format(wb);
  format_set_font_color(muted, rgb(style::kMuted));
  lxw_format* header = workbook_add_format(wb);
  format_set_bold(header);
  format_set_bg_color(header, rgb(style::kAccentTint));
  format_set_bottom(header, LXW_BORDER_THIN);
  format_set_text_wrap(header);
  format_set_align(header, LXW_ALIGN_VERTICAL_TOP);
  lxw_format* date = workbook_add_format(wb);
  format_set_num_format(date, "dd-mm-yyyy");
  format_set_align(date, LXW_ALIGN_LEFT);
  lxw_format* centre = workbook_add_format(wb);
  format_set_align(centre, LXW_ALIGN_CENTER);
  lxw_format* overdue = workbook_add_format(wb);  // conditional: review overdue
  format_set_bg_color(overdue, rgb(style::status_tint(doc::StatusLevel::red)));
  format_set_font_color(overdue, rgb(style::kMarking));
  format_set_bold(overdue);
  std::map<std::string, lxw_format*> band_format;  // conditional: life-domain bands
  std::vector<std::string> bands;
  for (const auto& b : list.config().monitoring.bands) bands.push_back(b.code);
  bands.push_back("onbekend");
  for (const auto& b : bands) {
    lxw_format* x = workbook_add_format(wb);
    format_set_bg_color(x, rgb(style::status_tint(band_status_level(b))));
    format_set_left(x, LXW_BORDER_THICK);
    format_set_left_color(x, rgb(style::status_band(band_status_level(b))));
    band_format.emplace(b, x);
  }

  lxw_worksheet* ws = workbook_add_worksheet(wb, en ? "Case list" : "Casuslijst");
  const std::vector<std::string> headers = list.headers();
  const std::size_t columns = headers.size();
  const std::size_t header_row = 2;
  const std::size_t first = header_row + 1;
  const std::size_t last = list.size() == 0 ? first : first + list.size() - 1;
  const std::size_t domain0 = list.first_domain_column();
  const std::size_t domain_end = domain0 + list.domain_count();  // exclusive

  // Everything that refers to rows goes in before the first row is written.
  const double widths[] = {15, 22, 10, 22, 14, 13, 14, 14, 12};
  for (std::size_t c = 0; c < columns; ++c) {
    double w = c < 9 ? widths[c] : (c < domain_end ? 13 : 60);
    worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), w,
                         (c == 2 || c == 8) ? centre : nullptr);
  }
  worksheet_freeze_panes(ws, static_cast<lxw_row_t>(first), 1);
  s = xlsx_status(worksheet_autofilter(ws, static_cast<lxw_row_t>(header_row), 0, static_cast<lxw_row_t>(last),
                                       static_cast<lxw_col_t>(columns - 1)),
                  "autofilter");
  if (!s) return s;
  worksheet_repeat_rows(ws, static_cast<lxw_row_t>(header_row), static_cast<lxw_row_t>(header_row));
  s = xlsx_print_setup(ws, meta);
  if (!s) return s;

  // Overdue review: the due date and the flag, when the flag says yes.
  const std::string yes = list.yes();
  const std::string overdue_formula = "=$H" + std::to_string(first + 1) + "=\"" + yes + "\"";
  lxw_conditional_format cf{};
  cf.type = LXW_CONDITIONAL_TYPE_FORMULA;
  cf.value_string = const_cast<char*>(overdue_formula.c_str());
  cf.format = overdue;
  s = xlsx_status(worksheet_conditional_format_range(ws, static_cast<lxw_row_t>(first), 6,
                                                     static_cast<lxw_row_t>(last), 7, &cf),
                  "conditional format");
  if (!s) return s;
  // Life-domain bands: by the label the cell begins with.
  for (const auto& b : bands) {
    // A formula rule rather than LXW_CONDITIONAL_TYPE_TEXT: libxlsxwriter 1.1.4
    // writes the begins-with formula against the range's last column.
    const std::string label = xlsx_text(band_short_label(list.config(), b, lang));
    std::string quoted;
    for (char ch : label) quoted += ch == '"' ? std::string("\"\"") : std::string(1, ch);
    const std::string formula = "=LEFT(" + std::string(1, static_cast<char>('A' + domain0)) + std::to_string(first + 1) +
                                ", " + std::to_string(utf8_length(label)) + ")=\"" + quoted + "\"";
    lxw_conditional_format band_cf{};
    band_cf.type = LXW_CONDITIONAL_TYPE_FORMULA;
    band_cf.value_string = const_cast<char*>(formula.c_str());
    band_cf.format = band_format[b];
    s = xlsx_status(worksheet_conditional_format_range(ws, static_cast<lxw_row_t>(first),
                                                       static_cast<lxw_col_t>(domain0), static_cast<lxw_row_t>(last),
                                                       static_cast<lxw_col_t>(domain_end - 1), &band_cf),
                    "conditional format");
    if (!s) return s;
  }

  CaseListStats stats;
  lxw_error error = LXW_NO_ERROR;
  auto keep = [&](lxw_error e) {
    if (e != LXW_NO_ERROR && error == LXW_NO_ERROR) error = e;
  };
  const WriterLabels& labels = writer_labels(lang);
  const std::string title_text = xlsx_text(meta.title + " — " + meta.subtitle);
  keep(worksheet_write_string(ws, 0, 0, title_text.c_str(), title));
  keep(worksheet_write_string(ws, 0, 4, xlsx_text(meta.marking).c_str(), marking));
  keep(worksheet_write_string(
      ws, 1, 0,
      xlsx_text(std::string(labels.data_as_of) + " " + meta.data_as_of + " · " + labels.generated + " " +
                meta.generated_at)
          .c_str(),
      muted));
  worksheet_set_row(ws, static_cast<lxw_row_t>(header_row), 32, nullptr);
  for (std::size_t c = 0; c < columns; ++c) {
    keep(worksheet_write_string(ws, static_cast<lxw_row_t>(header_row), static_cast<lxw_col_t>(c),
                                xlsx_text(headers[c]).c_str(), header));
  }

  std::string buffer;
  auto text = [&](lxw_row_t r, std::size_t c, const std::string& value) {
    if (value.empty()) return;
    buffer.clear();
    if (is_valid_utf8(value)) {
      keep(worksheet_write_string(ws, r, static_cast<lxw_col_t>(c), value.c_str(), nullptr));
    } else {
      buffer = xlsx_text(value);
      keep(worksheet_write_string(ws, r, static_cast<lxw_col_t>(c), buffer.c_str(), nullptr));
    }
    ++stats.cells;
  };
  for (std::size_t i = 0; i < list.size(); ++i) {
    const CaseListRow row = list.row(i);
    const lxw_row_t r = static_cast<lxw_row_t>(first + i);
    text(r, 0, row.pseudonym);
    text(r, 1, row.regisseur);
    keep(worksheet_write_number(ws, r, 2, row.risk_group, nullptr));
    text(r, 3, row.stage);
    text(r, 4, row.judgement);
    if (row.judged_on) {
      lxw_datetime d = excel_date(*row.judged_on);
      keep(worksheet_write_datetime(ws, r, 5, &d, date));
      ++stats.cells;
    }
    lxw_datetime due = excel_date(row.review_due);
    keep(worksheet_write_datetime(ws, r, 6, &due, date));
    text(r, 7, row.overdue_label);
    keep(worksheet_write_number(ws, r, 8, row.escalation_level, nullptr));
    stats.cells += 3;
    for (std::size_t d = 0; d < row.domains.size(); ++d) text(r, domain0 + d, row.domains[d].label);
    text(r, domain_end, row.instruments);
    ++stats.rows;
    if (error != LXW_NO_ERROR) break;
  }
  if (error != LXW_NO_ERROR) return xlsx_status(error, path.string());

  // Notes sheet.
  lxw_worksheet* notes = workbook_add_worksheet(wb, en ? "Notes" : "Toelichting");
  worksheet_set_column(notes, 0, 0, 110, nullptr);
  std::vector<std::string> lines = {meta.title + " — " + meta.subtitle, meta.marking};
  for (std::string& note : list.notes()) lines.push_back(std::move(note));
  lines.push_back(std::string(labels.data_as_of) + " " + meta.data_as_of + "; " + labels.generated + " " +
                  meta.generated_at);
  lxw_format* wrap = workbook_add_format(wb);
  format_set_text_wrap(wrap);
  format_set_align(wrap, LXW_ALIGN_VERTICAL_TOP);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    lxw_format* fmt = i == 0 ? title : (i == 1 ? marking : wrap);
    if (lines[i].size() > 110) worksheet_set_row(notes, static_cast<lxw_row_t>(i), 32, nullptr);
    keep(worksheet_write_string(notes, static_cast<lxw_row_t>(i), 0, xlsx_text(lines[i]).c_str(), fmt));
  }
  s = xlsx_print_setup(notes, meta);
  if (!s) return s;
  if (error != LXW_NO_ERROR) return xlsx_status(error, path.string());
  s = book.close_and_commit();
  if (!s) return s;
  return stats;
}

}  // namespace casus
