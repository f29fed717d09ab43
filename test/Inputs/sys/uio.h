/* Mock <sys/uio.h> for sinkguard tests. */
#ifndef SINKGUARD_MOCK_SYS_UIO_H
#define SINKGUARD_MOCK_SYS_UIO_H
#include <stddef.h>
#ifdef __cplusplus
extern "C" {
#endif
typedef long ssize_t;
struct iovec { void *iov_base; size_t iov_len; };
ssize_t readv(int fd, const struct iovec *iov, int iovcnt);
ssize_t writev(int fd, const struct iovec *iov, int iovcnt);
#ifdef __cplusplus
}
#endif
#endif
