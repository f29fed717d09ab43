/* Mock <errno.h> for sinkguard tests: errno as glibc spells it. */
#ifndef SINKGUARD_MOCK_ERRNO_H
#define SINKGUARD_MOCK_ERRNO_H
#ifdef __cplusplus
extern "C" {
#endif
int *__errno_location(void);
#ifdef __cplusplus
}
#endif
#define errno (*__errno_location())
#define ERANGE 34
#define EINVAL 22
#endif
