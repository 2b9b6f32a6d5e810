internal import Foundation
internal import CLibGit2

/// The result of checking one stored object: it could be read, and its content hashes to
/// its id. Produced by `Repository.checkObjects`, best run in a child process with a deadline.
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
    /// checks that its content hashes to its id. `willRead` is called before each object is
    /// read and `didCheck` after, so a supervisor can tell which read hung. Objects in
    /// `skipping` are not read (a previous attempt hung or crashed on them) and are reported
    /// with `skipReason`; nothing below them can be reached.
    public func checkObjects(skipping: Set<ObjectID> = [], skipReason: String = "skipped",
                             willRead: (ObjectCheck) -> Void, didCheck: (ObjectCheck) -> Void) throws {
        var odb: OpaquePointer?
        try check(git_repository_odb(&odb, pointer), "cannot open the object database")
        defer { git_odb_free(odb) }

        var pending: [ObjectCheck] = try referenceTips().reversed()
        var seen: Set<ObjectID> = []
        while let item = pending.popLast() {
            guard seen.insert(item.id).inserted else { continue }
            willRead(item)
            if skipping.contains(item.id) {
                didCheck(ObjectCheck(id: item.id, type: item.type, path: item.path, problem: skipReason))
                continue
            }
            var result = item
            var children: [ObjectCheck] = []
            var oid = item.id.oid
            var object: OpaquePointer?
            let code = git_odb_read(&object, odb, &oid)
            if code == GIT_ENOTFOUND.rawValue {
                result.problem = "missing"
            } else if code < 0 {
                result.problem = "unreadable: \(GitError(code: code, context: "").message)"
            } else if let object {
                defer { git_odb_object_free(object) }
                let type = git_odb_object_type(object)
                result.type = Self.typeName(type)
                let size = git_odb_object_size(object)
                let data = git_odb_object_data(object).map { Data(bytes: $0, count: size) } ?? Data()
                var actual = git_oid()
                let hashed = data.withUnsafeBytes { git_odb_hash(&actual, $0.baseAddress, size, type) }
                if hashed < 0 || ObjectID(actual) != item.id {
                    result.problem = "content does not match its id (hashes to \(ObjectID(actual).short))"
                } else if let expected = item.type, expected != result.type {
                    result.problem = "is a \(result.type ?? "?") where a \(expected) was expected"
                } else {
                    do {
                        children = try Self.children(of: item.id, type: type, data: data, path: item.path)
                    } catch {
                        result.problem = "cannot be parsed: \(error)"
                    }
                }
            }
            didCheck(result)
            pending.append(contentsOf: children.reversed())
        }
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

    private static func typeName(_ type: git_object_t) -> String? {
        switch type {
        case GIT_OBJECT_COMMIT: "commit"
        case GIT_OBJECT_TREE: "tree"
        case GIT_OBJECT_BLOB: "blob"
        case GIT_OBJECT_TAG: "tag"
        default: nil
        }
    }

    /// The objects an object points at, parsed from its raw bytes (not through libgit2, so a
    /// damaged object cannot send a parser astray).
    private static func children(of id: ObjectID, type: git_object_t, data: Data, path: String?) throws -> [ObjectCheck] {
        switch type {
        case GIT_OBJECT_COMMIT:
            var result: [ObjectCheck] = []
            for line in headerLines(data) {
                if line.hasPrefix("tree "), let tree = ObjectID(hex: String(line.dropFirst(5))) {
                    result.append(ObjectCheck(id: tree, type: "tree", path: "", problem: nil))
                } else if line.hasPrefix("parent "), let parent = ObjectID(hex: String(line.dropFirst(7))) {
                    result.append(ObjectCheck(id: parent, type: "commit", path: "parent of \(id.short)", problem: nil))
                }
            }
            guard result.first?.type == "tree" else { throw GitError(.invalid, "the commit names no tree") }
            return result
        case GIT_OBJECT_TAG:
            for line in headerLines(data) where line.hasPrefix("object ") {
                if let target = ObjectID(hex: String(line.dropFirst(7))) {
                    return [ObjectCheck(id: target, type: nil, path: "target of tag \(id.short)", problem: nil)]
                }
            }
            throw GitError(.invalid, "the tag names no object")
        case GIT_OBJECT_TREE:
            return try treeEntries(data, under: path ?? "")
        default:
            return []
        }
    }

    private static func headerLines(_ data: Data) -> [Substring] {
        let text = String(decoding: data, as: UTF8.self)
        let header = text.range(of: "\n\n").map { text[..<$0.lowerBound] } ?? text[...]
        return header.split(separator: "\n")
    }

    /// Parses git's binary tree format: `<octal mode> <name>\0<20-byte id>` repeated.
    private static func treeEntries(_ data: Data, under folder: String) throws -> [ObjectCheck] {
        let bytes = [UInt8](data)
        var result: [ObjectCheck] = []
        var index = 0
        while index < bytes.count {
            guard let space = bytes[index...].firstIndex(of: 0x20),
                  let zero = bytes[space...].firstIndex(of: 0), zero + 21 <= bytes.count else {
                throw GitError(.invalid, "a tree entry is cut short")
            }
            let mode = String(decoding: bytes[index..<space], as: UTF8.self)
            let name = String(decoding: bytes[(space + 1)..<zero], as: UTF8.self)
            let hex = bytes[(zero + 1)..<(zero + 21)].map { String(format: "%02x", $0) }.joined()
            guard let id = ObjectID(hex: hex) else { throw GitError(.invalid, "a tree entry has a bad id") }
            let path = folder.isEmpty ? name : "\(folder)/\(name)"
            switch mode {
            case "40000": result.append(ObjectCheck(id: id, type: "tree", path: path, problem: nil))
            case "160000": break  // a submodule's commit lives in another repository
            default: result.append(ObjectCheck(id: id, type: "blob", path: path, problem: nil))
            }
            index = zero + 21
        }
        return result
    }
}
