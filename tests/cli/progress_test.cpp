// cli/progress.h: the text of a progress line, and when lines are printed.
#include "cli/progress.h"

#include <doctest/doctest.h>

#include <sstream>

namespace kgex::cli {
namespace {

TEST_CASE("a progress line with a known total: share, sizes, rate, elapsed and left") {
  const std::string line = format_progress({1204, 12'300'000, 3.0, 27'500'000});
  CHECK(line ==
        "44% \xC2\xB7 1,204 documents \xC2\xB7 12.3 of 27.5 MB \xC2\xB7 4.1 MB/s \xC2\xB7 "
        "0:03 elapsed \xC2\xB7 0:04 left");
}

TEST_CASE("a progress line without a total has no share and no time left") {
  CHECK(format_progress({1, 500'000, 75.0, std::nullopt}) ==
        "1 document \xC2\xB7 0.5 MB \xC2\xB7 0.0 MB/s \xC2\xB7 1:15 elapsed");
  CHECK(format_progress({0, 0, 0.0, std::nullopt}) ==
        "0 documents \xC2\xB7 0.0 MB \xC2\xB7 0.0 MB/s \xC2\xB7 0:00 elapsed");
}

TEST_CASE("long runs show hours, big counts thousands separators") {
  const std::string line = format_progress({1'234'567, 2'000'000'000, 3725.0, 4'000'000'000});
  CHECK(line.find("50% ") == 0);
  CHECK(line.find("1,234,567 documents") != std::string::npos);
  CHECK(line.find("1:02:05 elapsed") != std::string::npos);
  CHECK(line.find("1:02:05 left") != std::string::npos);
}

TEST_CASE("progress prints nothing when disabled, and a final line when enabled") {
  std::ostringstream off;
  Progress quiet(off, false, false, 100);
  quiet.add(50);
  quiet.finish();
  CHECK(off.str().empty());

  std::ostringstream lines;
  Progress forced(lines, true, false, 100);
  forced.add(40);  // the first document draws a line at once
  forced.add(60);  // too soon after it for another
  forced.finish();
  CHECK(lines.str().rfind("40% \xC2\xB7 1 document \xC2\xB7", 0) == 0);
  const std::string last = lines.str().substr(lines.str().find('\n') + 1);
  CHECK(last.rfind("100% \xC2\xB7 2 documents", 0) == 0);
  CHECK(last.back() == '\n');
  CHECK(last.find('\n') == last.size() - 1);
}

TEST_CASE("in place, the line is redrawn with a carriage return and wiped before a message") {
  std::ostringstream term;
  Progress bar(term, true, true, std::nullopt);
  bar.add(10);
  CHECK(term.str().rfind("\r1 document", 0) == 0);
  const std::size_t drawn = term.str().size() - 1;  // the line, without its '\r'
  bar.clear();
  CHECK(term.str().substr(drawn + 1) == "\r" + std::string(drawn, ' ') + "\r");
  bar.finish();
  CHECK(term.str().back() == '\n');
  const std::size_t after_finish = term.str().size();
  bar.clear();  // the finished line stays
  CHECK(term.str().size() == after_finish);
}

}  // namespace
}  // namespace kgex::cli
