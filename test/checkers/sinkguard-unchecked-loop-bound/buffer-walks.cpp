// A loop over a (buffer, length) pair of parameters walks the data its
// caller passed: the length is judged at each call (C++ callers).
//
// RUN: %check_sinkguard %s sinkguard-unchecked-loop-bound %t

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

namespace {
unsigned checksum(const unsigned char *data, std::size_t len) {
  unsigned sum = 0;
  for (std::size_t i = 0; i < len; ++i)
    // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: loop bound 'len' read by
    // 'getenv' at line 32 has no upper bound [sinkguard-unchecked-loop-bound]
    sum += data[i];
  return sum;
}

unsigned words(const char *text, std::size_t count) {
  unsigned n = 0;
  for (const char *p = text; count > 0; --count, ++p)
    n += *p == ' ';
  return n;
}
} // namespace

// --- Flagged ---

unsigned claimed_length() {
  unsigned char buf[32] = {};
  const char *claim = std::getenv("LEN");
  if (!claim)
    return 0;
  return checksum(buf, std::strtoul(claim, nullptr, 10));
}

// --- Clean ---

unsigned lengths_of_what_is_passed() {
  const char *env = std::getenv("TEXT");
  if (!env)
    return 0;
  std::string text = env;
  unsigned n = words(text.c_str(), text.size());
  n += words(env, std::strlen(env));
  std::size_t want = std::strtoul(env, nullptr, 10);
  if (want <= 32) {
    unsigned char buf[32] = {};
    n += checksum(buf, want);
  }
  return n;
}
