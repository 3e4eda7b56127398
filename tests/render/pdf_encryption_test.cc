// Encrypted PDFs: AES-256 (R=6) via libqpdf, checked with the tools a reader
// would use: pdfinfo, qpdf --show-encryption, pdftotext with and without
// the password.
#include <catch2/catch.hpp>

#include <filesystem>

#include "core/file_io.h"
#include "render/pdf_encryption.h"
#include "render/pdf_writer.h"
#include "test_support.h"

using namespace casus;
using namespace casus::testing;
namespace fs = std::filesystem;

namespace {

Document case_document() {
  Document doc;
  doc.meta.title = "Plan van aanpak Vertrouwelijkzaak";
  doc.meta.audience = "casusoverleg";
  doc.meta.marking = "VERTROUWELIJK — alleen voor deelnemers casusoverleg";
  doc.meta.data_as_of = "28 november 2026";
  doc.meta.generated_at = "28 november 2026 09:00";
  doc.meta.author = "Casus";
  doc.meta.created = DateTime{{2026, 11, 28}, 9, 0, 0};
  doc::Paragraph p;
  doc::Run run;
  run.text = "Geheimtekstje Oosterveldtestnaam 1999-04-05";
  p.runs.push_back(run);
  doc.blocks.push_back(p);
  return doc;
}

}  // namespace

TEST_CASE("pdf encryption: AES-256 R6, unreadable without the password, readable with it") {
  const fs::path out = output_folder() / "encrypted.pdf";
  REQUIRE(write_pdf(case_document(), out).is_ok());
  const std::string plain = read_file(out).value();
  REQUIRE(encrypt_pdf_file(out, "s3cret wachtwoord").is_ok());
  const std::string sealed = read_file(out).value();
  CHECK(sealed != plain);
  CHECK(sealed.find("Vertrouwelijkzaak") == std::string::npos);  // the title (metadata) is encrypted too
  for (const auto& entry : fs::directory_iterator(out.parent_path()))
    CHECK(entry.path().filename().string().rfind(".casus-tmp-", 0) != 0);
  if (!have_tool("qpdf") || !have_tool("pdftotext") || !have_tool("pdfinfo")) return;

  const auto info = run_command("pdfinfo -upw 's3cret wachtwoord' " + quoted(out) + " 2>&1");
  CHECK(info.output.find("Encrypted:       yes") != std::string::npos);
  const auto shown = run_command("qpdf --show-encryption --password='s3cret wachtwoord' " + quoted(out));
  CHECK(shown.status == 0);
  CHECK(shown.output.find("R = 6") != std::string::npos);
  CHECK(shown.output.find("stream encryption method: AESv3") != std::string::npos);
  CHECK(shown.output.find("string encryption method: AESv3") != std::string::npos);
  CHECK(run_command("qpdf --check --password='s3cret wachtwoord' " + quoted(out) + " >/dev/null 2>&1").status == 0);

  const auto locked = run_command("pdftotext " + quoted(out) + " - 2>&1");
  CHECK(locked.status != 0);
  CHECK(locked.output.find("Geheimtekstje") == std::string::npos);
  const auto wrong = run_command("pdftotext -upw fout " + quoted(out) + " - 2>&1");
  CHECK(wrong.status != 0);
  const auto opened = run_command("pdftotext -upw 's3cret wachtwoord' " + quoted(out) + " - 2>/dev/null");
  CHECK(opened.status == 0);
  CHECK(squash(opened.output).find("Geheimtekstje Oosterveldtestnaam 1999-04-05") != std::string::npos);
  const auto meta = run_command("pdfinfo -upw 's3cret wachtwoord' " + quoted(out) + " 2>/dev/null");
  CHECK(meta.output.find("Plan van aanpak Vertrouwelijkzaak") != std::string::npos);
}

TEST_CASE("pdf encryption: refused passwords and damaged input, file left as it was") {
  const auto pdf = render_pdf(case_document());
  REQUIRE(pdf.is_ok());
  CHECK(encrypt_pdf(*pdf, "").message() == "PDF password is empty");
  CHECK(encrypt_pdf(*pdf, std::string(128, 'x')).message() == "PDF password is longer than 127 bytes");
  CHECK(encrypt_pdf(*pdf, std::string("a\0b", 3)).message() == "PDF password contains a NUL byte");
  const fs::path out = output_folder() / "not-a-pdf.pdf";
  REQUIRE(write_file_atomic(out, "not a pdf at all").is_ok());
  const Status damaged = encrypt_pdf_file(out, "pw");
  CHECK_FALSE(damaged.is_ok());
  CHECK(damaged.message().rfind(out.string() + ": cannot encrypt PDF: ", 0) == 0);
  CHECK(read_file(out).value() == "not a pdf at all");
}
