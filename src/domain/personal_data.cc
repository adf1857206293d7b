#include "domain/personal_data.h"

#include <algorithm>

#include "domain/permissions.h"

namespace hotline {

// The permission table decides (domain/permissions.cc): operators, callback
// agents, supervisors, admins and unit staff (units must contact the citizen).
bool SeesPersonalData(Role role) { return Allows(role, Capability::kPersonalData); }

std::string MaskPhone(const std::string& phone) {
  if (phone.size() <= 4) return std::string(phone.size(), '*');
  if (phone.size() < 8) return std::string(phone.size() - 4, '*') + phone.substr(phone.size() - 4);
  return phone.substr(0, 3) + std::string(phone.size() - 7, '*') + phone.substr(phone.size() - 4);
}

std::string MaskName(const std::string& name) {
  if (name.empty()) return name;
  // Keep the first UTF-8 character (the family name), star the rest.
  std::size_t first = 1;
  const auto lead = static_cast<unsigned char>(name[0]);
  if (lead >= 0xF0) first = 4;
  else if (lead >= 0xE0) first = 3;
  else if (lead >= 0xC0) first = 2;
  first = std::min(first, name.size());
  return name.substr(0, first) + "*";
}

}  // namespace hotline
