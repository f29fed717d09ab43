// C++20 rewrites `a != b` as `!(a == b)` when only operator== is declared,
// as the standard library's iterators and strings do: the checks read the
// rewritten comparison as the one written, so an allow-list checked with
// `!=` (find() is not end(), a string is not the one literal it may not be)
// cleans as it does in C++17.
//
// RUN: %check_sinkguard %s sinkguard-tainted-shell-command %t -- -- -std=c++20

#include <cstdlib>
#include <set>
#include <string>

static const std::set<std::string> allowed{"start", "stop"};

int main(int argc, char **argv) {
  if (argc < 4)
    return 1;
  std::string verb = argv[1];
  if (allowed.find(verb) != allowed.end())
    std::system(verb.c_str());
  std::string other = argv[2];
  if (other != "restart")
    return 1;
  std::system(other.c_str());
  // Not in the list: still untrusted.
  std::string third = argv[3];
  if (allowed.find(third) == allowed.end())
    std::system(third.c_str());
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: command passed to 'system' contains data from 'argv' at line 15 [sinkguard-tainted-shell-command]
  std::string fourth = argv[3];
  if (fourth != "reload")
    std::system(fourth.c_str());
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: command passed to 'system' contains data from 'argv' at line 15 [sinkguard-tainted-shell-command]
  return 0;
}
