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
std::string SummariseUser(const User& user, bool is_new, bool password_changed);

}  // namespace hotline::service
