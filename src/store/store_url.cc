#include "store/store_url.h"

namespace hotline {

bool IsPostgresUrl(const std::string& url) {
  return url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0;
}

std::string RedactStoreUrl(const std::string& url) {
  std::string out = url;
  if (IsPostgresUrl(out)) {
    const std::size_t scheme_end = out.find("://") + 3;
    const std::size_t path = out.find_first_of("/?", scheme_end);
    const std::size_t at = out.rfind('@', path == std::string::npos ? std::string::npos : path);
    if (at != std::string::npos && at >= scheme_end) {
      const std::size_t colon = out.find(':', scheme_end);
      if (colon != std::string::npos && colon < at) out.replace(colon + 1, at - colon - 1, "***");
    }
  }
  // password=… as a query or keyword parameter, up to the next & or space.
  for (std::size_t pos = out.find("password="); pos != std::string::npos; pos = out.find("password=", pos + 1)) {
    const std::size_t value = pos + 9;
    const std::size_t end = out.find_first_of("& ", value);
    out.replace(value, (end == std::string::npos ? out.size() : end) - value, "***");
  }
  return out;
}

}  // namespace hotline
