#ifndef DANECHECK_CEDITLINE_SHIM_H
#define DANECHECK_CEDITLINE_SHIM_H
#include <errno.h>
#include <stdio.h>
#include <histedit.h>

/* el_set and history are variadic: Swift cannot call them, so each use gets a fixed signature. */
typedef char *(*cedit_prompt_fn)(EditLine *);
typedef unsigned char (*cedit_command_fn)(EditLine *, int);

static inline int cedit_set_prompt(EditLine *el, cedit_prompt_fn fn) { return el_set(el, EL_PROMPT, fn); }
static inline int cedit_set_editor(EditLine *el, const char *mode) { return el_set(el, EL_EDITOR, mode); }
static inline int cedit_set_signal(EditLine *el, int on) { return el_set(el, EL_SIGNAL, on); }
static inline int cedit_set_history(EditLine *el, History *h) { return el_set(el, EL_HIST, history, h); }
static inline int cedit_add_function(EditLine *el, const char *name, const char *help, cedit_command_fn fn) {
    return el_set(el, EL_ADDFN, name, help, fn);
}
static inline int cedit_bind(EditLine *el, const char *key, const char *name) {
    return el_set(el, EL_BIND, key, name, NULL);
}

static inline int cedit_history_setsize(History *h, int size) {
    HistEvent ev;
    return history(h, &ev, H_SETSIZE, size);
}
static inline int cedit_history_enter(History *h, const char *line) {
    HistEvent ev;
    return history(h, &ev, H_ENTER, line);
}
static inline int cedit_history_load(History *h, const char *path) {
    HistEvent ev;
    return history(h, &ev, H_LOAD, path);
}
/* Saves the history and says whether every byte reached the file: 0, or the errno of the first
   failure (H_SAVE alone does not report a full disk: the buffered writes fail at fclose). */
static inline int cedit_history_save(History *h, const char *path) {
    HistEvent ev;
    FILE *fp = fopen(path, "w");
    if (fp == NULL) return errno ? errno : EIO;
    int saved = history(h, &ev, H_SAVE_FP, fp);
    int failure = (saved < 0 || fflush(fp) != 0 || ferror(fp)) ? (errno ? errno : EIO) : 0;
    if (fclose(fp) != 0 && failure == 0) failure = errno ? errno : EIO;
    return failure;
}

/* Command-function return values, for Swift. */
static inline unsigned char cedit_cc_refresh(void) { return CC_REFRESH; }
static inline unsigned char cedit_cc_redisplay(void) { return CC_REDISPLAY; }
#endif
