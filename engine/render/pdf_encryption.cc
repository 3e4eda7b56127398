#include "render/pdf_encryption.h"

// qpdf 11: opt out of the deprecated PointerHolder API (no warning).
#define POINTERHOLDER_TRANSITION 4
#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFWriter.hh>

#include <exception>
#include <memory>

#include "core/file_io.h"

namespace casus {

Result<std::string> encrypt_pdf(std::string_view pdf, const std::string& password) {
  if (password.empty()) return Status::error("PDF password is empty");
  if (password.size() > kMaxPdfPasswordBytes)
    return Status::error("PDF password is longer than " + std::to_string(kMaxPdfPasswordBytes) + " bytes");
  if (password.find('\0') != std::string::npos) return Status::error("PDF password contains a NUL byte");
  try {
    QPDF document;
    document.setSuppressWarnings(true);
    const std::string copy(pdf);  // qpdf reads from a buffer it does not own
    document.processMemoryFile("document.pdf", copy.data(), copy.size());
    QPDFWriter writer(document);
    writer.setOutputMemory();
    writer.setR6EncryptionParameters(password.c_str(), password.c_str(), true, true, true, true, true, true,
                                     qpdf_r3p_full, /*encrypt_metadata_aes=*/true);
    writer.write();
    std::unique_ptr<Buffer> buffer(writer.getBuffer());
    return std::string(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
  } catch (const std::exception& e) {
    return Status::error(std::string("cannot encrypt PDF: ") + e.what());
  }
}

Status encrypt_pdf_file(const std::filesystem::path& path, const std::string& password) {
  auto plain = read_file(path);
  if (!plain) return plain.status();
  auto sealed = encrypt_pdf(*plain, password);
  if (!sealed) return Status::error(path.string() + ": " + sealed.message());
  return write_file_atomic(path, *sealed);
}

}  // namespace casus
