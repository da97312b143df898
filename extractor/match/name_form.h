// How the gazetteer indexes one of its names: the name's tokens, case folded, and the whole
// name folded. The forms of the built-in pack's names are worked out at build time
// (tools/name_forms.cpp), so that start-up does not tokenize 4,000 names. Not public.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kgex {

// Joins a name's folded tokens in the keys of the gazetteer index.
inline constexpr char kNameKeySeparator = '\x1f';

struct NameForm {
  std::vector<std::string> tokens;  // folded, particle included (as the tokenizer splits it)
  std::string folded;               // the whole name folded
  bool all_hangul = true;           // every token is Hangul
};

// The form of `name`: tokenized with no particle split off a Hangul word, each token folded.
NameForm name_form(std::string_view name);

// A NameForm computed by the build, for one name of the built-in pack: `key` is its tokens
// joined by kNameKeySeparator (none of them is empty or holds the separator).
struct BuiltinNameForm {
  std::string_view name;
  std::string_view key;
  std::string_view folded;
  bool all_hangul = false;
};

// The forms of the built-in pack's gazetteer names, in the order the pack lists them (each
// entry's aliases, then its name). Defined by the generated source of tools/name_forms.cpp,
// as offsets into one array of characters: a table of string_views would need some 12,000
// relocations, and as many page faults' worth of writes, at every start.
std::size_t builtin_name_form_count();
BuiltinNameForm builtin_name_form(std::size_t i);

}  // namespace kgex
