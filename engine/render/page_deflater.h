// PageDeflater: deflates the PDF writer's page contents on a thread of its
// own while the writer lays out the next pages. The writer copies a page's
// finished body out of libharu and hands the bytes in; it takes the deflated
// bytes back by page index and stores them in libharu itself, so the worker
// never touches a libharu object. Owns the thread (started on the first
// page handed in; when none can be started, pages are deflated as they are
// handed in) and the pages in flight.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace casus {

class PageDeflater {
 public:
  explicit PageDeflater(int level) : level_(level) {}
  ~PageDeflater();
  PageDeflater(const PageDeflater&) = delete;
  PageDeflater& operator=(const PageDeflater&) = delete;

  // Hands in the content of `page` (each page once).
  void submit(std::size_t page, std::string content);
  // The pages deflated so far and not yet taken, with their deflated bytes
  // (empty when deflating failed), in page order. Does not wait.
  std::vector<std::pair<std::size_t, std::string>> take_ready();
  // The deflated bytes of `page`, waiting for them; empty when deflating
  // failed or the page was never handed in or was taken already.
  std::string take(std::size_t page);

 private:
  void run();

  const int level_;
  std::mutex mutex_;
  std::condition_variable work_;   // a page was handed in, or stopping
  std::condition_variable ready_;  // a page was deflated
  std::deque<std::pair<std::size_t, std::string>> queue_;
  std::map<std::size_t, std::string> done_;
  std::set<std::size_t> untaken_;  // handed in, not yet taken (queued, deflating or done)
  bool stopping_ = false;
  bool inline_ = false;  // the thread could not be started: submit() deflates
  std::thread worker_;
};

}  // namespace casus
