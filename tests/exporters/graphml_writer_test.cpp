#include <doctest/doctest.h>

#include <map>
#include <pugixml.hpp>
#include <set>

#include "exporters/graphml.h"
#include "tests/exporters/test_graphs.h"

namespace kgex {
namespace {

struct Parsed {
  pugi::xml_document doc;
  pugi::xml_node graph;
  std::map<std::string, std::string> key_names;  // key id -> attr.name
};

void parse(const std::string& text, Parsed& p) {
  const pugi::xml_parse_result result = p.doc.load_string(text.c_str());
  REQUIRE_MESSAGE(result, result.description());
  p.graph = p.doc.child("graphml").child("graph");
  for (pugi::xml_node key : p.doc.child("graphml").children("key")) {
    p.key_names[key.attribute("id").value()] = key.attribute("attr.name").value();
  }
}

// The <data> values of `element` by attr.name.
std::map<std::string, std::string> data(const Parsed& p, pugi::xml_node element) {
  std::map<std::string, std::string> out;
  for (pugi::xml_node d : element.children("data")) {
    out[p.key_names.at(d.attribute("key").value())] = d.text().get();
  }
  return out;
}

pugi::xml_node node_by_id(const Parsed& p, const char* id) {
  return p.graph.find_child_by_attribute("node", "id", id);
}

TEST_CASE("GraphML: root, namespace, directed graph and descriptive keys") {
  Parsed p;
  parse(test::write(test::sample_graph(), GraphFormat::kGraphML), p);
  const pugi::xml_node root = p.doc.child("graphml");
  CHECK(std::string(root.attribute("xmlns").value()) == "http://graphml.graphdrawing.org/xmlns");
  CHECK(std::string(p.graph.attribute("edgedefault").value()) == "directed");
  const std::set<std::string> types = {"boolean", "int", "long", "float", "double", "string"};
  std::set<std::pair<std::string, std::string>> declared;
  for (pugi::xml_node key : root.children("key")) {
    const std::string id = key.attribute("id").value();
    const std::string for_what = key.attribute("for").value();
    CHECK((for_what == "node" || for_what == "edge"));
    CHECK(types.count(key.attribute("attr.type").value()) == 1);
    CHECK_FALSE(
        (id.size() >= 2 && id[0] == 'd' && std::isdigit(static_cast<unsigned char>(id[1]))));
    declared.emplace(for_what, key.attribute("attr.name").value());
  }
  for (const char* name : {"label", "type", "aliases", "mentions", "r", "g", "b", "size"}) {
    CHECK_MESSAGE(declared.count({"node", name}) == 1, name);
  }
  for (const char* name :
       {"label", "weight", "confidence", "support", "evidence", "documents", "provenance"}) {
    CHECK_MESSAGE(declared.count({"edge", name}) == 1, name);
  }
  const pugi::xpath_node_set all_data = p.doc.select_nodes("//data");
  CHECK(all_data.size() > 0);
  for (const pugi::xpath_node& d : all_data) {
    CHECK(p.key_names.count(d.node().attribute("key").value()) == 1);
  }
}

TEST_CASE("GraphML: node attributes, colours and escaped text") {
  Parsed p;
  const std::string text = test::write(test::sample_graph(), GraphFormat::kGraphML);
  parse(text, p);
  auto sam = data(p, node_by_id(p, "person-샘-올트먼"));
  CHECK(sam["label"] == "샘 올트먼");
  CHECK(sam["type"] == "Person");
  CHECK(sam["aliases"] == R"(["Sam Altman","sama"])");
  CHECK(sam["mentions"] == "3");
  CHECK(sam["r"] == "66");
  CHECK(sam["g"] == "133");
  CHECK(sam["b"] == "244");
  auto tool = data(p, node_by_id(p, "tool-r-d-toolkit-c-tools"));
  CHECK(tool["label"] == "R&D <Toolkit> \"β\" C:\\tools");
  CHECK(text.find("R&amp;D &lt;Toolkit&gt;") != std::string::npos);
  CHECK(data(p, node_by_id(p, "person-ilya-sutskever"))["label"] == "Ilya 🚀 Sutskever");
}

TEST_CASE("GraphML: edges keep parallel relations, self-loops and evidence") {
  Parsed p;
  const std::string text = test::write(test::sample_graph(), GraphFormat::kGraphML);
  parse(text, p);
  std::multiset<std::string> labels_between_sam_and_openai;
  std::size_t edges = 0;
  for (pugi::xml_node e : p.graph.children("edge")) {
    ++edges;
    if (std::string(e.attribute("source").value()) == "person-샘-올트먼" &&
        std::string(e.attribute("target").value()) == "organization-openai") {
      labels_between_sam_and_openai.insert(data(p, e)["label"]);
    }
  }
  CHECK(edges == 8);
  CHECK(labels_between_sam_and_openai == std::multiset<std::string>{"leads", "works_at"});
  const pugi::xml_node loop =
      p.graph.find_child_by_attribute("edge", "id", "product-chatgpt--part_of--product-chatgpt");
  CHECK(std::string(loop.attribute("source").value()) == "product-chatgpt");
  CHECK(std::string(loop.attribute("target").value()) == "product-chatgpt");
  auto leads = data(p, p.graph.find_child_by_attribute(
                           "edge", "id", "person-샘-올트먼--leads--organization-openai"));
  CHECK(leads["weight"] == "0.9500");
  CHECK(leads["confidence"] == "0.9500");
  CHECK(leads["support"] == "2");
  CHECK(leads["evidence"] ==
        "Sam Altman\nleads OpenAI <again>.\n샘 올트먼은 OpenAI의 \"CEO\"이다 & 공동 창업자다.");
  CHECK(leads["documents"] == R"(["openai-en.txt","openai-ko.txt"])");
  auto works = data(p, p.graph.find_child_by_attribute(
                           "edge", "id", "person-샘-올트먼--works_at--organization-openai"));
  CHECK(works["evidence"] == "그는 OpenAI에서 일한다.");  // the U+0001 is gone
  CHECK(text.find('\x01') == std::string::npos);
}

TEST_CASE("GraphML: empty graph, one node, very long evidence") {
  Parsed empty;
  parse(test::write(KnowledgeGraph(), GraphFormat::kGraphML), empty);
  CHECK(empty.graph);
  CHECK_FALSE(empty.graph.child("node"));

  Parsed one;
  parse(test::write(test::one_node_graph(), GraphFormat::kGraphML), one);
  CHECK(data(one, node_by_id(one, "tool-python"))["label"] == "Python");
  CHECK_FALSE(one.graph.child("edge"));

  KnowledgeGraph g = test::one_node_graph();
  const EntityId org = g.add_entity(test::entity("파이썬 재단", EntityType::kOrganization));
  const std::string sentence = test::long_sentence();
  g.add_relation(
      org, 0,
      test::relation(RelationType::kDevelops, 0.5, {test::evidence("doc", sentence, 0, "r", 0.5)}));
  Parsed big;
  parse(test::write(g, GraphFormat::kGraphML), big);
  CHECK(data(big, big.graph.child("edge"))["evidence"] == sentence);
}

TEST_CASE("GraphML: output is deterministic") {
  const KnowledgeGraph g = test::sample_graph();
  const KnowledgeGraph copy = g;
  CHECK(test::write(g, GraphFormat::kGraphML) == test::write(copy, GraphFormat::kGraphML));
  CHECK(test::write(g, GraphFormat::kGraphML) ==
        test::write(test::sample_graph(), GraphFormat::kGraphML));
}

}  // namespace
}  // namespace kgex
