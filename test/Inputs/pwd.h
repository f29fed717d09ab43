/* Mock <pwd.h> for sinkguard tests. */
#ifndef SINKGUARD_MOCK_PWD_H
#define SINKGUARD_MOCK_PWD_H
#ifdef __cplusplus
extern "C" {
#endif
typedef unsigned uid_t;
struct passwd {
  char *pw_name;
  char *pw_passwd;
  uid_t pw_uid;
  uid_t pw_gid;
  char *pw_gecos;
  char *pw_dir;
  char *pw_shell;
};
struct passwd *getpwuid(uid_t uid);
uid_t getuid(void);
#ifdef __cplusplus
}
#endif
#endif
