// The monthly monitoring report (maandrapportage) as data: the figures the
// logic computes for a month (this month, the previous month, the 12-month
// trend, a district × risk-group cross-table; protected for an aggregates-only
// audience) and, built from them, the report's tables, key figures, trend and
// notes with every value both as a number (for the workbook) and as text in
// the document language (for the PDF). The workbook writer and the PDF
// template both read this; neither computes a fact.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "config/config.h"
#include "core/date.h"
#include "logic/dataset_index.h"
#include "logic/disclosure.h"
#include "logic/indicator_set.h"
#include "render/document.h"

namespace casus {

// --- Figures (logic output, before formatting) --------------------------------

struct MonthlyFigures {
  YearMonth month;
  bool is_protected = false;  // disclosure control applied (board)
  int threshold = 5;
  IndicatorSet current;
  IndicatorSet previous;
  std::vector<IndicatorSet> trend;  // oldest first, ends with `month`
  // Active cases at E by district (rows, config order) × risk group 1..5
  // (columns), protected with protect_cross_table for a protected report. Left
  // out (nullopt) when its protected margins would not agree with the
  // published district and risk-group figures (then it could undo their
  // suppression).
  std::optional<ProtectedTable> district_by_risk_group;
};

// compute_indicators + protect_indicators (when `protect`) for the month and
// the month before, compute_trend, and the cross-table.
MonthlyFigures compute_monthly_figures(const DatasetIndex& index, const Config& config,
                                       YearMonth month, bool protect);

// --- The report ----------------------------------------------------------------

struct ReportValue {
  enum class Kind { empty, count, percentage, change, suppressed };
  Kind kind = Kind::empty;
  double number = 0;  // count, percentage (83.3) or change
  std::string text;   // as documents print it: "1.234", "83,3", "+4", "<5", "x", "–"
  bool is_number() const { return kind == Kind::count || kind == Kind::percentage || kind == Kind::change; }
};

// A value of an IndicatorValue ("<5" for primary, "x" for secondary suppression).
ReportValue report_value(const IndicatorValue& value, int threshold, Language language);
// this − previous when both are published numbers; empty otherwise.
ReportValue report_change(const IndicatorValue& current, const IndicatorValue& previous,
                          Language language);

struct ReportColumn {
  std::string header;
  std::string status;  // colour band code for the header ("rood") or ""
  bool change = false;
};

struct ReportRow {
  std::string code;  // indicator code, "" for rows that are not one
  std::string label;
  std::vector<ReportValue> values;
  bool total = false;
};

struct ReportGroup {
  std::string title;  // "" for a table with one group
  std::vector<ReportRow> rows;
};

struct ReportTable {
  std::string title;
  std::string label_header;
  std::vector<ReportColumn> columns;
  std::vector<ReportGroup> groups;
  std::string note;  // under the table, may be empty
};

struct ReportSheet {
  std::string name;   // worksheet name
  std::string title;  // heading
  std::vector<ReportTable> tables;
};

struct TrendSeries {
  std::string code;
  std::string name;
  std::vector<ReportValue> values;  // one per month
};

struct ReportTrend {
  std::vector<std::string> months;  // "okt 2026"
  std::vector<TrendSeries> series;  // active, inflow, outflow, risk_level.*, police_contact
  const TrendSeries* find(const std::string& code) const;
};

struct ReportKeyFigure {
  std::string code;
  std::string label;
  ReportValue value;
  std::string change;  // "+4 t.o.v. september" or ""
};

struct ReportDefinition {
  std::string code;
  std::string label;
  std::string text;
};

struct MonthlyReport {
  DocumentMeta meta;
  std::string audience_code;
  YearMonth month;
  Language language = Language::nl;
  bool is_protected = false;
  int threshold = 5;
  std::string month_label;     // "oktober 2026"
  std::string previous_label;  // "september 2026"
  std::string data_as_of;      // ISO date
  std::string lead;            // one-sentence summary
  std::vector<ReportKeyFigure> key_figures;
  ReportTable overview;  // every code: label, this month, previous month, change
  ReportTable flow;      // inflow and outflow with reasons
  std::vector<ReportSheet> sheets;  // Risicogroepen, Stadsdelen, Leefgebieden, Interventies
  ReportTrend trend;
  std::vector<ReportDefinition> definitions;
  std::vector<std::string> disclosure_note;  // paragraphs: the rule and what <5 and x mean
  std::vector<std::string> import_batches;
};

struct MonthlyReportInputs {
  const Config* config = nullptr;
  const Audience* audience = nullptr;
  Language language = Language::nl;
  Date data_as_of;
  DateTime now;
  std::vector<std::string> import_batches;
  std::string author;
};

MonthlyReport build_monthly_report(const MonthlyFigures& figures, const MonthlyReportInputs& inputs);

}  // namespace casus
