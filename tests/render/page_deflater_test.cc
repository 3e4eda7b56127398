#include "render/page_deflater.h"

#include <catch2/catch.hpp>

#include <string>

#include "render/pdf_deflated_stream.h"

using casus::deflate_bytes;
using casus::PageDeflater;

TEST_CASE("page deflater: each page comes back deflated as deflate_bytes would, once, in any order") {
  const std::string page0(3000, 'a'), page1 = "0 0 m 10 10 l S\n", page2(5000, 'z');
  PageDeflater deflater(1);
  deflater.submit(0, page0);
  deflater.submit(1, page1);
  deflater.submit(2, page2);
  CHECK(deflater.take(2) == deflate_bytes(page2, 1));
  CHECK(deflater.take(2).empty());  // taken already
  CHECK(deflater.take(7).empty());  // never handed in: no wait
  CHECK(deflater.take(0) == deflate_bytes(page0, 1));
  // what is left is taken with take_ready() once it is done
  std::string page1_deflated;
  while (page1_deflated.empty())
    for (auto& [index, bytes] : deflater.take_ready()) {
      CHECK(index == 1);
      page1_deflated = bytes;
    }
  CHECK(page1_deflated == deflate_bytes(page1, 1));
  CHECK(deflater.take(1).empty());
  CHECK(deflater.take_ready().empty());
}

TEST_CASE("page deflater: pages handed in and never taken do not keep it from ending") {
  PageDeflater deflater(1);
  for (std::size_t i = 0; i < 50; ++i) deflater.submit(i, std::string(2000, static_cast<char>('a' + i % 26)));
}  // the destructor finishes the queue and joins
