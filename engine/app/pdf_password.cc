#include "app/pdf_password.h"

#include <sys/stat.h>

#include <cstdio>
#include <cstdlib>

#include "core/file_io.h"
#include "render/pdf_encryption.h"

namespace casus {

namespace {

Status check_password(const std::string& password, const std::string& where) {
  if (password.empty()) return Status::error(where + ": the PDF password is empty");
  if (password.size() > kMaxPdfPasswordBytes)
    return Status::error(where + ": the PDF password is longer than " + std::to_string(kMaxPdfPasswordBytes) +
                         " bytes");
  return Status::ok();
}

}  // namespace

Result<std::optional<std::string>> pdf_password(const std::filesystem::path& password_file) {
  if (!password_file.empty()) {
    struct stat st {};
    if (::stat(password_file.c_str(), &st) == 0 && (st.st_mode & 077) != 0) {
      char mode[8];
      std::snprintf(mode, sizeof mode, "%04o", static_cast<unsigned>(st.st_mode & 0777));
      return Status::error(password_file.string() + ": password file is accessible to others (mode " + mode +
                           "); refusing to use it. Restrict it with: chmod 600 " + password_file.string());
    }
    auto text = read_file(password_file);
    if (!text) return text.status();
    std::string password = text->substr(0, text->find_first_of("\r\n"));
    if (Status s = check_password(password, password_file.string()); !s) return s;
    return std::optional<std::string>(std::move(password));
  }
  if (const char* value = std::getenv(kPdfPasswordVariable); value != nullptr) {
    std::string password = value;
    if (Status s = check_password(password, kPdfPasswordVariable); !s) return s;
    return std::optional<std::string>(std::move(password));
  }
  return std::optional<std::string>();
}

void add_pdf_password_option(CLI::App* command, std::filesystem::path& password_file) {
  command->add_option("--password-file", password_file,
                      "Versleutel de PDF's (AES-256) met het wachtwoord op de eerste regel van dit bestand "
                      "(of zet CASUS_PDF_PASSWORD)");
}

}  // namespace casus
