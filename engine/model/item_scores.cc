#include "model/item_scores.h"

#include <stdexcept>

namespace casus {

std::size_t ItemScores::lower_bound(std::string_view code) const {
  std::size_t lo = 0;
  std::size_t hi = entries_.size();
  while (lo < hi) {
    const std::size_t mid = lo + (hi - lo) / 2;
    if (std::string_view(entries_[mid].code) < code)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo;
}

ItemScores::const_iterator ItemScores::find(std::string_view code) const {
  const std::size_t i = lower_bound(code);
  return (i < entries_.size() && entries_[i].code == code) ? const_iterator(this, i) : end();
}

std::optional<int> ItemScores::score(std::string_view code) const {
  const std::size_t i = lower_bound(code);
  if (i == entries_.size() || !(entries_[i].code == code) || entries_[i].score == kUnknown) return std::nullopt;
  return entries_[i].score;
}

ItemScore ItemScores::at(std::string_view code) const {
  auto it = find(code);
  if (it == end()) throw std::out_of_range("ItemScores::at: no item " + std::string(code));
  return (*it).second;
}

std::size_t ItemScores::insert_at(std::size_t position, std::string_view code) {
  Entry entry;
  entry.code = InternedString(code);
  entries_.insert(entries_.begin() + static_cast<std::ptrdiff_t>(position), entry);
  return position;
}

bool ItemScores::emplace(std::string_view code, const ItemScore& value) {
  // Items mostly come in code order (a stored assessment keeps them so): one
  // comparison with the last item then places them at the end.
  const bool after_last = entries_.empty() || std::string_view(entries_.back().code) < code;
  const std::size_t i = after_last ? entries_.size() : lower_bound(code);
  if (i < entries_.size() && entries_[i].code == code) return false;
  assign(insert_at(i, code), value);
  return true;
}

ItemScores::Ref ItemScores::operator[](std::string_view code) {
  std::size_t i = lower_bound(code);
  if (i == entries_.size() || !(entries_[i].code == code)) i = insert_at(i, code);
  return Ref(this, i);
}

void ItemScores::assign(std::size_t index, const ItemScore& value) {
  Entry& entry = entries_[index];
  entry.score = value.score ? *value.score : kUnknown;
  if (value.evidence.empty() && value.source.empty()) {
    if (entry.detail != 0) details_[entry.detail - 1] = Detail{};
    return;
  }
  if (entry.detail == 0) {
    details_.emplace_back();
    entry.detail = static_cast<std::uint32_t>(details_.size());
  }
  details_[entry.detail - 1] = Detail{value.evidence, InternedString(value.source)};
}

ItemScores::value_type ItemScores::item_at(std::size_t index) const {
  const Entry& entry = entries_[index];
  ItemScore item;
  if (entry.score != kUnknown) item.score = entry.score;
  if (entry.detail != 0) {
    item.evidence = details_[entry.detail - 1].evidence;
    item.source = details_[entry.detail - 1].source.str();
  }
  return {entry.code.str(), std::move(item)};
}

bool operator==(const ItemScores& a, const ItemScores& b) {
  if (a.size() != b.size()) return false;
  for (auto i = a.begin(), j = b.begin(); i != a.end(); ++i, ++j) {
    const auto x = *i;
    const auto y = *j;
    if (x.first != y.first || !(x.second == y.second)) return false;
  }
  return true;
}

}  // namespace casus
