// Text encodings at the engine's edges: UTF-8 validation, BOM handling,
// Windows-1252 to UTF-8 (what "ANSI" partner exports are), and a sanitizer
// that makes any bytes safe for writers that do not validate (libxlsxwriter).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace casus {

bool is_valid_utf8(std::string_view bytes);
// Byte offset of the first invalid UTF-8 sequence, or npos when valid.
std::size_t first_invalid_utf8(std::string_view bytes);

bool has_utf8_bom(std::string_view bytes);
std::string_view strip_utf8_bom(std::string_view bytes);

// Every byte mapped through Windows-1252; the five undefined bytes map to
// the C1 control of the same value.
std::string windows1252_to_utf8(std::string_view bytes);
// ISO-8859-1 as found in the wild is Windows-1252; same mapping.
inline std::string latin1_to_utf8(std::string_view bytes) { return windows1252_to_utf8(bytes); }

// Replaces invalid UTF-8 sequences with U+FFFD; returns how many were replaced.
std::size_t sanitize_utf8(std::string_view bytes, std::string& out);

// Number of code points (for width estimates and limits).
std::size_t utf8_length(std::string_view text);

// Lower-cases ASCII letters only (codes and header names are ASCII).
std::string ascii_lower(std::string_view text);
// Trims spaces and tabs at both ends, as the exchange format trims values.
std::string_view trim_blanks(std::string_view text);

}  // namespace casus
