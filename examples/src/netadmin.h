/* netadmin.h - the commands of the netadmin utility. */
#ifndef NETADMIN_H
#define NETADMIN_H

#include <stddef.h>
#include <stdio.h>

#define MAX_RECORDS 64
#define BACKUP_ROOT "/var/backups/netadmin"

#ifdef __cplusplus
extern "C" {
#endif

/* ping.c */
int ping_host(const char *host, int count);
int ping_gateway(int count);

/* archive.c */
int archive_log(const char *name);
int archive_default_log(void);

/* records.c */
int records_load(FILE *in);
int records_count_hit(const char *slot);
int records_port(const char *slot);
int records_read_note(FILE *in, char *out, size_t out_size);

/* backup.cpp */
int backup_directory(const char *archive, const char *dir);
int backup_list(void);

#ifdef __cplusplus
}
#endif

#endif
