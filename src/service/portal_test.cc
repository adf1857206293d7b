// Portal over a real SQLite store with a small city: the address look-up and the
// citizen's photos (who may add them, which, how many, until when).
#include "service/portal.h"

#include <gtest/gtest.h>

#include <algorithm>

#include <unistd.h>

#include <filesystem>

#include "domain/test_fixtures.h"
#include "domain/ticket_number.h"
#include "service/credentials.h"
#include "service/hotline_service.h"
#include "store/sqlite/sqlite_store.h"

namespace hotline::service {
namespace {

using hotline::testing::Operator;

const std::string kJpeg = "\xFF\xD8\xFF\xE0 a photo";
const std::string kPng = "\x89PNG\r\n\x1A\n a photo";

class PortalTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(InitCrypto().ok());
    dir_ = std::filesystem::temp_directory_path() /
           ("portal_test_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    auto s = SqliteStore::Open((dir_ / "t.db").string());
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    store_ = std::move(s).value();
    ASSERT_TRUE(store_->ReplaceUnits(hotline::testing::SmallCity().units()).ok());
    ASSERT_TRUE(store_->ReplaceCategories(hotline::testing::SmallTaxonomy().categories()).ok());
    service_ = std::make_unique<HotlineService>(*store_, clock_, WorkCalendar());
    TriageResources resources;
    resources.geography.centers = {{"S1", 28.06, 116.05}, {"S3", 28.01, 115.98}};
    service_->SetTriageResources(std::move(resources));
    ASSERT_TRUE(service_->LoadReferenceData().ok());
  }
  void TearDown() override {
    service_.reset();
    store_.reset();
    std::filesystem::remove_all(dir_);
  }

  // An appeal submitted through the portal: its number and query code.
  std::pair<std::string, std::string> Submit() {
    Appeal a = hotline::testing::HeatingAppeal();
    a.channel = Channel::kWeb;
    auto t = service_->portal().Submit(a);
    EXPECT_TRUE(t.ok()) << t.status().ToString();
    if (!t.ok()) return {};
    id_ = t->id;
    return {TicketNumber(*t), t->appeal.query_code};
  }
  Result<Attachment> Photo(const std::pair<std::string, std::string>& held, const std::string& type = "image/jpeg",
                           const std::string& bytes = kJpeg) {
    return service_->portal().AttachPhoto(held.first, held.second, "现场.jpg", type, bytes);
  }
  std::size_t Stored() { return store_->ListAttachments(id_)->size(); }

  std::filesystem::path dir_;
  FakeClock clock_{1'795'000'000};
  std::unique_ptr<SqliteStore> store_;
  std::unique_ptr<HotlineService> service_;
  TicketId id_ = 0;
};

TEST_F(PortalTest, LocateNamesTheAreaAndItsStreetCentre) {
  auto p = service_->portal().Locate("东城区东华街道幸福里社区 3 号楼");
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  EXPECT_EQ(p->code, "S1C1");
  EXPECT_EQ(p->name, "幸福里社区");
  ASSERT_TRUE(p->lat && p->lon);  // the centre of its street, S1
  EXPECT_DOUBLE_EQ(*p->lat, 28.06);
  EXPECT_DOUBLE_EQ(*p->lon, 116.05);

  auto district = service_->portal().Locate("东城区的路灯");  // a district: no street, no point
  ASSERT_TRUE(district.ok()) << district.status().ToString();
  EXPECT_EQ(district->code, "D1");
  EXPECT_EQ(district->name, "东城区");
  EXPECT_FALSE(district->lat.has_value());

  auto street = service_->portal().Locate("青山镇");  // a street without a known centre
  ASSERT_TRUE(street.ok());
  EXPECT_EQ(street->code, "S2");
  EXPECT_FALSE(street->lat.has_value());
}

TEST_F(PortalTest, LocateRefusesWhatNamesNoArea) {
  EXPECT_EQ(service_->portal().Locate("火星基地").status().code(), StatusCode::kNotFound);
  EXPECT_EQ(service_->portal().Locate("").status().field(), "address");
  EXPECT_EQ(service_->portal().Locate(std::string(700, 'a')).status().reason(), Reasons::kTooLong);
}

TEST_F(PortalTest, TheHolderAddsPhotosThatStaffSee) {
  auto held = Submit();
  auto a = Photo(held);
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(a->uploaded_by, "portal");
  ASSERT_TRUE(Photo(held, "image/png; charset=binary", kPng).ok());
  auto seen = service_->attachments().List(id_, Operator());
  ASSERT_TRUE(seen.ok()) << seen.status().ToString();
  ASSERT_EQ(seen->size(), 2u);
  // Both photos, in either order (two uploads in one second tie on their time).
  EXPECT_EQ(std::count_if(seen->begin(), seen->end(), [](const auto& f) { return f.content_type == "image/png"; }), 1);
  auto events = store_->GetEvents(id_);
  ASSERT_TRUE(events.ok());
  EXPECT_EQ(events->back().command, "attach");
  EXPECT_EQ(events->back().actor.username, "portal");
}

TEST_F(PortalTest, AWrongNumberOrCodeCannotAttach) {
  auto held = Submit();
  const TicketId held_id = id_;
  auto other = Submit();  // someone else's appeal: its own code does not open this one
  const std::string wrong_code = held.second == "000000" ? "000001" : "000000";
  EXPECT_EQ(Photo({held.first, wrong_code}).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(Photo({held.first, other.second == held.second ? wrong_code : other.second}).status().code(),
            StatusCode::kNotFound);
  EXPECT_EQ(Photo({held.first, ""}).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(Photo({"LC20991231999999", held.second}).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(Photo({"not a number", held.second}).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(store_->ListAttachments(held_id)->size(), 0u);
  EXPECT_EQ(Stored(), 0u);
}

TEST_F(PortalTest, OnlyJpegAndPngWhoseBytesMatch) {
  auto held = Submit();
  auto pdf = Photo(held, "application/pdf", "%PDF-1.4 x");  // staff may attach a PDF; the citizen may not
  EXPECT_EQ(pdf.status().reason(), Reasons::kUnsupportedType);
  EXPECT_EQ(pdf.status().field(), "content_type");
  EXPECT_EQ(Photo(held, "text/html", "<script>").status().reason(), Reasons::kUnsupportedType);
  EXPECT_EQ(Photo(held, "image/jpeg", "MZ\x90 an executable").status().reason(), Reasons::kContentTypeMismatch);
  EXPECT_EQ(Photo(held, "image/png", kJpeg).status().reason(), Reasons::kContentTypeMismatch);
  EXPECT_EQ(Photo(held, "image/jpeg", "").status().reason(), Reasons::kEmptyFile);
  EXPECT_EQ(service_->portal().AttachPhoto(held.first, held.second, "../x.jpg", "image/jpeg", kJpeg).status().field(),
            "name");
  EXPECT_EQ(Stored(), 0u);
}

TEST_F(PortalTest, APhotoTooLargeIsRefused) {
  auto held = Submit();
  std::string big = kJpeg + std::string(Portal::kMaxPhotoBytes, 'x');
  auto r = Photo(held, "image/jpeg", big);
  EXPECT_EQ(r.status().reason(), Reasons::kTooLarge);
  EXPECT_EQ(r.status().field(), "size");
  big.resize(Portal::kMaxPhotoBytes);
  EXPECT_TRUE(Photo(held, "image/jpeg", big).ok());  // exactly the limit is fine
}

TEST_F(PortalTest, AtMostAFewPhotos) {
  auto held = Submit();
  // Staff files do not count against the citizen's photos.
  ASSERT_TRUE(service_->attachments().Attach(id_, "note.jpg", "image/jpeg", kJpeg, Operator()).ok());
  for (std::size_t i = 0; i < Portal::kMaxPhotos; ++i) ASSERT_TRUE(Photo(held).ok()) << i;
  auto r = Photo(held);
  EXPECT_EQ(r.status().reason(), Reasons::kTooMany);
  EXPECT_EQ(Stored(), Portal::kMaxPhotos + 1);
}

TEST_F(PortalTest, NoPhotosOnceTheTicketHasMovedOn) {
  auto held = Submit();
  CommandInput in;
  in.content = "已直接答复";
  ASSERT_TRUE(service_->tickets().Command(id_, "answer-directly", in, Operator()).ok());
  auto r = Photo(held);
  EXPECT_EQ(r.status().code(), StatusCode::kConflict);
  EXPECT_EQ(r.status().reason(), Reasons::kStateNotAllowed);
  EXPECT_EQ(Stored(), 0u);
}

}  // namespace
}  // namespace hotline::service
