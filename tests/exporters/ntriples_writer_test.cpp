#include <doctest/doctest.h>

#include <regex>
#include <set>
#include <sstream>

#include "exporters/ntriples.h"
#include "tests/exporters/test_graphs.h"

namespace kgex {
namespace {

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    out.push_back(line);
  }
  return out;
}

const std::string kSam =
    "<https://w3id.org/kgex/entity/person-%EC%83%98-%EC%98%AC%ED%8A%B8%EB%A8%BC>";
const std::string kVocab = "https://w3id.org/kgex/vocab/";

TEST_CASE("ntriples_literal escapes per N-Triples") {
  using exporters::ntriples_literal;
  CHECK(ntriples_literal("a \"b\" \\ c") == R"("a \"b\" \\ c")");
  CHECK(ntriples_literal("x\ny\tz") == R"("x\ny\tz")");
  CHECK(ntriples_literal("cr\rx\x01") == R"("cr\nx")");
  CHECK(ntriples_literal("샘 🚀 <&>") == "\"샘 🚀 <&>\"");
}

TEST_CASE("N-Triples: one well-formed triple per line, no blank nodes") {
  const std::string text = test::write(test::sample_graph(), GraphFormat::kNTriples);
  const std::regex iri(R"(<[^<>"{}|^`\\\x00-\x20]+>)");
  const std::regex triple(
      R"(^<[^<>"{}|^`\\\x00-\x20]+> <[^<>"{}|^`\\\x00-\x20]+> (<[^<>"{}|^`\\\x00-\x20]+>|"([^"\\\n\r]|\\["\\ntr])*"(\^\^<[^<>]+>)?) \.$)");
  const std::vector<std::string> all = lines(text);
  CHECK(all.size() > 100);
  for (const std::string& line : all) {
    CHECK_MESSAGE(std::regex_match(line, triple), line);
  }
  CHECK(std::set<std::string>(all.begin(), all.end()).size() == all.size());
}

TEST_CASE("N-Triples: the same vocabulary and IRIs as the JSON-LD") {
  const std::string text = test::write(test::sample_graph(), GraphFormat::kNTriples);
  const auto has = [&](const std::string& line) {
    return text.find(line + " .\n") != std::string::npos;
  };
  CHECK(
      has(kSam + " <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://schema.org/Person>"));
  CHECK(has(kSam + " <https://schema.org/name> \"샘 올트먼\""));
  CHECK(has(kSam + " <https://schema.org/alternateName> \"Sam Altman\""));
  CHECK(has(kSam + " <" + kVocab + "leads> <https://w3id.org/kgex/entity/organization-openai>"));
  CHECK(has(kSam + " <" + kVocab +
            "mentionCount> \"3\"^^<http://www.w3.org/2001/XMLSchema#integer>"));
  CHECK(
      has("<https://w3id.org/kgex/entity/team-superalignment-%ED%8C%80> "
          "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <" +
          kVocab + "Team>"));
  const std::string rel =
      "<https://w3id.org/kgex/relation/organization-openai--develops--product-chatgpt>";
  CHECK(has(rel + " <" + kVocab + "relationType> <" + kVocab + "develops>"));
  CHECK(has(rel + " <" + kVocab +
            "confidence> \"1.235E-1\"^^<http://www.w3.org/2001/XMLSchema#double>"));
  CHECK(
      has("<https://w3id.org/kgex/entity/tool-r-d-toolkit-c-tools> <https://schema.org/name> "
          R"("R&D <Toolkit> \"β\" C:\\tools")"));
  CHECK(text.find("Sam Altman\\nleads OpenAI <again>.") != std::string::npos);
}

TEST_CASE("N-Triples: empty graph, determinism") {
  CHECK(test::write(KnowledgeGraph(), GraphFormat::kNTriples).empty());
  CHECK(test::write(test::sample_graph(), GraphFormat::kNTriples) ==
        test::write(test::sample_graph(), GraphFormat::kNTriples));
}

}  // namespace
}  // namespace kgex
