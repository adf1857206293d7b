#include "domain/vocabulary.h"

#include <gtest/gtest.h>

namespace hotline {
namespace {

TEST(Vocabulary, NamesRoundTrip) {
  for (auto name : TicketStateNames()) {
    auto s = ParseTicketState(name);
    ASSERT_TRUE(s.has_value()) << name;
    EXPECT_EQ(Name(*s), name);
  }
  for (auto name : ChannelNames()) EXPECT_EQ(Name(*ParseChannel(name)), name);
  for (auto name : AppealTypeNames()) EXPECT_EQ(Name(*ParseAppealType(name)), name);
}

TEST(Vocabulary, UnknownNamesAreRejected) {
  EXPECT_FALSE(ParseChannel("telegram").has_value());
  EXPECT_FALSE(ParseRole("").has_value());
  EXPECT_FALSE(ParseSatisfaction("Satisfied").has_value());  // case matters
}

TEST(Vocabulary, TerminalStates) {
  EXPECT_TRUE(IsTerminal(TicketState::kClosed));
  EXPECT_TRUE(IsTerminal(TicketState::kMerged));
  EXPECT_FALSE(IsTerminal(TicketState::kUnsatisfied));
  EXPECT_FALSE(IsTerminal(TicketState::kTriage));
}

}  // namespace
}  // namespace hotline
