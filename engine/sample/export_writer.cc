#include "sample/export_writer.h"

#include <cstdio>

namespace casus {

const char* date_style_name(DateStyle style) {
  switch (style) {
    case DateStyle::iso: return "yyyy-mm-dd";
    case DateStyle::dmy_dash: return "dd-mm-yyyy";
    case DateStyle::dmy_slash: return "dd/mm/yyyy";
    case DateStyle::dmy_dot: return "dd.mm.yyyy";
    case DateStyle::mdy_slash: return "mm/dd/yyyy";
  }
  return "yyyy-mm-dd";
}

std::string format_date_in(DateStyle style, const Date& date) {
  char buffer[32];
  switch (style) {
    case DateStyle::iso: return date.iso();
    case DateStyle::dmy_dash:
      std::snprintf(buffer, sizeof buffer, "%02d-%02d-%04d", date.day, date.month, date.year);
      break;
    case DateStyle::dmy_slash:
      std::snprintf(buffer, sizeof buffer, "%02d/%02d/%04d", date.day, date.month, date.year);
      break;
    case DateStyle::dmy_dot:
      std::snprintf(buffer, sizeof buffer, "%02d.%02d.%04d", date.day, date.month, date.year);
      break;
    case DateStyle::mdy_slash:
      std::snprintf(buffer, sizeof buffer, "%02d/%02d/%04d", date.month, date.day, date.year);
      break;
  }
  return buffer;
}

std::string format_date_time_in(DateStyle style, const DateTime& value) {
  char buffer[48];
  if (style == DateStyle::iso) {
    std::snprintf(buffer, sizeof buffer, "%sT%02d:%02d", value.date.iso().c_str(), value.hour,
                  value.minute);
  } else if (style != DateStyle::dmy_dash) {
    return format_date_in(style, value.date);  // no accepted date-time form: date only
  } else {
    std::snprintf(buffer, sizeof buffer, "%s %02d:%02d",
                  format_date_in(DateStyle::dmy_dash, value.date).c_str(), value.hour,
                  value.minute);
  }
  return buffer;
}

Result<std::string> utf8_to_windows1252(std::string_view text) {
  // Code points 0x80..0x9F of Windows-1252 (0 = undefined).
  static const unsigned short kHigh[32] = {
      0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
      0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
      0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    std::uint32_t code = 0;
    std::size_t length = 1;
    if (c < 0x80) {
      code = c;
    } else if ((c & 0xE0) == 0xC0 && i + 1 < text.size()) {
      code = ((c & 0x1Fu) << 6) | (static_cast<unsigned char>(text[i + 1]) & 0x3Fu);
      length = 2;
    } else if ((c & 0xF0) == 0xE0 && i + 2 < text.size()) {
      code = ((c & 0x0Fu) << 12) | ((static_cast<unsigned char>(text[i + 1]) & 0x3Fu) << 6) |
             (static_cast<unsigned char>(text[i + 2]) & 0x3Fu);
      length = 3;
    } else {
      return Status::error("byte " + std::to_string(i) + " is not valid UTF-8");
    }
    if (code < 0x80 || (code >= 0xA0 && code <= 0xFF)) {
      out += static_cast<char>(code);
    } else {
      bool found = false;
      for (int k = 0; k < 32; ++k) {
        if (kHigh[k] != 0 && kHigh[k] == code) {
          out += static_cast<char>(0x80 + k);
          found = true;
          break;
        }
      }
      if (!found) {
        return Status::error("'" + std::string(text.substr(i, length)) +
                             "' cannot be written in windows-1252");
      }
    }
    i += length;
  }
  return out;
}

std::string xml_escape(std::string_view text) {
  std::string out;
  for (const char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string csv_field(std::string_view text, char delimiter) {
  const bool needs_quotes =
      text.find_first_of(std::string{delimiter, '"', '\n', '\r'}) != std::string_view::npos ||
      (!text.empty() && (text.front() == ' ' || text.back() == ' ' || text.front() == '\t' ||
                         text.back() == '\t'));
  if (!needs_quotes) return std::string(text);
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

namespace {

std::size_t count_newlines(std::string_view text) {
  std::size_t n = 0;
  for (const char c : text) n += c == '\n' ? 1 : 0;
  return n;
}

std::string mapped_value(const ExportColumn& column, const std::string& value) {
  const auto found = column.value_codes.find(value);
  return found == column.value_codes.end() ? value : found->second;
}

Result<std::string> encode(const Dialect& dialect, std::string utf8) {
  if (dialect.encoding == "windows-1252" || dialect.encoding == "iso-8859-1") {
    return utf8_to_windows1252(utf8);
  }
  if (dialect.bom && dialect.format == "csv") utf8.insert(0, "\xEF\xBB\xBF");
  return utf8;
}

}  // namespace

ExportWriter::ExportWriter(const Dialect& dialect, std::vector<ExportColumn> columns,
                           const std::string& kind, const std::string& partner,
                           const std::string& created)
    : dialect_(dialect),
      columns_(std::move(columns)),
      xml_(true),
      eol_(dialect.crlf ? "\r\n" : "\n") {
  const std::string declared = dialect_.encoding == "windows-1252" ? "windows-1252"
                               : dialect_.encoding == "iso-8859-1" ? "ISO-8859-1"
                                                                   : "UTF-8";
  text_ = "<?xml version=\"1.0\" encoding=\"" + declared + "\"?>" + eol_;
  text_ += "<export kind=\"" + xml_escape(kind) + "\" partner=\"" + xml_escape(partner) +
           "\" created=\"" + xml_escape(created) + "\">" + eol_;
  line_ = 3;
}

ExportWriter::ExportWriter(const Dialect& dialect, std::vector<ExportColumn> columns)
    : dialect_(dialect), columns_(std::move(columns)), eol_(dialect.crlf ? "\r\n" : "\n") {
  for (std::size_t i = 0; i < columns_.size(); ++i) {
    if (i > 0) text_ += dialect_.delimiter;
    text_ += csv_field(columns_[i].header, dialect_.delimiter);
  }
  text_ += eol_;
  line_ = 2;
}

void ExportWriter::add(const ExportRecord& record) {
  record_lines_.push_back(line_);
  if (!xml_) {
    const std::size_t start = text_.size();
    for (std::size_t i = 0; i < columns_.size(); ++i) {
      if (i > 0) text_ += dialect_.delimiter;
      const auto found = record.values.find(columns_[i].field);
      if (found != record.values.end()) {
        text_ += csv_field(mapped_value(columns_[i], found->second), dialect_.delimiter);
      }
    }
    line_ += count_newlines(std::string_view(text_).substr(start)) + 1;
    text_ += eol_;
    return;
  }
  const std::size_t start = text_.size();
  text_ += "  <record>" + eol_;
  for (const auto& column : columns_) {
    const auto item = record.item_elements.find(column.field);
    if (item != record.item_elements.end()) {
      text_ += "    <item code=\"" + xml_escape(column.header) + "\" score=\"" +
               xml_escape(item->second.score) + "\"";
      if (!item->second.source.empty()) {
        text_ += " source=\"" + xml_escape(item->second.source) + "\"";
      }
      if (item->second.evidence.empty()) {
        text_ += "/>" + eol_;
      } else {
        text_ += ">" + xml_escape(item->second.evidence) + "</item>" + eol_;
      }
      continue;
    }
    const auto found = record.values.find(column.field);
    if (found == record.values.end() || found->second.empty()) continue;
    text_ += "    <" + column.header + ">" + xml_escape(mapped_value(column, found->second)) +
             "</" + column.header + ">" + eol_;
  }
  for (const auto& extra : record.extra_xml) text_ += "    " + extra + eol_;
  text_ += "  </record>" + eol_;
  line_ += count_newlines(std::string_view(text_).substr(start));
}

Result<WrittenExport> ExportWriter::finish() {
  if (xml_) text_ += "</export>" + eol_;
  auto bytes = encode(dialect_, std::move(text_));
  std::string().swap(text_);
  if (!bytes) return bytes.status();
  WrittenExport out;
  out.bytes = std::move(bytes.value());
  out.record_lines = std::move(record_lines_);
  record_lines_.clear();
  return out;
}

Result<WrittenExport> write_csv_export(const Dialect& dialect,
                                       const std::vector<ExportColumn>& columns,
                                       const std::vector<ExportRecord>& records) {
  ExportWriter writer(dialect, columns);
  for (const auto& record : records) writer.add(record);
  return writer.finish();
}

Result<WrittenExport> write_xml_export(const Dialect& dialect, const std::string& kind,
                                       const std::string& partner, const std::string& created,
                                       const std::vector<ExportColumn>& columns,
                                       const std::vector<ExportRecord>& records) {
  ExportWriter writer(dialect, columns, kind, partner, created);
  for (const auto& record : records) writer.add(record);
  return writer.finish();
}

}  // namespace casus
