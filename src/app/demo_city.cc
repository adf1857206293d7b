#include "app/demo_city.h"

#include <algorithm>
#include <cstdlib>
#include <random>

#include "service/credentials.h"
#include "app/csv_reader.h"
#include "app/demo_text.h"
#include "app/reference_files.h"
#include "app/time_limit_files.h"
#include "domain/catalog.h"
#include "domain/deadline_notices.h"
#include "domain/state_machine.h"
#include "domain/supervision.h"

namespace hotline::app {
namespace {

const char* kSurnames[] = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高",
                           "林", "何", "郭", "马", "罗", "梁", "宋", "郑", "谢", "韩", "唐", "冯", "于", "董", "萧"};
const char* kGiven[] = {"伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛",
                        "明", "超", "秀英", "华", "慧", "建国", "桂兰", "志强", "海燕", "红", "鹏", "玉兰", "婷"};
static_assert(std::size(kSurnames) == 30 && std::size(kGiven) == 28, "DemoStaffName's strides assume these sizes");

}  // namespace

std::string DemoStaffUsername(const std::string& unit_code, int n) { return unit_code + "." + std::to_string(n); }
std::string DemoSupervisorUsername(const std::string& unit_code) { return unit_code + ".sup"; }

std::string DemoStaffName(std::size_t i) {
  // Strides coprime with the list sizes walk both lists evenly; the pair repeats
  // only after lcm(30, 28) = 420 people.
  return std::string(kSurnames[(7 * i + 3) % std::size(kSurnames)]) + kGiven[(11 * i + 5) % std::size(kGiven)];
}

Status LoadReferenceFiles(Store& store, const std::string& dir) {
  HOTLINE_ASSIGN_OR_RETURN(auto units, LoadUnitsFile(dir + "/demo/units.csv"));
  HOTLINE_ASSIGN_OR_RETURN(auto tree, UnitTree::Build(units));
  HOTLINE_ASSIGN_OR_RETURN(auto categories, LoadTaxonomyFile(dir + "/taxonomy.csv"));
  HOTLINE_ASSIGN_OR_RETURN(auto taxonomy, Taxonomy::Build(categories));
  HOTLINE_ASSIGN_OR_RETURN(auto catalog, LoadCatalogFile(dir + "/demo/catalog.csv"));
  for (const CatalogRule& r : catalog) {
    if (!taxonomy.Find(r.category))
      return Status::InvalidArgument("category", "catalog: unknown category " + r.category);
    if (!tree.Find(r.lead)) return Status::InvalidArgument("lead", "catalog: unknown unit " + r.lead);
  }
  HOTLINE_ASSIGN_OR_RETURN(auto kb, LoadKbFile(dir + "/demo/kb.tsv"));
  HOTLINE_RETURN_IF_ERROR(store.ReplaceUnits(units));
  HOTLINE_RETURN_IF_ERROR(store.ReplaceCategories(categories));
  HOTLINE_RETURN_IF_ERROR(store.ReplaceCatalog(catalog));
  for (KbEntry e : kb) {
    if (Status s = ValidateKbEntry(e, &taxonomy, &tree); !s.ok())
      return Status::InvalidArgument(s.field(), "kb.tsv entry " + e.id + ": " + s.message());
    if (store.GetKbEntry(e.id).ok()) continue;  // already seeded
    e.updated_by = "demo";
    HOTLINE_RETURN_IF_ERROR(store.PutKbEntry(e, 0).status());
  }
  return Status::Ok();
}

Status CreateDemoAccounts(Store& store, const std::string& password) {
  // One hash for every demo account: they share a published password anyway,
  // and argon2 at interactive cost takes ~0.1 s per hash.
  HOTLINE_ASSIGN_OR_RETURN(auto hash, service::HashPassword(password));
  std::vector<User> users = {
      {"admin", hash, Role::kAdmin, "", "系统管理员", true},
      {"operator", hash, Role::kOperator, "", "受理员 王敏", true},
      {"dispatcher", hash, Role::kDispatcher, "", "派单员 李强", true},
      {"supervisor", hash, Role::kSupervisor, "", "督办员 赵磊", true},  // the center's: every level
      {"callback", hash, Role::kCallbackAgent, "", "回访员 陈静", true},
      {"analyst", hash, Role::kAnalyst, "", "分析员 周洋", true},
  };
  HOTLINE_ASSIGN_OR_RETURN(auto units, store.LoadUnits());
  std::size_t staff = 0;
  for (const Unit& u : units) {
    // Three-level supervision: each district and street has a supervisor of its own.
    if (u.kind == UnitKind::kDistrict || u.kind == UnitKind::kStreet)
      users.push_back({DemoSupervisorUsername(u.code), hash, Role::kSupervisor, u.code, u.name + "督办专员", true});
    users.push_back({u.code, hash, Role::kUnitStaff, u.code, u.name, true});  // the unit's shared account
    for (int n = 1; n <= 2; ++n)
      users.push_back({DemoStaffUsername(u.code, n), hash, Role::kUnitStaff, u.code, DemoStaffName(staff++), true});
  }
  return store.PutUsers(users);
}

namespace {

struct Template {
  std::string category;
  AppealType type;
  std::string text;
  DemoSeason season = DemoSeason::kAny;
};

struct Places {
  std::vector<std::string> roads, estates, companies;
};


void ReplaceAll(std::string& s, const std::string& from, const std::string& to) {
  for (std::size_t pos = s.find(from); pos != std::string::npos; pos = s.find(from, pos + to.size()))
    s.replace(pos, from.size(), to);
}

class Generator {
 public:
  // Tickets run under the center's time limits (`limits` over the calendar), so
  // they carry their deadlines as the server would have set them.
  Generator(const DemoOptions& opt, const WorkCalendar& cal, const TimeLimitFiles& limits, UnitTree units,
            Taxonomy taxonomy, std::vector<CatalogRule> catalog, std::vector<Template> templates, Places places,
            std::map<std::string, GeoPoint> centers)
      : opt_(opt), rng_(opt.seed), urgency_rng_(opt.seed + 7), pause_rng_(opt.seed + 11), supervision_rng_(opt.seed + 13), coordination_rng_(opt.seed + 17), work_time_(cal, limits.working_hours),
        units_(std::move(units)), taxonomy_(std::move(taxonomy)),
        catalog_(std::move(catalog)), templates_(std::move(templates)), places_(std::move(places)),
        centers_(std::move(centers)) {
    ctx_.units = &units_;
    ctx_.taxonomy = &taxonomy_;
    ctx_.calendar = &cal;
    ctx_.time_limits = &limits.policy;
    ctx_.work_time = &work_time_;
    for (const Unit& u : units_.units()) {
      if (u.kind == UnitKind::kStreet) streets_.push_back(&u);
      if (u.kind == UnitKind::kCommunity) communities_[u.parent].push_back(&u);
    }
  }

  // One ticket's history, driven through the state machine up to `now`.
  bool Make(UnixSeconds created, Ticket& ticket, std::vector<Event>& history) {
    // A template of the season: heating complaints in the heating season, mosquitoes in summer.
    const Template* pick = &templates_[Pick(templates_.size())];
    for (int tries = 0; tries < 100 && !InDemoSeason(pick->season, created); ++tries)
      pick = &templates_[Pick(templates_.size())];
    if (!InDemoSeason(pick->season, created)) return false;
    const Template& tpl = *pick;
    const Unit* street = streets_[Pick(streets_.size())];
    const Unit* place = street;
    auto comm = communities_.find(street->code);
    if (comm != communities_.end() && Chance(0.6)) place = comm->second[Pick(comm->second.size())];
    const Unit* district = units_.Find(street->parent);

    Appeal a;
    a.type = tpl.type;
    a.category = tpl.category;
    a.area = place->code;
    a.content = Fill(tpl.text, street, place);
    a.enterprise = tpl.text.find("{company}") != std::string::npos && Chance(0.7);
    const double ch = Uniform();
    a.channel = ch < 0.62 ? Channel::kPhone : ch < 0.77 ? Channel::kMiniProgram : ch < 0.88 ? Channel::kWeb
              : ch < 0.92 ? Channel::kSms : ch < 0.94 ? Channel::kMailbox : Channel::kGridMember;
    a.caller.name = std::string(kSurnames[Pick(std::size(kSurnames))]) + kGiven[Pick(std::size(kGiven))];
    a.caller.phone = "1" + std::to_string(3 + Pick(7)) + std::to_string(100000000 + Pick(899999999));
    if (Chance(0.08) && !recent_phones_.empty()) a.caller = recent_phones_[Pick(recent_phones_.size())];  // 一人多诉
    if (recent_phones_.size() < 200) recent_phones_.push_back(a.caller); else recent_phones_[Pick(200)] = a.caller;
    a.address = (district ? district->name : "") + street->name + places_.roads[Pick(places_.roads.size())] +
                std::to_string(1 + Pick(300)) + "号";
    a.location = Locate(*street);
    a.query_code = std::to_string(100000 + Pick(900000));
    // Urgency from a generator of its own, so the rest of the demo stays as it was.
    const double urgency = std::uniform_real_distribution<double>(0, 1)(urgency_rng_);
    a.urgency = urgency < 0.03 ? Urgency::kUrgent : urgency < 0.15 ? Urgency::kImportant : Urgency::kNormal;

    a.no_callback = Coin(0.04);  // 诉求人提出无需回访: closed on the accepted reply
    const double who = Uniform();
    staff_pick_ = who < 0.45 ? 1 : who < 0.9 ? 2 : 0;
    now_ = created;
    ctx_.now = created;
    auto in = Intake(a, {"operator", Role::kOperator, ""}, ctx_);
    if (!in.ok()) return false;
    ticket = in->ticket;
    history = {in->event};
    Live(ticket, history, a, district);
    CloseSupervisions(ticket, history);
    GiveNotices(ticket, history, opt_.now);  // what the scheduler has given by today
    return true;
  }

 private:
  // Applies a command `delay` seconds later, unless that is in the future. Unless
  // `may_stop` is false, a recent ticket may also stop here (still in the queues).
  bool Step(Ticket& t, std::vector<Event>& h, UnixSeconds delay, const char* cmd, CommandInput in, Actor actor,
            bool may_stop = true) {
    if (now_ + delay > opt_.now) return false;
    // Recent tickets are still waiting in the queues: some stop at each step.
    if (may_stop && opt_.now - now_ < 10 * 86400 && Chance(0.12)) return false;
    const UnixSeconds at = now_ + delay;
    GiveNotices(t, h, at);  // what fell due before this step, at its own time
    now_ = at;
    ctx_.now = now_;
    auto r = Apply(t, cmd, in, actor, ctx_);
    if (!r.ok()) return false;
    t = r->ticket;
    h.push_back(r->event);
    return true;
  }

  void Live(Ticket& t, std::vector<Event>& h, const Appeal& a, const Unit* district) {
    const Actor op{"operator", Role::kOperator, ""}, disp{"dispatcher", Role::kDispatcher, ""},
        sup{"supervisor", Role::kSupervisor, ""}, cb{"callback", Role::kCallbackAgent, ""};
    const UnixSeconds minute = 60, hour = 3600, day = 86400;
    const double direct = a.type == AppealType::kConsultation ? 0.55 : 0.04;
    CommandInput in;
    if (Chance(direct)) {
      in.content = "已依据知识库解答：" + taxonomy_.FullName(a.category) + "相关政策及办理渠道，来电人表示清楚。";
      Step(t, h, 4 * minute, "answer-directly", in, op);
      return;
    }
    if (Chance(0.015)) {
      in.reason = "属于已进入司法程序的事项，已告知来电人通过司法途径解决";
      Step(t, h, 5 * minute, "out-of-scope", in, op);
      return;
    }
    if (!Step(t, h, 3 * minute, "to-dispatch", {}, op)) return;
    auto rule = MatchCatalog(catalog_, taxonomy_, units_, a.category, a.area, a.enterprise);
    std::string lead = rule ? rule->lead : (district ? district->code : "LC");
    CommandInput d;
    d.unit = lead;
    if (rule) d.co_units = rule->co_units;
    if (!Step(t, h, 10 * minute + Pick(50) * minute, "dispatch", d, disp)) return;
    if (Chance(0.07)) {  // the unit says it is not theirs
      CommandInput r;
      r.reason = "经核实该事项不属于本单位职责范围，建议转" + std::string(district ? district->name : "属地") + "办理";
      if (!Step(t, h, 2 * hour, "return", r, Staff(lead))) return;
      const std::string returned = lead;
      d.unit = lead = district ? district->code : "LC";
      d.co_units.clear();
      if (Coin(0.3) && district) {  // ownership disputed: 联席会议 decides
        if (!JointReview(t, h, disp, returned, district->code)) return;
      } else if (!Step(t, h, 30 * minute, "dispatch", d, disp)) {
        return;
      }
    }
    if (!Step(t, h, hour + Pick(8) * hour, "sign", {}, Staff(lead))) return;
    if (!MaybeWhistle(t, h, lead)) return;
    if (!CoHandle(t, h)) return;
    if (a.enterprise || a.urgency != Urgency::kNormal) {  // 2110 and urgent appeals: the unit calls first
      CommandInput contact;
      contact.contact_method = ContactMethod::kPhone;
      contact.content = "已电话联系诉求人，了解具体情况并约定现场核查时间";
      if (!Step(t, h, 20 * minute + Pick(150) * minute, "contact", contact, Staff(lead))) return;
    }
    if (!MaybePause(t, h, lead)) return;  // still paused today
    if (Chance(0.05)) {
      CommandInput ext;
      ext.days = 5;
      ext.reason = "需协调相关产权单位及施工方，申请延期";
      if (!Step(t, h, day, "request-extension", ext, Staff(lead))) return;
      CommandInput yes;
      yes.approve = true;
      if (!Step(t, h, 3 * hour, "decide-extension", yes, sup)) return;
    }
    // A district or a street supervises some of its own units' tickets early (重点督办);
    // most tickets go to city departments, which only the center supervises.
    if (std::uniform_real_distribution<double>(0, 1)(supervision_rng_) < 0.3)
      Supervise(t, h, 2 * hour, lead, /*local=*/true);
    const UnixSeconds work = day / 2 + static_cast<UnixSeconds>(Pick(9 * 24)) * hour;
    if (now_ + work > t.due_at && now_ + work <= opt_.now && t.due_at > 0 && Chance(0.5))
      Supervise(t, h, std::max<UnixSeconds>(minute, t.due_at - now_ + hour), lead);
    for (int round = 0; round < 2; ++round) {
      CommandInput reply;
      reply.content = "经现场核查，已督促相关责任方整改，问题已处理完毕，并与来电人电话沟通说明办理情况。";
      reply.result = Chance(0.85) ? ReplyResult::kResolved : ReplyResult::kExplained;
      const UnixSeconds reply_at = now_ + (round == 0 ? work : 2 * day);
      AnswerSupervisions(t, h, reply_at - 3600, lead);  // a supervision is answered before the reply
      if (!Step(t, h, reply_at - now_, "reply", reply, Staff(lead))) return;
      CommandInput accept;
      accept.accept = true;
      if (!Step(t, h, 2 * hour, "review", accept, cb)) return;
      CommandInput call;
      const double s = Uniform();
      call.satisfaction = s < 0.80 ? Satisfaction::kSatisfied
                          : s < 0.92 ? Satisfaction::kBasicallySatisfied : Satisfaction::kUnsatisfied;
      call.resolved = *call.satisfaction != Satisfaction::kUnsatisfied || Chance(0.3);
      if (*call.satisfaction == Satisfaction::kUnsatisfied) {  // the agent records why (the command requires it)
        static constexpr Dissatisfaction kWhy[] = {Dissatisfaction::kSlow, Dissatisfaction::kAttitude,
                                                   Dissatisfaction::kOffTopic, Dissatisfaction::kNoContact};
        call.dissatisfaction = !*call.resolved ? Dissatisfaction::kUnresolved : kWhy[(now_ / 60) % 4];
        call.content = !*call.resolved ? "来电人表示问题仍未解决" : "来电人对办理过程不满意";
      }
      if (!Step(t, h, day, "callback", call, cb)) return;
      if (t.state != TicketState::kUnsatisfied) return;
      // 动态清零 under way: about half of the last month's unsatisfied tickets still
      // wait for the supervisor's decision, so the ledger has open rows as well as
      // cleared ones (decided by the hour, not by a draw: the rest of the city stays as it was).
      if (opt_.now - now_ < 30 * day && (now_ / hour) % 2 == 0) return;
      CommandInput why;
      why.reason = round == 0 ? "来电人反映问题仍未解决，诉求合理，予以重办" : "诉求已依法依规答复，不再重办";
      if (round == 0 && Chance(0.7)) {
        if (!Step(t, h, hour, "reopen", why, sup)) return;
      } else {
        Step(t, h, hour, "close", why, sup);
        return;
      }
    }
  }

  // 督办 of a late ticket, `delay` from now, by a supervisor whose tier and subtree
  // hold the lead unit: the center's (level 3), the district's (2) or the street's
  // (1), with who follows it and by when the unit answers; the unit answers within
  // a day unless that is still ahead. Drawn from supervision_rng_ (like pauses).
  // With `local`, only the district's or the street's own supervisor (重点督办 of a
  // ticket not yet late).
  void Supervise(Ticket& t, std::vector<Event>& h, UnixSeconds delay, const std::string& lead, bool local = false) {
    std::uniform_real_distribution<double> uniform(0, 1);
    std::string district, street;
    LocalUnits(lead, district, street);
    if (local && district.empty()) return;
    const double who = local ? uniform(supervision_rng_) * 0.75 : uniform(supervision_rng_);
    Actor sup{"supervisor", Role::kSupervisor, ""};
    CommandInput s;
    s.level = kCitySupervision;
    if (!street.empty() && who < 0.3) {
      sup = {DemoSupervisorUsername(street), Role::kSupervisor, street};
      s.level = kStreetSupervision;
    } else if (!district.empty() && who < 0.75) {
      sup = {DemoSupervisorUsername(district), Role::kSupervisor, district};
      s.level = kDistrictSupervision;
    }
    static const char* const kInstructions[] = {
        "该件已超期，请承办单位立即落实整改，两个工作日内书面反馈办理进展。",
        "群众多次反映，请主要负责同志牵头研究，限期解决并反馈。",
        "请专人盯办，明确整改时限，办结后及时答复诉求人。",
    };
    s.instructions = kInstructions[static_cast<std::size_t>(uniform(supervision_rng_) * 3) % 3];
    s.assignee = s.level == kCitySupervision ? "赵磊" : s.level == kDistrictSupervision ? "孙立" : "钱芳";
    s.due_at = now_ + delay + 2 * 86400;
    if (!Step(t, h, delay, "supervise", s, sup, /*may_stop=*/false)) return;
    if (s.level == kCitySupervision && uniform(supervision_rng_) < 0.25) {  // the case reaches a leader
      CommandInput words;
      words.content = "请主办单位高度重视，举一反三，切实解决群众反映的问题，办理结果报市政府。";
      if (!Step(t, h, 6 * 3600, "instruct", words, sup, /*may_stop=*/false)) return;
      CommandInput up;
      up.level = 1;
      up.to = "临川市人民政府督查室";
      up.reason = "群众反映强烈，已有市领导批示，提级办理";
      if (uniform(supervision_rng_) < 0.5 && !Step(t, h, 3600, "escalate", up, sup, /*may_stop=*/false)) return;
    }
    AnswerSupervisions(t, h, now_ + 2 * 3600 + static_cast<UnixSeconds>(uniform(supervision_rng_) * 20) * 3600, lead);
  }

  // The street and the district a unit lies in (empty when none: a city department).
  void LocalUnits(const std::string& unit, std::string& district, std::string& street) const {
    for (const std::string& code : units_.PathToRoot(unit)) {
      const Unit* u = units_.Find(code);
      if (u && u->kind == UnitKind::kStreet && street.empty()) street = code;
      if (u && u->kind == UnitKind::kDistrict && district.empty()) district = code;
    }
  }

  // The lead unit answers the supervisions waiting for it at `at` (and the
  // scheduler's automatic one, once the handling deadline has passed by then).
  void AnswerSupervisions(Ticket& t, std::vector<Event>& h, UnixSeconds at, const std::string& lead) {
    if (at > opt_.now || at <= now_) return;
    GiveNotices(t, h, at);
    if (UnansweredSupervisions(t) == 0 || at <= now_) return;
    CommandInput answer;
    answer.content = "已收到督办意见，单位负责人牵头召开专题会研究，明确专人负责，现场整改正在推进，预计三个工作日内办结并答复诉求人。";
    Step(t, h, at - now_, "answer-supervision", answer, Staff(lead), /*may_stop=*/false);
  }

  // 销号 once the ticket is closed: whoever opened the highest open supervision
  // (the center's supervisor for the automatic ones) closes them, a day or two
  // after the close; a few stay open (待销号) for the supervisor's board.
  void CloseSupervisions(Ticket& t, std::vector<Event>& h) {
    if (t.state != TicketState::kClosed || OpenSupervisionLevel(t) == 0) return;
    std::uniform_real_distribution<double> uniform(0, 1);
    if (uniform(supervision_rng_) < 0.15) return;
    const Supervision* top = nullptr;
    for (const Supervision& s : t.supervisions)
      if (IsOpen(s) && (!top || s.level > top->level)) top = &s;
    const Actor closer = top->by == "system" || top->unit.empty() ? Actor{"supervisor", Role::kSupervisor, ""}
                                                                  : Actor{top->by, Role::kSupervisor, top->unit};
    CommandInput note;
    note.note = "经核查，承办单位已按督办要求办结，诉求人已收到答复，同意销号。";
    Step(t, h, 86400 + static_cast<UnixSeconds>(uniform(supervision_rng_) * 24) * 3600, "close-supervision", note, closer,
         /*may_stop=*/false);
  }

  // The deadline scheduler's notices due by `until` — warnings, overdue notices and
  // the automatic supervision an overdue handling deadline brings — each at its own
  // time, as the server's scheduler gives them.
  void GiveNotices(Ticket& t, std::vector<Event>& h, UnixSeconds until) {
    const Actor system{"system", Role::kAdmin, ""};
    for (;;) {
      const std::vector<DueNotice> due = NoticesOf(t);
      auto first = std::min_element(due.begin(), due.end(),
                                    [](const DueNotice& a, const DueNotice& b) { return a.at < b.at; });
      if (first == due.end() || first->at > until) return;
      ctx_.now = std::max(first->at, now_);
      auto r = Apply(t, CommandOf(first->notice), InputOf(*first), system, ctx_);
      if (!r.ok()) return;
      now_ = ctx_.now;
      t = r->ticket;
      h.push_back(r->event);
    }
  }

  bool Coin(double p) { return std::uniform_real_distribution<double>(0, 1)(coordination_rng_) < p; }

  // 联席会议: the dispatcher sends a disputed ticket there; two days later the
  // meeting of the district, the unit that returned it and the center decides
  // that the district leads with that unit's help. False when today comes first.
  bool JointReview(Ticket& t, std::vector<Event>& h, const Actor& disp, const std::string& returned,
                   const std::string& district) {
    CommandInput send;
    send.reason = "职责边界存在争议，相关单位意见不一致，提请联席会议研究";
    if (!Step(t, h, 30 * 60, "to-joint-review", send, disp, /*may_stop=*/false)) return false;
    CommandInput decide;
    decide.lead_unit = district;
    if (returned != district) decide.co_units = {returned};
    const Unit* d = units_.Find(district);
    const Unit* r = units_.Find(returned);
    decide.participants = {"市12345热线中心", d ? d->name : district};
    if (r && returned != district) decide.participants.push_back(r->name);
    decide.minutes = "经联席会议研究，明确由属地牵头办理，相关部门配合协办，三个工作日内联合现场处置并答复诉求人。";
    return Step(t, h, 2 * 86400, "decide-joint-review", decide, {"supervisor", Role::kSupervisor, ""},
                /*may_stop=*/false);
  }

  // 吹哨报到: a street leading a ticket sometimes calls in its district, which adds
  // the city department the catalog names for such appeals (or another) as co-unit.
  bool MaybeWhistle(Ticket& t, std::vector<Event>& h, const std::string& lead) {
    const Unit* u = units_.Find(lead);
    if (!u || u->kind != UnitKind::kStreet || !Coin(0.6)) return true;
    CommandInput whistle;
    whistle.to_unit = u->parent;
    whistle.reason = "涉及多个部门职责，街道协调未果，吹哨请区级统筹";
    if (!Step(t, h, 3 * 3600, "whistle", whistle, Staff(lead), /*may_stop=*/false)) return false;
    std::vector<const Unit*> departments;
    for (const Unit& d : units_.units())
      if (d.kind == UnitKind::kDepartment && std::find(t.co_units.begin(), t.co_units.end(), d.code) == t.co_units.end())
        departments.push_back(&d);
    if (departments.empty()) return true;
    CommandInput add;
    add.co_units = {departments[std::uniform_int_distribution<std::size_t>(0, departments.size() - 1)(coordination_rng_)]->code};
    add.content = "区级统筹：请相关部门报到，配合街道联合处置";
    return Step(t, h, 4 * 3600, "add-co-units", add, Staff(u->parent), /*may_stop=*/false);
  }

  // The co-units sign for their part and give their opinion before the lead replies;
  // now and then one is late or silent.
  bool CoHandle(Ticket& t, std::vector<Event>& h) {
    const std::vector<std::string> co_units = t.co_units;
    for (const std::string& co : co_units) {
      if (Coin(0.1)) continue;  // silent: its task stays open (and falls overdue)
      if (!Step(t, h, 2 * 3600, "co-sign", {}, Staff(co), /*may_stop=*/false)) return false;
      CommandInput opinion;
      opinion.content = "我单位已派员参与现场核查，职责范围内事项已配合处理，相关情况已告知牵头单位。";
      if (!Step(t, h, 86400 / 2 + (Coin(0.15) ? 4 * 86400 : 0), "co-reply", opinion, Staff(co), /*may_stop=*/false))
        return false;
    }
    return true;
  }

  // Now and then the unit waits for the citizen or a third party and stops the
  // clock for one to four days; false while the pause lasts until today. Drawn from
  // pause_rng_, so the rest of the demo stays as it was.
  bool MaybePause(Ticket& t, std::vector<Event>& h, const std::string& lead) {
    std::uniform_real_distribution<double> uniform(0, 1);
    if (uniform(pause_rng_) >= 0.06) return true;
    const bool unreachable = uniform(pause_rng_) < 0.5;
    CommandInput pause;
    pause.reason = unreachable ? "citizen_unreachable" : "awaiting_third_party";
    pause.content = unreachable ? "电话多次无人接听，已发短信请诉求人回电"
                                : "已委托第三方检测机构现场检测，等待检测报告";
    const UnixSeconds hour = 3600;
    if (!Step(t, h, 2 * hour + static_cast<UnixSeconds>(uniform(pause_rng_) * 20) * hour, "pause", pause,
              Staff(lead), /*may_stop=*/false))
      return false;
    CommandInput resume;
    resume.content = unreachable ? "已与诉求人取得联系" : "检测报告已出具";
    return Step(t, h, 24 * hour + static_cast<UnixSeconds>(uniform(pause_rng_) * 72) * hour, "resume", resume,
                Staff(lead), /*may_stop=*/false);
  }

  // The unit's staff member handling this ticket: mostly one of the two named
  // staff (the same person for the whole ticket), sometimes the unit's account.
  Actor Staff(const std::string& unit) const {
    return {staff_pick_ == 0 ? unit : DemoStaffUsername(unit, staff_pick_), Role::kUnitStaff, unit};
  }

  std::string Fill(std::string text, const Unit* street, const Unit* place) {
    ReplaceAll(text, "{street}", street->name);
    ReplaceAll(text, "{community}", place != street ? place->name : street->name);
    ReplaceAll(text, "{road}", places_.roads[Pick(places_.roads.size())]);
    ReplaceAll(text, "{estate}", places_.estates[Pick(places_.estates.size())]);
    ReplaceAll(text, "{company}", places_.companies[Pick(places_.companies.size())]);
    auto filled = FillNumbers(text, [this](long lo, long hi) { return lo + static_cast<long>(Pick(hi - lo + 1)); });
    return filled.ok() ? *filled : text;  // the templates were checked when loaded
  }

  // A point near the street's centre (data/demo/street_centers.csv).
  GeoPoint Locate(const Unit& street) {
    auto it = centers_.find(street.code);
    const GeoPoint c = it != centers_.end() ? it->second : GeoPoint{27.95, 116.36};
    return {c.lat + (Uniform() - 0.5) * 0.01, c.lon + (Uniform() - 0.5) * 0.01};
  }

  std::size_t Pick(std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng_); }
  double Uniform() { return std::uniform_real_distribution<double>(0, 1)(rng_); }
  bool Chance(double p) { return Uniform() < p; }

  const DemoOptions& opt_;
  std::mt19937_64 rng_;
  std::mt19937_64 urgency_rng_;
  std::mt19937_64 pause_rng_;  // pauses: a generator of their own, like urgency
  std::mt19937_64 supervision_rng_;  // 督办: likewise
  std::mt19937_64 coordination_rng_;  // 协办, 吹哨, 联席会议: likewise
  WorkTime work_time_;
  UnitTree units_;
  Taxonomy taxonomy_;
  std::vector<CatalogRule> catalog_;
  std::vector<Template> templates_;
  Places places_;
  std::map<std::string, GeoPoint> centers_;
  std::vector<const Unit*> streets_;
  std::map<std::string, std::vector<const Unit*>> communities_;
  std::vector<Caller> recent_phones_;
  Context ctx_;
  UnixSeconds now_ = 0;
  int staff_pick_ = 1;  // 1 or 2: a named staff member; 0: the unit's account
};

}  // namespace

Status GenerateDemoAppeals(Store& store, const DemoOptions& opt, const WorkCalendar& calendar,
                           const Progress& progress) {
  HOTLINE_ASSIGN_OR_RETURN(auto units, store.LoadUnits());
  HOTLINE_ASSIGN_OR_RETURN(auto tree, UnitTree::Build(units));
  HOTLINE_ASSIGN_OR_RETURN(auto cats, store.LoadCategories());
  HOTLINE_ASSIGN_OR_RETURN(auto taxonomy, Taxonomy::Build(cats));
  HOTLINE_ASSIGN_OR_RETURN(auto catalog, store.LoadCatalog());

  HOTLINE_ASSIGN_OR_RETURN(auto tpl_table, CsvTable::ReadFile(opt.data_dir + "/demo/appeal_templates.tsv", '\t'));
  std::vector<Template> templates;
  for (std::size_t i = 0; i < tpl_table.size(); ++i) {
    auto type = ParseAppealType(tpl_table.Get(i, "appeal_type"));
    const std::string& cat = tpl_table.Get(i, "category");
    auto season = ParseDemoSeason(tpl_table.Get(i, "season"));
    const std::string& text = tpl_table.Get(i, "template");
    if (!type || !taxonomy.Find(cat) || !season || !FillNumbers(text, [](long lo, long) { return lo; }).ok())
      return Status::InvalidArgument("appeal_templates", "bad template row " + std::to_string(i + 2));
    templates.push_back({cat, *type, text, *season});
  }
  HOTLINE_ASSIGN_OR_RETURN(auto place_table, CsvTable::ReadFile(opt.data_dir + "/demo/places.csv"));
  Places places;
  for (std::size_t i = 0; i < place_table.size(); ++i) {
    const std::string& kind = place_table.Get(i, "kind");
    auto& list = kind == "road" ? places.roads : kind == "estate" ? places.estates : places.companies;
    list.push_back(place_table.Get(i, "name"));
  }
  if (templates.empty() || places.roads.empty() || places.estates.empty() || places.companies.empty())
    return Status::InvalidArgument("data_dir", "demo templates or places are empty in " + opt.data_dir);

  HOTLINE_ASSIGN_OR_RETURN(auto center_table, CsvTable::ReadFile(opt.data_dir + "/demo/street_centers.csv"));
  std::map<std::string, GeoPoint> centers;
  for (std::size_t i = 0; i < center_table.size(); ++i)
    centers[center_table.Get(i, "code")] = {std::atof(center_table.Get(i, "lat").c_str()),
                                            std::atof(center_table.Get(i, "lon").c_str())};
  HOTLINE_ASSIGN_OR_RETURN(TimeLimitFiles limits, LoadTimeLimitFiles(opt.data_dir));
  Generator gen(opt, calendar, limits, std::move(tree), std::move(taxonomy), std::move(catalog), std::move(templates),
                std::move(places), std::move(centers));
  std::mt19937_64 time_rng(opt.seed + 1);
  std::vector<UnixSeconds> times;
  for (int i = 0; i < opt.appeals; ++i) {
    // Spread over the past year, office hours more often, local 07:00–23:00.
    const UnixSeconds day_start = opt.now - static_cast<UnixSeconds>(time_rng() % 365) * 86400;
    const UnixSeconds local_midnight = day_start - (day_start + WorkCalendar::kUtcOffsetSeconds) % 86400;
    times.push_back(local_midnight + 7 * 3600 + static_cast<UnixSeconds>(time_rng() % (16 * 3600)));
  }
  std::sort(times.begin(), times.end());
  times.erase(std::remove_if(times.begin(), times.end(), [&](UnixSeconds t) { return t >= opt.now; }), times.end());

  const std::size_t batch = 500;
  std::vector<Ticket> tickets;
  std::vector<std::vector<Event>> histories;
  for (std::size_t i = 0; i < times.size(); ++i) {
    Ticket t;
    std::vector<Event> h;
    if (gen.Make(times[i], t, h)) {
      tickets.push_back(std::move(t));
      histories.push_back(std::move(h));
    }
    if (tickets.size() == batch || i + 1 == times.size()) {
      HOTLINE_RETURN_IF_ERROR(store.CreateTickets(histories, tickets).status());
      tickets.clear();
      histories.clear();
      if (progress) progress(i + 1, times.size());
    }
  }
  return Status::Ok();
}

Status SeedDemoCity(Store& store, const DemoOptions& opt, const WorkCalendar& calendar, const Progress& progress) {
  HOTLINE_ASSIGN_OR_RETURN(auto existing, store.LoadUnits());
  if (!existing.empty()) return Status::Ok();
  HOTLINE_RETURN_IF_ERROR(LoadReferenceFiles(store, opt.data_dir));
  HOTLINE_RETURN_IF_ERROR(CreateDemoAccounts(store, opt.password));
  return GenerateDemoAppeals(store, opt, calendar, progress);
}

}  // namespace hotline::app
