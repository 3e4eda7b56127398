#include "sample/prng.h"

namespace casus {

std::uint64_t splitmix64(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

Prng::Prng(std::uint64_t seed) {
  std::uint64_t s = seed;
  for (auto& word : state_) word = splitmix64(s);
}

Prng Prng::derive(std::uint64_t seed, std::string_view tag, std::uint64_t index) {
  // FNV-1a over the tag, mixed with the seed and the index.
  std::uint64_t hash = 0xCBF29CE484222325ULL;
  for (const char c : tag) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001B3ULL;
  }
  std::uint64_t mix = seed ^ hash;
  const std::uint64_t a = splitmix64(mix);
  std::uint64_t mix2 = a ^ (index * 0xD1B54A32D192ED03ULL);
  return Prng(splitmix64(mix2));
}

static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

std::uint64_t Prng::next() {
  const std::uint64_t result = rotl(state_[1] * 5, 7) * 9;
  const std::uint64_t t = state_[1] << 17;
  state_[2] ^= state_[0];
  state_[3] ^= state_[1];
  state_[1] ^= state_[2];
  state_[0] ^= state_[3];
  state_[2] ^= t;
  state_[3] = rotl(state_[3], 45);
  return result;
}

std::int64_t Prng::uniform(std::int64_t low, std::int64_t high) {
  if (high <= low) return low;
  const auto range = static_cast<std::uint64_t>(high - low) + 1;
  if (range == 0) return static_cast<std::int64_t>(next());  // the whole 64-bit range
  // Modulo; the bias (range / 2^64) is irrelevant for synthetic data and the
  // result is fully determined by the bits.
  return low + static_cast<std::int64_t>(next() % range);
}

double Prng::real() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

std::size_t Prng::weighted(const std::vector<double>& weights) {
  double total = 0;
  for (const double w : weights) total += w > 0 ? w : 0;
  if (total <= 0) return 0;
  double point = real() * total;
  for (std::size_t i = 0; i < weights.size(); ++i) {
    const double w = weights[i] > 0 ? weights[i] : 0;
    if (point < w) return i;
    point -= w;
  }
  return weights.size() - 1;
}

}  // namespace casus
