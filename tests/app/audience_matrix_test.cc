// Every document for every audience, through the built `casus`. One store is
// imported from samples/default per test process; every (document, audience)
// pair the CLI accepts is rendered from it, in Dutch and English, and what a
// person's tools extract from each file is searched for the sample's
// identifying data (bsns, names, birth dates in every format the documents
// use), its special-category, criminal-justice and police free texts, and —
// for audiences that receive no case data at all — every case id and
// pseudonym, wherever the audience's data categories exclude them. What is
// extracted: pdftotext and qpdf's JSON of every PDF object (information
// dictionary, outlines, annotations), pdfinfo; every XML part of a DOCX or
// XLSX (document, headers, footers, sheets, shared strings, docProps) raw and
// as text; the HTML; the JSON. Pairs the CLI refuses are checked for their
// exact message, exit status 2, and that nothing was written.
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "config/config_loader.h"
#include "core/file_io.h"
#include "render/pseudonym.h"
#include "store/key_file.h"
#include "store/store.h"

using namespace casus;
namespace fs = std::filesystem;

namespace {

const char* const kNow = "2026-11-28T09:00:00";
const char* const kMonth = "2026-10";
const char* const kMonthsNl[] = {"januari",   "februari", "maart",    "april",
                                 "mei",       "juni",     "juli",     "augustus",
                                 "september", "oktober",  "november", "december"};
const char* const kMonthsEn[] = {"January",   "February", "March",    "April",
                                 "May",       "June",     "July",     "August",
                                 "September", "October",  "November", "December"};

struct Output {
  int status = -1;
  std::string out;
  std::string err;
};

std::string capture(const std::string& command) {
  std::string out;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (!pipe) return out;
  char buffer[8192];
  while (std::size_t n = std::fread(buffer, 1, sizeof buffer, pipe)) out.append(buffer, n);
  ::pclose(pipe);
  return out;
}

std::string squash(const std::string& text) {
  std::string out;
  bool space = false;
  for (char c : text) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
      space = true;
    } else {
      if (space && !out.empty()) out += ' ';
      out += c;
      space = false;
    }
  }
  return out;
}

void append_utf8(std::string& out, unsigned long cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// XML or HTML as a reader sees it: tags dropped, entities decoded.
std::string markup_text(const std::string& xml) {
  std::string out;
  for (std::size_t i = 0; i < xml.size(); ++i) {
    if (xml[i] == '<') {
      const std::size_t end = xml.find('>', i);
      if (end == std::string::npos) break;
      i = end;
      continue;
    }
    if (xml[i] == '&') {
      const std::size_t end = xml.find(';', i);
      if (end != std::string::npos && end - i <= 10) {
        const std::string name = xml.substr(i + 1, end - i - 1);
        static const std::map<std::string, std::string> named{
            {"amp", "&"}, {"lt", "<"}, {"gt", ">"}, {"quot", "\""}, {"apos", "'"}, {"nbsp", " "}};
        if (auto it = named.find(name); it != named.end()) {
          out += it->second;
          i = end;
          continue;
        }
        if (name.size() > 1 && name[0] == '#') {
          const bool hex = name[1] == 'x' || name[1] == 'X';
          const unsigned long cp =
              std::strtoul(name.c_str() + (hex ? 2 : 1), nullptr, hex ? 16 : 10);
          append_utf8(out, cp);
          i = end;
          continue;
        }
      }
    }
    out += xml[i];
  }
  return out;
}

// JSON string escapes undone (qpdf --json, casus indicators).
std::string json_text(const std::string& json) {
  std::string out;
  for (std::size_t i = 0; i < json.size(); ++i) {
    if (json[i] != '\\' || i + 1 >= json.size()) {
      out += json[i];
      continue;
    }
    const char c = json[++i];
    if (c == 'u' && i + 4 < json.size()) {
      append_utf8(out, std::strtoul(json.substr(i + 1, 4).c_str(), nullptr, 16));
      i += 4;
    } else if (c == 'n' || c == 't' || c == 'r') {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

// Everything a person's tools show of an output file, whitespace squashed:
// the raw bytes where they are text, and the text they carry.
std::string haystack(const fs::path& file) {
  const std::string q = "'" + file.string() + "'";
  const std::string ext = file.extension().string();
  if (ext == ".pdf") {
    const std::string text = capture("pdftotext " + q + " - 2>/dev/null");
    const std::string info = capture("pdfinfo " + q + " 2>/dev/null");
    const std::string objects = capture("qpdf --json --json-key=qpdf " + q + " 2>/dev/null");
    return squash(text) + "\n" + squash(info) + "\n" + squash(json_text(objects));
  }
  if (ext == ".docx" || ext == ".xlsx") {
    // Every part of the package (document, headers, footers, sheets, shared
    // strings, docProps/core.xml, app.xml, custom.xml).
    const std::string xml = capture("unzip -p " + q + " 2>/dev/null");
    return squash(xml) + "\n" + squash(markup_text(xml));
  }
  const std::string bytes = read_file(file).value();
  if (ext == ".json") return squash(bytes) + "\n" + squash(json_text(bytes));
  return squash(bytes) + "\n" + squash(markup_text(bytes));
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// True when `needle` occurs in `text`, not as part of a longer number.
bool occurs(const std::string& text, const std::string& needle) {
  for (std::size_t at = text.find(needle); at != std::string::npos;
       at = text.find(needle, at + 1)) {
    const bool digit_before = at > 0 && is_digit(needle.front()) && is_digit(text[at - 1]);
    const std::size_t end = at + needle.size();
    const bool digit_after = end < text.size() && is_digit(needle.back()) && is_digit(text[end]);
    if (!digit_before && !digit_after) return true;
  }
  return false;
}

// One value of the sample that some audiences may not see.
struct Needle {
  std::string value;                 // as searched (whitespace squashed)
  std::set<std::string> categories;  // it is visible to an audience holding any of them
  std::string what;                  // "cases.birth_date of CAS-2023-0001"
};

// Dates in every form a document might print them: ISO, d-m-yyyy with and
// without zeros, d/m/yyyy, "d maand yyyy", "d Month yyyy", "Month d, yyyy",
// and the Excel serial number a workbook cell would hold.
std::vector<std::string> date_forms(const Date& d) {
  char dmy[24], dmy_short[24], slashed[24];
  std::snprintf(dmy, sizeof dmy, "%02d-%02d-%04d", d.day, d.month, d.year);
  std::snprintf(dmy_short, sizeof dmy_short, "%d-%d-%04d", d.day, d.month, d.year);
  std::snprintf(slashed, sizeof slashed, "%02d/%02d/%04d", d.day, d.month, d.year);
  const std::string day = std::to_string(d.day), year = std::to_string(d.year);
  const std::int64_t serial = d.days_since_epoch() + 25569;  // 1899-12-30 is serial 0
  return {d.iso(),
          dmy,
          dmy_short,
          slashed,
          day + " " + kMonthsNl[d.month - 1] + " " + year,
          day + " " + kMonthsEn[d.month - 1] + " " + year,
          std::string(kMonthsEn[d.month - 1]) + " " + day + ", " + year,
          "<v>" + std::to_string(serial) + "</v>"};
}

// The store imported from the committed sample, once per test process, and
// what the tests search for.
struct Fixture {
  fs::path dir;
  fs::path store;
  Config config;
  Dataset data;
  std::vector<Needle> needles;
  std::vector<std::string> case_ids;
  std::vector<std::string> pseudonyms;
  std::vector<std::string> plan_cases;  // the few cases whose plans are rendered
  std::set<std::string> import_files;   // output files of the import

  Fixture() {
    static int n = 0;
    dir = fs::temp_directory_path() /
          ("casus-matrix-" + std::to_string(::getpid()) + "-" + std::to_string(n++));
    fs::remove_all(dir);
    fs::create_directories(dir);
    store = dir / "s.db";
    std::string files;
    const fs::path sample = fs::path(CASUS_SOURCE_DIR) / "samples" / "default";
    auto manifest = Poco::JSON::Parser()
                        .parse(read_file(sample / "manifest.json").value())
                        .extract<Poco::JSON::Object::Ptr>();
    auto list = manifest->getArray("files");
    for (std::size_t i = 0; i < list->size(); ++i)
      files += " '" +
               (sample / list->getObject(static_cast<unsigned>(i))->getValue<std::string>("path"))
                   .string() +
               "'";
    REQUIRE(casus("init", dir / "import").status == 0);
    const Output imported = casus("import" + files, dir / "import");
    if (imported.status != 0) FAIL(imported.err);
    for (const auto& entry : fs::recursive_directory_iterator(dir / "import"))
      if (entry.is_regular_file())
        import_files.insert(fs::relative(entry.path(), dir / "import").generic_string());

    CollectingSink sink;
    auto loaded = load_config(fs::path(CASUS_SOURCE_DIR) / "config", sink);
    REQUIRE(loaded.is_ok());
    config = std::move(loaded.value());
    const FixedClock clock(DateTime{{2026, 11, 28}, 9, 0, 0});
    auto opened = Store::open(store, fs::path(store.string() + ".key"), clock);
    REQUIRE(opened.is_ok());
    auto dataset = (*opened)->load_dataset();
    REQUIRE(dataset.is_ok());
    data = std::move(dataset.value());
    REQUIRE(data.cases.size() == 150);
    auto key = read_key_file(store.string() + ".key");
    REQUIRE(key.is_ok());
    const Pseudonymizer pseudonymizer(*key);
    for (const auto& c : data.cases) {
      case_ids.push_back(c.case_id);
      pseudonyms.push_back(pseudonymizer.pseudonym(c.case_id));
    }
    collect_needles();
    choose_plan_cases();
  }
  ~Fixture() { fs::remove_all(dir); }

  // `casus` from the source tree (templates/ is found there) with the shared store.
  Output casus(const std::string& args, const fs::path& out, const std::string& lang = "nl") const {
    const fs::path so = dir / "stdout.txt", se = dir / "stderr.txt";
    const std::string cmd = std::string("cd '") + CASUS_SOURCE_DIR + "' && CASUS_NOW=" + kNow +
                            " '" + CASUS_BINARY + "' --config config --store '" + store.string() +
                            "' --out '" + out.string() + "' --lang " + lang + " --user matrix " +
                            args + " > '" + so.string() + "' 2> '" + se.string() + "'";
    const int raw = std::system(cmd.c_str());
    Output r;
    r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    r.out = read_file(so).value();
    r.err = read_file(se).value();
    return r;
  }

  void add(std::map<std::string, Needle>& by_value, std::string value, const std::string& kind,
           const std::string& field, const std::string& owner) {
    value = squash(value);
    const std::string category = config.category_of(kind, field);
    REQUIRE_FALSE(category.empty());
    Needle& n = by_value[value];
    if (n.value.empty()) {
      n.value = value;
      n.what = kind + "." + field + " of " + owner;
    }
    n.categories.insert(category);
  }

  void collect_needles() {
    // Names of people who are not cases (regisseurs, assessors, signatories)
    // are printed legitimately; a case surname that is also one of their
    // words is searched for only with the given names.
    std::set<std::string> staff_words;
    auto words_of = [&](const std::string& name) {
      std::size_t start = 0;
      for (std::size_t end; (end = name.find(' ', start)) != std::string::npos; start = end + 1)
        staff_words.insert(name.substr(start, end - start));
      staff_words.insert(name.substr(start));
    };
    for (const auto& c : data.cases) words_of(c.regisseur);
    for (const auto& a : data.assessments) words_of(a.assessor);
    for (const auto& r : config.regisseurs) words_of(r.name);
    for (const auto& p : config.partners) words_of(p.representative);

    std::map<std::string, Needle> by_value;
    for (const auto& c : data.cases) {
      if (!c.bsn.empty()) add(by_value, c.bsn, "cases", "bsn", c.case_id);
      if (!c.surname.empty() && !c.given_names.empty()) {
        add(by_value, c.given_names + " " + c.surname, "cases", "surname", c.case_id);
        add(by_value, c.surname + ", " + c.given_names, "cases", "surname", c.case_id);
      }
      if (c.surname.size() >= 6 && !staff_words.count(c.surname))
        add(by_value, c.surname, "cases", "surname", c.case_id);
      if (c.birth_date)
        for (const auto& form : date_forms(*c.birth_date))
          add(by_value, form, "cases", "birth_date", c.case_id);
      if (c.on_hold_reason.size() >= 12)
        add(by_value, c.on_hold_reason, "cases", "on_hold_reason", c.case_id);
    }
    for (const auto& a : data.assessments)
      if (a.rationale.size() >= 12)
        add(by_value, a.rationale, "assessments", "rationale", a.case_id);
    for (const auto& i : data.interventions)
      if (i.rationale.size() >= 12)
        add(by_value, i.rationale, "interventions", "rationale", i.case_id);
    for (const auto& l : data.life_domains)
      if (l.goal.size() >= 12) add(by_value, l.goal, "life_domains", "goal", l.case_id);
    for (const auto& e : data.events) {
      if (!e.bsn.empty()) add(by_value, e.bsn, "events", "bsn", e.event_id);
      add(by_value, e.event_id, "events", "event_id", e.event_id);
      if (e.description.size() >= 12)
        add(by_value, e.description, "events", "description", e.event_id);
    }
    for (auto& [value, needle] : by_value) needles.push_back(std::move(needle));
    // Every kind of value is there to be found.
    std::set<std::string> kinds;
    for (const auto& n : needles) kinds.insert(n.what.substr(0, n.what.find(" of ")));
    CHECK(kinds == std::set<std::string>{"assessments.rationale", "cases.birth_date", "cases.bsn",
                                         "cases.on_hold_reason", "cases.surname", "events.bsn",
                                         "events.description", "events.event_id",
                                         "interventions.rationale", "life_domains.goal"});
  }

  // Three active cases: one with a related case (the plan names family
  // links), the youngest (a minor's data), one on hold (a criminal-justice reason).
  void choose_plan_cases() {
    const Date today{2026, 11, 28};
    const CaseRecord* related = nullptr;
    const CaseRecord* youngest = nullptr;
    const CaseRecord* on_hold = nullptr;
    for (const auto& c : data.cases) {
      if (!c.active_at(today)) continue;
      if (!related && !c.related_case_id.empty()) related = &c;
      if (c.birth_date && (!youngest || *c.birth_date > *youngest->birth_date)) youngest = &c;
      if (!on_hold && !c.on_hold_reason.empty()) on_hold = &c;
    }
    REQUIRE(related != nullptr);
    REQUIRE(youngest != nullptr);
    REQUIRE(on_hold != nullptr);
    for (const CaseRecord* c : {related, youngest, on_hold})
      if (std::find(plan_cases.begin(), plan_cases.end(), c->case_id) == plan_cases.end())
        plan_cases.push_back(c->case_id);
    REQUIRE(plan_cases.size() == 3);
  }

  const Audience& audience(const std::string& code) const {
    const Audience* a = config.find_audience(code);
    REQUIRE(a != nullptr);
    return *a;
  }

  std::string store_hash() const { return sha256_file_hex(store).value(); }
};

Fixture& fixture() {
  static Fixture f;
  return f;
}

// What one rendered file showed: forbidden values found, and how many values
// the audience may see were found (proof that the search reaches the text).
struct Findings {
  std::vector<std::string> forbidden;
  std::size_t permitted = 0;
};

Findings search(const Fixture& f, const std::string& text, const Audience& audience) {
  Findings found;
  for (const auto& needle : f.needles) {
    if (!occurs(text, needle.value)) continue;
    bool visible = false;
    for (const auto& category : needle.categories)
      visible = visible || audience.categories.count(category) > 0;
    if (visible) {
      ++found.permitted;
    } else {
      found.forbidden.push_back("'" + needle.value + "' (" + needle.what + ")");
    }
  }
  if (!audience.receives_case_data()) {
    for (std::size_t i = 0; i < f.case_ids.size(); ++i) {
      if (occurs(text, f.case_ids[i])) found.forbidden.push_back("case id " + f.case_ids[i]);
      if (occurs(text, f.pseudonyms[i])) found.forbidden.push_back("pseudonym " + f.pseudonyms[i]);
    }
  }
  return found;
}

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& i : items) out += (out.empty() ? "" : "; ") + i;
  return out;
}

struct Rendered {
  std::map<std::string, std::string> text;  // relative path -> haystack
};

// Renders `args` for `audience_code` into a fresh folder, checks that the
// files written are exactly `expected` and are recorded for that audience,
// and that none shows what the audience may not see.
Rendered render(const Fixture& f, const std::string& args, const std::string& audience_code,
                const std::string& lang, const std::set<std::string>& expected) {
  static int n = 0;
  const fs::path out = f.dir / ("out-" + std::to_string(n++));
  const Output run = f.casus(args, out, lang);
  INFO("casus --lang " << lang << " " << args << "\n" << run.err);
  REQUIRE(run.status == 0);
  auto manifest = Poco::JSON::Parser()
                      .parse(read_file(out / "manifest.json").value())
                      .extract<Poco::JSON::Object::Ptr>();
  auto files = manifest->getArray("files");
  std::set<std::string> written;
  Rendered rendered;
  const Audience& audience = f.audience(audience_code);
  for (std::size_t i = 0; i < files->size(); ++i) {
    auto entry = files->getObject(static_cast<unsigned>(i));
    const std::string path = entry->getValue<std::string>("path");
    written.insert(path);
    INFO(path);
    CHECK(entry->getValue<std::string>("audience") == audience_code);
    const std::string text = haystack(out / path);
    REQUIRE(text.size() > 100);
    const Findings found = search(f, text, audience);
    CHECK(joined(found.forbidden) == "");
    rendered.text[path] = text;
  }
  CHECK(written == expected);
  return rendered;
}

// A pair the CLI refuses: the exact message, exit status 2, nothing written,
// the store untouched.
void refused(const Fixture& f, const std::string& args, const std::string& message) {
  const fs::path out = f.dir / "refused";
  fs::remove_all(out);
  const std::string before = f.store_hash();
  const Output run = f.casus(args, out);
  INFO("casus " << args);
  CHECK(run.status == 2);
  CHECK(run.err == message);
  CHECK(run.out.empty());
  CHECK_FALSE(fs::exists(out));
  CHECK(f.store_hash() == before);
}

const std::vector<std::string> kAllAudiences = {
    "board",    "staff",    "casusoverleg", "woensdagochtendoverleg",
    "driehoek", "partners", "regisseurs"};

}  // namespace

TEST_CASE("audiences: the shipped audiences are the ones this matrix covers") {
  const Fixture& f = fixture();
  std::vector<std::string> codes;
  for (const auto& a : f.config.audiences) codes.push_back(a.code);
  CHECK(codes == kAllAudiences);
  // Which of them receive names, bsns and birth dates, and which no case data.
  std::vector<std::string> identifying, none;
  for (const auto& a : f.config.audiences) {
    if (a.categories.count("identificatie")) identifying.push_back(a.code);
    if (!a.receives_case_data()) none.push_back(a.code);
  }
  CHECK(identifying ==
        std::vector<std::string>{"casusoverleg", "woensdagochtendoverleg", "driehoek"});
  CHECK(none == std::vector<std::string>{"board", "partners", "regisseurs"});
  CHECK(f.needles.size() > 1000);
}

TEST_CASE("audiences: plans and agendas for every audience show only what it may see") {
  const Fixture& f = fixture();
  std::string ids;
  for (const auto& id : f.plan_cases) ids += " " + id;
  for (const std::string lang : {"nl", "en"}) {
    for (const std::string audience :
         {"staff", "casusoverleg", "woensdagochtendoverleg", "driehoek"}) {
      std::set<std::string> expected;
      for (const auto& id : f.plan_cases)
        for (const char* ext : {".pdf", ".docx"}) expected.insert("plannen/plan-" + id + ext);
      const Rendered plans =
          render(f, "plan --audience " + audience + ids, audience, lang, expected);
      for (const std::string forum : {"casusoverleg", "woensdagochtendoverleg"}) {
        const Rendered agenda =
            render(f, "agenda --date 2026-11-28 --forum " + forum + " --audience " + audience,
                   audience, lang, {"agenda/agenda-" + forum + "-2026-11-28.pdf"});
        // The search finds names where the audience may see them.
        if (audience == "casusoverleg") {
          const Findings found = search(f, agenda.text.begin()->second, f.audience(audience));
          CHECK(found.permitted >= 10);
        }
      }
      // Positive control: in the plans of the audiences that may see them,
      // the search finds each case's name and birth date, in the PDF and in the DOCX.
      const bool identifying = f.audience(audience).categories.count("identificatie") > 0;
      for (const auto& id : f.plan_cases) {
        const CaseRecord& c = *std::find_if(f.data.cases.begin(), f.data.cases.end(),
                                            [&](const CaseRecord& r) { return r.case_id == id; });
        const std::string name = squash(c.given_names + " " + c.surname);
        const std::string born = date_forms(*c.birth_date)[lang == "nl" ? 4 : 5];
        for (const char* ext : {".pdf", ".docx"}) {
          const std::string& text = plans.text.at("plannen/plan-" + id + ext);
          INFO(audience << " " << lang << " " << id << ext);
          CHECK(occurs(text, name) == identifying);
          CHECK(occurs(text, born) == identifying);
          CHECK(occurs(text, id));
        }
      }
    }
  }
  for (const std::string audience : {"board", "partners", "regisseurs"}) {
    const std::string why =
        audience == "board" ? "krijgt alleen geaggregeerde cijfers" : "krijgt geen casusgegevens";
    refused(f, "plan --audience " + audience + ids,
            "casus: --audience: '" + audience + "' " + why +
                " (plannen zijn er voor: staff, casusoverleg, woensdagochtendoverleg, driehoek)\n");
    for (const std::string forum : {"casusoverleg", "woensdagochtendoverleg"})
      refused(f, "agenda --date 2026-11-28 --forum " + forum + " --audience " + audience,
              "casus: --audience: '" + audience + "' " + why +
                  " (agenda's zijn er voor: staff, casusoverleg, woensdagochtendoverleg, driehoek)\n");
  }
  refused(f, "plan --audience bestuur" + ids,
          "casus: --audience: 'bestuur' is onbekend (plannen zijn er voor: staff, casusoverleg, "
          "woensdagochtendoverleg, driehoek)\n");
}

TEST_CASE(
    "audiences: monthly report, case list and indicators for every audience show only what it may "
    "see") {
  const Fixture& f = fixture();
  const std::string month = kMonth;
  for (const std::string lang : {"nl", "en"}) {
    render(f, "report monthly --month " + month + " --audience board", "board", lang,
           {"maandrapportage/maandrapportage-" + month + ".xlsx",
            "maandrapportage/maandrapportage-" + month + ".pdf"});
    render(f, "report monthly --month " + month + " --audience staff", "staff", lang,
           {"maandrapportage/maandrapportage-" + month + "-staff.xlsx",
            "maandrapportage/maandrapportage-" + month + "-staff.pdf"});
    const Rendered list = render(f, "report caselist --month " + month + " --format xlsx,pdf", "staff", lang,
                                 {"casuslijst/casuslijst-" + month + ".xlsx", "casuslijst/casuslijst-" + month + ".pdf"});
    // The case list, workbook and PDF, is under pseudonyms: the search finds them, and no case id.
    for (const auto& [path, text] : list.text) {
      INFO(path);
      std::size_t pseudonyms = 0;
      for (std::size_t i = 0; i < f.case_ids.size(); ++i) {
        INFO(f.case_ids[i]);
        CHECK_FALSE(occurs(text, f.case_ids[i]));
        if (occurs(text, f.pseudonyms[i])) ++pseudonyms;
      }
      CHECK(pseudonyms == 81);  // the cases active at the end of the month
    }
  }
  for (const std::string audience :
       {"casusoverleg", "woensdagochtendoverleg", "driehoek", "partners", "regisseurs"})
    refused(f, "report monthly --month " + month + " --audience " + audience,
            "casus: --audience: de maandrapportage is er voor 'board' of 'staff', niet voor '" +
                audience + "'\n");
  // The case list is always for staff; it takes no audience.
  refused(
      f, "report caselist --month " + month + " --audience board",
      "casus: The following arguments were not expected: board --audience\nZie 'casus --help'.\n");

  // `casus indicators` prints aggregates for any audience; none shows case data.
  for (const auto& code : kAllAudiences) {
    const Output run =
        f.casus("indicators --month " + month + " --audience " + code, f.dir / "indicators");
    INFO(code << "\n" << run.err);
    REQUIRE(run.status == 0);
    REQUIRE(run.out.find("\"active\": 81") != std::string::npos);
    const std::string text = squash(run.out) + "\n" + squash(json_text(run.out));
    const Findings found = search(f, text, f.audience(code));
    CHECK(joined(found.forbidden) == "");
    for (std::size_t i = 0; i < f.case_ids.size(); ++i) CHECK_FALSE(occurs(text, f.case_ids[i]));
  }
}

TEST_CASE("audiences: covenant, training, handbook and the import report carry no case data") {
  const Fixture& f = fixture();
  int version = 0;  // the covenant stores each draft: the nl run is version 1, the en run version 2
  for (const std::string lang : {"nl", "en"}) {
    ++version;
    const std::string stem = "convenant/convenant-v" + std::to_string(version);
    render(f, "covenant", "partners", lang, {stem + ".docx", stem + ".pdf"});
    render(f, "handbook", "partners", lang, {"handboek/uitvoeringskader.pdf"});
    render(
        f, "training", "regisseurs", lang,
        {"training/1-regisseur.pdf", "training/2-plan-van-aanpak.pdf",
         "training/3-beoordelingskader.pdf", "training/4-instrumentenkoffer.pdf",
         "training/5-gesprek.pdf", "training/6-radicalisering.pdf", "training/7-casusoverleg.pdf",
         "training/presentielijst.pdf", "training/certificaten.pdf",
         "formulieren/beoordelingskader-blanco.pdf", "formulieren/plan-van-aanpak-blanco.pdf"});
  }
  for (const std::string command : {"covenant", "training", "handbook"})
    refused(f, command + " --audience casusoverleg",
            "casus: The following arguments were not expected: casusoverleg --audience\nZie 'casus "
            "--help'.\n");

  // The import report (HTML) is for staff.
  REQUIRE(f.import_files == std::set<std::string>{"importverslag-20261128-090000.html"});
  const fs::path report = f.dir / "import" / "importverslag-20261128-090000.html";
  const std::string text = haystack(report);
  REQUIRE(text.find("gemeente_cases.csv") != std::string::npos);
  const Findings found = search(f, text, f.audience("staff"));
  CHECK(joined(found.forbidden) == "");
}
