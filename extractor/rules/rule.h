// Compiled rules: plain structs built by the rule loader from JSON rule files
// (schemas/rules.schema.json, docs/rules.md). No JSON or ICU type leaks here. Each field is
// also written into the built-in pack's image and read back from it (pack_image.cpp): a new
// field goes there too. Not public: use extractor/rules/rule_set.h.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/affix_words.h"
#include "core/stop_words.h"
#include "core/word_set.h"
#include "extractor/text/tokenizer.h"
#include "graph/model.h"

namespace kgex {

// A set of entity types as a bit mask (bit i = EntityType i).
using TypeMask = std::uint8_t;
inline constexpr TypeMask kAllTypes = 0x1F;
inline TypeMask type_bit(EntityType t) { return static_cast<TypeMask>(1u << static_cast<int>(t)); }

// Word sets of rules are shared: a word list that is one lexicon is that lexicon's set, and
// rules that repeat a word list share one set.
using SharedWordSet = std::shared_ptr<const WordSet>;

enum class Lang : std::uint8_t { kAny, kKo, kEn };
enum class Shape : std::uint8_t { kCapitalized, kUpper, kLower, kHasDigit };

class CompiledRegex;  // an ICU regex with a time limit; defined in pattern_matcher.cpp

// Tests on one token (every present test must hold).
struct TokenTest {
  SharedWordSet text;                          // base form equals one of
  AffixWords starts;                           // base form starts with one of
  AffixWords ends;                             // base form ends with one of
  std::shared_ptr<const CompiledRegex> regex;  // ICU regex on the base form (full match)
  std::string regex_source;
  std::optional<Script> script;
  std::optional<Shape> shape;
  std::optional<bool> space_before;
  std::optional<bool> known;  // part of a gazetteer name or a stop-list word
};

enum class ElementKind : std::uint8_t { kToken, kEntity, kAny };
// kFieldEnd: the sentence's last unit, or the last before a middle dot or a bar that sets
// off a field of a header line (`이름 · 회사 팀 · 답변 12`).
enum class Anchor : std::uint8_t { kNone, kStart, kEnd, kFieldEnd };

struct Element {
  ElementKind kind = ElementKind::kToken;
  TypeMask types = kAllTypes;  // kEntity
  bool list = false;           // kEntity: coordinated list
  std::optional<bool> listed;  // kEntity: the name is (not) in a gazetteer
  SharedWordSet names;         // kEntity: the entity's name, case folded, is one of
  TokenTest test;              // kToken
  SharedWordSet particle;      // any unit; "" in the set matches no particle
  std::vector<std::shared_ptr<const Element>> negated;  // the unit must match none of these
  int min = 1;
  int max = 1;
  int capture = -1;
  Anchor anchor = Anchor::kNone;
};

struct Ref {
  enum class Kind : std::uint8_t { kCapture, kTopic, kFind };
  Kind kind = Kind::kCapture;
  int capture = -1;
  TypeMask types = 0;                  // kFind
  std::vector<EntityType> preference;  // kFind: the types in the order the rule prefers them
  bool sentence_scope = false;         // kFind: sentence instead of clause
  bool before_only = false;            // kFind: only entities before the matched words
  SharedWordSet particle;
  bool else_topic = false;
  bool all_topics = false;  // "$topics": the topic entity of every type, not only the organization
  bool else_previous = false;  // "$previous": the previous sentence's subject, then the topic
  bool self = false;   // "$self": the document's own team (저희 팀, our team), else the topic
  bool about = false;  // "$about": the document's topic product, else its topic organization
  // kFind: the capture holding a unit head's title (본부장, 실장): only an entity whose name
  // ends in the unit the title heads (본부, 실), the title without a name_endings head word (장); a
  // title ending in none (리드) narrows nothing.
  int head_of = -1;
  // kFind: the capture holding a unit's bare head noun (연구소, 본부) standing for a unit named
  // before: only an entity whose name ends in that word (AI연구소, 게임개발본부).
  int ends_in = -1;
};

// What the words of a `refers` entity rule stand for.
enum class Refers : std::uint8_t {
  kNone,
  kOwn,       // the document's own entity of the type (저희 팀, 당사)
  kPrevious,  // the entity of the type named last before them (이 회사, 해당 업체)
  kSubject,   // the same, or the subject of the earlier sentence that named it (앱은, 팀은)
};

struct RuleHeader {
  std::string id;
  std::string file;     // where it was defined, for --explain and errors
  std::string pointer;  // JSON Pointer of the rule in its file
  Lang lang = Lang::kAny;
  int priority = 0;
  std::vector<Element> pattern;
  std::vector<std::string> captures;  // capture index -> name
};

struct EntityRule : RuleHeader {
  int entity_capture = -1;
  int through = -1;  // the name ends with this capture instead
  std::optional<EntityType> type;
  int type_from = -1;             // capture whose word is a type cue
  Refers refers = Refers::kNone;  // the words stand for an entity named elsewhere
  int alias_entity = -1;
  int alias_name = -1;
  int alias_through = -1;  // the alias runs on to the end of this capture
};

struct RelationRule : RuleHeader {
  double confidence = 0.7;
  std::optional<RelationType> relation;
  int relation_by_capture = -1;
  std::vector<std::pair<std::shared_ptr<const WordSet>, RelationType>> relation_by;
  Ref source;
  Ref target;
  StopWords unless;  // folded word prefixes (stems) and ASCII words
  // Whether a relation whose other end the rule searched for gives way to one stated with
  // another organization (see extract_relations). A rule on joining or hiring says false: a
  // former post stated beside the new one does not undo the new one.
  bool yields = true;
  // Whether the rule states a former post (출신, 거쳐, formerly of): such a relation does not make
  // another give way as a post stated with its organization does, for a person's past employer
  // says nothing of where the person works now.
  bool former = false;
  // Whether the membership the rule states ("I joined as … on the Billing team") makes the team
  // the "we" of the rest of a post one person writes.
  bool writer_team = false;
  // Only in a document written in the first person: one that uses these words, or words
  // ending in `voice_endings` (a polite verb ending, 니다), at least `voice_min` times in all
  // (none: any document).
  SharedWordSet voice_words;
  std::vector<std::string> voice_endings;
  int voice_min = 0;
};

enum class DocumentRuleKind : std::uint8_t { kOwner, kOrphan, kNamedAfter, kOutline, kUnitMember };

struct DocumentRule {
  std::string id;
  DocumentRuleKind kind = DocumentRuleKind::kOwner;
  TypeMask types = 0;
  RelationType relation = RelationType::kDevelops;
  bool from_topic = true;
  bool unlisted_only = false;
  SharedWordSet not_names;  // orphan: not an entity whose name, case folded, is one of
  // orphan: not an entity whose name, case folded, ends in one of these (a university's
  // department, 해양학과, belongs to no company the article is about).
  std::vector<std::string> not_endings;
  // orphan: only in a document written in the first person, one that uses these words at
  // least `voice_min` times; the topic side is then the document's own team, if it names one
  // (`$self`).
  SharedWordSet voice_words;
  std::vector<std::string> voice_endings;
  int voice_min = 0;
  StopWords unless;  // orphan: not an entity a sentence names with these words
  // outline: words that make a sentence introduce the list below it ("다음", "following"), the
  // way a heading does; matched as `unless` words are.
  StopWords lead_in;
  // named_after: company words that end an organization's name (소프트, 랩스); the name without
  // one opens a product's name written onto it too (해솔소프트: 해솔드라이브).
  std::vector<std::string> org_endings;
  double confidence = 0.5;
};

struct RuleExample {
  std::string text;
  std::vector<std::pair<std::string, EntityType>> entities;
  std::vector<std::tuple<std::string, RelationType, std::string>> relations;
  std::vector<std::tuple<std::string, std::string, std::string>> absent;
  std::vector<std::pair<std::string, EntityType>> absent_entities;
  std::string file;
  std::string pointer;
};

// A relation a table row states between two of its cells (see read_tables_and_sections in
// layout.h).
struct TableRelation {
  std::vector<std::string> source;  // folded header words of the source column
  RelationType relation = RelationType::kInvestsIn;
  std::vector<std::string> target;  // and of the target column
  double confidence = 0.7;
  // Words after a team in a role cell ("검색팀 리드", "검색팀장") that make member_of leads.
  std::vector<std::string> heads;
};

// A relation an outline states between a bulleted item and the item it is indented under: in an
// org chart written as a nested list ("- 테크본부" over "  - 플랫폼실"), each unit of a `child`
// type the item opens with relates to the first unit of a `parent` type the item above names
// (see read_tables_and_sections in layout.h).
struct OutlineRelation {
  std::vector<EntityType> child;
  RelationType relation = RelationType::kPartOf;
  std::vector<EntityType> parent;
  double confidence = 0.6;
};

// The bulleted list under a heading that says what its items are ("주요 제품", "Products",
// "자회사"): each item's leading name is an entity of `type`, and with a relation, the topic
// organization's (see read_tables_and_sections in layout.h).
struct ListSection {
  std::vector<std::string> headings;  // their letters and digits, folded (fold_letters)
  EntityType type = EntityType::kProduct;
  std::optional<RelationType> relation;  // from the topic organization to each item
  double confidence = 0.6;
};

struct Layout {
  WordSet boilerplate_markers;
  // Words of a byline, dateline or photo caption ("기자", "=", "reporter", "사진", "logo"): an
  // organization next to one is the outlet that publishes the article, or what a picture shows,
  // not what the article is about.
  WordSet byline_markers;
  // Verbs of reporting ("보도했다"): their subject is the outlet reporting the news.
  WordSet report_verbs;
  // Verbs of telling ("tells", "told"): the organization right after one is whom the news is
  // told to, never the other end of a relation a rule searches for.
  WordSet tell_verbs;
  // Beginnings of words of raising or receiving ("유치", "마감", "받았"): a subject marked with
  // 도 in a sentence holding one is one more that received ("X도 시리즈B 라운드를 마감했다"),
  // which "$previous" may take as the other end of the next sentence's relation.
  WordSet receive_words;
  // Words that a capital letter and a period name a kind of ("Series A.", "Plan B."): after one
  // the period may end the sentence ("raised a Series A. Kivu led."), where after a given name the
  // letter would be a middle initial ("John F. Kennedy").
  WordSet lettered_words;
  // Words that pair two lists member by member ("respectively", "각각"): "A and B bought X and
  // Y, respectively" says A bought X and B bought Y, not that each bought both.
  WordSet respectively_words;
  // Endings of Korean verbs that join two clauses ("고", "며", "지만"): a comma after a word that
  // ends in one closes a clause, beyond which a rule's `unless` words do not reach ("…를
  // 비교했고, 부하 테스트에는 k6를 썼습니다" uses k6).
  WordSet clause_endings;
  // Words that open a clause after the one a match stands in ("that", "which", "but"): a rule's
  // `unless` words after one do not reach back ("Acme launched Brae, a model that never leaves
  // your laptop" launched Brae).
  WordSet clause_openers;
  // Words that after a company's name mean its people, not a unit ("team", "팀"): "the Xero
  // team", "토스팀" name no team of Xero or Toss.
  WordSet staff_words;
  // Words that end a team's name and may be left off it ("team", "group", "squad"): "the Data
  // Platform team" is also called "Data Platform" (unit_stem in entity_stage.cpp).
  WordSet unit_suffixes;
  // Words that end a team's name and are left off it only in the team's other name ("team"):
  // "the Payments Platform team" is also called "Payments Platform", but the shorter form is not
  // looked for in the text, where it is as often a product's or a company's name.
  WordSet alias_suffixes;
  // Words a model's or a product's variant adds after a hyphen to a name the gazetteer knows as
  // one word ("mini", "instruct", "turbo"): "GPT-4o-mini" and "Llama-3.1-8B-Instruct" are
  // products of their own, of the known name's type; a part with a digit ("8B", "v0.3") is such
  // a word too (variant_candidates in extractor.cpp).
  WordSet variant_words;
  // Words of the first person singular as written ("나는", "내가", "제가", "I", "my"): a post
  // that uses them twice or more outside quotations, and more often than `we_words`
  // ("우리", "저희", "we", "our", read without particles), is by the person its header names
  // (find_writer), unless it is an interview.
  WordSet writer_words;
  WordSet we_words;
  // Words that name a blog ("blog", "기술블로그"): a header line that names the topic organization
  // and one of them ("가온마트 기술블로그", "Marrowfield Engineering Blog") makes the document the
  // company's blog, whose "we" is the company rather than the writer's team (company_blog in
  // layout.h).
  WordSet blog_words;
  // Words that count organizations in a title ("스타트업", "곳", "startups", "companies"): a title
  // with one of them and a number (a digit, one of number_words or a second such word: "스타트업
  // 6곳", "Seven startups") over three numbered item headings or more makes a listicle of
  // organizations, each item opening with one's name (read_listicle in layout.cpp).
  WordSet listicle_words;
  WordSet number_words;
  // Words that open a byline naming a post's writer ("글쓴이", "작성자", "written by"), kept as
  // headings are (fold_letters): a team the byline names with the writer is the post's
  // first-person side (byline_team in layout.h).
  WordSet writer_markers;
  // Fields of a record's header that name the person the record is about ("이름", "성명",
  // "name"), kept as headings are: a résumé's "이름: 탁하윤" makes the document that person's
  // own, its sentences without "we" theirs though they never say "I" (find_writer).
  WordSet record_fields;
  // Fields of a letter's or a memo's header that name whom it is addressed to ("수신", "받는 사람",
  // "to"), kept as headings are: an organization on such a line is not the document's own, which
  // 당사 and 저희 회사 stand for (a recommendation letter "수신: 가람대학교 입학처" is the
  // company's writer's, not the university's).
  WordSet recipient_fields;
  // Fields of a memo's or a mail's header that hold addresses ("to", "from", "cc"), kept as
  // headings are: an e-mail address on such a line ("To: all@vela.com") names the organization
  // whose name is a label of its domain, as a header mention does (find_topic).
  WordSet address_fields;
  // Words that open the lines of an interview, before a full stop or a colon ("Q", "A",
  // "질문"): in an interview the answers speak for the team the article opens with.
  WordSet interview_markers;
  // The headings of a job posting, kept as their letters and digits, folded ("주요업무",
  // "자격요건", "requirements"; see fold_letters): in a posting the stack and the work are the
  // team's it names first.
  WordSet posting_markers;
  // Headings of sections about the reader rather than the subject, kept as posting_markers are
  // ("자격요건", "우대사항", "requirements"): a posting's requirements name what a candidate
  // should know, not the team's stack. Such a section yields nothing.
  WordSet skipped_sections;
  std::vector<std::pair<std::string, EntityType>> table_columns;  // folded header word -> type
  // Column words that say a column holds names without saying of what ("name", "이름"): after
  // another column word they take its type ("Product name", "팀 이름"), after a word that is
  // none they give the column no type ("Code name"); alone, their own (column_type in layout.cpp).
  WordSet table_name_words;
  // English words that never stand between a possessor and the noun it owns (of, the, which,
  // is): "Nvidia's long-rumoured partnership" owns the noun, "Acme's report on the partnership"
  // does not (owns_matched_noun in relation_stage.cpp).
  WordSet possessed_noun_breaks;
  std::vector<TableRelation> table_relations;
  std::vector<ListSection> list_sections;
  std::vector<OutlineRelation> outline_relations;
};

}  // namespace kgex
