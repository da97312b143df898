// Korean given names that end in a syllable the tokenizer takes for a particle.
//
//   "김수인 대표" -> 김수인 | 대표      (not 김수 + copula 인)
//   "김영만 한빛소프트 사장" -> 김영만 | 한빛소프트 | 사장
//   "정부도 참여했다" -> 정부 + 도     (no title follows)
//
// A two-syllable word whose first syllable starts personal names keeps a
// one-syllable ending such as 인, 나, 만 or 도 as the end of a three-syllable
// name when a title follows it, directly or after one word (a rank such as 전,
// or the organization), when a title stands right before it in parentheses
// ("가온셈(대표 박유나)"), or when a title stands right before it and it ends the sentence (a
// signature's "가온셈 대표이사 우다인"). Which endings, initials and titles is data: the pack's
// "name_endings" (docs/rules.md).
//
// An honorific written onto a name is split off the same way: "김민수씨는" -> 김민수 | 씨+는.
// So is the head of a named unit: "기획본부장은" -> 기획본부 | 장+은, "한빛협회장" -> 한빛협회 |
// 장.
#pragma once

#include <string_view>
#include <vector>

#include "core/word_set.h"
#include "extractor/text/tokenizer.h"

namespace kgex {

struct NameEndings {
  WordSet endings;     // particles that can be a given name's last syllable
  WordSet initials;    // first syllables of personal names (surnames)
  WordSet titles;      // words that follow a person's name
  WordSet honorifics;  // written onto a name: 씨, 님
  WordSet units;       // units whose head is written onto their name: 본부, 사업본부, 협회
  WordSet heads;       // the head so written: 장
  WordSet given;       // foreign given names written in Hangul: 페드로, 엘레나 (see below)

  bool empty() const { return endings.empty() || initials.empty() || titles.empty(); }
};

// Joins such endings back onto their names in `tokens` (of normalised `text`), and a word the
// tokenizer cut that is one of the `given` names with its particle ("페드로" read as 페드 + 로,
// "엘레나" as 엘레 + 나), wherever it stands: such a word is a name, not a stem and a particle. So
// is a word of four syllables or more that ends in one of the `units` whose last syllable was
// cut as a particle ("해양학과", not 해양학 + 과). A
// word that is itself a title or `known` to the gazetteer or the stop list keeps its particle. (A
// known word with its ending, such as the stop list's 기업인, is never split by the tokenizer.)
void join_name_endings(std::vector<Token>& tokens, std::string_view text, const NameEndings& names,
                       const KnownWord& known);

// Splits an honorific off a three-syllable word that starts with an initial ("김민수씨",
// "이서연님"), unless the rest is a title or `known` ("이사장님").
void split_honorifics(std::vector<Token>& tokens, std::string_view text, const NameEndings& names,
                      const KnownWord& known);

// Splits a head off a word that is a named unit and its head ("기획본부장" -> 기획본부 | 장).
// The longest unit the word ends in must have a name before it: "사업본부장" and "본부장" are
// titles and stay whole, as does a word that is itself a title or `known`, unless Latin letters
// written onto it name the unit ("PS부문장" -> PS | 부문 | 장). Heads of up to two syllables and
// units of up to six are looked for.
void split_unit_heads(std::vector<Token>& tokens, std::string_view text, const NameEndings& names,
                      const KnownWord& known);

}  // namespace kgex
