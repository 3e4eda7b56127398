// measure: runs one command and writes its wall time, peak RSS and CPU time
// to a file, for bench/run.sh.
// Usage: measure OUT_FILE COMMAND [ARG...]
//
// The line written is "WALL MAX_RSS_KB USER SYSTEM", seconds to a tenth of a
// millisecond: the fields of `/usr/bin/time -f "%e %M %U %S"`, which rounds
// them to 10 ms. That is 4% of a 0.25 s step at 10k cases, enough to widen
// every 10k -> 100k ratio. Here the wall time is the monotonic clock from
// just before the fork until the child is reaped, and the rest is the child's
// rusage from wait4(2). Linux counts the forked copy of this process in the
// child's peak RSS, as it does GNU time's; this program keeps to the C
// library, so that copy is about 1 MB, as GNU time's. The child keeps this
// process's stdin, stdout and stderr. The exit status is the child's (128 + N
// when signal N ended it; 127 when the command cannot be run).
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>

namespace {

double seconds(const timespec& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) / 1e9; }
double seconds(const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; }

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fputs("usage: measure OUT_FILE COMMAND [ARG...]\n", stderr);
    return 2;
  }
  timespec start{}, end{};
  clock_gettime(CLOCK_MONOTONIC, &start);
  const pid_t child = fork();
  if (child < 0) {
    std::fprintf(stderr, "measure: cannot fork: %s\n", std::strerror(errno));
    return 127;
  }
  if (child == 0) {
    execvp(argv[2], argv + 2);
    std::fprintf(stderr, "measure: cannot run %s: %s\n", argv[2], std::strerror(errno));
    _exit(127);
  }
  int status = 0;
  rusage usage{};
  while (wait4(child, &status, 0, &usage) < 0) {
    if (errno != EINTR) {
      std::fprintf(stderr, "measure: cannot wait for %s: %s\n", argv[2], std::strerror(errno));
      return 127;
    }
  }
  clock_gettime(CLOCK_MONOTONIC, &end);
  std::FILE* out = std::fopen(argv[1], "w");
  if (out == nullptr) {
    std::fprintf(stderr, "measure: cannot write %s: %s\n", argv[1], std::strerror(errno));
    return 127;
  }
  std::fprintf(out, "%.4f %ld %.4f %.4f\n", seconds(end) - seconds(start), usage.ru_maxrss, seconds(usage.ru_utime),
               seconds(usage.ru_stime));
  if (std::fclose(out) != 0) {
    std::fprintf(stderr, "measure: cannot write %s: %s\n", argv[1], std::strerror(errno));
    return 127;
  }
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return WEXITSTATUS(status);
}
