internal import CLibGit2
internal import Foundation

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

    /// Creates a change.
    public init(path: String, kind: Kind, oldID: ObjectID?, newID: ObjectID?) {
        self.path = path
        self.kind = kind
        self.oldID = oldID
        self.newID = newID
    }
}

extension Repository {
    /// The files that differ between two commits, by path (renames show as a deletion and an
    /// addition). `from` nil compares against the empty tree, so every file is added.
    public func changes(from old: ObjectID?, to new: ObjectID) throws -> [PathChange] {
        let trees = TreeComparison(repository: self)
        let newTree = try trees.rootTree(ofCommit: RawObjectID(new))
        let oldTree = try old.map { try trees.rootTree(ofCommit: RawObjectID($0)) }
        return try trees.changes(from: oldTree, to: newTree).map(\.pathChange)
    }
}

/// One difference found by `TreeComparison`, with ids kept raw (`.none` for absent).
struct RawPathChange {
    var path: String
    var kind: PathChange.Kind
    var oldID: RawObjectID
    var newID: RawObjectID

    var pathChange: PathChange {
        PathChange(path: path, kind: kind, oldID: oldID.isNone ? nil : oldID.objectID,
                   newID: newID.isNone ? nil : newID.objectID)
    }
}

/// Compares trees entry by entry, walking both sorted entry lists side by side and comparing
/// raw ids, so that only changed entries cost a string; a folder whose id is the same on both
/// sides is skipped whole (libgit2 1.5's tree diff walks every entry of both trees, 20 ms a
/// commit on a 120,000-file tracker).
///
/// Trees stay loaded between calls: walking history child first, the trees read as the
/// parent side of one commit are the child side of the next, and a record folder of a few
/// thousand entries is too large for libgit2's own object cache. Trees not used by the last
/// two comparisons are freed (`endStep`). Not `Sendable`: it holds libgit2 handles.
final class TreeComparison {
    private let repository: Repository
    private var trees: [RawObjectID: (tree: OpaquePointer, step: Int)] = [:]
    private var step = 0

    init(repository: Repository) {
        self.repository = repository
    }

    deinit {
        for (tree, _) in trees.values { git_tree_free(tree) }
    }

    /// The id of the root tree of a commit.
    func rootTree(ofCommit commit: RawObjectID) throws -> RawObjectID {
        try repository.withCommit(commit) { RawObjectID(git_commit_tree_id($0)) }
    }

    /// The files that differ between two root trees (`old` nil: every file is added), sorted
    /// by path as Swift compares strings.
    func changes(from old: RawObjectID?, to new: RawObjectID) throws -> [RawPathChange] {
        var result: [RawPathChange] = []
        if old != new {
            try compare(old.map(tree), try tree(new), under: "", into: &result)
        }
        return result.sorted { $0.path < $1.path }
    }

    /// Frees the trees that neither this step nor the one before used.
    func endStep() {
        let keep = step
        for (id, entry) in trees where entry.step < keep {
            git_tree_free(entry.tree)
            trees[id] = nil
        }
        step += 1
    }

    private func tree(_ id: RawObjectID) throws -> OpaquePointer {
        if let cached = trees[id] {
            trees[id] = (cached.tree, step)
            return cached.tree
        }
        var oid = id.oid
        var tree: OpaquePointer?
        try check(git_tree_lookup(&tree, repository.pointer, &oid), "cannot read folder \(id.objectID.short)")
        guard let tree else { throw GitError(.notFound, "cannot read folder \(id.objectID.short)") }
        trees[id] = (tree, step)
        return tree
    }

    private func compare(_ oldTree: OpaquePointer?, _ newTree: OpaquePointer?, under folder: String,
                         into result: inout [RawPathChange]) throws {
        let oldCount = oldTree.map(git_tree_entrycount) ?? 0
        let newCount = newTree.map(git_tree_entrycount) ?? 0
        var oldIndex = 0, newIndex = 0
        while oldIndex < oldCount || newIndex < newCount {
            let before = oldIndex < oldCount ? git_tree_entry_byindex(oldTree, oldIndex) : nil
            let after = newIndex < newCount ? git_tree_entry_byindex(newTree, newIndex) : nil
            let order: Int32
            switch (before, after) {
            case let (before?, after?): order = Self.order(before, after)
            case (_?, nil): order = -1
            default: order = 1
            }
            if order < 0 {
                try record(before, nil, under: folder, into: &result)
                oldIndex += 1
            } else if order > 0 {
                try record(nil, after, under: folder, into: &result)
                newIndex += 1
            } else {
                if let before, let after,
                   git_oid_equal(git_tree_entry_id(before), git_tree_entry_id(after)) == 0
                    || git_tree_entry_filemode(before) != git_tree_entry_filemode(after) {
                    try record(before, after, under: folder, into: &result)
                }
                oldIndex += 1
                newIndex += 1
            }
        }
    }

    /// Records the difference between two entries of the same name and kind (folder or not),
    /// or one entry alone; folders are compared recursively.
    private func record(_ before: OpaquePointer?, _ after: OpaquePointer?, under folder: String,
                        into result: inout [RawPathChange]) throws {
        guard let entry = before ?? after else { return }
        let name = decodeCString(git_tree_entry_name(entry)) ?? ""
        let path = folder.isEmpty ? name : "\(folder)/\(name)"
        if Self.isFolder(entry) {
            try compare(try before.map { try tree(RawObjectID(git_tree_entry_id($0))) },
                        try after.map { try tree(RawObjectID(git_tree_entry_id($0))) },
                        under: path, into: &result)
            return
        }
        let oldID = before.map { RawObjectID(git_tree_entry_id($0)) } ?? .none
        let newID = after.map { RawObjectID(git_tree_entry_id($0)) } ?? .none
        let kind: PathChange.Kind = before == nil ? .added : after == nil ? .deleted : .modified
        result.append(RawPathChange(path: path, kind: kind, oldID: oldID, newID: newID))
    }

    private static func isFolder(_ entry: OpaquePointer) -> Bool {
        git_tree_entry_filemode(entry) == GIT_FILEMODE_TREE
    }

    /// Git's order of tree entries: by name bytes, a folder's name read as if it ended in "/".
    /// Git's order of tree entries (a folder's name compares as if it ended in `/`), through
    /// libgit2, which knows each name's length: measuring the names with `strlen` was most of
    /// comparing two large folders.
    private static func order(_ left: OpaquePointer, _ right: OpaquePointer) -> Int32 {
        git_tree_entry_cmp(left, right)
    }
}
