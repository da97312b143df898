// Layout cues of a document: page boilerplate (comment sections, lists of
// unrelated headlines) and tables whose header names an entity type.
// Not public: use extractor/extractor.h.
#pragma once

#include <vector>

#include "extractor/analysis.h"
#include "extractor/rules/rule_set.h"

namespace kgex {

// `first_org[l]`: the entity of the first organization named on line l, or -1.
// Requires tokens.
DocumentKind document_kind(const DocumentAnalysis& doc, const Layout& layout,
                           const std::vector<int>& first_org);

// Marks the lines of `doc` that are page boilerplate:
//  - from a short line holding a boilerplate marker word ("댓글", "Comments")
//    to the end of the document;
//  - runs of two or more lines that carry a date or time stamp and start or
//    end with a number (headline lists, comment headers).
// Requires doc.segmentation and doc.norm.
std::vector<bool> find_boilerplate(const DocumentAnalysis& doc, const Layout& layout);

// Mentions from Markdown tables: the cells of a column whose header holds a
// table_columns word become entities of that type, each member of a cell that lists several
// (a trailing parenthetical such as "핵심 LLM (ChatGPT)" is left out of the name, and a member
// that ends in a column word, "개인 투자자", describes and names nothing). Requires tokens.
std::vector<MentionCandidate> table_mentions(const DocumentAnalysis& doc, const Layout& layout);

// Two cells of a table row that one of the layout's table_relations relates: the cell of a
// column whose header holds a source word and the cell of one whose header holds a target word
// ("| 리드 투자사 |" and "| 스타트업 |": the investor invests in the startup).
struct TableLink {
  std::uint32_t sentence = 0;
  std::pair<std::uint32_t, std::uint32_t> source;  // token ranges
  std::pair<std::uint32_t, std::uint32_t> target;
  std::size_t relation = 0;  // index into Layout::table_relations
};
std::vector<TableLink> table_links(const DocumentAnalysis& doc, const Layout& layout);

// The name that opens an item of a bulleted list under one of the layout's list_sections
// headings: "- 카고비(CargoBee): 최대 300kg을 싣는 AMR" under "3. 주요 제품" names 카고비, up to
// the first dash, colon, comma or parenthesis.
struct SectionItem {
  std::uint32_t sentence = 0;
  std::uint32_t begin = 0;  // token range of the name
  std::uint32_t end = 0;
  std::size_t section = 0;  // index into Layout::list_sections
};
std::vector<SectionItem> section_items(const DocumentAnalysis& doc, const Layout& layout);

// The items of section_items as mentions of their sections' types.
std::vector<MentionCandidate> section_mentions(const DocumentAnalysis& doc, const Layout& layout);

}  // namespace kgex
