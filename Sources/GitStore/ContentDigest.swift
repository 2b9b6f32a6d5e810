internal import CLibGit2
import Foundation

/// A fingerprint of everything a tracker holds at one commit: two copies with the same files
/// have the same digest whatever their histories, so comparing digests proves they agree.
public struct ContentDigest: Sendable, Codable, Equatable {
    /// SHA-256 in hex over, for every file in byte order of its path: the path, a NUL byte,
    /// the blob id in hex, a newline. Folders, modes and commits do not enter it.
    public let sha256: String
    /// How many files it covers.
    public let files: Int
    /// The commit it was taken at (nil for a tracker with no commit yet).
    public let commit: ObjectID?
}

extension Repository {
    /// The digest of the files at `revision` (default: HEAD).
    public func contentDigest(at revision: String = "HEAD") throws -> ContentDigest {
        var object: OpaquePointer?
        let code = git_revparse_single(&object, pointer, revision + "^{commit}")
        if code == GIT_ENOTFOUND.rawValue, revision == "HEAD", git_repository_head_unborn(pointer) == 1 {
            let empty = SHA256()
            return ContentDigest(sha256: empty.finalize(), files: 0, commit: nil)
        }
        if code == GIT_ENOTFOUND.rawValue || code == GIT_EINVALIDSPEC.rawValue {
            throw GitError(.notFound, "there is no revision '\(revision)'", code: code)
        }
        try check(code, "cannot read the revision '\(revision)'")
        defer { git_object_free(object) }
        let commit = git_object_id(object).pointee

        var tree: OpaquePointer?
        try check(git_commit_tree(&tree, object), "cannot read the tree of \(revision)")
        defer { git_tree_free(tree) }

        final class Entries { var list: [(path: [UInt8], blob: String)] = [] }
        let entries = Entries()
        try check(withExtendedLifetime(entries) {
            git_tree_walk(tree, GIT_TREEWALK_PRE, { root, entry, payload in
                guard let root, let entry, let payload, git_tree_entry_type(entry) == GIT_OBJECT_BLOB else { return 0 }
                // Paths are bytes in git; hash them as stored, not as decoded text.
                let path = bytes(root) + bytes(git_tree_entry_name(entry))
                Unmanaged<Entries>.fromOpaque(payload).takeUnretainedValue()
                    .list.append((path, ObjectID(git_tree_entry_id(entry)).hex))
                return 0
            }, Unmanaged.passUnretained(entries).toOpaque())
        }, "cannot list the files of \(revision)")

        let hash = SHA256()
        for entry in entries.list.sorted(by: { $0.path.lexicographicallyPrecedes($1.path) }) {
            hash.update(entry.path)
            hash.update([0])
            hash.update(entry.blob.utf8)
            hash.update([0x0A])
        }
        return ContentDigest(sha256: hash.finalize(), files: entries.list.count, commit: ObjectID(commit))
    }
}

private func bytes(_ string: UnsafePointer<CChar>) -> [UInt8] {
    Array(UnsafeRawBufferPointer(start: string, count: strlen(string)))
}
