#include <doctest/doctest.h>

#include "exporters/detail/text.h"
#include "exporters/graphml.h"
#include "tests/exporters/test_graphs.h"

namespace kgex {
namespace {

Result<KnowledgeGraph> read(std::string_view text) {
  return read_graph(text, GraphFormat::kGraphML, "in.graphml");
}

// A minimal kgex GraphML file around `body` (the contents of <graph>).
std::string graphml(const std::string& body) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
         "  <key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n"
         "  <key id=\"type\" for=\"node\" attr.name=\"type\" attr.type=\"string\"/>\n"
         "  <key id=\"edge_label\" for=\"edge\" attr.name=\"label\" attr.type=\"string\"/>\n"
         "  <key id=\"provenance\" for=\"edge\" attr.name=\"provenance\" attr.type=\"string\"/>\n"
         "  <graph id=\"g\" edgedefault=\"directed\">\n" +
         body + "  </graph>\n</graphml>\n";
}

const std::string kTwoNodes =
    "    <node id=\"a\"><data key=\"label\">A</data><data key=\"type\">Person</data></node>\n"
    "    <node id=\"b\"><data key=\"label\">B</data><data "
    "key=\"type\">Organization</data></node>\n";

void check_error(const Result<KnowledgeGraph>& result, ErrorCode code, long line,
                 const std::string& words) {
  REQUIRE_FALSE(result.ok());
  const Status& s = result.status();
  CHECK(s.code() == code);
  CHECK(s.where().file == "in.graphml");
  CHECK(s.where().line == line);
  CHECK_MESSAGE(s.message().find(words) != std::string::npos, s.to_string());
}

TEST_CASE("GraphML round trip: write, read, write gives the same bytes and model") {
  for (const KnowledgeGraph& g : {test::sample_graph(), test::one_node_graph(), KnowledgeGraph()}) {
    const std::string first = test::write(g, GraphFormat::kGraphML);
    Result<KnowledgeGraph> back = read(first);
    REQUIRE_MESSAGE(back.ok(), back.status().to_string());
    // Equal up to the control character the writer drops (see clean_text).
    CHECK(test::dump(back.value()) == exporters::clean_text(test::dump(g)));
    CHECK(test::write(back.value(), GraphFormat::kGraphML) == first);
  }
}

TEST_CASE("GraphML reader restores every field") {
  Result<KnowledgeGraph> back = read(test::write(test::sample_graph(), GraphFormat::kGraphML));
  REQUIRE(back.ok());
  const KnowledgeGraph& g = back.value();
  const Entity& sam = g.entity(*g.find("Sam Altman", EntityType::kPerson));
  CHECK(sam.name == "샘 올트먼");
  CHECK(sam.mention_count == 3);
  REQUIRE(sam.mentions.size() == 2);
  CHECK(sam.mentions[1] ==
        Mention{.document = "openai-ko.txt", .bytes = {120, 133}, .chars = {60, 65}});
  const auto out = g.out_relations(*g.find("샘 올트먼", EntityType::kPerson));
  REQUIRE(out.size() == 2);
  const Relation& leads = *out[1].relation;
  CHECK(leads.type == RelationType::kLeads);
  CHECK(leads.support == 2);
  REQUIRE(leads.evidence.size() == 2);
  CHECK(leads.evidence[0].sentence == "Sam Altman\nleads OpenAI <again>.");
  CHECK(leads.evidence[0].rule == "en.leads");
  CHECK(leads.evidence[1].bytes == Span{0, 61});
}

TEST_CASE("GraphML reader keeps long evidence and whitespace-only names") {
  KnowledgeGraph g;
  const EntityId a = g.add_entity(test::entity("  ", EntityType::kTool));
  const EntityId b = g.add_entity(test::entity("B", EntityType::kProduct));
  g.add_relation(b, a,
                 test::relation(RelationType::kUses, 0.25,
                                {test::evidence("d", test::long_sentence(), 5, "", 0.25)}));
  Result<KnowledgeGraph> back = read(test::write(g, GraphFormat::kGraphML));
  REQUIRE_MESSAGE(back.ok(), back.status().to_string());
  CHECK(test::dump(back.value()) == test::dump(g));
}

TEST_CASE("GraphML reader errors name the file and line") {
  SUBCASE("truncated XML") {
    const std::string full = graphml(kTwoNodes);
    check_error(read(full.substr(0, full.find("<node id=\"b\"") + 8)), ErrorCode::kParse, 9,
                "malformed XML");
  }
  SUBCASE("not XML at all") {
    check_error(read("{\"@graph\": []}"), ErrorCode::kParse, 1, "malformed XML");
  }
  SUBCASE("wrong root") {
    check_error(read("<?xml version=\"1.0\"?>\n<gexf xmlns=\"http://gexf.net/1.3\"/>\n"),
                ErrorCode::kSchema, 2, "expected <graphml>");
  }
  SUBCASE("GraphML without its namespace") {
    check_error(read("<graphml>\n<graph edgedefault=\"directed\"/></graphml>"), ErrorCode::kSchema,
                1, "namespace");
  }
  SUBCASE("edge to an unknown node") {
    check_error(read(graphml(kTwoNodes + "    <edge source=\"a\" target=\"zz\"><data "
                                         "key=\"edge_label\">works_at</data></edge>\n")),
                ErrorCode::kSchema, 10, "target \"zz\" is not a node");
  }
  SUBCASE("edge label that is not a relation type") {
    check_error(read(graphml(kTwoNodes + "    <edge source=\"a\" target=\"b\"><data "
                                         "key=\"edge_label\">likes</data></edge>\n")),
                ErrorCode::kSchema, 10, "\"likes\" is not a relation type");
  }
  SUBCASE("node without a type") {
    check_error(read(graphml("    <node id=\"a\"><data key=\"label\">A</data></node>\n")),
                ErrorCode::kSchema, 8, "has no type");
  }
  SUBCASE("undeclared key") {
    check_error(read(graphml("    <node id=\"a\">\n<data key=\"d0\">x</data></node>\n")),
                ErrorCode::kSchema, 9, "undeclared key");
  }
  SUBCASE("duplicate node id") {
    check_error(
        read(graphml(kTwoNodes + "    <node id=\"a\"><data key=\"type\">Tool</data></node>\n")),
        ErrorCode::kSchema, 10, "duplicate node id");
  }
  SUBCASE("malformed JSON inside provenance, with its pointer") {
    const Result<KnowledgeGraph> r = read(graphml(
        kTwoNodes +
        "    <edge source=\"a\" target=\"b\"><data key=\"edge_label\">works_at</data>\n"
        "      <data key=\"provenance\">[{\"document\": \"d\", \"sentence\": 5}]</data></edge>\n"));
    check_error(r, ErrorCode::kSchema, 11, "provenance: expected a string");
    CHECK(r.status().where().pointer == "/0/sentence");
  }
  SUBCASE("a DOCTYPE is refused and its entities never expanded") {
    check_error(read("<?xml version=\"1.0\"?>\n<!DOCTYPE graphml [<!ENTITY x \"boom\">]>\n"
                     "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">&x;</graphml>"),
                ErrorCode::kParse, 2, "DOCTYPE");
  }
  SUBCASE("invalid UTF-8, a control character or a reference to one is refused") {
    const std::string bad_bytes[] = {"\xe0V", "\x01", "\xef\xbf\xbf", "&#0;", "&#x1;", "&#xFFFE;"};
    for (const std::string& bad : bad_bytes) {
      CAPTURE(bad);
      const std::string text = graphml("    <node id=\"a\"><data key=\"label\">A" + bad +
                                       "B</data><data key=\"type\">Person</data></node>\n");
      const Result<KnowledgeGraph> r = read(text);
      check_error(r, ErrorCode::kParse, 8, "malformed XML");
      CHECK(r.status().where().offset == static_cast<long>(text.find(bad)));
    }
  }
  SUBCASE("a NUL inside JSON-valued data is refused") {
    check_error(read(graphml(kTwoNodes + "    <edge source=\"a\" target=\"b\"><data "
                                         "key=\"edge_label\">works_at</data>\n"
                                         "      <data key=\"provenance\">[{\"document\": "
                                         "\"d\\u0000\"}]</data></edge>\n")),
                ErrorCode::kParse, 11, "U+0000");
  }
  SUBCASE("two nodes naming the same entity") {
    check_error(read(graphml("    <node id=\"a\"><data key=\"label\">OpenAI</data><data "
                             "key=\"type\">Organization</data></node>\n"
                             "    <node id=\"b\"><data key=\"label\">openai</data><data "
                             "key=\"type\">Organization</data></node>\n")),
                ErrorCode::kSchema, 9, "same entity");
  }
}

TEST_CASE("GraphML reader accepts references to allowed characters") {
  const Result<KnowledgeGraph> r = read(
      graphml("    <node id=\"a\"><data key=\"label\">A&#9;&#x20;&#xAC00;&#65533;B</data><data "
              "key=\"type\">Person</data></node>\n"));
  REQUIRE_MESSAGE(r.ok(), r.status().to_string());
  CHECK(r.value().entity(0).name ==
        "A\t \xea\xb0\x80\xef\xbf\xbd"
        "B");
}

TEST_CASE("read_graph names the source in to_string()") {
  const Result<KnowledgeGraph> r = read("<graphml");
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().to_string().rfind("in.graphml:1: malformed XML", 0) == 0);
}

}  // namespace
}  // namespace kgex
