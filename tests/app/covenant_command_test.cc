// `casus covenant`: two drafts in one store, the second after a change in
// config/partners, read back as people would (pdftotext, LibreOffice).
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "app_test_support.h"
#include "core/file_io.h"

using namespace casus::testing;
namespace fs = std::filesystem;

namespace {

void replace_in_file(const fs::path& path, const std::string& from, const std::string& to) {
  auto text = casus::read_file(path);
  REQUIRE(text.is_ok());
  const auto at = text->find(from);
  REQUIRE(at != std::string::npos);
  text->replace(at, from.size(), to);
  REQUIRE(casus::write_file_atomic(path, *text).is_ok());
}

// The article numbers of the headings "Artikel N. …" in order.
std::vector<int> article_numbers(const std::string& text) {
  std::vector<int> numbers;
  std::regex heading(R"(^\s*Artikel (\d+)\. [A-Z])");
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    std::smatch m;
    if (std::regex_search(line, m, heading)) numbers.push_back(std::stoi(m[1]));
  }
  return numbers;
}

}  // namespace

TEST_CASE("covenant: no store is reported clearly") {
  Scratch s("covenant-nostore");
  auto r = run_casus(s, "covenant");
  CHECK(r.status == 1);
  CHECK(r.output == "casus: opslag " + s.store().string() +
                        " bestaat niet; maak hem aan met 'casus init' (of geef --store)\n");
}

TEST_CASE("covenant: versions, change list after a partner change, continuous numbering") {
  Scratch s("covenant");
  REQUIRE(s.create_store());
  auto first = run_casus(s, "covenant --note 'Eerste concept voor de juristen'");
  INFO(first.output);
  REQUIRE(first.status == 0);
  CHECK(first.output.find("convenant/convenant-v1.docx") != std::string::npos);
  CHECK(first.output.find("convenant/convenant-v1.pdf") != std::string::npos);
  const std::string v1 = squash(pdf_text(s.out() / "convenant/convenant-v1.pdf"));
  CHECK(v1.find("Dit is de eerste versie; er is nog geen eerdere versie om mee te vergelijken.") != std::string::npos);
  CHECK(v1.find("Artikel 8. Jeugdigen en familieleden") != std::string::npos);
  CHECK(v1.find("Uiterlijk 5 jaar na afsluiting van een casus") != std::string::npos);

  // A partner leaves, the other youth partner becomes a care partner, the
  // probation service stops supplying criminal-justice data.
  fs::remove(s.root / "config/partners/rvdk.xml");
  replace_in_file(s.root / "config/partners/jeugdzorg.xml", "role=\"jeugd\"", "role=\"zorg\"");
  replace_in_file(s.root / "config/partners/reclassering.xml", "<exchange category=\"strafrechtelijk\" supplies=\"true\"",
                  "<exchange category=\"strafrechtelijk\" supplies=\"false\"");
  replace_in_file(s.root / "config/settings.xml", "years-after-closure=\"5\"", "years-after-closure=\"7\"");

  auto second = run_casus(s, "covenant --note 'Na overleg met de juristen'", "2026-12-03T14:30:00");
  INFO(second.output);
  REQUIRE(second.status == 0);
  const std::string v2 = squash(pdf_text(s.out() / "convenant/convenant-v2.pdf"));
  CHECK(v2.find("Wijzigingen ten opzichte van versie 1 Versie 1 is opgesteld op 28 november 2026. Sindsdien is het "
                "volgende gewijzigd. "
                "Partijen Uitgetreden: Raad voor de Kinderbescherming, regio Noord-Holland. "
                "Artikelen Artikel 3 (Rechtsgrondslagen) is gewijzigd. "
                "Artikel 4 (Informatie-uitwisseling) is gewijzigd. "
                "Artikel 6 (Verantwoordelijkheden van partijen) is gewijzigd. "
                "Artikel 8 (Bewaren en vernietigen) is gewijzigd. "
                "Artikel 8 van versie 1 (Jeugdigen en familieleden) is vervallen. "
                "Matrix van informatie-uitwisseling Reclassering Nederland, regio Amsterdam — Strafrechtelijke "
                "gegevens: levert niet meer. Inhoud") != std::string::npos);
  // The youth article is gone from the body (it is named only in the change list).
  CHECK(v2.find("Jeugdigen en familieleden") == v2.rfind("Jeugdigen en familieleden"));
  CHECK(v2.find("Uiterlijk 7 jaar na afsluiting van een casus") != std::string::npos);
  CHECK(second.output.find("Convenant versie 2: 0 artikel(en) toegevoegd, 1 vervallen, 4 gewijzigd; 0 partij(en) "
                           "toegetreden, 1 uitgetreden;") != std::string::npos);

  // The store keeps both versions; both files of both versions stay on disk.
  const casus::FixedClock clock(casus::DateTime{{2026, 12, 3}, 15, 0, 0});
  {
    auto store = casus::Store::open(s.store(), s.store().string() + ".key", clock);
    REQUIRE(store.is_ok());
    auto versions = (*store)->covenant_versions();
    REQUIRE(versions.is_ok());
    REQUIRE(versions->size() == 2);
    CHECK((*versions)[1].note == "Na overleg met de juristen");
    CHECK((*versions)[1].created_at == "2026-12-03T14:30:00");
    CHECK((*versions)[1].pdf_sha256 == *casus::sha256_file_hex(s.out() / "convenant/convenant-v2.pdf"));
  }
  CHECK(fs::exists(s.out() / "convenant/convenant-v1.docx"));

  // PDF numbering is continuous: 1..13 after the youth article dropped out.
  std::vector<int> expected(13);
  for (int i = 0; i < 13; ++i) expected[i] = i + 1;
  const std::string v2_text = pdf_text(s.out() / "convenant/convenant-v2.pdf");
  std::vector<int> in_pdf = article_numbers(v2_text);
  // The table of contents lists them once, the body once more.
  REQUIRE(in_pdf.size() == 26);
  CHECK(std::vector<int>(in_pdf.begin() + 13, in_pdf.end()) == expected);

  // The DOCX opens in LibreOffice and its numbering is continuous as well.
  if (run("command -v soffice >/dev/null 2>&1").status == 0) {
    const fs::path conv = s.root / "lo";
    auto lo = run("cd '" + s.root.string() + "' && HOME='" + s.root.string() +
                  "' soffice --headless --convert-to txt:Text --outdir '" + conv.string() + "' '" +
                  (s.out() / "convenant/convenant-v2.docx").string() + "' >/dev/null 2>&1");
    REQUIRE(lo.status == 0);
    auto text = casus::read_file(conv / "convenant-v2.txt");
    REQUIRE(text.is_ok());
    std::vector<int> in_docx = article_numbers(*text);
    REQUIRE(in_docx.size() >= 13);
    CHECK(std::vector<int>(in_docx.end() - 13, in_docx.end()) == expected);
    CHECK(text->find("artikel 4") != std::string::npos);  // cross-reference to the exchange article
  }
}
