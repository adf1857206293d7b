#include "store/sqlite/ticket_query.h"

#include <nlohmann/json.hpp>

#include "store/sqlite/search_text.h"

namespace hotline::sqlite {
namespace {

std::string EscapeLike(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

}  // namespace

void SqlWhere::BindTo(Statement& s) const {
  for (std::size_t i = 0; i < args.size(); ++i) {
    const int idx = static_cast<int>(i + 1);
    if (auto* n = std::get_if<std::int64_t>(&args[i]))
      s.Bind(idx, *n);
    else
      s.Bind(idx, std::get<std::string>(args[i]));
  }
}

SqlWhere BuildTicketWhere(const TicketFilter& f) {
  using nlohmann::json;
  SqlWhere w;
  w.sql = " WHERE 1=1";
  auto arg = [&](std::variant<std::int64_t, std::string> v) {
    w.args.push_back(std::move(v));
    return "?" + std::to_string(w.args.size());
  };
  auto in_list = [&](const json& values) { return " IN (SELECT value FROM json_each(" + arg(values.dump()) + "))"; };
  auto units_clause = [&](const std::vector<std::string>& units) {
    return " AND id IN (SELECT ticket_id FROM ticket_units WHERE unit" + in_list(units) + ")";
  };
  if (f.state) w.sql += " AND state = " + arg(std::string(Name(*f.state)));
  if (!f.states.empty()) {
    json names = json::array();
    for (TicketState s : f.states) names.push_back(Name(s));
    w.sql += " AND state" + in_list(names);
  }
  if (!f.channels.empty()) {
    json names = json::array();
    for (Channel c : f.channels) names.push_back(Name(c));
    w.sql += " AND channel" + in_list(names);
  }
  if (!f.units.empty()) w.sql += units_clause(f.units);
  if (f.visible_units) w.sql += units_clause(*f.visible_units);
  if (!f.areas.empty()) w.sql += " AND area" + in_list(f.areas);
  if (!f.category.empty()) w.sql += " AND category LIKE " + arg(EscapeLike(f.category) + "%") + " ESCAPE '\\'";
  if (!f.caller_phone.empty()) w.sql += " AND caller_phone = " + arg(f.caller_phone);
  if (f.merged_into)
    w.sql += " AND state = 'merged' AND json_extract(doc, '$.main_ticket') = " + arg(f.merged_into);
  if (f.id) w.sql += " AND id = " + arg(f.id);
  if (!f.query.empty()) {
    // Every keyword must occur in the content, address or reply: keywords of two
    // or more characters through the bigram index (search_text.h), the others
    // (one character, punctuation) with LIKE on the raw keyword.
    std::vector<std::string> indexed;
    std::string clauses;
    for (const std::string& k : SplitKeywords(f.query)) {
      if (IndexableKeyword(k)) {
        indexed.push_back(k);
        continue;
      }
      const std::string like = arg("%" + EscapeLike(k) + "%");
      clauses += " AND (content LIKE " + like + " ESCAPE '\\' OR address LIKE " + like +
                 " ESCAPE '\\' OR reply_content LIKE " + like + " ESCAPE '\\')";
    }
    if (!indexed.empty()) w.from = " tickets NOT INDEXED";
    if (!indexed.empty())
      clauses = " AND id IN (SELECT rowid FROM ticket_search WHERE ticket_search MATCH " +
                arg(MatchExpression(indexed)) + ")" + clauses;
    if (clauses.empty()) clauses = " AND 0";  // only white space: nothing matches, as before
    // A bare number may also be a ticket id.
    const bool digits = f.query[0] != '0' && f.query.size() <= 18 &&
                        f.query.find_first_not_of("0123456789") == std::string::npos;
    if (digits)
      w.sql += " AND ((1=1" + clauses + ") OR id = " + arg(std::int64_t{std::stoll(f.query)}) + ")";
    else
      w.sql += clauses;
  }
  if (f.from) w.sql += " AND created_at >= " + arg(f.from);
  if (f.to) w.sql += " AND created_at < " + arg(f.to);
  // A ticket whose clock is paused is neither overdue nor near its due time.
  const char* running = " AND COALESCE(json_extract(doc, '$.paused_at'), 0) = 0";
  if (f.overdue_only)
    w.sql += " AND due_at > 0 AND due_at < " + arg(f.now) +
             " AND state IN ('dispatched','in_progress','joint_review','to_dispatch')" + running;
  if (f.near_due_only)
    w.sql += " AND due_at >= " + arg(f.now) + " AND due_at < " + arg(f.due_before) +
             " AND state IN ('dispatched','in_progress','joint_review','to_dispatch')" + running;
  if (f.enterprise) w.sql += std::string(" AND enterprise = ") + (*f.enterprise ? "1" : "0");
  if (!f.priorities.empty()) {
    std::string list;
    for (int p : f.priorities) list += (list.empty() ? "" : ",") + arg(std::int64_t{p});
    w.sql += " AND priority IN (" + list + ")";
  }
  if (f.supervision == "open")
    w.sql += " AND json_extract(doc, '$.supervision_state') IN ('unanswered','answered')";
  else if (!f.supervision.empty())
    w.sql += " AND json_extract(doc, '$.supervision_state') = " + arg(f.supervision);
  if (!f.supervision_levels.empty()) {
    std::string list;
    for (int l : f.supervision_levels) list += (list.empty() ? "" : ",") + arg(std::int64_t{l});
    w.sql += " AND json_extract(doc, '$.supervision_level') IN (" + list + ")";
  }
  // 吹哨报到 and 协办任务 live in the ticket's document (codec.cc: whistle, co_tasks).
  if (f.whistled_only || !f.whistle_to.empty())
    w.sql += " AND json_extract(doc, '$.whistle.to_unit') IS NOT NULL";
  if (!f.whistle_to.empty()) w.sql += " AND json_extract(doc, '$.whistle.to_unit')" + in_list(f.whistle_to);
  if (!f.co_task.empty()) {
    std::string task = "SELECT 1 FROM json_each(doc, '$.co_tasks') AS c WHERE 1=1";
    if (f.co_task == "pending") task += " AND json_extract(c.value, '$.replied_at') = 0";
    if (f.co_task == "answered") task += " AND json_extract(c.value, '$.replied_at') > 0";
    if (!f.co_task_units.empty()) task += " AND json_extract(c.value, '$.unit')" + in_list(f.co_task_units);
    w.sql += " AND EXISTS (" + task + ")";
  }
  if (f.returned_only) w.sql += " AND json_extract(doc, '$.return_count') > 0";
  if (f.extension_pending_only) w.sql += " AND json_extract(doc, '$.extension_pending') = 1";
  if (f.reply_awaiting_only) w.sql += " AND json_extract(doc, '$.reply_awaiting') = 1";
  if (!f.intake_by.empty()) w.sql += " AND json_extract(doc, '$.intake_by') = " + arg(f.intake_by);
  return w;
}

}  // namespace hotline::sqlite
