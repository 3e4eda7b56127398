// Prng: the sample generator's own pseudo-random numbers (xoshiro256**
// seeded through splitmix64). Every draw is defined here bit for bit, so the
// same seed gives the same synthetic data on every platform and standard
// library (std:: distributions differ between implementations).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace casus {

class Prng {
 public:
  explicit Prng(std::uint64_t seed);
  // An independent stream for one purpose (`tag`) and one index, so that a
  // change in one part of the simulation does not shift another part.
  static Prng derive(std::uint64_t seed, std::string_view tag, std::uint64_t index = 0);

  std::uint64_t next();
  // Uniform integer in [low, high] (both included); low when high < low.
  std::int64_t uniform(std::int64_t low, std::int64_t high);
  // Uniform real in [0, 1) with 53 bits.
  double real();
  double real(double low, double high) { return low + (high - low) * real(); }
  bool chance(double probability) { return real() < probability; }
  // Index drawn with the given non-negative weights; 0 when all are zero.
  std::size_t weighted(const std::vector<double>& weights);
  template <typename T>
  const T& pick(const std::vector<T>& values) {
    return values[static_cast<std::size_t>(uniform(0, static_cast<std::int64_t>(values.size()) - 1))];
  }

 private:
  std::uint64_t state_[4];
};

std::uint64_t splitmix64(std::uint64_t& state);

}  // namespace casus
