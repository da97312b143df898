// ICU regular expressions for token tests, with a time limit so that one
// pathological pattern cannot hang a run. Not public.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/status.h"

namespace kgex {

class SimpleRegex;

class CompiledRegex {
 public:
  // Compiles `pattern` (ICU syntax). kRule with the ICU error and its offset on failure.
  static Result<std::shared_ptr<const CompiledRegex>> compile(const std::string& pattern);
  // A pattern known to compile (from a pack whose files are known to be valid), parsed and
  // compiled the first time it is matched: patterns of rules that no sentence reaches cost
  // nothing.
  static std::shared_ptr<const CompiledRegex> deferred(const std::string& pattern);
  ~CompiledRegex();

  // Whether the whole of `text` matches. kTimeout when the match takes longer
  // than the time limit (ICU's setTimeLimit steps). Thread-safe.
  Result<bool> full_match(std::string_view text) const;

  const std::string& source() const { return source_; }

  // ICU time limit, in its steps of roughly a millisecond each.
  static constexpr int kTimeLimit = 100;

 private:
  CompiledRegex() = default;
  // The pattern as SimpleRegex runs it, parsed once, on the first call from any thread;
  // nullopt when it is not in SimpleRegex's subset.
  const std::optional<SimpleRegex>& simple() const;
  // Compiles the pattern once, on the first call from any thread; its error, if any.
  const Status& ensure_compiled() const;
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::string source_;
  std::uint64_t id_ = 0;  // unique per compiled pattern: keys the per-thread matcher cache
};

}  // namespace kgex
