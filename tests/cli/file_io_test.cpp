#include "cli/file_io.h"

#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace kgex::cli {
namespace {

namespace fs = std::filesystem;

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST_CASE("an atomic write that fails keeps the previous file and leaves no temporary") {
  const fs::path dir = fs::temp_directory_path() / ("kgex-io-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const fs::path target = dir / "graph.jsonld";
  REQUIRE(write_file_atomic(target.string(), [](std::ostream& out) {
            out << "first version";
            return Status();
          }).ok());
  CHECK(slurp(target) == "first version");
  const Status failed = write_file_atomic(target.string(), [](std::ostream& out) {
    out << "half of a new";
    return Status(ErrorCode::kIo, "the writer broke down");
  });
  CHECK_FALSE(failed.ok());
  CHECK(failed.where().file == target.string());
  CHECK(slurp(target) == "first version");
  std::size_t files = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    (void)entry;
    ++files;
  }
  CHECK(files == 1);
  const Status missing = write_file_atomic((dir / "no-such-dir" / "g.dot").string(),
                                           [](std::ostream&) { return Status(); });
  CHECK(missing.code() == ErrorCode::kIo);
  fs::remove_all(dir);
}

TEST_CASE("a device that cannot take the bytes is an I/O error naming it") {
  if (!fs::exists("/dev/full")) {
    return;
  }
  const Status s = write_file_atomic("/dev/full", [](std::ostream& out) {
    out << std::string(1 << 16, 'x');
    return Status();
  });
  CHECK(s.code() == ErrorCode::kIo);
  CHECK(s.where().file == "/dev/full");
  CHECK(fs::exists("/dev/full"));
}

}  // namespace
}  // namespace kgex::cli
