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
  while (true) {
    if (!jsonl_) {
      if (index_ == inputs_.size()) {
        return std::nullopt;
      }
      const std::string path = inputs_[index_++];
      Result<std::string> text = read_file(path);
      if (!text.ok()) {
        return SourceDocument{path, {}, text.status()};
      }
      return SourceDocument{path == "-" ? "stdin" : path, std::move(text).value(), {}};
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
          return SourceDocument{
              lines_path_, {}, Status(ErrorCode::kIo, "cannot open", {.file = lines_path_})};
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
    const SourceLocation where{.file = lines_path_ == "-" ? "stdin" : lines_path_,
                               .line = line_number_};
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
      out.id = where.file + ":" + std::to_string(line_number_);
    }
    if (doc.HasMember("title") && doc["title"].IsString()) {
      out.text = std::string(doc["title"].GetString(), doc["title"].GetStringLength()) + "\n";
    }
    out.text.append(doc["text"].GetString(), doc["text"].GetStringLength());
    return out;
  }
}

}  // namespace kgex::cli
