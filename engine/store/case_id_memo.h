// CaseIdMemo: interns the case ids of stored records decoded one after
// another, for the load. Owns its place in a shared table of the store's case
// ids in ascending order (sorted_case_ids), which the load builds once.
//
// A partner's file lists its cases in ascending order of case id, one run of
// records per case. So the next record's case is nearly always the previous
// record's, or one further on in the sorted table: the memo steps forward
// from its last place, in steps that double (1, 2, 4, ...), and then halves
// back to the id. That reads memory next to the last place. Only when an id
// lies behind it (a new file) does it search the whole table, and only an id
// the table does not hold goes to the process-wide InternedString pool.
// At 100k cases the pool's table no longer fits in the caches: asking it at
// every new run of records (the memo before this one) took 9% more of the
// load's CPU time at 100k than this does, and the same at 10k.
// Use one memo per kind of record (each kind comes in files of its own).
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "model/interned_string.h"

namespace casus {

struct KnownCaseId {
  std::string text;  // a copy beside the id, so that a search reads only the table
  InternedString id;
};

// The case ids in ascending order (byte order), each once, interned.
std::vector<KnownCaseId> sorted_case_ids(std::vector<std::string> ids);

class CaseIdMemo {
 public:
  // `known` (sorted_case_ids) must outlive the memo; it may be empty.
  explicit CaseIdMemo(std::span<const KnownCaseId> known = {}) : known_(known) {}

  // The interned `text`. An empty text gives an empty id and leaves the
  // memo's place where it was.
  InternedString get(std::string_view text);

  // How many ids lay behind the memo's place (searched in the whole table).
  std::size_t searches() const { return searches_; }
  // How many ids were not in the table (each asked of the pool).
  std::size_t pool_lookups() const { return pool_lookups_; }

 private:
  std::span<const KnownCaseId> known_;
  std::size_t place_ = 0;  // where the last id was found in known_
  InternedString last_;
  std::size_t searches_ = 0;
  std::size_t pool_lookups_ = 0;
};

}  // namespace casus
