#include <sodium.h>

#include <algorithm>
#include <array>
#include <string_view>

#include "service/attachments.h"
#include "service/file_signature.h"
#include "service/refusals.h"
#include "domain/limits.h"

namespace hotline::service {
namespace {

// What a hotline receives: photos, scans, documents, recordings and short videos.
constexpr std::array kAllowedTypes = {
    "image/jpeg", "image/png", "image/gif", "image/webp", "application/pdf", "text/plain",
    "audio/mpeg", "audio/wav", "audio/amr", "video/mp4",
    "application/msword", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.ms-excel", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"};

// Whether a UTF-8 control character starts at `s[i]`: a C1 control (U+0080–U+009F)
// or a bidirectional control (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069),
// which makes "photo\u202Egpj.exe" read as "photoexe.jpg".
bool UnicodeControlAt(std::string_view s, std::size_t i) {
  auto at = [&](std::size_t k) { return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0; };
  if (at(0) == 0xC2) return at(1) >= 0x80 && at(1) <= 0x9F;
  if (at(0) == 0xD8) return at(1) == 0x9C;
  if (at(0) != 0xE2) return false;
  if (at(1) == 0x80) return at(2) == 0x8E || at(2) == 0x8F || (at(2) >= 0xAA && at(2) <= 0xAE);
  return at(1) == 0x81 && at(2) >= 0xA6 && at(2) <= 0xA9;
}

Status CheckName(const std::string& name) {
  if (name.empty()) return Status::InvalidArgument("name", "the file name is required").WithReason(Reasons::kRequired);
  if (name.size() > kMaxFileNameBytes)
    return Status::InvalidArgument("name", "the file name is longer than 255 bytes")
        .WithReason(Reasons::kTooLong)
        .WithParam("max", kMaxFileNameBytes);
  for (std::size_t i = 0; i < name.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(name[i]);
    if (c < 0x20 || c == 0x7F || c == '/' || c == '\\' || c == '"')
      return Status::InvalidArgument("name", "the file name has a control character, slash or quote")
          .WithReason(Reasons::kControlCharacter);
    if (UnicodeControlAt(name, i))
      return Status::InvalidArgument("name", "the file name has a control or text-direction character")
          .WithReason(Reasons::kControlCharacter);
  }
  if (name == "." || name == "..")
    return Status::InvalidArgument("name", "not a file name").WithReason(Reasons::kInvalidValue);
  return Status::Ok();
}

std::string RandomId() {
  std::array<unsigned char, 10> bytes;
  randombytes_buf(bytes.data(), bytes.size());
  static constexpr char kHex[] = "0123456789abcdef";
  std::string id;
  for (unsigned char b : bytes) id += {kHex[b >> 4], kHex[b & 15]};
  return id;
}

}  // namespace

std::vector<std::string> Attachments::AllowedTypes() { return {kAllowedTypes.begin(), kAllowedTypes.end()}; }

Result<Attachment> Attachments::Attach(TicketId id, const std::string& name, const std::string& content_type,
                                       std::string_view bytes, const Actor& actor, bool holds_query_code) {
  // Authority before input (the portal has checked the query code itself).
  if (!holds_query_code) HOTLINE_RETURN_IF_ERROR(tickets_.AuthorizeCommand(id, "attach", actor));
  HOTLINE_RETURN_IF_ERROR(CheckName(name));
  const std::string type = content_type.substr(0, content_type.find(';'));
  if (std::find(kAllowedTypes.begin(), kAllowedTypes.end(), type) == kAllowedTypes.end())
    return Status::InvalidArgument("content_type", "files of type '" + type +
                                                       "' are not accepted (photos, PDF, Office documents, "
                                                       "text, audio and MP4 video are)")
        .WithReason(Reasons::kUnsupportedType)
        .WithParam("type", type);
  if (bytes.empty()) return Status::InvalidArgument("size", "the file is empty").WithReason(Reasons::kEmptyFile);
  if (bytes.size() > kMaxBytes)
    return Status::InvalidArgument("size",
                                   "the file is larger than " + std::to_string(kMaxBytes >> 20) + " MiB")
        .WithReason(Reasons::kTooLarge)
        .WithParam("max", kMaxBytes);
  if (!MatchesDeclaredType(type, bytes))
    return Status::InvalidArgument("content_type", "the file's content is not of type '" + type + "'")
        .WithReason(Reasons::kContentTypeMismatch);
  auto ref = core_.reference();
  Attachment meta{RandomId(), id, name, type, static_cast<std::int64_t>(bytes.size()), actor.username, core_.Now()};
  CommandInput in;
  in.attachment = meta.id;
  in.content = name;
  auto updated = store_.AttachFile(meta, bytes, [&](const Ticket& current) -> Result<Transition> {
    HOTLINE_RETURN_IF_ERROR(RequireTicket(actor, Capability::kTicketRead, current, ref->units, holds_query_code));
    return Apply(current, "attach", in, actor, core_.MakeContext(*ref));
  });
  if (!updated.ok()) return updated.status();
  live_.PublishTicket(*updated, "attach");
  return meta;
}

Result<std::vector<Attachment>> Attachments::List(TicketId id, const Actor& actor) {
  HOTLINE_RETURN_IF_ERROR(tickets_.GetFor(id, actor, Capability::kAttachmentRead).status());
  return store_.ListAttachments(id);
}

Result<std::pair<Attachment, std::string>> Attachments::Read(TicketId id, const std::string& attachment_id,
                                                              const Actor& actor) {
  HOTLINE_ASSIGN_OR_RETURN(auto list, List(id, actor));
  auto it = std::find_if(list.begin(), list.end(), [&](const Attachment& a) { return a.id == attachment_id; });
  if (it == list.end()) return Status::NotFound("ticket " + std::to_string(id) + " has no attachment " + attachment_id);
  HOTLINE_ASSIGN_OR_RETURN(std::string bytes, store_.ReadAttachment(id, attachment_id));
  return std::make_pair(*it, std::move(bytes));
}

}  // namespace hotline::service
