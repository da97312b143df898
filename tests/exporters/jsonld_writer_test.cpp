#include <doctest/doctest.h>
#include <rapidjson/document.h>

#include <set>
#include <string>

#include "exporters/jsonld.h"
#include "tests/exporters/test_graphs.h"

namespace kgex {
namespace {

using rapidjson::Value;

void parse(const std::string& text, rapidjson::Document& doc) {
  doc.Parse(text.c_str(), text.size());
  REQUIRE_FALSE(doc.HasParseError());
  REQUIRE(doc.IsObject());
}

const Value* node_with_id(const rapidjson::Document& doc, const std::string& id) {
  for (const Value& node : doc["@graph"].GetArray()) {
    if (node["@id"].GetString() == id) {
      return &node;
    }
  }
  return nullptr;
}

// Every "@id" string anywhere below `value`.
void collect_ids(const Value& value, std::vector<std::string>& out) {
  if (value.IsObject()) {
    for (const auto& m : value.GetObject()) {
      if (std::string(m.name.GetString()) == "@id" && m.value.IsString()) {
        out.push_back(m.value.GetString());
      }
      collect_ids(m.value, out);
    }
  } else if (value.IsArray()) {
    for (const Value& v : value.GetArray()) {
      collect_ids(v, out);
    }
  }
}

const std::string kBase = "https://w3id.org/kgex/";
const std::string kSam = kBase + "entity/person-%EC%83%98-%EC%98%AC%ED%8A%B8%EB%A8%BC";
const std::string kOpenAi = kBase + "entity/organization-openai";

TEST_CASE("JSON-LD: inline context with schema.org and kgex terms") {
  rapidjson::Document doc;
  parse(test::write(test::sample_graph(), GraphFormat::kJsonLd), doc);
  const Value& context = doc["@context"];
  REQUIRE(context.IsObject());
  CHECK(std::string(context["schema"].GetString()) == "https://schema.org/");
  CHECK(std::string(context["kg"].GetString()) == "https://w3id.org/kgex/vocab/");
  CHECK(std::string(context["Person"].GetString()) == "schema:Person");
  CHECK(std::string(context["Organization"].GetString()) == "schema:Organization");
  CHECK(std::string(context["Product"].GetString()) == "schema:Product");
  CHECK(std::string(context["name"].GetString()) == "schema:name");
  CHECK(std::string(context["alternateName"].GetString()) == "schema:alternateName");
  CHECK(std::string(context["Team"].GetString()) == "kg:Team");
  CHECK(std::string(context["Tool"].GetString()) == "kg:Tool");
  CHECK(std::string(context["develops"]["@id"].GetString()) == "kg:develops");
  CHECK(std::string(context["develops"]["@type"].GetString()) == "@id");
  CHECK(std::string(context["confidence"]["@type"].GetString()) == "xsd:double");
}

TEST_CASE("JSON-LD: every @id is an absolute, percent-encoded ASCII IRI") {
  rapidjson::Document doc;
  parse(test::write(test::sample_graph(), GraphFormat::kJsonLd), doc);
  std::vector<std::string> ids;
  collect_ids(doc["@graph"], ids);
  CHECK(ids.size() > 20);
  for (const std::string& id : ids) {
    CHECK_MESSAGE(id.rfind(kBase, 0) == 0, id);
    for (const char c : id) {
      const auto u = static_cast<unsigned char>(c);
      CHECK_MESSAGE(
          (u > 0x20 && u < 0x7F && std::string("\"<>{}|\\^`").find(c) == std::string::npos), id);
    }
  }
  CHECK(std::set<std::string>(ids.begin(), ids.end()).size() == ids.size());
}

TEST_CASE("JSON-LD: entities carry names, types and direct relation triples") {
  rapidjson::Document doc;
  parse(test::write(test::sample_graph(), GraphFormat::kJsonLd), doc);
  const Value* sam = node_with_id(doc, kSam);
  REQUIRE(sam != nullptr);
  CHECK(std::string((*sam)["@type"].GetString()) == "Person");
  CHECK(std::string((*sam)["name"].GetString()) == "샘 올트먼");
  CHECK((*sam)["alternateName"].Size() == 2);
  CHECK((*sam)["mentionCount"].GetUint64() == 3);
  CHECK((*sam)["mention"].Size() == 2);
  CHECK(std::string((*sam)["leads"][0].GetString()) == kOpenAi);
  CHECK(std::string((*sam)["works_at"][0].GetString()) == kOpenAi);
  const Value* tool = node_with_id(doc, kBase + "entity/tool-r-d-toolkit-c-tools");
  REQUIRE(tool != nullptr);
  CHECK(std::string((*tool)["name"].GetString()) == "R&D <Toolkit> \"β\" C:\\tools");
  CHECK(std::string((*tool)["@type"].GetString()) == "Tool");
}

TEST_CASE("JSON-LD: relation nodes carry type, ends, confidence, support and evidence") {
  rapidjson::Document doc;
  parse(test::write(test::sample_graph(), GraphFormat::kJsonLd), doc);
  const std::string id =
      kBase + "relation/person-%EC%83%98-%EC%98%AC%ED%8A%B8%EB%A8%BC--leads--organization-openai";
  const Value* leads = node_with_id(doc, id);
  REQUIRE(leads != nullptr);
  CHECK(std::string((*leads)["@type"].GetString()) == "Relation");
  CHECK(std::string((*leads)["relationType"].GetString()) == "leads");
  CHECK(std::string((*leads)["source"].GetString()) == kSam);
  CHECK(std::string((*leads)["target"].GetString()) == kOpenAi);
  CHECK((*leads)["confidence"].GetDouble() == 0.95);
  CHECK((*leads)["support"].GetUint64() == 2);
  const Value& evidence = (*leads)["evidence"];
  REQUIRE(evidence.Size() == 2);
  CHECK(std::string(evidence[0]["@id"].GetString()) == id + "/evidence/1");
  CHECK(std::string(evidence[0]["sentence"].GetString()) == "Sam Altman\nleads OpenAI <again>.");
  CHECK(std::string(evidence[0]["document"].GetString()) == "openai-en.txt");
  CHECK(evidence[0]["byteStart"].GetUint64() == 40);
  CHECK(evidence[0]["charEnd"].GetUint64() == 36);
  CHECK(std::string(evidence[0]["rule"].GetString()) == "en.leads");
  CHECK(std::string(evidence[1]["sentence"].GetString()) ==
        "샘 올트먼은 OpenAI의 \"CEO\"이다 & 공동 창업자다.");
  // Parallel edge of another type: its own node; self-loop and symmetric too.
  CHECK(
      node_with_id(
          doc, kBase +
                   "relation/"
                   "person-%EC%83%98-%EC%98%AC%ED%8A%B8%EB%A8%BC--works_at--organization-openai") !=
      nullptr);
  CHECK(node_with_id(doc, kBase + "relation/product-chatgpt--part_of--product-chatgpt") != nullptr);
  CHECK(node_with_id(
            doc, kBase + "relation/organization-anthropic--competes_with--organization-openai") !=
        nullptr);
}

TEST_CASE("JSON-LD: numbers have 4 decimals, text is cleaned, output is deterministic") {
  const std::string text = test::write(test::sample_graph(), GraphFormat::kJsonLd);
  CHECK(text.find("\"confidence\": 0.1235") != std::string::npos);
  CHECK(text.find("\"confidence\": 1.0000") != std::string::npos);
  CHECK(text.find("\\u0001") == std::string::npos);
  CHECK(text.find('\x01') == std::string::npos);
  CHECK(text == test::write(test::sample_graph(), GraphFormat::kJsonLd));
}

TEST_CASE("JSON-LD: empty graph and one node") {
  rapidjson::Document empty;
  parse(test::write(KnowledgeGraph(), GraphFormat::kJsonLd), empty);
  CHECK(empty["@graph"].Size() == 0);
  rapidjson::Document one;
  parse(test::write(test::one_node_graph(), GraphFormat::kJsonLd), one);
  REQUIRE(one["@graph"].Size() == 1);
  CHECK(std::string(one["@graph"][0]["@id"].GetString()) == kBase + "entity/tool-python");
}

TEST_CASE("JSON-LD: the base IRI is an option and must be absolute") {
  std::ostringstream out;
  REQUIRE(write_graph(test::one_node_graph(), GraphFormat::kJsonLd, out,
                      {.base_iri = "urn:example:kg:"})
              .ok());
  CHECK(out.str().find("\"@id\": \"urn:example:kg:entity/tool-python\"") != std::string::npos);
  std::ostringstream bad;
  const Status s =
      write_graph(test::one_node_graph(), GraphFormat::kJsonLd, bad, {.base_iri = "kg/"});
  CHECK(s.code() == ErrorCode::kInvalidArgument);
  CHECK(bad.str().empty());
}

}  // namespace
}  // namespace kgex
