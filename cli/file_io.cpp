#include "cli/file_io.h"

#include <fcntl.h>
#include <fnmatch.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <sstream>

namespace kgex::cli {

namespace fs = std::filesystem;

Result<std::string> read_file(const std::string& path) {
  if (path == "-") {
    std::ostringstream buffer;
    buffer << std::cin.rdbuf();
    return buffer.str();
  }
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    return Status(ErrorCode::kIo, "is a folder, not a file", {.file = path});
  }
  // read(2) straight into a string of the file's size (plus a byte, to see the end in the same
  // pass), grown by blocks for a file that is longer or has no size: an ifstream's set-up and a
  // copy through istreambuf_iterator cost about 7,000 instructions a file and 15 a byte.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    return Status(ErrorCode::kIo, std::string("cannot open: ") + std::strerror(errno),
                  {.file = path});
  }
  constexpr std::size_t kBlock = std::size_t{64} * 1024;
  struct stat info {};
  const bool sized = ::fstat(fd, &info) == 0 && S_ISREG(info.st_mode) && info.st_size > 0;
  std::string data(sized ? static_cast<std::size_t>(info.st_size) + 1 : kBlock, '\0');
  std::size_t used = 0;
  for (;;) {
    if (used == data.size()) {
      data.resize(used + kBlock);
    }
    const ssize_t got = ::read(fd, data.data() + used, data.size() - used);
    if (got < 0 && errno == EINTR) {
      continue;
    }
    if (got < 0) {
      const int error = errno;
      ::close(fd);
      return Status(ErrorCode::kIo, std::string("cannot read: ") + std::strerror(error),
                    {.file = path});
    }
    if (got == 0) {
      break;
    }
    used += static_cast<std::size_t>(got);
  }
  ::close(fd);
  data.resize(used);
  return data;
}

Status write_file_atomic(const std::string& path,
                         const std::function<Status(std::ostream&)>& write) {
  if (path == "-") {
    Status s = write(std::cout);
    std::cout.flush();
    if (s.ok() && !std::cout) {
      return Status(ErrorCode::kIo, "cannot write to standard output");
    }
    return s;
  }
  const fs::path target(path);
  const fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::error_code ec;
  // A device or pipe (/dev/stdout, /dev/full, a FIFO) is written in place: it cannot be replaced.
  if (fs::exists(target, ec) && !fs::is_regular_file(target, ec)) {
    std::ofstream out(target, std::ios::binary);
    Status status =
        out ? write(out)
            : Status(ErrorCode::kIo, std::string("cannot open: ") + std::strerror(errno));
    out.flush();
    if (!out && (status.ok() || status.code() == ErrorCode::kIo)) {
      status = Status(ErrorCode::kIo, std::string("write failed: ") + std::strerror(errno));
    }
    return status.where().file.empty() ? status.in_file(path) : status;
  }
  if (!fs::is_directory(folder, ec)) {
    return Status(ErrorCode::kIo, "folder does not exist: " + folder.string(), {.file = path});
  }
  std::random_device rd;
  const fs::path temp = folder / ("." + target.filename().string() + ".tmp" + std::to_string(rd()));
  Status status;
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    if (!out) {
      return Status(
          ErrorCode::kIo,
          std::string("cannot create a temporary file beside it: ") + std::strerror(errno),
          {.file = path});
    }
    status = write(out);
    out.flush();
    // A stream that failed says why in errno (ENOSPC, EIO), not in the writer's own message.
    if (!out && (status.ok() || status.code() == ErrorCode::kIo)) {
      status = Status(ErrorCode::kIo, std::string("write failed: ") + std::strerror(errno),
                      {.file = path});
    }
  }
  if (status.ok()) {
    fs::rename(temp, target, ec);
    if (ec) {
      status = Status(ErrorCode::kIo, "cannot rename into place: " + ec.message(), {.file = path});
    }
  }
  if (!status.ok()) {
    fs::remove(temp, ec);
  }
  return status.where().file.empty() ? status.in_file(path) : status;
}

namespace {

bool glob_matches(const std::vector<std::string>& globs, const fs::path& relative) {
  const std::string path = relative.generic_string();
  const std::string name = relative.filename().string();
  return std::any_of(globs.begin(), globs.end(), [&](const std::string& g) {
    return fnmatch(g.c_str(), path.c_str(), 0) == 0 || fnmatch(g.c_str(), name.c_str(), 0) == 0;
  });
}

bool selected(const InputSelection& selection, const fs::path& relative) {
  if (glob_matches(selection.exclude, relative)) {
    return false;
  }
  if (!selection.include.empty()) {
    return glob_matches(selection.include, relative);
  }
  const std::string ext = relative.extension().string();
  return std::find(selection.extensions.begin(), selection.extensions.end(), ext) !=
         selection.extensions.end();
}

}  // namespace

Result<std::vector<std::string>> expand_inputs(const std::vector<std::string>& paths,
                                               const InputSelection& selection) {
  std::vector<std::string> out;
  for (const std::string& p : paths) {
    std::error_code ec;
    if (p == "-" || !fs::is_directory(p, ec)) {
      if (p != "-" && !fs::exists(p, ec)) {
        return Status(ErrorCode::kIo, "no such file or folder", {.file = p});
      }
      out.push_back(p);
      continue;
    }
    std::vector<std::string> found;
    for (auto it =
             fs::recursive_directory_iterator(p, fs::directory_options::skip_permission_denied, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      const fs::path relative = it->path().lexically_relative(p);
      if (it->is_directory(ec)) {
        if (glob_matches(selection.exclude, relative)) {
          it.disable_recursion_pending();
        }
        continue;
      }
      if (it->is_regular_file(ec) && selected(selection, relative)) {
        found.push_back(it->path().string());
      }
    }
    if (ec) {
      return Status(ErrorCode::kIo, "cannot list folder: " + ec.message(), {.file = p});
    }
    std::sort(found.begin(), found.end());
    out.insert(out.end(), found.begin(), found.end());
  }
  return out;
}

PackSource folder_pack(const std::string& folder) {
  return {folder, [folder](const std::string& relative) {
            return read_file((fs::path(folder) / relative).string());
          }};
}

}  // namespace kgex::cli
