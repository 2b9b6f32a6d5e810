internal import CLibGit2

/// How one path differs between two commits.
public struct PathChange: Sendable, Equatable {
    /// The kind of difference.
    public enum Kind: Sendable, Equatable {
        /// The path is new.
        case added
        /// The path's content (or mode) changed.
        case modified
        /// The path is gone.
        case deleted
    }

    /// The file's path from the repository root.
    public let path: String
    /// The kind of difference.
    public let kind: Kind
    /// The blob before; nil when added.
    public let oldID: ObjectID?
    /// The blob after; nil when deleted.
    public let newID: ObjectID?
}

extension Repository {
    /// The files that differ between two commits, by path (renames show as a deletion and an
    /// addition). `from` nil compares against the empty tree, so every file is added.
    public func changes(from old: ObjectID?, to new: ObjectID) throws -> [PathChange] {
        try withTree(of: new) { newTree in
            if let old {
                return try withTree(of: old) { oldTree in try diff(oldTree, newTree) }
            }
            return try diff(nil, newTree)
        }
    }

    private func diff(_ oldTree: OpaquePointer?, _ newTree: OpaquePointer) throws -> [PathChange] {
        var diff: OpaquePointer?
        try check(git_diff_tree_to_tree(&diff, pointer, oldTree, newTree, nil), "cannot compare trees")
        guard let diff else { return [] }
        defer { git_diff_free(diff) }
        return (0..<git_diff_num_deltas(diff)).compactMap { index in
            guard let delta = git_diff_get_delta(diff, index)?.pointee else { return nil }
            switch delta.status {
            case GIT_DELTA_ADDED:
                return PathChange(path: decodeCString(delta.new_file.path) ?? "", kind: .added,
                                  oldID: nil, newID: ObjectID(delta.new_file.id))
            case GIT_DELTA_DELETED:
                return PathChange(path: decodeCString(delta.old_file.path) ?? "", kind: .deleted,
                                  oldID: ObjectID(delta.old_file.id), newID: nil)
            default:
                return PathChange(path: decodeCString(delta.new_file.path) ?? "", kind: .modified,
                                  oldID: ObjectID(delta.old_file.id), newID: ObjectID(delta.new_file.id))
            }
        }
    }
}
