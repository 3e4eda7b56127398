// ItemScores: the item scores of one assessment, by item code — a compact,
// sorted replacement for std::map<std::string, ItemScore> (16 bytes an item;
// evidence and source, which most items lack, are kept aside). The map-like
// API covers what callers need: find/count/at/emplace/operator[]/iteration in
// code order. Iterators yield (code, ItemScore) pairs by value. Owns its items.
#pragma once

#include <climits>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/interned_string.h"

namespace casus {

// One item of an assessment: a score 0..2 or unknown, with optional evidence.
struct ItemScore {
  std::optional<int> score;  // nullopt = unknown ('?' or empty)
  std::string evidence;
  std::string source;  // partner code, for <item source="...">

  friend bool operator==(const ItemScore&, const ItemScore&) = default;
};

class ItemScores {
  struct Entry {
    InternedString code;
    std::int32_t score = kUnknown;
    std::uint32_t detail = 0;  // 1 + index into details_; 0 = no evidence or source
  };
  struct Detail {
    std::string evidence;
    InternedString source;
  };
  static constexpr std::int32_t kUnknown = INT32_MIN;

 public:
  using value_type = std::pair<const std::string&, ItemScore>;

  class const_iterator {
   public:
    using difference_type = std::ptrdiff_t;
    using value_type = ItemScores::value_type;
    using iterator_category = std::forward_iterator_tag;
    struct Arrow {
      value_type pair;
      const value_type* operator->() const { return &pair; }
    };
    const_iterator() = default;
    value_type operator*() const { return owner_->item_at(index_); }
    Arrow operator->() const { return Arrow{**this}; }
    const_iterator& operator++() { ++index_; return *this; }
    const_iterator operator++(int) { const_iterator old = *this; ++index_; return old; }
    friend bool operator==(const const_iterator& a, const const_iterator& b) { return a.index_ == b.index_; }
    friend bool operator!=(const const_iterator& a, const const_iterator& b) { return a.index_ != b.index_; }

   private:
    friend class ItemScores;
    const_iterator(const ItemScores* owner, std::size_t index) : owner_(owner), index_(index) {}
    const ItemScores* owner_ = nullptr;
    std::size_t index_ = 0;
  };
  using iterator = const_iterator;

  // Write access to one item's score through operator[]: `items["V1"].score = 2`.
  class ScoreRef {
   public:
    ScoreRef(const ScoreRef&) = default;
    ScoreRef& operator=(const ScoreRef& other) { return *this = std::optional<int>(other); }
    ScoreRef& operator=(std::optional<int> value) {
      *slot_ = value ? *value : kUnknown;
      return *this;
    }
    operator std::optional<int>() const { return *slot_ == kUnknown ? std::nullopt : std::optional<int>(*slot_); }

   private:
    friend class ItemScores;
    explicit ScoreRef(std::int32_t* slot) : slot_(slot) {}
    std::int32_t* slot_;
  };
  class Ref {
   public:
    ScoreRef score;
    Ref(const Ref&) = default;
    Ref& operator=(const Ref& other) { return *this = ItemScore(other); }
    Ref& operator=(const ItemScore& value) {
      owner_->assign(index_, value);
      return *this;
    }
    operator ItemScore() const { return owner_->item_at(index_).second; }

   private:
    friend class ItemScores;
    Ref(ItemScores* owner, std::size_t index) : score(&owner->entries_[index].score), owner_(owner), index_(index) {}
    ItemScores* owner_;
    std::size_t index_;
  };

  std::size_t size() const { return entries_.size(); }
  bool empty() const { return entries_.empty(); }
  void clear() {
    entries_.clear();
    details_.clear();
  }
  void reserve(std::size_t n) { entries_.reserve(n); }

  const_iterator begin() const { return {this, 0}; }
  const_iterator end() const { return {this, entries_.size()}; }
  const_iterator find(std::string_view code) const;
  std::size_t count(std::string_view code) const { return find(code) != end() ? 1 : 0; }
  bool contains(std::string_view code) const { return count(code) > 0; }

  // The item's score; nullopt when the item is absent or unknown.
  std::optional<int> score(std::string_view code) const;
  // The item; throws std::out_of_range when absent (as std::map::at).
  ItemScore at(std::string_view code) const;

  // Adds the item unless its code is present; true when added.
  bool emplace(std::string_view code, const ItemScore& value);
  // The item, added as unknown when absent.
  Ref operator[](std::string_view code);

  friend bool operator==(const ItemScores& a, const ItemScores& b);

 private:
  std::size_t lower_bound(std::string_view code) const;
  std::size_t insert_at(std::size_t position, std::string_view code);
  void assign(std::size_t index, const ItemScore& value);
  value_type item_at(std::size_t index) const;

  std::vector<Entry> entries_;  // sorted by code
  std::vector<Detail> details_;
};

}  // namespace casus
