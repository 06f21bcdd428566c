// A thin bridge to GNU readline for the terminal shell of `coach`.
//
// Swift 6 refuses to touch mutable C globals directly, so everything the shell needs from
// readline's global state goes through the small static inline functions below.
#ifndef COACH_CREADLINE_SHIM_H
#define COACH_CREADLINE_SHIM_H

#include <stdio.h>
#include <readline/readline.h>
#include <readline/history.h>

/// Makes stdout line-buffered, so a program driving `coach` through a pipe sees each line at once.
static inline void coach_stdout_line_buffered(void) { setvbuf(stdout, NULL, _IOLBF, 0); }

/// The C `stdout` stream (a mutable C global Swift 6 will not touch directly).
static inline FILE *coach_stdout(void) { return stdout; }

/// Flushes stdout.
static inline void coach_stdout_flush(void) { fflush(stdout); }

/// Names the application for `~/.inputrc` conditionals (`$if coach`).
static inline void coach_rl_set_name(const char *name) { rl_readline_name = name; }

/// Installs the completion hook used for slash commands.
static inline void coach_rl_set_completion(rl_completion_func_t *function) {
  rl_attempted_completion_function = function;
}

/// Stops readline from falling back to file-name completion when the hook finds nothing.
static inline void coach_rl_disable_default_completion(void) { rl_attempted_completion_over = 1; }

/// The characters that separate words for completion.
static inline void coach_rl_set_word_breaks(const char *breaks) {
  rl_completer_word_break_characters = (char *)breaks;
}

/// Whether readline installs its own signal handlers.
static inline void coach_rl_set_catch_signals(int value) { rl_catch_signals = value; }

/// The text of the line being edited, for completion callbacks.
static inline const char *coach_rl_line_buffer(void) { return rl_line_buffer; }

/// Start of the word being completed, in bytes.
static inline int coach_rl_point(void) { return rl_point; }

/// Asks readline to return from the current `readline()` call.
static inline void coach_rl_set_done(int value) { rl_done = value; }

/// Hook called periodically while readline waits for input (used to notice signals).
static inline void coach_rl_set_event_hook(rl_hook_func_t *hook) { rl_event_hook = hook; }

/// Hook called when readline notices a signal (readline >= 8).
static inline void coach_rl_set_signal_event_hook(rl_hook_func_t *hook) {
  rl_signal_event_hook = hook;
}

/// Whether readline has a pending signal.
static inline int coach_rl_pending_signal(void) { return rl_pending_signal(); }

#endif
