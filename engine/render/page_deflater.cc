#include "render/page_deflater.h"

#include <system_error>

#include "render/pdf_deflated_stream.h"

namespace casus {

PageDeflater::~PageDeflater() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  work_.notify_all();
  if (worker_.joinable()) worker_.join();
}

void PageDeflater::submit(std::size_t page, std::string content) {
  std::unique_lock<std::mutex> lock(mutex_);
  untaken_.insert(page);
  if (!worker_.joinable() && !inline_) {
    try {
      worker_ = std::thread([this] { run(); });
    } catch (const std::system_error&) {
      inline_ = true;  // no thread to be had: every page is deflated here, as it comes
    }
  }
  if (inline_) {
    lock.unlock();
    std::string deflated = deflate_bytes(content, level_);
    lock.lock();
    done_[page] = std::move(deflated);
    return;
  }
  queue_.emplace_back(page, std::move(content));
  lock.unlock();
  work_.notify_one();
}

std::vector<std::pair<std::size_t, std::string>> PageDeflater::take_ready() {
  std::vector<std::pair<std::size_t, std::string>> out;
  std::lock_guard<std::mutex> lock(mutex_);
  for (auto& [page, bytes] : done_) {
    out.emplace_back(page, std::move(bytes));
    untaken_.erase(page);
  }
  done_.clear();
  return out;
}

std::string PageDeflater::take(std::size_t page) {
  std::unique_lock<std::mutex> lock(mutex_);
  if (untaken_.erase(page) == 0) return {};
  ready_.wait(lock, [&] { return done_.count(page) > 0; });
  auto done = done_.extract(page);
  return std::move(done.mapped());
}

void PageDeflater::run() {
  std::unique_lock<std::mutex> lock(mutex_);
  for (;;) {
    work_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
    if (queue_.empty()) return;  // stopping, and every page handed in is deflated
    auto [page, content] = std::move(queue_.front());
    queue_.pop_front();
    lock.unlock();
    std::string deflated = deflate_bytes(content, level_);
    lock.lock();
    done_[page] = std::move(deflated);
    ready_.notify_all();
  }
}

}  // namespace casus
