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

// A folder of files named by their relative paths, removed at the end.
struct Tree {
  fs::path root;
  explicit Tree(std::initializer_list<const char*> files)
      : root(fs::temp_directory_path() / ("kgex-tree-" + std::to_string(::getpid()))) {
    fs::remove_all(root);
    for (const char* f : files) {
      fs::create_directories((root / f).parent_path());
      std::ofstream(root / f) << "text";
    }
  }
  ~Tree() { fs::remove_all(root); }
  // The relative paths expand_inputs finds with `selection`.
  std::vector<std::string> found(const InputSelection& selection) const {
    Result<std::vector<std::string>> r = expand_inputs({root.string()}, selection);
    REQUIRE(r.ok());
    std::vector<std::string> out;
    for (const std::string& p : r.value()) {
      out.push_back(fs::path(p).lexically_relative(root).generic_string());
    }
    return out;
  }
};

using Paths = std::vector<std::string>;

TEST_CASE("folders: .txt files by default, recursively and sorted") {
  const Tree t({"b.txt", "a.txt", "notes.md", "sub/c.txt", "sub/deeper/d.txt", "sub/e.json"});
  CHECK(t.found({}) == Paths{"a.txt", "b.txt", "sub/c.txt", "sub/deeper/d.txt"});
  CHECK(t.found({.extensions = {".md", ".json"}}) == Paths{"notes.md", "sub/e.json"});
}

TEST_CASE("folders: include and exclude globs on the relative path or the file name") {
  const Tree t({"a.txt", "notes.md", "drafts/x.txt", "sub/drafts/y.txt", "sub/c.txt"});
  // Include replaces the extension test; '*' crosses '/'.
  CHECK(t.found({.include = {"*.md"}}) == Paths{"notes.md"});
  CHECK(t.found({.include = {"sub/*"}}) == Paths{"sub/c.txt", "sub/drafts/y.txt"});
  // An excluded folder is not entered, wherever it is.
  CHECK(t.found({.exclude = {"drafts"}}) == Paths{"a.txt", "sub/c.txt"});
  // Exclusion wins over inclusion.
  CHECK(t.found({.include = {"*.txt"}, .exclude = {"*/y.txt", "a.*"}}) ==
        Paths{"drafts/x.txt", "sub/c.txt"});
  // A pattern that matches nothing is no error.
  CHECK(t.found({.include = {"*.pdf"}}).empty());
}

TEST_CASE("a file given by name is read whatever the selection") {
  const Tree t({"notes.md"});
  Result<std::vector<std::string>> r =
      expand_inputs({(t.root / "notes.md").string()}, {.exclude = {"*"}});
  REQUIRE(r.ok());
  CHECK(r.value().size() == 1);
}

TEST_CASE("read_file reads every byte: empty, short, longer than a block, without a size") {
  const fs::path dir = fs::temp_directory_path() / ("kgex-read-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::string long_text;
  for (int i = 0; long_text.size() < 200'000; ++i) {
    long_text += "line " + std::to_string(i) + std::string(1, '\0') + "\xEC\x98\xA4\n";
  }
  for (const std::string& text : {std::string(), std::string("a"), long_text}) {
    const fs::path file = dir / "input.txt";
    std::ofstream(file, std::ios::binary) << text;
    const Result<std::string> read = read_file(file.string());
    REQUIRE(read.ok());
    CHECK(read.value() == text);
  }
  // A file the system gives no size is read to its end all the same.
  const Result<std::string> status = read_file("/proc/self/status");
  REQUIRE(status.ok());
  CHECK(status.value().starts_with("Name:"));
  CHECK(status.value().ends_with("\n"));
  const Result<std::string> missing = read_file((dir / "missing.txt").string());
  REQUIRE(!missing.ok());
  CHECK(missing.status().code() == ErrorCode::kIo);
  CHECK(missing.status().to_string().find("cannot open") != std::string::npos);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace kgex::cli
