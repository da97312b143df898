// The smallest use of the kgex library: extract one text and list what was found.
#include <iostream>

#include "extractor/extractor.h"

int main() {
  auto rules = kgex::load_rules({kgex::builtin_pack()});
  if (!rules.ok()) {
    std::cerr << rules.status().to_string() << "\n";
    return 2;
  }
  auto extractor = kgex::Extractor::create(rules.value());
  auto got = extractor.value().extract({"note", "구글의 Gemini와 OpenAI's ChatGPT are rivals."});
  if (!got.ok()) {
    std::cerr << got.status().to_string() << "\n";
    return 2;
  }
  const kgex::KnowledgeGraph& graph = got.value().graph;
  for (const kgex::RelationView& r : graph.relations()) {
    std::cout << graph.entity(r.source).name << " " << kgex::to_string(r.relation->type) << " "
              << graph.entity(r.target).name << "\n";
  }
  return 0;
}
