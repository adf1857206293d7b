// Loads what the intake assistant needs from the data directory — street centres,
// and polygons, alert rules with the out-of-scope scripts, China's divisions —
// and, when a path is given, the classifier model.
#pragma once

#include <string>

#include "service/hotline_service.h"

namespace hotline::app {

// `divisions_dir`: China's divisions (division_files.h); "" = the default
// directory when it is installed, "none" = without. `divisions_home`: the code
// prefix of the city served.
Result<service::TriageResources> LoadTriageResources(const std::string& data_dir, const std::string& model_path,
                                                 const std::string& divisions_dir = "",
                                                 const std::string& divisions_home = "");

}  // namespace hotline::app
