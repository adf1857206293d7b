// Fuzz target: the ticket list's query string (GET /api/v1/tickets?…). The input
// is split like a request target's query by Boost.URL, exactly as http_server.cc
// fills HttpRequest::query, then api::ParseTicketFilter checks it against the
// demo city's units. A filter it accepts must run: ListTickets and Stats on an
// in-memory store holding a few demo tickets may refuse it only with an
// InvalidArgument naming a parameter, never an internal (SQL) error.
#include <boost/url/parse.hpp>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "service/hotline_service.h"
#include "api/rest_api.h"
#include "demo_data.h"
#include "domain/state_machine.h"
#include "store/sqlite/sqlite_store.h"

namespace {

using namespace hotline;
using fuzz::Check;
using fuzz::Must;

struct Fixture {
  service::ReferenceData ref;
  std::unique_ptr<SqliteStore> store;
};

Fixture* MakeFixture() {
  const fuzz::DemoCity& demo = fuzz::Demo();
  auto* f = new Fixture;
  f->ref.units = demo.units;
  f->ref.taxonomy = demo.taxonomy;
  f->ref.catalog = demo.catalog;
  f->store = Must(SqliteStore::Open(":memory:"), "store");
  Context ctx;
  ctx.units = &demo.units;
  ctx.taxonomy = &demo.taxonomy;
  ctx.calendar = &demo.calendar;
  ctx.now = 1'795'000'000;
  const Actor operator_actor{"op", Role::kOperator, ""};
  std::vector<Ticket> tickets;
  std::vector<std::vector<Event>> histories;
  const Appeal appeals[] = {
      {Channel::kPhone, AppealType::kComplaint, "东华街道幸福里小区路灯不亮", {"张三", "13800138000"}, "东华街道幸福里", {},
       false, Urgency::kNormal, false, "", "LC-D01-S01", "123456"},
      {Channel::kWeb, AppealType::kHelp, "西湖区菜市场占道经营", {"李四", ""}, "", {}, true, Urgency::kImportant, false, "", "LC-D02", "654321"},
      {Channel::kPhone, AppealType::kConsultation, "公积金提取需要什么材料", {}, "", {}, false, Urgency::kUrgent, false, "", "", "111111"},
  };
  for (const Appeal& a : appeals) {
    auto tr = Must(Intake(a, operator_actor, ctx), "intake");
    tickets.push_back(tr.ticket);
    histories.push_back({tr.event});
  }
  Must(f->store->CreateTickets(histories, tickets), "seed tickets");
  return f;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static Fixture* fixture = MakeFixture();
  if (size > 8192) return 0;  // the server's request-line limit is smaller
  const std::string target = "/api/v1/tickets?" + std::string(reinterpret_cast<const char*>(data), size);
  auto url = boost::urls::parse_origin_form(target);
  if (!url) return 0;  // the server answers 400 before any handler
  api::HttpRequest req;
  req.method = "GET";
  req.path = "/api/v1/tickets";
  for (auto param : url->params()) req.query.emplace(param.key, param.value);

  auto filter = api::ParseTicketFilter(req, fixture->ref);
  if (!filter.ok()) {
    Check(filter.status().code() == StatusCode::kInvalidArgument && !filter.status().field().empty(),
          "ParseTicketFilter: " + filter.status().ToString());
    return 0;
  }
  auto page = fixture->store->ListTickets(*filter);
  Check(page.ok() || page.status().code() == StatusCode::kInvalidArgument, "ListTickets: " + page.status().ToString());
  if (page.ok()) Check(page->items.size() <= static_cast<std::size_t>(filter->per_page), "page larger than per_page");
  auto stats = fixture->store->Stats(*filter);
  Check(stats.ok() || stats.status().code() == StatusCode::kInvalidArgument, "Stats: " + stats.status().ToString());
  return 0;
}
