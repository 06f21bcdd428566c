// A thin bridge to GNU readline for the terminal shell of `coach`.
//
// Swift 6 refuses to touch mutable C globals directly, so everything the shell needs from
// readline's global state goes through the small static inline functions below.
#ifndef COACH_CREADLINE_SHIM_H
#define COACH_CREADLINE_SHIM_H

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/select.h>
#include <unistd.h>
#include <readline/readline.h>
#include <readline/history.h>

/// Makes stdout line-buffered, so a program driving `coach` through a pipe sees each line at once.
static inline void coach_stdout_line_buffered(void) { setvbuf(stdout, NULL, _IOLBF, 0); }

/// The C `stdout` stream (a mutable C global Swift 6 will not touch directly).
static inline FILE *coach_stdout(void) { return stdout; }

/// Flushes stdout.
static inline int coach_stdout_flush(void) { return fflush(stdout); }

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

/// The length of the line being edited, in bytes.
static inline int coach_rl_end(void) { return rl_end; }

/// Moves the cursor of the line being edited to `point` (a byte offset).
static inline void coach_rl_set_point(int point) { rl_point = point; }

/// How many entries the in-memory history holds.
static inline int coach_history_length(void) { return history_length; }

/// The text of the newest history entry, or NULL when the history is empty.
static inline const char *coach_history_last_line(void) {
  if (history_length <= 0) return NULL;
  HIST_ENTRY *entry = history_get(history_base + history_length - 1);
  return entry ? entry->line : NULL;
}

/// Whether readline handles window-size changes while it is reading.
static inline void coach_rl_set_catch_sigwinch(int value) { rl_catch_sigwinch = value; }

/// Whether readline may set `LINES` and `COLUMNS` in the environment.
static inline void coach_rl_set_change_environment(int value) { rl_change_environment = value; }

// MARK: - Signals while waiting for a key
//
// The terminal reader waits for input itself (readline's callback interface) so that Ctrl-C can end
// the wait without killing the process. The handler below only records which signal arrived; the
// wait happens in `pselect` with the signals unblocked, so a signal cannot slip in between checking
// the flags and starting to wait.
//
// These functions and the flags are `static`, so every object file that uses them gets its own copy:
// call them from ONE Swift file only (Terminal/Signals.swift).

/// Bits of `coach_signal_flags`.
#define COACH_SIGNAL_INT 1
#define COACH_SIGNAL_WINCH 2
#define COACH_SIGNAL_TSTP 4
#define COACH_SIGNAL_TERM 8

static volatile sig_atomic_t coach_signal_flags = 0;
/// The signal that asked the process to end (SIGTERM, SIGHUP, or SIGINT when it ends a session),
/// or 0. Once set it stays set: the session is saved, then the process ends with it.
static volatile sig_atomic_t coach_termination_signal = 0;
/// Whether SIGINT ends the process (on piped input) rather than cancelling a line.
static volatile sig_atomic_t coach_interrupt_terminates = 0;

static void coach_signal_record(int signal_number) {
  if (signal_number == SIGINT) {
    coach_signal_flags = coach_signal_flags | COACH_SIGNAL_INT;
    if (coach_interrupt_terminates && coach_termination_signal == 0) {
      coach_termination_signal = SIGINT;
      coach_signal_flags = coach_signal_flags | COACH_SIGNAL_TERM;
    }
  }
  if (signal_number == SIGWINCH) coach_signal_flags = coach_signal_flags | COACH_SIGNAL_WINCH;
  if (signal_number == SIGTSTP) coach_signal_flags = coach_signal_flags | COACH_SIGNAL_TSTP;
  if (signal_number == SIGTERM || signal_number == SIGHUP) {
    if (coach_termination_signal == 0) coach_termination_signal = signal_number;
    coach_signal_flags = coach_signal_flags | COACH_SIGNAL_TERM;
  }
}

/// The signals that end a session: SIGTERM, SIGHUP, and SIGINT when `interrupt` is set.
static inline void coach_termination_set(sigset_t *set, int interrupt) {
  sigemptyset(set);
  sigaddset(set, SIGTERM);
  sigaddset(set, SIGHUP);
  if (interrupt) sigaddset(set, SIGINT);
}

/// From now on SIGTERM and SIGHUP (and SIGINT when `interrupt` is set) are recorded instead of
/// killing the process, and held blocked except while waiting for input, so the session can be
/// saved before the process ends; SIGPIPE is ignored (a closed output must not lose the session)
/// and so is SIGQUIT (Ctrl-\ would otherwise end in a crash report). Returns 0 on success.
static inline int coach_termination_catch(int interrupt) {
  coach_interrupt_terminates = interrupt;
  struct sigaction action;
  action.sa_handler = coach_signal_record;
  sigemptyset(&action.sa_mask);
  action.sa_flags = 0;
  struct sigaction ignore;
  ignore.sa_handler = SIG_IGN;
  sigemptyset(&ignore.sa_mask);
  ignore.sa_flags = 0;
  sigset_t block;
  coach_termination_set(&block, interrupt);
  if (sigprocmask(SIG_BLOCK, &block, NULL) != 0) return -1;
  if (sigaction(SIGTERM, &action, NULL) != 0) return -1;
  if (sigaction(SIGHUP, &action, NULL) != 0) return -1;
  if (interrupt && sigaction(SIGINT, &action, NULL) != 0) return -1;
  if (sigaction(SIGPIPE, &ignore, NULL) != 0) return -1;
  if (sigaction(SIGQUIT, &ignore, NULL) != 0) return -1;
  return 0;
}

/// The termination signal recorded so far, or 0 (held signals are not let in).
static inline int coach_signals_peek_termination(void) { return coach_termination_signal; }

/// Lets any held termination signal in (it is recorded), and returns the one that asked the
/// process to end, or 0.
static inline int coach_termination_take(void) {
  sigset_t unblock;
  coach_termination_set(&unblock, coach_interrupt_terminates);
  sigprocmask(SIG_UNBLOCK, &unblock, NULL);
  return coach_termination_signal;
}

/// Ends the process with `signal_number`, as its default action would: the parent sees the
/// conventional status (128 + the number in a shell).
static inline void coach_termination_finish(int signal_number) {
  fflush(stdout);
  signal(signal_number, SIG_DFL);
  sigset_t unblock;
  sigemptyset(&unblock);
  sigaddset(&unblock, signal_number);
  sigprocmask(SIG_UNBLOCK, &unblock, NULL);
  raise(signal_number);
  _exit(128 + signal_number);
}

/// Waits until `fd` is readable or a termination signal arrives (they are unblocked only for the
/// wait). Returns 1 when readable, 0 when a signal ended the wait, -1 on another error.
static inline int coach_wait_readable_plain(int fd) {
  if (coach_termination_signal != 0) return 0;
  sigset_t during;
  sigprocmask(SIG_SETMASK, NULL, &during);
  sigdelset(&during, SIGTERM);
  sigdelset(&during, SIGHUP);
  sigdelset(&during, SIGINT);
  fd_set readable;
  FD_ZERO(&readable);
  FD_SET(fd, &readable);
  int result = pselect(fd + 1, &readable, NULL, NULL, NULL, &during);
  if (result > 0) return 1;
  if (result < 0 && errno == EINTR) return 0;
  return -1;
}

/// The handlers and signal mask in force before `coach_signals_begin`.
typedef struct {
  struct sigaction interrupt;
  struct sigaction winch;
  struct sigaction stop;
  sigset_t mask;
} coach_signal_state;

/// Installs the recording handlers for SIGINT, SIGWINCH and SIGTSTP and blocks them, saving what
/// was there before in `saved`. Returns 0 on success.
static inline int coach_signals_begin(coach_signal_state *saved) {
  sigset_t block;
  sigemptyset(&block);
  sigaddset(&block, SIGINT);
  sigaddset(&block, SIGWINCH);
  sigaddset(&block, SIGTSTP);
  if (sigprocmask(SIG_BLOCK, &block, &saved->mask) != 0) return -1;
  struct sigaction action;
  action.sa_handler = coach_signal_record;
  sigemptyset(&action.sa_mask);
  action.sa_flags = 0;
  coach_signal_flags = coach_signal_flags & COACH_SIGNAL_TERM;
  if (sigaction(SIGINT, &action, &saved->interrupt) != 0) return -1;
  if (sigaction(SIGWINCH, &action, &saved->winch) != 0) return -1;
  if (sigaction(SIGTSTP, &action, &saved->stop) != 0) return -1;
  return 0;
}

/// Restores the handlers and the signal mask saved by `coach_signals_begin`. A Ctrl-C that arrived
/// after the last wait is dropped, so it does not reach the restored handler.
static inline void coach_signals_end(const coach_signal_state *saved) {
  sigset_t pending;
  struct sigaction ignore;
  ignore.sa_handler = SIG_IGN;
  sigemptyset(&ignore.sa_mask);
  ignore.sa_flags = 0;
  if (sigpending(&pending) == 0 && sigismember(&pending, SIGINT)) {
    // Discard the pending Ctrl-C: ignoring a pending signal drops it.
    sigaction(SIGINT, &ignore, NULL);
  }
  sigaction(SIGINT, &saved->interrupt, NULL);
  sigaction(SIGWINCH, &saved->winch, NULL);
  sigaction(SIGTSTP, &saved->stop, NULL);
  sigprocmask(SIG_SETMASK, &saved->mask, NULL);
}

/// Waits until `fd` is readable or a signal arrives (with the handled signals unblocked only for
/// the wait). Returns 1 when readable, 0 when interrupted by a signal, -1 on another error.
static inline int coach_wait_readable(int fd, const coach_signal_state *saved) {
  if (coach_signal_flags != 0) return 0;
  fd_set readable;
  FD_ZERO(&readable);
  FD_SET(fd, &readable);
  sigset_t during = saved->mask;
  sigdelset(&during, SIGINT);
  sigdelset(&during, SIGWINCH);
  sigdelset(&during, SIGTSTP);
  sigdelset(&during, SIGTERM);
  sigdelset(&during, SIGHUP);
  int result = pselect(fd + 1, &readable, NULL, NULL, NULL, &during);
  if (result > 0) return 1;
  if (result < 0 && errno == EINTR) return 0;
  return -1;
}

/// Stops the process as Ctrl-Z asks (the caller restores the terminal first and redraws after):
/// runs the saved SIGTSTP action, normally the default one that stops, then puts the recording
/// handler back once the process is continued.
static inline void coach_suspend(const coach_signal_state *saved) {
  struct sigaction action;
  sigaction(SIGTSTP, &saved->stop, &action);
  sigset_t unblock;
  sigemptyset(&unblock);
  sigaddset(&unblock, SIGTSTP);
  raise(SIGTSTP);
  sigprocmask(SIG_UNBLOCK, &unblock, NULL);  // the pending stop is delivered here
  sigprocmask(SIG_BLOCK, &unblock, NULL);
  sigaction(SIGTSTP, &action, NULL);
}

/// Returns the signals recorded since the last call (`COACH_SIGNAL_*` bits) and clears them.
static inline int coach_signals_take(void) {
  int flags = coach_signal_flags;
  coach_signal_flags = flags & COACH_SIGNAL_TERM;
  return flags;
}

#endif
