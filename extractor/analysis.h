// Not public: the working state of one document as it moves through the
// extractor (text -> sentences -> tokens -> mentions -> units -> relations).
// Use extractor/extractor.h.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "extractor/rules/rule.h"
#include "extractor/text/document_text.h"
#include "extractor/text/segmenter.h"
#include "extractor/text/tokenizer.h"
#include "graph/model.h"

namespace kgex {

// How many sentences from the start a document has to name its own team or company in, for
// "저희 팀" or "당사" to stand for it: the title, a greeting and the self-introduction.
inline constexpr std::uint32_t kOwnEntityLead = 4;
// A `refers: "previous"` mention (이 회사) stands for a name at most this many sentences back.
inline constexpr std::uint32_t kPreviousReach = 2;

// A candidate entity occurrence: a token range of one sentence.
struct MentionCandidate {
  std::uint32_t sentence = 0;
  std::uint32_t begin = 0;  // token range [begin, end)
  std::uint32_t end = 0;
  EntityType type = EntityType::kOrganization;
  int entry = -1;  // gazetteer entry, or -1 for a name found by a rule
  int priority = 0;
  std::string rule;               // "gazetteer", "gazetteer.variant", "table", or an entity rule id
  std::string surface;            // the name as written (normalised), particle excluded
  std::string canonical;          // the entity's canonical name
  bool short_form = false;        // stands for an entity named in full elsewhere: a surname, a
                                  // given name, a company's first word, or a `refers` mention
  Refers refers = Refers::kNone;  // words standing for an entity named elsewhere (저희 팀, 이 회사)
  bool retyped = false;  // a known name that a rule gave another type (Facebook, a company)

  // The name of the entity the mention stands for: the canonical one, else as written.
  const std::string& name() const { return canonical.empty() ? surface : canonical; }
};

// A unit of a sentence for pattern matching: one mention or one token.
struct Unit {
  int mention = -1;         // index into DocumentAnalysis::mentions, or -1 for a token
  std::uint32_t begin = 0;  // token range [begin, end); a trailing particle-only token included
  std::uint32_t end = 0;
  std::string_view particle;
  std::uint32_t clause = 0;
};

// The rule filter's buffers of a sentence (RuleFilter::find_word_sets fills them), kept as one
// piece so that a thread can keep them from document to document (extractor.cpp).
struct FilterBuffers {
  // The rule filter's word sets that some token's folded form is in, one bit per set: found
  // by the entity stage (again where propagate_names splits a token again), and read again by
  // the relation stage.
  std::vector<std::uint64_t> word_set_bits;
  // For each token, the rule filter's word sets its folded form is in, restricted to the sets
  // that some rule's first element needs (RuleFilter::Facts::starts looks their units up):
  // common words are in dozens of sets, few of which are.
  std::vector<std::span<const std::uint32_t>> first_word_sets;
  // The StringHash (core/string_hash.h) of each token's folded form, found with the word sets,
  // so that the matcher's word lists and name test do not hash the word again for each rule.
  std::vector<std::size_t> folded_hashes;
  // The rule filter's affix sets that some token's folded form starts or ends with, one bit per
  // set, found with the word sets.
  std::vector<std::uint64_t> affix_set_bits;
  // Each token's class (RuleFilter::find_token_classes): read by the entity stage's passes and
  // the relation stage alike.
  std::vector<std::uint8_t> token_classes;

  void clear() {
    word_set_bits.clear();
    first_word_sets.clear();
    folded_hashes.clear();
    affix_set_bits.clear();
    token_classes.clear();
  }
};

// 64 of a rule filter's numbered sets as one word of bits: sets 64 * chunk to 64 * chunk + 63.
struct SetMask {
  std::uint32_t chunk = 0;
  std::uint64_t bits = 0;
};

// Appends the masks of sets `ids` to `masks`: one for each chunk that holds any of them.
inline void append_set_masks(std::span<const std::uint32_t> ids, std::vector<SetMask>& masks) {
  const std::size_t first = masks.size();
  for (const std::uint32_t id : ids) {
    const std::uint64_t bit = std::uint64_t{1} << (id % 64);
    auto it = masks.begin() + static_cast<std::ptrdiff_t>(first);
    while (it != masks.end() && it->chunk != id / 64) {
      ++it;
    }
    if (it == masks.end()) {
      masks.push_back({id / 64, bit});
    } else {
      it->bits |= bit;
    }
  }
}

// What the stages keep of each word the thread's TokenCache numbers (Token::word), by that
// number: worked out once per word by the extractor (for one generation of the cache) instead of
// looked up at every token. A token without a number (kNoWord) is looked up by its string.
struct WordFacts {
  std::vector<std::uint32_t> gazetteer_keys;  // Gazetteer::key_of
  std::vector<std::uint8_t> layout;           // layout_word (stages.h)
  std::vector<std::uint8_t> name_word;        // Gazetteer::is_name_word, 0 or 1
  std::vector<std::size_t> hashes;            // the StringHash of the folded form
  // The rule filter's (RuleFilter::word_sets_of): the word's number among the filter's words,
  // and the masks of its word sets and of its affix sets, those of word w in
  // word_masks[w == 0 ? 0 : word_mask_ends[w - 1], word_mask_ends[w]) and affix_masks the same
  // way.
  std::vector<std::uint32_t> filter_words;
  std::vector<std::uint32_t> word_mask_ends;
  std::vector<SetMask> word_masks;
  std::vector<std::uint32_t> affix_mask_ends;
  std::vector<SetMask> affix_masks;

  std::size_t size() const { return gazetteer_keys.size(); }
  std::span<const SetMask> word_sets(std::uint32_t w) const {
    return masks_of(word_masks, word_mask_ends, w);
  }
  std::span<const SetMask> affixes(std::uint32_t w) const {
    return masks_of(affix_masks, affix_mask_ends, w);
  }

 private:
  static std::span<const SetMask> masks_of(const std::vector<SetMask>& masks,
                                           const std::vector<std::uint32_t>& ends,
                                           std::uint32_t w) {
    const std::uint32_t begin = w == 0 ? 0 : ends[w - 1];
    return std::span<const SetMask>(masks).subspan(begin, ends[w] - begin);
  }
};

// The answers of the rules' tests on a word's folded form alone (a TokenTest's word list,
// `starts`, `ends` and `known` tests; a relation rule's `unless` words) for the words the
// thread's TokenCache numbers (Token::word), by test and word number: worked out once per test
// and word instead of at every token a rule tests. Kept by the extractor's thread beside its
// WordFacts, for the same generation of the cache and the same rules (a test is known by its
// address in them); forgotten at once past a bound.
class WordAnswers {
 public:
  // The answer of `test` on word `word`, worked out by `answer()` the first time it is asked.
  template <typename Answer>
  bool of(const void* test, std::uint32_t word, Answer&& answer) {
    if (slots_.empty()) {
      slots_.resize(kFirstSlots);
    }
    const std::size_t mask = slots_.size() - 1;
    std::size_t i = slot_of(test, word) & mask;
    while (slots_[i].test != nullptr) {
      if (slots_[i].test == test && slots_[i].word == word) {
        return slots_[i].pass;
      }
      i = (i + 1) & mask;
    }
    const bool pass = answer();
    if (2 * (used_ + 1) > slots_.size()) {
      grow();
      return store(test, word, pass);
    }
    slots_[i] = {test, word, pass};
    ++used_;
    return pass;
  }
  void clear() {
    slots_.clear();
    used_ = 0;
  }

 private:
  struct Slot {
    const void* test = nullptr;  // null: empty
    std::uint32_t word = 0;
    bool pass = false;
  };
  static constexpr std::size_t kFirstSlots = std::size_t{1} << 12;
  // At most 4 MB a thread: 131,072 answers (the 2 MB generated corpus needs 2,130).
  static constexpr std::size_t kMaxSlots = std::size_t{1} << 18;
  static std::size_t slot_of(const void* test, std::uint32_t word) {
    std::uint64_t h = (reinterpret_cast<std::uintptr_t>(test) >> 3) * 0x9E3779B97F4A7C15u;
    h ^= (std::uint64_t{word} + 1) * 0xC2B2AE3D27D4EB4Fu;
    return static_cast<std::size_t>(h ^ (h >> 31));
  }
  bool store(const void* test, std::uint32_t word, bool pass) {
    const std::size_t mask = slots_.size() - 1;
    std::size_t i = slot_of(test, word) & mask;
    while (slots_[i].test != nullptr) {
      i = (i + 1) & mask;
    }
    slots_[i] = {test, word, pass};
    ++used_;
    return pass;
  }
  // Doubles the table, or past kMaxSlots forgets every answer.
  void grow() {
    std::vector<Slot> old;
    old.swap(slots_);
    used_ = 0;
    if (old.size() >= kMaxSlots) {
      slots_.resize(kFirstSlots);
      return;
    }
    slots_.resize(2 * old.size());
    for (const Slot& s : old) {
      if (s.test != nullptr) {
        store(s.test, s.word, s.pass);
      }
    }
  }
  std::vector<Slot> slots_;
  std::size_t used_ = 0;
};

struct SentenceAnalysis {
  Sentence span;
  bool boilerplate = false;
  bool table_row = false;
  Lang lang = Lang::kEn;
  std::vector<Token> tokens;
  // Which tokens stand inside a quotation in double quotes (quoted_tokens in stages.h); empty
  // when the sentence has none.
  std::vector<bool> quoted;
  // How many words outside quotations are the layout's writer_words, which speak in the first
  // person singular (저는, 제가, I, my), and how many its we_words (우리, we).
  int writer_words = 0;
  int we_words = 0;
  std::vector<Unit> units;
  FilterBuffers filter;
};

// A byline: a line whose first sentence opens with a writer marker ("글쓴이: 육하진", "Written by
// Ana Ruiz", "by 한결 · 솔빛랩 대표"; not "Bytes …"), found by bylines in layout.h.
struct Byline {
  std::uint32_t sentence = 0;    // the line's first sentence
  std::uint32_t marker_end = 0;  // the sentence's token after the marker
};

// Who a post is by (find_writer).
struct Writer {
  int named = -1;  // the person its header or a byline names, or its first sentence introduces
  int post = -1;   // the same where the whole post speaks in the first person singular, or -1
  // The last line the writer speaks on: a thread's opening post ends where the next reply's
  // header starts another writer's words.
  std::uint32_t last_line = UINT32_MAX;
};

// What a document's lines say about the kind of document it is.
struct DocumentKind {
  // Four lines or more open with one of the layout's interview markers followed by a full stop
  // or a colon ("Q.", "A:", "질문:").
  bool interview = false;
  // Three lines or more are headings of the layout's posting or skipped sections, read without
  // their bullets, spaces and colon ("■ 주요 업무", "## 기술 스택", "Requirements:").
  bool posting = false;
  // A digest of unrelated items ("① Figma, 스타트업 인수", "② 말다리, 시리즈A 유치", …): three item
  // headings or more (a heading's mark, a circled number or a numbering) whose first
  // organizations differ.
  bool digest = false;
  // The marker of the first marked line, folded ("q"): an interview opens with a question, so a
  // line with another marker is an answer.
  std::string question_marker;
};

// Two cells of a table row that one of the layout's table_relations relates: the cell of a
// column whose header holds a source word and the cell of one whose header holds a target word
// ("| 리드 투자사 |" and "| 스타트업 |": the investor invests in the startup).
struct TableLink {
  std::uint32_t sentence = 0;
  std::pair<std::uint32_t, std::uint32_t> source;  // token ranges
  std::pair<std::uint32_t, std::uint32_t> target;
  std::size_t relation = 0;  // index into Layout::table_relations
};

// The name that opens an item of a bulleted list under one of the layout's list_sections
// headings: "- 카고비(CargoBee): 최대 300kg을 싣는 AMR" under "3. 주요 제품" names 카고비, up to
// the first dash, colon, comma or parenthesis.
struct SectionItem {
  std::uint32_t sentence = 0;
  std::uint32_t begin = 0;  // token range of the name
  std::uint32_t end = 0;
  std::size_t section = 0;  // index into Layout::list_sections
};

// An item of a nested bulleted list and the item it is indented under: "  - 플랫폼실 (실장: …)"
// under "- 테크본부". The names are the words the item opens with, before a parenthesis, a dash or
// a colon ("디자인팀, PM팀" in "- 디자인팀, PM팀").
struct OutlineItem {
  std::uint32_t sentence = 0;
  std::uint32_t begin = 0;  // token range of the names
  std::uint32_t end = 0;
  int parent = -1;  // index into DocumentAnalysis::outline_items, or -1 for a top item
};

struct DocumentAnalysis {
  std::string id;
  DecodedText decoded;
  NormalizedText norm;
  Segmentation segmentation;
  std::vector<std::string> headings;  // line -> its heading key (line_headings in layout.h)
  std::vector<bool> header_line;      // find_header in layout.h
  std::vector<bool> boilerplate_line;
  std::vector<SentenceAnalysis> sentences;
  std::vector<MentionCandidate> mentions;  // accepted, non-overlapping
  std::vector<int> entity_of_mention;      // mention -> local entity index
  // mention -> whether it is an outlet or reporter of a byline, no party to the text (in_byline;
  // worked out once, for the topic and every relation search)
  std::vector<bool> byline_mention;
  std::vector<TableLink> table_links;      // read_tables_and_sections in layout.h
  std::vector<SectionItem> section_items;  // likewise
  std::vector<OutlineItem> outline_items;  // likewise
  DocumentKind kind;                       // from its layout (document_kind in layout.h)
  int topic = -1;                          // local entity index of the topic organization
  std::vector<int>
      section_topic;             // line -> its section's organization (section_topics in layout.h)
  std::vector<int> topics;       // the topic entity of each type that has one
  int topic_product = -1;        // local entity index of the topic product ("$about"), or -1
  bool product_release = false;  // the title names topic_product with a version (versioned_title)
  // A header line names the topic organization and a blog ("가온마트 기술블로그"): the company's
  // blog, where "we" and a subjectless stack are the company's (company_blog in layout.h).
  bool company_blog = false;
  // The topic organization is named on a line that opens with one of the layout's
  // recipient_fields ("Account Name: Brenholt Marine", "수신: 가람대학교"): the document is written
  // to it or about it as a client, so its "we" is another party (topic_addressed in layout.h).
  bool topic_addressed = false;
  int own_team = -1;     // the team first-person words stand for (저희 팀, our team), if any
  int interviewee = -1;  // in an interview, the first person it names outside bylines
  Writer writer;         // the person a post is by (find_writer)
  int lead_team = -1;    // the first team the document names in its first kOwnEntityLead sentences
  // The facts of the words of its tokens (Token::word), kept by the extractor's thread; null for
  // a document analysed without them.
  const WordFacts* words = nullptr;
  // The answers of the matcher's word tests for the same words (null: each token is tested).
  WordAnswers* word_answers = nullptr;

  std::string_view normalized(std::uint32_t begin, std::uint32_t end) const {
    return std::string_view(norm.text).substr(begin, end - begin);
  }
  // The original text of normalised range [begin, end).
  std::string_view original(std::uint32_t begin, std::uint32_t end) const {
    const std::uint32_t b = norm.original_offset(begin);
    const std::uint32_t e = norm.original_end(end);
    return std::string_view(decoded.text).substr(b, e - b);
  }
};

}  // namespace kgex
