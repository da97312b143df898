#include "extractor/self_test.h"

namespace kgex {
namespace {

// An entity of `graph` named `name` (any alias); "*" names any entity.
std::vector<EntityId> named(const KnowledgeGraph& graph, const std::string& name) {
  if (name == "*") {
    std::vector<EntityId> all(graph.entity_count());
    for (EntityId id = 0; id < all.size(); ++id) {
      all[id] = id;
    }
    return all;
  }
  return graph.find(name);
}

bool has_relation(const KnowledgeGraph& graph, const std::string& source, std::string_view type,
                  const std::string& target) {
  for (EntityId s : named(graph, source)) {
    for (const RelationView& r : graph.out_relations(s)) {
      const std::vector<EntityId> targets = named(graph, target);
      if (to_string(r.relation->type) == type &&
          std::find(targets.begin(), targets.end(), r.target) != targets.end()) {
        return true;
      }
    }
    if (is_symmetric(*parse_relation_type(type))) {
      for (const RelationView& r : graph.in_relations(s)) {
        const std::vector<EntityId> targets = named(graph, target);
        if (to_string(r.relation->type) == type &&
            std::find(targets.begin(), targets.end(), r.source) != targets.end()) {
          return true;
        }
      }
    }
  }
  return false;
}

}  // namespace

std::vector<ExampleFailure> run_rule_examples(const Extractor& extractor, std::size_t* checked) {
  std::vector<ExampleFailure> failures;
  const auto& examples = extractor.rules().examples;
  if (checked) {
    *checked = examples.size();
  }
  for (const RuleExample& ex : examples) {
    const std::string where = ex.file + ": " + ex.pointer;
    Result<Extraction> got = extractor.extract({"example", ex.text});
    if (!got.ok()) {
      failures.push_back({where, ex.text, got.status().to_string()});
      continue;
    }
    const KnowledgeGraph& g = got.value().graph;
    for (const auto& [name, type] : ex.entities) {
      if (!g.find(name, type)) {
        failures.push_back(
            {where, ex.text, "no " + std::string(to_string(type)) + " \"" + name + "\""});
      }
    }
    for (const auto& [source, type, target] : ex.relations) {
      if (!has_relation(g, source, to_string(type), target)) {
        failures.push_back(
            {where, ex.text,
             "no relation " + source + " " + std::string(to_string(type)) + " " + target});
      }
    }
    for (const auto& [name, type] : ex.absent_entities) {
      if (g.find(name, type)) {
        failures.push_back(
            {where, ex.text, "unexpected " + std::string(to_string(type)) + " \"" + name + "\""});
      }
    }
    for (const auto& [source, type, target] : ex.absent) {
      if (parse_relation_type(type) && has_relation(g, source, type, target)) {
        failures.push_back(
            {where, ex.text, "unexpected relation " + source + " " + type + " " + target});
      }
    }
  }
  return failures;
}

}  // namespace kgex
