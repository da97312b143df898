#include "graph/knowledge_graph.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <set>

namespace kgex {
namespace {

Entity make(std::string name, EntityType type, std::vector<std::string> aliases = {},
            std::size_t mentions = 1) {
  Entity e;
  e.name = std::move(name);
  e.type = type;
  e.aliases = std::move(aliases);
  e.mention_count = mentions;
  return e;
}

Relation rel(RelationType type, double confidence, std::string doc = "d") {
  Relation r;
  r.type = type;
  r.confidence = confidence;
  r.support = 1;
  r.evidence.push_back({.document = std::move(doc), .sentence = "s"});
  return r;
}

TEST_CASE("the same entity seen twice is one vertex, found by any alias") {
  KnowledgeGraph g;
  EntityId a = g.add_entity(make("OpenAI", EntityType::kOrganization, {"오픈AI"}));
  EntityId b = g.add_entity(make("openai", EntityType::kOrganization));
  CHECK(a == b);
  CHECK(g.entity_count() == 1);
  CHECK(g.entity(a).mention_count == 2);
  CHECK(g.find("오픈 AI") == std::vector<EntityId>{a});
  CHECK(g.find("Open-AI", EntityType::kOrganization) == a);
  CHECK_FALSE(g.find("Open-AI", EntityType::kProduct).has_value());
  CHECK(g.find("Anthropic").empty());
}

TEST_CASE("different types with the same name stay apart") {
  KnowledgeGraph g;
  g.add_entity(make("Go", EntityType::kTool));
  g.add_entity(make("Go", EntityType::kProduct));
  CHECK(g.entity_count() == 2);
  CHECK(g.find("go").size() == 2);
}

TEST_CASE("an alias that links two entities merges them and their relations") {
  KnowledgeGraph g;
  EntityId sam = g.add_entity(make("Sam Altman", EntityType::kPerson));
  EntityId ko = g.add_entity(make("샘 올트먼", EntityType::kPerson));
  EntityId org = g.add_entity(make("OpenAI", EntityType::kOrganization));
  g.add_relation(ko, org, rel(RelationType::kLeads, 0.5, "a"));
  g.add_relation(sam, org, rel(RelationType::kLeads, 0.5, "b"));
  CHECK(g.relation_count() == 2);
  EntityId merged = g.add_entity(make("샘 올트먼", EntityType::kPerson, {"Sam Altman"}));
  CHECK(g.entity_count() == 2);
  CHECK(g.relation_count() == 1);
  const Entity& e = g.entity(merged);
  CHECK(e.mention_count == 3);
  CHECK((e.name == "샘 올트먼" || e.name == "Sam Altman"));
  CHECK(e.aliases.size() == 1);
  auto rels = g.relations();
  REQUIRE(rels.size() == 1);
  CHECK(rels[0].relation->support == 2);
  CHECK(rels[0].relation->confidence == doctest::Approx(0.75));
  CHECK(rels[0].relation->evidence.size() == 2);
  CHECK(g.find("OpenAI").front() == rels[0].target);
}

TEST_CASE("symmetric relations are one edge whichever way they were read") {
  KnowledgeGraph g;
  EntityId a = g.add_entity(make("Google", EntityType::kOrganization));
  EntityId b = g.add_entity(make("Anthropic", EntityType::kOrganization));
  g.add_relation(a, b, rel(RelationType::kCompetesWith, 0.6));
  g.add_relation(b, a, rel(RelationType::kCompetesWith, 0.6));
  g.add_relation(a, b, rel(RelationType::kPartnersWith, 0.6));
  CHECK(g.relation_count() == 2);
  for (const RelationView& r : g.relations()) {
    CHECK(g.entity(r.source).name == "Anthropic");
  }
}

TEST_CASE("merging is associative and commutative on names linked through aliases") {
  // Alpha (also Beta), Beta (also Gamma), Gamma: one entity, whatever the order or grouping.
  auto graph = [](std::string name, std::vector<std::string> aliases) {
    KnowledgeGraph g;
    g.add_entity(make(std::move(name), EntityType::kProduct, std::move(aliases)));
    return g;
  };
  auto name_of = [](const KnowledgeGraph& g) {
    REQUIRE(g.entity_count() == 1);
    return g.entity(*g.find("Gamma", EntityType::kProduct)).name;
  };
  const KnowledgeGraph a = graph("Alpha", {"Beta"});
  const KnowledgeGraph b = graph("Beta", {"Gamma"});
  const KnowledgeGraph c = graph("Gamma", {});
  std::vector<const KnowledgeGraph*> order{&a, &b, &c};
  std::set<std::string> names;
  do {
    KnowledgeGraph left;
    for (const KnowledgeGraph* g : order) {
      left.merge(*g);
    }
    names.insert(name_of(left));
    KnowledgeGraph tail = *order[1];
    tail.merge(*order[2]);
    KnowledgeGraph right = *order[0];
    right.merge(tail);
    names.insert(name_of(right));
  } while (std::next_permutation(order.begin(), order.end()));
  CHECK(names == std::set<std::string>{"Alpha"});
}

TEST_CASE("merging graphs is commutative on content") {
  KnowledgeGraph x;
  EntityId p = x.add_entity(make("Sam Altman", EntityType::kPerson, {"sama"}));
  EntityId o = x.add_entity(make("OpenAI", EntityType::kOrganization));
  x.add_relation(p, o, rel(RelationType::kLeads, 0.4, "x"));
  KnowledgeGraph y;
  EntityId q = y.add_entity(make("sama", EntityType::kPerson));
  EntityId o2 = y.add_entity(make("OpenAI", EntityType::kOrganization, {"오픈AI"}));
  y.add_relation(q, o2, rel(RelationType::kLeads, 0.4, "y"));

  KnowledgeGraph xy = x;
  xy.merge(y);
  KnowledgeGraph yx = y;
  yx.merge(x);
  REQUIRE(xy.entity_count() == 2);
  REQUIRE(yx.entity_count() == 2);
  for (const KnowledgeGraph* g : {&xy, &yx}) {
    auto ids = g->sorted_entities();
    CHECK(g->entity(ids[0]).name == "Sam Altman");
    CHECK(g->entity(ids[1]).aliases == std::vector<std::string>{"오픈AI"});
    REQUIRE(g->relations().size() == 1);
    CHECK(g->relations()[0].relation->support == 2);
  }
}

TEST_CASE("merging by move gives what merging a copy gives, and empties the other") {
  KnowledgeGraph base;
  EntityId p = base.add_entity(make("Sam Altman", EntityType::kPerson, {"sama"}));
  EntityId o = base.add_entity(make("OpenAI", EntityType::kOrganization));
  base.add_relation(p, o, rel(RelationType::kLeads, 0.4, "a"));
  // The other graph links two of base's entities through an alias and names a new one.
  KnowledgeGraph other;
  EntityId q = other.add_entity(make("sama", EntityType::kPerson));
  EntityId o2 = other.add_entity(make("오픈AI", EntityType::kOrganization, {"OpenAI"}));
  EntityId m = other.add_entity(make("Microsoft", EntityType::kOrganization));
  other.add_relation(q, o2, rel(RelationType::kLeads, 0.5, "b"));
  other.add_relation(o2, m, rel(RelationType::kPartnersWith, 0.7, "b"));

  KnowledgeGraph copied = base;
  copied.merge(other);
  KnowledgeGraph moved = base;
  moved.merge(std::move(other));
  CHECK(other.entity_count() == 0);  // NOLINT(bugprone-use-after-move): documented state
  REQUIRE(moved.entity_count() == copied.entity_count());
  REQUIRE(moved.relations().size() == copied.relations().size());
  for (std::size_t i = 0; i < moved.relations().size(); ++i) {
    const RelationView a = moved.relations()[i];
    const RelationView b = copied.relations()[i];
    CHECK(moved.entity(a.source).name == copied.entity(b.source).name);
    CHECK(moved.entity(a.target).name == copied.entity(b.target).name);
    CHECK(a.relation->support == b.relation->support);
    CHECK(a.relation->evidence == b.relation->evidence);
  }
}

TEST_CASE("kept mentions and evidence are capped while counts go on") {
  KnowledgeGraph g;
  for (std::size_t i = 0; i < kMaxKeptMentions + 5; ++i) {
    Entity e = make("Rust", EntityType::kTool);
    e.mentions.push_back({.document = "d", .bytes = {i, i + 4}, .chars = {i, i + 4}});
    g.add_entity(std::move(e));
  }
  EntityId id = *g.find("rust", EntityType::kTool);
  CHECK(g.entity(id).mention_count == kMaxKeptMentions + 5);
  CHECK(g.entity(id).mentions.size() == kMaxKeptMentions);
}

TEST_CASE("confidence combines by noisy-or and stays in range") {
  CHECK(combine_confidence(0.5, 0.5) == doctest::Approx(0.75));
  CHECK(combine_confidence(1.5, 0.2) == doctest::Approx(1.0));
  CHECK(combine_confidence(0.0, 0.0) == doctest::Approx(0.0));
}

}  // namespace
}  // namespace kgex
