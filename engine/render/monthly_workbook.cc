#include "render/monthly_workbook.h"

#include <cmath>

#include "core/text_encoding.h"
#include "render/labels.h"
#include "render/report_labels.h"
#include "render/style.h"
#include "render/xlsx_support.h"

namespace casus {

namespace {

struct Formats {
  lxw_format* title = nullptr;
  lxw_format* marking = nullptr;
  lxw_format* header = nullptr;
  lxw_format* header_right = nullptr;
  lxw_format* group = nullptr;
  lxw_format* text = nullptr;
  lxw_format* code = nullptr;
  lxw_format* wrap = nullptr;
  lxw_format* count = nullptr;
  lxw_format* percentage = nullptr;
  lxw_format* change = nullptr;
  lxw_format* change_pct = nullptr;
  lxw_format* suppressed = nullptr;
  lxw_format* total_text = nullptr;
  lxw_format* total_count = nullptr;
  lxw_format* total_suppressed = nullptr;
  lxw_format* total_change = nullptr;
  lxw_format* note = nullptr;
  lxw_format* bold = nullptr;
};

lxw_color_t rgb(const style::Rgb& c) {
  return (static_cast<lxw_color_t>(c.r) << 16) | (static_cast<lxw_color_t>(c.g) << 8) | c.b;
}

Formats make_formats(lxw_workbook* wb) {
  Formats f;
  auto add = [&]() {
    lxw_format* x = workbook_add_format(wb);
    format_set_font_name(x, "Calibri");
    format_set_font_size(x, 11);
    format_set_font_color(x, rgb(style::kText));
    return x;
  };
  f.title = add();
  format_set_bold(f.title);
  format_set_font_size(f.title, 15);
  format_set_font_color(f.title, rgb(style::kAccentDark));
  f.marking = add();
  format_set_italic(f.marking);
  format_set_font_color(f.marking, rgb(style::kMarking));
  f.header = add();
  format_set_bold(f.header);
  format_set_bg_color(f.header, rgb(style::kAccentTint));
  format_set_bottom(f.header, LXW_BORDER_THIN);
  format_set_bottom_color(f.header, rgb(style::kAccent));
  format_set_text_wrap(f.header);
  format_set_align(f.header, LXW_ALIGN_VERTICAL_TOP);
  f.header_right = add();
  format_set_bold(f.header_right);
  format_set_bg_color(f.header_right, rgb(style::kAccentTint));
  format_set_bottom(f.header_right, LXW_BORDER_THIN);
  format_set_bottom_color(f.header_right, rgb(style::kAccent));
  format_set_align(f.header_right, LXW_ALIGN_RIGHT);
  format_set_text_wrap(f.header_right);
  format_set_align(f.header_right, LXW_ALIGN_VERTICAL_TOP);
  f.group = add();
  format_set_bold(f.group);
  format_set_font_color(f.group, rgb(style::kAccentDark));
  f.text = add();
  f.code = add();
  format_set_font_color(f.code, rgb(style::kMuted));
  f.wrap = add();
  format_set_text_wrap(f.wrap);
  format_set_align(f.wrap, LXW_ALIGN_VERTICAL_TOP);
  f.count = add();
  format_set_num_format(f.count, "#,##0");
  f.percentage = add();
  format_set_num_format(f.percentage, "0.0");
  f.change = add();
  format_set_num_format(f.change, "+#,##0;-#,##0;0");
  f.change_pct = add();
  format_set_num_format(f.change_pct, "+0.0;-0.0;0.0");
  f.suppressed = add();
  format_set_align(f.suppressed, LXW_ALIGN_RIGHT);
  format_set_font_color(f.suppressed, rgb(style::kMuted));
  f.total_text = add();
  format_set_bold(f.total_text);
  format_set_top(f.total_text, LXW_BORDER_THIN);
  f.total_count = add();
  format_set_bold(f.total_count);
  format_set_top(f.total_count, LXW_BORDER_THIN);
  format_set_num_format(f.total_count, "#,##0");
  f.total_suppressed = add();
  format_set_bold(f.total_suppressed);
  format_set_top(f.total_suppressed, LXW_BORDER_THIN);
  format_set_align(f.total_suppressed, LXW_ALIGN_RIGHT);
  f.total_change = add();
  format_set_bold(f.total_change);
  format_set_top(f.total_change, LXW_BORDER_THIN);
  format_set_num_format(f.total_change, "+#,##0;-#,##0;0");
  f.note = add();
  format_set_italic(f.note);
  format_set_font_color(f.note, rgb(style::kMuted));
  format_set_text_wrap(f.note);
  format_set_align(f.note, LXW_ALIGN_VERTICAL_TOP);
  f.bold = add();
  format_set_bold(f.bold);
  return f;
}

class SheetWriter {
 public:
  SheetWriter(lxw_worksheet* ws, const Formats& f) : ws_(ws), f_(f) {}

  void text(std::size_t row, std::size_t col, const std::string& s, lxw_format* fmt, bool fit = true) {
    const std::string clean = xlsx_text(s);
    keep(worksheet_write_string(ws_, r(row), c(col), clean.c_str(), fmt));
    if (fit) widths_.fit(col, clean);
  }

  void value(std::size_t row, std::size_t col, const ReportValue& v, bool total) {
    switch (v.kind) {
      case ReportValue::Kind::count:
        keep(worksheet_write_number(ws_, r(row), c(col), v.number, total ? f_.total_count : f_.count));
        break;
      case ReportValue::Kind::percentage:
        keep(worksheet_write_number(ws_, r(row), c(col), v.number, f_.percentage));
        break;
      case ReportValue::Kind::change:
        keep(worksheet_write_number(ws_, r(row), c(col), v.number,
                                    std::floor(v.number) != v.number ? f_.change_pct
                                                                      : (total ? f_.total_change : f_.change)));
        break;
      case ReportValue::Kind::suppressed:
        keep(worksheet_write_string(ws_, r(row), c(col), xlsx_text(v.text).c_str(),
                                    total ? f_.total_suppressed : f_.suppressed));
        break;
      case ReportValue::Kind::empty:
        keep(worksheet_write_blank(ws_, r(row), c(col), total ? f_.total_text : nullptr));
        break;
    }
  }

  // Writes the table's header at `row` and its rows below; returns the next free row.
  // With `code_column`, column 0 holds each row's indicator code.
  std::size_t table(std::size_t row, const ReportTable& t, bool code_column, lxw_workbook* wb,
                    const Config* config_for_bands = nullptr) {
    const std::size_t first_value = code_column ? 2 : 1;
    if (code_column) text(row, 0, report_words_.code, f_.header, false);
    text(row, first_value - 1, t.label_header, f_.header, false);
    for (std::size_t i = 0; i < t.columns.size(); ++i) {
      lxw_format* fmt = f_.header_right;
      if (!t.columns[i].status.empty()) fmt = band_format(wb, t.columns[i].status, config_for_bands);
      text(row, first_value + i, t.columns[i].header, fmt, false);
      widths_.at_least(first_value + i, std::min<double>(18, utf8_length(t.columns[i].header) + 3));
      widths_.at_least(first_value + i, 11);
    }
    ++row;
    for (const auto& g : t.groups) {
      if (!g.title.empty()) {
        text(row, first_value - 1, g.title, f_.group);
        ++row;
      }
      for (const auto& rr : g.rows) {
        if (code_column) text(row, 0, rr.code, f_.code);
        text(row, first_value - 1, rr.label, rr.total ? f_.total_text : f_.text);
        for (std::size_t i = 0; i < rr.values.size(); ++i) value(row, first_value + i, rr.values[i], rr.total);
        ++row;
      }
    }
    if (!t.note.empty()) {
      text(row, first_value - 1, t.note, f_.note, false);
      ++row;
    }
    return row;
  }

  lxw_format* band_format(lxw_workbook* wb, const std::string& band, const Config*) {
    auto it = band_formats_.find(band);
    if (it != band_formats_.end()) return it->second;
    lxw_format* x = workbook_add_format(wb);
    format_set_bold(x);
    format_set_align(x, LXW_ALIGN_RIGHT);
    const doc::StatusLevel level = band == "rood"     ? doc::StatusLevel::red
                                   : band == "oranje" ? doc::StatusLevel::orange
                                   : band == "groen"  ? doc::StatusLevel::green
                                                      : doc::StatusLevel::grey;
    format_set_bg_color(x, rgb(style::status_tint(level)));
    format_set_bottom(x, LXW_BORDER_THICK);
    format_set_bottom_color(x, rgb(style::status_band(level)));
    format_set_font_color(x, rgb(style::kText));
    band_formats_.emplace(band, x);
    return x;
  }

  void title(const std::string& heading, const DocumentMeta& meta) {
    text(0, 0, heading, f_.title, false);
    text(1, 0, meta.marking, f_.marking, false);
  }

  void finish(double max_width = 60) { widths_.apply(ws_, max_width); }
  ColumnWidths& widths() { return widths_; }
  lxw_worksheet* ws() const { return ws_; }
  lxw_error error() const { return error_; }
  void set_words(const ReportWords& w) { report_words_ = w; }

 private:
  static lxw_row_t r(std::size_t row) { return static_cast<lxw_row_t>(row); }
  static lxw_col_t c(std::size_t col) { return static_cast<lxw_col_t>(col); }
  void keep(lxw_error e) {
    if (e != LXW_NO_ERROR && error_ == LXW_NO_ERROR) error_ = e;
  }

  lxw_worksheet* ws_;
  const Formats& f_;
  ColumnWidths widths_;
  lxw_error error_ = LXW_NO_ERROR;
  ReportWords report_words_ = report_words(Language::nl);
  std::map<std::string, lxw_format*> band_formats_;
};

std::string range(const std::string& sheet, std::size_t first_row, std::size_t col, std::size_t last_row) {
  auto cell = [](std::size_t row, std::size_t column) {
    std::string letters;
    std::size_t n = column + 1;
    while (n > 0) {
      letters.insert(letters.begin(), static_cast<char>('A' + (n - 1) % 26));
      n = (n - 1) / 26;
    }
    return "$" + letters + "$" + std::to_string(row + 1);
  };
  return "=" + xlsx_sheet_ref(sheet) + "!" + cell(first_row, col) + ":" + cell(last_row, col);
}

lxw_chart* add_chart(lxw_workbook* wb, std::uint8_t type, const std::string& title, const std::string& y_label) {
  lxw_chart* chart = workbook_add_chart(wb, type);
  chart_title_set_name(chart, xlsx_text(title).c_str());
  chart_axis_set_name(chart->y_axis, xlsx_text(y_label).c_str());
  chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
  chart_axis_major_gridlines_set_visible(chart->y_axis, LXW_TRUE);
  return chart;
}

void add_series(lxw_chart* chart, const std::string& sheet, std::size_t header_row, std::size_t first_row,
                std::size_t last_row, std::size_t category_col, std::size_t value_col, std::size_t colour_index) {
  lxw_chart_series* s = chart_add_series(chart, range(sheet, first_row, category_col, last_row).c_str(),
                                         range(sheet, first_row, value_col, last_row).c_str());
  const std::string name_ref = xlsx_sheet_ref(sheet);
  chart_series_set_name_range(s, sheet.c_str(), static_cast<lxw_row_t>(header_row),
                              static_cast<lxw_col_t>(value_col));
  (void)name_ref;
  const style::Rgb colour = style::series_colour(colour_index);
  lxw_chart_fill fill{};
  fill.color = rgb(colour);
  lxw_chart_line line{};
  line.color = rgb(colour);
  line.width = 2.25;
  chart_series_set_fill(s, &fill);
  chart_series_set_line(s, &line);
}

}  // namespace

Status write_monthly_workbook(const MonthlyReport& report, const std::filesystem::path& path) {
  auto opened = XlsxWorkbook::create(path, false);
  if (!opened) return opened.status();
  XlsxWorkbook& book = *opened;
  lxw_workbook* wb = book.get();
  const Language lang = report.language;
  const ReportWords& w = report_words(lang);
  const DocumentMeta& meta = report.meta;
  Status s = book.set_properties(meta, report.audience_code, report.month_label, report.data_as_of);
  if (!s) return s;
  const Formats f = make_formats(wb);
  std::vector<SheetWriter> writers;
  writers.reserve(8);
  auto new_sheet = [&](const std::string& name) -> SheetWriter& {
    lxw_worksheet* ws = workbook_add_worksheet(wb, xlsx_text(name).c_str());
    writers.emplace_back(ws, f);
    writers.back().set_words(w);
    return writers.back();
  };

  // Overzicht: header on the first row, one row per code.
  {
    SheetWriter& sw = new_sheet(w.overview_sheet);
    const std::size_t end = sw.table(0, report.overview, true, wb);
    (void)end;
    worksheet_freeze_panes(sw.ws(), 1, 2);
    worksheet_repeat_rows(sw.ws(), 0, 0);
    worksheet_autofilter(sw.ws(), 0, 0, static_cast<lxw_row_t>(end - 1), 4);
    s = xlsx_print_setup(sw.ws(), meta);
    if (!s) return s;
    sw.finish();
  }

  // Breakdown sheets: title, marking, then their tables.
  for (const ReportSheet& sheet : report.sheets) {
    SheetWriter& sw = new_sheet(sheet.name);
    sw.title(sheet.title, meta);
    std::size_t row = 3;
    std::size_t first_table_end = 0;
    for (std::size_t i = 0; i < sheet.tables.size(); ++i) {
      const ReportTable& t = sheet.tables[i];
      if (i > 0) {
        sw.text(row, 0, t.title, f.bold, false);
        ++row;
      }
      const std::size_t start = row;
      row = sw.table(row, t, false, wb);
      if (i == 0) first_table_end = row;
      // Districts: a column chart of this month and the previous month.
      if (i == 0 && sheet.name == w.district_sheet && !t.groups.empty()) {
        const std::size_t last = start + t.groups[0].rows.size() - 1;  // without the total row
        lxw_chart* chart = add_chart(wb, LXW_CHART_COLUMN, sheet.title, lang == Language::en ? "cases" : "casussen");
        add_series(chart, sheet.name, start, start + 1, last, 0, 2, 0);
        add_series(chart, sheet.name, start, start + 1, last, 0, 1, 1);
        lxw_chart_options options{};
        options.x_offset = 10;
        options.x_scale = 1.4;
        options.y_scale = 1.2;
        worksheet_insert_chart_opt(sw.ws(), 3, 8, chart, &options);
      }
      ++row;
    }
    (void)first_table_end;
    worksheet_freeze_panes(sw.ws(), 4, 1);
    worksheet_repeat_rows(sw.ws(), 3, 3);
    s = xlsx_print_setup(sw.ws(), meta);
    if (!s) return s;
    sw.widths().at_least(0, 24);
    sw.finish(48);
  }

  // Trend: months down, series across, three native charts beside.
  {
    SheetWriter& sw = new_sheet(w.trend_sheet);
    sw.title(lang == Language::en ? "Trend over twelve months" : "Verloop over twaalf maanden", meta);
    const std::size_t header = 3;
    sw.text(header, 0, w.month, f.header);
    for (std::size_t i = 0; i < report.trend.series.size(); ++i) {
      sw.text(header, i + 1, report.trend.series[i].name, f.header_right, false);
      sw.widths().at_least(i + 1, 14);
    }
    for (std::size_t m = 0; m < report.trend.months.size(); ++m) {
      sw.text(header + 1 + m, 0, report.trend.months[m], f.text);
      for (std::size_t i = 0; i < report.trend.series.size(); ++i) {
        sw.value(header + 1 + m, i + 1, report.trend.series[i].values[m], false);
      }
    }
    worksheet_set_row(sw.ws(), header, 45, nullptr);
    const std::size_t first = header + 1;
    const std::size_t last = header + report.trend.months.size();
    auto column_of = [&](const std::string& code) -> std::size_t {
      for (std::size_t i = 0; i < report.trend.series.size(); ++i) {
        if (report.trend.series[i].code == code) return i + 1;
      }
      return 0;
    };
    const std::string cases = lang == Language::en ? "cases" : "casussen";
    const std::string& name = w.trend_sheet;
    lxw_chart* line = add_chart(wb, LXW_CHART_LINE,
                                lang == Language::en ? "Active cases (end of month)" : "Actieve casussen (eind maand)",
                                cases);
    add_series(line, name, header, first, last, 0, column_of("active"), 0);
    lxw_chart* flow = add_chart(wb, LXW_CHART_COLUMN,
                                lang == Language::en ? "Inflow, outflow, police contact" : "Instroom, uitstroom, politiecontact",
                                cases);
    add_series(flow, name, header, first, last, 0, column_of("inflow"), 0);
    add_series(flow, name, header, first, last, 0, column_of("outflow"), 1);
    add_series(flow, name, header, first, last, 0, column_of("police_contact"), 2);
    lxw_chart* risk = add_chart(wb, LXW_CHART_COLUMN_STACKED,
                                lang == Language::en ? "Active cases by risk level" : "Actieve casussen naar risiconiveau",
                                cases);
    std::size_t colour = 0;
    for (const auto& series : report.trend.series) {
      if (series.code.rfind("risk_level.", 0) == 0) {
        add_series(risk, name, header, first, last, 0, column_of(series.code), colour++);
      }
    }
    lxw_chart_options options{};
    options.x_scale = 1.5;
    options.y_scale = 1.1;
    const lxw_row_t chart_row = static_cast<lxw_row_t>(last + 2);
    worksheet_insert_chart_opt(sw.ws(), chart_row, 0, line, &options);
    worksheet_insert_chart_opt(sw.ws(), chart_row, 5, flow, &options);
    worksheet_insert_chart_opt(sw.ws(), chart_row + 18, 0, risk, &options);
    worksheet_freeze_panes(sw.ws(), 4, 1);
    s = xlsx_print_setup(sw.ws(), meta);
    if (!s) return s;
    sw.finish();
  }

  // Toelichting: definitions, disclosure rule, data-as-of, import batches.
  {
    SheetWriter& sw = new_sheet(w.notes_sheet);
    sw.title(lang == Language::en ? "Notes and definitions" : "Toelichting en definities", meta);
    std::size_t row = 3;
    constexpr double kDefinitionWidth = 90;
    auto paragraph = [&](std::size_t at, const std::string& label, const std::string& text) {
      if (!label.empty()) sw.text(at, 0, label, f.bold);
      sw.text(at, 2, text, f.wrap, false);
      const double lines = std::ceil(static_cast<double>(utf8_length(text)) / (kDefinitionWidth * 1.1));
      if (lines > 1) worksheet_set_row(sw.ws(), static_cast<lxw_row_t>(at), 15 * lines, nullptr);
    };
    const WriterLabels& labels = writer_labels(lang);
    if (report.is_protected) {
      sw.text(row++, 0, lang == Language::en ? "Protection against disclosure" : "Bescherming tegen herleidbaarheid",
              f.group, false);
    }
    for (const auto& p : report.disclosure_note) paragraph(row++, "", p);
    ++row;
    paragraph(row++, labels.data_as_of, meta.data_as_of);
    paragraph(row++, labels.generated, meta.generated_at);
    paragraph(row++, labels.audience, meta.audience);
    paragraph(row++, lang == Language::en ? "Marking" : "Markering", meta.marking);
    sw.text(row, 0, lang == Language::en ? "Import batches" : "Importbestanden", f.bold);
    if (report.import_batches.empty()) {
      paragraph(row++, "", lang == Language::en ? "none recorded" : "geen vastgelegd");
    }
    for (const auto& b : report.import_batches) paragraph(row++, "", b);
    ++row;
    sw.text(row, 0, w.code, f.header, false);
    sw.text(row, 1, w.indicator, f.header, false);
    sw.text(row, 2, w.definition, f.header, false);
    ++row;
    for (const auto& d : report.definitions) {
      sw.text(row, 0, d.code, f.code);
      sw.text(row, 1, d.label, f.text);
      paragraph(row, "", d.text);
      ++row;
    }
    worksheet_set_column(sw.ws(), 2, 2, kDefinitionWidth, nullptr);
    s = xlsx_print_setup(sw.ws(), meta);
    if (!s) return s;
    sw.widths().at_least(0, 18);
    sw.finish(40);
  }

  for (const auto& sw : writers) {
    if (sw.error() != LXW_NO_ERROR) return xlsx_status(sw.error(), path.string());
  }
  return book.close_and_commit();
}

}  // namespace casus
