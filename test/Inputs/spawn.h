/* Mock <spawn.h> for sinkguard tests. */
#ifndef SINKGUARD_MOCK_SPAWN_H
#define SINKGUARD_MOCK_SPAWN_H
#include <unistd.h>
#ifdef __cplusplus
extern "C" {
#endif
typedef struct { int x; } posix_spawn_file_actions_t;
typedef struct { int x; } posix_spawnattr_t;
int posix_spawn(pid_t *pid, const char *path,
                const posix_spawn_file_actions_t *fa,
                const posix_spawnattr_t *attr, char *const argv[],
                char *const envp[]);
int posix_spawnp(pid_t *pid, const char *file,
                 const posix_spawn_file_actions_t *fa,
                 const posix_spawnattr_t *attr, char *const argv[],
                 char *const envp[]);
#ifdef __cplusplus
}
#endif
#endif
