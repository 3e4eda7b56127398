#include "logic/retention.h"

#include <algorithm>

namespace casus {

Date add_years(const Date& date, int years) {
  const int year = date.year + years;
  return Date{year, date.month, std::min<int>(date.day, days_in_month(year, date.month))};
}

std::vector<RetentionDue> cases_due_for_deletion(const Dataset& dataset, int years, const Date& today) {
  std::vector<RetentionDue> due;
  for (const CaseRecord& c : dataset.cases) {
    if (!c.closed_on) continue;
    const Date after = add_years(*c.closed_on, years);
    if (after < today) due.push_back({c.case_id, *c.closed_on, after});
  }
  std::sort(due.begin(), due.end(), [](const RetentionDue& a, const RetentionDue& b) {
    return a.closed_on != b.closed_on ? a.closed_on < b.closed_on : a.case_id < b.case_id;
  });
  return due;
}

}  // namespace casus
