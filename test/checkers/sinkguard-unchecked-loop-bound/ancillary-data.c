// The ancillary data recvmsg stores where msg_control points (passed
// descriptors, credentials) is written by the kernel, which sizes it to
// fit the buffer: a count taken from a control message header is no
// untrusted bound. The message's own bytes (msg_iov) are.
//
// RUN: %check_sinkguard %s sinkguard-unchecked-loop-bound %t

#include <string.h>
#include <sys/socket.h>

int receive_fds(int sock, int *fds) {
  char data[64];
  char control[256];
  struct iovec iov = {data, sizeof data};
  struct msghdr msg;
  memset(&msg, 0, sizeof msg);
  msg.msg_iov = &iov;
  msg.msg_iovlen = 1;
  msg.msg_control = control;
  msg.msg_controllen = sizeof control;
  if (recvmsg(sock, &msg, 0) <= 0)
    return -1;
  struct cmsghdr *c = CMSG_FIRSTHDR(&msg);
  if (!c || c->cmsg_type != SCM_RIGHTS)
    return -1;
  int n = (int)((c->cmsg_len - CMSG_LEN(0)) / sizeof(int));
  const int *in = (const int *)CMSG_DATA(c);
  int total = 0;
  for (int i = 0; i < n; i++)
    total += in[i];
  unsigned count;
  memcpy(&count, data, sizeof count);
  for (unsigned i = 0; i < count; i++)
    // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: loop bound 'count' read by 'recvmsg' at line 21 has no upper bound [sinkguard-unchecked-loop-bound]
    total += fds[i];
  return total;
}

int receive_initialised(int sock) {
  char data[64];
  char control[128];
  struct iovec iov = {data, sizeof data};
  struct msghdr msg = {.msg_iov = &iov,
                       .msg_iovlen = 1,
                       .msg_control = control,
                       .msg_controllen = sizeof control};
  if (recvmsg(sock, &msg, 0) <= 0)
    return -1;
  struct cmsghdr *c = CMSG_FIRSTHDR(&msg);
  if (!c)
    return -1;
  int total = 0;
  for (size_t i = 0; i < c->cmsg_len; i++)
    total += control[i % sizeof control];
  unsigned words;
  memcpy(&words, data + 4, sizeof words);
  while (words--)
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: loop counter 'words' read by 'recvmsg' at line 47 has no upper bound [sinkguard-unchecked-loop-bound]
    total++;
  return total;
}
