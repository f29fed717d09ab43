// Sources beyond the C library's read family: TLS reads (OpenSSL, GnuTLS),
// scatter reads (recvmsg, readv) that fill the buffers their descriptors
// point to, line readers (getdelim, BSD fgetln, readline) and getpass.
//
// RUN: %check_sinkguard %s sinkguard-tainted-shell-command %t

#include <gnutls/gnutls.h>
#include <openssl/bio.h>
#include <openssl/ssl.h>
#include <readline/readline.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

void from_ssl_read(SSL *ssl) {
  char buf[256];
  int n = SSL_read(ssl, buf, sizeof buf - 1);
  if (n <= 0)
    return;
  buf[n] = '\0';
  system(buf);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system' contains data read by 'SSL_read' at line [[#@LINE-5]] [sinkguard-tainted-shell-command]
  // CHECK-MESSAGES: :[[@LINE-6]]:11: note: 'SSL_read' reads untrusted data into 'buf'
}

void from_ssl_peek(SSL *ssl) {
  char buf[64] = {0};
  SSL_peek(ssl, buf, sizeof buf - 1);
  popen(buf, "r");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'popen' contains data read by 'SSL_peek' at line [[#@LINE-2]]
}

void from_bio_read(BIO *bio) {
  char buf[128] = {0};
  BIO_read(bio, buf, sizeof buf - 1);
  system(buf);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system' contains data read by 'BIO_read' at line [[#@LINE-2]]
}

void from_bio_gets(BIO *bio) {
  char line[128];
  if (BIO_gets(bio, line, sizeof line) <= 0)
    return;
  system(line);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system' contains data read by 'BIO_gets' at line [[#@LINE-3]]
}

void from_gnutls(gnutls_session_t session) {
  char buf[256] = {0};
  ssize_t n = gnutls_record_recv(session, buf, sizeof buf - 1);
  if (n < 0)
    return;
  system(buf);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system' contains data read by 'gnutls_record_recv' at line [[#@LINE-4]]
}

void from_recvmsg(int sock) {
  char buf[256] = {0};
  struct iovec iov;
  struct msghdr msg;
  memset(&msg, 0, sizeof msg);
  iov.iov_base = buf;
  iov.iov_len = sizeof buf - 1;
  msg.msg_iov = &iov;
  msg.msg_iovlen = 1;
  if (recvmsg(sock, &msg, 0) <= 0)
    return;
  system(buf);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system' contains data read by 'recvmsg' at line [[#@LINE-3]]
  // CHECK-MESSAGES: :[[@LINE-4]]:7: note: 'recvmsg' reads untrusted data into 'buf'
}

void from_recvmsg_initialised(int sock) {
  char buf[256] = {0};
  struct iovec iov = {buf, sizeof buf - 1};
  struct msghdr msg = {0};
  msg.msg_iov = &iov;
  msg.msg_iovlen = 1;
  recvmsg(sock, &msg, 0);
  system(buf);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system' contains data read by 'recvmsg' at line [[#@LINE-2]]
}

void from_readv(int fd) {
  char head[16];
  char body[256] = {0};
  struct iovec iov[2];
  iov[0].iov_base = head;
  iov[0].iov_len = sizeof head;
  iov[1].iov_base = body;
  iov[1].iov_len = sizeof body - 1;
  readv(fd, iov, 2);
  system(body);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system' contains data read by 'readv' at line [[#@LINE-2]]
  // CHECK-MESSAGES: :[[@LINE-3]]:3: note: 'readv' reads untrusted data into 'body'
}

void from_readv_initialised(int fd) {
  char head[16];
  char *body = malloc(256);
  struct iovec iov[] = {{head, sizeof head}, {body, 255}};
  readv(fd, iov, 2);
  system(body);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system' contains data read by 'readv' at line [[#@LINE-2]]
}

void from_pread(int fd) {
  char buf[128] = {0};
  pread(fd, buf, sizeof buf - 1, 0);
  system(buf);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system' contains data read by 'pread' at line [[#@LINE-2]]
}

void from_getdelim(FILE *f) {
  char *field = NULL;
  size_t cap = 0;
  if (getdelim(&field, &cap, ':', f) < 0)
    return;
  system(field);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system' contains data read by 'getdelim' at line [[#@LINE-3]]
}

void from_fgetln(FILE *f) {
  size_t len;
  char *line = fgetln(f, &len);
  char cmd[256];
  if (!line || len >= sizeof cmd)
    return;
  memcpy(cmd, line, len);
  cmd[len] = '\0';
  system(cmd);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system' contains data read by 'fgetln' at line [[#@LINE-7]]
}

void from_getpass(void) {
  char *secret = getpass("Password: ");
  char cmd[256];
  snprintf(cmd, sizeof cmd, "unlock %s", secret);
  system(cmd);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system' contains data read by 'getpass' at line [[#@LINE-4]]
}

void from_readline(void) {
  char *line = readline("> ");
  if (line)
    system(line);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: command passed to 'system' contains data read by 'readline' at line [[#@LINE-3]]
}

// --- Clean: the untrusted data does not reach the command. ---

void ssl_reply_is_not_a_source(SSL *ssl) {
  char cmd[64] = "uptime";
  SSL_write(ssl, cmd, sizeof cmd);
  system(cmd);
}

void recvmsg_other_buffer(int sock) {
  char buf[256];
  char cmd[64] = "date";
  struct iovec iov = {buf, sizeof buf};
  struct msghdr msg = {0};
  msg.msg_iov = &iov;
  msg.msg_iovlen = 1;
  recvmsg(sock, &msg, 0);
  system(cmd);
}

void iovec_set_after_the_read(int sock) {
  char buf[256];
  char reply[64] = "uptime";
  struct iovec iov = {buf, sizeof buf};
  struct msghdr msg = {0};
  msg.msg_iov = &iov;
  msg.msg_iovlen = 1;
  recvmsg(sock, &msg, 0);
  // The descriptor now points elsewhere: reply was never read into.
  iov.iov_base = reply;
  system(reply);
}

void readv_fixed_header_only(int fd) {
  char head[16];
  char cmd[32];
  struct iovec iov[1];
  iov[0].iov_base = head;
  iov[0].iov_len = sizeof head;
  readv(fd, iov, 1);
  strcpy(cmd, "true");
  system(cmd);
}

void readline_overwritten(void) {
  char *line = readline("> ");
  free(line);
  line = strdup("ls");
  system(line);
}

void bio_gets_compared(BIO *bio) {
  char line[32];
  BIO_gets(bio, line, sizeof line);
  if (strcmp(line, "status") == 0)
    system(line);
}
