// A length kept beside a buffer in one object describes that buffer: an
// index checked against it (`consumed < size - 2` with size and data both
// taken from one frame) is in range by as much as the check says, whoever
// filled the object, and the object's own length used on its own buffer
// (`ds->string[ds->length]`, `(char *) pkt_data(b) + pkt_size(b)`) is its
// bookkeeping, not data. A length of another object bounds nothing here.
//
// RUN: %check_sinkguard %s sinkguard-unchecked-index %t

#include <stddef.h>
#include <stdlib.h>
#include <sys/socket.h>

struct frame {
  const unsigned char *data;
  unsigned int size;
};

static unsigned char sink_byte;

static void print_options(const struct frame *frame, unsigned char offset) {
  const unsigned char *data = frame->data + offset;
  unsigned short size = frame->size - offset;
  unsigned short consumed = 0;

  while (consumed < size - 2) {
    unsigned char len = data[consumed + 1];
    sink_byte = data[consumed];
    sink_byte = data[consumed + 2];
    // consumed + 3 may be size: one past the frame.
    sink_byte = data[consumed + 3];
    // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: index 'consumed + 3' read by
    // 'recv' at line [[#@LINE+13]] has no upper bound
    // [sinkguard-unchecked-index]
    consumed += len + 2;
  }
}

static void print_fields(const struct frame *frame) {
  unsigned short i = frame->data[0];
  if (i < frame->size)
    sink_byte = frame->data[i];
}

void receive(int fd) {
  static unsigned char buf[512];
  ssize_t n = recv(fd, buf, sizeof buf, 0);
  if (n <= 4)
    return;
  struct frame frame = {buf, (unsigned short)n};
  print_options(&frame, 4);
  print_fields(&frame);
}

void receive_two(int fd) {
  static unsigned char a[64], b[64];
  unsigned int i, len;
  if (recv(fd, a, sizeof a, 0) != sizeof a || recv(fd, b, sizeof b, 0) <= 0 ||
      recv(fd, &len, sizeof len, 0) != sizeof len ||
      recv(fd, &i, sizeof i, 0) != sizeof i)
    return;
  struct frame frame = {a, sizeof a};
  // A length read from the input for another frame.
  struct frame other = {b, len};
  if (i < other.size)
    sink_byte = frame.data[i];
  // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: index 'i' read by 'recv' at line
  // [[#@LINE-7]] has no upper bound [sinkguard-unchecked-index]
  if (i < frame.size)
    sink_byte = frame.data[i];
}

// A struct laid over received bytes holds its data in an array field: the
// length beside it is data, not bookkeeping.
struct report {
  unsigned char data_len;
  unsigned char data[];
};

static void print_report(const void *data) {
  const struct report *evt = data;
  sink_byte = *(evt->data + evt->data_len);
  // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: offset 'evt->data_len' read by
  // 'recv' at line [[#@LINE+5]] has no upper bound [sinkguard-unchecked-index]
}

void receive_report(int fd) {
  static unsigned char buf[512];
  if (recv(fd, buf, sizeof buf, 0) <= 0)
    return;
  print_report(buf);
}

// A length parameter right after a buffer parameter is that buffer's
// length: `data + size - 2` after `size < 4` is inside it; `data[size]` is
// one past it.
static void print_trailer(const unsigned char *data, unsigned int size) {
  if (size < 4)
    return;
  sink_byte = *(data + size - 2);
  sink_byte = data[size - 1];
  sink_byte = data[size];
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: index 'size' read by 'recv' at line [[#@LINE+6]] has no upper bound [sinkguard-unchecked-index]
}

void receive_trailer(int fd) {
  unsigned int len;
  unsigned char *buf;
  if (recv(fd, &len, sizeof len, 0) != sizeof len || !(buf = malloc(len)))
    return;
  if (recv(fd, buf, len, 0) == (ssize_t)len)
    print_trailer(buf, len);
  free(buf);
}

// --- An object's own bookkeeping ---

// Reassembly slots: one element's position is that element's bookkeeping;
// an offset read from the fragment is data.
struct slot {
  unsigned char *buf;
  unsigned int pos;
};
static struct slot slots[4];

static void add_fragment(unsigned int i, const unsigned char *data) {
  sink_byte = *(slots[i & 3].buf + slots[i & 3].pos);
  sink_byte = *(slots[i & 3].buf + data[0]);
  // CHECK-MESSAGES: :[[@LINE-1]]:36: warning: offset 'data[0]' read by 'recv' at line [[#@LINE+5]] has no upper bound [sinkguard-unchecked-index]
}

void receive_fragment(int fd) {
  static unsigned char frag[64];
  if (recv(fd, frag, sizeof frag, 0) <= 0)
    return;
  slots[frag[1] & 3].pos = frag[2];
  add_fragment(frag[1], frag);
}


struct ds {
  char *string;
  size_t length;
  size_t allocated;
};

void ds_terminate(struct ds *ds) { ds->string[ds->length] = '\0'; }

char *ds_last(struct ds *ds, size_t n) { return &ds->string[ds->length - n]; }

void ds_fill(struct ds *ds, int fd) {
  unsigned char c;
  if (recv(fd, &c, 1, 0) != 1)
    return;
  ds->length = c;
  ds_terminate(ds);
  sink_byte = (unsigned char)*ds_last(ds, 1);
}

// Growing its own length keeps it the object's (reserving the room is the
// object's business); a length set from the input here is data.
void ds_grow(struct ds *ds, size_t n) {
  ds->length += n;
  ds->string[ds->length] = '\0';
}

void ds_set(struct ds *ds, int fd) {
  unsigned int len;
  if (recv(fd, &len, sizeof len, 0) != sizeof len)
    return;
  ds_grow(ds, len);
  ds->length = len;
  ds->string[ds->length] = '\0';
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: index 'ds->length' read by 'recv' at line [[#@LINE-5]] has no upper bound [sinkguard-unchecked-index]
}

struct packet {
  void *base_;
  unsigned int size_;
  unsigned int allocated_;
};

static unsigned int packet_size(const struct packet *b) { return b->size_; }
static unsigned int packet_allocated(const struct packet *b) {
  return b->allocated_;
}
static void *packet_base(const struct packet *b) { return b->base_; }

void *packet_tail(const struct packet *b) {
  return (char *)packet_base(b) + packet_size(b);
}

void *packet_end(const struct packet *b) {
  return (char *)packet_base(b) + packet_allocated(b);
}

void packet_read(struct packet *b, int fd) {
  unsigned int len;
  if (recv(fd, &len, sizeof len, 0) != sizeof len)
    return;
  b->size_ = len;
  sink_byte = *(unsigned char *)packet_tail(b);
  sink_byte = *(unsigned char *)packet_end(b);
}

// Another object's length is data for this one.
void packet_copy_tail(struct packet *to, const struct packet *from) {
  sink_byte = *((unsigned char *)to->base_ + from->size_);
  // CHECK-MESSAGES: :[[@LINE-1]]:46: warning: offset 'from->size_' read by
  // 'recv' at line [[#@LINE+5]] has no upper bound [sinkguard-unchecked-index]
}

void packet_read_other(struct packet *to, struct packet *from, int fd) {
  unsigned int len;
  if (recv(fd, &len, sizeof len, 0) != sizeof len)
    return;
  from->size_ = len;
  packet_copy_tail(to, from);
}
