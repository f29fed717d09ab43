// C++: floating-point conversions of untrusted text through std::atof and
// std::strtod, in a class that reads its settings from the environment.
//
// RUN: %check_sinkguard %s sinkguard-unchecked-conversion %t

#include <errno.h>
#include <cstdlib>
#include <string>

class Settings {
public:
  void load() {
    const char *rate = std::getenv("RATE");
    if (rate)
      Rate = std::atof(rate);
    // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'atof' converts data read by 'getenv' at line [[#@LINE-3]] and cannot report failure or overflow; use 'strtod' and check errno and the end pointer
  }
  bool loadChecked() {
    const char *rate = std::getenv("RATE");
    if (!rate)
      return false;
    char *end = nullptr;
    errno = 0;
    double v = std::strtod(rate, &end);
    if (errno == ERANGE || end == rate || *end != '\0')
      return false;
    Rate = v;
    return true;
  }
  void loadUnchecked(const std::string &fallback) {
    const char *limit = std::getenv("LIMIT");
    Limit = std::strtof(limit ? limit : fallback.c_str(), nullptr);
    // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'strtof' converts data read by 'getenv' at line [[#@LINE-2]] but its failure goes unnoticed: errno is not set to 0 before it; errno is not checked for ERANGE after it; it takes no end pointer
  }

private:
  double Rate = 1.0;
  float Limit = 0;
};

double constant() { return std::atof("0.5"); }
