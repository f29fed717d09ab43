/* Mock <sys/socket.h> for sinkguard tests. */
#ifndef SINKGUARD_MOCK_SYS_SOCKET_H
#define SINKGUARD_MOCK_SYS_SOCKET_H
#include <stddef.h>
#include <sys/uio.h>
#ifdef __cplusplus
extern "C" {
#endif
typedef long ssize_t;
typedef unsigned socklen_t;
struct sockaddr { unsigned short sa_family; char sa_data[14]; };
struct msghdr {
  void *msg_name;
  socklen_t msg_namelen;
  struct iovec *msg_iov;
  size_t msg_iovlen;
  void *msg_control;
  size_t msg_controllen;
  int msg_flags;
};
struct cmsghdr {
  size_t cmsg_len;
  int cmsg_level;
  int cmsg_type;
};
#define SOL_SOCKET 1
#define SCM_RIGHTS 1
#define CMSG_LEN(n) (sizeof(struct cmsghdr) + (n))
#define CMSG_DATA(c) ((unsigned char *)((struct cmsghdr *)(c) + 1))
#define CMSG_FIRSTHDR(m)                                                       \
  ((m)->msg_controllen >= sizeof(struct cmsghdr)                               \
       ? (struct cmsghdr *)(m)->msg_control                                    \
       : (struct cmsghdr *)0)
ssize_t recv(int fd, void *buf, size_t n, int flags);
ssize_t recvfrom(int fd, void *buf, size_t n, int flags, struct sockaddr *a,
                 socklen_t *l);
ssize_t recvmsg(int fd, struct msghdr *msg, int flags);
#ifdef __cplusplus
}
#endif
#endif
