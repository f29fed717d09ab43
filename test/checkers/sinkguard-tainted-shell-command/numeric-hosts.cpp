// getaddrinfo returning 0 validates a host only when its hints ask for a
// numeric address (AI_NUMERICHOST), here on a std::string's text.
//
// RUN: %check_sinkguard %s sinkguard-tainted-shell-command %t

#include <cstdlib>
#include <cstring>
#include <netdb.h>
#include <string>

static void ping(const std::string &host) {
  std::system(("ping -c 1 " + host).c_str());
}

bool numeric(const std::string &host, int flags) {
  addrinfo hints{};
  hints.ai_flags = flags;
  addrinfo *res = nullptr;
  if (getaddrinfo(host.c_str(), nullptr, &hints, &res) != 0)
    return false;
  freeaddrinfo(res);
  return true;
}

void by_name() {
  std::string host = std::getenv("HOST");
  addrinfo hints{};
  hints.ai_flags = AI_CANONNAME;
  addrinfo *res = nullptr;
  if (getaddrinfo(host.c_str(), "22", &hints, &res) == 0)
    std::system(("ssh " + host + " uptime").c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: command passed to 'system'
  // contains data read by 'getenv' at line [[#@LINE-6]]
  // [sinkguard-tainted-shell-command]
}

void flags_from_the_caller() {
  std::string host = std::getenv("HOST");
  if (numeric(host, AI_NUMERICHOST))
    std::system(("ping -c 1 " + host).c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: command passed to 'system'
  // contains data read by 'getenv' at line [[#@LINE-3]]
  // [sinkguard-tainted-shell-command]
}

// --- Clean ---

void numeric_host() {
  std::string host = std::getenv("HOST");
  addrinfo hints{};
  hints.ai_flags |= AI_NUMERICHOST;
  addrinfo *res = nullptr;
  if (getaddrinfo(host.c_str(), nullptr, &hints, &res))
    return;
  freeaddrinfo(res);
  ping(host);
}
