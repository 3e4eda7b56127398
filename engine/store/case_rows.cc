#include "store/case_rows.h"

#include "model/enums.h"

namespace casus {

static_assert(static_cast<int>(RecordKind::cases) == 0 && static_cast<int>(RecordKind::assessments) == 1 &&
                  static_cast<int>(RecordKind::interventions) == 2 &&
                  static_cast<int>(RecordKind::life_domains) == 3 && static_cast<int>(RecordKind::events) == 4,
              "the conditions in case_rows.h name the stored kinds by number");

void bind_case(sqlite3_stmt* stmt, const std::string& case_id) {
  // Natural keys of a case's records are "<case id>|...": every such key is
  // >= "<case id>|" and < "<case id>}" ('}' follows '|'), and no other is.
  const std::string from = case_id + "|";
  const std::string to = case_id + "}";
  sqlite3_bind_text(stmt, 1, case_id.data(), static_cast<int>(case_id.size()), SQLITE_TRANSIENT);
  if (sqlite3_bind_parameter_count(stmt) >= 3) {
    sqlite3_bind_text(stmt, 2, from.data(), static_cast<int>(from.size()), SQLITE_TRANSIENT);
    sqlite3_bind_text(stmt, 3, to.data(), static_cast<int>(to.size()), SQLITE_TRANSIENT);
  }
}

}  // namespace casus
