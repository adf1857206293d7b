#include "app/import_checks.h"

#include <cstdio>
#include <nlohmann/json.hpp>
#include <vector>

#include "domain/work_calendar.h"
#include "text/utf8.h"

namespace hotline::app {
namespace {

// 2000-01-01 00:00 in UTC+8.
constexpr UnixSeconds kEarliest = 946'684'800 - WorkCalendar::kUtcOffsetSeconds;

std::string LocalDate(UnixSeconds t) {
  const UnixSeconds local = t + WorkCalendar::kUtcOffsetSeconds;
  return CivilFromDays(static_cast<int>(local >= 0 ? local / 86400 : (local - 86399) / 86400));
}

// Follows the member names down to where a parse error happens.
class MemberTracker : public nlohmann::json_sax<nlohmann::json> {
 public:
  std::string path;  // set by parse_error

  bool null() override { return Done(); }
  bool boolean(bool) override { return Done(); }
  bool number_integer(number_integer_t) override { return Done(); }
  bool number_unsigned(number_unsigned_t) override { return Done(); }
  bool number_float(number_float_t, const string_t&) override { return Done(); }
  bool string(string_t&) override { return Done(); }
  bool binary(binary_t&) override { return Done(); }
  bool start_object(std::size_t) override { return Push(); }
  bool key(string_t& k) override {
    if (!keys_.empty()) keys_.back() = k;
    return true;
  }
  bool end_object() override { return Pop(); }
  bool start_array(std::size_t) override { return Push(); }
  bool end_array() override { return Pop(); }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override {
    for (const auto& k : keys_) {
      if (k.empty()) continue;
      if (!path.empty()) path += '.';
      path += k;
    }
    return false;
  }

 private:
  // A member's value is complete: what follows is the next member's name.
  bool Done() {
    if (!keys_.empty()) keys_.back().clear();
    return true;
  }
  bool Push() {
    keys_.emplace_back();
    return true;
  }
  bool Pop() {
    if (!keys_.empty()) keys_.pop_back();
    return Done();
  }
  std::vector<std::string> keys_;  // per open object or array, the member being read ("" in arrays)
};

}  // namespace

Status CheckUtf8(const std::string& field, std::string_view value) {
  if (text::IsValidUtf8(value)) return Status::Ok();
  return Status::InvalidArgument(text::SanitizeUtf8(field),
                                 "not valid UTF-8 (the file must be UTF-8; convert GBK with iconv -f GBK -t UTF-8)");
}

Status CheckNoControlChars(const std::string& field, std::string_view value) {
  for (const char ch : value) {
    const auto c = static_cast<unsigned char>(ch);
    if (c >= 0x20 || c == '\t' || c == '\n') continue;
    char code[8];
    std::snprintf(code, sizeof code, "U+%04X", c);
    return Status::InvalidArgument(
        field, std::string("contains the control character ") + code + " (only tab and newline are allowed in text)");
  }
  return Status::Ok();
}

Status CheckCreatedAt(const std::string& field, UnixSeconds t, UnixSeconds now, const std::string& as_written) {
  const UnixSeconds latest = now + 86400;
  if (t >= kEarliest && t <= latest) return Status::Ok();
  return Status::InvalidArgument(field, "out of range: '" + as_written + "' is not between 2000-01-01 and " +
                                            LocalDate(latest) + " (one day after now)");
}

std::string JsonMemberWithBadUtf8(const std::string& line) {
  MemberTracker tracker;
  nlohmann::json::sax_parse(line, &tracker, nlohmann::json::input_format_t::json, false);
  return tracker.path;
}

}  // namespace hotline::app
