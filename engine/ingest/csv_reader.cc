#include "ingest/csv_reader.h"

#include <sstream>

#include "core/text_encoding.h"

namespace casus {
namespace {

constexpr std::size_t kChunk = std::size_t{1} << 16;

bool has_high_byte(const std::string& s) {
  for (unsigned char c : s)
    if (c >= 0x80) return true;
  return false;
}

void convert_if_needed(std::string& s, bool windows1252) {
  if (windows1252 && has_high_byte(s)) s = windows1252_to_utf8(s);
}

}  // namespace

CsvReader::CsvReader(std::istream& in, CsvOptions options) : in_(in), options_(options) {}

bool CsvReader::fill() {
  if (eof_) return false;
  if (pos_ > 0) {
    buffer_.erase(0, pos_);
    pos_ = 0;
  }
  const std::size_t old = buffer_.size();
  buffer_.resize(old + kChunk);
  in_.read(buffer_.data() + old, static_cast<std::streamsize>(kChunk));
  const auto got = static_cast<std::size_t>(in_.gcount());
  buffer_.resize(old + got);
  if (got == 0) {
    eof_ = true;
    return false;
  }
  if (!started_) {
    started_ = true;
    if (has_utf8_bom(buffer_)) pos_ = 3;
  }
  return true;
}

inline int CsvReader::peek() {
  if (pos_ >= buffer_.size() && !fill()) return -1;
  if (pos_ >= buffer_.size()) return -1;
  return static_cast<unsigned char>(buffer_[pos_]);
}

inline int CsvReader::get() {
  const int c = peek();
  if (c >= 0) ++pos_;
  return c;
}

char CsvReader::detect_delimiter() {
  // Make sure the first physical line is in the buffer (bounded by the field limit).
  std::size_t end = std::string::npos;
  while (true) {
    end = buffer_.find('\n', pos_);
    if (end != std::string::npos || eof_) break;
    if (buffer_.size() - pos_ > options_.max_field_bytes) break;
    if (!fill() && eof_) break;
  }
  if (end == std::string::npos) end = buffer_.size();
  std::size_t semicolons = 0, commas = 0, tabs = 0;
  bool quoted = false;
  for (std::size_t i = pos_; i < end; ++i) {
    const char c = buffer_[i];
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    semicolons += c == ';';
    commas += c == ',';
    tabs += c == '\t';
  }
  if (semicolons >= commas && semicolons >= tabs && semicolons > 0) return ';';
  if (commas >= tabs && commas > 0) return ',';
  if (tabs > 0) return '\t';
  return ',';
}

bool CsvReader::parse_record(CsvRecord& record) {
  record.fields.clear();
  record.original.clear();
  record.line = line_;
  if (peek() < 0) return false;
  std::string field;
  bool field_quoted = false;
  bool in_quotes = false;
  std::size_t quote_line = 0;
  const std::size_t limit = options_.max_field_bytes;
  while (true) {
    int c = get();
    if (c < 0) {
      if (in_quotes) {
        error_ = {quote_line, "quoted field opened on line " + std::to_string(quote_line) +
                                  " is never closed"};
        return false;
      }
      break;
    }
    if (in_quotes) {
      if (c == '"') {
        if (peek() == '"') {
          get();
          field += '"';
          record.original += "\"\"";
          continue;
        }
        in_quotes = false;
        record.original += '"';
        continue;
      }
      if (c == '\n') ++line_;
      field += static_cast<char>(c);
      record.original += static_cast<char>(c);
    } else {
      if (c == '\r') {
        if (peek() == '\n') get();
        ++line_;
        break;
      }
      if (c == '\n') {
        ++line_;
        break;
      }
      record.original += static_cast<char>(c);
      if (c == delimiter_) {
        convert_if_needed(field, options_.windows1252);
        record.fields.push_back(std::move(field));
        field.clear();
        field_quoted = false;
        continue;
      }
      if (c == '"' && field.empty() && !field_quoted) {
        in_quotes = true;
        field_quoted = true;
        quote_line = line_;
        continue;
      }
      field += static_cast<char>(c);  // lenient: a stray quote is an ordinary character
    }
    if (field.size() > limit || record.original.size() > 4 * limit) {
      error_ = {record.line, "field longer than " + std::to_string(limit) +
                                 " bytes; this does not look like a partner export"};
      return false;
    }
  }
  convert_if_needed(field, options_.windows1252);
  record.fields.push_back(std::move(field));
  convert_if_needed(record.original, options_.windows1252);
  return true;
}

Status CsvReader::read_header() {
  // Skip leading blank lines.
  while (true) {
    const int c = peek();
    if (c == '\n') {
      get();
      ++line_;
    } else if (c == '\r') {
      get();
      if (peek() == '\n') get();
      ++line_;
    } else {
      break;
    }
  }
  if (peek() < 0) return Status::error("empty file: no header row");
  delimiter_ = options_.delimiter ? *options_.delimiter : detect_delimiter();
  CsvRecord record;
  if (!parse_record(record)) {
    if (error_) return Status::error(std::to_string(error_->first) + ": " + error_->second);
    return Status::error("empty file: no header row");
  }
  header_line_ = record.line;
  header_text_ = record.original;
  header_.clear();
  for (auto& name : record.fields) header_.emplace_back(trim_blanks(name));
  return Status::ok();
}

bool CsvReader::next(CsvRecord& record) {
  if (error_) return false;
  while (parse_record(record)) {
    bool blank = true;
    for (const auto& f : record.fields)
      if (!trim_blanks(f).empty()) {
        blank = false;
        break;
      }
    if (!blank) return true;
  }
  return false;
}

Result<CsvTable> parse_csv(const std::string& text, CsvOptions options) {
  std::istringstream in(text);
  CsvReader reader(in, options);
  if (auto status = reader.read_header(); !status) return status;
  CsvTable table;
  table.header = reader.header();
  table.delimiter = reader.delimiter();
  CsvRecord record;
  while (reader.next(record)) table.records.push_back(record);
  if (reader.error())
    return Status::error(std::to_string(reader.error()->first) + ": " + reader.error()->second);
  return table;
}

}  // namespace casus
