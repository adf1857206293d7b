// A test base for the state machine's scenario tests: the small city and
// taxonomy of test_fixtures.h, a calendar, a context whose clock moves ten
// minutes per command, the events recorded so far (so a test can replay them),
// and Do / Try / InProgressAt. Tests only.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "domain/state_machine.h"
#include "domain/test_fixtures.h"

namespace hotline::testing {

class TicketTestBase : public ::testing::Test {
 protected:
  TicketTestBase() : units_(SmallCity()), taxonomy_(SmallTaxonomy()) {
    ctx_.units = &units_;
    ctx_.taxonomy = &taxonomy_;
    ctx_.calendar = &calendar_;
    ctx_.now = 1'795'000'000;  // 2026-11-18, a Wednesday
  }

  // A heating appeal taken in (ticket 7); its intake event starts events_.
  Ticket NewTicket() {
    auto r = Intake(HeatingAppeal(), Operator(), ctx_);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    r->ticket.id = 7;
    events_ = {r->event};
    events_[0].ticket_id = 7;
    return r->ticket;
  }

  // A new ticket dispatched by the hotline to `unit` (with `co_units`) and signed there.
  Ticket InProgressAt(const std::string& unit, std::vector<std::string> co_units = {}) {
    CommandInput to;
    to.unit = unit;
    to.co_units = std::move(co_units);
    Ticket t = Do(NewTicket(), "dispatch", to, Dispatcher());
    return Do(t, "sign", {}, Staff(unit));
  }

  // Applies a command that must succeed, ten minutes after the last one.
  Ticket Do(const Ticket& t, std::string_view cmd, CommandInput in, const Actor& actor) {
    ctx_.now += 600;
    auto r = Apply(t, cmd, in, actor, ctx_);
    EXPECT_TRUE(r.ok()) << cmd << ": " << r.status().ToString();
    if (!r.ok()) return t;
    events_.push_back(r->event);
    return r->ticket;
  }
  // The status of a command, which changes nothing.
  Status Try(const Ticket& t, std::string_view cmd, CommandInput in, const Actor& actor) {
    return Apply(t, cmd, in, actor, ctx_).status();
  }

  UnitTree units_;
  Taxonomy taxonomy_;
  WorkCalendar calendar_;
  Context ctx_;
  std::vector<Event> events_;
};

}  // namespace hotline::testing
