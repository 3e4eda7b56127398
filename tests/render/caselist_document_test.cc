// The case list as a PDF: rendered through templates/caselist/caselist.mustache
// chunk by chunk, read back with pdftotext -layout, pdfinfo and qpdf --check:
// every case under its pseudonym in the order of the workbook's rows, the
// header rows on every page, overdue reviews marked in text, life-domain
// cells with their band letter and score, no identifiers; and the schema that
// refuses a template asking for a name or a case id.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <regex>
#include <sstream>

#include "core/file_io.h"
#include "logic/dataset_index.h"
#include "monthly_fixture.h"
#include "render/caselist_document.h"
#include "render/markup_parser.h"
#include "render/pdf_writer.h"
#include "render/report_meta.h"
#include "test_support.h"

using namespace casus;
using namespace casus::testing;
namespace fs = std::filesystem;

namespace {

const std::string kKey(32, '\x42');
const YearMonth kMonth{2026, 10};

fs::path template_path() { return fs::path(CASUS_SOURCE_DIR) / "templates" / kCaseListTemplate; }

PdfOptions landscape() { return caselist_page(PdfOptions{}); }

DocumentMeta meta_for(const Config& config, Language language, const Date& data_as_of) {
  return report_document_meta(*config.find_audience("staff"), language,
                              language == Language::en ? "Case list" : "Casuslijst",
                              format_month_long(kMonth, language), data_as_of, DateTime{Date{2026, 11, 28}, 9, 0, 0},
                              "Gemeente");
}

std::vector<std::string> pages_of(const std::string& text) {
  std::vector<std::string> pages;
  std::size_t start = 0;
  for (std::size_t at; (at = text.find('\f', start)) != std::string::npos; start = at + 1)
    pages.push_back(text.substr(start, at - start));
  if (start < text.size()) pages.push_back(text.substr(start));
  return pages;
}

}  // namespace

TEST_CASE("case list PDF: every case in workbook order, header rows on every page, overdue and bands in text") {
  const Config& config = report_config();
  const Dataset data = report_dataset(300);
  const DatasetIndex index(data);
  const Pseudonymizer p(kKey);
  const CaseList list(index, config, kMonth, Language::nl, p);
  REQUIRE(list.size() > 150);
  const Audience& staff = *config.find_audience("staff");
  const DocumentMeta meta = meta_for(config, Language::nl, data.data_as_of);
  const DocumentSchema schema = caselist_schema(config);

  // Chunks of 64 rows (and a partial last one) give the same tree as one pass.
  CollectingSink sink;
  auto chunked = render_caselist_document(list, meta, staff, schema, template_path(), sink, {64});
  INFO(chunked.message());
  REQUIRE(chunked.is_ok());
  auto whole = render_caselist_document(list, meta, staff, schema, template_path(), sink, {100000});
  REQUIRE(whole.is_ok());
  CHECK(sink.diagnostics().empty());
  std::size_t tables = 0;
  for (const auto& block : chunked->blocks) {
    if (const auto* t = std::get_if<doc::Table>(&block)) {
      ++tables;
      CHECK(t->header_rows == 2);
      CHECK(t->rows.size() == 2 + list.size());
      CHECK(t->columns.size() == 8 + config.monitoring.life_domains.size());
      CHECK(t->density == doc::TableDensity::compact);
    }
  }
  CHECK(tables == 1);
  // The cells of the tree, exactly: the workbook's values, stacked two to a column.
  const doc::Table* table = nullptr;
  for (const auto& block : chunked->blocks)
    if (const auto* t = std::get_if<doc::Table>(&block)) table = t;
  REQUIRE(table != nullptr);
  for (std::size_t i = 0; i < list.size(); i += 7) {
    const CaseListRow r = list.row(i);
    const doc::Row& row = table->rows.at(2 + i);
    INFO("row " << i);
    REQUIRE(row.cells.size() == 8 + r.domains.size());
    CHECK(doc::plain_text(row.cells[0].runs) == r.pseudonym);
    CHECK(doc::plain_text(row.cells[1].runs) == r.regisseur);
    CHECK(doc::plain_text(row.cells[2].runs) == std::to_string(r.risk_group));
    CHECK(doc::plain_text(row.cells[3].runs) == r.stage);
    CHECK(doc::plain_text(row.cells[4].runs) ==
          (r.judgement.empty() ? std::string("—") : r.judgement + " " + format_date_short(*r.judged_on)));
    CHECK(doc::plain_text(row.cells[5].runs) == format_date_short(r.review_due) + (r.review_overdue ? " te laat" : ""));
    CHECK(row.cells[5].status == (r.review_overdue ? std::optional(doc::StatusLevel::red) : std::nullopt));
    CHECK(doc::plain_text(row.cells[6].runs) == std::to_string(r.escalation_level));
    for (std::size_t d = 0; d < r.domains.size(); ++d) {
      const doc::Cell& cell = row.cells[7 + d];
      const std::string band = r.domains[d].band;
      CHECK(cell.status == band_status_level(band));
      CHECK(doc::plain_text(cell.runs) ==
            (r.domains[d].score == 0 ? std::string("–")
                                     : std::string(1, static_cast<char>(band[0] - 'a' + 'A')) +
                                           std::to_string(r.domains[d].score)));
    }
    CHECK(doc::plain_text(row.cells[7 + r.domains.size()].runs) == r.instruments);
  }
  auto chunked_pdf = render_pdf(*chunked, landscape());
  auto whole_pdf = render_pdf(*whole, landscape());
  REQUIRE(chunked_pdf.is_ok());
  REQUIRE(whole_pdf.is_ok());
  CHECK(*chunked_pdf == *whole_pdf);
  // One thread or five: the same document.
  for (unsigned workers : {1u, 5u}) {
    INFO("workers " << workers);
    auto threaded = render_caselist_document(list, meta, staff, schema, template_path(), sink, {64, workers});
    REQUIRE(threaded.is_ok());
    auto threaded_pdf = render_pdf(*threaded, landscape());
    REQUIRE(threaded_pdf.is_ok());
    CHECK(*threaded_pdf == *whole_pdf);
  }
  CHECK(sink.diagnostics().empty());

  const fs::path pdf = output_folder() / "casuslijst-2026-10.pdf";
  REQUIRE(write_pdf(*chunked, pdf, landscape()).is_ok());

  const auto check = run_command("qpdf --check " + quoted(pdf) + " 2>&1");
  INFO(check.output);
  CHECK(check.status == 0);
  CHECK(check.output.find("No syntax or stream encoding errors found") != std::string::npos);

  const auto info = run_command("pdfinfo " + quoted(pdf) + " 2>/dev/null");
  REQUIRE(info.status == 0);
  CHECK(info.output.find("Page size:       841.89 x 595.276 pts (A4)") != std::string::npos);
  const std::smatch pages_match = [&] {
    std::smatch m;
    std::regex_search(info.output, m, std::regex("Pages: +([0-9]+)"));
    return m;
  }();
  REQUIRE(pages_match.size() == 2);
  const int page_count = std::stoi(pages_match[1]);
  CHECK(page_count > 3);

  const auto extracted = run_command("pdftotext -layout " + quoted(pdf) + " - 2>/dev/null");
  REQUIRE(extracted.status == 0);
  const std::string& text = extracted.output;
  const std::vector<std::string> pages = pages_of(text);
  REQUIRE(static_cast<int>(pages.size()) == page_count);

  // Every case once, in list (= workbook) order.
  std::size_t previous = 0;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const std::string pseudonym = list.row(i).pseudonym;
    INFO("row " << i << " " << pseudonym);
    const std::size_t at = text.find(pseudonym);
    REQUIRE(at != std::string::npos);
    CHECK(text.find(pseudonym, at + 1) == std::string::npos);
    CHECK((i == 0 || at > previous));
    previous = at;
  }
  // Every page with rows starts with both header rows, and those are all pages but the notes.
  int pages_with_rows = 0;
  for (std::size_t n = 0; n < pages.size(); ++n) {
    const std::string& page = pages[n];
    if (!std::regex_search(page, std::regex("C-[0-9A-Z]{10}"))) continue;
    ++pages_with_rows;
    INFO("page " << n + 1);
    CHECK(count_of(page, "Leefgebieden") >= 1);
    CHECK(count_of(page, "Pseudoniem") == 1);
    CHECK(count_of(page, "Herbeoor-") == 1);
    const std::size_t header = page.find("Pseudoniem");
    const std::size_t first_row = page.find("C-", header);
    CHECK(header < first_row);
    // The marking and "pagina X van Y" on every page.
    CHECK(page.find("VERTROUWELIJK — alleen voor projectmedewerkers en regisseurs") != std::string::npos);
    CHECK(page.find("pagina " + std::to_string(n + 1) + " van " + std::to_string(page_count)) != std::string::npos);
  }
  CHECK(pages_with_rows >= page_count - 1);

  // Overdue reviews say so in text ("te laat"), once per overdue case (and once in the intro).
  std::size_t overdue = 0, scored = 0;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const CaseListRow r = list.row(i);
    if (r.review_overdue) ++overdue;
    for (const auto& d : r.domains) scored += d.score > 0 ? 1 : 0;
  }
  REQUIRE(overdue > 10);
  CHECK(count_of(text, "te laat") == overdue + 1);
  // Each scored life-domain cell prints its band letter and its score as one
  // word ("R2", "O3", "G4"): as many such words as scored cells.
  std::size_t letters = 0;
  const std::regex letter("(^|[^0-9A-Za-z-])[ROG][1-5](?=[^0-9A-Za-z]|$)");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), letter); it != std::sregex_iterator(); ++it) ++letters;
  REQUIRE(scored > 100);
  CHECK(letters == scored);
  CHECK(squash(text).find("R = rood (score 1–2), O = oranje (3), G = groen (4–5), – = geen meting; achter de letter "
                          "de laatste score.") != std::string::npos);

  // No identifiers: case ids, names, bsns.
  CHECK(text.find("CASE-") == std::string::npos);
  CHECK(text.find("Zwartveen") == std::string::npos);
  CHECK(text.find("Testvoornaam") == std::string::npos);
  CHECK_FALSE(std::regex_search(text, std::regex("9[0-9]{8}")));
}

TEST_CASE("case list PDF in English: headers, overdue, legend") {
  const Config& config = report_config();
  const Dataset data = report_dataset(120);
  const DatasetIndex index(data);
  const Pseudonymizer p(kKey);
  const CaseList list(index, config, kMonth, Language::en, p);
  CollectingSink sink;
  auto document = render_caselist_document(list, meta_for(config, Language::en, data.data_as_of),
                                           *config.find_audience("staff"), caselist_schema(config), template_path(),
                                           sink);
  REQUIRE(document.is_ok());
  const fs::path pdf = output_folder() / "caselist-2026-10-en.pdf";
  REQUIRE(write_pdf(*document, pdf, landscape()).is_ok());
  const std::string text = squash(run_command("pdftotext " + quoted(pdf) + " - 2>/dev/null").output);
  CHECK(text.find("Case list") != std::string::npos);
  CHECK(text.find("Pseudonym") != std::string::npos);
  CHECK(text.find("Life domains") != std::string::npos);
  CHECK(text.find("CONFIDENTIAL — project staff and case directors only") != std::string::npos);
  CHECK(text.find("page 1 of ") != std::string::npos);
  CHECK(text.find("R = red (score 1–2)") != std::string::npos);
  CHECK(text.find(" overdue") != std::string::npos);
  CHECK(text.find("te laat") == std::string::npos);
  CHECK(text.find("Pseudoniem") == std::string::npos);
}

TEST_CASE("case list PDF: an empty month, and a template that breaks the one-row-per-case rule") {
  const Config& config = report_config();
  const Dataset empty;
  const DatasetIndex index(empty);
  const Pseudonymizer p(kKey);
  const CaseList list(index, config, kMonth, Language::nl, p);
  const Audience& staff = *config.find_audience("staff");
  const DocumentMeta meta = meta_for(config, Language::nl, Date{2026, 11, 1});
  CollectingSink sink;
  auto document = render_caselist_document(list, meta, staff, caselist_schema(config), template_path(), sink);
  REQUIRE(document.is_ok());
  const fs::path pdf = output_folder() / "casuslijst-leeg.pdf";
  REQUIRE(write_pdf(*document, pdf, landscape()).is_ok());
  const std::string empty_text = squash(run_command("pdftotext " + quoted(pdf) + " - 2>/dev/null").output);
  CHECK(empty_text.find("0 casussen actief op 31 oktober 2026") != std::string::npos);
  CHECK(empty_text.find("Aan het eind van deze maand is geen casus actief.") != std::string::npos);

  // A template with two rows per case is refused with the reason.
  const Dataset data = report_dataset(40);
  const DatasetIndex full_index(data);
  const CaseList full(full_index, config, kMonth, Language::nl, p);
  REQUIRE(full.size() > 0);
  std::string source = read_file(template_path()).value();
  const std::string row_start = "  {{#rows}}\n";
  const std::size_t at = source.find(row_start);
  REQUIRE(at != std::string::npos);
  source.insert(at + row_start.size(), "  <tr><td colspan=\"{{domain_count}}\">x</td><td colspan=\"8\">y</td></tr>\n");
  const fs::path broken = output_folder() / "caselist-two-rows.mustache";
  std::ofstream(broken, std::ios::binary | std::ios::trunc) << source;
  auto refused = render_caselist_document(full, meta, staff, caselist_schema(config), broken, sink);
  REQUIRE_FALSE(refused.is_ok());
  CHECK(refused.message() == broken.generic_string() +
                                 ": the table must hold one row per case after its 2 header row(s), not " +
                                 std::to_string(2 * full.size()) + " for " + std::to_string(full.size()) + " cases");
  // Rendered in chunks of 8 on two threads, the first chunk's error is the one reported.
  REQUIRE(full.size() > 16);
  auto refused_in_chunks = render_caselist_document(full, meta, staff, caselist_schema(config), broken, sink, {8});
  REQUIRE_FALSE(refused_in_chunks.is_ok());
  CHECK(refused_in_chunks.message() ==
        broken.generic_string() + ": the table must hold one row per case after its 2 header row(s), not 16 for 8 cases");
  // Never for an audience that is not pseudonymised.
  auto board = render_caselist_document(full, meta, *config.find_audience("casusoverleg"), caselist_schema(config),
                                        template_path(), sink);
  REQUIRE_FALSE(board.is_ok());
  CHECK(board.message() == "audience 'casusoverleg' is not pseudonymised: the case list is only for staff");
}

TEST_CASE("case list schema: the shipped template passes, a name, bsn or case id in it is refused") {
  const Config& config = report_config();
  const Audience& staff = *config.find_audience("staff");
  const DocumentSchema schema = caselist_schema(config);
  CHECK(check_template_for_audience(template_path(), schema, staff).empty());

  std::string source = read_file(template_path()).value();
  const std::string cell = "<td><b>{{pseudonym}}</b>";
  const std::size_t at = source.find(cell);
  REQUIRE(at != std::string::npos);
  source.replace(at, cell.size(), "<td><b>{{pseudonym}}</b> {{name}} {{bsn}} {{case_id}}");
  const fs::path bad = output_folder() / "caselist-identifying.mustache";
  std::ofstream(bad, std::ios::binary | std::ios::trunc) << source;
  std::vector<std::string> messages;
  for (const auto& d : check_template_for_audience(bad, schema, staff)) messages.push_back(d.to_string());
  const std::size_t line = 1 + static_cast<std::size_t>(std::count(source.begin(), source.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
  const std::size_t column = at - source.rfind('\n', at) + std::string("<td><b>{{pseudonym}}</b> ").size();
  const std::string where = bad.string() + ":" + std::to_string(line) + ":";
  CHECK(messages == std::vector<std::string>{
                        where + std::to_string(column) +
                            ": key 'rows.name' has data category 'identificatie', which audience 'staff' may not receive",
                        where + std::to_string(column + 9) +
                            ": key 'rows.bsn' has data category 'identificatie', which audience 'staff' may not receive",
                        where + std::to_string(column + 17) +
                            ": key 'case_id' is not declared in the schema of document 'casuslijst'"});
}

TEST_CASE("case list PDF: the pseudonym column holds the widest pseudonym on one line") {
  // A pseudonym is "C-" and ten letters or digits; W is the widest of them.
  // Any that broke over two lines would be unreadable and unsearchable.
  const std::string source = read_file(template_path()).value();
  std::smatch width;
  REQUIRE(std::regex_search(source, width, std::regex("<table header-rows=\"2\" density=\"compact\">\\s*<col width=\"([0-9]+)\"")));
  const std::string widest = "C-WWWWWWWWWW";
  // The second column takes the rest of the line, so the first keeps its width as in the case list.
  const PdfOptions options;
  const int rest = static_cast<int>(options.page_width - 2 * options.side_margin) - std::stoi(width[1].str());
  const std::string markup = "<document title='Casuslijst' marking='m' created='2026-11-28T09:00:00'><table header-rows=\"1\" density=\"compact\"><col width=\"" + width[1].str() +
                             "\"/><col width=\"" + std::to_string(rest) + "\"/><tr><th>Pseudoniem</th><th>Regisseur</th></tr><tr><td><b>" +
                             widest + "</b></td><td>Annelies Voorbeeld</td></tr></table></document>";
  CollectingSink sink;
  auto doc = parse_markup(markup, "widest.xml", sink);
  REQUIRE(doc.is_ok());
  const fs::path pdf = output_folder() / "caselist_widest_pseudonym.pdf";
  REQUIRE(write_pdf(*doc, pdf, options).is_ok());
  if (!have_tool("pdftotext")) {
    WARN("pdftotext not installed: skipping");
    return;
  }
  const auto text = run_command("pdftotext -layout " + quoted(pdf) + " - 2>/dev/null");
  REQUIRE(text.status == 0);
  CHECK(text.output.find(widest) != std::string::npos);
}
