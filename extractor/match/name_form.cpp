#include "extractor/match/name_form.h"

#include "extractor/text/tokenizer.h"

namespace kgex {

NameForm name_form(std::string_view name) {
  const KnownWord keep_whole = [](std::string_view) { return true; };
  FoldedForms folded;
  const std::vector<Token> tokens =
      tokenize(name, 0, static_cast<std::uint32_t>(name.size()), keep_whole, folded);
  // Nothing is folded twice: a token keeps the folded form the tokenizer made (that of the
  // whole token when it has no particle), and the folded name is put together from the tokens
  // and the folded text between them (case folding works code point by code point).
  NameForm form;
  std::uint32_t folded_to = 0;
  for (const Token& t : tokens) {
    form.folded += fold_case(name.substr(folded_to, t.begin - folded_to));
    form.tokens.push_back(t.particle.empty() ? std::string(t.folded)
                                             : fold_case(name.substr(t.begin, t.end - t.begin)));
    form.folded += form.tokens.back();
    form.all_hangul = form.all_hangul && t.script == Script::kHangul;
    folded_to = t.end;
  }
  form.folded += fold_case(name.substr(folded_to));
  return form;
}

}  // namespace kgex
