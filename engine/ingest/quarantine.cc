#include "ingest/quarantine.h"

#include <cstdio>

#include "core/file_io.h"

namespace casus {
namespace fs = std::filesystem;

Quarantine::Quarantine(fs::path folder) : folder_(std::move(folder)) {}

Quarantine::~Quarantine() { end_file(); }

void Quarantine::begin_file(const std::string& input, std::string preamble, std::string postamble,
                            std::string record_separator) {
  end_file();
  input_ = input;
  preamble_ = std::move(preamble);
  postamble_ = std::move(postamble);
  separator_ = std::move(record_separator);
}

Status Quarantine::open_current() {
  std::error_code ec;
  if (!fs::exists(folder_, ec)) {
    fs::create_directories(folder_, ec);
    if (ec) return Status::error(folder_.string() + ": cannot create quarantine folder: " + ec.message());
    fs::permissions(folder_, fs::perms::owner_all, fs::perm_options::replace, ec);
  }
  std::string name = fs::path(input_).filename().string();
  if (name.empty()) name = "input";
  fs::path data = folder_ / name;
  for (int n = 2; fs::exists(data, ec); ++n) data = folder_ / (std::to_string(n) + "-" + name);
  fs::path reasons = data;
  reasons += ".redenen.txt";
  data_path_ = data;
  reasons_path_ = reasons;
  data_temporary_ = temporary_path_for(data);
  reasons_temporary_ = temporary_path_for(reasons);
  data_ = std::make_unique<std::ofstream>(data_temporary_, std::ios::binary);
  reasons_ = std::make_unique<std::ofstream>(reasons_temporary_, std::ios::binary);
  if (!*data_ || !*reasons_) return Status::error(data.string() + ": cannot write quarantine file");
  *data_ << preamble_;
  files_.push_back(data);
  files_.push_back(reasons);
  used_ = true;
  return Status::ok();
}

Status Quarantine::add(const std::string& original, const std::vector<Diagnostic>& reasons) {
  if (folder_.empty()) return Status::ok();
  if (!data_) {
    if (auto status = open_current(); !status) return status;
  }
  *data_ << original << separator_;
  for (const auto& d : reasons) *reasons_ << d.to_string() << '\n';
  if (!*data_ || !*reasons_) return Status::error(folder_.string() + ": writing quarantine failed");
  return Status::ok();
}

void Quarantine::end_file() {
  if (data_) {
    *data_ << postamble_;
    data_->close();
    reasons_->close();
    (void)commit_atomic(data_temporary_, data_path_);
    (void)commit_atomic(reasons_temporary_, reasons_path_);
  }
  data_.reset();
  reasons_.reset();
}

fs::path quarantine_folder_for(const fs::path& out_dir, const DateTime& now) {
  char stamp[32];
  std::snprintf(stamp, sizeof stamp, "%04d%02d%02d-%02d%02d%02d", now.date.year, now.date.month,
                now.date.day, now.hour, now.minute, now.second);
  fs::path base = out_dir / "quarantaine" / stamp;
  fs::path folder = base;
  std::error_code ec;
  for (int n = 2; fs::exists(folder, ec); ++n) {
    folder = base;
    folder += "-" + std::to_string(n);
  }
  return folder;
}

}  // namespace casus
