/* Mock <sys/param.h> for sinkguard tests. */
#ifndef SINKGUARD_MOCK_SYS_PARAM_H
#define SINKGUARD_MOCK_SYS_PARAM_H
#define MIN(a, b) (((a) < (b)) ? (a) : (b))
#define MAX(a, b) (((a) > (b)) ? (a) : (b))
#endif
