/* Mock <gnutls/gnutls.h> for sinkguard tests. */
#ifndef SINKGUARD_MOCK_GNUTLS_GNUTLS_H
#define SINKGUARD_MOCK_GNUTLS_GNUTLS_H
#include <stddef.h>
#ifdef __cplusplus
extern "C" {
#endif
typedef long ssize_t;
typedef struct gnutls_session_int *gnutls_session_t;
ssize_t gnutls_record_recv(gnutls_session_t session, void *data,
                           size_t data_size);
#ifdef __cplusplus
}
#endif
#endif
