#include "cli/query_common.h"

#include <cstdio>
#include <iostream>

namespace kgex::cli {

std::vector<EntityId> resolve_name(const KnowledgeGraph& graph, const std::string& name) {
  std::vector<EntityId> ids = lookup(graph, name);
  if (ids.empty()) {
    std::cerr << "kgex: no entity named \"" << name << "\"";
    const std::vector<std::string> close = suggest_names(graph, name);
    if (!close.empty()) {
      std::cerr << "; did you mean:";
      for (const std::string& c : close) {
        std::cerr << " \"" << c << "\"";
      }
    }
    std::cerr << "\n";
  }
  return ids;
}

EntityCard card_of(const Entity& e) {
  return {e.name, std::string(to_string(e.type)), e.aliases, e.mention_count};
}

std::string confidence_text(double confidence) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.2f", confidence);
  return buf;
}

std::string first_evidence(const Relation& r) {
  return r.evidence.empty() ? std::string() : r.evidence.front().sentence;
}

}  // namespace kgex::cli
