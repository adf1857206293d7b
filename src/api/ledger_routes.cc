// GET /api/v1/ledger?month=YYYY-MM[&unit=][&cleared=yes|no][&page=][&per_page=][&format=json|csv|xlsx]:
// the clearing ledger (动态清零, issue 10; rows and "cleared": domain/ledger.h,
// authority and scope: service/ledger.h). JSON pages with the month's counts and
// clear-down rate, or every row as a CSV or XLSX attachment.
#include "api/http_helpers.h"
#include "api/ledger_export.h"
#include "api/rest_api.h"
#include "api/views.h"

namespace hotline::api {

using nlohmann::json;

namespace {

json RowView(const LedgerRow& r, const ReferenceData& ref) {
  const Ticket& t = r.ticket;
  const Unit* unit = ref.units.Find(t.lead_unit);
  const CommandInput& in = r.unsatisfied.input;
  json row = {{"id", t.id},
              {"number", TicketNumber(t)},
              {"content", t.appeal.content},
              {"category", t.appeal.category},
              {"lead_unit", t.lead_unit},
              {"lead_unit_name", unit ? unit->name : t.lead_unit},
              {"state", Name(t.state)},
              {"unsatisfied_at", FormatTime(r.unsatisfied.at)},
              {"unsatisfied_callbacks", r.unsatisfied_callbacks},
              {"satisfaction", in.satisfaction ? json(Name(*in.satisfaction)) : json(nullptr)},
              {"resolved", in.resolved ? json(*in.resolved) : json(nullptr)},
              {"dissatisfaction", in.dissatisfaction ? json(Name(*in.dissatisfaction)) : json(nullptr)},
              {"cleared", r.closing.has_value()},
              {"cleared_at", nullptr},
              {"cleared_how", nullptr},
              {"cleared_by", nullptr},
              {"clear_reason", nullptr}};
  if (r.closing) {
    row["cleared_at"] = FormatTime(r.closing->at);
    row["cleared_how"] = Name(HowCleared(*r.closing));
    row["cleared_by"] = r.closing->actor.username;
    if (r.closing->command == "close") row["clear_reason"] = r.closing->input.reason;
  }
  return row;
}

Result<std::optional<bool>> ClearedParam(const HttpRequest& req) {
  const std::string v = req.Param("cleared");
  if (v.empty()) return std::optional<bool>();
  if (v == "yes") return std::optional<bool>(true);
  if (v == "no") return std::optional<bool>(false);
  return Status::InvalidArgument("cleared", "cleared must be yes or no").WithReason(Reasons::kInvalidValue);
}

}  // namespace

void RestApi::AddLedgerRoutes() {
  router_.Add(
      "GET", "/api/v1/ledger",
      Authed(Capability::kLedger, [this](const HttpRequest& req, const PathParams&, const Actor& actor) -> HttpResponse {
        for (const auto& [name, value] : req.query)
          if (!name.empty() && name != "month" && name != "unit" && name != "cleared" && name != "page" && name != "per_page" &&
              name != "format")
            return StatusResponse(Status::InvalidArgument(name, "unknown parameter " + name)
                                      .WithReason(Reasons::kUnknownField)
                                      .WithParam("field", name));
        service::LedgerQuery query;
        query.month = req.Param("month");
        query.unit = req.Param("unit");
        auto cleared = ClearedParam(req);
        if (!cleared.ok()) return StatusResponse(cleared.status());
        query.cleared = *cleared;
        auto page = PageParam(req, "page", 1, 1'000'000);
        if (!page.ok()) return StatusResponse(page.status());
        auto per_page = PageParam(req, "per_page", 20, kMaxPerPage);
        if (!per_page.ok()) return StatusResponse(per_page.status());
        query.page = *page;
        query.per_page = *per_page;
        const std::string format = req.Param("format").empty() ? "json" : req.Param("format");
        if (format != "json" && format != "csv" && format != "xlsx")
          return StatusResponse(
              Status::InvalidArgument("format", "format must be json, csv or xlsx").WithReason(Reasons::kInvalidValue));
        auto ref = service_.reference();
        if (format != "json") {
          auto all = service_.ledger().Export(query, actor);
          if (!all.ok()) return StatusResponse(all.status());
          HttpResponse r;
          const std::string name = "动态清零台账-" + all->month + "." + format;
          if (format == "csv") {
            r.content_type = "text/csv; charset=utf-8";
            r.body = LedgerCsv(*all, *ref);
          } else {
            auto bytes = LedgerXlsx(*all, *ref);
            if (!bytes.ok()) return StatusResponse(bytes.status());
            r.content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            r.body = std::move(bytes).value();
          }
          r.headers.emplace_back("Content-Disposition", ContentDisposition(name));
          r.headers.emplace_back("X-Content-Type-Options", "nosniff");
          return r;
        }
        auto report = service_.ledger().Month(query, actor);
        if (!report.ok()) return StatusResponse(report.status());
        json items = json::array();
        for (const LedgerRow& row : report->page.items) items.push_back(RowView(row, *ref));
        return Json(200, {{"month", report->month},
                          {"from", FormatTime(report->span.from)},
                          {"to", FormatTime(report->span.to)},
                          {"total", report->page.total},
                          {"cleared", report->page.cleared},
                          {"open", report->page.total - report->page.cleared},
                          {"rate", report->rate},
                          {"matching", report->page.matching},
                          {"page", query.page},
                          {"per_page", query.per_page},
                          {"items", items}});
      }));
}

}  // namespace hotline::api
