#include "core/file_io.h"

#include <Poco/DigestEngine.h>
#include <Poco/SHA2Engine.h>
#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <vector>

namespace casus {
namespace fs = std::filesystem;

Result<std::string> read_file(const fs::path& path) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) return Status::error(path.string() + ": is a folder, not a file");
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::error(path.string() + ": cannot open: " + std::strerror(errno));
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return Status::error(path.string() + ": read error");
  return buffer.str();
}

fs::path temporary_path_for(const fs::path& path) {
  static std::atomic<unsigned> counter{0};
  return path.parent_path() / (std::string(kTemporaryPrefix) + std::to_string(::getpid()) + "-" +
                               std::to_string(counter++) + "-" + path.filename().string());
}

Result<std::size_t> remove_stale_temporaries(const fs::path& folder) {
  std::error_code ec;
  if (!fs::is_directory(folder, ec)) return std::size_t{0};
  const std::string prefix = kTemporaryPrefix;
  std::vector<fs::path> stale;
  for (auto it = fs::recursive_directory_iterator(folder, fs::directory_options::skip_permission_denied, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name.rfind(prefix, 0) != 0) continue;
    // .casus-tmp-<pid>-<n>-<name>: stale when that process is gone.
    const auto pid = std::strtol(name.c_str() + prefix.size(), nullptr, 10);
    if (pid == ::getpid()) continue;
    if (pid > 0 && (::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM)) continue;
    stale.push_back(it->path());
  }
  if (ec) return Status::error(folder.string() + ": cannot list: " + ec.message());
  for (const auto& path : stale) {
    fs::remove(path, ec);
    if (ec) return Status::error(path.string() + ": cannot remove stale temporary file: " + ec.message());
  }
  return stale.size();
}

Status commit_atomic(const fs::path& temporary, const fs::path& path) {
  int fd = ::open(temporary.c_str(), O_RDONLY);
  if (fd >= 0) {
    ::fsync(fd);
    ::close(fd);
  }
  std::error_code ec;
  fs::rename(temporary, path, ec);
  if (ec) {
    fs::remove(temporary, ec);
    return Status::error(path.string() + ": cannot move into place: " + ec.message());
  }
  return Status::ok();
}

Status write_file_atomic(const fs::path& path, std::string_view contents) {
  std::error_code ec;
  if (path.has_parent_path()) fs::create_directories(path.parent_path(), ec);
  if (ec) return Status::error(path.parent_path().string() + ": cannot create folder: " + ec.message());
  const fs::path temporary = temporary_path_for(path);
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    if (!out) return Status::error(path.string() + ": cannot write: " + std::strerror(errno));
    out.write(contents.data(), static_cast<std::streamsize>(contents.size()));
    out.flush();
    if (!out) {
      fs::remove(temporary, ec);
      return Status::error(path.string() + ": write failed (disk full?)");
    }
  }
  return commit_atomic(temporary, path);
}

std::string sha256_hex(std::string_view bytes) {
  Poco::SHA2Engine engine(Poco::SHA2Engine::SHA_256);
  engine.update(bytes.data(), static_cast<unsigned>(bytes.size()));
  return Poco::DigestEngine::digestToHex(engine.digest());
}

Result<std::string> sha256_file_hex(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::error(path.string() + ": cannot open: " + std::strerror(errno));
  Poco::SHA2Engine engine(Poco::SHA2Engine::SHA_256);
  char buffer[1 << 16];
  while (in) {
    in.read(buffer, sizeof buffer);
    engine.update(buffer, static_cast<unsigned>(in.gcount()));
  }
  return Poco::DigestEngine::digestToHex(engine.digest());
}

}  // namespace casus
