// extractor/match/regex.h: whole-text matches, remembered answers that stay
// per pattern, and compile errors with the offset.
#include "extractor/match/regex.h"

#include <doctest/doctest.h>

#include <memory>
#include <string>
#include <thread>
#include <vector>

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

TEST_CASE("a deferred pattern, parsed on its first match from any thread, matches as compiled") {
  for (const std::string pattern : {"[A-Z][a-z]+", "(팀|본부|실)장", "(a+)+b"}) {
    CAPTURE(pattern);
    auto compiled = CompiledRegex::compile(pattern);
    REQUIRE(compiled.ok());
    const std::shared_ptr<const CompiledRegex> deferred = CompiledRegex::deferred(pattern);
    CHECK(deferred->source() == pattern);
    const std::vector<std::string> texts = {"Kafka", "kafka", "본부장", "팀", "aaab", "aaa"};
    std::vector<char> answers[2];
    std::vector<std::thread> threads;
    for (std::vector<char>& mine : answers) {
      threads.emplace_back([&] {
        for (const std::string& text : texts) {
          mine.push_back(static_cast<char>(deferred->full_match(text).value()));
        }
      });
    }
    for (std::thread& t : threads) {
      t.join();
    }
    for (std::size_t i = 0; i < texts.size(); ++i) {
      CAPTURE(texts[i]);
      const bool expected = compiled.value()->full_match(texts[i]).value();
      CHECK(static_cast<bool>(answers[0][i]) == expected);
      CHECK(static_cast<bool>(answers[1][i]) == expected);
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
