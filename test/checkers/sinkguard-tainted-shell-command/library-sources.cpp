// Sources beyond the C library's read family, from C++: TLS reads held in
// a connection class, scatter reads, readline and getpass.
//
// RUN: %check_sinkguard %s sinkguard-tainted-shell-command %t

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <gnutls/gnutls.h>
#include <openssl/ssl.h>
#include <readline/readline.h>
#include <string>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

class TlsConnection {
public:
  explicit TlsConnection(SSL *S) : Ssl(S) {}
  void runRequest() {
    char buf[256] = {};
    int n = SSL_read(Ssl, buf, sizeof buf - 1);
    if (n <= 0)
      return;
    std::string cmd = std::string("handle ") + buf;
    std::system(cmd.c_str());
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: command passed to 'system' contains data read by 'SSL_read' at line [[#@LINE-5]]
  }

private:
  SSL *Ssl;
};

void from_bio(BIO *bio) {
  char line[128];
  if (BIO_gets(bio, line, sizeof line) > 0)
    popen(line, "r");
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: command passed to 'popen' contains data read by 'BIO_gets' at line [[#@LINE-2]]
}

void from_gnutls(gnutls_session_t session) {
  char buf[128] = {};
  if (gnutls_record_recv(session, buf, sizeof buf - 1) > 0)
    std::system(buf);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: command passed to 'system' contains data read by 'gnutls_record_recv' at line [[#@LINE-2]]
}

void from_recvmsg(int sock) {
  char buf[256] = {};
  struct iovec iov = {buf, sizeof buf - 1};
  struct msghdr msg = {};
  msg.msg_iov = &iov;
  msg.msg_iovlen = 1;
  recvmsg(sock, &msg, 0);
  std::system(buf);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system' contains data read by 'recvmsg' at line [[#@LINE-2]]
}

void from_readv(int fd) {
  char head[8];
  char body[128] = {};
  struct iovec iov[2] = {{head, sizeof head}, {body, sizeof body - 1}};
  readv(fd, iov, 2);
  std::system(body);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system' contains data read by 'readv' at line [[#@LINE-2]]
}

void from_readline() {
  std::string line = readline("> ");
  std::system(("sh -c " + line).c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system' contains data read by 'readline' at line [[#@LINE-2]]
}

void from_getpass() {
  std::string secret(getpass("Password: "));
  std::system(("unlock " + secret).c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system' contains data read by 'getpass' at line [[#@LINE-2]]
}

void from_fgetln(FILE *f) {
  size_t len = 0;
  const char *line = fgetln(f, &len);
  std::string cmd(line, len);
  std::system(cmd.c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: command passed to 'system' contains data read by 'fgetln' at line [[#@LINE-3]]
}

// --- Clean ---

class QuietConnection {
public:
  explicit QuietConnection(SSL *S) : Ssl(S) {}
  void ping() {
    char buf[64];
    SSL_read(Ssl, buf, sizeof buf);
    std::system("logger ping");
  }

private:
  SSL *Ssl;
};

void recvmsg_into_other_buffer(int sock) {
  char buf[256];
  char cmd[32] = "true";
  struct iovec iov = {buf, sizeof buf};
  struct msghdr msg = {};
  msg.msg_iov = &iov;
  msg.msg_iovlen = 1;
  recvmsg(sock, &msg, 0);
  std::system(cmd);
}

void readline_prompt_only() {
  char *answer = readline("Continue? ");
  bool yes = answer && answer[0] == 'y';
  std::free(answer);
  if (yes)
    std::system("make install");
}
