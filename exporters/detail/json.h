// Not public: RapidJSON helpers for the JSON-LD writer and reader and for the
// JSON-valued attributes of GraphML and GEXF. Use exporters/exporter.h.
#pragma once

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>

#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "exporters/detail/text.h"
#include "graph/model.h"

namespace kgex::exporters {

// Deepest nesting of arrays and objects a reader accepts; kgex writes 5 at most.
inline constexpr int kMaxJsonDepth = 64;

// Parses `text` into `doc` with RapidJSON's iterative parser (constant stack),
// validating UTF-8 and refusing nesting deeper than kMaxJsonDepth and strings
// holding what find_forbidden_text() finds (NUL, other C0 controls but tab, LF
// and CR, U+FFFE, U+FFFF). kParse with the byte offset and line of the error.
Status parse_json(std::string_view text, rapidjson::Document& doc);

// "/<index>": the JSON Pointer reference token of an array element.
std::string pointer_index(std::size_t index);
// `key` as a JSON Pointer reference token ("~" -> "~0", "/" -> "~1"), with its leading "/".
std::string pointer_token(std::string_view key);

// The bytes RapidJSON's PrettyWriter writes (with SetIndent(' ', indent)) into a StringBuffer,
// for the calls the JSON-LD writer makes: keys and strings that hold nothing JSON escapes (Key,
// PlainString), strings already quoted and escaped (QuotedString, as write_string() passes
// them), raw numbers and counts.
// Without PrettyWriter's per-value state machine and its escaping of keys byte by byte, for a
// fraction of its work; the unit tests compare the two on random documents.
class PrettyJson {
 public:
  PrettyJson(rapidjson::StringBuffer& out, std::size_t indent) : out_(out), indent_(indent) {}

  void StartObject() { start('{', false); }
  void EndObject() { end('}'); }
  void StartArray() { start('[', true); }
  void EndArray() { end(']'); }
  void Key(const char* key, rapidjson::SizeType size) { PlainString({key, size}); }
  // A string value or key that clean_text() leaves as it is and JSON does not escape: printable
  // ASCII other than '"' and '\\'.
  void PlainString(std::string_view text) {
    prefix();
    char* at = out_.Push(text.size() + 2);
    at[0] = '"';
    std::memcpy(at + 1, text.data(), text.size());
    at[text.size() + 1] = '"';
  }
  void QuotedString(std::string_view quoted) {
    prefix();
    append(quoted.data(), quoted.size());
  }
  void RawValue(const char* json, std::size_t size, rapidjson::Type /*type*/) {
    prefix();
    append(json, size);
  }
  void Uint64(std::uint64_t value);

 private:
  struct Level {
    bool array = false;
    std::uint32_t values = 0;  // keys and values so far
  };
  void append(const char* bytes, std::size_t size) { std::memcpy(out_.Push(size), bytes, size); }
  // What goes before a key or value: a comma, a line break and the indentation, or ": " after a
  // key. Inline: it runs for every key and value.
  void prefix() {
    if (levels_.empty()) {
      return;
    }
    Level& level = levels_.back();
    if (!level.array && level.values % 2 == 1) {
      append(": ", 2);
    } else {
      if (level.values > 0) {
        out_.Put(',');
      }
      new_line();
    }
    ++level.values;
  }
  void start(char open, bool array) {
    prefix();
    out_.Put(open);
    levels_.push_back({array, 0});
  }
  void end(char close);
  // A line break and the indentation of the current level.
  void new_line() {
    const std::size_t spaces = levels_.size() * indent_;
    char* at = out_.Push(spaces + 1);
    at[0] = '\n';
    std::memset(at + 1, ' ', spaces);
  }

  rapidjson::StringBuffer& out_;
  std::size_t indent_;
  std::vector<Level> levels_;
};

// Writes `text` cleaned (clean_text) as a JSON string. Cleaned text holds no control
// characters but tab and LF, so RapidJSON's escapes of it are those of backslash_quoted()
// with "\t" for a tab; putting them together in one pass and copying the result saves the
// cleaned copy and RapidJSON's own escaping, byte for byte.
template <typename Writer>
void write_string(Writer& writer, std::string_view text) {
  thread_local std::string quoted;
  quoted.clear();
  append_backslash_quoted(quoted, text, "\\t");
  writer.QuotedString(quoted);
}

template <typename Writer>
void write_key(Writer& writer, std::string_view key) {
  writer.Key(key.data(), static_cast<rapidjson::SizeType>(key.size()));
}

// Writes `value` as format_decimal() prints it: 0.9000.
template <typename Writer>
void write_decimal(Writer& writer, double value) {
  const std::string text = format_decimal(value);
  writer.RawValue(text.data(), text.size(), rapidjson::kNumberType);
}

template <typename Writer>
void write_count(Writer& writer, std::size_t value) {
  writer.Uint64(static_cast<std::uint64_t>(value));
}

// byteStart, byteEnd, charStart and charEnd.
template <typename Writer>
void write_offsets(Writer& writer, const Span& bytes, const Span& chars) {
  write_key(writer, "byteStart");
  write_count(writer, bytes.begin);
  write_key(writer, "byteEnd");
  write_count(writer, bytes.end);
  write_key(writer, "charStart");
  write_count(writer, chars.begin);
  write_key(writer, "charEnd");
  write_count(writer, chars.end);
}

// The fields of a mention (document, byteStart, byteEnd, charStart, charEnd),
// without the enclosing braces.
template <typename Writer>
void write_mention_fields(Writer& writer, const Mention& mention) {
  write_key(writer, "document");
  write_string(writer, mention.document);
  write_offsets(writer, mention.bytes, mention.chars);
}

// The fields of an evidence record: document, sentence, the four offsets,
// rule (when not empty) and confidence.
template <typename Writer>
void write_evidence_fields(Writer& writer, const Evidence& evidence) {
  write_key(writer, "document");
  write_string(writer, evidence.document);
  write_key(writer, "sentence");
  write_string(writer, evidence.sentence);
  write_offsets(writer, evidence.bytes, evidence.chars);
  if (!evidence.rule.empty()) {
    write_key(writer, "rule");
    write_string(writer, evidence.rule);
  }
  write_key(writer, "confidence");
  write_decimal(writer, evidence.confidence);
}

// Reads what write_*_fields wrote from `object`; other members are left to the
// caller. kSchema naming `pointer` (the object's JSON Pointer) and the member.
Result<Mention> read_mention_fields(const rapidjson::Value& object, const std::string& pointer);
Result<Evidence> read_evidence_fields(const rapidjson::Value& object, const std::string& pointer);

// Typed member access for readers; kSchema naming `pointer` + "/" + key.
// A missing optional member gives the default.
Result<std::string> string_member(const rapidjson::Value& object, std::string_view key,
                                  const std::string& pointer, bool required);
Result<std::size_t> count_member(const rapidjson::Value& object, std::string_view key,
                                 const std::string& pointer, bool required);
Result<double> number_member(const rapidjson::Value& object, std::string_view key,
                             const std::string& pointer, bool required);

// kSchema, without a place, for a relation's confidence outside [0, 1] (or not a number).
Status checked_confidence(double confidence);

// A relation's weight as a reader takes it (see Relation::weight), given the weight a file gives
// (JSON-LD confidenceWeight, GraphML confidence_weight) and the confidence it prints. A file of a
// kgex from before weights has none: its relation is one reading of its printed confidence, as
// merging took it then. kSchema, without a place, for a confidence outside [0, 1], a weight above
// kMaxWeight or one whose confidence does not print as `confidence` does.
Result<std::uint64_t> checked_weight(std::optional<std::uint64_t> weight, double confidence);

// The JSON text of GraphML's and GEXF's list attributes, appended to `out`: compact arrays of
// strings (std::string or std::string_view), of mention objects and of evidence objects.
template <typename Strings>
void append_string_list_json(std::string& out, const Strings& items) {
  out.push_back('[');
  bool first = true;
  for (const auto& item : items) {
    if (!first) {
      out.push_back(',');
    }
    first = false;
    append_backslash_quoted(out, item, "\\t");
  }
  out.push_back(']');
}
void append_mentions_json(std::string& out, const std::vector<Mention>& mentions);
void append_evidence_json(std::string& out, const std::vector<Evidence>& evidence);
// Their readers; errors carry a JSON Pointer into `json`.
Result<std::vector<std::string>> parse_string_list(std::string_view json);
Result<std::vector<Mention>> parse_mentions(std::string_view json);
Result<std::vector<Evidence>> parse_evidence(std::string_view json);

}  // namespace kgex::exporters
