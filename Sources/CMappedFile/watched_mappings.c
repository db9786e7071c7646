#include "watched_mappings.h"

#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

enum { capacity = 64 };

/* A slot is free when its base is 0. Written by the program's threads, read by the handler. */
static _Atomic uintptr_t bases[capacity];
static _Atomic size_t lengths[capacity];
static atomic_long lost[capacity];
static atomic_int installed;
static struct sigaction previous;

/* Runs in signal context: only atomics, mmap and sigaction. */
static void on_bus_error(int signo, siginfo_t *info, void *context) {
    uintptr_t address = (uintptr_t)info->si_addr;
    for (int i = 0; i < capacity; i++) {
        uintptr_t base = atomic_load(&bases[i]);
        if (base != 0 && address >= base && address < base + atomic_load(&lengths[i])) {
            uintptr_t page = (uintptr_t)sysconf(_SC_PAGESIZE);
            void *start = (void *)(address / page * page);
            if (mmap(start, page, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) != MAP_FAILED) {
                atomic_fetch_add(&lost[i], 1);
                return;
            }
            break;
        }
    }
    /* Not ours, or the page could not be replaced: what would have happened without this handler. */
    sigaction(SIGBUS, &previous, NULL);
    (void)signo;
    (void)context;
}

int dossier_watch_mapping(const void *base, size_t length) {
    if (atomic_exchange(&installed, 1) == 0) {
        struct sigaction action;
        memset(&action, 0, sizeof action);
        action.sa_sigaction = on_bus_error;
        sigemptyset(&action.sa_mask);
        action.sa_flags = SA_SIGINFO | SA_RESTART;
        sigaction(SIGBUS, &action, &previous);
    }
    for (int i = 0; i < capacity; i++) {
        uintptr_t expected = 0;
        if (atomic_compare_exchange_strong(&bases[i], &expected, (uintptr_t)base)) {
            atomic_store(&lengths[i], length);
            return 0;
        }
    }
    return -1;
}

void dossier_unwatch_mapping(const void *base) {
    for (int i = 0; i < capacity; i++) {
        uintptr_t expected = (uintptr_t)base;
        if (expected != 0 && atomic_load(&bases[i]) == expected) {
            atomic_store(&lost[i], 0);
            atomic_store(&bases[i], 0);
            return;
        }
    }
}

long dossier_lost_mapped_pages(void) {
    long total = 0;
    for (int i = 0; i < capacity; i++) {
        if (atomic_load(&bases[i]) != 0) total += atomic_load(&lost[i]);
    }
    return total;
}
