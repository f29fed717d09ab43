/* Mock <pthread.h> for sinkguard tests. */
#ifndef SINKGUARD_MOCK_PTHREAD_H
#define SINKGUARD_MOCK_PTHREAD_H
#ifdef __cplusplus
extern "C" {
#endif
typedef unsigned long pthread_t;
typedef struct pthread_attr pthread_attr_t;
int pthread_create(pthread_t *thread, const pthread_attr_t *attr,
                   void *(*start)(void *), void *arg);
int pthread_join(pthread_t thread, void **ret);
int pthread_detach(pthread_t thread);
#ifdef __cplusplus
}
#endif
#endif
