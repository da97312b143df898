#include "cli/progress.h"

#include <cmath>
#include <cstdio>

namespace kgex::cli {
namespace {

std::string thousands(std::size_t n) {
  std::string digits = std::to_string(n);
  for (int at = static_cast<int>(digits.size()) - 3; at > 0; at -= 3) {
    digits.insert(static_cast<std::size_t>(at), ",");
  }
  return digits;
}

std::string fixed1(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f", value);
  return buffer;
}

// 0:07, 12:34, 1:02:03
std::string clock(double seconds) {
  const auto total = static_cast<long long>(std::llround(std::max(0.0, seconds)));
  const long long h = total / 3600;
  const long long m = total / 60 % 60;
  const long long s = total % 60;
  char buffer[32];
  if (h > 0) {
    std::snprintf(buffer, sizeof buffer, "%lld:%02lld:%02lld", h, m, s);
  } else {
    std::snprintf(buffer, sizeof buffer, "%lld:%02lld", m, s);
  }
  return buffer;
}

}  // namespace

std::string format_progress(const ProgressSnapshot& p) {
  const double mb = static_cast<double>(p.bytes) / 1e6;
  const double rate = p.seconds > 0 ? mb / p.seconds : 0.0;
  const char* sep = " \xC2\xB7 ";  // middle dot
  std::string line;
  const bool known = p.total_bytes && *p.total_bytes > 0;
  if (known) {
    const double share =
        std::min(1.0, static_cast<double>(p.bytes) / static_cast<double>(*p.total_bytes));
    line += std::to_string(static_cast<int>(share * 100)) + "%" + sep;
  }
  line += thousands(p.documents) + (p.documents == 1 ? " document" : " documents") + sep;
  line += fixed1(mb) + (known ? " of " + fixed1(static_cast<double>(*p.total_bytes) / 1e6) : "") +
          " MB" + sep;
  line += fixed1(rate) + " MB/s" + sep + clock(p.seconds) + " elapsed";
  if (known && p.bytes > 0 && p.bytes <= *p.total_bytes) {
    const double left =
        p.seconds * static_cast<double>(*p.total_bytes - p.bytes) / static_cast<double>(p.bytes);
    line += sep + clock(left) + " left";
  }
  return line;
}

Progress::Progress(std::ostream& out, bool enabled, bool in_place,
                   std::optional<std::uint64_t> total_bytes)
    : out_(out),
      enabled_(enabled),
      in_place_(in_place),
      total_bytes_(total_bytes),
      start_(std::chrono::steady_clock::now()),
      last_(start_ - std::chrono::hours(1)) {}  // the first document draws a line at once

ProgressSnapshot Progress::snapshot() const {
  const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start_;
  return {documents_, bytes_, elapsed.count(), total_bytes_};
}

void Progress::add(std::uint64_t bytes) {
  ++documents_;
  bytes_ += bytes;
  if (!enabled_) {
    return;
  }
  const auto now = std::chrono::steady_clock::now();
  const auto every = in_place_ ? std::chrono::milliseconds(200) : std::chrono::milliseconds(1000);
  if (now - last_ >= every) {
    last_ = now;
    print();
  }
}

void Progress::print() {
  const std::string line = format_progress(snapshot());
  if (in_place_) {
    // Pad over what a longer previous line left on the terminal.
    const std::size_t pad = last_width_ > line.size() ? last_width_ - line.size() : 0;
    out_ << '\r' << line << std::string(pad, ' ') << std::flush;
    last_width_ = line.size();
  } else {
    out_ << line << '\n' << std::flush;
  }
}

void Progress::clear() {
  if (enabled_ && in_place_ && last_width_ > 0) {
    out_ << '\r' << std::string(last_width_, ' ') << '\r' << std::flush;
    last_width_ = 0;
  }
}

void Progress::finish() {
  if (!enabled_) {
    return;
  }
  print();
  if (in_place_) {
    out_ << '\n' << std::flush;
    last_width_ = 0;
  }
}

}  // namespace kgex::cli
