// Names, aliases, sentences, documents and rule ids made of what graph formats
// forbid or must escape, fed through every writer: each output must stay within
// its format's grammar, and the readers must give back the cleaned text.
#include <doctest/doctest.h>
#include <rapidjson/document.h>

#include <algorithm>
#include <pugixml.hpp>
#include <regex>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "exporters/exporter.h"
#include "tests/exporters/test_graphs.h"

namespace kgex {
namespace {

using namespace std::string_literals;

// Each string breaks something: C0 controls, DEL, NUL; invalid UTF-8 and the
// UTF-8 encoding of a lone surrogate (U+D800); the noncharacters U+FFFE and
// U+FFFF; CR and CR LF; XML markup, CDATA ends and character references; DOT
// quotes, backslashes and Graphviz escapes (\N \G \L); HTML-like labels; IRI
// syntax (spaces, <>, {}, |, ^, `, #, ?, %); CSV quotes, commas and the ';'
// Neo4j splits arrays on; U+2028/U+2029.
const std::vector<std::string> kHostile = {
    "ctl\x01\x02\x1f\x7f end"s,
    "nul\0inside"s,
    "lone surrogate \xed\xa0\x80 and \xed\xbf\xbf"s,
    "bad utf8 \xff\xfe\xc0\xaf\xe2\x82 end"s,
    "nonchar \xef\xbf\xbe\xef\xbf\xbf end"s,
    "cr\rcrlf\r\nlf\nend"s,
    "xml <a href=\"x\">&amp;]]>&#1;&#x0;</a> '"s,
    "dot \"q\" \\ \\N \\G \\L \\\" -> -- { } ; [ ] = <b>html</b>"s,
    "<html-like>"s,
    "iri a b<c>{d}|e^f`g\"h#frag?q=1%2F%zz ../..//"s,
    "csv \"quoted\", comma; semi\ncolon"s,
    "line \xe2\x80\xa8 para \xe2\x80\xa9 sep"s,
};

KnowledgeGraph hostile_graph() {
  KnowledgeGraph g;
  std::vector<EntityId> ids;
  for (std::size_t i = 0; i < kHostile.size(); ++i) {
    Entity e = test::entity("E" + std::to_string(i) + " " + kHostile[i],
                            kEntityTypes[i % kEntityTypes.size()],
                            {"alias " + std::to_string(i) + " " + kHostile[i]});
    e.mentions = {{.document = kHostile[i] + ".txt", .bytes = {0, 3}, .chars = {0, 3}}};
    ids.push_back(g.add_entity(std::move(e)));
  }
  for (std::size_t i = 0; i + 1 < ids.size(); ++i) {
    g.add_relation(ids[i], ids[i + 1],
                   test::relation(kRelationTypes[i % kRelationTypes.size()], 0.5,
                                  {test::evidence(kHostile[i] + ".txt", "S " + kHostile[i], 0,
                                                  "rule." + kHostile[i], 0.5)}));
  }
  return g;
}

// Decodes `text` as strict UTF-8 (no surrogates, no overlongs); false on any
// error, else appends the code points to `out`.
bool decode_utf8(std::string_view text, std::vector<char32_t>& out) {
  for (std::size_t i = 0; i < text.size();) {
    const auto b = static_cast<unsigned char>(text[i]);
    int extra = 0;
    char32_t c = 0;
    if (b < 0x80) {
      c = b;
    } else if (b >= 0xC2 && b <= 0xDF) {
      extra = 1;
      c = b & 0x1F;
    } else if (b >= 0xE0 && b <= 0xEF) {
      extra = 2;
      c = b & 0x0F;
    } else if (b >= 0xF0 && b <= 0xF4) {
      extra = 3;
      c = b & 0x07;
    } else {
      return false;
    }
    if (extra > 0 && i + extra >= text.size()) {
      return false;
    }
    for (int k = 1; k <= extra; ++k) {
      const auto cb = static_cast<unsigned char>(text[i + k]);
      if ((cb & 0xC0) != 0x80) {
        return false;
      }
      c = (c << 6) | (cb & 0x3F);
    }
    const char32_t min = extra == 1 ? 0x80 : extra == 2 ? 0x800 : extra == 3 ? 0x10000 : 0;
    if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) {
      return false;
    }
    out.push_back(c);
    i += 1 + extra;
  }
  return true;
}

// XML 1.0 Char production.
bool xml_char(char32_t c) {
  return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
         (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

void check_xml(const std::string& xml) {
  std::vector<char32_t> chars;
  REQUIRE(decode_utf8(xml, chars));
  for (const char32_t c : chars) {
    CHECK_MESSAGE(xml_char(c), "raw character U+" << std::hex << static_cast<unsigned>(c));
  }
  // Character references must name allowed characters too.
  static const std::regex kRef("&#(x[0-9A-Fa-f]+|[0-9]+);");
  for (auto it = std::sregex_iterator(xml.begin(), xml.end(), kRef); it != std::sregex_iterator();
       ++it) {
    const std::string n = (*it)[1].str();
    const auto value = static_cast<char32_t>(n[0] == 'x' ? std::stoul(n.substr(1), nullptr, 16)
                                                         : std::stoul(n, nullptr, 10));
    CHECK_MESSAGE(xml_char(value), "character reference " << it->str());
  }
  pugi::xml_document doc;
  const pugi::xml_parse_result parsed = doc.load_string(xml.c_str());
  CHECK_MESSAGE(parsed, parsed.description() << " at " << parsed.offset);
}

// Every \u escape of a JSON text: high surrogates followed by low ones, no lone halves.
void check_json_escapes(const std::string& json) {
  for (std::size_t i = 0; i + 5 < json.size(); ++i) {
    if (json[i] == '\\') {
      if (json[i + 1] != 'u') {
        ++i;
        continue;
      }
      const unsigned v = std::stoul(json.substr(i + 2, 4), nullptr, 16);
      if (v >= 0xD800 && v <= 0xDBFF) {
        REQUIRE(i + 11 < json.size());
        CHECK(json.substr(i + 6, 2) == "\\u");
        const unsigned low = std::stoul(json.substr(i + 8, 4), nullptr, 16);
        CHECK((low >= 0xDC00 && low <= 0xDFFF));
        i += 11;
      } else {
        CHECK_FALSE((v >= 0xDC00 && v <= 0xDFFF));
        i += 5;
      }
    }
  }
}

TEST_CASE("hostile names: GraphML and GEXF are well-formed XML 1.0 without forbidden characters") {
  const KnowledgeGraph g = hostile_graph();
  for (const GraphFormat f : {GraphFormat::kGraphML, GraphFormat::kGexf}) {
    CAPTURE(to_string(f));
    check_xml(test::write(g, f));
  }
}

TEST_CASE("hostile names: JSON-LD is valid UTF-8 JSON with paired surrogate escapes") {
  const std::string json = test::write(hostile_graph(), GraphFormat::kJsonLd);
  std::vector<char32_t> chars;
  REQUIRE(decode_utf8(json, chars));
  for (const char32_t c : chars) {
    CHECK((c >= 0x20 || c == '\n'));
  }
  rapidjson::Document doc;
  doc.Parse<rapidjson::kParseValidateEncodingFlag>(json.data(), json.size());
  CHECK_FALSE(doc.HasParseError());
  check_json_escapes(json);
}

TEST_CASE("hostile names: N-Triples IRIs hold no forbidden character and literals are escaped") {
  const std::string nt = test::write(hostile_graph(), GraphFormat::kNTriples);
  std::vector<char32_t> chars;
  REQUIRE(decode_utf8(nt, chars));
  // subject predicate object . — IRIs without space, <>"{}|^`\ or controls; literals
  // with only the escapes N-Triples defines; an optional datatype or language tag.
  static const std::string kIri = R"(<[^\x00-\x20<>"{}|^`\\]+>)";
  static const std::string kLiteral =
      R"("([^"\\\n\r]|\\[tbnrf"'\\]|\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8})*")"
      R"((\^\^)" +
      kIri + R"(|@[a-zA-Z]+(-[a-zA-Z0-9]+)*)?)";
  static const std::regex kTriple(kIri + " " + kIri + " (" + kIri + "|" + kLiteral + ") \\.");
  std::istringstream lines(nt);
  std::string line;
  std::size_t count = 0;
  while (std::getline(lines, line)) {
    CHECK_MESSAGE(std::regex_match(line, kTriple), line);
    ++count;
  }
  CHECK(count > kHostile.size() * 3);
}

TEST_CASE("hostile names: DOT strings are closed and carry no Graphviz escapes but \\\\ \\\" \\n") {
  const std::string dot = test::write(hostile_graph(), GraphFormat::kDot);
  std::vector<char32_t> chars;
  REQUIRE(decode_utf8(dot, chars));
  std::size_t strings = 0;
  for (std::size_t i = 0; i < dot.size(); ++i) {
    const char c = dot[i];
    if (c == '"') {
      ++strings;
      for (++i; i < dot.size() && dot[i] != '"'; ++i) {
        CHECK(dot[i] != '\n');
        if (dot[i] == '\\') {
          REQUIRE(i + 1 < dot.size());
          ++i;
          CHECK_MESSAGE((dot[i] == '\\' || dot[i] == '"' || dot[i] == 'n'),
                        "escape \\" << dot[i] << " at byte " << i);
        }
      }
      REQUIRE_MESSAGE(i < dot.size(), "unterminated string");
      continue;
    }
    // Outside strings: identifiers, numbers, punctuation and white space; never '<'
    // (an HTML-like label) or a stray quote character.
    const bool arrow = c == '>' && i > 0 && dot[i - 1] == '-';
    const bool allowed = std::string_view("<>\\").find(c) == std::string_view::npos || arrow;
    CHECK_MESSAGE(allowed, "byte " << i << " '" << c << "' outside a string");
  }
  CHECK(strings > kHostile.size() * 2);
}

// One CSV file: rows of fields per RFC 4180.
std::vector<std::vector<std::string>> parse_csv(const std::string& text) {
  std::vector<std::vector<std::string>> rows(1);
  std::string field;
  bool quoted = false;
  bool was_quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"') {
      REQUIRE_MESSAGE(field.empty(), "quote inside an unquoted field at byte " << i);
      quoted = was_quoted = true;
    } else if (c == ',' || c == '\n') {
      rows.back().push_back(field);
      field.clear();
      was_quoted = false;
      if (c == '\n') {
        rows.emplace_back();
      }
    } else {
      REQUIRE_MESSAGE(!was_quoted, "text after a closing quote at byte " << i);
      CHECK(c != '\r');
      field += c;
    }
  }
  REQUIRE_FALSE(quoted);
  REQUIRE(field.empty());
  REQUIRE(rows.back().empty());
  rows.pop_back();
  return rows;
}

TEST_CASE("hostile names: CSV rows keep their column count") {
  std::ostringstream nodes;
  std::ostringstream relationships;
  REQUIRE(write_csv(hostile_graph(), nodes, relationships).ok());
  for (const std::string& text : {nodes.str(), relationships.str()}) {
    std::vector<char32_t> chars;
    REQUIRE(decode_utf8(text, chars));
    const auto rows = parse_csv(text);
    REQUIRE(rows.size() > 1);
    for (const auto& row : rows) {
      CHECK(row.size() == rows.front().size());
    }
  }
}

TEST_CASE("hostile names: a Neo4j array field keeps one element per alias") {
  // aliases:string[] is split on ';' by neo4j-admin import, which has no escape for it.
  std::ostringstream nodes;
  std::ostringstream relationships;
  REQUIRE(write_csv(hostile_graph(), nodes, relationships).ok());
  const auto rows = parse_csv(nodes.str());
  for (std::size_t r = 1; r < rows.size(); ++r) {
    const std::string& aliases = rows[r][3];
    CHECK_MESSAGE(std::count(aliases.begin(), aliases.end(), ';') == 0, aliases);
  }
}

TEST_CASE("hostile names: GraphML and JSON-LD read back the names they wrote, cleaned") {
  const KnowledgeGraph g = hostile_graph();
  for (const GraphFormat f : {GraphFormat::kGraphML, GraphFormat::kJsonLd}) {
    CAPTURE(to_string(f));
    const std::string first = test::write(g, f);
    const Result<KnowledgeGraph> back = read_graph(first, f, "hostile");
    REQUIRE_MESSAGE(back.ok(), back.status().to_string());
    CHECK(back.value().entity_count() == g.entity_count());
    CHECK(back.value().relation_count() == g.relation_count());
    for (EntityId id = 0; id < back.value().entity_count(); ++id) {
      std::vector<char32_t> chars;
      CHECK(decode_utf8(back.value().entity(id).name, chars));
      for (const char32_t c : chars) {
        CHECK((c == '\t' || c == '\n' || (c >= 0x20 && c != 0xFFFE && c != 0xFFFF)));
      }
    }
    CHECK(test::write(back.value(), f) == first);
  }
}

}  // namespace
}  // namespace kgex
