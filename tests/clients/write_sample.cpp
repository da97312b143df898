// Writes the hand-built graph of the client test as JSON-LD: Hangul and emoji
// names, quotes, &, <, backslashes, newlines and a control character,
// parallel edges of different types, a self-loop and a symmetric relation.
// tests/clients/expected.json lists what the clients must find in it.
//
// usage: kgex_write_sample OUT.jsonld
#include <fstream>
#include <iostream>

#include "exporters/exporter.h"

namespace {

using kgex::Entity;
using kgex::EntityType;
using kgex::Evidence;
using kgex::Relation;
using kgex::RelationType;

Entity entity(std::string name, EntityType type, std::vector<std::string> aliases,
              std::size_t mentions) {
  Entity e;
  e.name = std::move(name);
  e.type = type;
  e.aliases = std::move(aliases);
  e.mention_count = mentions;
  return e;
}

Relation relation(RelationType type, double confidence, std::size_t support,
                  std::vector<Evidence> evidence) {
  Relation r;
  r.type = type;
  r.confidence = confidence;
  r.support = support;
  r.evidence = std::move(evidence);
  return r;
}

kgex::KnowledgeGraph sample() {
  kgex::KnowledgeGraph g;
  Entity sam_entity = entity("샘 올트먼", EntityType::kPerson, {"Sam Altman"}, 3);
  sam_entity.mentions = {{.document = "openai-ko.txt", .bytes = {0, 13}, .chars = {0, 5}}};
  const auto sam = g.add_entity(std::move(sam_entity));
  const auto openai = g.add_entity(entity("OpenAI", EntityType::kOrganization, {"오픈AI"}, 5));
  const auto anthropic = g.add_entity(entity("Anthropic", EntityType::kOrganization, {}, 2));
  const auto team = g.add_entity(entity("\"Superalignment\" 팀", EntityType::kTeam, {}, 1));
  const auto chatgpt = g.add_entity(entity("ChatGPT", EntityType::kProduct, {}, 4));
  const auto tool = g.add_entity(entity("R&D <Toolkit> \"β\" C:\\tools", EntityType::kTool, {}, 1));
  const auto ilya = g.add_entity(entity("Ilya 🚀 Sutskever", EntityType::kPerson, {}, 0));
  const std::string ceo = "샘 올트먼은 OpenAI의 \"CEO\"이다 & 공동 창업자다.";
  g.add_relation(sam, openai,
                 relation(RelationType::kLeads, 0.95, 2,
                          {{.document = "openai-ko.txt",
                            .sentence = ceo,
                            .bytes = {0, ceo.size()},
                            .chars = {0, 32},
                            .rule = "ko.leads.ceo",
                            .confidence = 0.9},
                           {.document = "openai-en.txt",
                            .sentence = "Sam Altman\nleads OpenAI <again>.\x01",
                            .bytes = {40, 73},
                            .chars = {40, 73},
                            .rule = "en.leads",
                            .confidence = 0.5}}));
  g.add_relation(sam, openai, relation(RelationType::kWorksAt, 0.8, 1, {}));
  g.add_relation(openai, chatgpt, relation(RelationType::kDevelops, 0.9, 1, {}));
  g.add_relation(team, openai, relation(RelationType::kPartOf, 0.7, 1, {}));
  g.add_relation(team, tool, relation(RelationType::kUses, 0.6, 1, {}));
  g.add_relation(chatgpt, chatgpt, relation(RelationType::kPartOf, 0.5, 1, {}));
  g.add_relation(anthropic, openai, relation(RelationType::kCompetesWith, 0.4, 1, {}));
  g.add_relation(ilya, openai, relation(RelationType::kFounded, 1.0, 1, {}));
  return g;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: kgex_write_sample OUT.jsonld\n";
    return 2;
  }
  std::ofstream out(argv[1], std::ios::binary);
  const kgex::Status status = kgex::write_graph(sample(), kgex::GraphFormat::kJsonLd, out);
  out.close();
  if (!status.ok() || !out) {
    std::cerr << "kgex_write_sample: " << argv[1] << ": "
              << (status.ok() ? "write failed" : status.to_string()) << "\n";
    return 3;
  }
  return 0;
}
