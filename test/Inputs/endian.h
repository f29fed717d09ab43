/* Mock <endian.h> for sinkguard tests. */
#ifndef SINKGUARD_MOCK_ENDIAN_H
#define SINKGUARD_MOCK_ENDIAN_H
#include <stdint.h>
#ifdef __cplusplus
extern "C" {
#endif
uint16_t be16toh(uint16_t v);
uint16_t le16toh(uint16_t v);
uint32_t be32toh(uint32_t v);
uint32_t le32toh(uint32_t v);
uint64_t be64toh(uint64_t v);
uint64_t le64toh(uint64_t v);
#ifdef __cplusplus
}
#endif
#endif
