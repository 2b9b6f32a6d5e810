import Foundation
#if canImport(Glibc)
internal import Glibc
#endif

/// Ends a fetch or push that makes no progress for a while.
///
/// libgit2 1.5 has no network timeout: a server that accepts the connection and then says
/// nothing leaves the calling thread blocked in `connect` or `recv` for ever. The watchdog
/// runs on a thread of its own; once `limit` seconds pass without `noteProgress()`, it marks
/// itself fired and interrupts the blocked system call with a signal whose handler does
/// nothing and was installed without `SA_RESTART`, so the call returns `EINTR` and libgit2
/// gives up on the socket. Callbacks that run after that return an error (`hasFired`), which
/// is libgit2's own way to cancel a transfer that is still trickling in.
///
/// Create it on the thread that runs the transfer and call `finish()` on that thread before
/// the transfer's function returns: the signal is only ever sent while `finish()` has not run,
/// so it can never reach a thread that has moved on to other work.
final class TransferWatchdog: @unchecked Sendable {
    /// The signal that interrupts the transfer thread; nothing else in GitStore uses it.
    static let interruptSignal = SIGUSR2

    let limit: TimeInterval
    private let condition = NSCondition()
    private let transferThread = pthread_self()
    private var lastProgress = DispatchTime.now()
    private var finished = false
    private var fired = false

    /// Starts watching the calling thread; `limit` in seconds, more than zero.
    init(limit: TimeInterval) {
        self.limit = limit
        _ = installInterruptHandler
        var unblocked = sigset_t()
        sigemptyset(&unblocked)
        sigaddset(&unblocked, Self.interruptSignal)
        pthread_sigmask(SIG_UNBLOCK, &unblocked, nil)
        let thread = Thread { [self] in watch() }
        thread.name = "transfer watchdog"
        thread.start()
    }

    /// Something moved: bytes arrived or left, or the server spoke.
    func noteProgress() {
        condition.lock()
        lastProgress = DispatchTime.now()
        condition.unlock()
    }

    /// True once the limit passed with no progress.
    var hasFired: Bool {
        condition.lock()
        defer { condition.unlock() }
        return fired
    }

    /// Stops watching; call on the transfer thread when the transfer returned.
    func finish() {
        condition.lock()
        finished = true
        condition.signal()
        condition.unlock()
    }

    private func watch() {
        condition.lock()
        defer { condition.unlock() }
        while !finished {
            let idle = Double(DispatchTime.now().uptimeNanoseconds - lastProgress.uptimeNanoseconds) / 1e9
            if idle >= limit {
                fired = true
                pthread_kill(transferThread, Self.interruptSignal)
                // libgit2 may retry or block again; keep interrupting until the transfer ends.
                _ = condition.wait(until: Date(timeIntervalSinceNow: 0.2))
            } else {
                _ = condition.wait(until: Date(timeIntervalSinceNow: limit - idle))
            }
        }
    }
}

/// A handler that does nothing, installed once, whose only effect is that a blocking
/// system call on the signalled thread returns `EINTR` instead of being restarted.
private let installInterruptHandler: Void = {
    var action = sigaction()
    action.__sigaction_handler.sa_handler = { _ in }
    sigemptyset(&action.sa_mask)
    action.sa_flags = 0  // no SA_RESTART: the blocked call must return
    sigaction(TransferWatchdog.interruptSignal, &action, nil)
}()
