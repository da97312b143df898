#include "cli/document_stream.h"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <iostream>

#include "cli/file_io.h"

namespace kgex::cli {
namespace {

// A stream over standard input that does not own it.
std::unique_ptr<std::istream> standard_input() {
  return std::make_unique<std::istream>(std::cin.rdbuf());
}

}  // namespace

DocumentStream::DocumentStream(std::vector<std::string> inputs, bool jsonl)
    : inputs_(std::move(inputs)), jsonl_(jsonl) {}

DocumentStream::~DocumentStream() = default;

std::optional<SourceDocument> DocumentStream::next() {
  std::optional<PendingDocument> pending = next_pending();
  if (!pending) {
    return std::nullopt;
  }
  return load(*pending);
}

std::optional<PendingDocument> DocumentStream::next_pending() {
  while (true) {
    if (!jsonl_) {
      if (index_ == inputs_.size()) {
        return std::nullopt;
      }
      PendingDocument file;
      file.path = inputs_[index_++];
      return file;
    }
    if (!lines_) {
      if (index_ == inputs_.size()) {
        return std::nullopt;
      }
      lines_path_ = inputs_[index_++];
      line_number_ = 0;
      if (lines_path_ == "-") {
        lines_ = standard_input();
      } else {
        auto file = std::make_unique<std::ifstream>(lines_path_, std::ios::binary);
        if (!*file) {
          lines_.reset();
          PendingDocument failed;
          failed.path = lines_path_;
          failed.error = Status(ErrorCode::kIo, "cannot open", {.file = lines_path_});
          return failed;
        }
        lines_ = std::move(file);
      }
    }
    std::string line;
    if (!std::getline(*lines_, line)) {
      lines_.reset();
      continue;
    }
    ++line_number_;
    if (line.find_first_not_of(" \t\r") == std::string::npos) {
      continue;
    }
    PendingDocument pending;
    pending.from_lines = true;
    pending.line = std::move(line);
    pending.where = {.file = lines_path_ == "-" ? "stdin" : lines_path_, .line = line_number_};
    return pending;
  }
}

SourceDocument DocumentStream::load(const PendingDocument& pending) {
  if (!pending.error.ok()) {
    return SourceDocument{pending.path, {}, pending.error};
  }
  if (!pending.from_lines) {
    Result<std::string> text = read_file(pending.path);
    if (!text.ok()) {
      return SourceDocument{pending.path, {}, text.status()};
    }
    return SourceDocument{
        pending.path == "-" ? "stdin" : pending.path, std::move(text).value(), {}};
  }
  const SourceLocation& where = pending.where;
  const std::string& line = pending.line;
  rapidjson::Document doc;
  doc.Parse<rapidjson::kParseIterativeFlag>(line.data(), line.size());
  if (doc.HasParseError()) {
    return SourceDocument{
        {},
        {},
        Status(ErrorCode::kParse,
               std::string("bad JSON line: ") + rapidjson::GetParseError_En(doc.GetParseError()),
               where)};
  }
  if (!doc.IsObject() || !doc.HasMember("text") || !doc["text"].IsString()) {
    return SourceDocument{
        {}, {}, Status(ErrorCode::kParse, "a JSON line needs a string \"text\"", where)};
  }
  SourceDocument out;
  if (doc.HasMember("id") && doc["id"].IsString()) {
    out.id = doc["id"].GetString();
  } else if (doc.HasMember("id") && doc["id"].IsInt64()) {
    out.id = std::to_string(doc["id"].GetInt64());
  } else {
    out.id = where.file + ":" + std::to_string(where.line);
  }
  if (doc.HasMember("title") && doc["title"].IsString()) {
    out.text = std::string(doc["title"].GetString(), doc["title"].GetStringLength()) + "\n";
  }
  out.text.append(doc["text"].GetString(), doc["text"].GetStringLength());
  return out;
}

}  // namespace kgex::cli
