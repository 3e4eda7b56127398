// ConfigXml: one configuration XML file, parsed with pugixml, with the
// helpers the loader uses to read typed values and to report located
// diagnostics ("FILE:LINE: message"). Rejects DOCTYPE. Owns the parsed
// document and the line table of the original bytes.
#pragma once

#include <pugixml.hpp>

#include <cstddef>
#include <filesystem>
#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

#include "config/config.h"
#include "core/diagnostic.h"

namespace casus {

// Configuration files are UTF-8 and at most this large (a larger file is refused unread).
inline constexpr std::size_t kMaxConfigFileBytes = 4u << 20;

class ConfigXml {
 public:
  // `display` is the file name used in messages (the path as given).
  ConfigXml(std::string display, DiagnosticSink& sink);

  // Reads and parses the file. Reports a missing or unreadable file, one over
  // kMaxConfigFileBytes, bytes that are not UTF-8, a parse error (with line
  // and column), a DOCTYPE, or a root element other than `expected_root`. Returns false when the document cannot be used.
  bool load(const std::filesystem::path& path, const std::string& expected_root);
  // Same, from bytes already in memory.
  bool load_bytes(const std::string& bytes, const std::string& expected_root);

  pugi::xml_node root() const { return doc_.document_element(); }
  const std::string& display() const { return display_; }
  std::size_t line_of(pugi::xml_node node) const;
  ConfigSource source_of(pugi::xml_node node) const { return {display_, line_of(node)}; }

  void error(pugi::xml_node node, const std::string& code, const std::string& field,
             const std::string& message);
  void warning(pugi::xml_node node, const std::string& code, const std::string& field,
               const std::string& message);
  std::size_t errors() const { return errors_; }

  // Typed attribute readers. `what` names the element in messages
  // ("instrument 'paspoort'"). Each reports its own error and returns a
  // fallback (empty / nullopt) on failure.
  std::string required(pugi::xml_node node, const char* attribute, const std::string& what);
  std::string optional(pugi::xml_node node, const char* attribute) const;
  std::optional<int> integer(pugi::xml_node node, const char* attribute, const std::string& what,
                             int min, int max, bool required);
  std::optional<double> number(pugi::xml_node node, const char* attribute,
                               const std::string& what, double min, double max, bool required);
  bool boolean(pugi::xml_node node, const char* attribute, const std::string& what,
               bool fallback);
  // Text in both languages from the attributes nl="" en="" of child `name`
  // (or of `node` itself when name is empty). nl is required when `required`.
  LocalizedText localized(pugi::xml_node node, const char* child, const std::string& what,
                          bool required);
  // Warns about child elements and attributes not in the lists.
  void expect_children(pugi::xml_node node, std::initializer_list<const char*> names);
  void expect_attributes(pugi::xml_node node, std::initializer_list<const char*> names);

 private:
  std::size_t line_of_offset(std::size_t offset) const;
  void report(Severity severity, pugi::xml_node node, const std::string& code,
              const std::string& field, const std::string& message);

  std::string display_;
  DiagnosticSink& sink_;
  pugi::xml_document doc_;
  std::vector<std::size_t> line_starts_;
  std::size_t errors_ = 0;
};

// Splits a whitespace-separated attribute value ("1 3 5").
std::vector<std::string> split_words(const std::string& text);

}  // namespace casus
