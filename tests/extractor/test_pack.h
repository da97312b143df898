// Rule packs for the extractor tests, built from JSON strings in memory, and
// readable failure messages for lists.
//
//   PackSource pack = memory_pack({{"r.json", rule_file(R"("stoplist": ["AI"])")}});
//   Extraction out = extract_with(rule_file(...), "Acme uses Rust.");
//   CHECK(has_relation(out.graph, "Acme", RelationType::kUses, "Rust"));
//
// The fixture gazetteer (kFixtureGazetteer) names a few made-up organizations,
// products, tools and people; extract_with() loads it before the rules under test.
#pragma once

#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "extractor/extractor.h"
#include "extractor/rules/rule_set.h"

namespace kgex::test {

// A pack called `name` (its root, for error messages, is the same) holding
// `files` (path relative to the pack -> text). Unless `files` has its own
// manifest.json, one is written that lists every file in path order.
inline PackSource memory_pack(std::map<std::string, std::string> files,
                              const std::string& name = "mem") {
  if (!files.contains("manifest.json")) {
    std::string list;
    for (const auto& [path, text] : files) {
      list += (list.empty() ? "\"" : ", \"") + path + "\"";
    }
    files["manifest.json"] =
        R"({"name": ")" + name + R"(", "version": "1", "files": [)" + list + "]}";
  }
  return {name, [files = std::move(files)](const std::string& path) -> Result<std::string> {
            auto it = files.find(path);
            if (it == files.end()) {
              return Status(ErrorCode::kNotFound, "no such file in the test pack");
            }
            return it->second;
          }};
}

// A rule file with the required "source" and the members in `body`.
inline std::string rule_file(const std::string& body) {
  return R"({"source": "kgex unit tests")" + (body.empty() ? "" : ", " + body) + "}";
}

// Made-up names for the tests: sorted so that "base.json" loads before "r.json".
inline const std::string kFixtureGazetteer = rule_file(R"(
  "gazetteer": [
    {"name": "Acme", "type": "Organization", "aliases": ["에이크미"]},
    {"name": "Globex", "type": "Organization", "aliases": ["글로벡스"]},
    {"name": "Initech", "type": "Organization", "aliases": ["이니텍"]},
    {"name": "Rocket", "type": "Product", "by": "Acme"},
    {"name": "Comet", "type": "Product", "aliases": ["코멧"]},
    {"name": "Python", "type": "Tool", "aliases": ["파이썬"]},
    {"name": "Rust", "type": "Tool", "aliases": ["러스트"]},
    {"name": "Kafka", "type": "Tool"},
    {"name": "Go", "type": "Tool", "exact_case": true,
     "context": {"words": ["rust", "언어", "language"], "window": 3}},
    {"name": "Jane Roe", "type": "Person", "aliases": ["제인 로"]},
    {"name": "John Doe", "type": "Person", "aliases": ["존 도"]},
    {"name": "라인", "type": "Organization"}
  ],
  "stoplist": ["AI"],
  "lexicons": {"roles": ["CEO", "대표"], "founders": ["founder", "창업자"],
               "staff": ["engineer", "개발자"]},
  "type_cues": {"Product": ["앱", "app"], "Tool": ["언어", "language"],
                "Organization": ["스타트업"]})");

// The fixture gazetteer plus `rules` (as r.json).
inline Result<std::shared_ptr<const RuleSet>> load_fixture(const std::string& rules) {
  return load_rules({memory_pack({{"base.json", kFixtureGazetteer}, {"r.json", rules}})});
}

inline Extractor make_extractor(const std::string& rules) {
  auto set = load_fixture(rules);
  REQUIRE_MESSAGE(set.ok(), set.status().to_string());
  auto ex = Extractor::create(set.value());
  REQUIRE(ex.ok());
  return std::move(ex).value();
}

// Extracts `text` with the fixture gazetteer and `rules`; the extraction must succeed.
inline Extraction extract_with(const std::string& rules, std::string_view text,
                               const ExtractOptions& options = {}) {
  const Extractor ex = make_extractor(rules);
  auto got = ex.extract({"doc", text}, options);
  REQUIRE_MESSAGE(got.ok(), got.status().to_string());
  return std::move(got).value();
}

inline KnowledgeGraph graph_of(const std::string& rules, std::string_view text) {
  return extract_with(rules, text).graph;
}

// Whether `graph` has an entity of `type` whose canonical name is exactly `name`.
inline bool has_entity(const KnowledgeGraph& graph, std::string_view name, EntityType type) {
  const std::optional<EntityId> id = graph.find(name, type);
  return id && graph.entity(*id).name == name;
}

// Whether `graph` has a relation `type` from an entity named `source` to one
// named `target` (names or aliases).
inline bool has_relation(const KnowledgeGraph& graph, std::string_view source, RelationType type,
                         std::string_view target) {
  const std::vector<EntityId> targets = graph.find(target);
  for (EntityId id : graph.find(source)) {
    for (const RelationView& r : graph.out_relations(id)) {
      if (r.relation->type == type &&
          std::find(targets.begin(), targets.end(), r.target) != targets.end()) {
        return true;
      }
    }
  }
  return false;
}

// The relation `type` from `source` to `target`; the test stops without it.
inline const Relation& relation(const KnowledgeGraph& graph, std::string_view source,
                                RelationType type, std::string_view target) {
  const Relation* found = nullptr;
  const std::vector<EntityId> targets = graph.find(target);
  for (EntityId id : graph.find(source)) {
    for (const RelationView& r : graph.out_relations(id)) {
      if (r.relation->type == type &&
          std::find(targets.begin(), targets.end(), r.target) != targets.end()) {
        found = r.relation;
      }
    }
  }
  REQUIRE_MESSAGE(found != nullptr,
                  "no relation " << source << " " << to_string(type) << " " << target);
  return *found;
}

}  // namespace kgex::test

// Lists print in failure messages as ["a", "b"] and [1, 2].
template <>
struct doctest::StringMaker<std::vector<std::string>> {
  static doctest::String convert(const std::vector<std::string>& list) {
    std::string out = "[";
    for (const std::string& s : list) {
      out += (out.size() > 1 ? ", \"" : "\"") + s + "\"";
    }
    return (out + "]").c_str();
  }
};

template <>
struct doctest::StringMaker<std::vector<std::size_t>> {
  static doctest::String convert(const std::vector<std::size_t>& list) {
    std::string out = "[";
    for (std::size_t n : list) {
      out += (out.size() > 1 ? ", " : "") + std::to_string(n);
    }
    return (out + "]").c_str();
  }
};
