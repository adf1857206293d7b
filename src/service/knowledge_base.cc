#include "service/knowledge_base.h"

#include <algorithm>

#include "service/refusals.h"

namespace hotline::service {
Result<std::vector<KnowledgeBase::Found>> KnowledgeBase::Search(triage::KbQuery query, const Actor& actor) {
  HOTLINE_RETURN_IF_ERROR(RequireCapability(actor, Capability::kKbRead));
  if (ScopeOf(actor.role, Capability::kKbRead) == AccessScope::kPublic) {
    query.public_only = true;
    query.today = core_.Today();
  }
  HOTLINE_ASSIGN_OR_RETURN(auto hits, core_.kb_index().Search(query));
  std::vector<Found> found;
  for (triage::KbHit& h : hits)
    if (auto e = Get(h.id, actor); e.ok()) found.push_back({std::move(e).value(), std::move(h)});
  return found;
}

Result<KbEntry> KnowledgeBase::Get(const std::string& id, const Actor& actor) {
  HOTLINE_RETURN_IF_ERROR(RequireCapability(actor, Capability::kKbRead));
  HOTLINE_ASSIGN_OR_RETURN(KbEntry e, store_.GetKbEntry(id));
  if (ScopeOf(actor.role, Capability::kKbRead) == AccessScope::kPublic && (!e.is_public || !KbEntryValidOn(e, core_.Today())))
    return Status::NotFound("no knowledge-base entry " + id);
  return e;
}

Result<KnowledgeBase::Page> KnowledgeBase::List(const Browse& browse, const Actor& actor) {
  HOTLINE_RETURN_IF_ERROR(RequireCapability(actor, Capability::kKbRead));
  HOTLINE_ASSIGN_OR_RETURN(auto all, store_.ListKbEntries());
  const bool citizen = ScopeOf(actor.role, Capability::kKbRead) == AccessScope::kPublic;
  const bool withdrawn = !citizen && browse.include_withdrawn;
  const std::string today = core_.Today();
  Page page;
  const std::size_t per_page = static_cast<std::size_t>(std::max(browse.per_page, 1));
  const std::size_t begin = static_cast<std::size_t>(std::max(browse.page, 1) - 1) * per_page;
  for (KbEntry& e : all) {
    if (citizen && (!e.is_public || !KbEntryValidOn(e, today))) continue;
    if (!(e.active || withdrawn) || e.category.rfind(browse.category, 0) != 0) continue;
    if (page.total >= begin && page.items.size() < per_page) page.items.push_back(std::move(e));
    ++page.total;
  }
  return page;
}

Result<std::vector<KbEntry>> KnowledgeBase::Versions(const std::string& id, const Actor& actor) {
  HOTLINE_RETURN_IF_ERROR(RequireCapability(actor, Capability::kKbVersions));
  return store_.KbVersions(id);
}

Result<KbEntry> KnowledgeBase::Put(KbEntry entry, int expected_version, const Actor& actor) {
  HOTLINE_RETURN_IF_ERROR(RequireCapability(actor, Capability::kKbEdit));
  auto ref = core_.reference();
  HOTLINE_RETURN_IF_ERROR(ValidateKbEntry(entry, &ref->taxonomy, &ref->units));
  entry.updated_at = core_.Now();
  entry.updated_by = actor.username;
  HOTLINE_ASSIGN_OR_RETURN(KbEntry stored, store_.PutKbEntry(entry, expected_version));
  core_.kb_index().Upsert(stored);
  return stored;
}

}  // namespace hotline::service
