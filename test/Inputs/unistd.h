/* Mock <unistd.h> for sinkguard tests. */
#ifndef SINKGUARD_MOCK_UNISTD_H
#define SINKGUARD_MOCK_UNISTD_H
#include <stddef.h>
#ifdef __cplusplus
extern "C" {
#endif
typedef long ssize_t;
typedef int pid_t;
ssize_t read(int fd, void *buf, size_t n);
ssize_t pread(int fd, void *buf, size_t n, long off);
int execl(const char *path, const char *arg, ...);
int execlp(const char *file, const char *arg, ...);
int execle(const char *path, const char *arg, ...);
int execv(const char *path, char *const argv[]);
int execvp(const char *file, char *const argv[]);
int execve(const char *path, char *const argv[], char *const envp[]);
pid_t fork(void);
char *getpass(const char *prompt);
int getopt(int argc, char *const argv[], const char *optstring);
extern char *optarg;
extern int optind;
extern char **environ;
#ifdef __cplusplus
}
#endif
#endif
