#include "graph/query.h"

#include <doctest/doctest.h>
#include <rapidjson/document.h>
#include <rapidjson/schema.h>

#include <fstream>
#include <sstream>

#include "cli/table.h"

namespace kgex {
namespace {

struct Fixture {
  KnowledgeGraph g;
  EntityId add(const std::string& name, EntityType type, std::vector<std::string> aliases = {}) {
    Entity e;
    e.name = name;
    e.type = type;
    e.aliases = std::move(aliases);
    e.mention_count = 1;
    return g.add_entity(std::move(e));
  }
  void rel(const std::string& s, RelationType type, const std::string& t, double confidence = 0.8,
           const std::string& doc = "a.txt") {
    Relation r;
    r.type = type;
    r.confidence = confidence;
    r.support = 1;
    r.evidence.push_back({.document = doc, .sentence = s + " " + t});
    g.add_relation(g.find(s).front(), g.find(t).front(), std::move(r));
  }
  Fixture() {
    add("OpenAI", EntityType::kOrganization, {"오픈AI"});
    add("Sam Altman", EntityType::kPerson, {"샘 올트먼", "sama"});
    add("ChatGPT", EntityType::kProduct);
    add("DALL-E", EntityType::kProduct);
    add("안전팀", EntityType::kTeam);
    add("Go", EntityType::kTool);
    add("Go", EntityType::kProduct);  // an ambiguous name
    add("Island", EntityType::kOrganization);
    rel("Sam Altman", RelationType::kLeads, "OpenAI");
    rel("OpenAI", RelationType::kDevelops, "ChatGPT");
    rel("OpenAI", RelationType::kDevelops, "DALL-E", 0.4, "b.txt");
    rel("안전팀", RelationType::kPartOf, "OpenAI");
    rel("DALL-E", RelationType::kPartOf, "ChatGPT");
    rel("ChatGPT", RelationType::kPartOf, "DALL-E");  // a cycle
  }
};

TEST_CASE("lookup by any alias, normalised; suggestions for near misses") {
  Fixture f;
  CHECK(f.g.entity(lookup(f.g, "샘올트먼").front()).name == "Sam Altman");
  CHECK(f.g.entity(lookup(f.g, "dall·e").front()).name == "DALL-E");
  CHECK(lookup(f.g, "go").size() == 2);
  CHECK(lookup(f.g, "Gogle").empty());
  const auto close = suggest_names(f.g, "OpenAl");
  REQUIRE_FALSE(close.empty());
  CHECK(close.front() == "OpenAI");
}

TEST_CASE("relation filters combine") {
  Fixture f;
  RelationFilter by_type{.relation = RelationType::kDevelops};
  CHECK(filter_relations(f.g, by_type).size() == 2);
  by_type.min_confidence = 0.5;
  CHECK(filter_relations(f.g, by_type).size() == 1);
  RelationFilter doc{.document = "b.txt"};
  CHECK(filter_relations(f.g, doc).size() == 1);
  RelationFilter team{.entity_type = EntityType::kTeam};
  CHECK(filter_relations(f.g, team).size() == 1);
  RelationFilter to{.to = lookup(f.g, "OpenAI")};
  CHECK(filter_relations(f.g, to).size() == 2);
}

TEST_CASE("patterns: one hop, chains, any direction, type alternatives, names") {
  Fixture f;
  auto one = match_pattern(f.g, "(p:Person)-[:leads]->(o:Organization)");
  REQUIRE(one.ok());
  REQUIRE(one.value().rows.size() == 1);
  CHECK(f.g.entity(one.value().rows[0].nodes.at("p")).name == "Sam Altman");
  CHECK(one.value().variables == std::vector<std::string>{"p", "o"});
  auto chain = match_pattern(f.g, "(t:Team)-[:part_of]->(o)<-[:leads]-(p:Person)");
  REQUIRE(chain.ok());
  REQUIRE(chain.value().rows.size() == 1);
  CHECK(f.g.entity(chain.value().rows[0].nodes.at("t")).name == "안전팀");
  auto either = match_pattern(f.g, "(o {name: \"오픈AI\"})-[r]-(x)");
  REQUIRE(either.ok());
  CHECK(either.value().rows.size() == 4);
  auto alt = match_pattern(f.g, "(o:Organization)-[:develops|uses]->(p)");
  REQUIRE(alt.ok());
  CHECK(alt.value().rows.size() == 2);
  auto cycle = match_pattern(f.g, "(a:Product)-[:part_of]->(b)-[:part_of]->(a)");
  REQUIRE(cycle.ok());
  CHECK(cycle.value().rows.size() == 2);
  auto none = match_pattern(f.g, "(p:Person)-[:founded]->(o)");
  REQUIRE(none.ok());
  CHECK(none.value().rows.empty());
}

TEST_CASE("a malformed pattern points at its column") {
  Fixture f;
  auto bad = match_pattern(f.g, "(p:Person)-[:leadz]->(o)");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().where().offset == 13);
  auto unclosed = match_pattern(f.g, "(p:Person");
  REQUIRE_FALSE(unclosed.ok());
  CHECK(unclosed.status().where().offset == 9);
  CHECK_FALSE(match_pattern(f.g, "(a)<-[]->(b)").ok());
  CHECK_FALSE(match_pattern(f.g, "(a:Robot)").ok());
}

TEST_CASE("shortest paths over relations in either direction") {
  Fixture f;
  const EntityId sam = lookup(f.g, "sama").front();
  const EntityId chat = lookup(f.g, "ChatGPT").front();
  auto paths = shortest_paths(f.g, sam, chat);
  REQUIRE(paths.size() == 1);
  REQUIRE(paths[0].size() == 2);
  CHECK(paths[0][0].forward);
  CHECK(f.g.entity(paths[0][1].to).name == "ChatGPT");
  const EntityId team = lookup(f.g, "안전팀").front();
  const EntityId dalle = lookup(f.g, "DALL-E").front();
  CHECK(shortest_paths(f.g, team, dalle, {.all_shortest = true}).size() == 1);
  CHECK(shortest_paths(f.g, sam, dalle, {.max_hops = 1}).empty());
  CHECK(shortest_paths(f.g, sam, lookup(f.g, "Island").front()).empty());
}

TEST_CASE("neighbourhoods keep the relations among the entities they hold") {
  Fixture f;
  KnowledgeGraph one = neighborhood(f.g, lookup(f.g, "OpenAI").front(), 1);
  CHECK(one.entity_count() == 5);
  CHECK(one.relation_count() == 6);
  KnowledgeGraph zero = neighborhood(f.g, lookup(f.g, "Island").front(), 3);
  CHECK(zero.entity_count() == 1);
}

TEST_CASE("stats: counts, rankings, components") {
  Fixture f;
  const GraphStats s = graph_stats(f.g, 3);
  CHECK(s.entities_by_type.at("Product") == 3);
  CHECK(s.relations_by_type.at("part_of") == 3);
  CHECK(s.documents == std::vector<std::string>{"a.txt", "b.txt"});
  REQUIRE(s.top_degree.size() == 3);
  CHECK(f.g.entity(s.top_degree[0].id).name == "OpenAI");
  REQUIRE(s.top_pagerank.size() == 3);
  CHECK(s.top_pagerank[0].score >= s.top_pagerank[1].score);
  CHECK(s.component_sizes == std::vector<std::size_t>{5, 1, 1, 1});
}

TEST_CASE("display width counts Hangul as two columns") {
  CHECK(cli::display_width("abc") == 3);
  CHECK(cli::display_width("샘 올트먼") == 9);
  CHECK(cli::display_width("ＡＢ") == 4);
}

TEST_CASE("JSON output follows schemas/query-output.schema.json") {
  std::ifstream in(std::string(KGEX_SOURCE_DIR) + "/schemas/query-output.schema.json");
  std::stringstream text;
  text << in.rdbuf();
  rapidjson::Document schema_doc;
  schema_doc.Parse(text.str().c_str());
  REQUIRE_FALSE(schema_doc.HasParseError());
  rapidjson::SchemaDocument schema(schema_doc);
  cli::Table table;
  table.command = "card";
  table.entities.push_back({"샘 올트먼", "Person", {"sama"}, 3});
  table.columns = {"source", "relation", "target"};
  table.rows.push_back({"샘 올트먼", "leads", "\"Open\"AI\n"});
  std::ostringstream out;
  table.print(out, cli::OutputFormat::kJson);
  rapidjson::Document doc;
  doc.Parse(out.str().c_str());
  REQUIRE_FALSE(doc.HasParseError());
  rapidjson::SchemaValidator validator(schema);
  CHECK(doc.Accept(validator));
  table.command = "bogus";
  std::ostringstream bad;
  table.print(bad, cli::OutputFormat::kJson);
  rapidjson::Document bad_doc;
  bad_doc.Parse(bad.str().c_str());
  rapidjson::SchemaValidator again(schema);
  CHECK_FALSE(bad_doc.Accept(again));
}

}  // namespace
}  // namespace kgex
