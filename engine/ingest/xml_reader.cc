#include "ingest/xml_reader.h"

#include <Poco/TextConverter.h>
#include <Poco/UTF16Encoding.h>
#include <Poco/UTF8Encoding.h>

#include <algorithm>
#include <pugixml.hpp>
#include <sstream>

#include "core/text_encoding.h"

namespace casus {
namespace {

// Line numbers from byte offsets, for offsets visited in increasing order
// (falls back to counting from the start otherwise).
class LineCounter {
 public:
  explicit LineCounter(std::string_view text) : text_(text) {}
  std::size_t line_of(std::size_t offset) {
    offset = std::min(offset, text_.size());
    if (offset < offset_) {
      offset_ = 0;
      line_ = 1;
    }
    line_ += static_cast<std::size_t>(std::count(text_.begin() + static_cast<std::ptrdiff_t>(offset_),
                                                 text_.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
    offset_ = offset;
    return line_;
  }
  std::size_t column_of(std::size_t offset) const {
    offset = std::min(offset, text_.size());
    if (offset == 0) return 1;
    const std::size_t start = text_.rfind('\n', offset - 1);
    const std::size_t from = start == std::string_view::npos ? 0 : start + 1;
    return utf8_length(text_.substr(from, offset - from)) + 1;
  }

 private:
  std::string_view text_;
  std::size_t offset_ = 0;
  std::size_t line_ = 1;
};

std::string local_name(const char* name) {
  std::string_view n(name);
  const auto colon = n.find(':');
  return std::string(colon == std::string_view::npos ? n : n.substr(colon + 1));
}

// The encoding="..." value of an XML declaration at the start, lower-cased.
std::string declared_encoding(std::string_view text) {
  if (text.substr(0, 5) != "<?xml") return "";
  const auto end = text.find("?>");
  if (end == std::string_view::npos) return "";
  const std::string_view decl = text.substr(0, end);
  const auto at = decl.find("encoding");
  if (at == std::string_view::npos) return "";
  auto pos = decl.find_first_of("\"'", at);
  if (pos == std::string_view::npos) return "";
  const char quote = decl[pos];
  const auto close = decl.find(quote, pos + 1);
  if (close == std::string_view::npos) return "";
  return ascii_lower(decl.substr(pos + 1, close - pos - 1));
}

Status located(LineCounter& lines, std::size_t offset, const std::string& message) {
  const std::size_t line = lines.line_of(offset);
  return Status::error(std::to_string(line) + ":" + std::to_string(lines.column_of(offset)) + ": " +
                       message);
}

// Where a node starts: pugixml's offset points at its name; back up to the '<'.
std::size_t node_start(std::string_view text, std::ptrdiff_t offset) {
  const auto at = static_cast<std::size_t>(std::max<std::ptrdiff_t>(offset, 0));
  const auto lt = text.rfind('<', at);
  return lt == std::string_view::npos ? at : lt;
}

}  // namespace

bool looks_like_xml(std::string_view head) {
  if (head.substr(0, 2) == "\xFF\xFE" || head.substr(0, 2) == "\xFE\xFF") return true;
  head = strip_utf8_bom(head);
  for (char c : head) {
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') continue;
    return c == '<';
  }
  return false;
}

Result<XmlExport> read_xml_export(std::string bytes) {
  XmlExport out;
  // --- Decode to UTF-8 ourselves, so offsets and lines refer to one buffer.
  if (bytes.size() >= 2 && (bytes.compare(0, 2, "\xFF\xFE") == 0 || bytes.compare(0, 2, "\xFE\xFF") == 0)) {
    const bool little = bytes[0] == '\xFF';
    Poco::UTF16Encoding source(little ? Poco::UTF16Encoding::LITTLE_ENDIAN_BYTE_ORDER
                                      : Poco::UTF16Encoding::BIG_ENDIAN_BYTE_ORDER);
    Poco::UTF8Encoding target;
    Poco::TextConverter converter(source, target, 0xFFFD);
    std::string utf8;
    const int errors = converter.convert(bytes.data() + 2, static_cast<int>(bytes.size() - 2), utf8);
    if (errors > 0) return Status::error("not valid UTF-16 (" + std::to_string(errors) + " bad sequences)");
    bytes = std::move(utf8);
    out.encoding = "utf-16";
  } else {
    if (has_utf8_bom(bytes)) bytes.erase(0, 3);
    const std::string declared = declared_encoding(bytes);
    if (declared == "iso-8859-1" || declared == "iso8859-1" || declared == "latin1" ||
        declared == "latin-1" || declared == "windows-1252" || declared == "cp1252") {
      bytes = windows1252_to_utf8(bytes);
      out.encoding = "windows-1252";
    } else if (declared.empty() || declared == "utf-8" || declared == "utf8" ||
               declared == "us-ascii" || declared == "ascii") {
      out.encoding = "utf-8";
      const std::size_t bad = first_invalid_utf8(bytes);
      if (bad != std::string::npos) {
        LineCounter lines(bytes);
        return located(lines, bad, "not valid UTF-8 (declare the encoding, e.g. windows-1252)");
      }
    } else if (declared.rfind("utf-16", 0) == 0) {
      return Status::error("declared UTF-16 but has no byte order mark");
    } else {
      return Status::error("unsupported encoding '" + declared +
                           "' (accepted: UTF-8, UTF-16 with BOM, ISO-8859-1, Windows-1252)");
    }
  }

  LineCounter lines(bytes);
  pugi::xml_document doc;
  const pugi::xml_parse_result parsed =
      doc.load_buffer(bytes.data(), bytes.size(), pugi::parse_default | pugi::parse_doctype,
                      pugi::encoding_utf8);
  if (!parsed) {
    if (parsed.status == pugi::status_no_document_element)
      return Status::error("empty document: no root element");
    return located(lines, static_cast<std::size_t>(parsed.offset),
                   std::string("malformed XML: ") + parsed.description());
  }
  for (pugi::xml_node node : doc.children()) {
    if (node.type() == pugi::node_doctype)
      return located(lines, node_start(bytes, node.offset_debug()),
                     "document has a DOCTYPE; DTDs and entities are not accepted in partner exports");
  }
  const pugi::xml_node root = doc.document_element();
  const std::string root_name = local_name(root.name());
  if (root_name != "export")
    return located(lines, node_start(bytes, root.offset_debug()),
                   "root element is <" + root_name + ">, expected <export>");
  out.kind = root.attribute("kind").value();
  out.partner = root.attribute("partner").value();
  out.created = root.attribute("created").value();

  std::size_t index = 0;
  for (pugi::xml_node child : root.children()) {
    if (child.type() != pugi::node_element) continue;
    const std::size_t line = lines.line_of(node_start(bytes, child.offset_debug()));
    if (local_name(child.name()) != "record") {
      out.stray_elements.emplace_back(line, local_name(child.name()));
      continue;
    }
    RawRecord record;
    record.line = line;
    record.index = ++index;
    std::ostringstream text;
    child.print(text, "", pugi::format_raw);
    record.original = text.str();
    for (pugi::xml_node field : child.children()) {
      if (field.type() != pugi::node_element) continue;
      const std::string name = local_name(field.name());
      if (name == "item") {
        RawItem item;
        item.code = field.attribute("code").value();
        item.score = field.attribute("score").value();
        item.source = field.attribute("source").value();
        item.evidence = field.text().get();
        item.line = lines.line_of(node_start(bytes, field.offset_debug()));
        record.items.push_back(std::move(item));
      } else {
        record.values.push_back({name, field.text().get()});
      }
    }
    out.records.push_back(std::move(record));
  }
  return out;
}

}  // namespace casus
