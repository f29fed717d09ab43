/* Mock <alloca.h> for sinkguard tests. */
#ifndef SINKGUARD_MOCK_ALLOCA_H
#define SINKGUARD_MOCK_ALLOCA_H
#include <stddef.h>
void *alloca(size_t size);
#endif
