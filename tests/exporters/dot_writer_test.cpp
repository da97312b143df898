#include <doctest/doctest.h>

#include "exporters/dot.h"
#include "tests/exporters/test_graphs.h"

namespace kgex {
namespace {

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST_CASE("dot_quote escapes quotes, backslashes and newlines") {
  using exporters::dot_quote;
  CHECK(dot_quote("plain") == "\"plain\"");
  CHECK(dot_quote("say \"hi\"") == "\"say \\\"hi\\\"\"");
  CHECK(dot_quote("C:\\") == "\"C:\\\\\"");
  CHECK(dot_quote("two\nlines") == "\"two\\nlines\"");
  CHECK(dot_quote("cr\r\nlf") == "\"cr\\nlf\"");
  CHECK(dot_quote("tab\there") == "\"tab here\"");
  CHECK(dot_quote("<b>&amp;</b>") == "\"<b>&amp;</b>\"");
  CHECK(dot_quote("ctrl\x01x") == "\"ctrlx\"");
  CHECK(dot_quote("\\N keeps its backslash") == "\"\\\\N keeps its backslash\"");
  CHECK(dot_quote("샘 🚀") == "\"샘 🚀\"");
}

TEST_CASE("DOT: fonts, legend, quoted ids and labels") {
  const std::string dot = test::write(test::sample_graph(), GraphFormat::kDot);
  CHECK(dot.rfind("digraph \"kgex\" {\n", 0) == 0);
  CHECK(has(dot, "graph [charset=\"UTF-8\", fontname=\"NanumGothic\""));
  CHECK(has(dot, "node [fontname=\"NanumGothic\""));
  CHECK(has(dot, "edge [fontname=\"NanumGothic\""));
  CHECK(has(dot, "subgraph \"cluster_legend\" {"));
  CHECK(has(dot, "\"legend-team\" [label=\"Team\", shape=\"box\", style=\"rounded,filled\""));
  CHECK(has(dot, "\"person-샘-올트먼\" [label=\"샘 올트먼\", shape=\"ellipse\""));
  CHECK(has(dot, "fillcolor=\"#4285f4\""));
  CHECK(has(dot, "[label=\"R&D <Toolkit> \\\"β\\\" C:\\\\tools\", shape=\"component\""));
  CHECK(dot.back() == '\n');
  CHECK(dot.find('\x01') == std::string::npos);
}

TEST_CASE("DOT: edges labelled by type with penwidth by confidence") {
  const std::string dot = test::write(test::sample_graph(), GraphFormat::kDot);
  CHECK(has(dot,
            "\"person-샘-올트먼\" -> \"organization-openai\" [label=\"leads 0.9500\", "
            "penwidth=\"3.8500\", tooltip=\"Sam Altman\\nleads OpenAI <again>.\"];"));
  CHECK(has(dot,
            "\"person-샘-올트먼\" -> \"organization-openai\" [label=\"works_at 0.8000\", "
            "penwidth=\"3.4000\""));
  CHECK(has(dot, "\"product-chatgpt\" -> \"product-chatgpt\" [label=\"part_of 0.5000\""));
  CHECK(has(dot,
            "\"organization-anthropic\" -> \"organization-openai\" [label=\"competes_with "
            "0.4000\", penwidth=\"2.2000\", dir=\"none\"];"));
}

TEST_CASE("DOT: empty graph still has its legend; output is deterministic") {
  const std::string dot = test::write(KnowledgeGraph(), GraphFormat::kDot);
  CHECK(has(dot, "cluster_legend"));
  CHECK_FALSE(has(dot, "->"));
  CHECK(test::write(test::sample_graph(), GraphFormat::kDot) ==
        test::write(test::sample_graph(), GraphFormat::kDot));
}

}  // namespace
}  // namespace kgex
