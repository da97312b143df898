#include "exporters/detail/naming.h"

#include <doctest/doctest.h>

#include <cmath>
#include <regex>
#include <set>

#include "tests/exporters/test_graphs.h"

namespace kgex::exporters {
namespace {

std::string id_of(const KnowledgeGraph& g, std::string_view name, EntityType type) {
  return GraphIds(g).entity(*g.find(name, type));
}

TEST_CASE("entity ids are type-prefixed slugs that keep Hangul") {
  const KnowledgeGraph g = test::sample_graph();
  CHECK(id_of(g, "샘 올트먼", EntityType::kPerson) == "person-샘-올트먼");
  CHECK(id_of(g, "OpenAI", EntityType::kOrganization) == "organization-openai");
  CHECK(id_of(g, "\"Superalignment\" 팀", EntityType::kTeam) == "team-superalignment-팀");
  CHECK(id_of(g, "Ilya 🚀 Sutskever", EntityType::kPerson) == "person-ilya-sutskever");
  CHECK(id_of(g, "R&D <Toolkit> \"β\" C:\\tools", EntityType::kTool) == "tool-r-d-toolkit-c-tools");
}

TEST_CASE("colliding slugs get numbered in canonical order, names without letters too") {
  KnowledgeGraph g;
  g.add_entity(test::entity("Café", EntityType::kTool));  // é is not kept: slug "caf"
  g.add_entity(test::entity("Caf", EntityType::kTool));
  g.add_entity(test::entity("🚀", EntityType::kProduct));
  const GraphIds ids(g);
  std::set<std::string> all;
  for (EntityId id = 0; id < g.entity_count(); ++id) {
    all.insert(ids.entity(id));
  }
  CHECK(all == std::set<std::string>{"tool-caf", "tool-caf-2", "product"});
  // Canonical order sorts by name key: "caf" before "café".
  CHECK(ids.entity(*g.find("Caf", EntityType::kTool)) == "tool-caf");
  CHECK(ids.entity(*g.find("Café", EntityType::kTool)) == "tool-caf-2");
}

TEST_CASE("relation ids join source, type and target; every id is an NMTOKEN") {
  const KnowledgeGraph g = test::sample_graph();
  const GraphIds ids(g);
  const std::regex nmtoken(
      R"(^([-._:0-9a-z]|[\xEA-\xED][\x80-\xBF]{2}|[\xE4-\xE9][\x80-\xBF]{2}|\xE3[\x81-\x83][\x80-\xBF])+$)");
  std::set<std::string> seen;
  for (const RelationView& view : g.relations()) {
    const std::string id = ids.relation(view);
    CHECK(std::regex_match(id, nmtoken));
    CHECK(seen.insert(id).second);
  }
  CHECK(seen.count("person-샘-올트먼--leads--organization-openai") == 1);
  CHECK(seen.count("person-샘-올트먼--works_at--organization-openai") == 1);
}

TEST_CASE("type colours, sizes and evidence summaries") {
  CHECK(hex_color(type_color(EntityType::kPerson)) == "#4285f4");
  const KnowledgeGraph g = test::sample_graph();
  const std::vector<double> sizes = node_sizes(g);
  CHECK(sizes[*g.find("OpenAI", EntityType::kOrganization)] ==
        doctest::Approx(10 + 4 * std::sqrt(5.0)));
  // No mentions: sized by its one relation.
  CHECK(sizes[*g.find("Ilya 🚀 Sutskever", EntityType::kPerson)] == doctest::Approx(14.0));

  Relation r = test::relation(RelationType::kUses, 0.5);
  for (int i = 0; i < 5; ++i) {
    r.evidence.push_back(
        test::evidence("d" + std::to_string(i % 2), "s" + std::to_string(i), 0, "", 0.5));
  }
  r.evidence.push_back(test::evidence("d0", "s0", 10, "", 0.5));
  CHECK(display_sentences(r) == std::vector<std::string_view>{"s0", "s1", "s2"});
  CHECK(evidence_documents(r) == std::vector<std::string_view>{"d0", "d1"});
  CHECK(join({"a", "b"}, "; ") == "a; b");
}

}  // namespace
}  // namespace kgex::exporters
