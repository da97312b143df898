// Layout cues of a document: page boilerplate (comment sections, lists of
// unrelated headlines) and tables whose header names an entity type.
// Not public: use extractor/extractor.h.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "extractor/analysis.h"
#include "extractor/rules/rule_set.h"
#include "extractor/stages.h"

namespace kgex {

// `first_org[l]`: the entity of the first organization named on line l, or -1.
// Requires tokens.
DocumentKind document_kind(const DocumentAnalysis& doc, const Layout& layout,
                           const std::vector<int>& first_org);

// The organization each line's section is about, or -1. A section opens at an item heading
// ("1) …", "①", "■ …"), a Markdown heading, a line that opens in bold ("**모아페이스** — 팀장") or
// a heading line that opens with "About" (a press release's closing "About Vela Labs"): a talk
// recap's "1) "제목" — 발표자 (회사 팀)" or a résumé's employer line heads what follows it. Its
// organization is the first the opening line names outside quotations; none when a product or tool
// comes first, or a word the line sets off with a dash ("3) 받아쓰개 — 문장공방" reviews the
// product), or when the organization is listed with other names ("2. New integrations: Globex,
// Initech and Umbrella" announces several things); a line that names a person or team but no
// organization, and does not open with a team (a unit of the document's organization: "1.
// AI플랫폼본부 신설"), opens a section whose organization is unknown (kUnknownSection: "2) 제목 —
// 임하솔 (머신러닝플랫폼팀)"), about which the document's topic says nothing. Another heading line
// that names anyone ("Lightning talk: sluice — Miyu Pemberton") ends it, and so do the header and
// boilerplate. In a thread (three replies or more under heading lines whose fields a middle dot
// sets apart: "▲ 12 kestrel · 3h"), each reply is a section: its organization is the one its
// header names ("u/dana · Vela Labs"), else the first one named in the first of its two opening
// sentences that speaks in the first person ("At Vela we …", "I work at Vela"), else unknown.
// In a transcript (three turns or more that open with a person's name and a colon: "류지안: 네,
// …") whose speakers name two organizations or more, a turn outside such sections is about its
// speaker's organization, the one the speaker's self-introduction names, else unknown: a host's
// words say nothing about the guest whose company the document names most. Requires mentions,
// entities, each sentence's writer_words and we_words, doc.header_line and doc.boilerplate_line.
constexpr int kUnknownSection = -2;
std::vector<int> section_topics(const DocumentAnalysis& doc,
                                const std::vector<LocalEntity>& entities);

// Whether `text` opens with a field of `fields` and a colon: a mail's header field ("From: IT
// Desk <it@vela.com>", address_fields) or the field of a letter's addressee ("수신: 가람대학교
// 입학처", recipient_fields). The field is compared folded (fold_letters), spaces before the colon
// left out.
bool opens_with_field(std::string_view text, const WordSet& fields);

// Whether sentence `si` opens its line and the line opens with a field of `fields` and a colon
// (opens_with_field).
bool sentence_opens_with_field(const DocumentAnalysis& doc, std::uint32_t si,
                               const WordSet& fields);

// The heading key of each line of `doc` (heading_key), empty for a line too long to be a
// heading. Requires doc.segmentation and doc.norm.
std::vector<std::string> line_headings(const DocumentAnalysis& doc);

// A short line read as a heading: its letters and digits, folded (fold_letters), without a
// leading numbering ("3. 주요 제품" is "주요제품", "■ 자격 요건:" is "자격요건", "## Products"
// is "products"); empty for a line longer than a heading.
std::string heading_key(std::string_view line);

// The document's bylines (Byline), top down: lines among the first eight that are not blank whose
// first sentence opens with one of the layout's writer_markers as whole words, after a run of
// spaces and punctuation. Requires doc.segmentation and the sentences' tokens.
std::vector<Byline> bylines(const DocumentAnalysis& doc, const Layout& layout);

// The team a post's byline names with its writer ("글쓴이: 육하진 (검색추천팀 엔지니어링
// 매니저)", "Written by Ana Ruiz, Search team"): the line of the first of `found` (bylines) names
// one team. The post is that team's: -1 for none. A byline with no writer ("작성자 가온 운영팀")
// counts only in a post that says "we" (the layout's we_words) twice or more. Requires mentions
// and entities.
int byline_team(const DocumentAnalysis& doc, const std::vector<Byline>& found,
                const std::vector<LocalEntity>& entities);

// Whether a line that opens with one of the layout's recipient_fields and a colon names
// organization `topic` ("Account Name: Brenholt Marine" in a CRM record, "Client: …" in a
// proposal, "수신: 가람대학교" in a letter). Requires mentions.
bool topic_addressed(const DocumentAnalysis& doc, const Layout& layout, int topic);

// The organization a document's byline signs it for ("Prepared by Lantern Labs Sales
// Enablement", "By Ana Ruiz, Vela Labs"): the one organization the line of the first of `found`
// (bylines) names, in a document that says "we" (the layout's we_words) kBylineWe times or more,
// or -1. Its "we" and "our" are that organization's, however often the body names the rival a
// sales battlecard measures it against. Requires mentions and entities.
int byline_organization(const DocumentAnalysis& doc, const std::vector<Byline>& found,
                        const std::vector<LocalEntity>& entities);

// The team a page's header, or its head above first_body_line, opens with, in a document that
// says "we" (the layout's we_words) kHeaderTeamWe times or more or whose body opens on that team
// too: a lab's or a team's own page ("COASTAL SENSING LAB" over "Department of Oceanography, …";
// "촉감지능 연구실 | …" over "촉감지능 연구실은 …") speaks for that team. -1 when the
// first entity the head names is no team. A post with a named writer speaks for its writer
// instead (find_writer), which the caller checks. Requires mentions and entities.
int header_team(const DocumentAnalysis& doc, const std::vector<LocalEntity>& entities);

// Whether a line of `doc`'s header, or of its head above first_body_line, names organization
// `topic` and holds one of the layout's blog_words ("가온마트 기술블로그", "Marrowfield Engineering
// Blog"): a company's blog, whose "we" is the company even where the writer names a team: readers
// credit such a post's stack to the company, while what the text gives the team ("저희 팀이
// 만든 X") stays the team's. Requires mentions.
bool company_blog(const DocumentAnalysis& doc, const Layout& layout, int topic);

// The first line of `doc`'s body, below a scraped page's menus and headlines: the first prose
// line of an article's length without a time stamp, if one of the first kPageHeadLines lines
// that are not blank; the number of lines for none. Requires doc.segmentation.
std::size_t first_body_line(const DocumentAnalysis& doc);

// A reply's header in a thread: a heading line whose fields a middle dot sets apart ("▲ 164
// kestrel · 13h", "u/dana · Vela Labs · ▲ 20"), naming who writes the reply below it.
bool reply_header(const Line& line, std::string_view text);

// Marks the lines of `doc`'s header: the lines before the first prose line (title, byline,
// tags), at most three; an opening paragraph, when the document starts with one. A mail's
// header fields at its top (a line that opens with one of `layout`'s address_fields and a
// colon: "From: …", "Subject: …") are the header instead, however many and however long they
// are; the greeting and the paragraph under them are the body. Requires doc.segmentation.
std::vector<bool> find_header(const DocumentAnalysis& doc, const Layout& layout);

// The layout's boilerplate markers, made ready once to be found in a line: each marker is keyed
// by its first bytes, as many as the shortest marker has up to six (two Hangul syllables), and a
// bit per hash of the keys rules out most positions of a line before any marker is compared.
// Views the markers: the WordSet must outlive it.
class BoilerplateMarkers {
 public:
  explicit BoilerplateMarkers(const WordSet& markers);

  // Whether `text` holds a marker: one pass over it, the key of the bytes at each position rolled
  // on one byte at a time, and a position whose key is a marker's compared with the markers that
  // start so. With a marker shorter than three bytes, the text is searched marker by marker.
  bool holds(std::string_view text) const;

 private:
  std::uint64_t key_of(std::string_view marker) const;
  static std::uint32_t bit_of(std::uint64_t key);

  std::array<std::uint64_t, 64> bits_{};
  std::vector<std::pair<std::uint64_t, std::string_view>> markers_;  // (key, marker)
  std::size_t prefix_ = 0;  // 0: every marker is searched for
};

// Marks the lines of `doc` that are page boilerplate:
//  - from a short line holding a boilerplate marker word ("댓글", "Comments")
//    to the end of the document;
//  - runs of two or more lines that carry a date or time stamp and start or
//    end with a number (headline lists, comment headers);
//  - a section whose heading is one of the layout's skipped_sections, to the next heading.
// Requires doc.segmentation, doc.norm and doc.headings. `markers` are the layout's
// boilerplate_markers; without them, they are made ready for this document alone.
std::vector<bool> find_boilerplate(const DocumentAnalysis& doc, const Layout& layout,
                                   const BoilerplateMarkers& markers);
std::vector<bool> find_boilerplate(const DocumentAnalysis& doc, const Layout& layout);

// Reads the document's tables and list sections, once: stores in doc.table_links the cells that
// the layout's table_relations relate and in doc.section_items the items of its list_sections,
// and returns the mentions both name:
//  - the cells of a table column whose header holds a table_columns word are entities of that
//    type, each member of a cell that lists several (a trailing parenthetical such as "핵심 LLM
//    (ChatGPT)" is left out of the name, and a member that ends in a column word, "개인 투자자",
//    describes and names nothing);
//  - the name that opens an item of a list section is an entity of the section's type; a
//    person's name ends before a title (`titles`, the pack's name_endings titles: "여도겸 교수"
//    names 여도겸).
// A table is Markdown's, with or without outer bars, or aligned with spaces or tabs; the
// sentences of the latter two are marked table_row here.
// With outline_relations in the layout, it also stores in doc.outline_items the items of nested
// bulleted lists, each with the item it is indented under.
// Requires tokens.
std::vector<MentionCandidate> read_tables_and_sections(DocumentAnalysis& doc, const Layout& layout,
                                                       const WordSet& titles);

}  // namespace kgex
