#include "cli/query_common.h"

#include <cstdio>
#include <iostream>

#include "cli/graph_files.h"

namespace kgex::cli {

Result<QueryInput> open_query_input(const std::string& path, const std::string& format) {
  Result<OutputFormat> chosen = output_format_for(format);
  if (!chosen.ok()) {
    return chosen.status();
  }
  Result<KnowledgeGraph> loaded = read_graph_file(path);
  if (!loaded.ok()) {
    return loaded.status();
  }
  return QueryInput{std::move(loaded).value(), chosen.value()};
}

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
