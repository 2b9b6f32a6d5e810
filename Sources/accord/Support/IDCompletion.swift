import AccordCore
import ArgumentParser
import Foundation
import GitStore

/// Shell completion of ids (`tip-2005#7.2`) from the tracker the command line names
/// (`--repo`, else `$ACCORD_REPO`, else the current folder). Completion must be quick and
/// quiet: any failure completes nothing and prints nothing.
enum IDCompletion {
    /// Completes the ids of `kinds` (every kind when nil).
    static func ids(_ kinds: Set<IDResolver.Kind>? = nil) -> CompletionKind {
        .custom { words, _, prefix in candidates(words: words, prefix: prefix, kinds: kinds) }
    }

    /// The ids starting with `prefix`, sorted.
    static func candidates(words: [String], prefix: String, kinds: Set<IDResolver.Kind>?) -> [String] {
        var repo: String?
        if let index = words.firstIndex(of: "--repo"), index + 1 < words.count {
            repo = words[index + 1]
        } else if let word = words.first(where: { $0.hasPrefix("--repo=") }) {
            repo = String(word.dropFirst("--repo=".count))
        }
        let here = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
        guard let repository = try? TrackerLocation.openTracker(
                  explicit: repo, environment: ProcessInfo.processInfo.environment, currentDirectory: here),
              let commit = try? repository.resolve("HEAD"),
              let snapshot = try? TrackerSnapshot.load(repository: repository, commit: commit)
        else { return [] }
        return IDResolver(snapshot).catalog
            .filter { $0.key.hasPrefix(prefix) && (kinds?.contains($0.value) ?? true) }
            .map(\.key)
            .sorted()
    }
}
