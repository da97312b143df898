#include "extractor/layout.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <iterator>
#include <map>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <vector>

#include "core/utf8.h"
#include "extractor/text/particles.h"
#include "extractor/text/tokenizer.h"

namespace kgex {
namespace {

constexpr int kMinProseBeforeMarker = 2;

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// "2025.04.04", "2025-04-04", "2025/4/4" or "12:15". One pass for both forms: both start with
// two digits, which most bytes are not.
bool has_stamp(std::string_view s) {
  for (std::size_t i = 0; i + 4 < s.size(); ++i) {
    if (!is_digit(s[i + 1])) {
      ++i;  // two digits start neither at i nor at i + 1
      continue;
    }
    if (!is_digit(s[i])) {
      continue;
    }
    if (is_digit(s[i + 2]) && is_digit(s[i + 3]) &&
        (s[i + 4] == '.' || s[i + 4] == '-' || s[i + 4] == '/') && i + 6 < s.size() &&
        is_digit(s[i + 5])) {
      return true;
    }
    if (s[i + 2] == ':' && is_digit(s[i + 3]) && is_digit(s[i + 4])) {
      return true;
    }
  }
  return false;
}

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// `line` folded as fold_case() folds it and without its spaces, into `out`, when it holds ASCII
// and Hangul syllables alone (else false, and `out` is of no use): the text find_boilerplate
// looks for markers in, before the marks around a box's heading are cut off it.
bool compact_plain(std::string_view line, std::string& out) {
  // Copied, then folded and closed up in place: what is kept never runs ahead of what is read.
  out.assign(line);
  char* w = out.data();
  for (std::size_t p = 0; p < line.size();) {
    const auto b = static_cast<unsigned char>(line[p]);
    if (b < 0x80) {
      if (b != ' ') {
        *w++ = static_cast<char>(b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b);
      }
      ++p;
      continue;
    }
    if (!hangul_syllable_at(line, p)) {
      return false;
    }
    w = std::copy_n(line.data() + p, 3, w);
    p += 3;
  }
  out.resize(static_cast<std::size_t>(w - out.data()));
  return true;
}

// The end of a time of day ("9:30", "14:06") that starts at `at` of `line`, or npos.
std::size_t clock_end(std::string_view line, std::size_t at) {
  const std::size_t colon = line.find(':', at);
  return colon != std::string_view::npos && (colon == at + 1 || colon == at + 2) &&
                 is_digit(line[at]) && is_digit(line[colon - 1]) && line.size() > colon + 2 &&
                 is_digit(line[colon + 1]) && is_digit(line[colon + 2])
             ? colon + 3
             : std::string_view::npos;
}

// Whether a line opens with a time of day, or a span of two ("14:06  Rollback attempted", "9:30
// Keynote", "10:00–10:30  Welcome", "10:00 - 10:30 Roadmap"), then a space: an incident's
// timeline, a programme or an episode's chapters, whose lines are the text's own.
bool opens_with_clock(std::string_view line) {
  std::size_t end = clock_end(line, 0);
  if (end == std::string_view::npos || end >= line.size()) {
    return false;
  }
  std::size_t at = line.find_first_not_of(' ', end);
  for (const std::string_view dash : {"-", "~", "\xE2\x80\x93", "\xE2\x80\x94"}) {
    if (at != std::string_view::npos && line.substr(at).starts_with(dash)) {
      at = line.find_first_not_of(' ', at + dash.size());
      const std::size_t to = at == std::string_view::npos ? at : clock_end(line, at);
      end = to != std::string_view::npos ? to : end;
      break;
    }
  }
  return end < line.size() && (line[end] == ' ' || line[end] == '\t');
}

// Whether a line opens with a year and a month and no day ("2017.03  서울에서 설립", "2021-06
// Series B"): a company's chronology, whose lines are the text's own.
bool opens_with_month(std::string_view line) {
  constexpr std::size_t kYear = 4;
  if (line.size() < kYear + 3 || !std::all_of(line.begin(), line.begin() + kYear, is_digit) ||
      (line[kYear] != '.' && line[kYear] != '-' && line[kYear] != '/') ||
      !is_digit(line[kYear + 1])) {
    return false;
  }
  std::size_t end = kYear + 2;
  end += end < line.size() && is_digit(line[end]) ? 1 : 0;
  return end < line.size() && (line[end] == ' ' || line[end] == '\t');
}

bool is_listing_line(std::string_view line) {
  line = trimmed(line);
  return !line.empty() && (is_digit(line.front()) || is_digit(line.back())) && has_stamp(line) &&
         !opens_with_clock(line) && !opens_with_month(line);
}

// Whether a line is a comment's header on a social post: short fields set apart by middle dots,
// with no full stop at its end ("Ada Obi · Engineering Manager at Vela").
bool fields_line(std::string_view text) {
  constexpr std::size_t kFieldsLine = 80;
  return text.size() <= kFieldsLine && text.find(" \xC2\xB7 ") != std::string_view::npos &&
         !text.ends_with('.');
}

// A post's tags: two words or more, each a # and a word ("#해커톤 #Flutter"). They tag the post
// and state nothing. A Markdown heading ("# 소개") has a space after its #.
bool is_tag_line(std::string_view line) {
  int words = 0;
  std::size_t at = 0;
  line = trimmed(line);
  while (at < line.size()) {
    const std::size_t end = std::min(line.find(' ', at), line.size());
    if (end - at < 2 || line[at] != '#' || line[at + 1] == '#') {
      return false;
    }
    ++words;
    at = line.find_first_not_of(' ', end);
  }
  return words >= 2;
}

constexpr std::size_t kArticleLineLength = 60;

// Whether a line is a reply in a comment thread: it opens with a reply mark ("ㄴ", "└", "↳")
// or with a handle and a colon ("pace_maker: …", "러닝화수집가: …").
bool comment_line(std::string_view text) {
  constexpr std::size_t kHandle = 24;  // bytes
  for (const std::string_view mark : {"\xE3\x84\xB4", "\xE2\x94\x94", "\xE2\x86\xB3"}) {
    if (text.starts_with(mark)) {
      return true;
    }
  }
  const std::size_t colon = text.find(':');
  return colon != std::string_view::npos && colon > 0 && colon <= kHandle &&
         text.substr(0, colon).find(' ') == std::string_view::npos;
}

bool resumes_article(const DocumentAnalysis& doc, const Line& line) {
  const std::string_view text = trimmed(doc.normalized(line.begin, line.end));
  return line.kind == LineKind::kProse && count_code_points_utf8(text) >= kArticleLineLength &&
         !has_stamp(text);
}

// Whether a line ends as a sentence does: with a full stop, a question or an exclamation mark,
// before a closing quotation mark or not.
bool ends_sentence(std::string_view text) {
  while (!text.empty() && (text.ends_with('"') || text.ends_with('\'') ||
                           text.ends_with("\xE2\x80\x9D") || text.ends_with("\xE2\x80\x99"))) {
    text.remove_suffix(text.ends_with('"') || text.ends_with('\'') ? 1 : 3);
  }
  return text.ends_with('.') || text.ends_with('?') || text.ends_with('!');
}

// Whether a heading key is one of `layout`'s section headings, maybe after words that say whose
// ("결제팀 기술 스택", "Our tech stack"): 1 for a skipped section's, 2 for a posting's, else 0.
int section_heading(const Layout& layout, const std::string& key) {
  const auto heads = [&](const WordSet& headings) {
    return std::ranges::any_of(headings, [&](std::string_view h) { return key.ends_with(h); });
  };
  return key.empty()                      ? 0
         : heads(layout.skipped_sections) ? 1
         : heads(layout.posting_markers)  ? 2
                                          : 0;
}

// Whether a line opens with a bullet that marks a heading: "■ 팀 리드 한마디", "▶ 말다리". Not a
// line the bullet marks again further on, a list of items in one line ("▷대표이사 P ▷CTO Q").
bool bullet_heading(std::string_view text) {
  for (const std::string_view mark : {"\xE2\x96\xA0", "\xE2\x96\xA1", "\xE2\x97\x8F",
                                      "\xE2\x97\x86", "\xE2\x96\xB6", "\xE2\x96\xB7"}) {
    if (text.starts_with(mark)) {
      return text.find(mark, mark.size()) == std::string_view::npos;
    }
  }
  return false;
}

// Whether a line opens with a heading's mark: a bullet, or Markdown's "## Benefits" or a
// bracketed "[복지]".
bool marked_heading(std::string_view text) {
  return bullet_heading(text) || text.starts_with('#') || text.starts_with('[');
}

// Whether a line is a programme's time slot and nothing else: a label in Latin letters that opens
// with a capital, then a time range ("KEYNOTE  10:00–10:40", "TRACK B 13:00-13:40").
bool slot_heading(std::string_view line) {
  constexpr std::size_t kMaxSlot = 48;  // bytes
  if (line.empty() || line.size() > kMaxSlot || line[0] < 'A' || line[0] > 'Z') {
    return false;
  }
  bool time = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (c == ':') {
      time = time || (i > 0 && is_digit(line[i - 1]) && i + 2 < line.size() &&
                      is_digit(line[i + 1]) && is_digit(line[i + 2]));
      continue;
    }
    if (line.substr(i).starts_with("\xE2\x80\x93") || line.substr(i).starts_with("\xE2\x80\x94")) {
      i += 2;  // an en or em dash between the times
      continue;
    }
    const bool ascii = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || is_digit(c) ||
                       c == ' ' || c == '-' || c == '~' || c == '.';
    if (!ascii) {
      return false;
    }
  }
  return time;
}

// Whether text opens with a circled number: ① .. ⑳ are U+2460 .. U+2473, E2 91 A0 .. E2 91 B3.
bool circled_number(std::string_view text) {
  return text.size() >= 3 && static_cast<unsigned char>(text[0]) == 0xE2 &&
         static_cast<unsigned char>(text[1]) == 0x91 &&
         static_cast<unsigned char>(text[2]) >= 0xA0 && static_cast<unsigned char>(text[2]) <= 0xB3;
}

// Whether a line opens with a Korean letter of an outline, one syllable of 가나다라… and a full
// stop or a closing parenthesis and a space ("가. 엔비디아", "나) 팜로직스"), as reports number
// their sections under a numbered heading.
bool lettered_heading(std::string_view line) {
  static constexpr std::array<std::string_view, 14> kLetters = {
      "가", "나", "다", "라", "마", "바", "사", "아", "자", "차", "카", "타", "파", "하"};
  constexpr std::size_t kSyllable = 3;  // bytes of a Hangul syllable in UTF-8
  return line.size() > kSyllable + 2 && (line[kSyllable] == '.' || line[kSyllable] == ')') &&
         line[kSyllable + 1] == ' ' &&
         std::ranges::find(kLetters, line.substr(0, kSyllable)) != kLetters.end();
}

// The length of the numbering a line opens with, digits and a full stop or a closing
// parenthesis ("3.", "12)"), or 0.
std::size_t numbering(std::string_view line) {
  std::size_t digits = 0;
  while (digits < line.size() && is_digit(line[digits])) {
    ++digits;
  }
  return digits > 0 && digits < line.size() && (line[digits] == '.' || line[digits] == ')')
             ? digits + 1
             : 0;
}

// Whether a line opens like an item of a digest: a bullet, a circled number (①), a numbering
// ("3.", "2)"), a Korean letter ("가.") or a programme's time slot. Brackets open time stamps of
// transcripts and Markdown headings sections of one story, so neither counts.
bool item_heading(std::string_view line) {
  constexpr std::size_t kMaxItemHeading = 240;  // bytes: a heading, not a paragraph
  if (line.empty() || line.size() > kMaxItemHeading) {
    return false;
  }
  if (bullet_heading(line) || slot_heading(line)) {
    return true;
  }
  if (circled_number(line) || lettered_heading(line)) {
    return true;
  }
  // A programme's session code in brackets, letters and a number: "[A-1] 제목", "[Track 2]
  // Title"; not a time stamp ("[00:01:05]").
  constexpr std::size_t kMaxCode = 16;  // bytes
  if (line.starts_with('[')) {
    const std::size_t close = line.find(']');
    if (close == std::string_view::npos || close > kMaxCode || close + 2 >= line.size() ||
        line[close + 1] != ' ') {
      return false;
    }
    const std::string_view code = line.substr(1, close - 1);
    return std::ranges::any_of(code, is_digit) && code.find(':') == std::string_view::npos &&
           std::ranges::any_of(code, [](char c) {
             return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                    static_cast<unsigned char>(c) >= 0x80;
           });
  }
  const std::size_t number = numbering(line);
  return number > 0 && number <= 3 && number < line.size() && line[number] == ' ';
}

// Whether a sentence opens with an interview marker and a full stop or a colon ("Q.", "A:").
bool interview_line(const Layout& layout, const SentenceAnalysis& s) {
  return s.tokens.size() >= 2 && layout.interview_markers.contains(s.tokens[0].folded) &&
         (s.tokens[1].text == "." || s.tokens[1].text == ":");
}

// Sections about the reader, from a skipped heading to the next heading: one of either list, or
// a line that opens with a heading's mark.
void mark_skipped_sections(const DocumentAnalysis& doc, const Layout& layout,
                           std::vector<bool>& out) {
  if (layout.skipped_sections.empty()) {
    return;
  }
  const auto& lines = doc.segmentation.lines;
  bool skipping = false;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const int heading = section_heading(layout, doc.headings[i]);
    if (heading != 0) {
      skipping = heading == 1;
    } else if (skipping && marked_heading(trimmed(doc.normalized(lines[i].begin, lines[i].end)))) {
      skipping = false;
    }
    if (skipping) {
      out[i] = true;
    }
  }
}

using Cells = std::vector<std::pair<std::uint32_t, std::uint32_t>>;

// Whether the text between two tokens sets a row's cells apart without a bar: two spaces or more,
// or a tab of the original text (normalisation makes a tab one space).
bool wide_gap(const DocumentAnalysis& doc, std::uint32_t from, std::uint32_t to) {
  if (doc.normalized(from, to).find("  ") != std::string_view::npos) {
    return true;
  }
  const std::uint32_t begin = doc.norm.original_offset(from);
  return std::string_view(doc.decoded.text)
             .substr(begin, doc.norm.original_offset(to) - begin)
             .find('\t') != std::string_view::npos;
}

bool piped(const SentenceAnalysis& s) {
  return std::any_of(s.tokens.begin(), s.tokens.end(),
                     [](const Token& t) { return t.text == "|"; });
}

// The cells of a table row: token ranges between '|' tokens, where a bar that opens or closes the
// row sets no empty cell apart ("| a | b |" and "a | b" both hold a and b); in a row without
// bars, token ranges set apart by wide gaps ("Ana Ruiz    Search").
Cells cells_of(const DocumentAnalysis& doc, const SentenceAnalysis& s) {
  Cells cells;
  const auto n = static_cast<std::uint32_t>(s.tokens.size());
  const bool bars = piped(s);
  std::uint32_t start = 0;
  for (std::uint32_t k = 0; k <= n; ++k) {
    const bool bar = k < n && bars && s.tokens[k].text == "|";
    const bool gap =
        !bars && k > 0 && k < n && wide_gap(doc, s.tokens[k - 1].end, s.tokens[k].begin);
    if (k < n && !bar && !gap) {
      continue;
    }
    const bool outer =
        (bar && k == 0) || (k == n && start == n && n > 0 && s.tokens[n - 1].text == "|");
    if (!outer) {
      cells.emplace_back(start, k);
    }
    start = bar ? k + 1 : k;
  }
  return cells;
}

// Whether a row is the rule under a header: "|---|:---:|", "---  ===".
bool rule_row(const SentenceAnalysis& s, const Cells& cells) {
  return std::all_of(cells.begin(), cells.end(), [&](const auto& c) {
    for (std::uint32_t k = c.first; k < c.second; ++k) {
      if (s.tokens[k].text != "-" && s.tokens[k].text != ":" && s.tokens[k].text != "=") {
        return false;
      }
    }
    return true;
  });
}

// Calls row(sentence, cells, header row, header cells) for each body row of each Markdown
// table: rows on consecutive lines, the first of them the header.
template <class Row>
void each_table_row(const DocumentAnalysis& doc, Row&& row) {
  const SentenceAnalysis* header = nullptr;
  Cells header_cells;
  std::uint32_t previous_line = 0;
  for (std::uint32_t si = 0; si < doc.sentences.size(); ++si) {
    const SentenceAnalysis& s = doc.sentences[si];
    if (!s.table_row || s.boilerplate) {
      header = nullptr;
      continue;
    }
    Cells cells = cells_of(doc, s);
    const bool continues = header != nullptr && s.span.line <= previous_line + 1;
    previous_line = s.span.line;
    if (rule_row(s, cells)) {
      continue;
    }
    if (!continues) {
      header = &s;
      header_cells = std::move(cells);
      continue;
    }
    row(si, cells, *header, header_cells);
  }
}

// Whether a header cell holds one of `words`.
bool holds(const SentenceAnalysis& header, std::pair<std::uint32_t, std::uint32_t> cell,
           const std::vector<std::string>& words) {
  for (std::uint32_t k = cell.first; k < cell.second; ++k) {
    if (std::find(words.begin(), words.end(), header.tokens[k].folded) != words.end()) {
      return true;
    }
  }
  return false;
}

bool column_word(const Layout& layout, std::string_view folded) {
  return std::any_of(layout.table_columns.begin(), layout.table_columns.end(),
                     [&](const auto& tc) { return tc.first == folded; });
}

// The type the last table_columns word of a header cell gives its column: English and Korean put
// a compound's head last, so "Lead investor" and "리드 투자사" hold investors, "Team lead" people.
std::optional<EntityType> column_type(const Layout& layout, const SentenceAnalysis& header,
                                      std::pair<std::uint32_t, std::uint32_t> cell) {
  for (std::uint32_t k = cell.second; k-- > cell.first;) {
    auto it = std::find_if(layout.table_columns.begin(), layout.table_columns.end(),
                           [&](const auto& tc) { return tc.first == header.tokens[k].folded; });
    if (it == layout.table_columns.end()) {
      continue;
    }
    // "Product name" holds products and "Code name" no one's: a name word says of what only
    // through the word before it.
    if (k > cell.first && layout.table_name_words.contains(header.tokens[k].folded)) {
      it = std::find_if(layout.table_columns.begin(), layout.table_columns.end(),
                        [&](const auto& tc) { return tc.first == header.tokens[k - 1].folded; });
      return it == layout.table_columns.end() ? std::nullopt : std::optional(it->second);
    }
    return it->second;
  }
  return std::nullopt;
}

// Whether a line is the rule under a header of a table without a leading bar: dashes with bars
// between cells, "--- | :---:" (GitHub's Markdown), or for a table aligned with spaces, dashes or
// equals signs alone, "-----   ====".
bool plain_rule_line(std::string_view line, bool bars) {
  line = trimmed(line);
  const auto dashes =
      std::count_if(line.begin(), line.end(), [](char c) { return c == '-' || c == '='; });
  const bool only = std::all_of(line.begin(), line.end(), [&](char c) {
    return c == '-' || c == ':' || c == ' ' || (bars ? c == '|' : c == '=');
  });
  return only && dashes >= 3 && (!bars || line.find('|') != std::string_view::npos);
}

// Marks as table rows the lines of tables written without a leading bar, each line one sentence:
//  - a pipe table, its header row "Name | Team" over a rule "--- | ---" (GitHub's Markdown), and
//    the rows with a bar below;
//  - a table aligned with spaces or tabs, its header's cells set apart by wide gaps, over rows of
//    as many cells: under a rule of dashes or equals signs one row is enough, without one it
//    takes two (a timeline's or a menu's lines are no table).
// Either header has two cells or more, each a label of a few words without a number ("Name",
// "현 소속/직책"; a chronology's "2017.03  설립 (공동창업자 P)" is no header), one of them a
// table_columns word, as a table must have to yield anything.
void mark_plain_tables(DocumentAnalysis& doc, const Layout& layout) {
  constexpr std::uint32_t kMaxLabel = 5;  // tokens of a header cell
  const auto& lines = doc.segmentation.lines;
  std::vector<std::uint32_t> only(lines.size(), UINT32_MAX);  // a line's sentence, if one alone
  std::vector<bool> several(lines.size(), false);
  for (std::uint32_t si = 0; si < doc.sentences.size(); ++si) {
    const std::uint32_t l = doc.sentences[si].span.line;
    several[l] = only[l] != UINT32_MAX;
    only[l] = si;
  }
  const auto row = [&](std::size_t l) {
    return l < lines.size() && only[l] != UINT32_MAX && !several[l] &&
           !doc.sentences[only[l]].table_row;
  };
  // A header sets its cells apart by bars or wide gaps: most lines, prose with single spaces,
  // are passed over without reading their cells.
  const auto may_head = [&](std::size_t l) {
    return doc.normalized(lines[l].begin, lines[l].end).find('|') != std::string_view::npos ||
           wide_gap(doc, lines[l].begin, lines[l].end);
  };
  for (std::size_t l = 0; l < lines.size(); ++l) {
    if (!row(l) || !may_head(l)) {
      continue;
    }
    const SentenceAnalysis& header = doc.sentences[only[l]];
    const Cells head = cells_of(doc, header);
    const bool labels = std::all_of(head.begin(), head.end(), [&](const auto& cell) {
      return cell.second - cell.first <= kMaxLabel &&
             std::none_of(header.tokens.begin() + cell.first, header.tokens.begin() + cell.second,
                          [](const Token& t) { return t.script == Script::kDigit; });
    });
    if (head.size() < 2 || !labels || std::none_of(head.begin(), head.end(), [&](const auto& cell) {
          return column_type(layout, header, cell).has_value();
        })) {
      continue;
    }
    const bool bars = piped(header);
    std::size_t first = l + 1;
    const bool ruled =
        row(first) && plain_rule_line(doc.normalized(lines[first].begin, lines[first].end), bars);
    if (ruled) {
      ++first;
    } else if (bars) {
      continue;
    }
    std::size_t end = first;
    while (row(end) && (bars ? piped(doc.sentences[only[end]])
                             : cells_of(doc, doc.sentences[only[end]]).size() == head.size())) {
      ++end;
    }
    if (end - first < (ruled ? 1U : 2U)) {
      continue;
    }
    for (std::size_t k = l; k < end; ++k) {
      doc.sentences[only[k]].table_row = true;
    }
    l = end - 1;
  }
}

// The members of a cell that lists several ("에이티넘인베스트먼트, KB인베스트먼트", "a16z &
// Accel"), each without a trailing parenthetical ("핵심 LLM (ChatGPT)"); a member of punctuation
// only ("—") is none. "&" parts members only with `ampersand`: it lists investors, but it is
// part of a team's name ("Web & Partners", "Research & Development").
Cells members(const SentenceAnalysis& s, std::pair<std::uint32_t, std::uint32_t> cell,
              bool ampersand) {
  Cells out;
  std::uint32_t b = cell.first;
  const auto close = [&](std::uint32_t e) {
    for (std::uint32_t k = b; k < e; ++k) {
      if (s.tokens[k].text == "(") {
        e = k;
        break;
      }
    }
    if (std::any_of(s.tokens.begin() + b, s.tokens.begin() + e,
                    [](const Token& t) { return t.script != Script::kPunct; })) {
      out.emplace_back(b, e);
    }
  };
  int depth = 0;
  for (std::uint32_t k = cell.first; k < cell.second; ++k) {
    const std::string_view t = s.tokens[k].text;
    depth += t == "(" ? 1 : t == ")" ? -1 : 0;
    if (depth == 0 &&
        (t == "," || t == "\xC2\xB7" || t == "/" || t == ";" || (ampersand && t == "&"))) {
      close(k);
      b = k + 1;
    }
  }
  close(cell.second);
  return out;
}

// Whether a line is an item of a bulleted (not numbered) list: "- ", "* ", "• ", "· ".
bool bullet_item(std::string_view line) {
  line = trimmed(line);
  return line.starts_with("- ") || line.starts_with("* ") || line.starts_with("\xE2\x80\xA2") ||
         line.starts_with("\xC2\xB7 ");
}

}  // namespace

std::string heading_key(std::string_view line) {
  constexpr std::size_t kMaxHeading = 24;
  line = trimmed(line);
  if (line.empty() || count_code_points_utf8(line) > kMaxHeading) {
    return {};
  }
  line.remove_prefix(numbering(line));
  return fold_letters(line);
}

std::vector<std::string> line_headings(const DocumentAnalysis& doc) {
  std::vector<std::string> out;
  out.reserve(doc.segmentation.lines.size());
  for (const Line& line : doc.segmentation.lines) {
    out.push_back(line.kind == LineKind::kBlank
                      ? std::string()
                      : heading_key(doc.normalized(line.begin, line.end)));
  }
  return out;
}

std::vector<Byline> bylines(const DocumentAnalysis& doc, const Layout& layout) {
  constexpr std::size_t kBylineLines = 8;      // non-blank lines from the top
  constexpr std::uint32_t kMarkerTokens = 24;  // a byline's marker comes within its first tokens
  std::vector<Byline> out;
  if (layout.writer_markers.empty()) {
    return out;
  }
  std::size_t longest = 0;
  for (std::string_view m : layout.writer_markers) {
    longest = std::max(longest, m.size());
  }
  const auto& lines = doc.segmentation.lines;
  std::size_t seen = 0;
  std::uint32_t last_line = UINT32_MAX;
  std::string letters;  // from sentence to sentence
  for (std::uint32_t si = 0; si < doc.sentences.size(); ++si) {
    const SentenceAnalysis& s = doc.sentences[si];
    if (s.span.line == last_line) {
      continue;
    }
    for (std::uint32_t l = last_line == UINT32_MAX ? 0 : last_line + 1; l <= s.span.line; ++l) {
      seen += lines[l].kind == LineKind::kBlank ? 0 : 1;
    }
    last_line = s.span.line;
    if (seen > kBylineLines) {
      break;
    }
    // The marker is whole words: the letters of the sentence's first tokens, after a run of
    // spaces and punctuation (kMarkerTokens tokens in all at most), are one of the markers.
    // Folding goes code point by code point, so the letters grow token by token.
    letters.clear();
    std::uint32_t folded_to = s.span.begin;
    for (std::uint32_t k = 0; k < s.tokens.size() && k < kMarkerTokens; ++k) {
      append_folded_letters(letters, doc.normalized(folded_to, s.tokens[k].end));
      folded_to = s.tokens[k].end;
      if (letters.size() > longest) {
        break;
      }
      if (!letters.empty() && layout.writer_markers.contains(letters)) {
        out.push_back({.sentence = si, .marker_end = k + 1});
        break;
      }
    }
  }
  return out;
}

namespace {

// How many of the layout's we_words the document's sentences hold.
int we_words(const DocumentAnalysis& doc) {
  int we = 0;
  for (const SentenceAnalysis& s : doc.sentences) {
    we += s.we_words;
  }
  return we;
}

}  // namespace

int byline_team(const DocumentAnalysis& doc, const std::vector<Byline>& found,
                const std::vector<LocalEntity>& entities) {
  if (found.empty()) {
    return -1;
  }
  const std::uint32_t line = doc.sentences[found.front().sentence].span.line;
  int team = -1;
  bool writer = false;
  for (std::size_t m = 0; m < doc.mentions.size(); ++m) {
    const int e = doc.entity_of_mention[m];
    if (doc.sentences[doc.mentions[m].sentence].span.line != line || e < 0) {
      continue;
    }
    writer = writer || entities[e].type == EntityType::kPerson;
    if (entities[e].type != EntityType::kTeam || e == team) {
      continue;
    }
    if (team >= 0) {
      return -1;  // two teams: whose post it is, the line does not say
    }
    team = e;
  }
  // A byline that names a team and no writer signs a company's notice as often as a team's post
  // ("작성자 가온 운영팀" over "당사는 …"): the post is the team's only where it says "we".
  constexpr int kTeamWe = 2;
  return writer || we_words(doc) >= kTeamWe ? team : -1;
}

bool topic_addressed(const DocumentAnalysis& doc, const Layout& layout, int topic) {
  if (topic < 0) {
    return false;
  }
  for (std::size_t m = 0; m < doc.mentions.size(); ++m) {
    if (doc.entity_of_mention[m] == topic &&
        sentence_opens_with_field(doc, doc.mentions[m].sentence, layout.recipient_fields)) {
      return true;
    }
  }
  return false;
}

int byline_organization(const DocumentAnalysis& doc, const std::vector<Byline>& found,
                        const std::vector<LocalEntity>& entities) {
  // A news report says "we" now and then outside its quotations ("we have asked Vela for
  // comment"): three times, a post speaks for its byline's company.
  constexpr int kBylineWe = 3;
  if (found.empty() || we_words(doc) < kBylineWe) {
    return -1;
  }
  const Byline& byline = found.front();
  const std::uint32_t line = doc.sentences[byline.sentence].span.line;
  int org = -1;
  for (std::size_t m = 0; m < doc.mentions.size(); ++m) {
    const MentionCandidate& c = doc.mentions[m];
    const int e = doc.entity_of_mention[m];
    if (e < 0 || e == org || entities[e].type != EntityType::kOrganization ||
        doc.sentences[c.sentence].span.line != line ||
        (c.sentence == byline.sentence && c.begin < byline.marker_end)) {
      continue;
    }
    if (org >= 0) {
      return -1;  // two organizations: whose document it is, the line does not say
    }
    org = e;
  }
  return org;
}

int header_team(const DocumentAnalysis& doc, const std::vector<LocalEntity>& entities) {
  // The header, or a scraped page's head above its body (a menu line ends no header there).
  const std::size_t body = first_body_line(doc);
  std::size_t m = 0;
  for (; m < doc.mentions.size(); ++m) {
    const std::uint32_t line = doc.sentences[doc.mentions[m].sentence].span.line;
    if (doc.entity_of_mention[m] >= 0 && (line < body || doc.header_line[line])) {
      break;
    }
  }
  if (m == doc.mentions.size() || entities[doc.entity_of_mention[m]].type != EntityType::kTeam) {
    return -1;
  }
  const int team = doc.entity_of_mention[m];
  // A page is its team's where it says "we", or where its body opens on the team too, as a
  // lab's homepage does ("촉감지능 연구실 | …" over "촉감지능 연구실은 …을 연구합니다").
  constexpr int kHeaderTeamWe = 3;
  if (we_words(doc) >= kHeaderTeamWe) {
    return team;
  }
  for (; m < doc.mentions.size(); ++m) {
    const std::uint32_t line = doc.sentences[doc.mentions[m].sentence].span.line;
    const SentenceAnalysis& s = doc.sentences[doc.mentions[m].sentence];
    if (doc.entity_of_mention[m] >= 0 && !doc.header_line[line] && !s.boilerplate) {
      // As the subject, maybe past a parenthetical ("… 연구실(Tactile Lab)은"): a notice's
      // "피플팀입니다" signs it for the company.
      std::uint32_t last = doc.mentions[m].end - 1;
      if (last + 1 < s.tokens.size() && s.tokens[last + 1].text == "(") {
        for (std::uint32_t k = last + 1; k < s.tokens.size(); ++k) {
          if (s.tokens[k].text == ")") {
            last = k + 1 < s.tokens.size() && s.tokens[k + 1].particle_only() ? k + 1 : k;
            break;
          }
        }
      }
      return doc.entity_of_mention[m] == team && is_subject_particle(s.tokens[last].particle) ? team
                                                                                              : -1;
    }
  }
  return -1;
}

bool company_blog(const DocumentAnalysis& doc, const Layout& layout, int topic) {
  if (topic < 0) {
    return false;
  }
  // The header, or a scraped page's head above its body; a page with no such head (body at its
  // end) has no lines above the body to count.
  const std::size_t body = first_body_line(doc);
  const bool page_head = body < doc.segmentation.lines.size();
  for (std::size_t m = 0; m < doc.mentions.size(); ++m) {
    const SentenceAnalysis& s = doc.sentences[doc.mentions[m].sentence];
    const std::uint32_t line = s.span.line;
    if (doc.entity_of_mention[m] == topic &&
        ((page_head && line < body) || doc.header_line[line]) &&
        std::ranges::any_of(s.tokens,
                            [&](const Token& t) { return layout.blog_words.contains(t.folded); })) {
      return true;
    }
  }
  return false;
}

std::size_t first_body_line(const DocumentAnalysis& doc) {
  constexpr int kPageHeadLines = 15;
  const auto& lines = doc.segmentation.lines;
  int seen = 0;
  for (std::size_t i = 0; i < lines.size() && seen < kPageHeadLines; ++i) {
    if (resumes_article(doc, lines[i])) {
      return i;
    }
    seen += lines[i].kind == LineKind::kBlank ? 0 : 1;
  }
  return lines.size();
}

namespace {

// Whether `text` holds a year of four digits, 19xx or 20xx, standing apart from other digits.
bool holds_year(std::string_view text) {
  constexpr std::size_t kDigits = 4;
  for (std::size_t i = 0; i + kDigits <= text.size(); ++i) {
    const std::string_view century = text.substr(i, 2);
    if ((century == "19" || century == "20") && is_digit(text[i + 2]) && is_digit(text[i + 3]) &&
        (i == 0 || !is_digit(text[i - 1])) &&
        (i + kDigits == text.size() || !is_digit(text[i + kDigits]))) {
      return true;
    }
  }
  return false;
}

}  // namespace

bool opens_with_field(std::string_view text, const WordSet& fields) {
  constexpr std::size_t kFieldChars = 24;
  const std::size_t colon = text.find(':');
  if (fields.empty() || colon == std::string_view::npos || colon > kFieldChars) {
    return false;
  }
  std::string_view word = text.substr(0, colon);
  while (!word.empty() && word.back() == ' ') {
    word.remove_suffix(1);
  }
  return !word.empty() && fields.contains(fold_letters(word));
}

bool sentence_opens_with_field(const DocumentAnalysis& doc, std::uint32_t si,
                               const WordSet& fields) {
  const SentenceAnalysis& s = doc.sentences[si];
  return (si == 0 || doc.sentences[si - 1].span.line != s.span.line) &&
         opens_with_field(doc.normalized(s.span.begin, s.span.end), fields);
}

std::vector<bool> find_header(const DocumentAnalysis& doc, const Layout& layout) {
  // Three lines, and dated lines of fields right after them: a blog's name, its menu and the
  // post's title still leave its byline ("2024년 3월 2일 · 채도윤 · 댓글 4") in the header; a
  // thread's first reply header ("u/kiln · 3h") stays out.
  constexpr int kLines = 3;
  constexpr int kFieldLines = 5;
  std::vector<bool> header(doc.segmentation.lines.size(), false);
  int count = 0;
  bool fields = false;
  for (std::size_t i = 0; i < doc.segmentation.lines.size() && count < kFieldLines; ++i) {
    const LineKind kind = doc.segmentation.lines[i].kind;
    if (kind == LineKind::kBlank) {
      continue;
    }
    // A byline's fields set apart by middle dots ("Ada Obi-Lindqvist · March 3 · 8 min read")
    // are no paragraph, however long the name makes the line.
    const Line& line = doc.segmentation.lines[i];
    const std::string_view text = doc.normalized(line.begin, line.end);
    // A mail's header fields, up to the first line that is none, are its header: "Subject: Ticket
    // tool change: Trellid -> Quorra …" above "From: IT Desk <it@vela.com>" and "To: all@vela.com".
    // They are the whole header: the greeting and the paragraph under them are the body.
    if (count == 0 && opens_with_field(text, layout.address_fields)) {
      header[i] = true;
      fields = true;
      continue;
    }
    if (fields) {
      break;
    }
    if (count >= kLines && !(fields_line(text) && holds_year(text))) {
      break;
    }
    const bool prose = kind == LineKind::kProse && !fields_line(text);
    if (prose && count > 0) {
      break;
    }
    header[i] = true;
    ++count;
    if (prose) {  // an opening paragraph ends the header it heads
      break;
    }
  }
  return header;
}

bool reply_header(const Line& line, std::string_view text) {
  return line.kind == LineKind::kHeading && text.find(" · ") != std::string_view::npos;
}

DocumentKind document_kind(const DocumentAnalysis& doc, const Layout& layout,
                           const std::vector<int>& first_org) {
  constexpr int kInterviewLines = 4;
  constexpr int kPostingLines = 3;
  constexpr std::size_t kDigestItems = 3;
  int interview_lines = 0;
  std::string question_marker;
  std::uint32_t last_line = UINT32_MAX;
  for (const SentenceAnalysis& s : doc.sentences) {
    if (s.span.line != last_line && interview_line(layout, s)) {
      question_marker = interview_lines == 0 ? s.tokens[0].folded : question_marker;
      ++interview_lines;
    }
    last_line = s.span.line;
  }
  int posting_lines = 0;
  std::set<int> items;
  for (std::size_t l = 0; l < doc.segmentation.lines.size(); ++l) {
    const Line& line = doc.segmentation.lines[l];
    if (section_heading(layout, doc.headings[l]) != 0) {
      ++posting_lines;
    }
    if (first_org[l] >= 0 && item_heading(trimmed(doc.normalized(line.begin, line.end)))) {
      items.insert(first_org[l]);
    }
  }
  return DocumentKind{.interview = interview_lines >= kInterviewLines,
                      .posting = posting_lines >= kPostingLines,
                      .digest = items.size() >= kDigestItems,
                      .question_marker = std::move(question_marker)};
}

namespace {

// Whether the mention that ends at token `end` of `s` is followed by a list's joining word
// ("," "and" "or" "&" "/" "·") and another name: a line that lists names ("2. New integrations:
// Globex, Initech and Umbrella") announces several things and heads no one organization's
// section. `mentions`: the mentions of `s`.
bool listed_with_another(const DocumentAnalysis& doc, const std::vector<LocalEntity>& entities,
                         const std::vector<int>& mentions, std::uint32_t end,
                         const SentenceAnalysis& s) {
  static constexpr std::array<std::string_view, 6> kJoins = {",", "and", "&", "/", "·", "or"};
  if (end + 1 >= s.tokens.size() || std::ranges::find(kJoins, s.tokens[end].text) == kJoins.end()) {
    return false;
  }
  return std::ranges::any_of(mentions, [&](int m) {
    const int e = doc.entity_of_mention[m];
    return doc.mentions[m].begin == end + 1 && e >= 0 && entities[e].type != EntityType::kPerson &&
           entities[e].type != EntityType::kTeam;
  });
}

// The organization an opening line introduces: the first it names outside quotations
// ("1) "제목" — 심규현 (반디모빌 서버개발팀)", "② 통역 스타트업 말다리, 시리즈A 유치"); -1 when a
// product or tool comes first, or a word the line sets off with a dash, the thing the item is
// about ("3) 받아쓰개 — 문장공방" reviews the product its maker's name follows).
// `sentences`: the range of the line's sentences.
int introduced_organization(const DocumentAnalysis& doc, const std::vector<LocalEntity>& entities,
                            const std::vector<std::vector<int>>& by_sentence,
                            std::pair<std::uint32_t, std::uint32_t> sentences) {
  const auto dash = [](const Token& t) { return t.text == "—" || t.text == "–" || t.text == "-"; };
  for (std::uint32_t si = sentences.first; si < sentences.second; ++si) {
    const SentenceAnalysis& s = doc.sentences[si];
    const std::vector<bool>& quoted = s.quoted;
    std::uint32_t t = 0;
    while (t < s.tokens.size()) {
      if ((!quoted.empty() && quoted[t]) || s.tokens[t].script == Script::kPunct ||
          s.tokens[t].script == Script::kDigit) {
        ++t;
        continue;
      }
      const auto at = std::ranges::find_if(by_sentence[si], [&](int m) {
        return doc.mentions[m].begin <= t && t < doc.mentions[m].end;
      });
      if (at == by_sentence[si].end()) {
        if (t + 1 < s.tokens.size() && dash(s.tokens[t + 1])) {
          return -1;
        }
        ++t;
        continue;
      }
      const int e = doc.entity_of_mention[*at];
      if (entities[e].type == EntityType::kOrganization) {
        return listed_with_another(doc, entities, by_sentence[si], doc.mentions[*at].end, s) ? -1
                                                                                             : e;
      }
      if (entities[e].type == EntityType::kProduct || entities[e].type == EntityType::kTool) {
        return -1;
      }
      t = doc.mentions[*at].end;
    }
  }
  return -1;
}

// The team a heading line names and nothing else ("## 결제코어팀"), else -1.
int heading_team(const DocumentAnalysis& doc, const std::vector<LocalEntity>& entities,
                 const std::vector<std::vector<int>>& by_sentence,
                 std::pair<std::uint32_t, std::uint32_t> sentences) {
  int team = -1;
  for (std::uint32_t si = sentences.first; si < sentences.second; ++si) {
    for (const int m : by_sentence[si]) {
      const int e = doc.entity_of_mention[m];
      if (entities[e].type != EntityType::kTeam || (team >= 0 && team != e)) {
        return -1;
      }
      team = e;
    }
  }
  return team;
}

// The organization a line names and nothing else, under a blank line or at the top of the page,
// as a roundup heads the paragraphs about each company it goes on to describe ("Vela Labs" over
// "Founded in 2019 by …"), else -1. The name may follow a numbered label and a dash, as a fair's
// booth guide heads each exhibitor's paragraph ("Booth 21 - Vela Labs", "Stand B4 - Kivu"): the
// label names a place, not a party.
int name_line_organization(const DocumentAnalysis& doc, const std::vector<LocalEntity>& entities,
                           const std::vector<std::vector<int>>& by_sentence, std::size_t line,
                           std::pair<std::uint32_t, std::uint32_t> sentences) {
  const auto& lines = doc.segmentation.lines;
  if (lines[line].kind != LineKind::kHeading ||
      (line > 0 && lines[line - 1].kind != LineKind::kBlank) ||
      sentences.second != sentences.first + 1 || by_sentence[sentences.first].size() != 1) {
    return -1;
  }
  const int m = by_sentence[sentences.first].front();
  const int e = doc.entity_of_mention[m];
  const std::vector<Token>& tokens = doc.sentences[sentences.first].tokens;
  const std::uint32_t begin = doc.mentions[m].begin;
  constexpr std::uint32_t kLabelTokens = 3;  // "Booth 21", "Stand B4", "Table 3"
  const bool numbered_label =
      begin >= 2 && begin <= kLabelTokens + 1 && tokens[begin - 1].text == "-" &&
      std::ranges::any_of(std::span(tokens).first(begin - 1),
                          [](const Token& t) { return t.script == Script::kDigit || t.has_digit; });
  return entities[e].type == EntityType::kOrganization && (begin == 0 || numbered_label) &&
                 doc.mentions[m].end == doc.sentences[sentences.first].tokens.size()
             ? e
             : -1;
}

// The team a speaker line names right after the organization `org` ("발표: 여다온 (누리마켓
// 검색팀)": a talk is the team's work), else `org`.
int speaker_team(const DocumentAnalysis& doc, const std::vector<LocalEntity>& entities,
                 const std::vector<std::vector<int>>& by_sentence,
                 std::pair<std::uint32_t, std::uint32_t> sentences, int org) {
  for (std::uint32_t si = sentences.first; si < sentences.second; ++si) {
    for (const int m : by_sentence[si]) {
      if (doc.entity_of_mention[m] != org) {
        continue;
      }
      for (const int t : by_sentence[si]) {
        if (doc.mentions[t].begin == doc.mentions[m].end &&
            entities[doc.entity_of_mention[t]].type == EntityType::kTeam) {
          return doc.entity_of_mention[t];
        }
      }
    }
  }
  return org;
}

// The organization (or team) a reply's writer names as their own: the first one named in the
// first of the reply's opening sentences that speaks in the first person and names one ("At Vela
// we moved to Temporal", "Tell me yours. I'm at Vela"), or one that opens a sentence set off by a
// comma or a full stop, as a writer says where they are ("Vela Labs, a 12-person agency."; not
// "Vela is fine", about someone else), or the team that opens one at an organization ("Platform
// team at Vela.": the reply is the team's); -1 when none does. Only the reply's first four
// sentences count (its title line among them): further down, an organization is more often someone
// else's. `first`: the reply's first sentence; `end`: the index past its last.
int reply_organization(const DocumentAnalysis& doc, const std::vector<LocalEntity>& entities,
                       const std::vector<std::vector<int>>& by_sentence, std::uint32_t first,
                       std::uint32_t end) {
  constexpr std::uint32_t kOpening = 4;
  const auto type_of = [&](int m) { return entities[doc.entity_of_mention[m]].type; };
  // A writer who introduces themselves by name ("누리마켓 검색팀에서 일하는 탁서율입니다") speaks
  // in the first person too, and so does one who closes the sentence with a role and the copula
  // ("가람핀테크 인프라 담당입니다").
  const auto introduces = [&](std::uint32_t si) {
    const std::vector<Token>& tokens = doc.sentences[si].tokens;
    std::size_t last = tokens.size();
    while (last > 0 && tokens[last - 1].script == Script::kPunct) {
      --last;
    }
    return (last > 0 && is_copula_ending(tokens[last - 1].particle)) ||
           std::ranges::any_of(by_sentence[si], [&](int m) {
             return type_of(m) == EntityType::kPerson &&
                    is_copula_ending(tokens[doc.mentions[m].end - 1].particle);
           });
  };
  for (std::uint32_t si = first; si < end && si < first + kOpening; ++si) {
    const SentenceAnalysis& s = doc.sentences[si];
    const std::vector<int>& mentions = by_sentence[si];
    const auto set_off = [&](int m) {
      return doc.mentions[m].end == s.tokens.size() || s.tokens[doc.mentions[m].end].text == "," ||
             s.tokens[doc.mentions[m].end].text == ".";
    };
    if (!mentions.empty() && doc.mentions[mentions[0]].begin == 0 &&
        ((type_of(mentions[0]) == EntityType::kOrganization && set_off(mentions[0])) ||
         (type_of(mentions[0]) == EntityType::kTeam && mentions.size() > 1 &&
          type_of(mentions[1]) == EntityType::kOrganization &&
          doc.mentions[mentions[1]].begin == doc.mentions[mentions[0]].end + 1 &&
          s.tokens[doc.mentions[mentions[0]].end].folded == "at"))) {
      return doc.entity_of_mention[mentions[0]];
    }
    if (s.writer_words + s.we_words == 0 && !introduces(si)) {
      continue;
    }
    for (const int m : mentions) {
      if (type_of(m) == EntityType::kOrganization) {
        return doc.entity_of_mention[m];
      }
    }
  }
  return -1;
}

// A heading that says what organization its section is about: "About Vela Labs", the
// boilerplate a press release closes with, one paragraph for each company it names.
bool about_heading(const Line& line, std::string_view text) {
  return line.kind == LineKind::kHeading && text.starts_with("About ");
}

// Whether tokens [0, end) of a sentence are all names of organizations and teams (`mentions`:
// the sentence's), as a header writes a speaker's affiliation before the name.
bool affiliation_before(const DocumentAnalysis& doc, const std::vector<LocalEntity>& entities,
                        const std::vector<int>& mentions, std::uint32_t end) {
  std::uint32_t covered = 0;
  for (const int m : mentions) {
    const MentionCandidate& c = doc.mentions[m];
    const int e = doc.entity_of_mention[m];
    if (c.begin != covered || c.end > end || e < 0 ||
        (entities[e].type != EntityType::kOrganization && entities[e].type != EntityType::kTeam)) {
      break;
    }
    covered = c.end;
  }
  return covered == end;
}

// A transcript's turns (three or more lines that open with a person's name and a colon: "류지안:
// 네, 안녕하세요 …"), where its speakers name two organizations or more: each turn, its line and
// the lines after it up to a blank one, is about its speaker's organization, the first one a
// sentence of the speaker's turns names with the speaker again (a self-introduction: "… 가람랩스
// 대표 여채윤입니다"), else about none known (kUnknownSection). Written into `out` where no
// section has a topic. With one organization among the speakers (an interview with one guest),
// the document's topic is the guest's and holds for every turn.
void turn_topics(const DocumentAnalysis& doc, const std::vector<LocalEntity>& entities,
                 const std::vector<std::vector<int>>& by_sentence, std::vector<int>& out) {
  constexpr int kTurns = 3;
  const auto& lines = doc.segmentation.lines;
  std::vector<int> speaker_of(lines.size(), -1);  // a turn's opening line -> its speaker
  int turns = 0;
  for (std::size_t m = 0; m < doc.mentions.size(); ++m) {
    const MentionCandidate& c = doc.mentions[m];
    const int e = doc.entity_of_mention[m];
    const SentenceAnalysis& s = doc.sentences[c.sentence];
    const std::uint32_t line = s.span.line;
    const bool opens_line = c.sentence == 0 || doc.sentences[c.sentence - 1].span.line != line;
    // "류지안: …", or a chat's nickname in brackets ("[탁지훈/가람셈/CTO] [오후 9:02] …"), or a
    // thread's or a ticket's header: the name after nothing but the speaker's organization and
    // team, and the time of the post in parentheses ("누리페이 인프라팀 도윤재 (11/20 09:12)").
    const bool labelled =
        (c.begin == 0 && c.end < s.tokens.size() && s.tokens[c.end].text == ":") ||
        (c.begin == 1 && s.tokens[0].text == "[" &&
         std::any_of(s.tokens.begin() + c.end, s.tokens.end(),
                     [](const Token& t) { return t.text == "]"; })) ||
        (c.end + 1 < s.tokens.size() && s.tokens[c.end].text == "(" &&
         s.tokens[c.end + 1].script == Script::kDigit &&
         affiliation_before(doc, entities, by_sentence[c.sentence], c.begin));
    if (opens_line && labelled && e >= 0 && entities[e].type == EntityType::kPerson &&
        speaker_of[line] < 0) {
      speaker_of[line] = e;
      ++turns;
    }
  }
  if (turns < kTurns) {
    return;
  }
  std::vector<int> line_speaker(lines.size(), -1);
  int speaker = -1;
  for (std::size_t l = 0; l < lines.size(); ++l) {
    speaker =
        speaker_of[l] >= 0 ? speaker_of[l] : (lines[l].kind == LineKind::kBlank ? -1 : speaker);
    line_speaker[l] = speaker;
  }
  std::map<int, int> org_of;
  std::set<int> orgs;
  for (std::uint32_t si = 0; si < doc.sentences.size(); ++si) {
    const int who = line_speaker[doc.sentences[si].span.line];
    if (who < 0 || org_of.contains(who)) {
      continue;
    }
    int org = -1;
    bool named = false;
    for (const int m : by_sentence[si]) {
      const int e = doc.entity_of_mention[m];
      named = named || (e == who && doc.mentions[m].begin > 0);
      org = org < 0 && entities[e].type == EntityType::kOrganization ? e : org;
    }
    if (named && org >= 0) {
      org_of[who] = org;
      orgs.insert(org);
    }
  }
  if (orgs.size() < 2) {
    return;
  }
  for (std::size_t l = 0; l < lines.size(); ++l) {
    if (line_speaker[l] >= 0 && out[l] == -1) {
      const auto it = org_of.find(line_speaker[l]);
      out[l] = it == org_of.end() ? kUnknownSection : it->second;
    }
  }
}

// The organization a bulleted list item (bullet_item) is about when it opens on the name and a
// colon, however long the item ("- 말벗에이아이(Malbeot AI): 졸업생 오준표 대표가 창업한
// 스타트업으로 …", "• Vela: …"): the item's own topic, which the lines after it do not inherit. -1
// for any other line. `sentences`: the range of the line's sentences.
int labelled_item_organization(const DocumentAnalysis& doc,
                               const std::vector<LocalEntity>& entities,
                               const std::vector<std::vector<int>>& by_sentence,
                               std::string_view text,
                               std::pair<std::uint32_t, std::uint32_t> sentences) {
  if (sentences.first >= sentences.second || !bullet_item(text)) {
    return -1;
  }
  const std::uint32_t si = sentences.first;
  const std::vector<Token>& tokens = doc.sentences[si].tokens;
  std::uint32_t t = 0;
  while (t < tokens.size() && tokens[t].script == Script::kPunct) {
    ++t;
  }
  const auto at =
      std::ranges::find_if(by_sentence[si], [&](int m) { return doc.mentions[m].begin == t; });
  if (at == by_sentence[si].end() || doc.entity_of_mention[*at] < 0 ||
      entities[doc.entity_of_mention[*at]].type != EntityType::kOrganization) {
    return -1;
  }
  std::uint32_t v = doc.mentions[*at].end;
  if (v < tokens.size() && tokens[v].text == "(") {
    while (v < tokens.size() && tokens[v].text != ")") {
      ++v;
    }
    ++v;
  }
  return v < tokens.size() && tokens[v].text == ":" ? doc.entity_of_mention[*at] : -1;
}

}  // namespace

std::vector<int> section_topics(const DocumentAnalysis& doc,
                                const std::vector<LocalEntity>& entities) {
  const auto& lines = doc.segmentation.lines;
  std::vector<std::vector<int>> by_sentence(doc.sentences.size());
  std::vector<bool> names(lines.size(), false);
  std::vector<bool> names_someone(lines.size(), false);  // a person or a team
  std::vector<bool> team_first(lines.size(), false);     // the first name is a team's
  std::vector<bool> names_party(lines.size(), false);    // a person, a team or an organization
  for (std::size_t m = 0; m < doc.mentions.size(); ++m) {
    const int e = doc.entity_of_mention[m];
    if (e >= 0) {
      const std::uint32_t line = doc.sentences[doc.mentions[m].sentence].span.line;
      by_sentence[doc.mentions[m].sentence].push_back(static_cast<int>(m));
      team_first[line] = names[line] ? team_first[line] : entities[e].type == EntityType::kTeam;
      names[line] = true;
      names_someone[line] = names_someone[line] || entities[e].type == EntityType::kPerson ||
                            entities[e].type == EntityType::kTeam;
      names_party[line] =
          names_party[line] || names_someone[line] || entities[e].type == EntityType::kOrganization;
    }
  }
  // Each line's sentences, [first, last): sentences come in line order.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> line_sentences(lines.size(), {0, 0});
  for (std::uint32_t si = 0; si < doc.sentences.size(); ++si) {
    auto& range = line_sentences[doc.sentences[si].span.line];
    range.first = range.second == 0 ? si : range.first;
    range.second = si + 1;
  }
  // A thread: three replies or more, each under its header. A reply is its writer's: its
  // organization is the one the header names (an AMA's "u/dana · Vela Labs"), else the one the
  // writer names as their own as the reply opens, else unknown, so that one writer's company
  // never stands for the next one's "we".
  constexpr int kReplies = 3;
  std::vector<bool> reply(lines.size(), false);
  int replies = 0;
  for (std::size_t l = 0; l < lines.size(); ++l) {
    reply[l] = !doc.header_line[l] && !doc.boilerplate_line[l] &&
               reply_header(lines[l], trimmed(doc.normalized(lines[l].begin, lines[l].end)));
    replies += reply[l] ? 1 : 0;
  }
  std::vector<int> out(lines.size(), -1);
  int topic = -1;
  // An opening line that names no one may be followed by the line that says whose the section
  // is, as a programme gives a talk's title and then its speaker ("[A-2] 검색 랭킹" over "발표:
  // 여다온 (누리마켓 검색팀)"): a short line that names a person, whose organization (or the
  // team named with it) is the section's. A slot's line may come first and the talk's title on
  // a line of its own ("TRACK A 11:00–11:40" over "Rust로 다시 쓰기" over the speaker): a short
  // line that names no person, team or organization is that title, and the speaker's section.
  constexpr std::size_t kSpeakerLine = 80;  // code points: a line of credits, no paragraph
  bool awaiting_speaker = false;
  std::size_t title = lines.size();  // the title line awaiting its speaker, else none
  // A section a line that is only an organization's name opens ends at the next heading line.
  bool name_section = false;
  for (std::size_t l = 0; l < lines.size(); ++l) {
    const std::string_view text = trimmed(doc.normalized(lines[l].begin, lines[l].end));
    const bool opens = item_heading(text) || text.starts_with('#') || text.starts_with("**") ||
                       about_heading(lines[l], text);
    const int name_line =
        opens || doc.header_line[l] || doc.boilerplate_line[l]
            ? -1
            : name_line_organization(doc, entities, by_sentence, l, line_sentences[l]);
    if (awaiting_speaker && !opens && lines[l].kind != LineKind::kBlank && title == lines.size() &&
        !names_party[l] && !doc.boilerplate_line[l] &&
        count_code_points_utf8(text) <= kSpeakerLine) {
      title = l;
      out[l] = topic;
      continue;
    }
    if (awaiting_speaker && !opens && lines[l].kind != LineKind::kBlank) {
      awaiting_speaker = false;
      const bool person = std::ranges::any_of(
          std::span(by_sentence)
              .subspan(line_sentences[l].first, line_sentences[l].second - line_sentences[l].first),
          [&](const std::vector<int>& ms) {
            return std::ranges::any_of(ms, [&](int m) {
              return entities[doc.entity_of_mention[m]].type == EntityType::kPerson;
            });
          });
      if (person && count_code_points_utf8(text) <= kSpeakerLine && !doc.boilerplate_line[l]) {
        const int introduced =
            introduced_organization(doc, entities, by_sentence, line_sentences[l]);
        topic = introduced >= 0
                    ? speaker_team(doc, entities, by_sentence, line_sentences[l], introduced)
                    : topic;
      }
      if (title < lines.size()) {
        out[title] = topic;
      }
      title = lines.size();
      out[l] = topic;
      continue;
    }
    if (replies >= kReplies && reply[l]) {
      topic =
          names[l] ? introduced_organization(doc, entities, by_sentence, line_sentences[l]) : -1;
      // A header that names the writer's team after the company ("표준희 · 가온 주문팀 · 답변
      // 31") hands the reply to the team, as a programme's speaker line does.
      topic =
          topic >= 0 ? speaker_team(doc, entities, by_sentence, line_sentences[l], topic) : topic;
      if (topic < 0) {
        std::uint32_t first = line_sentences[l].second;
        while (first < doc.sentences.size() && doc.sentences[first].span.line <= l) {
          ++first;
        }
        std::uint32_t end = first;
        while (end < doc.sentences.size() && !reply[doc.sentences[end].span.line]) {
          ++end;
        }
        topic = reply_organization(doc, entities, by_sentence, first, end);
      }
      topic = topic < 0 ? kUnknownSection : topic;
      name_section = false;
    } else if (name_line >= 0) {
      topic = name_line;
      name_section = true;
    } else if (opens && names[l] && !doc.header_line[l] && !doc.boilerplate_line[l]) {
      name_section = false;
      topic = introduced_organization(doc, entities, by_sentence, line_sentences[l]);
      if (topic < 0 && names_someone[l] && !team_first[l]) {
        topic = kUnknownSection;
      } else if (topic < 0 && team_first[l]) {
        // A heading that is a team's name ("## 결제코어팀", "### Payments team") opens the team's
        // section, as a wiki's team directory: its lead, stack and work are the team's.
        topic = heading_team(doc, entities, by_sentence, line_sentences[l]);
      }
    } else if (opens || doc.header_line[l] || doc.boilerplate_line[l] ||
               (lines[l].kind == LineKind::kHeading && (names[l] || name_section))) {
      topic = -1;
      name_section = false;
      awaiting_speaker = opens && !names[l] && !doc.header_line[l] && !doc.boilerplate_line[l];
      title = lines.size();
    }
    const int labelled =
        doc.boilerplate_line[l]
            ? -1
            : labelled_item_organization(doc, entities, by_sentence, text, line_sentences[l]);
    out[l] = labelled >= 0 ? labelled : topic;
  }
  turn_topics(doc, entities, by_sentence, out);
  return out;
}

BoilerplateMarkers::BoilerplateMarkers(const WordSet& markers) {
  constexpr std::size_t kMaxPrefix = 6;
  constexpr std::size_t kMinPrefix = 3;
  prefix_ = kMaxPrefix;
  markers_.reserve(markers.size());
  for (const std::string_view m : markers) {
    prefix_ = std::min(prefix_, m.size());
    markers_.emplace_back(0, m);
  }
  if (prefix_ < kMinPrefix) {
    prefix_ = 0;
    return;
  }
  for (auto& [key, m] : markers_) {
    key = key_of(m);
    bits_[bit_of(key) / 64] |= std::uint64_t{1} << (bit_of(key) % 64);
  }
}

bool BoilerplateMarkers::holds(std::string_view text) const {
  if (prefix_ == 0) {
    return std::ranges::any_of(
        markers_, [&](const auto& km) { return text.find(km.second) != std::string_view::npos; });
  }
  // The key of the prefix_ bytes that end at p, rolled on one byte at a time.
  const std::uint64_t mask = (std::uint64_t{1} << (8 * prefix_)) - 1;
  std::uint64_t key = 0;
  for (std::size_t p = 0; p < text.size(); ++p) {
    key = ((key << 8) | static_cast<unsigned char>(text[p])) & mask;
    if (p + 1 < prefix_ || ((bits_[bit_of(key) / 64] >> (bit_of(key) % 64)) & 1) == 0) {
      continue;
    }
    const std::string_view from = text.substr(p + 1 - prefix_);
    if (std::ranges::any_of(markers_, [&](const auto& km) {
          return km.first == key && from.starts_with(km.second);
        })) {
      return true;
    }
  }
  return false;
}

std::uint64_t BoilerplateMarkers::key_of(std::string_view marker) const {
  std::uint64_t key = 0;
  for (std::size_t i = 0; i < prefix_; ++i) {
    key = (key << 8) | static_cast<unsigned char>(marker[i]);
  }
  return key;
}

std::uint32_t BoilerplateMarkers::bit_of(std::uint64_t key) {
  // The top 12 bits of a multiplicative hash.
  return static_cast<std::uint32_t>((key * 0x9E3779B97F4A7C15ULL) >> 52);
}

namespace {

// Whether `line` opens with a boilerplate marker and a colon ("Related: …", "관련기사: …"), the
// marker compared without spaces and case and the marks around it.
bool labelled_by_marker(std::string_view line, const Layout& layout) {
  constexpr std::size_t kMaxLabelBytes = 40;
  const std::size_t colon = line.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon > kMaxLabelBytes) {
    return false;
  }
  std::string label = fold_case(line.substr(0, colon));
  std::erase(label, ' ');
  const std::string_view marks = "[]()<>*#=|-";
  const std::size_t open = label.find_first_not_of(marks);
  return open != std::string::npos &&
         layout.boilerplate_markers.contains(
             std::string_view(label).substr(open, label.find_last_not_of(marks) - open + 1));
}

}  // namespace

std::vector<bool> find_boilerplate(const DocumentAnalysis& doc, const Layout& layout) {
  return find_boilerplate(doc, layout, BoilerplateMarkers(layout.boilerplate_markers));
}

std::vector<bool> find_boilerplate(const DocumentAnalysis& doc, const Layout& layout,
                                   const BoilerplateMarkers& markers) {
  const auto& lines = doc.segmentation.lines;
  std::vector<bool> out(lines.size(), false);
  std::size_t first_content = 0;
  while (first_content < lines.size() && lines[first_content].kind == LineKind::kBlank) {
    ++first_content;
  }
  // A marker opens the page's tail only after some of the article: navigation
  // bars at the top of a scraped page carry the same words ("구독하기", "댓글"), and so does
  // the bar under a headline ("댓글 12  공감  공유하기"). A prose line counts as the article's
  // when it ends a sentence or has an article line's length; menus and headlines do neither.
  int prose_before = 0;
  std::string plain;  // compact_plain's, from line to line
  for (std::size_t i = first_content + 1; i < lines.size(); ++i) {
    std::string_view line = doc.normalized(lines[i].begin, lines[i].end);
    if ((lines[i].kind == LineKind::kProse &&
         (ends_sentence(trimmed(line)) || resumes_article(doc, lines[i]))) ||
        lines[i].kind == LineKind::kListItem) {
      ++prose_before;
    }
    if (lines[i].kind == LineKind::kBlank || prose_before == 0) {
      continue;
    }
    // A marker and a colon open a line of headlines whatever its length ("Related: Vela buys
    // Orbo | Kivu cuts jobs").
    const bool labelled = labelled_by_marker(trimmed(line), layout);
    if (!labelled && count_code_points_utf8(trimmed(line)) > 40) {
      continue;
    }
    // A marker is a token of the line, or the whole line or its end written with spaces ("관련
    // 글", "많이 본 뉴스" for 관련글, 많이본뉴스), or its start when the marker is a phrase of
    // five letters or more ("함께 보면 좋은 세션"). Each is found in the folded line without its
    // spaces; most lines hold none and need no tokens. A line of ASCII and Hangul alone is folded
    // into `plain` first: one that holds no marker with the marks around it holds none without.
    if (compact_plain(trimmed(line), plain) && !markers.holds(plain)) {
      continue;
    }
    std::string compact = fold_case(trimmed(line));
    std::erase(compact, ' ');
    // Brackets and marks around a box's heading ("[관련 기사]", "<많이 본 뉴스>", "**Related**")
    // are no part of it.
    const std::string_view marks = "[]()<>*#:=|-";
    const std::size_t open = compact.find_first_not_of(marks);
    compact = open == std::string::npos
                  ? std::string()
                  : compact.substr(open, compact.find_last_not_of(marks) - open + 1);
    // A line that is a marker and nothing else ("관련기사", "Related stories") heads a box after
    // a single line of the article too: a short news item's body is often one paragraph.
    if (!labelled && (!markers.holds(compact) || (prose_before < kMinProseBeforeMarker &&
                                                  !layout.boilerplate_markers.contains(compact)))) {
      continue;
    }
    FoldedForms folded;
    const std::vector<Token> tokens =
        tokenize(doc.norm.text, lines[i].begin, lines[i].end, nullptr, folded);
    // A box's heading may name its section first ("IT/과학 많이 본 뉴스").
    const bool marker =
        labelled || layout.boilerplate_markers.contains(compact) ||
        std::any_of(layout.boilerplate_markers.begin(), layout.boilerplate_markers.end(),
                    [&](std::string_view m) {
                      return compact.ends_with(m) ||
                             (compact.starts_with(m) && count_code_points_utf8(m) >= 5);
                    }) ||
        std::any_of(tokens.begin(), tokens.end(),
                    [&](const Token& t) { return layout.boilerplate_markers.contains(t.folded); });
    if (marker) {
      // The block runs until the article resumes: a long prose line without a
      // time stamp ("관련기사" boxes sit inside articles; comment sections end them).
      // Nor does a comment's text under its header of fields set apart by middle dots.
      std::size_t end = i + 1;
      std::string_view previous;
      while (end < lines.size()) {
        const std::string_view text = trimmed(doc.normalized(lines[end].begin, lines[end].end));
        if (resumes_article(doc, lines[end]) && !comment_line(text) && !fields_line(previous)) {
          break;
        }
        if (lines[end].kind != LineKind::kBlank) {
          previous = text;
        }
        ++end;
      }
      std::fill(out.begin() + static_cast<long>(i), out.begin() + static_cast<long>(end), true);
      i = end;
    }
  }
  mark_skipped_sections(doc, layout, out);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    out[i] = out[i] || is_tag_line(doc.normalized(lines[i].begin, lines[i].end));
  }
  std::size_t run_start = 0;
  std::size_t run = 0;
  for (std::size_t i = 0; i <= lines.size(); ++i) {
    if (i < lines.size() && lines[i].kind == LineKind::kBlank) {
      continue;
    }
    const bool listing =
        i < lines.size() && is_listing_line(doc.normalized(lines[i].begin, lines[i].end));
    if (listing) {
      if (run == 0) {
        run_start = i;
      }
      ++run;
      continue;
    }
    if (run >= 2) {
      std::fill(out.begin() + static_cast<long>(run_start), out.begin() + static_cast<long>(i),
                true);
    }
    run = 0;
  }
  return out;
}

namespace {

// The mentions table cells name (see read_tables_and_sections), and the cells table_relations
// relate, into doc.table_links.
void read_tables(DocumentAnalysis& doc, const Layout& layout, std::vector<MentionCandidate>& out) {
  mark_plain_tables(doc, layout);
  each_table_row(doc, [&](std::uint32_t si, const Cells& cells, const SentenceAnalysis& header,
                          const Cells& header_cells) {
    const SentenceAnalysis& s = doc.sentences[si];
    const std::size_t columns = std::min(cells.size(), header_cells.size());
    for (std::size_t c = 0; c < columns; ++c) {
      const std::optional<EntityType> type = column_type(layout, header, header_cells[c]);
      if (!type) {
        continue;
      }
      const bool ampersand = *type == EntityType::kOrganization || *type == EntityType::kPerson;
      for (auto [b, e] : members(s, cells[c], ampersand)) {
        // A member that ends in a column word describes, it does not name ("개인 투자자").
        if (column_word(layout, s.tokens[e - 1].folded)) {
          continue;
        }
        MentionCandidate m;
        m.sentence = si;
        m.begin = b;
        m.end = e;
        m.type = *type;
        m.priority = 200;
        m.rule = "table";
        // A cell holds a name, not a sentence: a person's name that looks like one with a
        // particle (김다인, 이수진) is whole.
        const Token& last = s.tokens[e - 1];
        const bool whole = *type == EntityType::kPerson && !last.particle.empty();
        m.surface =
            std::string(doc.normalized(s.tokens[b].begin, whole ? last.end : last.base_end));
        m.canonical = m.surface;
        out.push_back(std::move(m));
      }
    }
    for (std::size_t r = 0; r < layout.table_relations.size(); ++r) {
      const TableRelation& relation = layout.table_relations[r];
      for (std::size_t from = 0; from < columns; ++from) {
        if (!holds(header, header_cells[from], relation.source)) {
          continue;
        }
        for (std::size_t to = 0; to < columns; ++to) {
          if (to != from && holds(header, header_cells[to], relation.target)) {
            doc.table_links.push_back({si, cells[from], cells[to], r});
          }
        }
      }
    }
  });
}

// The items of list sections, into doc.section_items, and the mentions they name.
void read_sections(DocumentAnalysis& doc, const Layout& layout, const WordSet& titles,
                   const std::vector<std::uint32_t>& first_sentence,
                   std::vector<MentionCandidate>& out) {
  constexpr std::uint32_t kMaxName = 6;  // tokens
  if (layout.list_sections.empty()) {
    return;
  }
  const auto& lines = doc.segmentation.lines;
  int section = -1;
  for (std::size_t l = 0; l < lines.size(); ++l) {
    if (lines[l].kind == LineKind::kBlank) {
      continue;
    }
    const std::string& key = doc.headings[l];
    const auto heads = std::find_if(
        layout.list_sections.begin(), layout.list_sections.end(), [&](const ListSection& s) {
          return !key.empty() &&
                 std::find(s.headings.begin(), s.headings.end(), key) != s.headings.end();
        });
    if (heads != layout.list_sections.end()) {
      section = static_cast<int>(heads - layout.list_sections.begin());
      continue;
    }
    const std::string_view text = doc.normalized(lines[l].begin, lines[l].end);
    if (section < 0 || !bullet_item(text) || first_sentence[l] == UINT32_MAX) {
      section = bullet_item(text) ? section : -1;
      continue;
    }
    const SentenceAnalysis& s = doc.sentences[first_sentence[l]];
    if (s.boilerplate) {
      continue;
    }
    std::uint32_t b = 0;
    while (b < s.tokens.size() && s.tokens[b].script == Script::kPunct) {
      ++b;
    }
    std::uint32_t e = b;
    while (e < s.tokens.size() && e - b < kMaxName && s.tokens[e].script != Script::kPunct) {
      ++e;
    }
    // A name ends at punctuation or the line's end, within a few words; a sentence is no name.
    if (e == b || (e < s.tokens.size() && s.tokens[e].script != Script::kPunct)) {
      continue;
    }
    // A person's name ends before a title: "여도겸 교수 (연구실장)" lists 여도겸. It starts after
    // the titles an item opens with ("박사과정 도윤재: …"), and holds no number ("석사과정 6명").
    if (layout.list_sections[static_cast<std::size_t>(section)].type == EntityType::kPerson) {
      while (b + 1 < e && titles.contains(s.tokens[b].folded)) {
        ++b;
      }
      for (std::uint32_t k = b + 1; k < e; ++k) {
        if (titles.contains(s.tokens[k].folded)) {
          e = k;
          break;
        }
      }
      if (std::any_of(s.tokens.begin() + b, s.tokens.begin() + e,
                      [](const Token& t) { return t.script == Script::kDigit; })) {
        continue;
      }
    }
    const SectionItem item{first_sentence[l], b, e, static_cast<std::size_t>(section)};
    doc.section_items.push_back(item);
    MentionCandidate m;
    m.sentence = item.sentence;
    m.begin = b;
    m.end = e;
    m.type = layout.list_sections[item.section].type;
    m.priority = 150;
    m.rule = "section";
    m.surface = std::string(doc.normalized(s.tokens[b].begin, s.tokens[e - 1].base_end));
    m.canonical = m.surface;
    out.push_back(std::move(m));
  }
}

// The indentation of a line, in spaces (a tab counts four).
std::size_t indentation(std::string_view line) {
  constexpr std::size_t kTab = 4;
  std::size_t width = 0;
  for (const char c : line) {
    if (c == ' ') {
      ++width;
    } else if (c == '\t') {
      width += kTab;
    } else {
      break;
    }
  }
  return width;
}

// The items of bulleted lists, each with the nearest item above it that is less indented, into
// doc.outline_items. A line that is neither blank nor a bullet item ends the list.
void read_outline(DocumentAnalysis& doc, const std::vector<std::uint32_t>& first_sentence) {
  const auto& lines = doc.segmentation.lines;
  std::vector<std::pair<std::size_t, int>> open;  // the indentation and item of each level
  for (std::size_t l = 0; l < lines.size(); ++l) {
    if (lines[l].kind == LineKind::kBlank) {
      continue;
    }
    const std::string_view text = doc.normalized(lines[l].begin, lines[l].end);
    if (!bullet_item(text) || first_sentence[l] == UINT32_MAX ||
        doc.sentences[first_sentence[l]].boilerplate) {
      open.clear();
      continue;
    }
    const std::size_t indent = indentation(text);
    while (!open.empty() && open.back().first >= indent) {
      open.pop_back();
    }
    const SentenceAnalysis& s = doc.sentences[first_sentence[l]];
    std::uint32_t b = 0;
    while (b < s.tokens.size() && s.tokens[b].script == Script::kPunct) {
      ++b;
    }
    std::uint32_t e = b;
    while (e < s.tokens.size()) {
      const std::string_view t = s.tokens[e].text;
      if (t == "(" || t == ":" || t == "-" || t == "\xE2\x80\x94" || t == "\xE2\x80\x93") {
        break;  // (, :, -, —, –
      }
      ++e;
    }
    const int parent = open.empty() ? -1 : open.back().second;
    open.emplace_back(indent, static_cast<int>(doc.outline_items.size()));
    doc.outline_items.push_back({first_sentence[l], b, e, parent});
  }
}

}  // namespace

// A listicle of organizations: a title among the first lines that counts them, a word of the
// layout's listicle_words with a number (a digit, one of number_words) or a second such word
// ("지금 눈여겨볼 AI 스타트업 6곳", "Seven startups to watch"; not "Five talks we liked"), over
// three numbered item headings or more that each open with a name running to a dash, a colon or
// a parenthesis ("1) 쿼리나무 — 말로 묻는 데이터 분석", "4) 스텔라옵스(StellarOps) — …") or
// filling the line ("1. Saltgrass Robotics" over its paragraph): each such name is an
// organization's, whatever rules made of it, and the item's section is about it
// (section_topics).
void read_listicle(const DocumentAnalysis& doc, const Layout& layout,
                   std::vector<MentionCandidate>& out) {
  constexpr std::uint32_t kTitleLines = 8;
  constexpr std::size_t kItems = 3;
  constexpr std::uint32_t kMaxNameTokens = 3;
  if (layout.listicle_words.empty()) {
    return;
  }
  // Where the name of a numbered item heading starts in its line's first sentence: after "1)",
  // "2." or "③", which the segmenter may have left out of the sentence; none elsewhere.
  const auto item_name = [&](const SentenceAnalysis& s) -> std::optional<std::uint32_t> {
    const Line& line = doc.segmentation.lines[s.span.line];
    const std::string_view text = trimmed(doc.normalized(line.begin, line.end));
    if (numbering(text) == 0 && !circled_number(text)) {
      return std::nullopt;
    }
    std::uint32_t t = 0;
    while (t < s.tokens.size() && t < 2 &&
           (s.tokens[t].script == Script::kDigit || s.tokens[t].text == ")" ||
            s.tokens[t].text == "." || circled_number(s.tokens[t].text))) {
      ++t;
    }
    return t;
  };
  bool titled = false;
  std::vector<MentionCandidate> items;
  for (std::uint32_t si = 0; si < doc.sentences.size(); ++si) {
    const SentenceAnalysis& s = doc.sentences[si];
    const bool opens_line = si == 0 || doc.sentences[si - 1].span.line != s.span.line;
    const std::optional<std::uint32_t> item = opens_line ? item_name(s) : std::nullopt;
    if (!titled && s.span.line < kTitleLines && !item) {
      int words = 0;
      bool digit = false;
      for (const Token& t : s.tokens) {
        words += layout.listicle_words.contains(t.folded) ? 1 : 0;
        digit = digit || t.script == Script::kDigit || layout.number_words.contains(t.folded);
      }
      titled = words >= 2 || (words >= 1 && digit);
      continue;
    }
    if (!titled || !item) {
      continue;
    }
    // "1." may be a sentence of its own, the name the next one on the line.
    const bool number_alone = *item == s.tokens.size() && si + 1 < doc.sentences.size() &&
                              doc.sentences[si + 1].span.line == s.span.line;
    if (number_alone) {
      ++si;
    }
    const SentenceAnalysis& named = doc.sentences[si];
    const std::uint32_t name = number_alone ? 0 : *item;
    std::uint32_t end = name;
    while (end < named.tokens.size() && end - name <= kMaxNameTokens &&
           named.tokens[end].script != Script::kPunct && named.tokens[end].particle.empty()) {
      ++end;
    }
    // The name runs to a dash, a colon or a parenthesis, or is the whole line ("1. Saltgrass
    // Robotics" over its paragraph), in Latin letters then with a capital.
    const bool line_end =
        si + 1 == doc.sentences.size() || doc.sentences[si + 1].span.line != named.span.line;
    const bool whole_line =
        end > name && end == named.tokens.size() && line_end &&
        (named.tokens[name].script == Script::kHangul ||
         (named.tokens[name].script == Script::kLatin && named.tokens[name].capitalized));
    const bool stops =
        end > name && end - name <= kMaxNameTokens &&
        (whole_line ||
         (end < named.tokens.size() &&
          (named.tokens[end].text == "\xE2\x80\x94" || named.tokens[end].text == "\xE2\x80\x93" ||
           named.tokens[end].text == "-" || named.tokens[end].text == ":" ||
           named.tokens[end].text == "(")));
    if (!stops) {
      continue;
    }
    MentionCandidate m;
    m.sentence = si;
    m.begin = name;
    m.end = end;
    m.type = EntityType::kOrganization;
    m.priority = 150;
    m.rule = "listicle";
    m.surface =
        std::string(doc.normalized(named.tokens[name].begin, named.tokens[end - 1].base_end));
    m.canonical = m.surface;
    items.push_back(std::move(m));
  }
  if (items.size() >= kItems) {
    std::ranges::move(items, std::back_inserter(out));
  }
}

std::vector<MentionCandidate> read_tables_and_sections(DocumentAnalysis& doc, const Layout& layout,
                                                       const WordSet& titles) {
  std::vector<MentionCandidate> out;
  doc.table_links.clear();
  doc.section_items.clear();
  doc.outline_items.clear();
  read_tables(doc, layout, out);
  read_listicle(doc, layout, out);
  if (layout.list_sections.empty() && layout.outline_relations.empty()) {
    return out;
  }
  // The first sentence of each line, which list items are read from.
  std::vector<std::uint32_t> first_sentence(doc.segmentation.lines.size(), UINT32_MAX);
  for (auto si = static_cast<std::uint32_t>(doc.sentences.size()); si-- > 0;) {
    first_sentence[doc.sentences[si].span.line] = si;
  }
  read_sections(doc, layout, titles, first_sentence, out);
  if (!layout.outline_relations.empty()) {
    read_outline(doc, first_sentence);
  }
  return out;
}

}  // namespace kgex
