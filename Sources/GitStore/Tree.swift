public import Foundation
internal import CLibGit2

/// One entry of a tree: a file, a folder, or something else (a submodule link).
public struct TreeEntry: Sendable, Equatable {
    /// What the entry holds.
    public enum Kind: Sendable, Equatable {
        /// A file.
        case blob
        /// A folder.
        case tree
        /// A submodule commit or anything else.
        case other
    }

    /// The last component of the path.
    public let name: String
    /// The full path from the repository root.
    public let path: String
    /// The id of the blob or tree; equal ids mean equal content.
    public let id: ObjectID
    /// What the entry holds.
    public let kind: Kind
}

extension Repository {
    /// The bytes of the file at `path` in `commit`; nil when there is no such file.
    /// Throws `.invalid` when the path is a folder.
    public func read(_ path: String, at commit: ObjectID) throws -> Data? {
        guard let entry = try entry(path, at: commit) else { return nil }
        guard entry.kind == .blob else {
            throw GitError(.invalid, "\"\(path)\" is a folder, not a file, at commit \(commit.short)")
        }
        return try blob(entry.id)
    }

    /// The git blob id `data` has (or would have) in any repository, without storing it:
    /// the name of content-addressed files such as attachments.
    public static func blobID(of data: Data) throws -> ObjectID {
        var oid = git_oid()
        let code = data.withUnsafeBytes { bytes in
            git_odb_hash(&oid, bytes.baseAddress, bytes.count, GIT_OBJECT_BLOB)
        }
        try check(code, "cannot hash file content")
        return ObjectID(oid)
    }

    /// The bytes of a blob.
    public func blob(_ id: ObjectID) throws -> Data {
        var oid = id.oid
        var blob: OpaquePointer?
        try check(git_blob_lookup(&blob, pointer, &oid), "no file content \(id.short)")
        guard let blob else { throw GitError(.notFound, "no file content \(id.short)") }
        defer { git_blob_free(blob) }
        let size = Int(git_blob_rawsize(blob))
        guard size > 0, let bytes = git_blob_rawcontent(blob) else { return Data() }
        return Data(bytes: bytes, count: size)
    }

    /// The entry at `path` in `commit` without reading its content; nil when absent.
    /// `""` names the root folder.
    public func entry(_ path: String, at commit: ObjectID) throws -> TreeEntry? {
        let path = Self.normalized(path)
        return try withTree(of: commit) { tree in
            if path.isEmpty {
                return TreeEntry(name: "", path: "", id: ObjectID(git_tree_id(tree)), kind: .tree)
            }
            return try Self.entry(path, in: tree)
        }
    }

    /// The entries of one folder (`""` for the root), sorted by name; empty when absent.
    public func list(_ folder: String, at commit: ObjectID) throws -> [TreeEntry] {
        let folder = Self.normalized(folder)
        return try withTree(of: commit) { root in
            try withSubtree(folder, of: root) { tree in tree.map { entries(of: $0, under: folder) } ?? [] }
        }
    }

    /// Every file under `folder` (`""` for all), at any depth, in path order.
    public func files(under folder: String, at commit: ObjectID) throws -> [TreeEntry] {
        let folder = Self.normalized(folder)
        return try withTree(of: commit) { root in
            try withSubtree(folder, of: root) { tree in
                guard let tree else { return [] }
                var result: [TreeEntry] = []
                try collectFiles(of: tree, under: folder, into: &result)
                return result
            }
        }
    }

    // MARK: - Helpers

    /// Strips the leading and trailing slashes callers may add to a path.
    static func normalized(_ path: String) -> String {
        path.split(separator: "/", omittingEmptySubsequences: true).joined(separator: "/")
    }

    /// The entry at `path` under `tree`, or nil when absent.
    static func entry(_ path: String, in tree: OpaquePointer) throws -> TreeEntry? {
        var entry: OpaquePointer?
        let code = git_tree_entry_bypath(&entry, tree, path)
        if code == GIT_ENOTFOUND.rawValue { return nil }
        try check(code, "cannot look up \"\(path)\"")
        guard let entry else { return nil }
        defer { git_tree_entry_free(entry) }
        return TreeEntry(entry, path: path)
    }

    /// Passes the folder at `path` below `root` (or `root` itself for `""`) to `body`; nil when
    /// it is absent or a file.
    private func withSubtree<T>(_ path: String, of root: OpaquePointer, _ body: (OpaquePointer?) throws -> T) throws -> T {
        if path.isEmpty { return try body(root) }
        guard let entry = try Self.entry(path, in: root), entry.kind == .tree else { return try body(nil) }
        var oid = entry.id.oid
        var tree: OpaquePointer?
        try check(git_tree_lookup(&tree, pointer, &oid), "cannot read folder \"\(path)\"")
        defer { git_tree_free(tree) }
        return try body(tree)
    }

    private func entries(of tree: OpaquePointer, under folder: String) -> [TreeEntry] {
        (0..<git_tree_entrycount(tree)).compactMap { index in
            git_tree_entry_byindex(tree, index).map { entry in
                let name = decodeCString(git_tree_entry_name(entry)) ?? ""
                return TreeEntry(entry, name: name, path: folder.isEmpty ? name : "\(folder)/\(name)")
            }
        }
    }

    private func collectFiles(of tree: OpaquePointer, under folder: String, into result: inout [TreeEntry]) throws {
        for entry in entries(of: tree, under: folder) {
            switch entry.kind {
            case .blob:
                result.append(entry)
            case .tree:
                var oid = entry.id.oid
                var subtree: OpaquePointer?
                try check(git_tree_lookup(&subtree, pointer, &oid), "cannot read folder \"\(entry.path)\"")
                guard let subtree else { continue }
                defer { git_tree_free(subtree) }
                try collectFiles(of: subtree, under: entry.path, into: &result)
            case .other:
                continue
            }
        }
    }
}

extension TreeEntry {
    init(_ entry: OpaquePointer, name: String? = nil, path: String) {
        self.name = name ?? decodeCString(git_tree_entry_name(entry)) ?? ""
        self.path = path
        id = ObjectID(git_tree_entry_id(entry))
        switch git_tree_entry_type(entry) {
        case GIT_OBJECT_BLOB: kind = .blob
        case GIT_OBJECT_TREE: kind = .tree
        default: kind = .other
        }
    }
}
