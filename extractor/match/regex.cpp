#include "extractor/match/regex.h"

#include <unicode/regex.h>
#include <unicode/utext.h>

#include <atomic>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/string_index.h"
#include "extractor/match/simple_regex.h"

namespace kgex {
namespace {

constexpr std::size_t kRememberedAnswers = 1 << 16;

Status compile_pattern(const std::string& pattern, std::unique_ptr<icu::RegexPattern>& out) {
  UErrorCode status = U_ZERO_ERROR;
  UParseError parse_error{};
  out.reset(
      icu::RegexPattern::compile(icu::UnicodeString::fromUTF8(pattern), 0, parse_error, status));
  if (U_FAILURE(status)) {
    out.reset();
    return Status(ErrorCode::kRule, "invalid regular expression \"" + pattern +
                                        "\": " + u_errorName(status) + " at offset " +
                                        std::to_string(parse_error.offset));
  }
  return {};
}

}  // namespace

struct CompiledRegex::Impl {
  // The pattern when it is in SimpleRegex's subset: matched without ICU, which is compiled
  // only if a match runs over SimpleRegex's step budget. Parsed on the first match of a
  // deferred pattern (`parsed`).
  std::once_flag parsed;
  std::optional<SimpleRegex> simple;
  std::once_flag compiled;
  std::unique_ptr<icu::RegexPattern> pattern;
  Status error;  // why `pattern` is null
};

CompiledRegex::~CompiledRegex() = default;

std::shared_ptr<const CompiledRegex> CompiledRegex::deferred(const std::string& pattern) {
  std::shared_ptr<CompiledRegex> regex(new CompiledRegex());
  regex->impl_ = std::make_unique<Impl>();
  regex->source_ = pattern;
  static std::atomic<std::uint64_t> next_id{1};
  regex->id_ = next_id++;
  return regex;
}

Result<std::shared_ptr<const CompiledRegex>> CompiledRegex::compile(const std::string& pattern) {
  std::shared_ptr<const CompiledRegex> regex = deferred(pattern);
  // A pattern of SimpleRegex's subset is valid ICU syntax.
  if (regex->simple()) {
    return regex;
  }
  if (const Status& s = regex->ensure_compiled(); !s.ok()) {
    return s;
  }
  return regex;
}

const std::optional<SimpleRegex>& CompiledRegex::simple() const {
  std::call_once(impl_->parsed, [this] { impl_->simple = SimpleRegex::parse(source_); });
  return impl_->simple;
}

const Status& CompiledRegex::ensure_compiled() const {
  std::call_once(impl_->compiled,
                 [this] { impl_->error = compile_pattern(source_, impl_->pattern); });
  return impl_->error;
}

Result<bool> CompiledRegex::full_match(std::string_view text) const {
  // The same words come back sentence after sentence: answers are remembered per thread and
  // pattern, up to a bound for all patterns together, then forgotten at once. The keys are in
  // a StringIndex per pattern (a short run asks mostly new questions, and a hash map of
  // strings made an allocation or two for each), so that a question is looked up by its text
  // as it is.
  struct Answers {
    StringIndex keys;
    std::vector<bool> matched;
  };
  struct AllAnswers {
    // By pattern id (numbered from 1 per process: a run compiles a pack's few dozen patterns
    // once, so the vector stays short).
    std::vector<Answers> of;
    std::size_t size = 0;  // in all
  };
  thread_local AllAnswers answers;
  if (answers.of.size() <= id_) {
    answers.of.resize(id_ + 1);
  }
  if (const std::uint32_t known = answers.of[id_].keys.find(text); known != StringIndex::kAbsent) {
    return static_cast<bool>(answers.of[id_].matched[known]);
  }
  if (answers.size >= kRememberedAnswers) {
    answers.of.clear();
    answers.of.resize(id_ + 1);
    answers.size = 0;
  }
  const auto remember = [this, text](bool matched) {
    Answers& mine = answers.of[id_];
    mine.keys.insert(text);
    mine.matched.push_back(matched);
    ++answers.size;
  };
  if (const std::optional<SimpleRegex>& simple = this->simple()) {
    if (const std::optional<bool> matched = simple->full_match(text)) {
      remember(*matched);
      return *matched;
    }
  }
  // One matcher per pattern and thread, reused: creating one costs more than matching a token.
  thread_local std::unordered_map<std::uint64_t, std::unique_ptr<icu::RegexMatcher>> matchers;
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::RegexMatcher>& matcher = matchers[id_];
  if (!matcher) {
    if (const Status& s = ensure_compiled(); !s.ok()) {
      return s;
    }
    matcher.reset(impl_->pattern->matcher(status));
    if (U_SUCCESS(status)) {
      matcher->setTimeLimit(kTimeLimit, status);
    }
  }
  UText* ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
  bool matched = false;
  if (U_SUCCESS(status)) {
    matcher->reset(ut);
    matched = matcher->matches(status);
  }
  utext_close(ut);
  if (status == U_REGEX_TIME_OUT) {
    matcher.reset();
    return Status(ErrorCode::kTimeout,
                  "regular expression \"" + source_ + "\" exceeded its time limit");
  }
  if (U_FAILURE(status)) {
    matcher.reset();
    return Status(ErrorCode::kRule,
                  "regular expression \"" + source_ + "\" failed: " + u_errorName(status));
  }
  remember(matched);
  return matched;
}

}  // namespace kgex
