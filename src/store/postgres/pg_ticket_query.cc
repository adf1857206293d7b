#include "store/postgres/pg_ticket_query.h"

#include "store/search_text.h"

namespace hotline::pg {

std::string EscapeLike(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

Result<std::string> TicketOrder(const std::string& sort) {
  std::string key = sort;
  const bool desc = !key.empty() && key[0] == '-';
  if (desc) key.erase(0, 1);
  if (key == "priority" && !desc)
    return std::string(" ORDER BY queue_rank ASC, (due_at = 0) ASC, due_at ASC, created_at ASC, id ASC");
  if (key == "created_at" || key == "due_at" || key == "updated_at" || key == "id")
    return " ORDER BY " + key + (desc ? " DESC" : " ASC") + ", id" + (desc ? " DESC" : " ASC");
  return Status::InvalidArgument(
      "sort", "sort must be one of created_at, due_at, updated_at, id (prefix - for descending) or priority");
}

TicketWhere BuildTicketWhere(const TicketFilter& f) {
  TicketWhere w;
  w.sql = " WHERE TRUE";
  Params& p = w.params;
  auto text_list = [&](const std::vector<std::string>& values) {
    p.Add(TextArray(values));
    return " = ANY(" + p.Last() + "::text[])";
  };
  auto units_clause = [&](const std::vector<std::string>& units) {
    return " AND id IN (SELECT ticket_id FROM ticket_units WHERE unit" + text_list(units) + ")";
  };
  if (f.state) {
    p.Add(std::string(Name(*f.state)));
    w.sql += " AND state = " + p.Last();
  }
  if (!f.states.empty()) {
    std::vector<std::string> names;
    for (TicketState s : f.states) names.emplace_back(Name(s));
    w.sql += " AND state" + text_list(names);
  }
  if (!f.channels.empty()) {
    std::vector<std::string> names;
    for (Channel c : f.channels) names.emplace_back(Name(c));
    w.sql += " AND channel" + text_list(names);
  }
  if (!f.units.empty()) w.sql += units_clause(f.units);
  if (f.visible_units) w.sql += units_clause(*f.visible_units);
  if (!f.areas.empty()) w.sql += " AND area" + text_list(f.areas);
  if (!f.category.empty()) {
    p.Add(EscapeLike(f.category) + "%");
    w.sql += " AND category LIKE " + p.Last();
  }
  if (!f.caller_phone.empty()) {
    p.Add(f.caller_phone);
    w.sql += " AND caller_phone = " + p.Last();
  }
  if (f.merged_into) {
    p.Add(static_cast<std::int64_t>(f.merged_into));
    w.sql += " AND state = 'merged' AND main_ticket = " + p.Last() + "::bigint";
  }
  if (f.id) {
    p.Add(static_cast<std::int64_t>(f.id));
    w.sql += " AND id = " + p.Last() + "::bigint";
  }
  if (!f.query.empty()) {
    // Every keyword must occur in the content, address or reply (SearchRuns of
    // each, one per line of search_text, so no keyword spans two of them).
    std::string clauses;
    for (const std::string& k : SplitKeywords(f.query)) {
      if (IndexableKeyword(k)) {
        p.Add("%" + EscapeLike(SearchRuns(k)) + "%");
        clauses += " AND search_text LIKE " + p.Last();
        continue;
      }
      p.Add("%" + EscapeLike(k) + "%");
      const std::string like = p.Last();
      clauses += " AND (content ILIKE " + like + " OR address ILIKE " + like + " OR reply_content ILIKE " + like + ")";
    }
    if (clauses.empty()) clauses = " AND FALSE";  // only white space: nothing matches
    // A bare number may also be a ticket id.
    const bool digits = f.query[0] != '0' && f.query.size() <= 18 &&
                        f.query.find_first_not_of("0123456789") == std::string::npos;
    if (digits) {
      p.Add(static_cast<std::int64_t>(std::stoll(f.query)));
      w.sql += " AND ((TRUE" + clauses + ") OR id = " + p.Last() + "::bigint)";
    } else {
      w.sql += clauses;
    }
  }
  if (f.from) {
    p.Add(static_cast<std::int64_t>(f.from));
    w.sql += " AND created_at >= " + p.Last() + "::bigint";
  }
  if (f.to) {
    p.Add(static_cast<std::int64_t>(f.to));
    w.sql += " AND created_at < " + p.Last() + "::bigint";
  }
  // A ticket whose clock is paused is neither overdue nor near its due time.
  const char* open = " AND state IN ('dispatched','in_progress','joint_review','to_dispatch') AND paused_at = 0";
  if (f.overdue_only) {
    p.Add(static_cast<std::int64_t>(f.now));
    w.sql += " AND due_at > 0 AND due_at < " + p.Last() + "::bigint" + open;
  }
  if (f.near_due_only) {
    p.Add(static_cast<std::int64_t>(f.now));
    w.sql += " AND due_at >= " + p.Last() + "::bigint";
    p.Add(static_cast<std::int64_t>(f.due_before));
    w.sql += " AND due_at < " + p.Last() + "::bigint" + open;
  }
  if (f.enterprise) w.sql += *f.enterprise ? " AND enterprise" : " AND NOT enterprise";
  if (!f.priorities.empty()) {
    std::string list;
    for (int pr : f.priorities) list += (list.empty() ? "" : ",") + std::to_string(pr);
    p.Add("{" + list + "}");
    w.sql += " AND priority = ANY(" + p.Last() + "::int[])";
  }
  // 督办 (domain/supervision.h): the state and level are written with the ticket.
  if (f.supervision == "open") {
    w.sql += " AND supervision_state IN ('unanswered','answered')";
  } else if (!f.supervision.empty()) {
    p.Add(f.supervision);
    w.sql += " AND supervision_state = " + p.Last();
  }
  if (!f.supervision_levels.empty()) {
    std::string list;
    for (int l : f.supervision_levels) list += (list.empty() ? "" : ",") + std::to_string(l);
    p.Add("{" + list + "}");
    w.sql += " AND supervision_level = ANY(" + p.Last() + "::int[])";
  }
  // 吹哨报到 and 协办任务 live in the ticket's document (codec.cc: whistle, co_tasks).
  if (f.whistled_only || !f.whistle_to.empty()) w.sql += " AND (doc::jsonb -> 'whistle' ->> 'to_unit') IS NOT NULL";
  if (!f.whistle_to.empty()) w.sql += " AND (doc::jsonb -> 'whistle' ->> 'to_unit')" + text_list(f.whistle_to);
  if (!f.co_task.empty()) {
    std::string task = "SELECT 1 FROM jsonb_array_elements(doc::jsonb -> 'co_tasks') AS c WHERE TRUE";
    if (f.co_task == "pending") task += " AND (c ->> 'replied_at')::bigint = 0";
    if (f.co_task == "answered") task += " AND (c ->> 'replied_at')::bigint > 0";
    if (!f.co_task_units.empty()) task += " AND (c ->> 'unit')" + text_list(f.co_task_units);
    w.sql += " AND EXISTS (" + task + ")";
  }
  if (f.returned_only) w.sql += " AND return_count > 0";
  if (f.extension_pending_only) w.sql += " AND extension_pending";
  if (f.reply_awaiting_only) w.sql += " AND reply_awaiting";
  if (!f.intake_by.empty()) {
    p.Add(f.intake_by);
    w.sql += " AND intake_by = " + p.Last();
  }
  return w;
}

}  // namespace hotline::pg
