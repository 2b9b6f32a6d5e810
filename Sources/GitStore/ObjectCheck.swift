internal import Foundation
internal import CLibGit2

/// The result of checking one stored object: it could be read, and its content hashes to
/// its id. Produced by `Repository.checkObjects` for each object that is not sound.
public struct ObjectCheck: Sendable, Codable, Equatable {
    /// The object's id.
    public var id: ObjectID
    /// "commit", "tree", "blob" or "tag"; what the object was expected to be when it cannot be read.
    public var type: String?
    /// Where the object was found: a path in a commit's tree, a ref name, or "parent of …".
    public var path: String?
    /// What is wrong; nil when the object is sound.
    public var problem: String?

    /// Creates a check result.
    public init(id: ObjectID, type: String?, path: String?, problem: String?) {
        self.id = id
        self.type = type
        self.path = path
        self.problem = problem
    }
}

extension Repository {
    /// Reads every object reachable from every branch, tag and HEAD, in a fixed order, and
    /// checks that its content hashes to its id and that it is the type its referrer says.
    /// Returns how many objects were looked at; `found` gets each one that is not sound.
    ///
    /// Ids are handled as their 20 bytes and each object is read once, so the work is linear
    /// in the repository's size; where an object was found (its path) is worked out only for
    /// the bad ones. `willRead` gets the 20 bytes of each id just before that object is read,
    /// so that a supervisor can tell which read hung (libgit2 1.5 can loop forever on a
    /// truncated loose object); it is called for every object and must be cheap. Objects in
    /// `skipping` are not read (an earlier attempt hung or crashed on them) and are reported
    /// with `skipReason`; nothing below them can be reached.
    public func checkObjects(skipping: Set<ObjectID> = [], skipReason: String = "skipped",
                             willRead: (UnsafeRawBufferPointer) -> Void,
                             found: (ObjectCheck) -> Void) throws -> Int {
        var odb: OpaquePointer?
        try check(git_repository_odb(&odb, pointer), "cannot open the object database")
        defer { git_odb_free(odb) }
        var walk = ObjectWalk(skipping: Set(skipping.map { RawObjectID($0) }))
        for tip in try referenceTips().reversed() {
            walk.push(RawObjectID(tip.id), expected: tip.type == "commit" ? GIT_OBJECT_COMMIT : GIT_OBJECT_ANY,
                      origin: walk.addOrigin(.reference(tip.path ?? "")))
        }
        var checked = 0
        while let item = walk.pending.popLast() {
            checked += 1
            if walk.skipping.contains(item.id) {
                found(walk.problem(item, type: item.expected, skipReason, odb: odb))
                continue
            }
            withUnsafeBytes(of: item.id) { willRead(UnsafeRawBufferPointer(rebasing: $0.prefix(20))) }
            var oid = item.id.oid
            var object: OpaquePointer?
            let code = git_odb_read(&object, odb, &oid)
            guard code >= 0, let object else {
                let problem = code == GIT_ENOTFOUND.rawValue ? "missing" : "unreadable: \(GitError(code: code, context: "").message)"
                found(walk.problem(item, type: item.expected, problem, odb: odb))
                continue
            }
            defer { git_odb_object_free(object) }
            let type = git_odb_object_type(object)
            let bytes = UnsafeRawBufferPointer(start: git_odb_object_data(object), count: git_odb_object_size(object))
            var actual = git_oid()
            let hashed = git_odb_hash(&actual, bytes.baseAddress, bytes.count, type)
            if hashed < 0 || RawObjectID(&actual) != item.id {
                found(walk.problem(item, type: type, "content does not match its id (hashes to \(ObjectID(actual).short))", odb: odb))
            } else if item.expected != GIT_OBJECT_ANY, item.expected != type {
                found(walk.problem(item, type: type, "is a \(Self.typeName(type) ?? "?") where a "
                                   + "\(Self.typeName(item.expected) ?? "?") was expected", odb: odb))
            } else if let problem = walk.pushChildren(of: item, type: type, bytes: bytes) {
                found(walk.problem(item, type: type, "cannot be parsed: \(problem)", odb: odb))
            }
        }
        return checked
    }

    /// What every reference (and HEAD) points at, sorted by reference name.
    private func referenceTips() throws -> [ObjectCheck] {
        var iterator: OpaquePointer?
        try check(git_reference_iterator_new(&iterator, pointer), "cannot list references")
        defer { git_reference_iterator_free(iterator) }
        var tips: [ObjectCheck] = []
        while true {
            var reference: OpaquePointer?
            let code = git_reference_next(&reference, iterator)
            if code == GIT_ITEROVER.rawValue { break }
            try check(code, "cannot list references")
            defer { git_reference_free(reference) }
            guard let target = git_reference_target(reference) else { continue }
            tips.append(ObjectCheck(id: ObjectID(target), type: nil, path: decodeCString(git_reference_name(reference)), problem: nil))
        }
        tips.sort { ($0.path ?? "") < ($1.path ?? "") }
        if let head = try? tip() { tips.insert(ObjectCheck(id: head, type: "commit", path: "HEAD", problem: nil), at: 0) }
        return tips
    }

    static func typeName(_ type: git_object_t) -> String? {
        switch type {
        case GIT_OBJECT_COMMIT: "commit"
        case GIT_OBJECT_TREE: "tree"
        case GIT_OBJECT_BLOB: "blob"
        case GIT_OBJECT_TAG: "tag"
        default: nil
        }
    }
}

/// The state of `checkObjects`: the objects still to read, every id met so far, and for each
/// object where it was found, kept as a chain of small values so that paths are spelled out
/// only for the objects that are bad.
private struct ObjectWalk {
    /// Where an object was found.
    enum Origin {
        /// A reference (or HEAD) points at it.
        case reference(String)
        /// It is a commit's root tree.
        case rootTree
        /// It is a parent of this commit.
        case parent(RawObjectID)
        /// A tag points at it.
        case tagTarget(RawObjectID)
        /// It is an entry of this tree, whose own origin is `folder`.
        case entry(of: RawObjectID, folder: Int32)
    }

    struct Item {
        var id: RawObjectID
        var expected: git_object_t
        var origin: Int32
    }

    var pending: [Item] = []
    var seen: Set<RawObjectID> = []
    var origins: [Origin] = []
    let skipping: Set<RawObjectID>

    init(skipping: Set<RawObjectID>) {
        self.skipping = skipping
        seen.reserveCapacity(1 << 16)
    }

    mutating func addOrigin(_ origin: Origin) -> Int32 {
        origins.append(origin)
        return Int32(origins.count - 1)
    }

    /// Queues `id` unless it was met before.
    mutating func push(_ id: RawObjectID, expected: git_object_t, origin: Int32) {
        if seen.insert(id).inserted { pending.append(Item(id: id, expected: expected, origin: origin)) }
    }

    /// Queues what a sound object points at, parsed from its raw bytes (not through libgit2,
    /// so a damaged object cannot send a parser astray); returns what is wrong when it
    /// cannot be parsed.
    mutating func pushChildren(of item: Item, type: git_object_t, bytes: UnsafeRawBufferPointer) -> String? {
        switch type {
        case GIT_OBJECT_TREE:
            return pushEntries(of: item, bytes: bytes)
        case GIT_OBJECT_COMMIT:
            var tree: RawObjectID?
            var parents: [RawObjectID] = []
            for line in Self.headerLines(bytes) {
                if let id = Self.id(after: "tree ", in: line) {
                    tree = tree ?? id
                } else if let id = Self.id(after: "parent ", in: line) {
                    parents.append(id)
                }
            }
            guard let tree else { return "the commit names no tree" }
            // Pushed in reverse, so the tree is read first, then the parents in order.
            for parent in parents.reversed() {
                push(parent, expected: GIT_OBJECT_COMMIT, origin: addOrigin(.parent(item.id)))
            }
            push(tree, expected: GIT_OBJECT_TREE, origin: addOrigin(.rootTree))
            return nil
        case GIT_OBJECT_TAG:
            for line in Self.headerLines(bytes) {
                if let id = Self.id(after: "object ", in: line) {
                    push(id, expected: GIT_OBJECT_ANY, origin: addOrigin(.tagTarget(item.id)))
                    return nil
                }
            }
            return "the tag names no object"
        default:
            return nil
        }
    }

    /// Queues the entries of git's binary tree format, `<octal mode> <name>\0<20-byte id>`
    /// repeated, in reverse so that they are read in the tree's order.
    private mutating func pushEntries(of item: Item, bytes: UnsafeRawBufferPointer) -> String? {
        let folder = addOrigin(.entry(of: item.id, folder: item.origin))
        let first = pending.count
        var index = 0
        while index < bytes.count {
            var space = index
            while space < bytes.count, bytes[space] != 0x20 { space += 1 }
            var zero = space
            while zero < bytes.count, bytes[zero] != 0 { zero += 1 }
            guard space < bytes.count, zero + 21 <= bytes.count else { return "a tree entry is cut short" }
            let id = RawObjectID(bytes: bytes.baseAddress! + zero + 1)
            // Compared as bytes: this loop runs for every entry of every tree.
            let mode = bytes.baseAddress! + index, modeLength = space - index
            if modeLength == 5, memcmp(mode, "40000", 5) == 0 {
                push(id, expected: GIT_OBJECT_TREE, origin: folder)
            } else if !(modeLength == 6 && memcmp(mode, "160000", 6) == 0) {  // a submodule's commit lives in another repository
                push(id, expected: GIT_OBJECT_BLOB, origin: folder)
            }
            index = zero + 21
        }
        pending[first...].reverse()
        return nil
    }

    /// The lines of a commit's or tag's header (before the first blank line).
    private static func headerLines(_ bytes: UnsafeRawBufferPointer) -> [UnsafeRawBufferPointer] {
        var lines: [UnsafeRawBufferPointer] = []
        var start = 0
        for index in 0..<bytes.count where bytes[index] == 0x0A {
            if index == start { break }
            lines.append(UnsafeRawBufferPointer(rebasing: bytes[start..<index]))
            start = index + 1
        }
        return lines
    }

    /// The id in a header line that is `prefix` and 40 hex digits.
    private static func id(after prefix: StaticString, in line: UnsafeRawBufferPointer) -> RawObjectID? {
        let length = prefix.utf8CodeUnitCount
        guard line.count == length + 40,
              UnsafeRawBufferPointer(start: prefix.utf8Start, count: length).elementsEqual(line.prefix(length)) else { return nil }
        return RawObjectID(hex: UnsafeRawBufferPointer(rebasing: line[length...]))
    }

    /// A bad object as reported: its id, type, and the path it was found at.
    func problem(_ item: Item, type: git_object_t, _ problem: String, odb: OpaquePointer?) -> ObjectCheck {
        ObjectCheck(id: item.id.objectID, type: Repository.typeName(type), path: path(of: item.id, origin: item.origin, odb: odb),
                    problem: problem)
    }

    /// Spells out where an object was found, reading the trees above it again for the names.
    private func path(of id: RawObjectID, origin: Int32, odb: OpaquePointer?) -> String {
        switch origins[Int(origin)] {
        case .reference(let name): return name
        case .rootTree: return ""
        case .parent(let commit): return "parent of \(commit.objectID.short)"
        case .tagTarget(let tag): return "target of tag \(tag.objectID.short)"
        case .entry(let tree, let folder):
            let above = path(of: tree, origin: folder, odb: odb)
            let name = Self.entryName(of: id, in: tree, odb: odb) ?? id.objectID.hex
            return above.isEmpty ? name : "\(above)/\(name)"
        }
    }

    /// The name under which `tree` holds `id`.
    private static func entryName(of id: RawObjectID, in tree: RawObjectID, odb: OpaquePointer?) -> String? {
        var oid = tree.oid
        var object: OpaquePointer?
        guard git_odb_read(&object, odb, &oid) >= 0, let object else { return nil }
        defer { git_odb_object_free(object) }
        let bytes = UnsafeRawBufferPointer(start: git_odb_object_data(object), count: git_odb_object_size(object))
        var index = 0
        while index < bytes.count {
            var zero = index
            while zero < bytes.count, bytes[zero] != 0 { zero += 1 }
            guard zero + 21 <= bytes.count else { return nil }
            if RawObjectID(bytes: bytes.baseAddress! + zero + 1) == id {
                let entry = bytes[index..<zero]
                guard let space = entry.firstIndex(of: 0x20) else { return nil }
                return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[(space + 1)..<zero]), as: UTF8.self)
            }
            index = zero + 21
        }
        return nil
    }
}
