#include <doctest/doctest.h>

#include <map>
#include <pugixml.hpp>
#include <set>

#include "exporters/gexf.h"
#include "tests/exporters/test_graphs.h"

namespace kgex {
namespace {

struct Parsed {
  pugi::xml_document doc;
  pugi::xml_node graph;
  std::map<std::string, std::string> node_titles;  // attribute id -> title
  std::map<std::string, std::string> edge_titles;
};

void parse(const std::string& text, Parsed& p) {
  const pugi::xml_parse_result result = p.doc.load_string(text.c_str());
  REQUIRE_MESSAGE(result, result.description());
  p.graph = p.doc.child("gexf").child("graph");
  for (pugi::xml_node attributes : p.graph.children("attributes")) {
    auto& titles = std::string(attributes.attribute("class").value()) == "node" ? p.node_titles
                                                                                : p.edge_titles;
    for (pugi::xml_node a : attributes.children("attribute")) {
      titles[a.attribute("id").value()] = a.attribute("title").value();
    }
  }
}

std::map<std::string, std::string> values(pugi::xml_node element,
                                          const std::map<std::string, std::string>& titles) {
  std::map<std::string, std::string> out;
  for (pugi::xml_node v : element.child("attvalues").children("attvalue")) {
    out[titles.at(v.attribute("for").value())] = v.attribute("value").value();
  }
  return out;
}

TEST_CASE("GEXF: root, namespaces, version and numeric attribute ids with titles") {
  Parsed p;
  parse(test::write(test::sample_graph(), GraphFormat::kGexf), p);
  const pugi::xml_node root = p.doc.child("gexf");
  CHECK(std::string(root.attribute("xmlns").value()) == "http://gexf.net/1.3");
  CHECK(std::string(root.attribute("xmlns:viz").value()) == "http://gexf.net/1.3/viz");
  CHECK(std::string(root.attribute("version").value()) == "1.3");
  CHECK(std::string(p.graph.attribute("defaultedgetype").value()) == "directed");
  CHECK(p.node_titles ==
        std::map<std::string, std::string>{{"0", "type"}, {"1", "aliases"}, {"2", "mentions"}});
  CHECK(p.edge_titles ==
        std::map<std::string, std::string>{
            {"0", "confidence"}, {"1", "support"}, {"2", "evidence"}, {"3", "documents"}});
}

TEST_CASE("GEXF: nodes carry label, type, integer viz:color and viz:size") {
  Parsed p;
  const std::string text = test::write(test::sample_graph(), GraphFormat::kGexf);
  parse(text, p);
  const pugi::xml_node sam =
      p.graph.child("nodes").find_child_by_attribute("node", "id", "person-샘-올트먼");
  CHECK(std::string(sam.attribute("label").value()) == "샘 올트먼");
  CHECK(values(sam, p.node_titles) ==
        std::map<std::string, std::string>{
            {"type", "Person"}, {"aliases", R"(["Sam Altman","sama"])"}, {"mentions", "3"}});
  CHECK(std::string(sam.child("viz:color").attribute("r").value()) == "66");
  CHECK(std::string(sam.child("viz:color").attribute("g").value()) == "133");
  CHECK(std::string(sam.child("viz:color").attribute("b").value()) == "244");
  CHECK(sam.child("viz:size").attribute("value").as_double() > 10.0);
  const pugi::xml_node tool =
      p.graph.child("nodes").find_child_by_attribute("node", "id", "tool-r-d-toolkit-c-tools");
  CHECK(std::string(tool.attribute("label").value()) == "R&D <Toolkit> \"β\" C:\\tools");
  CHECK(text.find("label=\"R&amp;D &lt;Toolkit> &quot;β&quot; C:\\tools\"") != std::string::npos);
}

TEST_CASE("GEXF: edges have label, kind and weight; parallel edges differ in kind") {
  Parsed p;
  parse(test::write(test::sample_graph(), GraphFormat::kGexf), p);
  std::set<std::string> kinds;
  std::size_t count = 0;
  for (pugi::xml_node e : p.graph.child("edges").children("edge")) {
    ++count;
    CHECK(std::string(e.attribute("label").value()) == e.attribute("kind").value());
    if (std::string(e.attribute("source").value()) == "person-샘-올트먼") {
      kinds.insert(e.attribute("kind").value());
    }
  }
  CHECK(count == 8);
  CHECK(kinds == std::set<std::string>{"leads", "works_at"});
  const pugi::xml_node leads = p.graph.child("edges").find_child_by_attribute(
      "edge", "id", "person-샘-올트먼--leads--organization-openai");
  CHECK(std::string(leads.attribute("weight").value()) == "0.9500");
  const auto v = values(leads, p.edge_titles);
  CHECK(v.at("confidence") == "0.9500");
  CHECK(v.at("support") == "2");
  CHECK(v.at("evidence") ==
        "Sam Altman\nleads OpenAI <again>.\n샘 올트먼은 OpenAI의 \"CEO\"이다 & 공동 창업자다.");
  CHECK(v.at("documents") == R"(["openai-en.txt","openai-ko.txt"])");
  const pugi::xml_node loop = p.graph.child("edges").find_child_by_attribute(
      "edge", "id", "product-chatgpt--part_of--product-chatgpt");
  CHECK(std::string(loop.attribute("source").value()) == loop.attribute("target").value());
}

TEST_CASE("GEXF: control characters are dropped; empty and one-node graphs; determinism") {
  const std::string text = test::write(test::sample_graph(), GraphFormat::kGexf);
  CHECK(text.find('\x01') == std::string::npos);
  CHECK(text == test::write(test::sample_graph(), GraphFormat::kGexf));
  Parsed empty;
  parse(test::write(KnowledgeGraph(), GraphFormat::kGexf), empty);
  CHECK_FALSE(empty.graph.child("nodes").child("node"));
  Parsed one;
  parse(test::write(test::one_node_graph(), GraphFormat::kGexf), one);
  CHECK(std::string(one.graph.child("nodes").child("node").attribute("label").value()) == "Python");
}

}  // namespace
}  // namespace kgex
