#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "app/pdf_password.h"

using namespace casus;
namespace fs = std::filesystem;

TEST_CASE("pdf password: from the file's first line, else the environment, else none") {
  const fs::path dir = fs::temp_directory_path() / ("casus-pdf-password-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const fs::path file = dir / "pw.txt";
  std::ofstream(file) << "geheim wachtwoord\r\ntweede regel\n";
  ::chmod(file.c_str(), 0600);
  ::unsetenv(kPdfPasswordVariable);
  CHECK(pdf_password("").value() == std::nullopt);
  CHECK(pdf_password(file).value() == std::optional<std::string>("geheim wachtwoord"));
  ::setenv(kPdfPasswordVariable, "uit-de-omgeving", 1);
  CHECK(pdf_password("").value() == std::optional<std::string>("uit-de-omgeving"));
  CHECK(pdf_password(file).value() == std::optional<std::string>("geheim wachtwoord"));  // the file wins
  ::setenv(kPdfPasswordVariable, "", 1);
  CHECK(pdf_password("").message() == "CASUS_PDF_PASSWORD: the PDF password is empty");
  ::unsetenv(kPdfPasswordVariable);

  ::chmod(file.c_str(), 0644);
  CHECK(pdf_password(file).message() == file.string() +
                                            ": password file is accessible to others (mode 0644); refusing to use it. "
                                            "Restrict it with: chmod 600 " + file.string());
  const fs::path empty = dir / "empty.txt";
  std::ofstream(empty) << "\n";
  ::chmod(empty.c_str(), 0600);
  CHECK(pdf_password(empty).message() == empty.string() + ": the PDF password is empty");
  const fs::path longer = dir / "long.txt";
  std::ofstream(longer) << std::string(128, 'x');
  ::chmod(longer.c_str(), 0600);
  CHECK(pdf_password(longer).message() == longer.string() + ": the PDF password is longer than 127 bytes");
  CHECK(pdf_password(dir / "none.txt").message() == (dir / "none.txt").string() + ": cannot open: No such file or directory");
  fs::remove_all(dir);
}
