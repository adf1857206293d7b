// Loads the city's reference data from the files under data/: units
// (code,name,kind,parent), taxonomy (code,name,parent,level), dispatch catalog
// (category,area,enterprise,lead,co_units with ';' between co-units) and the
// holiday calendar (date,kind). Errors name the file and the line.
#pragma once

#include <string>
#include <vector>

#include "domain/catalog.h"
#include "domain/kb_entry.h"
#include "domain/taxonomy.h"
#include "domain/unit_tree.h"
#include "domain/work_calendar.h"

namespace hotline::app {

Result<std::vector<Unit>> LoadUnitsFile(const std::string& path);
Result<std::vector<Category>> LoadTaxonomyFile(const std::string& path);
Result<std::vector<CatalogRule>> LoadCatalogFile(const std::string& path);
Result<WorkCalendar> LoadCalendarFile(const std::string& path);
// Knowledge-base seed (TSV: id,category,question,answer,public).
Result<std::vector<KbEntry>> LoadKbFile(const std::string& path);

// The data directory: $HOTLINE_DATA_DIR, else the source tree's data/.
std::string DataDir();

}  // namespace hotline::app
