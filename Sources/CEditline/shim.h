/*
 * CEditline: libedit for the LineEditing target.
 *
 * A SwiftPM systemLibrary target cannot hold .c files, so everything here is a
 * small `static inline` function. They exist because Swift 6 strict concurrency
 * rejects touching C globals (stdin, stdout, ...) and cannot call variadic
 * functions (el_set, history): Swift only calls these.
 *
 * libedit's native API (<histedit.h>), not its readline emulation (see below).
 * If the emulation is ever needed: <editline/readline.h>, never
 * <readline/readline.h>, which is GNU readline's.
 *
 * IMPORTANT: `static` storage in this header (the SIGINT flag) is private to
 * each object file that uses it. In a debug build every Swift *file* is its own
 * object file, so every dossier_interrupt_* / dossier_install_sigint_handler
 * call must live in ONE Swift file (LineEditing/Interrupt.swift), and no other
 * module should call them: use LineEditing's `Interrupt` instead.
 */
#ifndef DOSSIER_CEDITLINE_SHIM_H
#define DOSSIER_CEDITLINE_SHIM_H

#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/file.h>
#include <sys/stat.h>

#include <histedit.h>

/* ------------------------------------------------------------------ SIGINT */

static volatile sig_atomic_t dossier_interrupt_flag = 0;

/* The handler only sets the flag: no Swift, no allocation, no stdio. */
static void dossier_sigint_handler(int signo) {
    (void)signo;
    dossier_interrupt_flag = 1;
}

/*
 * Installs the SIGINT handler. SA_RESTART keeps the rest of the program's
 * system calls from failing with EINTR; el_gets() is still interrupted,
 * because libedit (EL_SIGNAL) installs its own handler, without SA_RESTART,
 * while it reads, and on SIGINT restores ours and re-raises. With `once`, the
 * handler runs for the first SIGINT only (SA_RESETHAND): a second one kills the
 * process, as a script's user expects of a command that does not stop. Returns 0 or -1.
 */
static inline int dossier_install_sigint_handler(int once) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = dossier_sigint_handler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART | (once ? SA_RESETHAND : 0);
    return sigaction(SIGINT, &action, NULL);
}

static inline int dossier_interrupt_requested(void) {
    return dossier_interrupt_flag != 0;
}

static inline void dossier_interrupt_reset(void) {
    dossier_interrupt_flag = 0;
}

/* ------------------------------------------------------------------ locale */

/*
 * libedit drops non-ASCII bytes unless LC_CTYPE is a UTF-8 locale. Take the
 * environment's, and if that is not UTF-8 (LC_ALL=C, empty environment) fall
 * back to C.UTF-8. Returns 1 if LC_CTYPE is UTF-8 afterwards.
 */
static inline int dossier_ensure_utf8_ctype(void) {
    setlocale(LC_CTYPE, "");
    const char *codeset = nl_langinfo(CODESET);
    if (codeset != NULL && strcmp(codeset, "UTF-8") == 0) return 1;
    if (setlocale(LC_CTYPE, "C.UTF-8") == NULL) setlocale(LC_CTYPE, "C.utf8");
    codeset = nl_langinfo(CODESET);
    return codeset != NULL && strcmp(codeset, "UTF-8") == 0;
}

/* ----------------------------------------------------------------- editor */

/*
 * The native libedit API (histedit.h), not its readline emulation: the
 * emulation's rl_line_buffer goes stale once a line's UTF-8 form outgrows
 * libedit's 1 KiB conversion buffer, and its _rl_update_pos() then writes
 * through the stale pointer on Tab (heap corruption, seen as a crash with a
 * 700-character non-ASCII line). el_line() here is always fresh.
 *
 * el_set() and history() are variadic, so Swift calls these wrappers instead.
 */

typedef unsigned char (*dossier_el_function)(EditLine *, int);

typedef struct dossier_editor {
    EditLine *el;
    History *history;
    char *prompt;
} dossier_editor;

static char *dossier_editor_prompt_function(EditLine *el) {
    void *data = NULL;
    el_get(el, EL_CLIENTDATA, &data);
    dossier_editor *editor = (dossier_editor *)data;
    return (editor != NULL && editor->prompt != NULL) ? editor->prompt : (char *)"";
}

/*
 * A terminal editor on stdin/stdout in emacs mode, with libedit's signal
 * handling (so Ctrl-C makes el_gets return NULL with errno EINTR), prompts
 * where text between two '\1' is not counted as columns, `complete` bound to
 * Tab, readline-like keys, then ~/.editrc. NULL on failure.
 */
static inline dossier_editor *dossier_editor_open(const char *program, dossier_el_function complete) {
    dossier_editor *editor = (dossier_editor *)calloc(1, sizeof *editor);
    if (editor == NULL) return NULL;
    HistEvent event;
    editor->history = history_init();
    editor->el = el_init(program, stdin, stdout, stderr);
    if (editor->history == NULL || editor->el == NULL) {
        if (editor->el != NULL) el_end(editor->el);
        if (editor->history != NULL) history_end(editor->history);
        free(editor);
        return NULL;
    }
    history(editor->history, &event, H_SETSIZE, 1000);
    history(editor->history, &event, H_SETUNIQUE, 1);

    EditLine *el = editor->el;
    el_set(el, EL_CLIENTDATA, (void *)editor);
    el_set(el, EL_EDITOR, "emacs");
    el_set(el, EL_SIGNAL, 1);
    el_set(el, EL_PROMPT_ESC, dossier_editor_prompt_function, '\1');
    el_set(el, EL_HIST, history, editor->history);
    el_set(el, EL_ADDFN, "dossier-complete", "Complete the word before the cursor", complete);
    el_set(el, EL_BIND, "^I", "dossier-complete", NULL);
    el_set(el, EL_BIND, "^R", "em-inc-search-prev", NULL);
    el_set(el, EL_BIND, "\\e[1~", "ed-move-to-beg", NULL);
    el_set(el, EL_BIND, "\\e[4~", "ed-move-to-end", NULL);
    el_set(el, EL_BIND, "\\e[7~", "ed-move-to-beg", NULL);
    el_set(el, EL_BIND, "\\e[8~", "ed-move-to-end", NULL);
    el_set(el, EL_BIND, "\\e[H", "ed-move-to-beg", NULL);
    el_set(el, EL_BIND, "\\e[F", "ed-move-to-end", NULL);
    el_set(el, EL_BIND, "\\eOH", "ed-move-to-beg", NULL);
    el_set(el, EL_BIND, "\\eOF", "ed-move-to-end", NULL);
    el_set(el, EL_BIND, "\\e[3~", "ed-delete-next-char", NULL);
    el_set(el, EL_BIND, "\\e[1;5C", "em-next-word", NULL);
    el_set(el, EL_BIND, "\\e[1;5D", "ed-prev-word", NULL);
    el_set(el, EL_BIND, "\\e[5C", "em-next-word", NULL);
    el_set(el, EL_BIND, "\\e[5D", "ed-prev-word", NULL);
    el_set(el, EL_BIND, "\\e\\e[C", "em-next-word", NULL);
    el_set(el, EL_BIND, "\\e\\e[D", "ed-prev-word", NULL);
    el_source(el, NULL);
    return editor;
}

static inline void dossier_editor_close(dossier_editor *editor) {
    if (editor == NULL) return;
    el_end(editor->el);
    history_end(editor->history);
    free(editor->prompt);
    free(editor);
}

/*
 * Reads a line (UTF-8, with its trailing newline) after showing `prompt`.
 * NULL with *count == -1 and errno EINTR on Ctrl-C; NULL or *count == 0 at
 * Ctrl-D / end of input. The result lives until the next call.
 */
static inline const char *dossier_editor_gets(dossier_editor *editor, const char *prompt, int *count) {
    char *copy = strdup(prompt != NULL ? prompt : "");
    if (copy != NULL) {
        free(editor->prompt);
        editor->prompt = copy;
    }
    *count = 0;
    return el_gets(editor->el, count);
}

/* The line as UTF-8 (NUL-terminated, valid until the next libedit call) and the cursor's byte offset. */
static inline const char *dossier_el_line(EditLine *el, int *cursor_offset) {
    const LineInfo *info = el_line(el);
    if (info == NULL) return NULL;
    *cursor_offset = (int)(info->cursor - info->buffer);
    return info->buffer;
}

/* Deletes `count` characters (Unicode scalars) before the cursor, then inserts `text`. 0 or -1. */
static inline int dossier_el_replace_before_cursor(EditLine *el, int count, const char *text) {
    if (count > 0) el_deletestr(el, count);
    if (text == NULL || *text == '\0') return 0;
    return el_insertstr(el, text);
}

/* Writes through libedit's output stream so the order with libedit's own output holds. */
static inline void dossier_el_print(const char *text) {
    fputs(text, stdout);
    fflush(stdout);
}

/* ----------------------------------------------------------------- history */

static inline int dossier_history_set_size(dossier_editor *editor, int size) {
    HistEvent event;
    return history(editor->history, &event, H_SETSIZE, size);
}

static inline int dossier_history_enter(dossier_editor *editor, const char *line) {
    HistEvent event;
    return history(editor->history, &event, H_ENTER, line);
}

/* Entries loaded, or -1. */
static inline int dossier_history_load(dossier_editor *editor, const char *path) {
    HistEvent event;
    return history(editor->history, &event, H_LOAD, path);
}

/* Entries written, or -1 (errno set). */
static inline int dossier_history_save(dossier_editor *editor, const char *path) {
    HistEvent event;
    errno = 0;
    return history(editor->history, &event, H_SAVE, path);
}

static inline void dossier_history_clear(dossier_editor *editor) {
    HistEvent event;
    history(editor->history, &event, H_CLEAR);
}

static inline int dossier_history_count(dossier_editor *editor) {
    HistEvent event;
    if (history(editor->history, &event, H_GETSIZE) != 0) return 0;
    return event.num;
}

/* The newest entry, or NULL. Points into libedit's storage. */
static inline const char *dossier_history_newest(dossier_editor *editor) {
    HistEvent event;
    if (history(editor->history, &event, H_FIRST) != 0) return NULL;
    return event.str;
}

/*
 * Writes to `out` the history saved at `path` (by this session or another one; nothing when it is missing or empty)
 * followed by `lines`, at most `size` entries: each session adds its own commands to what the others saved instead
 * of replacing them. Entries written, -1 on a failure to write (errno set), -2 when `path` cannot be loaded.
 */
static inline int dossier_history_merge_save(const char *path, const char *const *lines, int count, int size,
                                             const char *out) {
    HistEvent event;
    History *merged = history_init();
    if (merged == NULL) return -1;
    history(merged, &event, H_SETSIZE, size);
    struct stat info;
    if (stat(path, &info) == 0 && info.st_size > 0 && history(merged, &event, H_LOAD, path) < 0) {
        history_end(merged);
        return -2;
    }
    for (int i = 0; i < count; i++) history(merged, &event, H_ENTER, lines[i]);
    errno = 0;
    int written = history(merged, &event, H_SAVE, out);
    int saved = errno;
    history_end(merged);
    errno = saved;
    return written;
}

/* Removes the newest entry. Returns 0, or -1 when history is empty. H_DEL hands back a copy of the removed
 * string, which the caller frees (history(3)). */
static inline int dossier_history_remove_newest(dossier_editor *editor) {
    HistEvent event;
    if (history(editor->history, &event, H_FIRST) != 0) return -1;
    if (history(editor->history, &event, H_DEL, event.num) != 0) return -1;
    free((void *)event.str);
    return 0;
}

#endif /* DOSSIER_CEDITLINE_SHIM_H */
