#include "store/key_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "core/crypto.h"

namespace casus {

Status create_key_file(const std::filesystem::path& path) {
  auto key = random_bytes(kKeyBytes);
  if (!key) return key.status();
  std::error_code ec;
  if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path(), ec);
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) {
    if (errno == EEXIST) return Status::error(path.string() + ": key file exists already; not overwriting it");
    return Status::error(path.string() + ": cannot create key file: " + std::strerror(errno));
  }
  ::fchmod(fd, 0600);  // regardless of the umask
  const ssize_t written = ::write(fd, key->data(), key->size());
  const bool synced = ::fsync(fd) == 0;
  ::close(fd);
  if (written != static_cast<ssize_t>(key->size()) || !synced) {
    ::unlink(path.c_str());
    return Status::error(path.string() + ": cannot write key file");
  }
  return Status::ok();
}

Result<std::string> read_key_file(const std::filesystem::path& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ENOENT)
      return Status::error(path.string() + ": key file not found (create a store and key with 'casus init')");
    return Status::error(path.string() + ": cannot open key file: " + std::strerror(errno));
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    ::close(fd);
    return Status::error(path.string() + ": cannot read key file: " + std::strerror(errno));
  }
  if ((st.st_mode & (S_IRWXG | S_IRWXO)) != 0) {
    ::close(fd);
    char mode[8];
    std::snprintf(mode, sizeof mode, "%04o", static_cast<unsigned>(st.st_mode & 07777));
    return Status::error(path.string() + ": key file is accessible to others (mode " + mode +
                         "); refusing to use it. Restrict it with: chmod 600 " + path.string());
  }
  std::string key(kKeyBytes + 1, '\0');
  const ssize_t got = ::read(fd, key.data(), key.size());
  ::close(fd);
  if (got != static_cast<ssize_t>(kKeyBytes))
    return Status::error(path.string() + ": not a casus key file (expected exactly 32 bytes)");
  key.resize(kKeyBytes);
  return key;
}

}  // namespace casus
