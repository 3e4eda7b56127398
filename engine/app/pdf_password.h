// PdfPassword: where the password for encrypted per-case PDFs comes from —
// `--password-file FILE` (first line; the file must be readable by its owner
// only) or the environment variable CASUS_PDF_PASSWORD. Per-case document
// commands (casus plan, …) add the option with add_pdf_password_option() and,
// when a password is set, pass each written PDF to encrypt_pdf_file()
// (render/pdf_encryption.h) before recording it in the OutputRun.
#pragma once

#include <CLI/CLI.hpp>
#include <filesystem>
#include <optional>
#include <string>

#include "core/status.h"

namespace casus {

inline constexpr const char* kPdfPasswordVariable = "CASUS_PDF_PASSWORD";

// The password: from `password_file` when not empty, else from
// CASUS_PDF_PASSWORD, else nullopt (PDFs are written unencrypted).
Result<std::optional<std::string>> pdf_password(const std::filesystem::path& password_file);

// Adds --password-file to a document subcommand.
void add_pdf_password_option(CLI::App* command, std::filesystem::path& password_file);

}  // namespace casus
