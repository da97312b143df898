// Progress of a long extraction on stderr: documents, megabytes, MB/s, elapsed
// and remaining time. On a terminal one line is redrawn in place; otherwise
// (with --progress) a line is printed now and then. The text of a line comes
// from format_progress, a pure function.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <ostream>
#include <string>

namespace kgex::cli {

struct ProgressSnapshot {
  std::size_t documents = 0;
  std::uint64_t bytes = 0;                   // text read so far
  double seconds = 0.0;                      // since the start
  std::optional<std::uint64_t> total_bytes;  // known for files and folders
};

// "1,204 documents · 12.3 MB · 4.1 MB/s · 0:03 elapsed" and, with a known
// total, a percentage first and the time left last:
// "45% · 1,204 documents · 12.3 of 27.5 MB · 4.1 MB/s · 0:03 elapsed · 0:04 left".
std::string format_progress(const ProgressSnapshot& snapshot);

class Progress {
 public:
  // `in_place`: redraw one line with '\r' (a terminal); otherwise print whole
  // lines. Nothing is printed when `enabled` is false.
  Progress(std::ostream& out, bool enabled, bool in_place,
           std::optional<std::uint64_t> total_bytes);

  // One more document of `bytes`; prints for the first one and then when
  // enough time has passed since the last line (0.2 s in place, 1 s line by line).
  void add(std::uint64_t bytes);
  // Wipes the line drawn in place, so that a message can be printed; the next
  // update draws it again.
  void clear();
  // The last line, always (when enabled); ends the line drawn in place.
  void finish();

 private:
  ProgressSnapshot snapshot() const;
  void print();

  std::ostream& out_;
  bool enabled_;
  bool in_place_;
  std::optional<std::uint64_t> total_bytes_;
  std::size_t documents_ = 0;
  std::uint64_t bytes_ = 0;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_;
  std::size_t last_width_ = 0;
};

}  // namespace kgex::cli
