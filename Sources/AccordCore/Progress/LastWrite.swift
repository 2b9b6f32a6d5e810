internal import Foundation
public import GitStore

/// The last record accord wrote in this copy, kept in `<git folder>/accord/last-write`
/// (`<commit> <record id>`), so that `accord undo` takes back only a write made here.
public enum LastWrite {
    static func file(_ repository: Repository) -> URL {
        repository.gitDirectory.appendingPathComponent("accord/last-write")
    }

    /// Remembers `commit`, which wrote `record`; a failure only means undo will not offer it.
    public static func remember(_ commit: ObjectID, record: String, in repository: Repository) {
        let url = file(repository)
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? Data("\(commit.hex) \(record)\n".utf8).write(to: url, options: .atomic)
    }

    /// The last write remembered in `repository`, if any.
    public static func read(_ repository: Repository) -> (commit: ObjectID, record: String)? {
        guard let text = try? String(contentsOf: file(repository), encoding: .utf8) else { return nil }
        let parts = text.split(separator: " ").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        guard parts.count == 2, let commit = ObjectID(hex: parts[0]) else { return nil }
        return (commit, parts[1])
    }

    /// Forgets the last write (after it was undone).
    public static func forget(_ repository: Repository) {
        try? FileManager.default.removeItem(at: file(repository))
    }
}
