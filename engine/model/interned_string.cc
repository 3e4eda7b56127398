#include "model/interned_string.h"

#include <memory>
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
  // frees, so a cached pointer stays valid. 256k slots (2 MB a thread that
  // interns, on the heap): an import of 100k cases goes through the 100k case
  // ids file after file, and a text comes back to its slot only if no other
  // text took it in between. With 64k slots that held for 22% of the ids
  // (e^-1.5); with 256k, for 68%.
  constexpr std::size_t kSlots = std::size_t{1} << 18;
  thread_local const std::unique_ptr<const std::string*[]> recent(new const std::string* [kSlots] {});
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

void InternedString::reserve(std::size_t more) {
  Pool& p = pool();
  std::lock_guard<std::mutex> lock(p.mutex);
  p.texts.reserve(p.texts.size() + more);
}

const std::string& InternedString::empty_text() {
  static const std::string empty;
  return empty;
}

}  // namespace casus
