#include "model/interned_string.h"

#include <array>
#include <mutex>
#include <unordered_set>

namespace casus {

namespace {

struct TextHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
};

struct Pool {
  std::mutex mutex;
  // Node-based: element addresses stay valid when the set grows.
  std::unordered_set<std::string, TextHash, std::equal_to<>> texts;
};

Pool& pool() {
  static Pool* p = new Pool;  // never destroyed: values may outlive static destructors
  return *p;
}

}  // namespace

InternedString::InternedString(std::string_view text) {
  if (text.empty()) return;
  // A per-thread direct-mapped cache of recent texts answers most lookups
  // (a loaded store repeats the same case ids and codes record after record)
  // without taking the pool's lock. Entries point into the pool, which never
  // frees, so a cached pointer stays valid.
  constexpr std::size_t kSlots = 4096;
  thread_local std::array<const std::string*, kSlots> recent{};
  const std::size_t hash = TextHash()(text);
  const std::string*& slot = recent[hash % kSlots];
  if (slot != nullptr && *slot == text) {
    text_ = slot;
    return;
  }
  Pool& p = pool();
  std::lock_guard<std::mutex> lock(p.mutex);
  auto it = p.texts.find(text);
  if (it == p.texts.end()) it = p.texts.emplace(text).first;
  text_ = &*it;
  slot = text_;
}

const std::string& InternedString::empty_text() {
  static const std::string empty;
  return empty;
}

}  // namespace casus
