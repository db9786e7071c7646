/*
 * Mapped files that another program may cut short while Dossier reads them.
 *
 * A saved model is mapped for the whole session. If another program truncates
 * or rewrites the file in place, reading a page past its new end raises SIGBUS,
 * which would kill the session. A mapping registered here instead gets a page of
 * zeros where the file's page was, and the fault is counted, so the session can
 * say its answers may be wrong and carry on.
 */
#ifndef DOSSIER_WATCHED_MAPPINGS_H
#define DOSSIER_WATCHED_MAPPINGS_H

#include <stddef.h>

/* Watches the mapping [base, base + length) (installing the SIGBUS handler the
   first time). Returns 0, or -1 when no more mappings can be watched. */
int dossier_watch_mapping(const void *base, size_t length);

/* Stops watching the mapping that starts at base (before it is unmapped). */
void dossier_unwatch_mapping(const void *base);

/* How many pages of the mappings still watched have read as zeros because their file was cut short. */
long dossier_lost_mapped_pages(void);

#endif
