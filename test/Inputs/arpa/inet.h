/* Mock <arpa/inet.h> for sinkguard tests. */
#ifndef SINKGUARD_MOCK_ARPA_INET_H
#define SINKGUARD_MOCK_ARPA_INET_H
#include <stdint.h>
#ifdef __cplusplus
extern "C" {
#endif
uint32_t ntohl(uint32_t v);
uint16_t ntohs(uint16_t v);
uint32_t htonl(uint32_t v);
uint16_t htons(uint16_t v);
#define AF_INET 2
#define AF_INET6 10
int inet_pton(int af, const char *src, void *dst);
#ifdef __cplusplus
}
#endif
#endif
