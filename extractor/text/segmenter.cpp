#include "extractor/text/segmenter.h"

#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <algorithm>
#include <array>
#include <string>
#include <vector>

#include "core/utf8.h"

namespace kgex {

struct Segmenter::Impl {
  std::unique_ptr<icu::BreakIterator> sentences;
};

Segmenter::Segmenter() : impl_(std::make_unique<Impl>()) {
  UErrorCode status = U_ZERO_ERROR;
  impl_->sentences.reset(
      icu::BreakIterator::createSentenceInstance(icu::Locale::getRoot(), status));
  if (U_FAILURE(status)) {
    impl_->sentences.reset();
  }
}

Segmenter::~Segmenter() = default;

namespace {

std::string_view trim(std::string_view s, std::uint32_t& offset) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\r')) {
    s.remove_prefix(1);
    ++offset;
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

// True when ICU's sentence rules (UAX #29) find no break inside `line`
// before its end: it holds only ASCII and Hangul syllables, and no '.', '!',
// '?' or CR except a final run of '.', '!' and '?' before trailing spaces.
// Without a terminator or a separator there is nothing to break after.
bool one_sentence(std::string_view line) {
  std::size_t end = line.size();
  while (end > 0 && line[end - 1] == ' ') {
    --end;
  }
  while (end > 0 && (line[end - 1] == '.' || line[end - 1] == '!' || line[end - 1] == '?')) {
    --end;
  }
  for (std::size_t i = 0; i < end;) {
    const auto byte = static_cast<unsigned char>(line[i]);
    if (byte < 0x80) {
      if (byte == '.' || byte == '!' || byte == '?' || byte == '\r') {
        return false;
      }
      ++i;
      continue;
    }
    // A Hangul syllable (U+AC00..U+D7A3) is three bytes with a lead byte EA..ED, decoded in
    // line; anything else by next_code_point.
    if (byte >= 0xEA && byte <= 0xED && i + 2 < line.size() &&
        (static_cast<unsigned char>(line[i + 1]) & 0xC0) == 0x80 &&
        (static_cast<unsigned char>(line[i + 2]) & 0xC0) == 0x80) {
      const char32_t c = ((byte & 0x0FU) << 12U) |
                         ((static_cast<unsigned char>(line[i + 1]) & 0x3FU) << 6U) |
                         (static_cast<unsigned char>(line[i + 2]) & 0x3FU);
      if (c < 0xAC00 || c > 0xD7A3) {
        return false;
      }
      i += 3;
      continue;
    }
    const char32_t c = next_code_point(line, i);
    if (c < 0xAC00 || c > 0xD7A3) {
      return false;
    }
  }
  return true;
}

bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }

// True when the break at `b` follows a middle initial: a capitalised word, a
// space, one capital letter and a period, with a capitalised word after the
// break ("Patricia B. Morrison", "John F. Kennedy"). "the U.S. Army" and "Plan
// B. Then" (no lower-case word before the letter's word start) are not, nor is a
// letter after one of the `lettered` words ("raised a Series A. Kivu led").
bool middle_initial(std::string_view body, std::size_t b, const WordSet* lettered) {
  if (b < 6 || b >= body.size() || !is_upper(body[b])) {
    return false;
  }
  if (body[b - 1] != ' ' || body[b - 2] != '.' || !is_upper(body[b - 3]) || body[b - 4] != ' ') {
    return false;
  }
  // The word before the initial: a capital and then lower-case letters only.
  const std::size_t space = body.rfind(' ', b - 5);
  const std::size_t start = space == std::string_view::npos ? 0 : space + 1;
  if (start + 2 > b - 4 || !is_upper(body[start])) {
    return false;
  }
  for (std::size_t i = start + 1; i < b - 4; ++i) {
    if (!is_lower(body[i])) {
      return false;
    }
  }
  if (lettered != nullptr) {
    std::string word(body.substr(start, b - 4 - start));
    word[0] = static_cast<char>(word[0] - 'A' + 'a');
    return !lettered->contains(word);
  }
  return true;
}

// True when the break at `b` follows a title written with a period before a capitalised name
// ("led by Dr. Ada Obi", "Mr. Park said"), or the "vs." of a comparison ("Notion vs. Coda"):
// the word is one of its own (after a space, an opening parenthesis or the line's start).
bool title_abbreviation(std::string_view body, std::size_t b) {
  if (b < 4 || b >= body.size() || !is_upper(body[b]) || body[b - 1] != ' ' || body[b - 2] != '.') {
    return false;
  }
  for (std::string_view title : {"Dr", "Mr", "Mrs", "Ms", "Prof", "vs"}) {
    const std::size_t len = title.size();
    if (b < len + 2 || body.substr(b - 2 - len, len) != title) {
      continue;
    }
    if (b == len + 2 || body[b - 3 - len] == ' ' || body[b - 3 - len] == '(') {
      return true;
    }
  }
  return false;
}

// True when the break at `b` follows a Korean sentence ending glued to the next sentence, as
// pages joined from paragraphs print it ("평가를 받고 있다.딥엑스도 5월"): the syllable 다
// and a period.
bool glued_korean_end(std::string_view body, std::size_t b) {
  return b >= 4 && b < body.size() && body[b - 1] == '.' && body.substr(b - 4, 3) == "\xEB\x8B\xA4";
}

// True when the break at `b` follows a company's legal form written with a full stop and comes
// before a parenthesis: "Vantor Inc. (NASDAQ: VNTR) has agreed to buy …" is one sentence.
bool legal_form_before_paren(std::string_view body, std::size_t b) {
  if (b >= body.size() || body[b] != '(') {
    return false;
  }
  std::size_t end = b;
  while (end > 0 && body[end - 1] == ' ') {
    --end;
  }
  const std::string_view before = body.substr(0, end);
  return std::ranges::any_of(std::array<std::string_view, 4>{" Inc.", " Corp.", " Ltd.", " Co."},
                             [&](std::string_view form) { return before.ends_with(form); });
}

// Cuts after a wiki's reference marks: a full stop, question or exclamation mark followed by one
// or more numbered references and a capitalised word ("at Nokia.[3] Its first …"), a break that
// UAX #29 does not see, since the bracket is no closing punctuation.
void add_reference_breaks(std::string_view body, std::vector<std::uint32_t>& cuts) {
  const std::size_t before = cuts.size();
  for (std::size_t i = 0; i + 1 < body.size(); ++i) {
    if ((body[i] != '.' && body[i] != '!' && body[i] != '?') || body[i + 1] != '[') {
      continue;
    }
    std::size_t k = i + 1;
    while (k < body.size() && body[k] == '[') {
      std::size_t d = k + 1;
      while (d < body.size() && body[d] >= '0' && body[d] <= '9') {
        ++d;
      }
      if (d == k + 1 || d >= body.size() || body[d] != ']') {
        break;
      }
      k = d + 1;
    }
    if (k > i + 1 && k + 1 < body.size() && body[k] == ' ' && is_upper(body[k + 1])) {
      cuts.push_back(static_cast<std::uint32_t>(k + 1));
    }
  }
  if (cuts.size() > before) {
    std::ranges::sort(cuts);
    cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
  }
}

// Cuts before a version written in lower case that opens a sentence: a full stop, question or
// exclamation mark, a space and "v" with a digit ("past its intended life. v3 runs on …"), a
// break that UAX #29 does not see before a lower-case letter. Not after an abbreviation with a
// full stop inside it or a short one ("e.g. v2", "cf. v1", "vs. v3").
void add_version_breaks(std::string_view body, std::vector<std::uint32_t>& cuts) {
  const std::size_t before = cuts.size();
  for (std::size_t i = 1; i + 3 < body.size(); ++i) {
    if ((body[i] != '.' && body[i] != '!' && body[i] != '?') || body[i + 1] != ' ' ||
        body[i + 2] != 'v' || body[i + 3] < '0' || body[i + 3] > '9') {
      continue;
    }
    std::size_t start = i;
    while (start > 0 && body[start - 1] != ' ') {
      --start;
    }
    const std::string_view word = body.substr(start, i - start);
    if (word.size() < 3 || word.find('.') != std::string_view::npos || word == "approx" ||
        word == "etc") {
      continue;
    }
    cuts.push_back(static_cast<std::uint32_t>(i + 2));
  }
  if (cuts.size() > before) {
    std::ranges::sort(cuts);
    cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
  }
}

// A cut after the label of a line that opens with a mark of the Geometric Shapes block (○, ●,
// ◇, ■, ▶) or a bullet, a label of a few words and then two spaces or more: a transcript's
// speaker ("○ 위원장 배정민  다음은 …", as minutes print them) or a notice's field ("■ 일시  10월
// 15일"). The label is no part of what follows it.
void add_label_break(std::string_view body, std::vector<std::uint32_t>& cuts) {
  constexpr std::size_t kLabelWords = 4;
  constexpr std::size_t kLabelCodePoints = 40;
  // • (U+2022), or a code point of U+2580..U+25FF: three bytes each.
  constexpr std::size_t kMark = 3;
  const bool marked = body.starts_with("\xE2\x80\xA2") ||
                      (body.size() >= kMark && static_cast<unsigned char>(body[0]) == 0xE2 &&
                       (static_cast<unsigned char>(body[1]) == 0x96 ||
                        static_cast<unsigned char>(body[1]) == 0x97));
  if (!marked || kMark >= body.size() || body[kMark] != ' ') {
    return;
  }
  const std::size_t gap = body.find("  ", kMark + 1);
  if (gap == std::string_view::npos) {
    return;
  }
  std::size_t after = gap;
  while (after < body.size() && body[after] == ' ') {
    ++after;
  }
  const std::string_view label = body.substr(kMark + 1, gap - kMark - 1);
  const auto words = static_cast<std::size_t>(std::ranges::count(label, ' ')) + 1;
  if (after >= body.size() || label.empty() || words > kLabelWords ||
      count_code_points_utf8(label) > kLabelCodePoints) {
    return;
  }
  cuts.insert(std::ranges::upper_bound(cuts, static_cast<std::uint32_t>(after)),
              static_cast<std::uint32_t>(after));
  cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
}

}  // namespace

LineKind classify_line(std::string_view line) {
  std::uint32_t unused = 0;
  line = trim(line, unused);
  if (line.empty()) {
    return LineKind::kBlank;
  }
  if (line.front() == '|') {
    for (char c : line) {
      if (c != '|' && c != '-' && c != ':' && c != ' ') {
        return LineKind::kTableRow;
      }
    }
    return LineKind::kTableRule;
  }
  if (line.front() == '#') {
    return LineKind::kHeading;
  }
  if (line.starts_with("\xE2\x80\xA2") || line.starts_with("- ") || line.starts_with("* ") ||
      line.starts_with("\xC2\xB7 ") || line.starts_with("\xE2\x97\x8F") ||
      line.starts_with("\xE2\x96\xAA") || line.starts_with("\xE2\x80\xBA ") ||
      line.starts_with("\xE2\x96\xB8 ")) {
    return LineKind::kListItem;
  }
  std::size_t digits = 0;
  while (digits < line.size() && line[digits] >= '0' && line[digits] <= '9') {
    ++digits;
  }
  if (digits > 0 && digits < 4 && digits + 1 < line.size() &&
      (line[digits] == '.' || line[digits] == ')') && line[digits + 1] == ' ') {
    return LineKind::kListItem;
  }
  const char last = line.back();
  const bool final_punct = last == '.' || last == '!' || last == '?' || last == ':' ||
                           line.ends_with("\xE3\x80\x82") || last == '"' || last == '\'';
  if (!final_punct && count_code_points_utf8(line) <= 40) {
    return LineKind::kHeading;
  }
  return LineKind::kProse;
}

Segmentation Segmenter::segment(std::string_view text, const WordSet* lettered) const {
  Segmentation out;
  std::uint32_t pos = 0;
  const auto size = static_cast<std::uint32_t>(text.size());
  std::vector<std::uint32_t> cuts;  // of the current line; kept to reuse its storage
  while (pos <= size) {
    const std::size_t newline = text.find('\n', pos);
    const std::uint32_t end =
        newline == std::string_view::npos ? size : static_cast<std::uint32_t>(newline);
    Line line{pos, end, classify_line(text.substr(pos, end - pos))};
    const auto line_index = static_cast<std::uint32_t>(out.lines.size());
    out.lines.push_back(line);
    if (line.kind != LineKind::kBlank) {
      std::string_view body = text.substr(pos, end - pos);
      cuts.clear();
      if (impl_->sentences && (line.kind == LineKind::kProse || line.kind == LineKind::kListItem) &&
          !one_sentence(body)) {
        UErrorCode status = U_ZERO_ERROR;
        UText* ut =
            utext_openUTF8(nullptr, body.data(), static_cast<int64_t>(body.size()), &status);
        if (U_SUCCESS(status)) {
          impl_->sentences->setText(ut, status);
          for (int32_t b = impl_->sentences->next(); b != icu::BreakIterator::DONE;
               b = impl_->sentences->next()) {
            // A break must follow whitespace: "C++ .NET" is one sentence.
            if (b > 0 && static_cast<std::size_t>(b) < body.size() && body[b - 1] != ' ' &&
                !glued_korean_end(body, static_cast<std::size_t>(b))) {
              continue;
            }
            if (middle_initial(body, static_cast<std::size_t>(b), lettered) ||
                title_abbreviation(body, static_cast<std::size_t>(b)) ||
                legal_form_before_paren(body, static_cast<std::size_t>(b))) {
              continue;
            }
            cuts.push_back(static_cast<std::uint32_t>(b));
          }
          // The iterator keeps a pointer to the UText; detach before closing it.
          impl_->sentences->setText(icu::UnicodeString());
        }
        utext_close(ut);
        add_reference_breaks(body, cuts);
        add_version_breaks(body, cuts);
      }
      if (line.kind != LineKind::kTableRow && line.kind != LineKind::kTableRule) {
        add_label_break(body, cuts);
      }
      if (cuts.empty() || cuts.back() != body.size()) {
        cuts.push_back(static_cast<std::uint32_t>(body.size()));
      }
      std::uint32_t start = 0;
      for (std::uint32_t cut : cuts) {
        std::uint32_t offset = pos + start;
        std::string_view s = trim(body.substr(start, cut - start), offset);
        if (!s.empty()) {
          out.sentences.push_back(
              {offset, offset + static_cast<std::uint32_t>(s.size()), line_index});
        }
        start = cut;
      }
    }
    if (end == size) {
      break;
    }
    pos = end + 1;
  }
  return out;
}

}  // namespace kgex
