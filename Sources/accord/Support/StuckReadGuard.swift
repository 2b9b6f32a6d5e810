import AccordCore
import Foundation
import GitStore

/// Stops a reading command that libgit2 holds in a loop on a damaged loose object (a file
/// cut short: libgit2 1.5 inflates it forever, where git fails at once).
///
/// Nothing is checked while the command runs normally. Once it has run `after` seconds, a
/// thread inflates the loose objects itself, with zlib; if one is damaged, the command
/// cannot be trusted to finish: it stops with one `accord:` line naming the object and
/// pointing to `accord verify`, exit 74. A slow command over a sound repository goes on.
/// Only for commands that write nothing: the process ends wherever it is.
enum StuckReadGuard {
    /// Seconds a command runs before the loose objects are looked at.
    static let patience: TimeInterval = 2

    static func start(gitDirectory: URL, after seconds: TimeInterval = patience) {
        let thread = Thread {
            Thread.sleep(forTimeInterval: seconds)
            guard let damage = LooseObjects.damaged(in: gitDirectory, limit: 1).first else { return }
            let problem = switch damage.problem {
            case .truncated: L10n.t("its file is cut short")
            case .corrupt: L10n.t("its file is not intact")
            case .wrongLength: L10n.t("its file holds another length than it says")
            case .unreadable: L10n.t("its file cannot be read")
            }
            let message = L10n.t("the stored object {1} is damaged ({2}: {3}), and reading it cannot finish. Nothing was changed; run accord verify to see what it holds, and restore it from another copy", damage.id, problem, damage.path)
            FileHandle.standardError.write(Data("accord: \(message)\n".utf8))
            _exit(ExitStatus.ioError.rawValue)
        }
        thread.stackSize = 1 << 20
        thread.start()
    }
}
