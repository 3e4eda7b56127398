// The store's key file: 32 random bytes (AES-256-GCM and HMAC key material),
// kept outside the database (default <store>.key), created with mode 0600.
// The engine refuses a key file that group or others can read.
#pragma once

#include <filesystem>
#include <string>

#include "core/status.h"

namespace casus {

// Creates a new key file with mode 0600; refuses to overwrite an existing file.
Status create_key_file(const std::filesystem::path& path);

// Reads the key; fails with a clear message when the file is missing, has the
// wrong size, or is readable or writable by group or others.
Result<std::string> read_key_file(const std::filesystem::path& path);

}  // namespace casus
