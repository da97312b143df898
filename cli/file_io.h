// File access for the CLI: the only place kgex touches the file system.
#pragma once

#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include "core/status.h"
#include "extractor/rules/rule_set.h"

namespace kgex::cli {

// Reads a whole file ("-" reads standard input). kIo with the path and reason.
Result<std::string> read_file(const std::string& path);

// Writes a file atomically: `write` fills a temporary file in the same folder,
// which is renamed over `path` only when everything was written and flushed, so
// a failure never leaves a truncated file or damages the previous one. "-"
// writes to standard output.
Status write_file_atomic(const std::string& path,
                         const std::function<Status(std::ostream&)>& write);

// Which files of a folder are read. A file is read when it matches an include
// glob, or, without include globs, when its extension is one of `extensions`;
// and it matches no exclude glob. A folder that matches an exclude glob is not
// entered. Globs (fnmatch(3), where '*' also crosses '/') are matched against
// the path relative to the folder given and against the file name alone.
struct InputSelection {
  std::vector<std::string> extensions = {".txt"};
  std::vector<std::string> include;
  std::vector<std::string> exclude;
};

// Text files to extract from: files as given (always, whatever the selection),
// folders searched recursively for the files `selection` takes (sorted). "-"
// stands for standard input.
Result<std::vector<std::string>> expand_inputs(const std::vector<std::string>& paths,
                                               const InputSelection& selection = {});

// A rule pack in a folder of the file system.
PackSource folder_pack(const std::string& folder);

}  // namespace kgex::cli
