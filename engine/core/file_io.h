// File access for the engine: whole-file reads with clear errors, and atomic
// writes (temporary name in the same folder, fsync, rename) so that nothing
// half-written ever appears under outputs/.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "core/status.h"

namespace casus {

Result<std::string> read_file(const std::filesystem::path& path);

// Writes `contents` to `path` atomically, creating parent folders.
Status write_file_atomic(const std::filesystem::path& path, std::string_view contents);

// For writers that produce a file themselves (libharu, libxlsxwriter): the
// temporary path to write to, then commit_atomic() renames it into place.
// Temporary files live in the target's folder, named
// ".casus-tmp-<pid>-<n>-<name>", so a process killed mid-write leaves only a
// recognisable hidden file, never a partial file under the final name.
inline constexpr const char* kTemporaryPrefix = ".casus-tmp-";
std::filesystem::path temporary_path_for(const std::filesystem::path& path);
// Removes, anywhere under `folder`, temporary files left by processes that no
// longer run (a kill -9 mid-write); returns how many. Every run that writes
// under --out calls it first.
Result<std::size_t> remove_stale_temporaries(const std::filesystem::path& folder);
Status commit_atomic(const std::filesystem::path& temporary, const std::filesystem::path& path);

// Lowercase hex SHA-256 of bytes / of a file.
std::string sha256_hex(std::string_view bytes);
Result<std::string> sha256_file_hex(const std::filesystem::path& path);

}  // namespace casus
