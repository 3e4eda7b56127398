#include "app/output_run.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <map>
#include <set>
#include <sstream>

#include "core/file_io.h"

namespace casus {
namespace fs = std::filesystem;

OutputRun::OutputRun(fs::path out_dir) : out_dir_(std::move(out_dir)) { (void)remove_stale_temporaries(out_dir_); }

Status OutputRun::record(const fs::path& relative, std::string audience,
                         std::vector<std::string> categories, std::string data_as_of,
                         std::string description) {
  const fs::path full = out_dir_ / relative;
  std::error_code ec;
  const auto size = fs::file_size(full, ec);
  if (ec) return Status::error(full.string() + ": not written: " + ec.message());
  auto hash = sha256_file_hex(full);
  if (!hash) return hash.status();
  files_.push_back(WrittenFile{relative, size, *hash, std::move(audience), std::move(categories),
                               std::move(data_as_of), std::move(description)});
  return Status::ok();
}

Status OutputRun::write_manifest(const std::string& generated_at) const {
  Poco::JSON::Object root(Poco::JSON_PRESERVE_KEY_ORDER);
  root.set("generated_at", generated_at);
  Poco::JSON::Array files;
  for (const auto& file : files_) {
    Poco::JSON::Object entry(Poco::JSON_PRESERVE_KEY_ORDER);
    entry.set("path", file.path.generic_string());
    entry.set("size", static_cast<std::uint64_t>(file.size));
    entry.set("sha256", file.sha256);
    entry.set("audience", file.audience);
    Poco::JSON::Array categories;
    for (const auto& category : file.categories) categories.add(category);
    entry.set("categories", categories);
    entry.set("data_as_of", file.data_as_of);
    files.add(entry);
  }
  root.set("files", files);
  std::ostringstream out;
  root.stringify(out, 2);
  out << '\n';
  return write_file_atomic(out_dir_ / "manifest.json", out.str());
}

std::string OutputRun::summary() const {
  // Folders with many files (a batch of plans) get one line, so the list stays short.
  constexpr std::size_t kListedPerFolder = 12;
  std::map<std::string, std::pair<std::size_t, std::uintmax_t>> per_folder;
  for (const auto& file : files_) {
    auto& [count, bytes] = per_folder[file.path.parent_path().generic_string()];
    ++count;
    bytes += file.size;
  }
  std::ostringstream out;
  std::set<std::string> folded;
  for (const auto& file : files_) {
    const std::string folder = file.path.parent_path().generic_string();
    const auto& [count, bytes] = per_folder[folder];
    if (count > kListedPerFolder) {
      if (folded.insert(folder).second)
        out << "  " << (out_dir_ / folder).generic_string() << "/  (" << count << " bestanden, "
            << (bytes + 1023) / 1024 << " KB)\n";
      continue;
    }
    const auto kb = (file.size + 1023) / 1024;
    out << "  " << (out_dir_ / file.path).generic_string() << "  (" << kb << " KB)";
    if (!file.description.empty()) out << "  " << file.description;
    out << '\n';
  }
  return out.str();
}

}  // namespace casus
