// Audit summaries: what an administrative change did, in a line people read
// ("catalog: 132 → 133 rules; added 120101 × LC-D01 (any) → LC-ZLS"). Lists
// of added and removed items are cut after a few, with the count of the rest.
#pragma once

#include <string>
#include <vector>

#include "domain/catalog.h"
#include "domain/taxonomy.h"
#include "domain/unit_tree.h"
#include "store/store.h"

namespace hotline::service {

std::string SummariseUnits(const std::vector<Unit>& before, const std::vector<Unit>& after);
std::string SummariseCategories(const std::vector<Category>& before, const std::vector<Category>& after);
std::string SummariseCatalog(const std::vector<CatalogRule>& before, const std::vector<CatalogRule>& after);
// "time-limit rules: 12 → 13; added …; changed default: sign 24 natural_hours … ⇒ …",
// with "; working hours 09:00-12:00 13:30-17:30 ⇒ 08:30-12:00 …" when the hours changed.
std::string SummariseTimeLimits(const std::vector<TimeLimitRuleText>& before,
                                const std::vector<TimeLimitRuleText>& after,
                                const std::vector<WorkPeriodText>& hours_before,
                                const std::vector<WorkPeriodText>& hours_after);
// "calendar days: 0 → 33; added 2027-01-01 holiday, …" for one year.
std::string SummariseCalendarYear(const std::vector<CalendarDay>& before, const std::vector<CalendarDay>& after);
std::string SummariseUser(const User& user, bool is_new, bool password_changed);

}  // namespace hotline::service
