#include "exporters/exporter.h"

#include <doctest/doctest.h>
#include <rapidjson/document.h>

#include <pugixml.hpp>

#include "exporters/csv.h"
#include "exporters/detail/text.h"
#include "exporters/dot.h"
#include "exporters/ntriples.h"
#include "tests/exporters/test_graphs.h"

namespace kgex {
namespace {

constexpr GraphFormat kAll[] = {GraphFormat::kGraphML, GraphFormat::kGexf,     GraphFormat::kJsonLd,
                                GraphFormat::kDot,     GraphFormat::kNTriples, GraphFormat::kCsv};

TEST_CASE("format names and extensions") {
  for (const GraphFormat f : kAll) {
    REQUIRE(parse_format(to_string(f)).ok());
    CHECK(parse_format(to_string(f)).value() == f);
  }
  CHECK(parse_format("GraphML").value() == GraphFormat::kGraphML);
  CHECK(parse_format("json-ld").value() == GraphFormat::kJsonLd);
  CHECK(parse_format("gv").value() == GraphFormat::kDot);
  const Result<GraphFormat> bad = parse_format("xlsx");
  CHECK(bad.status().code() == ErrorCode::kInvalidArgument);
  CHECK(bad.status().message().find("graphml, gexf, jsonld, dot, nt, csv") != std::string::npos);

  CHECK(format_from_path("out/g.graphml").value() == GraphFormat::kGraphML);
  CHECK(format_from_path("G.GEXF").value() == GraphFormat::kGexf);
  CHECK(format_from_path("a.json").value() == GraphFormat::kJsonLd);
  CHECK(format_from_path("a.json-ld").value() == GraphFormat::kJsonLd);
  CHECK(format_from_path("dir.v2/a.gv").value() == GraphFormat::kDot);
  CHECK(format_from_path("a.nt").value() == GraphFormat::kNTriples);
  CHECK(format_from_path("a.csv").value() == GraphFormat::kCsv);
  CHECK_FALSE(format_from_path("graphml").ok());
  CHECK_FALSE(format_from_path(".nt").ok());
  CHECK(format_from_path("a.txt").status().where().file == "a.txt");

  CHECK(is_readable(GraphFormat::kGraphML));
  CHECK(is_readable(GraphFormat::kJsonLd));
  CHECK_FALSE(is_readable(GraphFormat::kDot));
  const Result<KnowledgeGraph> r = read_graph("digraph {}", GraphFormat::kDot, "g.dot");
  CHECK(r.status().code() == ErrorCode::kInvalidArgument);
  CHECK(r.status().where().file == "g.dot");
}

TEST_CASE("csv_file_names puts both files beside the output path") {
  CHECK(csv_file_names("out/g.csv").nodes == "out/g.nodes.csv");
  CHECK(csv_file_names("out/g.csv").relationships == "out/g.relationships.csv");
  CHECK(csv_file_names("g").nodes == "g.nodes.csv");
  CHECK(csv_file_names("dir.d/g").relationships == "dir.d/g.relationships.csv");
  CHECK(csv_file_names("dir/.hidden").nodes == "dir/.hidden.nodes.csv");
}

TEST_CASE("every format is deterministic and fails on a broken stream") {
  const KnowledgeGraph g = test::sample_graph();
  for (const GraphFormat f : kAll) {
    CHECK_MESSAGE(test::write(g, f) == test::write(KnowledgeGraph(g), f), to_string(f));
    std::ostringstream broken;
    broken.setstate(std::ios::badbit);
    CHECK(write_graph(g, f, broken).code() == ErrorCode::kIo);
  }
}

TEST_CASE("XML and JSON outputs parse back with pugixml and RapidJSON") {
  const KnowledgeGraph g = test::sample_graph();
  for (const GraphFormat f : {GraphFormat::kGraphML, GraphFormat::kGexf}) {
    pugi::xml_document doc;
    const std::string text = test::write(g, f);
    CHECK(doc.load_string(text.c_str()));
    CHECK(text.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", 0) == 0);
  }
  rapidjson::Document doc;
  const std::string json = test::write(g, GraphFormat::kJsonLd);
  CHECK_FALSE(doc.Parse(json.c_str()).HasParseError());
}

TEST_CASE("very long evidence reaches every format whole") {
  KnowledgeGraph g;
  const EntityId org = g.add_entity(test::entity("파이썬 재단", EntityType::kOrganization));
  const EntityId tool = g.add_entity(test::entity("Python", EntityType::kTool));
  const std::string sentence = test::long_sentence();
  g.add_relation(
      org, tool,
      test::relation(RelationType::kDevelops, 0.5, {test::evidence("doc", sentence, 0, "r", 0.5)}));
  for (const GraphFormat f : {GraphFormat::kGraphML, GraphFormat::kGexf}) {
    pugi::xml_document doc;
    REQUIRE(doc.load_string(test::write(g, f).c_str()));
    CHECK_MESSAGE(doc.find_node([&](pugi::xml_node n) {
      return n.text().get() == sentence || n.attribute("value").value() == sentence;
    }),
                  to_string(f));
  }
  rapidjson::Document doc;
  const std::string json = test::write(g, GraphFormat::kJsonLd);
  REQUIRE_FALSE(doc.Parse(json.c_str()).HasParseError());
  CHECK(doc["@graph"][2]["evidence"][0]["sentence"].GetString() == sentence);
  CHECK(test::write(g, GraphFormat::kDot).find(exporters::dot_quote(sentence)) !=
        std::string::npos);
  CHECK(test::write(g, GraphFormat::kNTriples).find(exporters::ntriples_literal(sentence)) !=
        std::string::npos);
  std::ostringstream nodes;
  std::ostringstream relationships;
  REQUIRE(write_csv(g, nodes, relationships).ok());
  CHECK(relationships.str().find(exporters::csv_field(sentence)) != std::string::npos);
}

TEST_CASE("GraphML -> JSON-LD -> GraphML preserves everything") {
  const std::string graphml = test::write(test::sample_graph(), GraphFormat::kGraphML);
  Result<KnowledgeGraph> from_graphml = read_graph(graphml, GraphFormat::kGraphML, "a.graphml");
  REQUIRE(from_graphml.ok());
  const std::string jsonld = test::write(from_graphml.value(), GraphFormat::kJsonLd);
  Result<KnowledgeGraph> from_jsonld = read_graph(jsonld, GraphFormat::kJsonLd, "b.jsonld");
  REQUIRE_MESSAGE(from_jsonld.ok(), from_jsonld.status().to_string());
  CHECK(test::dump(from_jsonld.value()) == test::dump(from_graphml.value()));
  CHECK(test::dump(from_jsonld.value()) == exporters::clean_text(test::dump(test::sample_graph())));
  CHECK(test::write(from_jsonld.value(), GraphFormat::kGraphML) == graphml);
}

}  // namespace
}  // namespace kgex
