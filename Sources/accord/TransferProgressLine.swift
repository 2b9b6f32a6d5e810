import Foundation
import GitStore

/// One self-overwriting line on standard error while a fetch or push moves objects, shown only
/// when standard error is a terminal and the transfer has lasted half a second, so short
/// syncs and scripts see nothing.
final class TransferProgressLine {
    private let enabled = isatty(STDERR_FILENO) == 1
    private let start = Date()
    private var lastDrawn = Date.distantPast
    private var drawn = false

    func update(_ progress: TransferProgress) {
        guard enabled else { return }
        let now = Date()
        let done = progress.totalObjects > 0 && progress.objects == progress.totalObjects
        guard now.timeIntervalSince(start) > 0.5, done || now.timeIntervalSince(lastDrawn) > 0.1 else { return }
        lastDrawn = now
        drawn = true
        let verb = progress.direction == .receiving ? "receiving" : "sending"
        let percent = progress.totalObjects > 0 ? " \(progress.objects * 100 / progress.totalObjects)%" : ""
        let megabytes = String(format: "%.1f MiB", Double(progress.bytes) / 1_048_576)
        let line = "\(verb) objects:\(percent) (\(progress.objects)/\(progress.totalObjects)), \(megabytes)"
        FileHandle.standardError.write(Data("\r\u{1B}[K\(line)".utf8))
    }

    /// Ends the line so later output starts on a fresh one.
    func finish() {
        if drawn { FileHandle.standardError.write(Data("\n".utf8)) }
        drawn = false
    }
}
