// extractor/match/regex.h: whole-text matches, remembered answers that stay
// per pattern, and compile errors with the offset.
#include "extractor/match/regex.h"

#include <doctest/doctest.h>

#include <string>

namespace kgex {
namespace {

TEST_CASE("full_match matches the whole text, and answers stay the same when asked again") {
  auto upper = CompiledRegex::compile("[A-Z][a-z]+");
  REQUIRE(upper.ok());
  for (int round = 0; round < 3; ++round) {
    CHECK(upper.value()->full_match("Kafka").value());
    CHECK_FALSE(upper.value()->full_match("kafka").value());
    CHECK_FALSE(upper.value()->full_match("Kafka2").value());
  }
}

TEST_CASE("two patterns asked about the same text keep their own answers") {
  auto digits = CompiledRegex::compile("[0-9]+");
  auto letters = CompiledRegex::compile("[a-z]+");
  REQUIRE(digits.ok());
  REQUIRE(letters.ok());
  for (const std::string text : {"2025", "rust", "a1"}) {
    CAPTURE(text);
    const bool d = digits.value()->full_match(text).value();
    const bool l = letters.value()->full_match(text).value();
    CHECK(d == (text == "2025"));
    CHECK(l == (text == "rust"));
  }
}

TEST_CASE("answers stay right past the bound where a thread forgets the ones it remembers") {
  auto even = CompiledRegex::compile("[0-9]*[02468]");
  REQUIRE(even.ok());
  // More distinct texts than a thread remembers (65,536), then the first ones again.
  for (int round = 0; round < 2; ++round) {
    for (int i = 0; i < 70000; i += round == 0 ? 1 : 7) {
      const Result<bool> m = even.value()->full_match(std::to_string(i));
      REQUIRE(m.ok());
      REQUIRE(m.value() == (i % 2 == 0));
    }
  }
}

TEST_CASE("a pattern that does not compile is kRule with the offset") {
  auto bad = CompiledRegex::compile("[a-");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().code() == ErrorCode::kRule);
  CHECK(bad.status().message().find("at offset") != std::string::npos);
}

}  // namespace
}  // namespace kgex
