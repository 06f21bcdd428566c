import CReadline

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The process's signals during a session: the one place that calls the shim's signal functions
/// (they keep their state in `static` C variables, one copy per object file that uses them).
///
/// A command that holds the user's work (a practice session, a drill, a guided exercise) calls
/// ``catchTermination(interruptEnds:)`` first. From then on SIGTERM, SIGHUP (a closed terminal
/// window) and, on piped input, SIGINT no longer kill the process: they end the wait for input,
/// every line reader then reports the end of input, the command saves what it has, and
/// ``endIfTerminated()`` ends the process with the signal, so the parent sees the conventional
/// status. SIGPIPE is ignored (a closed output must not lose the session) and so is SIGQUIT.
enum Signals {
  /// Starts catching the signals that end a session; `interruptEnds` makes SIGINT one of them
  /// (for piped input, where Ctrl-C cannot mean "cancel this line").
  static func catchTermination(interruptEnds: Bool) {
    _ = coach_termination_catch(interruptEnds ? 1 : 0)
  }

  /// Whether a termination signal has arrived (without letting held ones in).
  static var terminationRequested: Bool { coach_signals_peek_termination() != 0 }

  /// Lets held termination signals in; if one asked the process to end, ends it with that signal
  /// now. Call once everything is saved.
  static func endIfTerminated() {
    let signal = coach_termination_take()
    guard signal != 0 else { return }
    coach_termination_finish(signal)
  }

  /// Waits until `fd` is readable; `false` when a termination signal ended the wait (or on error).
  static func waitReadable(_ fd: Int32) -> Bool {
    coach_wait_readable_plain(fd) == 1
  }

  /// Spawn attributes that start a child process with the default signal handling and nothing
  /// blocked, whatever this process holds blocked or ignores during a session. Destroy them with
  /// `posix_spawnattr_destroy` after use.
  static func childAttributes() -> posix_spawnattr_t {
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    var defaults = sigset_t()
    sigemptyset(&defaults)
    for signal in [SIGPIPE, SIGQUIT, SIGTERM, SIGHUP, SIGINT] { sigaddset(&defaults, signal) }
    var nothing = sigset_t()
    sigemptyset(&nothing)
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    posix_spawnattr_setsigmask(&attributes, &nothing)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
    return attributes
  }

  // MARK: - The terminal reader's signals

  /// What the terminal reader's wait reported.
  enum Wake {
    case readable
    case signals(Int32)
    case failed
  }

  /// Installs the terminal reader's handlers (SIGINT, SIGWINCH, SIGTSTP); `nil` if they could
  /// not be installed.
  static func beginLine() -> coach_signal_state? {
    var state = coach_signal_state()
    return coach_signals_begin(&state) == 0 ? state : nil
  }

  /// Restores what ``beginLine()`` replaced.
  static func endLine(_ state: coach_signal_state) {
    var state = state
    coach_signals_end(&state)
  }

  /// Waits for a key or a signal on the terminal.
  static func waitForKey(_ state: coach_signal_state) -> Wake {
    var state = state
    let ready = coach_wait_readable(0, &state)
    if ready > 0 { return .readable }
    if ready < 0 { return .failed }
    return .signals(coach_signals_take())
  }

  /// Ctrl-Z: stops the process (the caller restores the terminal first).
  static func suspend(_ state: coach_signal_state) {
    var state = state
    coach_suspend(&state)
  }
}
