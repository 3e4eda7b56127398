// The monthly report: figures, context, workbook (read back with openpyxl and
// from its XML) and the PDF through the template and the document tree.
#include <catch2/catch.hpp>

#include <map>
#include <regex>
#include <sstream>

#include "core/number_format.h"
#include "logic/dataset_index.h"
#include "logic/disclosure.h"
#include "logic/indicators_json.h"
#include "logic/monitoring_indicators.h"
#include "monthly_fixture.h"
#include "render/monthly_context.h"
#include "render/monthly_document.h"
#include "render/monthly_workbook.h"
#include "render/pdf_writer.h"
#include "test_support.h"

using namespace casus;
using namespace casus::testing;
namespace fs = std::filesystem;

namespace {

const YearMonth kMonth{2026, 10};

MonthlyReport make_report(const Dataset& data, bool protect, Language language = Language::nl,
                          MonthlyFigures* figures_out = nullptr) {
  const Config& config = report_config();
  const DatasetIndex index(data);
  MonthlyFigures figures = compute_monthly_figures(index, config, kMonth, protect);
  MonthlyReportInputs in;
  in.config = &config;
  in.audience = config.find_audience(protect ? "board" : "staff");
  in.language = language;
  in.data_as_of = data.data_as_of;
  in.now = DateTime{Date{2026, 11, 28}, 9, 0, 0};
  in.import_batches = data.import_batches;
  MonthlyReport report = build_monthly_report(figures, in);
  if (figures_out) *figures_out = std::move(figures);
  return report;
}

// Reads the workbook: Overzicht values, small counts anywhere, identifiers, charts.
const char* kReader = R"PY(
import sys, re, zipfile, openpyxl
path = sys.argv[1]
wb = openpyxl.load_workbook(path)
print("SHEETS " + "|".join(wb.sheetnames))
ov = wb.worksheets[0]
print("HEADER " + "|".join(str(c.value) for c in ov[1]))
for s in wb.worksheets:
    print("SETUP %s %s %s %s" % (s.title, s.freeze_panes, s.page_setup.orientation, s.sheet_properties.pageSetUpPr.fitToPage))
def fmt(code, v):
    if v is None: return "null"
    if isinstance(v, str): return v if v == "x" else '"' + v + '"'
    if code.endswith("_pct"): return "%.1f" % v
    return str(int(v))
for row in ov.iter_rows(min_row=2):
    code = row[0].value
    print("V %s %s %s" % (code, fmt(code, row[2].value), fmt(code, row[3].value)))
small = []
for s in wb.worksheets:
    for row in s.iter_rows():
        for c in row:
            if isinstance(c.value, (int, float)) and not isinstance(c.value, bool):
                nf = c.number_format
                if nf.startswith("+") or nf == "0.0": continue
                if 1 <= c.value <= 4: small.append("%s!%s=%s" % (s.title, c.coordinate, c.value))
print("SMALL %d %s" % (len(small), " ".join(small[:8])))
z = zipfile.ZipFile(path)
text = "".join(z.read(n).decode("utf-8") for n in z.namelist() if n.endswith(".xml"))
print("CASEIDS %d" % len(re.findall(r"CASE-\d+", text)))
print("NAMES %d" % len(re.findall(r"Zwartveen|Testvoornaam", text)))
print("PSEUDONYMS %d" % len(re.findall(r"C-[0-9A-Z]{10}", text)))
charts = sorted((n for n in z.namelist() if re.match(r"xl/charts/chart\d+\.xml", n)), key=lambda n: int(re.findall(r"\d+", n)[0]))
for n in charts:
    x = z.read(n).decode("utf-8")
    kinds = ",".join(re.findall(r"<c:(lineChart|barChart)>", x))
    grouping = ",".join(re.findall(r'<c:grouping val="(\w+)"', x))
    vals = "|".join(re.findall(r"<c:val><c:numRef><c:f>([^<]+)</c:f>", x))
    print("CHART %s %s %s" % (kinds, grouping, vals))
print("TITLE %s" % wb.properties.title)
print("HEADERTEXT %s" % ov.oddHeader.left.text)
)PY";

std::vector<std::string> all_lines(const std::string& output, const std::string& prefix) {
  std::vector<std::string> out;
  std::istringstream in(output);
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind(prefix + " ", 0) == 0) out.push_back(line.substr(prefix.size() + 1));
  }
  return out;
}

std::string one(const std::string& output, const std::string& prefix) {
  auto l = all_lines(output, prefix);
  return l.empty() ? "<missing " + prefix + ">" : l.front();
}

// The value of a protected indicator as the workbook must hold it: JSON form,
// except secondary suppression, which documents show as x.
std::string expected_cell(const IndicatorValue& v, int threshold) {
  if (v.state == IndicatorValue::State::suppressed_secondary) return "x";
  return indicator_json_value(v, threshold);
}

bool is_small_count(const std::string& text) {
  static const std::regex count(R"(^[0-9]+$)");
  if (!std::regex_match(text, count)) return false;
  const long n = std::stol(text);
  return n >= 1 && n <= 4;
}

}  // namespace

TEST_CASE("monthly figures: board protection is the indicator protection, the cross-table agrees with it") {
  const Dataset data = report_dataset(220);
  const Config& config = report_config();
  MonthlyFigures figures;
  make_report(data, true, Language::nl, &figures);
  const DatasetIndex index(data);
  const IndicatorSet expected = protect_indicators(compute_indicators(index, config, kMonth), config);
  CHECK(indicators_to_json(figures.current) == indicators_to_json(expected));
  CHECK(indicators_to_json(figures.previous) ==
        indicators_to_json(protect_indicators(compute_indicators(index, config, kMonth.previous()), config)));
  REQUIRE(figures.trend.size() == 12);
  CHECK(figures.trend.front().month == YearMonth{2025, 11});
  CHECK(figures.trend.back().month == kMonth);
  // This data has small cells: primary and secondary suppression both occur.
  int primary = 0, secondary = 0;
  for (const auto& item : figures.current.items) {
    primary += item.value.state == IndicatorValue::State::suppressed_primary;
    secondary += item.value.state == IndicatorValue::State::suppressed_secondary;
  }
  CHECK(primary > 0);
  CHECK(secondary > 0);
  if (figures.district_by_risk_group) {
    const ProtectedTable& t = *figures.district_by_risk_group;
    for (std::size_t r = 0; r < config.districts.size(); ++r) {
      const IndicatorValue* d = figures.current.find("active_by_district." + config.districts[r].code);
      REQUIRE(d);
      CHECK(t.row_totals[r].published() == d->published());
    }
  }
}

TEST_CASE("monthly context: values keep numbers and print in the document language") {
  CHECK(report_value(IndicatorValue::of_count(1234), 5, Language::nl).text == "1.234");
  CHECK(report_value(IndicatorValue::of_count(1234), 5, Language::en).text == "1,234");
  CHECK(report_value(IndicatorValue::of_count(1234), 5, Language::nl).number == 1234);
  CHECK(report_value(IndicatorValue::of_percentage(5, 6), 5, Language::nl).text == "83,3");
  IndicatorValue primary = IndicatorValue::of_count(3);
  primary.state = IndicatorValue::State::suppressed_primary;
  IndicatorValue secondary = IndicatorValue::of_count(9);
  secondary.state = IndicatorValue::State::suppressed_secondary;
  CHECK(report_value(primary, 5, Language::nl).text == "<5");
  CHECK(report_value(primary, 5, Language::nl).kind == ReportValue::Kind::suppressed);
  CHECK(report_value(secondary, 5, Language::nl).text == "x");
  CHECK(report_change(IndicatorValue::of_count(12), IndicatorValue::of_count(8), Language::nl).text == "+4");
  CHECK(report_change(IndicatorValue::of_count(12), primary, Language::nl).kind == ReportValue::Kind::empty);
  CHECK(report_change(IndicatorValue::of_percentage(1, 2), IndicatorValue::of_percentage(1, 4), Language::nl).text ==
        "+25,0");
}

TEST_CASE("monthly workbook: Overzicht equals the protected indicators, no small count, no identifier, charts") {
  const Dataset data = report_dataset(220);
  const Config& config = report_config();
  const MonthlyReport report = make_report(data, true);
  const fs::path path = output_folder() / "maandrapportage-2026-10.xlsx";
  fs::remove(path);
  REQUIRE(write_monthly_workbook(report, path).is_ok());
  REQUIRE(fs::exists(path));
  CHECK_FALSE(fs::exists(fs::path(path.string() + ".tmp")));

  const auto read = run_python(kReader, path.string());
  INFO(read.output);
  REQUIRE(read.status == 0);
  CHECK(one(read.output, "SHEETS") == "Overzicht|Risicogroepen|Stadsdelen|Leefgebieden|Interventies|Trend|Toelichting");
  CHECK(one(read.output, "HEADER") == "Code|Indicator|oktober 2026|september 2026|Verschil");

  // Every code in order, this month and previous month as `casus indicators` gives them.
  const DatasetIndex index(data);
  const IndicatorSet now = protect_indicators(compute_indicators(index, config, kMonth), config);
  const IndicatorSet before = protect_indicators(compute_indicators(index, config, kMonth.previous()), config);
  const auto values = all_lines(read.output, "V");
  REQUIRE(values.size() == now.items.size());
  for (std::size_t i = 0; i < now.items.size(); ++i) {
    const std::string expected = now.items[i].code + " " + expected_cell(now.items[i].value, 5) + " " +
                                 expected_cell(before.items[i].value, 5);
    CHECK(values[i] == expected);
  }
  CHECK(one(read.output, "SMALL") == "0 ");
  CHECK(one(read.output, "CASEIDS") == "0");
  CHECK(one(read.output, "NAMES") == "0");
  CHECK(one(read.output, "PSEUDONYMS") == "0");
  CHECK(one(read.output, "TITLE") == "Maandrapportage");
  CHECK(one(read.output, "HEADERTEXT") == "INTERN — geaggregeerde cijfers, beschermd tegen herleidbaarheid");
  const auto setups = all_lines(read.output, "SETUP");
  REQUIRE(setups.size() == 7);
  CHECK(setups[0] == "Overzicht C2 landscape True");
  CHECK(setups[5] == "Trend B5 landscape True");

  const auto charts = all_lines(read.output, "CHART");
  REQUIRE(charts.size() == 4);
  CHECK(charts[0] == "barChart clustered 'Stadsdelen'!$C$5:$C$14|'Stadsdelen'!$B$5:$B$14");
  CHECK(charts[1] == "lineChart standard 'Trend'!$B$5:$B$16");
  CHECK(charts[2] == "barChart clustered 'Trend'!$C$5:$C$16|'Trend'!$D$5:$D$16|'Trend'!$I$5:$I$16");
  CHECK(charts[3] == "barChart stacked 'Trend'!$E$5:$E$16|'Trend'!$F$5:$F$16|'Trend'!$G$5:$G$16|'Trend'!$H$5:$H$16");
}

TEST_CASE("monthly workbook: English labels and sheet names with --lang en") {
  const Dataset data = report_dataset(120);
  const MonthlyReport report = make_report(data, true, Language::en);
  const fs::path path = output_folder() / "maandrapportage-2026-10-en.xlsx";
  REQUIRE(write_monthly_workbook(report, path).is_ok());
  const auto read = run_python(kReader, path.string());
  INFO(read.output);
  REQUIRE(read.status == 0);
  CHECK(one(read.output, "SHEETS") == "Overview|Risk groups|Districts|Life domains|Interventions|Trend|Notes");
  CHECK(one(read.output, "HEADER") == "Code|Indicator|October 2026|September 2026|Change");
  CHECK(one(read.output, "TITLE") == "Monthly monitoring report");
}

TEST_CASE("monthly PDF: document tree without small counts, PDF text has marking, key figures, no identifiers") {
  const Dataset data = report_dataset(220);
  const MonthlyReport report = make_report(data, true);
  CollectingSink sink;
  auto document = render_monthly_document(report, fs::path(CASUS_SOURCE_DIR) / "templates" / "monthly", sink);
  INFO((sink.diagnostics().empty() ? std::string() : sink.diagnostics()[0].to_string()));
  REQUIRE(document.is_ok());

  int tables = 0, charts = 0, key_figures = 0;
  for (const auto& block : document->blocks) {
    if (const auto* t = std::get_if<doc::Table>(&block)) {
      ++tables;
      for (std::size_t r = static_cast<std::size_t>(t->header_rows); r < t->rows.size(); ++r) {
        const auto& cells = t->rows[r].cells;
        // The change column ("+3") is a difference, not a count; counts are unsigned.
        for (const auto& c : cells) {
          INFO(t->caption << ": " << doc::plain_text(c.runs));
          CHECK_FALSE(is_small_count(doc::plain_text(c.runs)));
        }
      }
    } else if (const auto* c = std::get_if<doc::Chart>(&block)) {
      ++charts;
      for (const auto& s : c->series) {
        for (const auto& v : s.values) {
          if (!v.suppressed) CHECK_FALSE((v.value >= 1 && v.value <= 4));
        }
      }
    } else if (const auto* k = std::get_if<doc::KeyFigures>(&block)) {
      for (const auto& item : k->items) {
        ++key_figures;
        CHECK_FALSE(is_small_count(item.value));
      }
    }
  }
  CHECK(tables >= 7);
  CHECK(charts == 4);
  CHECK(key_figures == 8);
  const auto& first = std::get<doc::KeyFigures>(document->blocks.at(2));
  CHECK(first.items[0].label == "actieve casussen");
  CHECK(first.items[0].value == report.key_figures[0].value.text);

  const fs::path pdf = output_folder() / "maandrapportage-2026-10.pdf";
  REQUIRE(write_pdf(*document, pdf).is_ok());
  if (!have_tool("pdftotext")) return;
  const auto text = run_command("pdftotext -enc UTF-8 " + quoted(pdf) + " - 2>/dev/null");
  REQUIRE(text.status == 0);
  const std::string flat = squash(text.output);
  CHECK(flat.find("INTERN — geaggregeerde cijfers, beschermd tegen herleidbaarheid") != std::string::npos);
  CHECK(flat.find("Maandrapportage") != std::string::npos);
  CHECK(flat.find("Bescherming tegen herleidbaarheid") != std::string::npos);
  CHECK(flat.find("pagina 1 van") != std::string::npos);
  CHECK(flat.find("Gegevens tot en met 3 november 2026") != std::string::npos);
  CHECK(flat.find("gemeente-casussen-2026-11.csv") != std::string::npos);
  CHECK(flat.find("CASE-") == std::string::npos);
  CHECK(flat.find("Zwartveen") == std::string::npos);
  CHECK_FALSE(std::regex_search(flat, std::regex("C-[0-9A-Z]{10}")));
  if (have_tool("qpdf")) CHECK(run_command("qpdf --check " + quoted(pdf) + " >/dev/null 2>&1").status == 0);
}
