#include "exporters/detail/json.h"

#include <rapidjson/error/en.h>
#include <rapidjson/memorystream.h>
#include <rapidjson/reader.h>

#include <charconv>
#include <limits>

namespace kgex::exporters {
namespace {

// Forwards SAX events to a Document, failing once nesting exceeds the limit or
// a string or key holds what find_forbidden_text() finds (an escape such as
// \u0000 or \uFFFF; RapidJSON has already refused raw control characters and
// invalid UTF-8). `refusal` says why it failed.
class CheckingHandler {
 public:
  CheckingHandler(rapidjson::Document& doc, std::string& refusal) : doc_(doc), refusal_(refusal) {}

  bool Null() { return doc_.Null(); }
  bool Bool(bool b) { return doc_.Bool(b); }
  bool Int(int i) { return doc_.Int(i); }
  bool Uint(unsigned u) { return doc_.Uint(u); }
  bool Int64(std::int64_t i) { return doc_.Int64(i); }
  bool Uint64(std::uint64_t u) { return doc_.Uint64(u); }
  bool Double(double d) { return doc_.Double(d); }
  bool RawNumber(const char* s, rapidjson::SizeType n, bool copy) {
    return doc_.RawNumber(s, n, copy);
  }
  bool String(const char* s, rapidjson::SizeType n, bool copy) {
    return allowed(s, n) && doc_.String(s, n, copy);
  }
  bool Key(const char* s, rapidjson::SizeType n, bool copy) {
    return allowed(s, n) && doc_.Key(s, n, copy);
  }
  bool StartObject() { return enter() && doc_.StartObject(); }
  bool EndObject(rapidjson::SizeType n) {
    --depth_;
    return doc_.EndObject(n);
  }
  bool StartArray() { return enter() && doc_.StartArray(); }
  bool EndArray(rapidjson::SizeType n) {
    --depth_;
    return doc_.EndArray(n);
  }

 private:
  bool enter() {
    if (++depth_ > kMaxJsonDepth) {
      refusal_ = "JSON nested deeper than " + std::to_string(kMaxJsonDepth) + " levels";
      return false;
    }
    return true;
  }
  bool allowed(const char* s, rapidjson::SizeType n) {
    if (const std::optional<ForbiddenText> bad = find_forbidden_text(std::string_view(s, n))) {
      refusal_ = "a JSON string holds " + bad->what + ", which kgex graph files never contain";
      return false;
    }
    return true;
  }

  rapidjson::Document& doc_;
  std::string& refusal_;
  int depth_ = 0;
};

Status member_error(const std::string& pointer, std::string_view key, std::string_view what) {
  return Status(ErrorCode::kSchema, std::string(what), {.pointer = pointer + pointer_token(key)});
}

const rapidjson::Value* find_member(const rapidjson::Value& object, std::string_view key) {
  const auto it =
      object.FindMember(rapidjson::Value(key.data(), static_cast<rapidjson::SizeType>(key.size())));
  return it == object.MemberEnd() ? nullptr : &it->value;
}

// Reads the four offsets of a mention or evidence record.
Status read_spans(const rapidjson::Value& object, const std::string& pointer, Span& bytes,
                  Span& chars) {
  struct Field {
    std::string_view key;
    std::size_t* into;
  };
  const Field fields[] = {{"byteStart", &bytes.begin},
                          {"byteEnd", &bytes.end},
                          {"charStart", &chars.begin},
                          {"charEnd", &chars.end}};
  for (const Field& field : fields) {
    Result<std::size_t> value = count_member(object, field.key, pointer, true);
    if (!value.ok()) {
      return value.status();
    }
    *field.into = value.value();
  }
  if (bytes.end < bytes.begin || chars.end < chars.begin) {
    return Status(ErrorCode::kSchema, "an offset span ends before it begins", {.pointer = pointer});
  }
  return {};
}

template <typename Item, typename Read>
Result<std::vector<Item>> parse_array(std::string_view json, Read read) {
  rapidjson::Document doc;
  if (Status s = parse_json(json, doc); !s.ok()) {
    return s;
  }
  if (!doc.IsArray()) {
    return Status(ErrorCode::kSchema, "expected a JSON array", {.pointer = ""});
  }
  std::vector<Item> items;
  for (rapidjson::SizeType i = 0; i < doc.Size(); ++i) {
    Result<Item> item = read(doc[i], pointer_index(i));
    if (!item.ok()) {
      return item.status();
    }
    items.push_back(std::move(item).value());
  }
  return items;
}

// What RapidJSON's compact Writer writes for an unsigned integer: its decimal digits.
void append_count(std::string& out, std::size_t value) {
  char digits[24];
  const auto [end, ec] = std::to_chars(digits, digits + sizeof digits, value);
  out.append(digits, end);
}

// ,"byteStart":…,"byteEnd":…,"charStart":…,"charEnd":… as write_offsets() writes them.
void append_offsets(std::string& out, const Span& bytes, const Span& chars) {
  out += ",\"byteStart\":";
  append_count(out, bytes.begin);
  out += ",\"byteEnd\":";
  append_count(out, bytes.end);
  out += ",\"charStart\":";
  append_count(out, chars.begin);
  out += ",\"charEnd\":";
  append_count(out, chars.end);
}

// The shortest text that reads back as `value` (1.8, -0.5, 1e+300): what an error message shows.
std::string shortest(double value) {
  char buffer[32];
  const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, ec == std::errc() ? end : buffer);
}

}  // namespace

void PrettyJson::Uint64(std::uint64_t value) {
  prefix();
  // Room for the most digits there can be, written in place, and what is left over given back.
  constexpr std::size_t kMaxDigits = std::numeric_limits<std::uint64_t>::digits10 + 1;
  char* at = out_.Push(kMaxDigits);
  const char* end = std::to_chars(at, at + kMaxDigits, value).ptr;
  out_.Pop(kMaxDigits - static_cast<std::size_t>(end - at));
}

void PrettyJson::end(char close) {
  const bool empty = levels_.back().values == 0;
  levels_.pop_back();
  if (!empty) {
    new_line();
  }
  out_.Put(close);
}

Status parse_json(std::string_view text, rapidjson::Document& doc) {
  // No kParseFullPrecisionFlag: RapidJSON 1.1.0's full-precision conversion reads past its
  // table of powers of ten on a fraction with hundreds of leading zeros (found by fuzz_jsonld;
  // tests/fuzz/regressions/jsonld). The normal path is exact for what kgex writes (at most
  // 4 decimals, or xsd:double's "9.0E-1"): a small integer divided by a power of ten.
  constexpr unsigned kFlags =
      rapidjson::kParseIterativeFlag | rapidjson::kParseValidateEncodingFlag;
  rapidjson::Reader reader;
  std::string refusal;
  rapidjson::ParseResult result;
  auto generate = [&](rapidjson::Document& target) {
    CheckingHandler handler(target, refusal);
    rapidjson::MemoryStream stream(text.data(), text.size());
    result = reader.Parse<kFlags>(stream, handler);
    return !result.IsError();
  };
  doc.Populate(generate);
  if (!result.IsError()) {
    return {};
  }
  const std::string message = !refusal.empty() ? refusal
                                               : std::string("malformed JSON: ") +
                                                     rapidjson::GetParseError_En(result.Code());
  return Status(
      ErrorCode::kParse, message,
      {.line = line_of(text, result.Offset()), .offset = static_cast<long>(result.Offset())});
}

std::string pointer_index(std::size_t index) {
  std::string out = "/";
  out += std::to_string(index);
  return out;
}

std::string pointer_token(std::string_view key) {
  std::string out = "/";
  for (const char c : key) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out.push_back(c);
    }
  }
  return out;
}

Result<std::string> string_member(const rapidjson::Value& object, std::string_view key,
                                  const std::string& pointer, bool required) {
  const rapidjson::Value* value = find_member(object, key);
  if (value == nullptr) {
    if (required) {
      return member_error(pointer, key, "missing " + std::string(key));
    }
    return std::string();
  }
  if (!value->IsString()) {
    return member_error(pointer, key, "expected a string");
  }
  return std::string(value->GetString(), value->GetStringLength());
}

Result<std::size_t> count_member(const rapidjson::Value& object, std::string_view key,
                                 const std::string& pointer, bool required) {
  const rapidjson::Value* value = find_member(object, key);
  if (value == nullptr) {
    if (required) {
      return member_error(pointer, key, "missing " + std::string(key));
    }
    return std::size_t{0};
  }
  if (!value->IsUint64()) {
    return member_error(pointer, key, "expected a non-negative integer");
  }
  return static_cast<std::size_t>(value->GetUint64());
}

Result<double> number_member(const rapidjson::Value& object, std::string_view key,
                             const std::string& pointer, bool required) {
  const rapidjson::Value* value = find_member(object, key);
  if (value == nullptr) {
    if (required) {
      return member_error(pointer, key, "missing " + std::string(key));
    }
    return 0.0;
  }
  if (!value->IsNumber()) {
    return member_error(pointer, key, "expected a number");
  }
  return value->GetDouble();
}

Status checked_confidence(double confidence) {
  if (!(confidence >= 0.0 && confidence <= 1.0)) {
    return Status(ErrorCode::kSchema,
                  "the confidence " + shortest(confidence) + " is not between 0 and 1");
  }
  return {};
}

Result<std::uint64_t> checked_weight(std::optional<std::uint64_t> weight, double confidence) {
  if (Status s = checked_confidence(confidence); !s.ok()) {
    return s;
  }
  if (!weight) {
    // The confidence as printed, so that the weight prints it back the same way (0.99995 prints
    // 1.0000 or 0.9999, and so must its weight's confidence when the graph is written again).
    return confidence_weight(parse_double(format_decimal(confidence)).value_or(confidence));
  }
  if (*weight > kMaxWeight) {
    return Status(ErrorCode::kSchema, "the confidence weight " + std::to_string(*weight) +
                                          " is above the largest, " + std::to_string(kMaxWeight));
  }
  const std::string printed = format_decimal(confidence);
  const std::string of_weight = format_decimal(weight_confidence(*weight));
  if (printed != of_weight) {
    return Status(ErrorCode::kSchema, "the confidence " + printed + " is not that of the weight " +
                                          std::to_string(*weight) + " (" + of_weight + ")");
  }
  return *weight;
}

Result<Mention> read_mention_fields(const rapidjson::Value& object, const std::string& pointer) {
  if (!object.IsObject()) {
    return Status(ErrorCode::kSchema, "expected a mention object", {.pointer = pointer});
  }
  Mention mention;
  Result<std::string> document = string_member(object, "document", pointer, true);
  if (!document.ok()) {
    return document.status();
  }
  mention.document = std::move(document).value();
  if (Status s = read_spans(object, pointer, mention.bytes, mention.chars); !s.ok()) {
    return s;
  }
  return mention;
}

Result<Evidence> read_evidence_fields(const rapidjson::Value& object, const std::string& pointer) {
  if (!object.IsObject()) {
    return Status(ErrorCode::kSchema, "expected an evidence object", {.pointer = pointer});
  }
  Evidence evidence;
  Result<std::string> document = string_member(object, "document", pointer, true);
  Result<std::string> sentence = string_member(object, "sentence", pointer, true);
  Result<std::string> rule = string_member(object, "rule", pointer, false);
  Result<double> confidence = number_member(object, "confidence", pointer, true);
  for (const Status* s :
       {&document.status(), &sentence.status(), &rule.status(), &confidence.status()}) {
    if (!s->ok()) {
      return *s;
    }
  }
  evidence.document = std::move(document).value();
  evidence.sentence = std::move(sentence).value();
  evidence.rule = std::move(rule).value();
  if (Status s = checked_confidence(confidence.value()); !s.ok()) {
    return Status(ErrorCode::kSchema, s.message(), {.pointer = pointer + "/confidence"});
  }
  evidence.confidence = confidence.value();
  if (Status s = read_spans(object, pointer, evidence.bytes, evidence.chars); !s.ok()) {
    return s;
  }
  return evidence;
}

// The three lists are written directly, byte for byte what RapidJSON's compact Writer made of
// write_string(), write_mention_fields() and write_evidence_fields() (the unit tests compare
// them): GraphML writes one of each per node or edge, and the writer's state machine and its
// escaping of the keys were most of their cost. They are appended where they go (XmlStream's
// element), without a string of their own.
void append_mentions_json(std::string& out, const std::vector<Mention>& mentions) {
  out.push_back('[');
  for (std::size_t i = 0; i < mentions.size(); ++i) {
    out += i > 0 ? ",{\"document\":" : "{\"document\":";
    append_backslash_quoted(out, mentions[i].document, "\\t");
    append_offsets(out, mentions[i].bytes, mentions[i].chars);
    out.push_back('}');
  }
  out.push_back(']');
}

void append_evidence_json(std::string& out, const std::vector<Evidence>& evidence) {
  out.push_back('[');
  for (std::size_t i = 0; i < evidence.size(); ++i) {
    const Evidence& item = evidence[i];
    out += i > 0 ? ",{\"document\":" : "{\"document\":";
    append_backslash_quoted(out, item.document, "\\t");
    out += ",\"sentence\":";
    append_backslash_quoted(out, item.sentence, "\\t");
    append_offsets(out, item.bytes, item.chars);
    if (!item.rule.empty()) {
      out += ",\"rule\":";
      append_backslash_quoted(out, item.rule, "\\t");
    }
    out += ",\"confidence\":";
    out += format_decimal(item.confidence);
    out.push_back('}');
  }
  out.push_back(']');
}

Result<std::vector<std::string>> parse_string_list(std::string_view json) {
  return parse_array<std::string>(
      json, [](const rapidjson::Value& value, const std::string& pointer) -> Result<std::string> {
        if (!value.IsString()) {
          return Status(ErrorCode::kSchema, "expected a string", {.pointer = pointer});
        }
        return std::string(value.GetString(), value.GetStringLength());
      });
}

Result<std::vector<Mention>> parse_mentions(std::string_view json) {
  return parse_array<Mention>(json, read_mention_fields);
}

Result<std::vector<Evidence>> parse_evidence(std::string_view json) {
  return parse_array<Evidence>(json, read_evidence_fields);
}

}  // namespace kgex::exporters
