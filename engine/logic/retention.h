// Retention: which cases the retention rule says must now be deleted — those
// closed more than `years` years ago (config: settings.xml <retention
// years-after-closure="5"/>). Pure selection; the store deletes
// (Store::delete_cases) and `casus retention --apply` logs it.
#pragma once

#include <string>
#include <vector>

#include "core/date.h"
#include "model/dataset.h"

namespace casus {

struct RetentionDue {
  std::string case_id;
  Date closed_on;
  Date delete_after;  // closed_on + years; due when delete_after < today
};

// closed_on plus whole years; 29 February becomes 28 February in a common year.
Date add_years(const Date& date, int years);

// Closed cases with closed_on + years < today, ordered by closed_on, then case_id.
std::vector<RetentionDue> cases_due_for_deletion(const Dataset& dataset, int years, const Date& today);

}  // namespace casus
