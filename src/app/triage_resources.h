// Loads what the intake assistant needs from the data directory — street centres,
// alert rules with the out-of-scope scripts — and, when a path is given, the
// classifier model.
#pragma once

#include <string>

#include "api/hotline_service.h"

namespace hotline::app {

Result<api::TriageResources> LoadTriageResources(const std::string& data_dir, const std::string& model_path);

}  // namespace hotline::app
