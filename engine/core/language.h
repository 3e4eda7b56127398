// Language: the output language of documents and messages (Dutch by default).
#pragma once

#include <optional>
#include <string_view>

namespace casus {

enum class Language { nl, en };

inline std::optional<Language> parse_language(std::string_view code) {
  if (code == "nl") return Language::nl;
  if (code == "en") return Language::en;
  return std::nullopt;
}

inline const char* language_code(Language language) {
  return language == Language::nl ? "nl" : "en";
}

}  // namespace casus
