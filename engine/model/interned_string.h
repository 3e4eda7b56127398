// InternedString: an immutable, process-wide shared copy of a short text that
// recurs across many records (a file name, a partner or item code). Eight
// bytes per value; equal texts share one allocation that lives until the
// process ends. Owns nothing itself — the pool (interned_string.cc) owns the
// texts. Thread-safe to create and read.
#pragma once

#include <cstddef>
#include <functional>
#include <ostream>
#include <string>
#include <string_view>

namespace casus {

class InternedString {
 public:
  InternedString() = default;
  InternedString(std::string_view text);  // NOLINT: implicit on purpose
  InternedString(const std::string& text) : InternedString(std::string_view(text)) {}
  InternedString(const char* text) : InternedString(std::string_view(text)) {}

  // Makes room in the pool for `more` new texts at once, so that interning
  // them does not grow the pool's table step by step.
  static void reserve(std::size_t more);

  const std::string& str() const { return text_ ? *text_ : empty_text(); }
  operator const std::string&() const { return str(); }
  operator std::string_view() const { return str(); }
  const char* c_str() const { return str().c_str(); }
  const char* data() const { return str().data(); }
  std::size_t size() const { return str().size(); }
  bool empty() const { return text_ == nullptr; }
  void clear() { text_ = nullptr; }

  // Equal texts are the same pool entry, so identity is equality.
  friend bool operator==(const InternedString& a, const InternedString& b) { return a.text_ == b.text_; }
  friend bool operator==(const InternedString& a, std::string_view b) { return a.str() == b; }
  friend bool operator==(const InternedString& a, const std::string& b) { return a.str() == b; }
  friend bool operator==(const InternedString& a, const char* b) { return a.str() == b; }
  friend bool operator<(const InternedString& a, const InternedString& b) { return a.str() < b.str(); }
  friend bool operator>(const InternedString& a, const InternedString& b) { return a.str() > b.str(); }
  friend std::string operator+(const InternedString& a, const std::string& b) { return a.str() + b; }
  friend std::string operator+(const std::string& a, const InternedString& b) { return a + b.str(); }
  friend std::string operator+(const InternedString& a, const char* b) { return a.str() + b; }
  friend std::string operator+(const char* a, const InternedString& b) { return a + b.str(); }
  friend std::ostream& operator<<(std::ostream& out, const InternedString& s) { return out << s.str(); }

 private:
  static const std::string& empty_text();
  const std::string* text_ = nullptr;  // nullptr = empty
};

}  // namespace casus

template <>
struct std::hash<casus::InternedString> {
  std::size_t operator()(const casus::InternedString& s) const { return std::hash<std::string>()(s.str()); }
};
