import CEditline
import Synchronization

// Every use of the shim's SIGINT flag must stay in this one file: the flag is
// `static` in the C header, so each object file that touches it has its own copy.

/// Ctrl-C while a command runs: the shell polls this to stop long work and return to the prompt.
///
/// The handler is C code in the CEditline shim that only sets a `sig_atomic_t` flag; no
/// Swift runs in signal context. It is installed with `SA_RESTART`, so ordinary system
/// calls are not broken by Ctrl-C; `EditlineLineSource` still sees Ctrl-C at the prompt.
public enum Interrupt {
    private static let installed = Mutex(false)

    /// Installs the SIGINT handler (once). After this, Ctrl-C sets the flag instead of killing the process; with
    /// `secondKills` (a script or `-e`, where no prompt clears the flag) only the first Ctrl-C does, and a second kills.
    public static func install(secondKills: Bool = false) {
        installed.withLock { done in
            guard !done else { return }
            if dossier_install_sigint_handler(secondKills ? 1 : 0) == 0 { done = true }
        }
    }

    /// True once Ctrl-C has been pressed since the last `reset()`; safe from any thread.
    public static var isRequested: Bool {
        dossier_interrupt_requested() != 0
    }

    /// Clears the flag. Call it before running each command. `EditlineLineSource.readLine`
    /// also clears it when it starts waiting and after a Ctrl-C at the prompt.
    public static func reset() {
        dossier_interrupt_reset()
    }
}
