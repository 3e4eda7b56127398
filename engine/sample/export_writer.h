// Export writer: serialises records the way partner systems deliver them —
// CSV in a given dialect (delimiter, encoding, BOM, line ends, RFC 4180
// quoting) or the exchange format's XML (<export kind partner created>) —
// and remembers on which line each record starts, so planted faults can be
// located exactly. Values arrive already formatted as text; the writer only
// maps partner value codes, quotes and encodes. ExportWriter takes the
// records one at a time, so a large export never holds them all.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/status.h"

namespace casus {

enum class DateStyle { iso, dmy_dash, dmy_slash, dmy_dot, mdy_slash };

const char* date_style_name(DateStyle style);
std::string format_date_in(DateStyle style, const Date& date);
// ISO gives 2026-10-14T22:15 and dd-mm-yyyy gives 14-10-2026 22:15 (the only
// day-first date-time form the exchange format accepts); other styles give
// the date alone.
std::string format_date_time_in(DateStyle style, const DateTime& value);

struct Dialect {
  std::string format = "csv";      // csv | xml
  char delimiter = ';';            // CSV only
  std::string encoding = "utf-8";  // utf-8 | windows-1252
  bool bom = false;                // UTF-8 byte order mark (CSV only)
  bool crlf = false;
  DateStyle dates = DateStyle::iso;
};

// One column (CSV) or element (XML): the exchange field, the header the
// partner uses, and the partner's value codes (canonical code -> partner code).
struct ExportColumn {
  std::string field;
  std::string header;
  std::map<std::string, std::string> value_codes;
};

// An assessment item written as <item code score source>evidence</item>.
struct ItemElement {
  std::string score;
  std::string source;
  std::string evidence;
};

struct ExportRecord {
  std::map<std::string, std::string> values;       // field -> text; absent = empty
  std::map<std::string, ItemElement> item_elements;  // XML: item code -> <item> form
  std::vector<std::string> extra_xml;              // XML: raw extra child elements
};

struct WrittenExport {
  std::string bytes;
  std::vector<std::size_t> record_lines;  // 1-based line on which each record starts
};

// Writes one export record by record: the header (CSV) or the <export>
// opening (XML) at construction, each record on add, and at finish the
// closing tag and the encoding. finish() leaves the writer empty.
class ExportWriter {
 public:
  // CSV.
  ExportWriter(const Dialect& dialect, std::vector<ExportColumn> columns);
  // XML, with the <export kind partner created> attributes.
  ExportWriter(const Dialect& dialect, std::vector<ExportColumn> columns, const std::string& kind,
               const std::string& partner, const std::string& created);
  void add(const ExportRecord& record);
  std::size_t records() const { return record_lines_.size(); }
  Result<WrittenExport> finish();

 private:
  Dialect dialect_;
  std::vector<ExportColumn> columns_;
  bool xml_ = false;
  std::string eol_;
  std::string text_;      // UTF-8 until finish()
  std::size_t line_ = 1;  // the line the next record starts on
  std::vector<std::size_t> record_lines_;
};

Result<WrittenExport> write_csv_export(const Dialect& dialect,
                                       const std::vector<ExportColumn>& columns,
                                       const std::vector<ExportRecord>& records);

Result<WrittenExport> write_xml_export(const Dialect& dialect, const std::string& kind,
                                       const std::string& partner, const std::string& created,
                                       const std::vector<ExportColumn>& columns,
                                       const std::vector<ExportRecord>& records);

// UTF-8 to Windows-1252; an error names the first character it cannot encode.
Result<std::string> utf8_to_windows1252(std::string_view text);

std::string xml_escape(std::string_view text);
std::string csv_field(std::string_view text, char delimiter);

}  // namespace casus
