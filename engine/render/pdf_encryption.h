// PdfEncryption: AES-256 encryption (PDF 2.0 security handler, R=6) of a PDF
// the PDF writer produced, for documents about individual cases. libharu
// offers only RC4, so the written file is post-processed with libqpdf.
// Metadata (the document information dictionary) is encrypted too; the one
// password opens the document and grants every permission.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "core/status.h"

namespace casus {

// R6 passwords are at most 127 bytes of UTF-8.
inline constexpr std::size_t kMaxPdfPasswordBytes = 127;

// The encrypted form of `pdf` (bytes of a complete PDF).
Result<std::string> encrypt_pdf(std::string_view pdf, const std::string& password);

// Encrypts the PDF at `path` in place, atomically (temporary file + rename):
// the unencrypted bytes are never left under the final name.
Status encrypt_pdf_file(const std::filesystem::path& path, const std::string& password);

}  // namespace casus
