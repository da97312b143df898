#include <doctest/doctest.h>

#include "exporters/detail/json.h"
#include "exporters/detail/text.h"
#include "exporters/jsonld.h"
#include "tests/exporters/test_graphs.h"

namespace kgex {
namespace {

Result<KnowledgeGraph> read(std::string_view text) {
  return read_graph(text, GraphFormat::kJsonLd, "in.jsonld");
}

const std::string kContext = R"("@context": {"kg": "https://w3id.org/kgex/vocab/"})";
const std::string kA = R"({"@id": "https://x/a", "@type": "Person", "name": "A"})";
const std::string kB = R"({"@id": "https://x/b", "@type": "Organization", "name": "B"})";

std::string doc(const std::string& nodes) {
  return "{" + kContext + ",\n \"@graph\": [" + nodes + "]}";
}

void check_schema_error(const Result<KnowledgeGraph>& result, const std::string& pointer,
                        const std::string& words) {
  REQUIRE_FALSE(result.ok());
  const Status& s = result.status();
  CHECK(s.code() == ErrorCode::kSchema);
  CHECK(s.where().file == "in.jsonld");
  CHECK(s.where().pointer == pointer);
  CHECK_MESSAGE(s.message().find(words) != std::string::npos, s.to_string());
}

TEST_CASE("JSON-LD round trip: write, read, write gives the same bytes and model") {
  for (const KnowledgeGraph& g : {test::sample_graph(), test::one_node_graph(), KnowledgeGraph()}) {
    const std::string first = test::write(g, GraphFormat::kJsonLd);
    Result<KnowledgeGraph> back = read(first);
    REQUIRE_MESSAGE(back.ok(), back.status().to_string());
    CHECK(test::dump(back.value()) == exporters::clean_text(test::dump(g)));
    CHECK(test::write(back.value(), GraphFormat::kJsonLd) == first);
  }
}

TEST_CASE("JSON-LD reader accepts a minimal hand-written document") {
  Result<KnowledgeGraph> g = read(doc(kA + ", " + kB + R"(,
    {"@id": "https://x/r", "@type": "Relation", "relationType": "works_at",
     "source": "https://x/a", "target": "https://x/b", "confidence": 0.5})"));
  REQUIRE_MESSAGE(g.ok(), g.status().to_string());
  CHECK(g.value().entity_count() == 2);
  REQUIRE(g.value().relation_count() == 1);
  CHECK(g.value().relations()[0].relation->confidence == 0.5);
}

TEST_CASE("JSON-LD reader: syntax errors carry offset and line") {
  SUBCASE("malformed JSON") {
    const Result<KnowledgeGraph> r = read("{\n  \"@graph\": [,]\n}");
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().code() == ErrorCode::kParse);
    CHECK(r.status().where().file == "in.jsonld");
    CHECK(r.status().where().line == 2);
    CHECK(r.status().where().offset == 15);  // the comma
  }
  SUBCASE("truncated") {
    const std::string full = test::write(test::sample_graph(), GraphFormat::kJsonLd);
    const Result<KnowledgeGraph> r = read(full.substr(0, full.size() / 2));
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().code() == ErrorCode::kParse);
  }
  SUBCASE("deep nesting stops at the limit, without recursion") {
    const std::string deep = std::string(100000, '[') + std::string(100000, ']');
    const Result<KnowledgeGraph> r = read(deep);
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().code() == ErrorCode::kParse);
    CHECK(r.status().message().find("nested deeper than 64") != std::string::npos);
    CHECK(r.status().where().offset == 64);
  }
  SUBCASE("an escaped NUL, control character or noncharacter in a string") {
    for (const std::string escape : {"\\u0000", "\\u001f", "\\uFFFF"}) {
      CAPTURE(escape);
      const Result<KnowledgeGraph> r =
          read(doc(R"({"@id": "https://x/a", "@type": "Person", "name": "a)" + escape + "b\"}"));
      REQUIRE_FALSE(r.ok());
      CHECK(r.status().code() == ErrorCode::kParse);
      CHECK(r.status().message().find("a JSON string holds character U+") == 0);
    }
  }
  SUBCASE("a fraction with hundreds of leading zeros reads as a tiny number") {
    // RapidJSON's full-precision path read out of bounds here (tests/fuzz/regressions/jsonld).
    rapidjson::Document parsed;
    REQUIRE(exporters::parse_json("[0." + std::string(340, '0') + "229577544]", parsed).ok());
    CHECK(parsed[0].GetDouble() >= 0.0);
    CHECK(parsed[0].GetDouble() < 1e-300);
  }
  SUBCASE("invalid UTF-8") {
    const Result<KnowledgeGraph> r =
        read(doc(R"({"@id": "https://x/a", "@type": "Person", "name": ")"
                 "\xff"
                 "\"}"));
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().code() == ErrorCode::kParse);
  }
}

TEST_CASE("JSON-LD reader: schema errors carry a JSON Pointer") {
  SUBCASE("not an object") { check_schema_error(read("[]"), "", "not a JSON object"); }
  SUBCASE("remote context") {
    check_schema_error(read(R"({"@context": "https://schema.org/", "@graph": []})"), "/@context",
                       "inline");
  }
  SUBCASE("foreign vocabulary") {
    check_schema_error(read(R"({"@context": {"kg": "https://example.org/"}, "@graph": []})"),
                       "/@context/kg", "not a kgex graph");
  }
  SUBCASE("missing @graph") {
    check_schema_error(read("{" + kContext + "}"), "/@graph", "missing");
  }
  SUBCASE("unknown node type") {
    check_schema_error(
        read(doc(kA + R"(, {"@id": "https://x/p", "@type": "Place", "name": "Seoul"})")),
        "/@graph/1/@type", "unknown node type \"Place\"");
  }
  SUBCASE("entity without a name") {
    check_schema_error(read(doc(R"({"@id": "https://x/a", "@type": "Tool"})")), "/@graph/0/name",
                       "missing name");
  }
  SUBCASE("relation to an unknown entity") {
    check_schema_error(read(doc(kA + ", " + kB + R"(,
      {"@id": "https://x/r", "@type": "Relation", "relationType": "works_at",
       "source": "https://x/a", "target": "https://x/nobody", "confidence": 0.5})")),
                       "/@graph/2/target", "is not an entity @id");
  }
  SUBCASE("unknown relation type") {
    check_schema_error(read(doc(kA + ", " + kB + R"(,
      {"@id": "https://x/r", "@type": "Relation", "relationType": "likes",
       "source": "https://x/a", "target": "https://x/b", "confidence": 0.5})")),
                       "/@graph/2/relationType", "not a relation type");
  }
  SUBCASE("bad evidence offsets") {
    check_schema_error(read(doc(kA + ", " + kB + R"(,
      {"@id": "https://x/r", "@type": "Relation", "relationType": "works_at",
       "source": "https://x/a", "target": "https://x/b", "confidence": 0.5,
       "evidence": [{"document": "d", "sentence": "s", "byteStart": -1, "byteEnd": 2,
                     "charStart": 0, "charEnd": 1, "confidence": 0.5}]})")),
                       "/@graph/2/evidence/0/byteStart", "non-negative integer");
  }
  SUBCASE("direct triple without a relation node") {
    check_schema_error(
        read(doc(
            R"({"@id": "https://x/a", "@type": "Person", "name": "A", "works_at": ["https://x/b"]}, )" +
            kB)),
        "/@graph/0/works_at/0", "has no Relation node");
  }
  SUBCASE("unknown member") {
    check_schema_error(
        read(doc(R"({"@id": "https://x/a", "@type": "Person", "name": "A", "age": 3})")),
        "/@graph/0/age", "unknown member");
  }
  SUBCASE("duplicate entity") {
    check_schema_error(read(doc(kA + ", " + kA)), "/@graph/1/@id", "duplicate");
  }
  SUBCASE("pointer tokens escape ~ and /") {
    check_schema_error(
        read(doc(R"({"@id": "https://x/a", "@type": "Person", "name": "A", "a/b~c": 1})")),
        "/@graph/0/a~1b~0c", "unknown member");
  }
}

}  // namespace
}  // namespace kgex
