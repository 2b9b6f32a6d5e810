internal import CLibGit2
internal import Foundation

/// A tag: a name for a commit, with a message and a tagger when annotated.
public struct TagInfo: Sendable, Equatable {
    /// The tag's name, without `refs/tags/`.
    public let name: String
    /// The commit it names.
    public let target: ObjectID
    /// The annotation; nil for a lightweight tag.
    public let message: String?
    /// Who tagged, and when; nil for a lightweight tag.
    public let tagger: Signature?
}

extension Repository {
    /// Creates an annotated tag on a commit. Throws `.exists` when the name is taken and
    /// `.invalid` when git does not accept it as a tag name.
    /// `whileHoldingWriteLock` is for a caller that holds the write lock already (`apply`'s
    /// `whileLocked`); the lock is not reentrant.
    public func createTag(_ name: String, target: ObjectID, message: String, tagger: Signature,
                          whileHoldingWriteLock: Bool = false) throws {
        var oid = target.oid
        var object: OpaquePointer?
        try check(git_object_lookup(&object, pointer, &oid, GIT_OBJECT_COMMIT), "no commit \(target.short) to tag")
        defer { git_object_free(object) }
        if whileHoldingWriteLock {
            // Held by the caller: a `<name>.lock` left now is a killed writer's.
            try? FileManager.default.removeItem(at: gitDirectory.appendingPathComponent("refs/tags/\(name).lock"))
            try writeTag(name, object: object, message: message, tagger: tagger)
        } else {
            let lock = try WriteLock(gitDirectory: gitDirectory)
            lock.removeStaleLocks(["refs/tags/\(name).lock"], in: gitDirectory)
            try writeTag(name, object: object, message: message, tagger: tagger)
        }
    }

    private func writeTag(_ name: String, object: OpaquePointer?, message: String, tagger: Signature) throws {
        try tagger.withGitSignature { signature in
            var tagID = git_oid()
            let code = git_tag_create(&tagID, pointer, name, object, signature, CommitMessage.clean(message), 0)
            if code == GIT_EEXISTS.rawValue {
                throw GitError(.exists, "the tag \"\(name)\" exists already", code: code)
            }
            try check(code, "cannot create the tag \"\(name)\"")
        }
    }

    /// Every tag, sorted by name.
    public func tags() throws -> [TagInfo] {
        var names = git_strarray()
        try check(git_tag_list(&names, pointer), "cannot list tags")
        defer { git_strarray_dispose(&names) }
        var result: [TagInfo] = []
        for index in 0..<names.count {
            guard let name = decodeCString(names.strings[index]) else { continue }
            var reference: OpaquePointer?
            guard git_reference_lookup(&reference, pointer, "refs/tags/\(name)") == 0, let reference else { continue }
            defer { git_reference_free(reference) }
            guard var oid = git_reference_target(reference)?.pointee else { continue }
            var tag: OpaquePointer?
            if git_tag_lookup(&tag, pointer, &oid) == 0, let tag {
                defer { git_tag_free(tag) }
                var peeled: OpaquePointer?
                try check(git_tag_peel(&peeled, tag), "cannot follow the tag \"\(name)\"")
                defer { git_object_free(peeled) }
                result.append(TagInfo(
                    name: name, target: ObjectID(git_object_id(peeled)),
                    message: decodeCString(git_tag_message(tag)),
                    tagger: git_tag_tagger(tag).map(Signature.init)))
            } else {
                result.append(TagInfo(name: name, target: ObjectID(oid), message: nil, tagger: nil))
            }
        }
        return result.sorted { $0.name < $1.name }
    }
}
