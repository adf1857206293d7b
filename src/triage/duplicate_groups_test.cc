#include "triage/duplicate_groups.h"

#include <algorithm>
#include <map>
#include <string>

#include <gtest/gtest.h>

#include "triage/dedupe_test_texts.h"

namespace hotline::triage {
namespace {

using namespace testing;

DedupeAppeal Appeal(std::string id, std::string text, std::int64_t time) {
  DedupeAppeal a;
  a.id = std::move(id);
  a.text = std::move(text);
  a.time = time;
  return a;
}

// Group of each id, named by the id of the group's representative.
std::map<std::string, std::string> Groups(const std::vector<DedupeAppeal>& appeals, const DedupeOptions& o) {
  const auto g = GroupDuplicates(appeals, o);
  std::map<std::string, std::string> out;
  for (std::size_t i = 0; i < appeals.size(); ++i) out[appeals[i].id] = appeals[g[i]].id;
  return out;
}

TEST(DuplicateGroups, NamedByTheEarliestMember) {
  const std::vector<DedupeAppeal> appeals = {
      Appeal("later", kMixingPlantAgain, 2000), Appeal("permit", kResidencePermit, 1500),
      Appeal("first", kMixingPlant, 1000), Appeal("elsewhere", kMixingPlantElsewhere, 1200)};
  DedupeOptions o;
  o.place_conflict_penalty = 1.0;  // another estate is never the same problem here
  const auto g = Groups(appeals, o);
  EXPECT_EQ(g.at("later"), "first");
  EXPECT_EQ(g.at("first"), "first");
  EXPECT_EQ(g.at("permit"), "permit");
  EXPECT_EQ(g.at("elsewhere"), "elsewhere");
  EXPECT_TRUE(GroupDuplicates({}, o).empty());
}

TEST(DuplicateGroups, TiesInTimeGoToInputOrderAndOrderDoesNotChangeTheGroups) {
  std::vector<DedupeAppeal> appeals = {Appeal("b", kMixingPlant, 5), Appeal("a", kMixingPlant, 5),
                                       Appeal("c", kBusLine, 5), Appeal("d", kMixingPlantAgain, 9)};
  auto g = Groups(appeals, DedupeOptions{});
  EXPECT_EQ(g.at("a"), "b");
  EXPECT_EQ(g.at("d"), "b");
  EXPECT_EQ(g.at("c"), "c");
  std::reverse(appeals.begin(), appeals.end());
  g = Groups(appeals, DedupeOptions{});
  EXPECT_EQ(g.at("b"), "a");  // now "a" comes first among equal times
  EXPECT_EQ(g.at("d"), "a");
  EXPECT_EQ(g.at("c"), "c");
}

TEST(DuplicateGroups, PairsChainIntoOneGroup) {
  // x~y and y~z pass the threshold; x and z alone would not.
  DedupeOptions o;
  o.threshold = 0.35;
  o.place_bonus = 0;
  o.place_conflict_penalty = 0;
  const std::string a = "东门外的路灯坏了一个月晚上很黑", b = "垃圾桶也满了好多天没有人清理";
  const std::vector<DedupeAppeal> appeals = {Appeal("x", a, 1), Appeal("y", a + b, 2), Appeal("z", b + "快来", 3)};
  const Fingerprinter fp{o};
  const auto fx = fp.Make(appeals[0]), fy = fp.Make(appeals[1]), fz = fp.Make(appeals[2]);
  ASSERT_GE(Compare(fx, fy, o).score, o.threshold);
  ASSERT_GE(Compare(fy, fz, o).score, o.threshold);
  ASSERT_LT(Compare(fx, fz, o).score, o.threshold);
  const auto g = Groups(appeals, o);
  EXPECT_EQ(g.at("y"), "x");
  EXPECT_EQ(g.at("z"), "x");  // a group of two: one link is enough
}

TEST(DuplicateGroups, AGroupOfThreeOrMoreNeedsTwoLinks) {
  DedupeOptions o;
  o.threshold = 0.35;
  o.place_bonus = 0;
  o.place_conflict_penalty = 0;
  const std::string a = "东门外的路灯坏了一个月晚上很黑", b = "垃圾桶也满了好多天没有人清理";
  const std::vector<DedupeAppeal> appeals = {Appeal("x1", a, 1), Appeal("x2", a, 2), Appeal("x3", a + b, 3),
                                             Appeal("z", b + "快来", 4), Appeal("w", a + "快来", 5)};
  const Fingerprinter fp{o};
  std::vector<Fingerprint> f;
  for (const auto& ap : appeals) f.push_back(fp.Make(ap));
  ASSERT_GE(Compare(f[0], f[2], o).score, o.threshold);  // x1, x2 and x3 are one group of three
  ASSERT_GE(Compare(f[3], f[2], o).score, o.threshold);  // z pairs with x3 …
  ASSERT_LT(Compare(f[3], f[0], o).score, o.threshold);  // … and with no other member
  ASSERT_GE(Compare(f[4], f[0], o).score, o.threshold);  // w pairs with all three …
  ASSERT_GE(Compare(f[4], f[2], o).score, o.threshold);
  ASSERT_LT(Compare(f[4], f[3], o).score, o.threshold);  // … and not with z
  auto g = Groups(appeals, o);
  EXPECT_EQ(g.at("x3"), "x1");
  EXPECT_EQ(g.at("z"), "z");  // one link into a group of three: not enough
  EXPECT_EQ(g.at("w"), "x1");
  o.group_min_links = 1;  // union of pairs: the one link chains z in
  g = Groups(appeals, o);
  EXPECT_EQ(g.at("z"), "x1");
}

TEST(DuplicateGroups, BoilerplateAloneDoesNotMakeDuplicates) {
  // A corpus of form letters: the template is in every appeal, so its shingles weigh
  // little; two letters about different matters share little else.
  std::vector<DedupeAppeal> appeals;
  int t = 0;
  for (const auto& text : TemplateLetters(200)) appeals.push_back(Appeal("bg" + std::to_string(t), text, t)), ++t;
  appeals.push_back(Appeal("water", std::string(kTemplate) + kWaterMatter, 1000));
  appeals.push_back(Appeal("clinic", std::string(kTemplate) + kClinicMatter, 1001));
  appeals.push_back(Appeal("water-again", std::string(kTemplate) + kWaterMatterAgain, 1002));
  DedupeOptions o;
  auto g = Groups(appeals, o);
  EXPECT_EQ(g.at("water-again"), "water");  // the same matter still groups
  EXPECT_EQ(g.at("clinic"), "clinic");
  EXPECT_EQ(g.at("bg7"), "bg7");
  // Without the weights the template chains them all (what the weights fix).
  o.idf_weighting = false;
  g = Groups(appeals, o);
  EXPECT_EQ(g.at("clinic"), g.at("water"));
  EXPECT_EQ(g.at("bg7"), g.at("water"));
}

}  // namespace
}  // namespace hotline::triage
