// End to end through the `casus` binary: a store built with the Store API,
// then `casus report monthly` and `casus report caselist`; the workbook's
// Overzicht is compared with `casus indicators` for the same month, and the
// case list with the pseudonyms the store key gives.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <regex>
#include <sstream>

#include "core/clock.h"
#include "core/file_io.h"
#include "render/monthly_fixture.h"
#include "render/pseudonym.h"
#include "store/key_file.h"
#include "store/store.h"

using namespace casus;
using namespace casus::testing;
namespace fs = std::filesystem;

namespace {

struct Shell {
  int status = -1;
  std::string output;
};

Shell shell(const std::string& command) {
  Shell r;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (!pipe) return r;
  char buffer[4096];
  std::size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) r.output.append(buffer, n);
  const int status = ::pclose(pipe);
  r.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

template <typename R>
void import(Store& store, const std::string& file, const std::vector<R>& records, RecordKind kind) {
  REQUIRE(store.begin_batch(file, sha256_hex(file), "gemeente", kind).is_ok());
  std::size_t line = 2;
  for (const auto& r : records) REQUIRE(store.upsert(r, line++).is_ok());
  StoredBatch counts;
  counts.read = static_cast<std::int64_t>(records.size());
  REQUIRE(store.commit_batch(counts).is_ok());
}

struct Workspace {
  fs::path dir;
  fs::path db;
  fs::path out;
  std::string casus;
};

Workspace make_workspace() {
  Workspace w;
  w.dir = fs::temp_directory_path() / ("casus_report_cli_test_" + std::to_string(::getpid()));
  fs::remove_all(w.dir);
  fs::create_directories(w.dir);
  w.db = w.dir / "casus.db";
  w.out = w.dir / "outputs";
  const FixedClock clock(DateTime{Date{2026, 11, 3}, 8, 0, 0});
  REQUIRE(Store::create(w.db, w.dir / "casus.db.key", clock).is_ok());
  auto store = Store::open(w.db, w.dir / "casus.db.key", clock);
  REQUIRE(store.is_ok());
  const Dataset data = report_dataset(220);
  import(**store, "gemeente-casussen.csv", data.cases, RecordKind::cases);
  import(**store, "gemeente-beoordelingen.csv", data.assessments, RecordKind::assessments);
  import(**store, "zorg-leefgebieden.csv", data.life_domains, RecordKind::life_domains);
  import(**store, "gemeente-interventies.csv", data.interventions, RecordKind::interventions);
  import(**store, "politie-gebeurtenissen.xml", data.events, RecordKind::events);
  w.casus = "cd '" + w.dir.string() + "' && CASUS_NOW=2026-11-28T09:00:00 '" + std::string(CASUS_BINARY) +
            "' --config '" + std::string(CASUS_SOURCE_DIR) + "/config' --store '" + w.db.string() + "' --out '" +
            w.out.string() + "' ";
  return w;
}

const char* kCompare = R"PY(
import sys, json, openpyxl
xlsx, js = sys.argv[1].split("|")
expected = json.load(open(js))
ws = openpyxl.load_workbook(xlsx).worksheets[0]
n = 0
for row in ws.iter_rows(min_row=2, values_only=True):
    code, value = row[0], row[2]
    if value == "x": value = None  # secondary suppression: x in documents, null in JSON
    e = expected.get(code, "missing")
    if isinstance(value, float) and not code.endswith("_pct"): value = int(value)
    if value != e: print("MISMATCH %s %r %r" % (code, value, e))
    n += 1
print("COMPARED %d OF %d" % (n, len(expected)))
)PY";

}  // namespace

TEST_CASE("casus report monthly: files, manifest, and Overzicht equal to casus indicators (board)") {
  const Workspace w = make_workspace();
  const Shell run = shell(w.casus + "report monthly --month 2026-10 2>&1");
  INFO(run.output);
  REQUIRE(run.status == 0);
  const fs::path xlsx = w.out / "maandrapportage" / "maandrapportage-2026-10.xlsx";
  const fs::path pdf = w.out / "maandrapportage" / "maandrapportage-2026-10.pdf";
  CHECK(fs::exists(xlsx));
  CHECK(fs::exists(pdf));
  CHECK(run.output.find((w.out / "maandrapportage/maandrapportage-2026-10.xlsx").string()) != std::string::npos);
  CHECK(run.output.find("Maandrapportage oktober 2026, Bestuur en stuurgroep (PDF)") != std::string::npos);
  auto manifest = read_file(w.out / "manifest.json");
  REQUIRE(manifest.is_ok());
  CHECK(manifest->find("\"path\": \"maandrapportage/maandrapportage-2026-10.xlsx\"") != std::string::npos);
  CHECK(manifest->find("\"audience\": \"board\"") != std::string::npos);
  CHECK(manifest->find("\"data_as_of\": \"2026-11-03\"") != std::string::npos);
  CHECK(manifest->find("\"sha256\": \"" + sha256_file_hex(pdf).value() + "\"") != std::string::npos);
  CHECK(manifest->find("\"generated_at\": \"2026-11-28T09:00:00\"") != std::string::npos);

  const Shell indicators = shell(w.casus + "indicators --month 2026-10 > '" + (w.dir / "ind.json").string() + "'");
  REQUIRE(indicators.status == 0);
  {
    std::ofstream script(w.dir / "cmp.py");
    script << kCompare;
  }
  const Shell result = shell("/usr/bin/python3 '" + (w.dir / "cmp.py").string() + "' '" + xlsx.string() + "|" +
                             (w.dir / "ind.json").string() + "' 2>&1");
  INFO(result.output);
  REQUIRE(result.status == 0);
  CHECK(result.output.find("MISMATCH") == std::string::npos);
  CHECK(result.output.find("COMPARED 117 OF 117") != std::string::npos);

  // The same run twice gives byte-identical files (pinned clock).
  const std::string first_pdf = sha256_file_hex(pdf).value();
  REQUIRE(shell(w.casus + "report monthly --month 2026-10 --format pdf >/dev/null 2>&1").status == 0);
  CHECK(sha256_file_hex(pdf).value() == first_pdf);
}

TEST_CASE("casus report: usage errors") {
  const Workspace w = make_workspace();
  const Shell bad_month = shell(w.casus + "report monthly --month 2026-13 2>&1");
  CHECK(bad_month.status == 2);
  CHECK(bad_month.output == "casus: --month: '2026-13' is geen maand van de vorm JJJJ-MM\n");
  const Shell bad_format = shell(w.casus + "report monthly --month 2026-10 --format docx 2>&1");
  CHECK(bad_format.status == 2);
  CHECK(bad_format.output == "casus: --format: onbekend formaat 'docx' (bekend: xlsx, pdf)\n");
  const Shell bad_audience = shell(w.casus + "report monthly --month 2026-10 --audience casusoverleg 2>&1");
  CHECK(bad_audience.status == 2);
  CHECK(bad_audience.output ==
        "casus: --audience: de maandrapportage is er voor 'board' of 'staff', niet voor 'casusoverleg'\n");
}

TEST_CASE("casus report caselist: pseudonyms from the store key, no identifiers, English with --lang en") {
  const Workspace w = make_workspace();
  const Shell run = shell(w.casus + "--lang en report caselist --month 2026-10 2>&1");
  INFO(run.output);
  REQUIRE(run.status == 0);
  const fs::path xlsx = w.out / "casuslijst" / "casuslijst-2026-10.xlsx";
  REQUIRE(fs::exists(xlsx));
  CHECK(run.output.find("Case list October 2026 (") != std::string::npos);
  auto key = read_key_file(w.dir / "casus.db.key");
  REQUIRE(key.is_ok());
  const Pseudonymizer p(*key);
  const Shell sheet = shell("unzip -p '" + xlsx.string() + "' xl/worksheets/sheet1.xml");
  REQUIRE(sheet.status == 0);
  // CASE-00000 is registered in 2024 and still active at the end of October 2026 in this data.
  const Dataset data = report_dataset(220);
  int active_seen = 0;
  for (const auto& c : data.cases) {
    if (!c.active_at(Date{2026, 10, 31})) continue;
    ++active_seen;
    CHECK(sheet.output.find(p.pseudonym(c.case_id)) != std::string::npos);
    if (active_seen == 5) break;
  }
  CHECK(active_seen == 5);
  CHECK(sheet.output.find("CASE-") == std::string::npos);
  CHECK(sheet.output.find("Zwartveen") == std::string::npos);
  CHECK(sheet.output.find("Pseudonym") != std::string::npos);
  auto manifest = read_file(w.out / "manifest.json");
  REQUIRE(manifest.is_ok());
  CHECK(manifest->find("\"audience\": \"staff\"") != std::string::npos);
  CHECK(manifest->find("\"regulier\"") != std::string::npos);
}

namespace {

// The committed sample (samples/default) imported into a fresh store with
// the built `casus`, the clock pinned; `casus` then runs against it.
struct SampleStore {
  fs::path dir;
  std::string casus;
  SampleStore() {
    dir = fs::temp_directory_path() / ("casus_report_sample_" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    casus = "cd '" + std::string(CASUS_SOURCE_DIR) + "' && CASUS_NOW=2026-11-28T09:00:00 '" + CASUS_BINARY +
            "' --config config --store '" + (dir / "s.db").string() + "' ";
    const fs::path sample = fs::path(CASUS_SOURCE_DIR) / "samples" / "default";
    const Shell listed = shell("/usr/bin/python3 -c 'import json,sys; m=json.load(open(sys.argv[1])); "
                               "print(\" \".join(f[\"path\"] for f in m[\"files\"]))' '" +
                               (sample / "manifest.json").string() + "'");
    REQUIRE(listed.status == 0);
    std::string files;
    std::istringstream in(listed.output);
    for (std::string f; in >> f;) files += " 'samples/default/" + f + "'";
    REQUIRE(shell(casus + "init >/dev/null 2>&1").status == 0);
    REQUIRE(shell(casus + "--out '" + (dir / "import").string() + "' import" + files + " >/dev/null 2>&1").status == 0);
  }
  ~SampleStore() { fs::remove_all(dir); }
  Shell run(const std::string& args, const fs::path& out) const {
    return shell(casus + "--out '" + out.string() + "' " + args + " 2>&1");
  }
};

std::vector<std::string> pseudonyms_in(const std::string& text) {
  std::vector<std::string> out;
  const std::regex pattern("C-[0-9A-HJKMNP-TV-Z]{10}");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), pattern); it != std::sregex_iterator(); ++it)
    out.push_back(it->str());
  return out;
}

}  // namespace

TEST_CASE("casus report caselist --format xlsx,pdf on the committed sample: both files, exact manifest, same rows") {
  const SampleStore s;
  const fs::path out = s.dir / "out";
  const Shell run = s.run("report caselist --month 2026-10 --format xlsx,pdf", out);
  INFO(run.output);
  REQUIRE(run.status == 0);
  const fs::path xlsx = out / "casuslijst" / "casuslijst-2026-10.xlsx";
  const fs::path pdf = out / "casuslijst" / "casuslijst-2026-10.pdf";
  auto kb = [](const fs::path& p) { return std::to_string((fs::file_size(p) + 1023) / 1024); };
  CHECK(run.output == "  " + xlsx.generic_string() + "  (" + kb(xlsx) + " KB)  Casuslijst oktober 2026 (XLSX, 81 casussen)\n" +
                          "  " + pdf.generic_string() + "  (" + kb(pdf) + " KB)  Casuslijst oktober 2026 (PDF, 81 casussen)\n");

  auto entry = [](const fs::path& file, const std::string& path) {
    return "    {\n      \"path\": \"" + path + "\",\n      \"size\": " + std::to_string(fs::file_size(file)) +
           ",\n      \"sha256\": \"" + sha256_file_hex(file).value() +
           "\",\n      \"audience\": \"staff\",\n      \"categories\": [\n        \"regulier\"\n      ],\n"
           "      \"data_as_of\": \"2026-11-28\"\n    }";
  };
  auto manifest = read_file(out / "manifest.json");
  REQUIRE(manifest.is_ok());
  CHECK(*manifest == "{\n  \"generated_at\": \"2026-11-28T09:00:00\",\n  \"files\": [\n" +
                         entry(xlsx, "casuslijst/casuslijst-2026-10.xlsx") + ",\n" +
                         entry(pdf, "casuslijst/casuslijst-2026-10.pdf") + "\n  ]\n}\n");

  // The PDF holds the workbook's rows, in the workbook's order, and no case id.
  const Shell sheet = shell("unzip -p '" + xlsx.string() + "' xl/worksheets/sheet1.xml");
  REQUIRE(sheet.status == 0);
  const Shell text = shell("pdftotext -layout '" + pdf.string() + "' - 2>/dev/null");
  REQUIRE(text.status == 0);
  const std::vector<std::string> rows = pseudonyms_in(sheet.output);
  CHECK(rows.size() == 81);
  CHECK(pseudonyms_in(text.output) == rows);
  CHECK(text.output.find("CAS-") == std::string::npos);
  CHECK(shell("qpdf --check '" + pdf.string() + "' >/dev/null 2>&1").status == 0);
  CHECK(shell("pdfinfo '" + pdf.string() + "' 2>/dev/null | grep -q '841.89 x 595.276 pts (A4)'").status == 0);

  // pdf alone: only the PDF, the same bytes (pinned clock).
  const fs::path only = s.dir / "only-pdf";
  REQUIRE(s.run("report caselist --month 2026-10 --format pdf", only).status == 0);
  CHECK_FALSE(fs::exists(only / "casuslijst" / "casuslijst-2026-10.xlsx"));
  CHECK(sha256_file_hex(only / "casuslijst" / "casuslijst-2026-10.pdf").value() == sha256_file_hex(pdf).value());
  // The default stays the workbook alone.
  const fs::path plain = s.dir / "default";
  REQUIRE(s.run("report caselist --month 2026-10", plain).status == 0);
  CHECK(fs::exists(plain / "casuslijst" / "casuslijst-2026-10.xlsx"));
  CHECK_FALSE(fs::exists(plain / "casuslijst" / "casuslijst-2026-10.pdf"));

  // A bad --format is a usage error, in Dutch, and writes nothing.
  const fs::path refused = s.dir / "refused";
  for (const auto& [format, message] : std::vector<std::pair<std::string, std::string>>{
           {"docx", "casus: --format: onbekend formaat 'docx' (bekend: xlsx, pdf)\n"},
           {"xlsx,html", "casus: --format: onbekend formaat 'html' (bekend: xlsx, pdf)\n"},
           {"''", "casus: --format: geef xlsx, pdf of xlsx,pdf\n"}}) {
    const Shell bad = s.run("report caselist --month 2026-10 --format " + format, refused);
    INFO(format);
    CHECK(bad.status == 2);
    CHECK(bad.output == message);
    CHECK_FALSE(fs::exists(refused));
  }
}
