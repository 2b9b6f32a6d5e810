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
        let trees = try TreeComparison(repository: self)
        let newTree = try trees.rootTree(ofCommit: RawObjectID(new))
        let oldTree = try old.map { try trees.rootTree(ofCommit: RawObjectID($0)) }
        return try trees.changes(from: oldTree, to: newTree).map(\.pathChange)
    }

    /// The files that differ between two trees (`old` nil compares against the empty tree),
    /// sorted by path. `folder` is where both trees stand in the repository ("" for root
    /// trees) and prefixes every path. A folder with the same id on both sides is skipped
    /// whole, so the cost follows the change, not the size of the trees.
    public func changes(fromTree old: ObjectID?, toTree new: ObjectID, under folder: String) throws -> [PathChange] {
        try TreeComparison(repository: self)
            .changes(from: old.map(RawObjectID.init), to: RawObjectID(new), under: folder).map(\.pathChange)
    }

    /// The files commit `commit` itself changed: against its parent, or for a merge the
    /// files whose content differs from every parent's (what the merge decided, not what
    /// it brought in from one side). Every file of a root commit.
    public func ownChanges(of commit: CommitInfo) throws -> [PathChange] {
        guard let first = commit.parents.first else { return try changes(from: nil, to: commit.id) }
        var changed = try changes(from: first, to: commit.id)
        for parent in commit.parents.dropFirst() {
            let differing = Set(try changes(from: parent, to: commit.id).map(\.path))
            changed.removeAll { !differing.contains($0.path) }
        }
        return changed
    }
}

/// A file of a tree that a copy must not take from another or pass on to it.
public struct UnsafeFile: Sendable, Equatable, CustomStringConvertible {
    /// What makes it unsafe.
    public enum Reason: Sendable, Equatable {
        /// A path git or a file system would misread (see `RepositoryPath`).
        case path(RepositoryPath.Problem)
        /// A symbolic link: checked out, it points anywhere on the machine.
        case symbolicLink
        /// A submodule link (gitlink): a commit of another repository.
        case submoduleLink
        /// Larger than a copy takes (`bytes` over `limit`).
        case tooLarge(bytes: Int, limit: Int)
    }

    /// The path from the repository root (a bad folder is named, not the files in it).
    public let path: String
    /// Why it is unsafe.
    public let reason: Reason

    /// Creates a finding.
    public init(path: String, reason: Reason) {
        self.path = path
        self.reason = reason
    }

    /// One English sentence.
    public var description: String {
        switch reason {
        case .path(let problem): RepositoryPath.describe(problem, path: path)
        case .symbolicLink: "\"\(path)\" is a symbolic link"
        case .submoduleLink: "\"\(path)\" is a submodule link"
        case .tooLarge(let bytes, let limit):
            "\"\(path)\" is \(Self.mebibytes(bytes)) MiB, over the \(Self.mebibytes(limit)) MiB a file may be"
        }
    }

    /// A size in MiB, with one decimal unless it is whole.
    public static func mebibytes(_ bytes: Int) -> String {
        bytes % 1_048_576 == 0 ? String(bytes / 1_048_576) : String(format: "%.1f", Double(bytes) / 1_048_576)
    }
}

extension Repository {
    /// What makes the files `new` adds or changes over `old` unsafe to take from another
    /// copy, one sentence each: a path git or a file system would misread (see
    /// `RepositoryPath`: a `.git` folder, `..`), a symbolic link, a submodule link, and a
    /// file larger than `maximumFileSize` bytes. Empty when all is well.
    public func unsafeFiles(from old: ObjectID?, to new: ObjectID, maximumFileSize: Int?) throws -> [String] {
        try unsafeChanges(from: old, to: new, maximumFileSize: maximumFileSize).map(\.description)
    }

    /// The files `new` adds or changes over `old` (`old` nil: every file of `new`) that are
    /// unsafe to take from another copy or pass on to it, as in `unsafeFiles`.
    public func unsafeChanges(from old: ObjectID?, to new: ObjectID, maximumFileSize: Int?) throws -> [UnsafeFile] {
        let trees = try TreeComparison(repository: self)
        let newTree = try trees.rootTree(ofCommit: RawObjectID(new))
        let oldTree = try old.map { try trees.rootTree(ofCommit: RawObjectID($0)) }
        var odb: OpaquePointer?
        try check(git_repository_odb(&odb, pointer), "cannot open the object database")
        defer { git_odb_free(odb) }
        var problems: [UnsafeFile] = []
        for change in try trees.changes(from: oldTree, to: newTree) where !change.newID.isNone {
            if let problem = RepositoryPath.kind(of: change.path) {
                problems.append(UnsafeFile(path: change.path, reason: .path(problem)))
            } else if change.newMode == GIT_FILEMODE_LINK.rawValue {
                problems.append(UnsafeFile(path: change.path, reason: .symbolicLink))
            } else if change.newMode == GIT_FILEMODE_COMMIT.rawValue {
                problems.append(UnsafeFile(path: change.path, reason: .submoduleLink))
            } else if let maximumFileSize {
                var size = 0
                var type = GIT_OBJECT_ANY
                var oid = change.newID.oid
                if git_odb_read_header(&size, &type, odb, &oid) == 0, size > maximumFileSize {
                    problems.append(UnsafeFile(path: change.path, reason: .tooLarge(bytes: size, limit: maximumFileSize)))
                }
            }
        }
        return problems
    }

    /// Every entry of `commit`'s tree that is unsafe to hold (a symbolic link, a submodule
    /// link, a path `RepositoryPath` refuses), sorted by path; a bad folder is named once and
    /// not entered. What `git commit` can record by hand and accord never writes. Names are
    /// looked at byte by byte and a path is spelled out only for what is found, so the walk
    /// costs little next to reading the files.
    public func unsafeEntries(inCommit commit: ObjectID) throws -> [UnsafeFile] {
        let root = try withCommit(RawObjectID(commit)) { RawObjectID(git_commit_tree_id($0)) }
        var odb: OpaquePointer?
        try check(git_repository_odb(&odb, pointer), "cannot open the object database")
        defer { git_odb_free(odb) }
        var found: [UnsafeFile] = []
        try Self.findUnsafe(in: root, under: "", odb: odb, into: &found)
        return found.sorted { $0.path < $1.path }
    }

    private static func findUnsafe(in id: RawObjectID, under folder: String, odb: OpaquePointer?,
                                   into found: inout [UnsafeFile]) throws {
        var oid = id.oid
        var read: OpaquePointer?
        try check(git_odb_read(&read, odb, &oid), "cannot read folder \(folder.isEmpty ? "/" : folder)")
        guard let read else { throw GitError(.notFound, "cannot read folder \(folder.isEmpty ? "/" : folder)") }
        defer { git_odb_object_free(read) }
        let bytes = UnsafeRawBufferPointer(start: git_odb_object_data(read), count: git_odb_object_size(read))
        var at = 0
        while let entry = RawTreeEntry(bytes, at: at) {
            at = entry.end
            let name = UnsafeRawBufferPointer(rebasing: bytes[entry.name])
            // U+FFFD stands for each byte that is not UTF-8, and RepositoryPath refuses it.
            func path() -> String {
                let component = String(validating: name, as: UTF8.self) ?? String(decoding: name, as: UTF8.self)
                return folder.isEmpty ? component : "\(folder)/\(component)"
            }
            // Only a name that starts with `.` or `g`, or holds a byte outside printable
            // ASCII, a backslash or a slash, can be refused.
            let suspicious = name.first.map { $0 == UInt8(ascii: ".") || $0 | 0x20 == UInt8(ascii: "g") } ?? true
                || name.contains { $0 < 0x20 || $0 >= 0x7F || $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "/") }
            if suspicious, let problem = name.contains(UInt8(ascii: "/")) ? Optional(RepositoryPath.Problem.emptyComponent)
                : RepositoryPath.kind(of: String(validating: name, as: UTF8.self) ?? String(decoding: name, as: UTF8.self)) {
                found.append(UnsafeFile(path: path(), reason: .path(problem)))
            } else if entry.isFolder {
                try findUnsafe(in: entry.id(in: bytes), under: path(), odb: odb, into: &found)
            } else if entry.mode == GIT_FILEMODE_LINK.rawValue {
                found.append(UnsafeFile(path: path(), reason: .symbolicLink))
            } else if entry.mode == GIT_FILEMODE_COMMIT.rawValue {
                found.append(UnsafeFile(path: path(), reason: .submoduleLink))
            }
        }
        guard at == bytes.count else { throw GitError(.other, "the folder \(folder.isEmpty ? "/" : folder) cannot be read") }
    }
}

/// One difference found by `TreeComparison`, with ids kept raw (`.none` for absent).
struct RawPathChange {
    var path: String
    var kind: PathChange.Kind
    var oldID: RawObjectID
    var newID: RawObjectID
    /// The new entry's mode as libgit2 normalises it (0 when deleted).
    var newMode: UInt32 = 0

    var pathChange: PathChange {
        PathChange(path: path, kind: kind, oldID: oldID.isNone ? nil : oldID.objectID,
                   newID: newID.isNone ? nil : newID.objectID)
    }
}

/// Compares trees entry by entry on their raw bytes, so that only changed entries cost a
/// string; a folder whose id is the same on both sides is skipped whole (libgit2 1.5's tree
/// diff walks every entry of both trees, whatever changed).
///
/// Two versions of a folder usually differ in an entry or two: the bytes both share at the
/// start and at the end are passed over at memory speed, and only the entries between are
/// read and compared, in git's order. Trees are read without libgit2 parsing them (a
/// record folder of a long history holds thousands of entries, and each commit changes one).
///
/// Trees stay loaded between calls: walking history child first, the trees read as the
/// parent side of one commit are the child side of the next, and a record folder of a few
/// thousand entries is too large for libgit2's own object cache. Trees not used by the last
/// two comparisons are freed (`endStep`). Not `Sendable`: it holds libgit2 handles.
final class TreeComparison {
    /// A tree object read for the comparisons, and the ends of its first entries as far as
    /// they are known: two versions of a folder that share their first bytes share the
    /// entries in them, so the entries read in one version need not be read in the next.
    private final class LoadedTree {
        let object: OpaquePointer
        var step: Int
        /// The end offset of each entry from the first, as far as read.
        var ends: [Int] = []

        init(object: OpaquePointer, step: Int) {
            self.object = object
            self.step = step
        }

        var bytes: UnsafeRawBufferPointer {
            UnsafeRawBufferPointer(start: git_odb_object_data(object), count: git_odb_object_size(object))
        }
    }

    private let repository: Repository
    private let odb: OpaquePointer
    private var trees: [RawObjectID: LoadedTree] = [:]
    private var step = 0

    init(repository: Repository) throws {
        self.repository = repository
        var odb: OpaquePointer?
        try check(git_repository_odb(&odb, repository.pointer), "cannot open the object database")
        guard let odb else { throw GitError(.other, "cannot open the object database") }
        self.odb = odb
    }

    deinit {
        for tree in trees.values { git_odb_object_free(tree.object) }
        git_odb_free(odb)
    }

    /// The id of the root tree of a commit.
    func rootTree(ofCommit commit: RawObjectID) throws -> RawObjectID {
        try repository.withCommit(commit) { RawObjectID(git_commit_tree_id($0)) }
    }

    /// The files that differ between two root trees (`old` nil: every file is added), sorted
    /// by path as Swift compares strings.
    func changes(from old: RawObjectID?, to new: RawObjectID, under folder: String = "") throws -> [RawPathChange] {
        var result: [RawPathChange] = []
        if old != new {
            try compare(old.map(tree), try tree(new), under: folder, into: &result)
        }
        return result.sorted { $0.path < $1.path }
    }

    /// Frees the trees that neither this step nor the one before used.
    func endStep() {
        let keep = step
        for (id, tree) in trees where tree.step < keep {
            git_odb_object_free(tree.object)
            trees[id] = nil
        }
        step += 1
    }

    /// A tree object, loaded until the step after next.
    private func tree(_ id: RawObjectID) throws -> LoadedTree {
        if let cached = trees[id] {
            cached.step = step
            return cached
        }
        var oid = id.oid
        var read: OpaquePointer?
        try check(git_odb_read(&read, odb, &oid), "cannot read folder \(id.objectID.short)")
        guard let read else { throw GitError(.notFound, "cannot read folder \(id.objectID.short)") }
        guard git_odb_object_type(read) == GIT_OBJECT_TREE else {
            git_odb_object_free(read)
            throw GitError(.other, "\(id.objectID.short) is not a folder")
        }
        let tree = LoadedTree(object: read, step: step)
        trees[id] = tree
        return tree
    }

    /// The end of the last entry of `old` that lies wholly in its first `prefix` bytes (0
    /// when none does). The ends already read of either side serve, since both sides hold
    /// the same bytes there; `old` learns every end found, for the next comparison.
    private static func skipShared(_ prefix: Int, old: LoadedTree, new: LoadedTree?) -> Int {
        let known = new.map { $0.ends.count > old.ends.count ? $0.ends : old.ends } ?? old.ends
        // The number of known ends at or before `prefix`.
        var low = 0, high = known.count
        while low < high {
            let middle = (low + high) / 2
            if known[middle] <= prefix { low = middle + 1 } else { high = middle }
        }
        if old.ends.count < low { old.ends = Array(known[..<low]) }
        var at = low == 0 ? 0 : known[low - 1]
        // A known end past `prefix`: the entry from `at` on is not wholly shared.
        guard low == known.count else { return at }
        let bytes = old.bytes
        while let entry = RawTreeEntry(bytes, at: at), entry.end <= prefix {
            at = entry.end
            old.ends.append(at)
        }
        return at
    }

    private func compare(_ oldTree: LoadedTree?, _ newTree: LoadedTree?, under folder: String,
                         into result: inout [RawPathChange]) throws {
        let empty = UnsafeRawBufferPointer(start: nil, count: 0)
        let old = oldTree?.bytes ?? empty, new = newTree?.bytes ?? empty
        // The bytes both versions share at the end: once both sides have as many bytes left,
        // and no more than these, every entry left is the same on both.
        let suffix = Self.sharedBytes(old, new, fromEnd: true)
        // The bytes they share at the start; the entries wholly inside them are the same.
        let prefix = Self.sharedBytes(old, new, fromEnd: false)
        var oldAt = 0, newAt = 0
        if prefix > 0, let oldTree {
            oldAt = Self.skipShared(prefix, old: oldTree, new: newTree)
            newAt = oldAt
        }
        while true {
            let left = old.count - oldAt, right = new.count - newAt
            if left == right, left <= suffix { return }
            let before = RawTreeEntry(old, at: oldAt), after = RawTreeEntry(new, at: newAt)
            if before == nil, after == nil {
                guard oldAt == old.count, newAt == new.count else { throw GitError(.other, "a folder under \"\(folder)\" cannot be read") }
                return
            }
            let order: Int
            switch (before, after) {
            case let (before?, after?): order = RawTreeEntry.order(before, old, after, new)
            case (_?, nil): order = -1
            default: order = 1
            }
            if order < 0 {
                try record(before, old, nil, new, under: folder, into: &result)
                oldAt = before!.end
            } else if order > 0 {
                try record(nil, old, after, new, under: folder, into: &result)
                newAt = after!.end
            } else {
                let (before, after) = (before!, after!)
                if !RawTreeEntry.sameID(before, old, after, new) || before.mode != after.mode {
                    try record(before, old, after, new, under: folder, into: &result)
                }
                oldAt = before.end
                newAt = after.end
            }
        }
    }

    /// How many bytes `left` and `right` share at their start (or end), eight at a time.
    private static func sharedBytes(_ left: UnsafeRawBufferPointer, _ right: UnsafeRawBufferPointer, fromEnd: Bool) -> Int {
        let limit = min(left.count, right.count)
        guard limit > 0, let leftBase = left.baseAddress, let rightBase = right.baseAddress else { return 0 }
        // Offsets counted from the start, or back from the end.
        let leftAt = fromEnd ? leftBase + left.count : leftBase
        let rightAt = fromEnd ? rightBase + right.count : rightBase
        var shared = 0
        while shared + 8 <= limit {
            let offset = fromEnd ? -(shared + 8) : shared
            guard leftAt.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                    == rightAt.loadUnaligned(fromByteOffset: offset, as: UInt64.self) else { break }
            shared += 8
        }
        while shared < limit {
            let offset = fromEnd ? -(shared + 1) : shared
            guard leftAt.load(fromByteOffset: offset, as: UInt8.self) == rightAt.load(fromByteOffset: offset, as: UInt8.self) else { break }
            shared += 1
        }
        return shared
    }

    /// Records the difference between two entries of the same name and kind (folder or not),
    /// or one entry alone; folders are compared recursively.
    private func record(_ before: RawTreeEntry?, _ old: UnsafeRawBufferPointer, _ after: RawTreeEntry?,
                        _ new: UnsafeRawBufferPointer, under folder: String, into result: inout [RawPathChange]) throws {
        guard let entry = before ?? after else { return }
        let name = String(decoding: (before != nil ? old : new)[entry.name], as: UTF8.self)
        let path = folder.isEmpty ? name : "\(folder)/\(name)"
        let oldID = before.map { $0.id(in: old) } ?? .none
        let newID = after.map { $0.id(in: new) } ?? .none
        if entry.isFolder {
            try compare(before.map { _ in try tree(oldID) }, after.map { _ in try tree(newID) },
                        under: path, into: &result)
            return
        }
        let kind: PathChange.Kind = before == nil ? .added : after == nil ? .deleted : .modified
        result.append(RawPathChange(path: path, kind: kind, oldID: oldID, newID: newID, newMode: after?.mode ?? 0))
    }
}

/// One entry of a tree object's bytes: `<mode in octal> <name>\0<20-byte id>`.
private struct RawTreeEntry {
    /// The mode as libgit2 gives it (`git_tree_entry_filemode`): folder, executable, link,
    /// submodule or plain file.
    let mode: UInt32
    /// Where the name is, and where the entry ends.
    let name: Range<Int>
    let end: Int

    var isFolder: Bool { mode == GIT_FILEMODE_TREE.rawValue }

    /// The entry starting at `start`; nil at the end of the bytes or where they do not hold
    /// a whole entry.
    init?(_ bytes: UnsafeRawBufferPointer, at start: Int) {
        var offset = start
        var raw: UInt32 = 0
        while offset < bytes.count, bytes[offset] != 0x20 {
            let digit = bytes[offset] &- UInt8(ascii: "0")
            guard digit < 8 else { return nil }
            raw = raw << 3 | UInt32(digit)
            offset += 1
        }
        guard offset > start, offset < bytes.count else { return nil }
        let nameStart = offset + 1
        guard nameStart < bytes.count, let base = bytes.baseAddress,
              let zero = memchr(base + nameStart, 0, bytes.count - nameStart) else { return nil }
        offset = base.distance(to: UnsafeRawPointer(zero))
        guard offset > nameStart, offset + 21 <= bytes.count else { return nil }
        name = nameStart..<offset
        end = offset + 21
        mode = Self.normalized(raw)
    }

    /// libgit2's normalisation of a tree entry's mode.
    private static func normalized(_ raw: UInt32) -> UInt32 {
        let type = raw & 0o170000
        if type == GIT_FILEMODE_TREE.rawValue { return GIT_FILEMODE_TREE.rawValue }
        if raw & 0o111 != 0 { return GIT_FILEMODE_BLOB_EXECUTABLE.rawValue }
        if type == GIT_FILEMODE_COMMIT.rawValue { return GIT_FILEMODE_COMMIT.rawValue }
        if type == GIT_FILEMODE_LINK.rawValue { return GIT_FILEMODE_LINK.rawValue }
        return GIT_FILEMODE_BLOB.rawValue
    }

    func id(in bytes: UnsafeRawBufferPointer) -> RawObjectID {
        RawObjectID(bytes: bytes.baseAddress! + end - 20)
    }

    static func sameID(_ left: RawTreeEntry, _ leftBytes: UnsafeRawBufferPointer,
                       _ right: RawTreeEntry, _ rightBytes: UnsafeRawBufferPointer) -> Bool {
        memcmp(leftBytes.baseAddress! + left.end - 20, rightBytes.baseAddress! + right.end - 20, 20) == 0
    }

    /// Git's order of tree entries: by name bytes, a folder's name read as if it ended in `/`.
    static func order(_ left: RawTreeEntry, _ leftBytes: UnsafeRawBufferPointer,
                      _ right: RawTreeEntry, _ rightBytes: UnsafeRawBufferPointer) -> Int {
        let leftCount = left.name.count, rightCount = right.name.count
        let shared = min(leftCount, rightCount)
        let compared = memcmp(leftBytes.baseAddress! + left.name.lowerBound, rightBytes.baseAddress! + right.name.lowerBound, shared)
        if compared != 0 { return Int(compared) }
        let leftNext: UInt8 = leftCount > shared ? leftBytes[left.name.lowerBound + shared] : left.isFolder ? UInt8(ascii: "/") : 0
        let rightNext: UInt8 = rightCount > shared ? rightBytes[right.name.lowerBound + shared] : right.isFolder ? UInt8(ascii: "/") : 0
        return Int(leftNext) - Int(rightNext)
    }
}
