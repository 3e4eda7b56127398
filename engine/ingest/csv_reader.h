// CsvReader: streaming RFC 4180 reader for partner exports. Reads the input
// in chunks and hands out one record at a time, so memory does not grow with
// the file: quoted delimiters, quotes ("") and line breaks inside quotes; LF or
// CRLF; a UTF-8 BOM; blank lines skipped; the delimiter (; , TAB) detected from
// the header row unless declared; Windows-1252 input converted to UTF-8. Each
// record carries the line it starts on and its original text (for quarantine).
#pragma once

#include <cstddef>
#include <istream>
#include <optional>
#include <string>
#include <vector>

#include "core/status.h"

namespace casus {

struct CsvOptions {
  std::optional<char> delimiter;  // nullopt = detect from the header row
  bool windows1252 = false;       // convert fields from Windows-1252 to UTF-8
  std::size_t max_field_bytes = std::size_t{1} << 20;  // longer = file rejected
};

struct CsvRecord {
  std::size_t line = 0;             // 1-based line where the record starts
  std::vector<std::string> fields;  // as read (not trimmed), UTF-8
  std::string original;             // the record's text without its line end, UTF-8
};

class CsvReader {
 public:
  CsvReader(std::istream& in, CsvOptions options);

  // Reads the header row (skipping leading blank lines). Fails on an empty
  // input or a malformed header; the message starts with "LINE: " when located.
  Status read_header();
  const std::vector<std::string>& header() const { return header_; }
  std::size_t header_line() const { return header_line_; }
  const std::string& header_text() const { return header_text_; }  // original header row
  char delimiter() const { return delimiter_; }

  // The next non-blank record; false at the end or on an error (see error()).
  bool next(CsvRecord& record);
  // Set when next() stopped on a malformed input: line and message.
  const std::optional<std::pair<std::size_t, std::string>>& error() const { return error_; }

 private:
  bool fill();  // reads more input; false at end of input
  int peek();
  int get();
  // Parses one record; false at end of input before any character.
  bool parse_record(CsvRecord& record);
  char detect_delimiter();

  std::istream& in_;
  CsvOptions options_;
  std::string buffer_;
  std::size_t pos_ = 0;
  bool eof_ = false;
  bool started_ = false;
  std::size_t line_ = 1;
  char delimiter_ = ',';
  std::vector<std::string> header_;
  std::size_t header_line_ = 0;
  std::string header_text_;
  std::optional<std::pair<std::size_t, std::string>> error_;
};

// Convenience for tests and fuzzing: all records of an in-memory CSV.
struct CsvTable {
  std::vector<std::string> header;
  char delimiter = ',';
  std::vector<CsvRecord> records;
};
Result<CsvTable> parse_csv(const std::string& text, CsvOptions options = {});

}  // namespace casus
