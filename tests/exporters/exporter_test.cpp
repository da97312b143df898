#include "exporters/exporter.h"

#include <doctest/doctest.h>
#include <rapidjson/document.h>

#include <iterator>
#include <pugixml.hpp>
#include <sstream>
#include <string>
#include <thread>
#include <utility>
#include <vector>

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

TEST_CASE("names shared by every format, from several threads, write what each alone writes") {
  const KnowledgeGraph g = test::sample_graph();
  const WriteOptions options{.base_iri = "urn:kgex:"};
  const GraphNames names(g, options);
  std::vector<std::string> shared(std::size(kAll));
  std::vector<std::thread> writers;
  for (std::size_t i = 0; i < std::size(kAll); ++i) {
    writers.emplace_back([&, i] {
      std::ostringstream out;
      if (write_graph(names, kAll[i], out).ok()) {
        shared[i] = out.str();
      }
    });
  }
  for (std::thread& t : writers) {
    t.join();
  }
  for (std::size_t i = 0; i < std::size(kAll); ++i) {
    std::ostringstream alone;
    REQUIRE(write_graph(g, kAll[i], alone, options).ok());
    CHECK_MESSAGE(shared[i] == alone.str(), to_string(kAll[i]));
  }
  std::ostringstream nodes;
  std::ostringstream relationships;
  REQUIRE(write_csv(names, nodes, relationships).ok());
  CHECK(nodes.str() == shared.back());
  CHECK(relationships.str().starts_with(":START_ID,:END_ID,"));
  // A bad base IRI is refused before any IRI is made.
  const GraphNames bad(g, {.base_iri = "no base"});
  std::ostringstream refused;
  CHECK(write_graph(bad, GraphFormat::kNTriples, refused).code() == ErrorCode::kInvalidArgument);
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

// Two graphs with one relation, read 0.45 three times in one and 0.55 and 0.6 in the other:
// 0.9700525 in all, 0.9701, where the parts' printed 0.8336 and 0.8200 give 0.970048, 0.9700.
std::vector<KnowledgeGraph> weighed_parts() {
  std::vector<KnowledgeGraph> parts;
  for (const std::vector<double>& readings :
       {std::vector<double>{0.45, 0.45, 0.45}, std::vector<double>{0.55, 0.6}}) {
    KnowledgeGraph g;
    const EntityId o = g.add_entity(test::entity("OpenAI", EntityType::kOrganization));
    const EntityId c = g.add_entity(test::entity("ChatGPT", EntityType::kProduct));
    for (std::size_t i = 0; i < readings.size(); ++i) {
      const double confidence = readings[i];
      const std::string document = std::to_string(parts.size()) + "-" + std::to_string(i) + ".txt";
      g.add_relation(
          o, c,
          test::relation(RelationType::kDevelops, confidence,
                         {test::evidence(document, "OpenAI made ChatGPT.", 0, "r", confidence)}));
    }
    parts.push_back(std::move(g));
  }
  return parts;
}

TEST_CASE("graphs merged from files write what merging them in memory writes") {
  const std::vector<KnowledgeGraph> parts = weighed_parts();
  KnowledgeGraph in_memory = parts[0];
  in_memory.merge(parts[1]);
  const Relation& develops = *in_memory.relations().front().relation;
  CHECK(exporters::format_decimal(develops.confidence) == "0.9701");
  CHECK(*develops.weight ==
        3 * confidence_weight(0.45) + confidence_weight(0.55) + confidence_weight(0.6));
  for (const GraphFormat format : {GraphFormat::kJsonLd, GraphFormat::kGraphML}) {
    CAPTURE(format);
    const std::string expected = test::write(in_memory, format);
    for (const std::size_t first : {0, 1}) {
      Result<KnowledgeGraph> merged = read_graph(test::write(parts[first], format), format, "x");
      Result<KnowledgeGraph> other = read_graph(test::write(parts[1 - first], format), format, "y");
      REQUIRE(merged.ok());
      REQUIRE(other.ok());
      merged.value().merge(other.value());
      CHECK(test::write(merged.value(), format) == expected);
    }
  }
}

TEST_CASE("a file without confidence weights reads each relation as one reading") {
  const KnowledgeGraph g = weighed_parts()[0];
  for (const auto& entry :
       {std::pair{GraphFormat::kJsonLd, std::string("\"confidenceWeight\": ")},
        std::pair{GraphFormat::kGraphML, std::string("<data key=\"confidence_weight\">")}}) {
    // Named copies: doctest's CAPTURE cannot capture a structured binding in C++17.
    const GraphFormat format = entry.first;
    const std::string& weight = entry.second;
    CAPTURE(format);
    std::string text = test::write(g, format);
    // Takes the weights out, as a kgex from before them wrote the file.
    for (std::size_t at = text.find(weight); at != std::string::npos; at = text.find(weight)) {
      const std::size_t line = text.rfind('\n', at);
      text.erase(line, text.find('\n', at) - line);
    }
    Result<KnowledgeGraph> back = read_graph(text, format, "old");
    REQUIRE_MESSAGE(back.ok(), back.status().to_string());
    const Relation& develops = *back.value().relations().front().relation;
    CHECK(develops.confidence == 0.8336);
    CHECK(*develops.weight == confidence_weight(0.8336));
  }
}

TEST_CASE(
    "a weightless confidence outside [0, 1] is refused, and one at a rounding tie reads back") {
  const KnowledgeGraph g = weighed_parts()[0];
  for (const GraphFormat format : {GraphFormat::kJsonLd, GraphFormat::kGraphML}) {
    CAPTURE(format);
    const std::string text = test::write(g, format);
    const std::string printed = "0.8336";
    const std::string weight = format == GraphFormat::kJsonLd
                                   ? std::string("\"confidenceWeight\": ")
                                   : std::string("<data key=\"confidence_weight\">");
    // The relation's confidence, printed just before its weight (evidence prints one too).
    const std::size_t at =
        text.rfind(printed, text.find(std::to_string(3 * confidence_weight(0.45))));
    REQUIRE(at != std::string::npos);
    const auto without_weights = [&](std::string changed) {
      for (std::size_t w = changed.find(weight); w != std::string::npos; w = changed.find(weight)) {
        const std::size_t line = changed.rfind('\n', w);
        changed.erase(line, changed.find('\n', w) - line);
      }
      return changed;
    };
    std::string above = text;
    above.replace(at, printed.size(), "1.8");
    const Result<KnowledgeGraph> refused = read_graph(without_weights(above), format, "bad");
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.status().message().find("not between 0 and 1") != std::string::npos);
    // 0.12345 prints 0.1234 or 0.1235: its weight must print it back the same way.
    std::string tie = text;
    tie.replace(at, printed.size(), "0.12345");
    const Result<KnowledgeGraph> read = read_graph(without_weights(tie), format, "tie");
    REQUIRE_MESSAGE(read.ok(), read.status().to_string());
    const std::string written = test::write(read.value(), format);
    const Result<KnowledgeGraph> again = read_graph(written, format, "again");
    REQUIRE_MESSAGE(again.ok(), again.status().to_string());
    CHECK(test::write(again.value(), format) == written);
  }
}

TEST_CASE("an evidence record's confidence outside [0, 1] is refused with its place") {
  const KnowledgeGraph g = weighed_parts()[0];
  for (const GraphFormat format : {GraphFormat::kJsonLd, GraphFormat::kGraphML}) {
    CAPTURE(format);
    const std::string text = test::write(g, format);
    // Each evidence record's confidence, 0.45; the relation's is 0.8336.
    const std::string printed = "0.4500";
    const std::size_t at = text.find(printed);
    REQUIRE(at != std::string::npos);
    // 1e300 printed as a decimal once overflowed the writer's buffer and wrote no number at all.
    // Each replacement, and how the error message shows it.
    for (const auto& entry : {std::pair<std::string, std::string>{"1e300", "1e+300"},
                              {"-0.5", "-0.5"},
                              {"1.0001", "1.0001"}}) {
      // Named copies: CAPTURE cannot capture a structured binding before clang 16.
      const std::string& replacement = entry.first;
      const std::string& shown = entry.second;
      CAPTURE(replacement);
      std::string changed = text;
      changed.replace(at, printed.size(), replacement);
      const Result<KnowledgeGraph> back = read_graph(changed, format, "bad");
      REQUIRE_FALSE(back.ok());
      CHECK(back.status().code() == ErrorCode::kSchema);
      CHECK(back.status().where().file == "bad");
      CHECK_MESSAGE(back.status().message().find("confidence " + shown +
                                                 " is not between 0 and 1") != std::string::npos,
                    back.status().to_string());
      if (format == GraphFormat::kJsonLd) {
        CHECK(back.status().where().pointer == "/@graph/2/evidence/0/confidence");
      }
    }
  }
}

TEST_CASE("a confidence weight the confidence does not match is refused") {
  const KnowledgeGraph g = weighed_parts()[0];
  const std::string weight = std::to_string(3 * confidence_weight(0.45));
  const std::string other = std::to_string(confidence_weight(0.9));
  const std::string too_large = std::to_string(kMaxWeight + 1);
  for (const GraphFormat format : {GraphFormat::kJsonLd, GraphFormat::kGraphML}) {
    CAPTURE(format);
    const std::string text = test::write(g, format);
    const std::size_t at = text.find(weight);
    REQUIRE(at != std::string::npos);
    for (const auto& [replacement, words] :
         {std::pair{other, std::string("the confidence 0.8336 is not that of the weight")},
          std::pair{too_large, std::string("above the largest")}}) {
      std::string changed = text;
      changed.replace(at, weight.size(), replacement);
      Result<KnowledgeGraph> back = read_graph(changed, format, "bad");
      REQUIRE_FALSE(back.ok());
      CHECK(back.status().code() == ErrorCode::kSchema);
      CHECK_MESSAGE(back.status().message().find(words) != std::string::npos,
                    back.status().to_string());
    }
  }
}

}  // namespace
}  // namespace kgex
