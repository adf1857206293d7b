// KnowledgeBase: the hotline's answers (政策知识库). Editing is for admins and
// supervisors, with optimistic versions and the history kept; staff search and
// read everything; citizens (the portal) see only public entries valid today.
#pragma once

#include <string>
#include <vector>

#include "service/core.h"

namespace hotline::service {

class KnowledgeBase {
 public:
  explicit KnowledgeBase(ServiceCore& core) : core_(core), store_(core.store()) {}

  // Synonym groups for search (see KnowledgeIndex::LoadSynonyms).
  Status LoadSynonyms(const std::string& text) { return core_.kb_index().LoadSynonyms(text); }
  // Ranked hits for a question, each with its entry (hits the actor may not read are left out).
  struct Found {
    KbEntry entry;
    triage::KbHit hit;
  };
  Result<std::vector<Found>> Search(triage::KbQuery query, const Actor& actor);
  Result<KbEntry> Get(const std::string& id, const Actor& actor);
  // A page of the entries under a category code prefix; withdrawn ones only for
  // staff who ask for them.
  struct Browse {
    std::string category;
    bool include_withdrawn = false;
    int page = 1;  // from 1
    int per_page = 20;
  };
  struct Page {
    std::vector<KbEntry> items;
    std::size_t total = 0;  // entries matching, over all pages
  };
  Result<Page> List(const Browse& browse, const Actor& actor);
  Result<std::vector<KbEntry>> Versions(const std::string& id, const Actor& actor);
  // Creates or updates an entry; Conflict when `expected_version` is not the stored one.
  Result<KbEntry> Put(KbEntry entry, int expected_version, const Actor& actor);

 private:
  ServiceCore& core_;
  Store& store_;
};

}  // namespace hotline::service
