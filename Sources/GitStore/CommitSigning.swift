public import Foundation
internal import CLibGit2

/// Signs commits as they are written: given the text of the commit object (what git calls
/// the commit buffer), returns the ASCII-armoured signature git stores in its `gpgsig`
/// header (an SSH signature, an OpenPGP one: GitStore does not care). A signer that throws
/// stops the commit; nothing is written.
public typealias CommitSigner = (_ commitText: String) throws -> String

/// A commit's signature and the exact bytes it signs, as `git verify-commit` checks them.
public struct CommitSignature: Sendable, Equatable {
    /// The armoured signature from the commit's `gpgsig` header.
    public let signature: String
    /// The commit object without that header: the signed bytes.
    public let signedData: Data
}

extension Repository {
    /// Writes a commit object of `tree` with `parents`, signed by `commitSigner` when one is
    /// set; no reference moves. Every commit GitStore makes is written here.
    func writeCommit(tree: OpaquePointer, parents: [OpaquePointer], author: UnsafeMutablePointer<git_signature>,
                     committer: UnsafeMutablePointer<git_signature>, message: String) throws -> ObjectID {
        var parentPointers: [OpaquePointer?] = parents
        var commitOID = git_oid()
        guard let commitSigner else {
            _ = try parentPointers.withUnsafeMutableBufferPointer { buffer in
                try check(git_commit_create(&commitOID, pointer, nil, author, committer, nil, message, tree,
                                            buffer.count, buffer.baseAddress), "cannot write the commit")
            }
            return ObjectID(commitOID)
        }
        var buffer = git_buf()
        defer { git_buf_dispose(&buffer) }
        _ = try parentPointers.withUnsafeMutableBufferPointer { parents in
            try check(git_commit_create_buffer(&buffer, pointer, author, committer, nil, message, tree,
                                               parents.count, parents.baseAddress), "cannot write the commit")
        }
        let text = String(decoding: UnsafeRawBufferPointer(start: buffer.ptr, count: buffer.size), as: UTF8.self)
        let signature = try commitSigner(text)
        try check(git_commit_create_with_signature(&commitOID, pointer, text, signature, nil), "cannot write the signed commit")
        return ObjectID(commitOID)
    }

    /// The signature of commit `id` and the bytes it covers; nil for an unsigned commit.
    public func signature(ofCommit id: ObjectID) throws -> CommitSignature? {
        var oid = id.oid
        var signature = git_buf(), signed = git_buf()
        defer {
            git_buf_dispose(&signature)
            git_buf_dispose(&signed)
        }
        let code = git_commit_extract_signature(&signature, &signed, pointer, &oid, nil)
        if code == GIT_ENOTFOUND.rawValue { return nil }
        try check(code, "cannot read the signature of commit \(id.short)")
        return CommitSignature(
            signature: String(decoding: UnsafeRawBufferPointer(start: signature.ptr, count: signature.size), as: UTF8.self),
            signedData: Data(bytes: signed.ptr, count: signed.size))
    }
}
