// A library function that calls a function the program passes (C++
// callers): pthread_create runs `start(arg)` with the object passed, qsort
// calls the comparison with elements of the array.
//
// RUN: %check_sinkguard %s sinkguard-tainted-shell-command %t

#include <cstdlib>
#include <cstring>
#include <pthread.h>
#include <string>

namespace {
struct Task {
  std::string label;
  std::string command;
};

void *run_task(void *arg) {
  auto *task = static_cast<Task *>(arg);
  std::system(task->command.c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system'
  // contains data read by 'getenv' at line 37 [sinkguard-tainted-shell-command]
  return nullptr;
}

int by_length(const void *a, const void *b) {
  const char *x = *static_cast<const char *const *>(a);
  const char *y = *static_cast<const char *const *>(b);
  std::system(x);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system'
  // contains data read by 'getenv' at line 43 [sinkguard-tainted-shell-command]
  return static_cast<int>(std::strlen(x)) - static_cast<int>(std::strlen(y));
}
} // namespace

// --- Flagged ---

void start_task(Task &task, pthread_t &thread) {
  task.command = std::getenv("TASK");
  pthread_create(&thread, nullptr, run_task, &task);
}

void sort_environment() {
  const char *words[2] = {"uptime", nullptr};
  words[1] = std::getenv("WORD");
  std::qsort(words, 2, sizeof words[0], by_length);
}

// --- Clean ---

void start_labelled_task(Task &task, pthread_t &thread) {
  task.label = std::getenv("LABEL");
  task.command = "uptime";
  pthread_create(&thread, nullptr, run_task, &task);
}
