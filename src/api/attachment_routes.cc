// A ticket's files and related tickets:
//   GET  /api/v1/tickets/{id}/attachments           the list
//   POST /api/v1/tickets/{id}/attachments?name=…    the raw file as the body, its type in Content-Type
//   GET  /api/v1/tickets/{id}/attachments/{aid}     the file
//   GET  /api/v1/tickets/{id}/related               same caller, merged, similar
#include "api/http_helpers.h"
#include "api/rest_api.h"
#include "api/views.h"

namespace hotline::api {

using nlohmann::json;

namespace {

// `uploader_name`: the uploader's display name (UserDirectory).
json AttachmentView(const Attachment& a, const std::string& uploader_name) {
  return {{"id", a.id},
          {"name", a.name},
          {"content_type", a.content_type},
          {"size", a.size},
          {"uploaded_by", a.uploaded_by},
          {"uploaded_by_name", uploader_name.empty() ? a.uploaded_by : uploader_name},
          {"uploaded_at", FormatTime(a.uploaded_at)}};
}

// The first `max_chars` characters of UTF-8 text, with "…" when cut.
std::string Preview(const std::string& text, std::size_t max_chars) {
  std::size_t i = 0, chars = 0;
  while (i < text.size() && chars < max_chars) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    i += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    ++chars;
  }
  return i >= text.size() ? text : text.substr(0, i) + "…";
}


}  // namespace

void RestApi::AddAttachmentRoutes() {
  auto ticket_id = [](const PathParams& p) { return ParseInt(p.at("id"), "id"); };

  router_.Add("GET", "/api/v1/tickets/{id}/attachments",
              Authed(Capability::kAttachmentRead, [this, ticket_id](const HttpRequest&, const PathParams& p, const Actor& a) {
                auto id = ticket_id(p);
                if (!id.ok()) return StatusResponse(id.status());
                auto list = service_.attachments().List(*id, a);
                if (!list.ok()) return StatusResponse(list.status());
                json items = json::array();
                for (const Attachment& at : *list) items.push_back(AttachmentView(at, service_.users().DisplayName(at.uploaded_by)));
                return Json(200, {{"items", items}, {"total", items.size()}});
              }));

  router_.Add("POST", "/api/v1/tickets/{id}/attachments",
              Authed([this, ticket_id](const HttpRequest& req, const PathParams& p, const Actor& a) {
                auto id = ticket_id(p);
                if (!id.ok()) return StatusResponse(id.status());
                auto added = service_.attachments().Attach(*id, req.Param("name"), req.Header("content-type"), req.body, a);
                if (!added.ok()) return StatusResponse(added.status());
                return Json(201, AttachmentView(*added, service_.users().DisplayName(added->uploaded_by)));
              }));

  router_.Add("GET", "/api/v1/tickets/{id}/attachments/{aid}",
              Authed(Capability::kAttachmentRead, [this, ticket_id](const HttpRequest&, const PathParams& p, const Actor& a) {
                auto id = ticket_id(p);
                if (!id.ok()) return StatusResponse(id.status());
                auto file = service_.attachments().Read(*id, p.at("aid"), a);
                if (!file.ok()) return StatusResponse(file.status());
                HttpResponse r;
                r.content_type = file->first.content_type;
                r.body = std::move(file->second);
                r.headers.emplace_back("Content-Disposition", ContentDisposition(file->first.name));
                r.headers.emplace_back("X-Content-Type-Options", "nosniff");
                return r;
              }));

  router_.Add("GET", "/api/v1/tickets/{id}/related",
              Authed(Capability::kRelatedTickets, [this, ticket_id](const HttpRequest&, const PathParams& p, const Actor& a) {
                auto id = ticket_id(p);
                if (!id.ok()) return StatusResponse(id.status());
                auto related = service_.tickets().Related(*id, a);
                if (!related.ok()) return StatusResponse(related.status());
                json items = json::array();
                for (const auto& r : *related)
                  items.push_back({{"id", r.ticket.id},
                                   {"number", TicketNumber(r.ticket)},
                                   {"state", Name(r.ticket.state)},
                                   {"created_at", FormatTime(r.ticket.created_at)},
                                   {"content", Preview(r.ticket.appeal.content, 60)},
                                   {"relation", r.relation}});
                return Json(200, {{"items", items}, {"total", items.size()}});
              }));
}

}  // namespace hotline::api
