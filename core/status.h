// Errors as values. Every fallible library call returns Status or Result<T>;
// the CLI maps ErrorCode to an exit status. No library code throws across its API.
//
//   Result<RuleSet> rules = load_rule_pack(dir);
//   if (!rules.ok()) { std::cerr << rules.status().to_string() << "\n"; return 2; }
//   use(rules.value());
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace kgex {

enum class ErrorCode {
  kOk = 0,
  kInvalidArgument,  // the caller's arguments are wrong (unknown format, bad option value)
  kIo,               // a file could not be read or written
  kParse,            // input text, JSON or XML is malformed
  kSchema,           // JSON is well formed but violates its schema
  kRule,             // a rule is invalid (bad regex, unknown reference)
  kTimeout,          // a regular expression hit its time limit
  kNotFound,         // a looked-up name or file does not exist
};

// Where an error is: a file, and within it a line, a byte offset or a JSON Pointer.
struct SourceLocation {
  std::string file;
  std::string pointer;  // JSON Pointer ("/relation_rules/3/pattern"), empty if none
  long line = -1;       // 1-based, -1 if unknown
  long offset = -1;     // byte offset, -1 if unknown
};

class Status {
 public:
  Status() = default;
  Status(ErrorCode code, std::string message, SourceLocation where = {})
      : code_(code), message_(std::move(message)), where_(std::move(where)) {}

  static Status ok_status() { return {}; }
  bool ok() const { return code_ == ErrorCode::kOk; }
  ErrorCode code() const { return code_; }
  const std::string& message() const { return message_; }
  const SourceLocation& where() const { return where_; }

  // "file:line: message", "file: /json/pointer: message" or "file: byte N: message".
  std::string to_string() const;
  // A copy whose location file is `file` when it had none.
  Status in_file(const std::string& file) const;

 private:
  ErrorCode code_ = ErrorCode::kOk;
  std::string message_;
  SourceLocation where_;
};

// A value or the Status that explains why there is none.
template <typename T>
class Result {
 public:
  // cppcheck-suppress noExplicitConstructor ; implicit by design: `return value;`
  Result(T value) : data_(std::move(value)) {}  // NOLINT: implicit by design
  // cppcheck-suppress noExplicitConstructor ; implicit by design: `return status;`
  Result(Status status) : data_(std::move(status)) {}  // NOLINT: implicit by design

  bool ok() const { return std::holds_alternative<T>(data_); }
  const Status& status() const {
    static const Status kOk;
    return ok() ? kOk : std::get<Status>(data_);
  }
  // Precondition: ok().
  T& value() & { return std::get<T>(data_); }
  const T& value() const& { return std::get<T>(data_); }
  T&& value() && { return std::get<T>(std::move(data_)); }

 private:
  std::variant<T, Status> data_;
};

}  // namespace kgex
