#include "extractor/text/name_endings.h"

#include <cstddef>
#include <cstdint>

namespace kgex {
namespace {

constexpr std::size_t kSyllable = 3;             // bytes of a Hangul syllable in UTF-8
constexpr std::size_t kMaxHead = 2 * kSyllable;  // the longest head split off a unit (장)
constexpr std::size_t kMaxUnit = 6 * kSyllable;  // the longest unit word (사업본부, 연구원)

bool is_title(const Token& t, const NameEndings& names) {
  return t.particle_only() ? false : names.titles.contains(t.folded);
}

// A word that may be a personal name itself: three syllables, the first an initial.
bool looks_like_name(const Token& t, const NameEndings& names) {
  return t.script == Script::kHangul && t.folded.size() == 3 * kSyllable &&
         names.initials.contains(std::string_view(t.folded).substr(0, kSyllable));
}

// A title right after `tokens[i]`, or after one plain word in between (전, an organization).
// Not after a name: in "대주주인 노상범 이사" the 인 of 주주 is the copula of an apposition.
bool title_follows(const std::vector<Token>& tokens, std::size_t i, const NameEndings& names) {
  if (i + 1 >= tokens.size() || !tokens[i + 1].space_before) {
    return false;
  }
  if (is_title(tokens[i + 1], names)) {
    return true;
  }
  const Token& between = tokens[i + 1];
  return between.particle.empty() && between.script != Script::kPunct &&
         !looks_like_name(between, names) && i + 2 < tokens.size() && tokens[i + 2].space_before &&
         is_title(tokens[i + 2], names);
}

// A title right before `tokens[i]` in parentheses, closed or continued right after it
// ("가온셈(대표 오유나)", "(공동대표 박하나·문태오)").
bool titled_in_parentheses(const std::vector<Token>& tokens, std::size_t i,
                           const NameEndings& names) {
  return i > 0 && i + 1 < tokens.size() && is_title(tokens[i - 1], names) &&
         tokens[i - 1].particle.empty() && !tokens[i + 1].space_before &&
         (tokens[i + 1].text == ")" || tokens[i + 1].text == "·");
}

// A title right before `tokens[i]`, which ends its sentence: a signature's "가온셈 대표이사
// 우다인".
bool titled_at_end(const std::vector<Token>& tokens, std::size_t i, const NameEndings& names) {
  return i > 0 && i + 1 == tokens.size() && is_title(tokens[i - 1], names) &&
         tokens[i - 1].particle.empty() && tokens[i].space_before;
}

// Whether `word` ends in one of the `units`, of `shortest` bytes or more, with more before it.
bool ends_in_a_unit(std::string_view word, std::size_t shortest, const NameEndings& names) {
  for (std::size_t n = shortest; n <= kMaxUnit && n < word.size(); n += kSyllable) {
    if (names.units.contains(word.substr(word.size() - n))) {
      return true;
    }
  }
  return false;
}

// Whether `t` is a unit's name: a word that ends in one of the `units` and is longer than it
// ("보안팀", "데이터본부").
bool names_unit(const Token& t, const NameEndings& names) {
  return t.script == Script::kHangul && t.particle.empty() &&
         ends_in_a_unit(t.folded, kSyllable, names);
}

// A parenthesis right after `tokens[i]` that holds a handle, or a title or a unit's name among
// its first words, as credits and attendee lists write a person ("최혜인(@hyein, 가온)",
// "모세인(보안팀)", "오다인(CTO)").
bool affiliation_follows(const std::vector<Token>& tokens, std::size_t i,
                         const NameEndings& names) {
  constexpr std::size_t kWords = 3;
  if (i + 2 >= tokens.size() || tokens[i + 1].text != "(" || tokens[i + 1].space_before) {
    return false;
  }
  if (tokens[i + 2].text == "@") {
    return true;
  }
  for (std::size_t k = i + 2; k < tokens.size() && k < i + 2 + kWords && tokens[k].text != ")";
       ++k) {
    if (is_title(tokens[k], names) || names_unit(tokens[k], names)) {
      return true;
    }
  }
  return false;
}

// Whether `written`, a word of four syllables or more, ends in one of the units whose last
// syllables are the particle of `particle_size` bytes the tokenizer cut ("해양학과" is 해양학 +
// 과 to it): a department is named so, and "수학과 과학" (three syllables) is left as written.
bool ends_in_unit(std::string_view written, std::size_t particle_size, const NameEndings& names) {
  return written.size() >= 4 * kSyllable &&
         ends_in_a_unit(written, particle_size + kSyllable, names);
}

}  // namespace

void join_name_endings(std::vector<Token>& tokens, std::string_view text, const NameEndings& names,
                       const KnownWord& known) {
  std::string written;
  for (Token& t : tokens) {
    if (t.script != Script::kHangul || t.particle.empty() || t.particle_only()) {
      continue;
    }
    written.assign(t.folded).append(t.particle);
    if (names.given.contains(written) || ends_in_unit(written, t.particle.size(), names)) {
      t.base_end = t.end;
      t.particle = {};
      t.text = text.substr(t.begin, t.end - t.begin);
      t.folded = t.text;
      t.word = kNoWord;
    }
  }
  if (names.empty()) {
    return;
  }
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    Token& t = tokens[i];
    // A three-syllable word split after its first or second syllable (김수 + 인, 김 + 이든).
    if (t.script != Script::kHangul || t.folded.empty() || t.particle.empty() ||
        t.folded.size() + t.particle.size() != 3 * kSyllable ||
        !names.endings.contains(t.particle) ||
        !names.initials.contains(std::string_view(t.folded).substr(0, kSyllable)) ||
        names.titles.contains(t.folded) || (known && known(t.folded)) ||
        (!title_follows(tokens, i, names) && !titled_in_parentheses(tokens, i, names) &&
         !titled_at_end(tokens, i, names) && !affiliation_follows(tokens, i, names))) {
      continue;
    }
    t.base_end = t.end;
    t.particle = {};
    t.text = text.substr(t.begin, t.end - t.begin);
    t.folded = t.text;
    t.word = kNoWord;
  }
}

void split_honorifics(std::vector<Token>& tokens, std::string_view text, const NameEndings& names,
                      const KnownWord& known) {
  if (names.honorifics.empty() || names.initials.empty()) {
    return;
  }
  constexpr std::size_t kName = 3 * kSyllable;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    Token& t = tokens[i];
    // An honorific written onto a Latin title goes with it, and its particle with the title
    // ("CTO님이" reads as "CTO이").
    if (i > 0 && t.script == Script::kHangul && !t.space_before &&
        names.honorifics.contains(t.folded) && tokens[i - 1].script == Script::kLatin &&
        names.titles.contains(tokens[i - 1].folded)) {
      tokens[i - 1].end = t.end;
      tokens[i - 1].particle = t.particle;
      tokens.erase(tokens.begin() + static_cast<std::ptrdiff_t>(i));
      --i;
      continue;
    }
    // A title with an honorific reads as the title ("팀장님이", "교수님은").
    if (t.script == Script::kHangul && t.folded.size() > kSyllable &&
        names.honorifics.contains(std::string_view(t.folded).substr(t.folded.size() - kSyllable)) &&
        names.titles.contains(std::string_view(t.folded).substr(0, t.folded.size() - kSyllable))) {
      t.base_end -= static_cast<std::uint32_t>(kSyllable);
      t.text = text.substr(t.begin, t.base_end - t.begin);
      t.folded = t.text;
      t.word = kNoWord;
      continue;
    }
    if (t.script != Script::kHangul || t.folded.size() != kName + kSyllable) {
      continue;
    }
    const std::string_view name = std::string_view(t.folded).substr(0, kName);
    if (!names.honorifics.contains(std::string_view(t.folded).substr(kName)) ||
        !names.initials.contains(name.substr(0, kSyllable)) || names.titles.contains(name) ||
        (known && (known(name) || known(t.folded)))) {
      continue;
    }
    Token honorific = t;
    honorific.begin = t.begin + static_cast<std::uint32_t>(kName);
    honorific.space_before = false;
    honorific.text = text.substr(honorific.begin, t.base_end - honorific.begin);
    honorific.folded = honorific.text;
    honorific.word = kNoWord;
    Token& n = tokens[i];
    n.end = n.begin + static_cast<std::uint32_t>(kName);
    n.base_end = n.end;
    n.particle = {};
    n.text = text.substr(n.begin, kName);
    n.folded = n.text;
    n.word = kNoWord;
    tokens.insert(tokens.begin() + static_cast<std::ptrdiff_t>(i) + 1, honorific);
    ++i;
  }
}

void split_unit_heads(std::vector<Token>& tokens, std::string_view text, const NameEndings& names,
                      const KnownWord& known) {
  if (names.units.empty() || names.heads.empty()) {
    return;
  }
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const Token& t = tokens[i];
    const std::string_view word = t.folded;
    // Written onto Latin letters that open a word, a unit and its head ("PS부문장", "QA팀장")
    // have their name before them: there the whole title splits too. Not after letters inside a
    // word ("한국AI협회장": the name is 한국AI협회).
    const bool after_latin = i > 0 && !t.space_before && tokens[i - 1].script == Script::kLatin &&
                             (i == 1 || tokens[i - 1].space_before);
    if (t.particle_only() || word.size() < (after_latin ? 2 : 3) * kSyllable ||
        t.base_end - t.begin != word.size()) {
      continue;
    }
    // The head first: most words end in none, and the lookups of the whole word cost more.
    std::size_t head = 0;
    for (std::size_t n = kSyllable; n <= kMaxHead && n < word.size() && head == 0; n += kSyllable) {
      head = names.heads.contains(word.substr(word.size() - n)) ? n : 0;
    }
    if (head == 0 || (!after_latin && names.titles.contains(word)) || (known && known(word))) {
      continue;
    }
    const std::string_view rest = word.substr(0, word.size() - head);
    std::size_t unit = 0;  // the longest unit the rest ends in
    for (std::size_t n = kSyllable; n <= kMaxUnit && n <= rest.size(); n += kSyllable) {
      unit = names.units.contains(rest.substr(rest.size() - n)) ? n : unit;
    }
    if (unit == 0 || (unit == rest.size() && !after_latin)) {
      continue;
    }
    Token title = t;
    title.begin = t.begin + static_cast<std::uint32_t>(rest.size());
    title.space_before = false;
    title.capitalized = false;
    title.all_upper = false;
    title.has_digit = false;
    title.script = Script::kHangul;
    title.text = text.substr(title.begin, t.base_end - title.begin);
    title.folded = title.text;
    title.word = kNoWord;
    Token& named = tokens[i];
    named.end = title.begin;
    named.base_end = named.end;
    named.particle = {};
    named.text = text.substr(named.begin, named.end - named.begin);
    named.folded = named.folded.substr(0, rest.size());
    named.word = kNoWord;
    tokens.insert(tokens.begin() + static_cast<std::ptrdiff_t>(i) + 1, title);
    ++i;
  }
}

}  // namespace kgex
