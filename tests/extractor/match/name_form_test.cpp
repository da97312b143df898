// The name forms the build works out for the built-in pack are those the tokenizer gives at
// start-up for any other name.
#include "extractor/match/name_form.h"

#include <doctest/doctest.h>

#include <string>

#include "extractor/rules/rule_set.h"

namespace kgex {
namespace {

TEST_CASE("name_form folds each token, the particle with it, and the whole name") {
  const NameForm openai = name_form("OpenAI's Lab");
  CHECK(openai.tokens == std::vector<std::string>{"openai's", "lab"});
  CHECK(openai.folded == "openai's lab");
  CHECK_FALSE(openai.all_hangul);
  const NameForm sam = name_form("샘 올트먼");
  CHECK(sam.tokens == std::vector<std::string>{"샘", "올트먼"});
  CHECK(sam.all_hangul);
  CHECK(name_form("").tokens.empty());
}

TEST_CASE("the build's forms of the built-in names are name_form's, in the pack's order") {
  const auto rules = load_rules({builtin_pack()});
  REQUIRE(rules.ok());
  std::vector<std::string> names;
  for (const GazetteerEntry e : rules.value()->gazetteer) {
    for (std::size_t a = 0; a < e.aliases().size(); ++a) {
      names.emplace_back(e.aliases()[a]);
    }
    names.emplace_back(e.name());
  }
  std::size_t next = 0;
  for (std::size_t i = 0; i < builtin_name_form_count(); ++i) {
    const BuiltinNameForm built = builtin_name_form(i);
    while (next < names.size() && names[next] != built.name) {
      ++next;  // a name the build left to start-up
    }
    REQUIRE(next < names.size());
    ++next;
    const NameForm form = name_form(built.name);
    std::string key;
    for (const std::string& token : form.tokens) {
      key += (key.empty() ? "" : std::string(1, kNameKeySeparator)) + token;
    }
    CHECK(key == built.key);
    CHECK(form.folded == built.folded);
    CHECK(form.all_hangul == built.all_hangul);
  }
  // Every name of the pack but a handful is in the build's list.
  CHECK(builtin_name_form_count() + 10 > names.size());
}

}  // namespace
}  // namespace kgex
