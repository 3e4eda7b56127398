#include "config/config_xml.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "core/file_io.h"
#include "core/text_encoding.h"

namespace casus {

ConfigXml::ConfigXml(std::string display, DiagnosticSink& sink)
    : display_(std::move(display)), sink_(sink) {}

bool ConfigXml::load(const std::filesystem::path& path, const std::string& expected_root) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    Diagnostic d;
    d.code = "config.missing_file";
    d.location.file = display_;
    d.message = "file not found";
    sink_.report(d);
    ++errors_;
    return false;
  }
  if (const auto size = std::filesystem::file_size(path, ec); !ec && size > kMaxConfigFileBytes) {
    Diagnostic d;
    d.code = "config.too_large";
    d.location.file = display_;
    d.message = "file is " + std::to_string(size) + " bytes; a configuration file may be at most " +
                std::to_string(kMaxConfigFileBytes) + " bytes";
    sink_.report(d);
    ++errors_;
    return false;
  }
  auto bytes = read_file(path);
  if (!bytes) {
    Diagnostic d;
    d.code = "config.unreadable";
    d.location.file = display_;
    d.message = bytes.message();
    sink_.report(d);
    ++errors_;
    return false;
  }
  return load_bytes(*bytes, expected_root);
}

bool ConfigXml::load_bytes(const std::string& bytes, const std::string& expected_root) {
  line_starts_.assign(1, 0);
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    if (bytes[i] == '\n') line_starts_.push_back(i + 1);
  }
  auto refuse = [&](const std::string& code, std::size_t offset, const std::string& message) {
    Diagnostic d;
    d.code = code;
    d.location.file = display_;
    if (offset != std::string::npos) {
      d.location.line = line_of_offset(offset);
      d.location.column = offset - line_starts_[d.location.line - 1] + 1;
    }
    d.message = message;
    sink_.report(d);
    ++errors_;
    return false;
  };
  if (bytes.size() > kMaxConfigFileBytes)
    return refuse("config.too_large", std::string::npos,
                  "file is " + std::to_string(bytes.size()) + " bytes; a configuration file may be at most " +
                      std::to_string(kMaxConfigFileBytes) + " bytes");
  if (const std::size_t bad = first_invalid_utf8(bytes); bad < bytes.size()) {
    char byte[8];
    std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned>(static_cast<unsigned char>(bytes[bad])));
    return refuse("config.encoding", bad,
                  std::string("not valid UTF-8 (byte ") + byte + "); configuration files must be saved as UTF-8");
  }
  const unsigned options = pugi::parse_default | pugi::parse_doctype;
  pugi::xml_parse_result result = doc_.load_buffer(bytes.data(), bytes.size(), options);
  if (!result) {
    Diagnostic d;
    d.code = "config.xml_malformed";
    d.location.file = display_;
    const auto offset = static_cast<std::size_t>(std::max<std::ptrdiff_t>(0, result.offset));
    d.location.line = line_of_offset(offset);
    d.location.column = offset - line_starts_[d.location.line - 1] + 1;
    d.message = std::string("malformed XML: ") + result.description();
    sink_.report(d);
    ++errors_;
    return false;
  }
  for (pugi::xml_node child : doc_.children()) {
    if (child.type() == pugi::node_doctype) {
      report(Severity::error, child, "config.doctype", "",
             "a DOCTYPE is not allowed in configuration files");
      return false;
    }
  }
  pugi::xml_node element = doc_.document_element();
  if (!element) {
    report(Severity::error, pugi::xml_node(), "config.xml_malformed", "", "no root element");
    return false;
  }
  if (expected_root != element.name()) {
    report(Severity::error, element, "config.wrong_root", "",
           "root element is <" + std::string(element.name()) + ">, expected <" + expected_root +
               ">");
    return false;
  }
  return true;
}

std::size_t ConfigXml::line_of_offset(std::size_t offset) const {
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  return static_cast<std::size_t>(it - line_starts_.begin());
}

std::size_t ConfigXml::line_of(pugi::xml_node node) const {
  if (!node || node.type() == pugi::node_document) return 0;
  const std::ptrdiff_t offset = node.offset_debug();
  if (offset < 0) return 0;
  return line_of_offset(static_cast<std::size_t>(offset));
}

void ConfigXml::report(Severity severity, pugi::xml_node node, const std::string& code,
                       const std::string& field, const std::string& message) {
  Diagnostic d;
  d.severity = severity;
  d.code = code;
  d.location.file = display_;
  d.location.line = line_of(node);
  d.field = field;
  d.message = message;
  sink_.report(d);
  if (severity == Severity::error) ++errors_;
}

void ConfigXml::error(pugi::xml_node node, const std::string& code, const std::string& field,
                      const std::string& message) {
  report(Severity::error, node, code, field, message);
}

void ConfigXml::warning(pugi::xml_node node, const std::string& code, const std::string& field,
                        const std::string& message) {
  report(Severity::warning, node, code, field, message);
}

std::string ConfigXml::required(pugi::xml_node node, const char* attribute,
                                const std::string& what) {
  pugi::xml_attribute attr = node.attribute(attribute);
  std::string value = attr.as_string();
  if (value.empty()) {
    error(node, "config.missing_attribute", attribute,
          what + ": required attribute is missing or empty");
  }
  return value;
}

std::string ConfigXml::optional(pugi::xml_node node, const char* attribute) const {
  return node.attribute(attribute).as_string();
}

std::optional<int> ConfigXml::integer(pugi::xml_node node, const char* attribute,
                                      const std::string& what, int min, int max, bool required) {
  pugi::xml_attribute attr = node.attribute(attribute);
  const std::string text = attr.as_string();
  if (text.empty()) {
    if (required) {
      error(node, "config.missing_attribute", attribute,
            what + ": required attribute is missing or empty");
    }
    return std::nullopt;
  }
  int value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value < min || value > max) {
    error(node, "config.invalid_number", attribute,
          what + ": '" + text + "' is not a whole number from " + std::to_string(min) + " to " +
              std::to_string(max));
    return std::nullopt;
  }
  return value;
}

std::optional<double> ConfigXml::number(pugi::xml_node node, const char* attribute,
                                        const std::string& what, double min, double max,
                                        bool required) {
  pugi::xml_attribute attr = node.attribute(attribute);
  const std::string text = attr.as_string();
  if (text.empty()) {
    if (required) {
      error(node, "config.missing_attribute", attribute,
            what + ": required attribute is missing or empty");
    }
    return std::nullopt;
  }
  char* end = nullptr;
  const double value = std::strtod(text.c_str(), &end);
  if (end != text.c_str() + text.size() || !(value >= min && value <= max)) {
    char range[64];
    std::snprintf(range, sizeof range, "%g to %g", min, max);
    error(node, "config.invalid_number", attribute,
          what + ": '" + text + "' is not a number from " + range);
    return std::nullopt;
  }
  return value;
}

bool ConfigXml::boolean(pugi::xml_node node, const char* attribute, const std::string& what,
                        bool fallback) {
  const std::string text = node.attribute(attribute).as_string();
  if (text.empty()) return fallback;
  if (text == "true" || text == "ja") return true;
  if (text == "false" || text == "nee") return false;
  error(node, "config.invalid_boolean", attribute,
        what + ": '" + text + "' is not true or false");
  return fallback;
}

LocalizedText ConfigXml::localized(pugi::xml_node node, const char* child, const std::string& what,
                                   bool required) {
  pugi::xml_node source = (child && *child) ? node.child(child) : node;
  LocalizedText text;
  text.nl = source.attribute("nl").as_string();
  text.en = source.attribute("en").as_string();
  if (required && text.nl.empty()) {
    const std::string name = (child && *child) ? std::string("<") + child + ">" : "text";
    error(source ? source : node, "config.missing_text", "nl",
          what + ": " + name + " needs Dutch text (nl=\"...\")");
  }
  return text;
}

void ConfigXml::expect_children(pugi::xml_node node, std::initializer_list<const char*> names) {
  for (pugi::xml_node child : node.children()) {
    if (child.type() != pugi::node_element) continue;
    bool known = std::any_of(names.begin(), names.end(),
                             [&](const char* n) { return std::strcmp(n, child.name()) == 0; });
    if (!known) {
      warning(child, "config.unknown_element", "",
              "unknown element <" + std::string(child.name()) + "> in <" + node.name() +
                  "> is ignored");
    }
  }
}

void ConfigXml::expect_attributes(pugi::xml_node node, std::initializer_list<const char*> names) {
  for (pugi::xml_attribute attr : node.attributes()) {
    bool known = std::any_of(names.begin(), names.end(),
                             [&](const char* n) { return std::strcmp(n, attr.name()) == 0; });
    if (!known) {
      warning(node, "config.unknown_attribute", attr.name(),
              "unknown attribute on <" + std::string(node.name()) + "> is ignored");
    }
  }
}

std::vector<std::string> split_words(const std::string& text) {
  std::vector<std::string> words;
  std::string current;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ',') {
      if (!current.empty()) words.push_back(std::move(current));
      current.clear();
    } else {
      current += c;
    }
  }
  if (!current.empty()) words.push_back(std::move(current));
  return words;
}

}  // namespace casus
