// Query benchmark: builds synthetic graphs of 10k, 100k and 1M relations,
// writes them as JSON-LD, then times loading and four queries.
//   build-bench/bench/query_bench [max_relations]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <sstream>
#include <string>

#include "exporters/exporter.h"
#include "graph/query.h"

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// Organizations, people and products with plausible relations, from a fixed seed.
kgex::KnowledgeGraph synthetic(std::size_t relations) {
  using kgex::EntityType;
  using kgex::RelationType;
  std::mt19937_64 rng(42);
  const std::size_t orgs = relations / 20 + 1;
  const std::size_t people = relations / 4 + 1;
  const std::size_t products = relations / 4 + 1;
  kgex::KnowledgeGraph g;
  auto add = [&g](const std::string& name, EntityType type) {
    kgex::Entity e;
    e.name = name;
    e.type = type;
    e.mention_count = 1;
    return g.add_entity(std::move(e));
  };
  std::vector<kgex::EntityId> o, p, q;
  for (std::size_t i = 0; i < orgs; ++i) o.push_back(add("Org " + std::to_string(i), EntityType::kOrganization));
  for (std::size_t i = 0; i < people; ++i) p.push_back(add("Person " + std::to_string(i), EntityType::kPerson));
  for (std::size_t i = 0; i < products; ++i) q.push_back(add("Product " + std::to_string(i), EntityType::kProduct));
  for (std::size_t i = 0; i < relations; ++i) {
    kgex::Relation r;
    r.confidence = 0.5 + static_cast<double>(rng() % 50) / 100.0;
    r.support = 1;
    r.evidence.push_back({.document = "doc" + std::to_string(i % 1000) + ".txt", .sentence = "A sentence."});
    switch (i % 3) {
      case 0:
        r.type = RelationType::kWorksAt;
        g.add_relation(p[rng() % people], o[rng() % orgs], std::move(r));
        break;
      case 1:
        r.type = RelationType::kDevelops;
        g.add_relation(o[rng() % orgs], q[rng() % products], std::move(r));
        break;
      default:
        r.type = RelationType::kUses;
        g.add_relation(p[rng() % people], q[rng() % products], std::move(r));
        break;
    }
  }
  return g;
}

}  // namespace

int main(int argc, char** argv) {
  const std::size_t max = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 1000000;
  std::printf("%10s %10s %8s %8s %8s %10s %10s %10s %10s\n", "relations", "file MB", "build s", "write s",
              "load s", "card ms", "filter ms", "2-hop ms", "path ms");
  for (std::size_t n = 10000; n <= max; n *= 10) {
    auto t = Clock::now();
    kgex::KnowledgeGraph g = synthetic(n);
    const double build = seconds_since(t);
    std::ostringstream out;
    t = Clock::now();
    if (!kgex::write_graph(g, kgex::GraphFormat::kJsonLd, out).ok()) {
      return 1;
    }
    const double write = seconds_since(t);
    const std::string text = out.str();
    t = Clock::now();
    auto loaded = kgex::read_graph(text, kgex::GraphFormat::kJsonLd, "bench.jsonld");
    const double load = seconds_since(t);
    if (!loaded.ok()) {
      std::fprintf(stderr, "%s\n", loaded.status().to_string().c_str());
      return 1;
    }
    const kgex::KnowledgeGraph& h = loaded.value();
    t = Clock::now();
    const kgex::EntityId org = kgex::lookup(h, "Org 7").front();
    std::size_t card = h.out_relations(org).size() + h.in_relations(org).size();
    const double card_ms = seconds_since(t) * 1000;
    t = Clock::now();
    kgex::RelationFilter f{.relation = kgex::RelationType::kDevelops, .min_confidence = 0.9};
    card += kgex::filter_relations(h, f).size();
    const double filter_ms = seconds_since(t) * 1000;
    t = Clock::now();
    auto rows = kgex::match_pattern(h, "(p:Person)-[:works_at]->(o {name: \"Org 7\"})-[:develops]->(x)");
    const double hop_ms = seconds_since(t) * 1000;
    t = Clock::now();
    auto paths = kgex::shortest_paths(h, kgex::lookup(h, "Person 1").front(), kgex::lookup(h, "Product 2").front());
    const double path_ms = seconds_since(t) * 1000;
    std::printf("%10zu %10.1f %8.2f %8.2f %8.2f %10.2f %10.2f %10.2f %10.2f   (%zu, %zu rows, %zu paths)\n", n,
                static_cast<double>(text.size()) / 1e6, build, write, load, card_ms, filter_ms, hop_ms, path_ms,
                card, rows.ok() ? rows.value().rows.size() : 0, paths.size());
  }
  return 0;
}
