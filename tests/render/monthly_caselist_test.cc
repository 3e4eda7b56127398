// The case list for staff: pseudonyms, the rows and their rules, and the
// constant-memory workbook read back with openpyxl and from its XML.
#include <catch2/catch.hpp>

#include <regex>
#include <sstream>

#include "logic/dataset_index.h"
#include "logic/monitoring_indicators.h"
#include "monthly_fixture.h"
#include "render/caselist_context.h"
#include "render/caselist_workbook.h"
#include "render/report_meta.h"
#include "test_support.h"

using namespace casus;
using namespace casus::testing;
namespace fs = std::filesystem;

namespace {

const std::string kKey(32, '\x42');
const YearMonth kMonth{2026, 10};

const char* kReader = R"PY(
import sys, re, zipfile, openpyxl
path = sys.argv[1]
wb = openpyxl.load_workbook(path)
ws = wb.worksheets[0]
print("SHEETS " + "|".join(wb.sheetnames))
print("FREEZE %s" % ws.freeze_panes)
print("FILTER %s" % ws.auto_filter.ref)
print("HEADER " + "|".join(str(c.value) for c in ws[3]))
print("ROWS %d" % (ws.max_row - 3))
for row in ws.iter_rows(min_row=4, values_only=True):
    print("R " + "|".join("" if v is None else (v.strftime("%Y-%m-%d") if hasattr(v, "strftime") else str(v)) for v in row))
for rng in ws.conditional_formatting:
    for rule in rng.rules:
        print("CF %s %s %s" % (rng.sqref, rule.type, (rule.formula or [rule.text])[0] if (rule.formula or rule.text) else ""))
z = zipfile.ZipFile(path)
text = "".join(z.read(n).decode("utf-8") for n in z.namelist() if n.endswith(".xml"))
print("CASEIDS %d" % len(re.findall(r"CASE-\d+", text)))
print("NAMES %d" % len(re.findall(r"Zwartveen|Testvoornaam", text)))
print("BSNS %d" % len(re.findall(r"9\d{8}", text)))
)PY";

std::vector<std::string> lines(const std::string& output, const std::string& prefix) {
  std::vector<std::string> out;
  std::istringstream in(output);
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind(prefix + " ", 0) == 0) out.push_back(line.substr(prefix.size() + 1));
  }
  return out;
}

}  // namespace

TEST_CASE("pseudonym: C- and ten Crockford characters, stable per key, different under another key") {
  const Pseudonymizer p(kKey);
  const std::string a = p.pseudonym("CASE-00001");
  CHECK(std::regex_match(a, std::regex("C-[0-9A-HJKMNP-TV-Z]{10}")));
  CHECK(p.pseudonym("CASE-00001") == a);
  CHECK(Pseudonymizer(kKey).pseudonym("CASE-00001") == a);
  CHECK(p.pseudonym("CASE-00002") != a);
  CHECK(Pseudonymizer(std::string(32, '\x43')).pseudonym("CASE-00001") != a);
  // Not a plain hash of the case id: the key matters, and it never contains the id.
  CHECK(a.find("00001") == std::string::npos);
}

TEST_CASE("case list rows: stage, judgement, review due and overdue, bands, instruments") {
  const Config& config = report_config();
  Dataset data;
  CaseRecord c;
  c.case_id = "CASE-1";
  c.bsn = "999999990";
  c.surname = "Zwartveen";
  c.district = "A";
  c.risk_group = 2;
  c.registered_on = Date{2026, 1, 10};
  c.regisseur = "Regisseur A";
  c.escalation_level = 3;
  c.plan_approved_on = Date{2026, 2, 1};
  data.cases.push_back(c);
  CaseRecord fresh = c;
  fresh.case_id = "CASE-2";
  fresh.registered_on = Date{2026, 10, 20};
  fresh.plan_approved_on.reset();
  data.cases.push_back(fresh);
  CaseRecord gone = c;
  gone.case_id = "CASE-3";
  gone.closed_on = Date{2026, 9, 1};
  data.cases.push_back(gone);
  AssessmentRecord a;
  a.case_id = "CASE-1";
  a.assessed_on = Date{2026, 6, 1};
  a.judgement = Judgement::hoog;
  data.assessments.push_back(a);
  LifeDomainObservation o;
  o.case_id = "CASE-1";
  o.domain = "financien";
  o.observed_on = Date{2026, 9, 1};
  o.score = 2;
  data.life_domains.push_back(o);
  InterventionRecord iv;
  iv.case_id = "CASE-1";
  iv.code = "mentor";
  iv.started_on = Date{2026, 3, 1};
  iv.status = InterventionStatus::lopend;
  data.interventions.push_back(iv);
  iv.code = "meldplicht";
  iv.status = InterventionStatus::gepland;
  data.interventions.push_back(iv);

  const DatasetIndex index(data);
  const Pseudonymizer p(kKey);
  const CaseList list(index, config, kMonth, Language::nl, p);
  REQUIRE(list.size() == 2);  // CASE-3 closed before the end of the month
  const CaseListRow first = list.row(0).pseudonym == p.pseudonym("CASE-1") ? list.row(0) : list.row(1);
  CHECK(first.regisseur == "Regisseur A");
  CHECK(first.risk_group == 2);
  CHECK(first.stage == "met plan van aanpak");
  CHECK(first.judgement == "hoog");
  CHECK(first.judged_on == Date{2026, 6, 1});
  CHECK(first.review_due == Date{2026, 8, 31});  // + 91 days
  CHECK(first.review_overdue);
  CHECK(first.overdue_label == "ja");
  CHECK(first.escalation_level == 3);
  REQUIRE(first.domains.size() == config.monitoring.life_domains.size());
  CHECK(first.domains[0].band == "rood");
  CHECK(first.domains[0].label == "rood (2)");
  CHECK(first.domains[1].label == "onbekend");
  CHECK(first.instruments == "Mentor");
  const CaseListRow second = list.row(0).pseudonym == p.pseudonym("CASE-2") ? list.row(0) : list.row(1);
  CHECK(second.stage == "zonder beoordeling");
  CHECK(second.judgement.empty());
  CHECK(second.review_due == Date{2026, 11, 17});  // registration + 28 days
  CHECK_FALSE(second.review_overdue);
}

TEST_CASE("case list workbook: one row per active case, filters, frozen header, conditional formats, no identifiers") {
  const Config& config = report_config();
  const Dataset data = report_dataset(300);
  const DatasetIndex index(data);
  const Pseudonymizer p(kKey);
  const CaseList list(index, config, kMonth, Language::nl, p);
  const IndicatorSet indicators = compute_indicators(index, config, kMonth);
  REQUIRE(static_cast<std::int64_t>(list.size()) == indicators.count("active"));

  const DocumentMeta meta = report_document_meta(*config.find_audience("staff"), Language::nl, "Casuslijst",
                                                 "oktober 2026", data.data_as_of,
                                                 DateTime{Date{2026, 11, 28}, 9, 0, 0}, "Gemeente");
  const fs::path path = output_folder() / "casuslijst-2026-10.xlsx";
  auto stats = write_caselist_workbook(list, meta, path);
  REQUIRE(stats.is_ok());
  CHECK(stats->rows == list.size());

  const auto read = run_python(kReader, path.string());
  INFO(read.output.substr(0, 3000));
  REQUIRE(read.status == 0);
  CHECK(lines(read.output, "SHEETS").at(0) == "Casuslijst|Toelichting");
  CHECK(lines(read.output, "FREEZE").at(0) == "B4");
  const std::string last_column = "W";  // 9 + 13 domains + instruments = 23 columns
  CHECK(lines(read.output, "FILTER").at(0) == "A3:" + last_column + std::to_string(3 + list.size()));
  CHECK(lines(read.output, "HEADER").at(0).rfind("Pseudoniem|Regisseur|Doelgroep|Fase|Laatste oordeel|Datum oordeel|"
                                                  "Herbeoordeling uiterlijk|Herbeoordeling verlopen|Escalatieniveau|Financiën|",
                                                  0) == 0);
  const auto rows = lines(read.output, "R");
  REQUIRE(rows.size() == list.size());
  // The rows as the list gives them, in order.
  for (std::size_t i = 0; i < list.size(); i += 37) {
    const CaseListRow r = list.row(i);
    std::string expected = r.pseudonym + "|" + r.regisseur + "|" + std::to_string(r.risk_group) + "|" + r.stage +
                           "|" + r.judgement + "|" + (r.judged_on ? r.judged_on->iso() : "") + "|" +
                           r.review_due.iso() + "|" + r.overdue_label + "|" + std::to_string(r.escalation_level);
    for (const auto& d : r.domains) expected += "|" + d.label;
    expected += "|" + r.instruments;
    CHECK(rows[i] == expected);
  }
  const auto cf = lines(read.output, "CF");
  REQUIRE(cf.size() == 5);
  const std::string n = std::to_string(3 + list.size());
  CHECK(cf[0] == "G4:H" + n + " expression $H4=\"ja\"");
  CHECK(cf[1] == "J4:V" + n + " expression LEFT(J4, 4)=\"rood\"");
  CHECK(cf[4] == "J4:V" + n + " expression LEFT(J4, 8)=\"onbekend\"");
  CHECK(lines(read.output, "CASEIDS").at(0) == "0");
  CHECK(lines(read.output, "NAMES").at(0) == "0");
  CHECK(lines(read.output, "BSNS").at(0) == "0");
}
