#include "graph/knowledge_graph.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <optional>
#include <set>
#include <string>

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

// Everything a writer reads of a graph, confidences to the last bit, in canonical order.
std::string dump(const KnowledgeGraph& g) {
  std::string out;
  auto number = [&](double x) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, " %a", x);
    out += buffer;
  };
  for (EntityId id : g.sorted_entities()) {
    const Entity& e = g.entity(id);
    out += std::string(to_string(e.type)) + " " + e.name + " " + std::to_string(e.mention_count);
    for (const std::string& a : e.aliases) {
      out += " alias " + a;
    }
    for (const Mention& m : e.mentions) {
      out += " @" + m.document + ":" + std::to_string(m.bytes.begin);
    }
    out += "\n";
  }
  for (const RelationView& r : g.relations()) {
    out += g.entity(r.source).name + " " + std::string(to_string(r.relation->type)) + " " +
           g.entity(r.target).name + " " + std::to_string(r.relation->support);
    number(r.relation->confidence);
    for (const Evidence& e : r.relation->evidence) {
      out += " " + e.document + "/" + e.rule;
      number(e.confidence);
    }
    out += "\n";
  }
  return out;
}

TEST_CASE("merging gives the same graph in any order and grouping") {
  auto document = [](const std::string& id, std::vector<Entity> entities,
                     std::vector<std::tuple<std::size_t, RelationType, std::size_t, double>> rels) {
    KnowledgeGraph g;
    std::vector<EntityId> ids;
    for (Entity& e : entities) {
      e.mentions.push_back({.document = id, .bytes = {1, 2}, .chars = {1, 2}});
      ids.push_back(g.add_entity(std::move(e)));
    }
    for (const auto& [s, type, t, confidence] : rels) {
      Relation r = rel(type, confidence, id);
      r.evidence.front().confidence = confidence;
      g.add_relation(ids[s], ids[t], std::move(r));
    }
    return g;
  };
  const auto org = EntityType::kOrganization;
  const auto competes = RelationType::kCompetesWith;
  const auto develops = RelationType::kDevelops;
  // Noisy-or of 0.45, 0.5 and 0.65 depends on the order of floating-point operations (0.9038 or
  // 0.9037 to four places); "Zeta" renamed "Alpha" turns the canonical direction of its
  // competes_with; a list of kept mentions with repeats must not keep fewer distinct ones.
  Entity rust = make("Rust", EntityType::kTool);
  rust.mentions.assign(kMaxKeptMentions + 1, {.document = "r", .bytes = {5, 6}});
  rust.mentions.push_back({.document = "r", .bytes = {7, 8}});
  std::vector<KnowledgeGraph> docs;
  docs.push_back(
      document("1", {make("Zeta", org), make("Beta", org), make("Gemini", EntityType::kProduct)},
               {{0, competes, 1, 0.45}, {0, develops, 2, 0.45}}));
  docs.push_back(document("2", {make("Alpha", org, {"Zeta"}), make("Gemini", EntityType::kProduct)},
                          {{0, develops, 1, 0.5}}));
  docs.push_back(
      document("3", {make("Alpha", org), make("Beta", org), make("Gemini", EntityType::kProduct)},
               {{0, competes, 1, 0.65}, {1, competes, 0, 0.5}, {0, develops, 2, 0.65}}));
  docs.push_back(document("4", {std::move(rust)}, {}));
  docs.push_back(document("5", {make("rust", EntityType::kTool)}, {}));

  KnowledgeGraph serial;
  for (const KnowledgeGraph& d : docs) {
    serial.merge(d);
  }
  const std::string expected = dump(serial);
  CHECK(serial.relation_count() == 2);
  CHECK(serial.entity(*serial.find("rust", EntityType::kTool)).mentions.size() == 4);
  std::vector<std::size_t> order{0, 1, 2, 3, 4};
  do {
    // One graph in this order, and two per-worker graphs (alternate documents) merged either way.
    KnowledgeGraph one;
    KnowledgeGraph parts[2];
    for (std::size_t i = 0; i < order.size(); ++i) {
      one.merge(docs[order[i]]);
      parts[i % 2].merge(docs[order[i]]);
    }
    CHECK(dump(one) == expected);
    KnowledgeGraph even = parts[0];
    even.merge(parts[1]);
    CHECK(dump(even) == expected);
    parts[1].merge(std::move(parts[0]));
    CHECK(dump(parts[1]) == expected);
  } while (std::next_permutation(order.begin(), order.end()));
}

TEST_CASE("adding a document gives what merging the graph it makes alone gives") {
  const auto org = EntityType::kOrganization;
  const auto person = EntityType::kPerson;
  DocumentGraph doc;
  auto entity = [&](std::string name, EntityType type, std::vector<std::string> aliases,
                    std::size_t at) {
    Entity e = make(std::move(name), type, std::move(aliases));
    e.mentions.push_back({.document = "doc", .bytes = {at, at + 1}, .chars = {at, at + 1}});
    doc.entities.push_back(std::move(e));
  };
  auto link = [&](std::size_t s, RelationType type, std::size_t t, double confidence) {
    doc.relations.push_back({s, t, rel(type, confidence, "doc")});
  };
  entity("Sam Altman", person, {}, 1);        // 0
  entity("sama", person, {"Sam Altman"}, 2);  // 1: the document's graph makes 0 and 1 one
  entity("OpenAI", org, {}, 3);               // 2
  entity("Gamma", org, {"Delta"}, 4);         // 3: joins two entities of the graph below
  entity("--", org, {"Omega"}, 5);            // 4: a name with no key
  entity("Beta", org, {}, 6);                 // 5: one entity with OpenAI in the graph below
  link(0, RelationType::kLeads, 2, 0.5);
  link(1, RelationType::kLeads, 2, 0.7);
  link(0, RelationType::kWorksAt, 1, 0.6);  // within one entity of the document: dropped
  link(3, RelationType::kCompetesWith, 2, 0.4);
  link(2, RelationType::kCompetesWith, 3, 0.45);
  link(4, RelationType::kPartnersWith, 2, 0.3);  // 4 cannot be found by its name: dropped
  link(5, RelationType::kPartnersWith, 2, 0.35);

  // The document's graph as built entity by entity, each relation's ends found by name.
  KnowledgeGraph alone;
  for (const Entity& e : doc.entities) {
    alone.add_entity(e);
  }
  for (const DocumentGraph::Link& l : doc.relations) {
    const std::optional<EntityId> s =
        alone.find(doc.entities[l.source].name, doc.entities[l.source].type);
    const std::optional<EntityId> t =
        alone.find(doc.entities[l.target].name, doc.entities[l.target].type);
    if (s && t && *s != *t) {
      alone.add_relation(*s, *t, l.relation);
    }
  }
  KnowledgeGraph made;
  made.add(DocumentGraph(doc));
  CHECK(dump(made) == dump(alone));
  CHECK(made.relation_count() == 3);

  KnowledgeGraph base;
  const EntityId openai = base.add_entity(make("OpenAI", org, {"Beta"}));
  const EntityId gamma = base.add_entity(make("Gamma", org));
  base.add_entity(make("Delta", org));
  base.add_relation(gamma, openai, rel(RelationType::kCompetesWith, 0.5, "base"));
  KnowledgeGraph merged = base;
  merged.merge(alone);
  KnowledgeGraph added = base;
  added.add(std::move(doc));
  CHECK(dump(added) == dump(merged));
  CHECK(added.entity_count() == 4);
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

TEST_CASE("confidence combines by noisy-or as weights that add up") {
  CHECK(confidence_weight(0.0) == 0);
  CHECK(weight_confidence(0) == 0.0);
  CHECK(weight_confidence(confidence_weight(0.7)) == doctest::Approx(0.7).epsilon(1e-12));
  CHECK(weight_confidence(add_weights(confidence_weight(0.5), confidence_weight(0.5))) ==
        doctest::Approx(0.75).epsilon(1e-12));
  // Out of range, and a confidence of 1, which no number of readings exceeds.
  CHECK(confidence_weight(-0.2) == 0);
  CHECK(confidence_weight(1.5) == kMaxWeight);
  CHECK(confidence_weight(1.0) == kMaxWeight);
  CHECK(weight_confidence(kMaxWeight) == 1.0);
  CHECK(weight_confidence(kMaxWeight + 1) == 1.0);
  CHECK(add_weights(kMaxWeight - 1, 5) == kMaxWeight);
  CHECK(add_weights(kMaxWeight + 7, 0) == kMaxWeight);
  // 0.8 read 2^60 times: the sum saturates and stays there.
  std::uint64_t many = confidence_weight(0.8);
  for (int i = 0; i < 60; ++i) {
    many = add_weights(many, many);
  }
  CHECK(many == kMaxWeight);
  CHECK(weight_confidence(many) == 1.0);
}

TEST_CASE("combined weights are the same in any order and grouping, to the last bit") {
  // Floating-point noisy-or of 0.45, 0.5 and 0.65 depends on the order of its operations.
  const std::uint64_t a = confidence_weight(0.45);
  const std::uint64_t b = confidence_weight(0.5);
  const std::uint64_t c = confidence_weight(0.65);
  const std::uint64_t sum = add_weights(add_weights(a, b), c);
  CHECK(add_weights(a, add_weights(b, c)) == sum);
  CHECK(add_weights(add_weights(c, a), b) == sum);
  CHECK(add_weights(b, add_weights(c, a)) == sum);
  CHECK(weight_confidence(sum) == doctest::Approx(1 - 0.55 * 0.5 * 0.35).epsilon(1e-12));
}

TEST_CASE("a relation given without a weight is one reading of its confidence") {
  KnowledgeGraph g;
  EntityId a = g.add_entity(make("OpenAI", EntityType::kOrganization));
  EntityId b = g.add_entity(make("ChatGPT", EntityType::kProduct));
  g.add_relation(a, b, rel(RelationType::kDevelops, 0.9));
  const Relation& once = *g.relations().front().relation;
  REQUIRE(once.weight.has_value());
  CHECK(*once.weight == confidence_weight(0.9));
  CHECK(once.confidence == weight_confidence(confidence_weight(0.9)));
  // Given a weight, the graph keeps the confidence as given (a file's rounded one) until merging.
  EntityId c = g.add_entity(make("Gemini", EntityType::kProduct));
  Relation read = rel(RelationType::kDevelops, 0.75);
  read.weight = add_weights(confidence_weight(0.5), confidence_weight(0.5));
  g.add_relation(a, c, read);
  CHECK(g.relations().back().relation->confidence == 0.75);
  g.add_relation(a, c, rel(RelationType::kDevelops, 0.5));
  const Relation& thrice = *g.relations().back().relation;
  CHECK(*thrice.weight == add_weights(*read.weight, confidence_weight(0.5)));
  CHECK(thrice.confidence == weight_confidence(*thrice.weight));
  CHECK(thrice.support == 2);
}

}  // namespace
}  // namespace kgex
