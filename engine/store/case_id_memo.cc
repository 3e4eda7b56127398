#include "store/case_id_memo.h"

#include <algorithm>

namespace casus {

namespace {

bool text_before(const KnownCaseId& known, std::string_view text) { return known.text < text; }

}  // namespace

std::vector<KnownCaseId> sorted_case_ids(std::vector<std::string> ids) {
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  std::erase(ids, std::string());
  InternedString::reserve(ids.size());
  std::vector<KnownCaseId> known;
  known.reserve(ids.size());
  for (std::string& id : ids) {
    const InternedString interned(id);
    known.push_back(KnownCaseId{std::move(id), interned});
  }
  return known;
}

InternedString CaseIdMemo::get(std::string_view text) {
  if (text.empty()) return {};
  if (last_ == text) return last_;
  auto found = known_.end();
  if (!known_.empty() && known_[place_].text < text) {
    // Forward from the last place: double the step until it passes the id,
    // then search the last step's span.
    std::size_t from = place_ + 1, step = 1;
    while (from + step - 1 < known_.size() && known_[from + step - 1].text < text) {
      from += step;
      step *= 2;
    }
    const auto first = known_.begin() + static_cast<std::ptrdiff_t>(from);
    const auto last = known_.begin() + static_cast<std::ptrdiff_t>(std::min(from + step, known_.size()));
    found = std::lower_bound(first, last, text, text_before);
  } else if (!known_.empty()) {
    ++searches_;
    found = std::lower_bound(known_.begin(), known_.end(), text, text_before);
  }
  if (found != known_.end() && found->text == text) {
    place_ = static_cast<std::size_t>(found - known_.begin());
    return last_ = found->id;
  }
  ++pool_lookups_;
  return last_ = InternedString(text);
}

}  // namespace casus
