// CaseRows: how one case's own rows of the record table are found through
// its indexes. The store keeps no index on case_id over every kind of
// record: at 3.5 million rows that index cost the import a quarter of its
// time, since every monthly file touched all of its pages. Instead:
//   - the case row by its natural key, which is the case id;
//   - assessments, interventions and life-domain observations by their
//     natural key, which begins with the case id and '|' (a range on the
//     unique (kind, natural_key) index), checked against case_id as well,
//     so that an id containing '|' cannot reach another case's rows;
//   - events, whose natural key is the partner's own, by the partial index
//     record_case_events (case_id, events only).
// Each condition takes the case id as ?1 and the natural-key range as ?2
// (from, inclusive) and ?3 (to, exclusive); bind_case() binds them.
#pragma once

#include <sqlite3.h>

#include <array>
#include <string>

namespace casus {

// The conditions, one per index; together they select exactly the rows
// whose case_id is the case's (test: store_test).
inline constexpr const char* kCaseRowCondition = "kind = 0 AND natural_key = ?1";
inline constexpr const char* kCaseRecordsCondition =
    "kind IN (1, 2, 3) AND natural_key >= ?2 AND natural_key < ?3 AND case_id = ?1";
inline constexpr const char* kCaseEventsCondition = "kind = 4 AND case_id = ?1";
inline constexpr std::array<const char*, 3> kCaseConditions = {kCaseRowCondition, kCaseRecordsCondition,
                                                               kCaseEventsCondition};

// Binds ?1 (and ?2, ?3 where the statement has them) for `case_id`.
void bind_case(sqlite3_stmt* stmt, const std::string& case_id);

}  // namespace casus
