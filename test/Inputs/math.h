/* Mock <math.h> for sinkguard tests. */
#ifndef SINKGUARD_MOCK_MATH_H
#define SINKGUARD_MOCK_MATH_H
#define HUGE_VAL (__builtin_huge_val())
#define HUGE_VALF (__builtin_huge_valf())
#define HUGE_VALL (__builtin_huge_vall())
#ifdef __cplusplus
extern "C" {
#endif
double fabs(double x);
#ifdef __cplusplus
}
#endif
#endif
