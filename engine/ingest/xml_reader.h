// XmlExport: reads the XML form of a partner export
// (<export kind= partner= created=> with <record> children) with pugixml.
// Handles the declared encodings (UTF-8, UTF-16 with BOM, ISO-8859-1 and
// Windows-1252, both decoded as Windows-1252), ignores a default namespace,
// and rejects a document with a DOCTYPE or a malformed document as a whole,
// with line and column. Entities other than the predefined ones are never
// expanded and nothing external is ever fetched.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/status.h"
#include "ingest/raw_record.h"

namespace casus {

struct XmlExport {
  std::string kind;     // root attribute, as given ("" when absent)
  std::string partner;  // root attribute
  std::string created;  // root attribute
  std::string encoding;  // "utf-8", "utf-16", "windows-1252"
  std::vector<RawRecord> records;
  // Elements of the root other than <record>, as "LINE: name" notes for warnings.
  std::vector<std::pair<std::size_t, std::string>> stray_elements;
};

// A rejection is located: the status message is "LINE[:COL]: message" or a
// plain message for the file as a whole.
Result<XmlExport> read_xml_export(std::string bytes);

// True when the bytes look like XML rather than CSV (a BOM, then '<').
bool looks_like_xml(std::string_view head);

}  // namespace casus
