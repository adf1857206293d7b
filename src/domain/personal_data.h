// Callers' personal data (name and phone): which roles see it unmasked, and how
// it is masked for the others (DESIGN.md: analysts and dispatchers see 张* and
// 138****8000). Roles that see masked data may not filter or relate tickets by
// phone either, or a masked number could be recovered by guessing.
#pragma once

#include <string>

#include "domain/vocabulary.h"

namespace hotline {

bool SeesPersonalData(Role role);
// Keeps the first three and last four digits of a long number.
std::string MaskPhone(const std::string& phone);
// Keeps the first character (the family name).
std::string MaskName(const std::string& name);

}  // namespace hotline
