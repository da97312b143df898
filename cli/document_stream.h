// Documents to extract, read one at a time: whole files, or the lines of JSON
// Lines files ({"id": ..., "text": ..., "title"?: ...}). Memory holds the
// documents in flight, never the corpus.
#pragma once

#include <fstream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/status.h"

namespace kgex::cli {

struct SourceDocument {
  std::string id;    // the file path, or the JSON Lines "id"
  std::string text;  // with a JSON Lines "title", the title is the first line
  Status error;      // an unreadable file or a bad line: reported, then skipped
};

// A document located but not read yet: a file's path, or a JSON line with its
// place. Taking the next one is cheap and must happen in order; reading or
// parsing it (load) is the costly part and may run on any thread.
struct PendingDocument {
  std::string path;      // a file to read, when `from_lines` is false
  std::string line;      // the JSON line, when `from_lines` is true
  SourceLocation where;  // the JSON line's file and line number
  bool from_lines = false;
  Status error;  // the input could not be opened
};

class DocumentStream {
 public:
  DocumentStream(std::vector<std::string> inputs, bool jsonl);
  ~DocumentStream();

  // The next document, or nullopt at the end: next_pending() then load().
  std::optional<SourceDocument> next();
  std::optional<PendingDocument> next_pending();
  // Reads the file or parses the line. Thread-safe.
  static SourceDocument load(const PendingDocument& pending);

 private:
  std::vector<std::string> inputs_;
  bool jsonl_;
  std::size_t index_ = 0;
  std::unique_ptr<std::istream> lines_;  // the JSON Lines file being read
  std::string lines_path_;
  long line_number_ = 0;
};

}  // namespace kgex::cli
