/* Mock <netdb.h> for sinkguard tests. */
#ifndef SINKGUARD_MOCK_NETDB_H
#define SINKGUARD_MOCK_NETDB_H
#include <sys/socket.h>
#ifdef __cplusplus
extern "C" {
#endif
struct addrinfo {
  int ai_flags;
  int ai_family;
  int ai_socktype;
  int ai_protocol;
  socklen_t ai_addrlen;
  struct sockaddr *ai_addr;
  char *ai_canonname;
  struct addrinfo *ai_next;
};
#define AI_PASSIVE 0x0001
#define AI_CANONNAME 0x0002
#define AI_NUMERICHOST 0x0004
#define AI_NUMERICSERV 0x0400
int getaddrinfo(const char *node, const char *service,
                const struct addrinfo *hints, struct addrinfo **res);
void freeaddrinfo(struct addrinfo *res);
#ifdef __cplusplus
}
#endif
#endif
