// Requests that replace reference data whole (admin):
//   PUT /api/v1/units        {items: [{code, name, kind, parent}]}
//   PUT /api/v1/categories   {items: [{code, name, parent, level}]}
//   PUT /api/v1/catalog      {items: [{category, area, enterprise, lead, co_units}]}
// The body carries only "items", each item only its fields: anything else is
// refused with 400 naming it (items[3].foo; reason unknown_field). Errors in an
// item name it the same way (items[3].parent). Whether the codes exist, the tree
// has no cycle and so on is the service's to check.
#pragma once

#include <vector>

#include <nlohmann/json.hpp>

#include "domain/catalog.h"
#include "domain/status.h"
#include "domain/taxonomy.h"
#include "domain/unit_tree.h"

namespace hotline::api::requests {

Result<std::vector<Unit>> DecodeUnits(const nlohmann::json& body);
Result<std::vector<Category>> DecodeCategories(const nlohmann::json& body);
Result<std::vector<CatalogRule>> DecodeCatalog(const nlohmann::json& body);

}  // namespace hotline::api::requests
