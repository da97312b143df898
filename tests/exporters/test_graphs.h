// Graphs shared by the exporter tests.
#pragma once

#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <vector>

#include "exporters/exporter.h"
#include "graph/knowledge_graph.h"

namespace kgex::test {

inline Entity entity(std::string name, EntityType type, std::vector<std::string> aliases = {},
                     std::size_t mentions = 1) {
  Entity e;
  e.name = std::move(name);
  e.type = type;
  e.aliases = std::move(aliases);
  e.mention_count = mentions;
  return e;
}

inline Evidence evidence(std::string document, std::string sentence, std::size_t begin,
                         std::string rule, double confidence) {
  return {.document = std::move(document),
          .sentence = sentence,
          .bytes = {begin, begin + sentence.size()},
          .chars = {begin / 2, begin / 2 + sentence.size() / 2},
          .rule = std::move(rule),
          .confidence = confidence};
}

inline Relation relation(RelationType type, double confidence, std::vector<Evidence> evidence = {},
                         std::size_t support = 1) {
  Relation r;
  r.type = type;
  r.confidence = confidence;
  r.support = support;
  r.evidence = std::move(evidence);
  return r;
}

// Hangul and emoji names, the characters every format must escape (< & " and
// newlines), a control character, parallel edges of different types, a
// self-loop, a symmetric relation, mentions and evidence with offsets.
inline KnowledgeGraph sample_graph() {
  KnowledgeGraph g;
  Entity sam = entity("샘 올트먼", EntityType::kPerson, {"Sam Altman", "sama"}, 3);
  sam.mentions = {{.document = "openai-ko.txt", .bytes = {0, 13}, .chars = {0, 5}},
                  {.document = "openai-ko.txt", .bytes = {120, 133}, .chars = {60, 65}}};
  const EntityId s = g.add_entity(std::move(sam));
  const EntityId o = g.add_entity(entity("OpenAI", EntityType::kOrganization, {"오픈AI"}, 5));
  const EntityId a = g.add_entity(entity("Anthropic", EntityType::kOrganization, {}, 2));
  const EntityId t = g.add_entity(entity("\"Superalignment\" 팀", EntityType::kTeam));
  const EntityId c = g.add_entity(entity("ChatGPT", EntityType::kProduct, {}, 4));
  const EntityId r = g.add_entity(entity("R&D <Toolkit> \"β\" C:\\tools", EntityType::kTool));
  const EntityId i = g.add_entity(entity("Ilya 🚀 Sutskever", EntityType::kPerson, {}, 0));
  g.add_relation(
      s, o,
      relation(
          RelationType::kLeads, 0.95,
          {evidence("openai-ko.txt", "샘 올트먼은 OpenAI의 \"CEO\"이다 & 공동 창업자다.", 0,
                    "ko.leads.ceo", 0.9),
           evidence("openai-en.txt", "Sam Altman\nleads OpenAI <again>.", 40, "en.leads", 0.5)},
          2));
  g.add_relation(
      s, o,
      relation(RelationType::kWorksAt, 0.8,
               {evidence("openai-ko.txt", "그는 OpenAI에서\x01 일한다.", 200, "", 0.8)}));
  g.add_relation(t, o, relation(RelationType::kPartOf, 0.7));
  g.add_relation(
      o, c,
      relation(RelationType::kDevelops, 0.123456,
               {evidence("openai-en.txt", "OpenAI released ChatGPT.", 0, "en.dev", 0.123456)}));
  g.add_relation(t, r, relation(RelationType::kUses, 0.6));
  g.add_relation(c, c, relation(RelationType::kPartOf, 0.5));
  g.add_relation(a, o, relation(RelationType::kCompetesWith, 0.4));
  g.add_relation(i, o, relation(RelationType::kFounded, 1.0));
  return g;
}

inline KnowledgeGraph one_node_graph() {
  KnowledgeGraph g;
  g.add_entity(entity("Python", EntityType::kTool));
  return g;
}

// `graph` written in `format`; fails the test if writing fails.
inline std::string write(const KnowledgeGraph& graph, GraphFormat format) {
  std::ostringstream out;
  const Status status = write_graph(graph, format, out);
  REQUIRE_MESSAGE(status.ok(), status.to_string());
  return out.str();
}

// Everything the model holds, one line per entity, mention, relation and
// evidence, confidences to 4 decimals: equal dumps mean equal graphs.
inline std::string dump(const KnowledgeGraph& graph) {
  std::ostringstream out;
  const auto fixed = [](double v) {
    std::ostringstream s;
    s.setf(std::ios::fixed);
    s.precision(4);
    s << v;
    return s.str();
  };
  for (const EntityId id : graph.sorted_entities()) {
    const Entity& e = graph.entity(id);
    out << "entity " << to_string(e.type) << " [" << e.name << "] mentions=" << e.mention_count
        << " aliases:";
    for (const std::string& a : e.aliases) {
      out << " [" << a << "]";
    }
    out << "\n";
    for (const Mention& m : e.mentions) {
      out << "  mention " << m.document << " " << m.bytes.begin << "-" << m.bytes.end << " "
          << m.chars.begin << "-" << m.chars.end << "\n";
    }
  }
  for (const RelationView& v : graph.relations()) {
    const Relation& r = *v.relation;
    out << "relation [" << graph.entity(v.source).name << "] " << to_string(r.type) << " ["
        << graph.entity(v.target).name << "] confidence=" << fixed(r.confidence)
        << " weight=" << weight_of(r) << " support=" << r.support << "\n";
    for (const Evidence& e : r.evidence) {
      out << "  evidence " << e.document << " " << e.bytes.begin << "-" << e.bytes.end << " "
          << e.chars.begin << "-" << e.chars.end << " rule=" << e.rule
          << " confidence=" << fixed(e.confidence) << " [" << e.sentence << "]\n";
    }
  }
  return out.str();
}

// A long evidence sentence (about 108 KB) of Korean and ASCII: longer than the block in which
// the N-Triples writer puts its lines together.
inline std::string long_sentence() {
  std::string s;
  for (int i = 0; i < 4000; ++i) {
    s += "긴 증거 문장 & <" + std::to_string(i) + "> ";
  }
  return s;
}

}  // namespace kgex::test
