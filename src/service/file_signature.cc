#include "service/file_signature.h"

namespace hotline::service {

namespace {

bool StartsWith(std::string_view s, std::string_view prefix, std::size_t at = 0) {
  return s.size() >= at + prefix.size() && s.substr(at, prefix.size()) == prefix;
}

using namespace std::string_view_literals;

}  // namespace

bool MatchesDeclaredType(std::string_view type, std::string_view b) {
  if (type == "image/jpeg") return StartsWith(b, "\xFF\xD8\xFF"sv);
  if (type == "image/png") return StartsWith(b, "\x89PNG\r\n\x1A\n"sv);
  if (type == "image/gif") return StartsWith(b, "GIF87a"sv) || StartsWith(b, "GIF89a"sv);
  if (type == "image/webp") return StartsWith(b, "RIFF"sv) && StartsWith(b, "WEBP"sv, 8);
  if (type == "application/pdf") return StartsWith(b, "%PDF-"sv);
  if (type == "audio/wav") return StartsWith(b, "RIFF"sv) && StartsWith(b, "WAVE"sv, 8);
  if (type == "audio/amr") return StartsWith(b, "#!AMR"sv);
  if (type == "audio/mpeg")
    return StartsWith(b, "ID3"sv) ||
           (b.size() >= 2 && static_cast<unsigned char>(b[0]) == 0xFF && (static_cast<unsigned char>(b[1]) & 0xE0) == 0xE0);
  if (type == "video/mp4") return StartsWith(b, "ftyp"sv, 4);
  // Legacy Office files are OLE2 compound documents; the new ones are ZIP archives.
  if (type == "application/msword" || type == "application/vnd.ms-excel")
    return StartsWith(b, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"sv);
  if (type == "application/vnd.openxmlformats-officedocument.wordprocessingml.document" ||
      type == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    return StartsWith(b, "PK\x03\x04"sv);
  if (type == "text/plain") return b.find('\0') == std::string_view::npos;
  return false;
}

}  // namespace hotline::service
