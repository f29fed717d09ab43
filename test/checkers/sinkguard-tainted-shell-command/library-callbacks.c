// A library function that calls a function the program passes, with data
// the program passes: pthread_create runs `start(arg)`, qsort and bsearch
// call the comparison with elements of the array. The function passed is
// the callee, and what it is given is what the call passed beside it.
//
// RUN: %check_sinkguard %s sinkguard-tainted-shell-command %t

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct job {
  char *name;
  const char *command;
};

static void *run_text(void *arg) {
  system((const char *)arg);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system'
  // contains data read by 'fgets' at line 39 [sinkguard-tainted-shell-command]
  return NULL;
}

static void *run_job(void *arg) {
  struct job *j = arg;
  system(j->command);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system'
  // contains data read by 'fgets' at line 39 [sinkguard-tainted-shell-command]
  return NULL;
}

static int compare_and_log(const void *a, const void *b) {
  const char *const *x = a;
  system(*x);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system'
  // contains data from 'argv' at line 65 [sinkguard-tainted-shell-command]
  return strcmp(*x, *(const char *const *)b);
}

static int read_line(char *buf, int size) {
  if (!fgets(buf, size, stdin))
    return 0;
  buf[strcspn(buf, "\n")] = '\0';
  return 1;
}

// --- Flagged ---

void thread_of_a_line(void) {
  char line[128];
  pthread_t t;
  if (!read_line(line, sizeof line))
    return;
  pthread_create(&t, NULL, run_text, strdup(line));
}

void thread_of_a_job(void) {
  static char line[128];
  static struct job j;
  pthread_t t;
  if (!read_line(line, sizeof line))
    return;
  j.command = line;
  pthread_create(&t, NULL, &run_job, &j);
}

int main(int argc, char **argv) {
  qsort(argv + 1, (size_t)(argc - 1), sizeof *argv, compare_and_log);
  return 0;
}

// --- Clean ---

void thread_of_a_literal(void) {
  pthread_t t;
  pthread_create(&t, NULL, run_text, "uptime");
}

void job_named_by_the_input(void) {
  static char line[128];
  static struct job j;
  pthread_t t;
  if (!read_line(line, sizeof line))
    return;
  j.name = line;
  j.command = "uptime";
  pthread_create(&t, NULL, run_job, &j);
}

void sorted_literals(void) {
  const char *words[] = {"date", "uptime"};
  qsort(words, 2, sizeof *words, compare_and_log);
}
