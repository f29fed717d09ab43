// A model file may name a field holding a function pointer as a size sink
// (a context's allocator) or a source (its reader): every call through the
// field is one, whatever function the program stores there (here none).
//
// RUN: %check_sinkguard %s sinkguard-unchecked-size %t -- \
// RUN:   -config="{CheckOptions: {sinkguard-unchecked-size.ModelFile: '%S/Inputs/field-model.yaml'}}"

#include <stddef.h>
#include <stdint.h>

struct lib_ctx {
  void *(*alloc)(size_t n);
  int (*read_cb)(void *user, unsigned char *buf, size_t size);
  void *user;
};

static size_t be32(const unsigned char *b) {
  return (size_t)b[0] << 24 | (size_t)b[1] << 16 | (size_t)b[2] << 8 | b[3];
}

// --- Flagged ---

void *read_record(struct lib_ctx *ctx) {
  unsigned char head[4];
  if (ctx->read_cb(ctx->user, head, sizeof head) != 4)
    return NULL;
  return ctx->alloc(be32(head));
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: size 'be32(head)' read by 'read_cb' at line [[#@LINE-3]] passed to 'alloc' has no upper bound [sinkguard-unchecked-size]
}

// --- Clean ---

void *read_small_record(struct lib_ctx *ctx) {
  unsigned char head[4];
  if (ctx->read_cb(ctx->user, head, sizeof head) != 4)
    return NULL;
  size_t n = be32(head);
  if (n > 65536)
    return NULL;
  return ctx->alloc(n);
}

void *fixed_record(struct lib_ctx *ctx) { return ctx->alloc(64); }
