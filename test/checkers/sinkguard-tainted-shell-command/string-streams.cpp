// A string stream gives back the text it was made from: reading a word, a
// line or a number out of it (`ss >> word`, `std::getline(ss, tok, ',')`)
// is that text, untrusted when the text is and not otherwise. A list that
// initialises a container (`std::vector<std::string> v{line}`) puts its
// elements in the container.
//
// RUN: %check_sinkguard %s sinkguard-tainted-shell-command %t

#include <cstdlib>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

static void first_word(const std::string &arg) {
  std::istringstream in(arg);
  std::string word;
  in >> word;
  std::system(word.c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system' contains data from 'argv' at line 60 [sinkguard-tainted-shell-command]
}

static void each_token(const std::string &arg) {
  std::stringstream ss(arg);
  std::string tok;
  while (std::getline(ss, tok, ','))
    std::system(tok.c_str());
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: command passed to 'system' contains data from 'argv' at line 60 [sinkguard-tainted-shell-command]
}

static void written_then_read(const std::string &arg) {
  std::stringstream ss;
  ss << arg;
  std::string cmd;
  ss >> cmd;
  std::system(cmd.c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system' contains data from 'argv' at line 60 [sinkguard-tainted-shell-command]
}

static void listed(const std::string &arg) {
  std::vector<std::string> parts{arg, "--verbose"};
  for (const std::string &p : parts)
    std::system(p.c_str());
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: command passed to 'system' contains data from 'argv' at line 60 [sinkguard-tainted-shell-command]
}

static void constant_streams() {
  std::istringstream in("uptime -p");
  std::string word;
  in >> word;
  std::system(word.c_str());
  std::stringstream ss("date,hostname");
  std::string tok;
  while (std::getline(ss, tok, ','))
    std::system(tok.c_str());
  std::vector<std::string> fixed{"ls", "pwd"};
  std::system(fixed[0].c_str());
}

int main(int argc, char **argv) {
  if (argc < 2)
    return 1;
  first_word(argv[1]);
  each_token(argv[1]);
  written_then_read(argv[1]);
  listed(argv[1]);
  constant_streams();
  return 0;
}
