internal import CLibGit2
internal import Foundation

/// An error from libgit2 or from GitStore itself, with libgit2's code, class and message.
public struct GitError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, in terms a caller can act on.
    public enum Kind: Sendable, Equatable {
        /// The folder is not a git repository (or not a tracker).
        case notARepository
        /// The repository belongs to another user, and git refuses it until it is trusted.
        case notOwned
        /// A revision, path or object does not exist.
        case notFound
        /// Another writer moved the branch first, and retries ran out.
        case lostRace
        /// A lock is held by another writer.
        case locked
        /// The thing to create exists already.
        case exists
        /// A file could not be read or written.
        case io
        /// The input is not valid (a bad revision spec, a bad name).
        case invalid
        /// A merge found conflicting changes.
        case conflict
        /// A sync was refused because accepting it would lose history or data (the remote
        /// rewrote commits already synced, the histories are unrelated, a check said no).
        case refused
        /// A remote stopped answering for longer than the allowed time.
        case timedOut
        /// Anything else.
        case other
    }

    /// The category of the failure.
    public let kind: Kind
    /// libgit2's return code (negative), or 0 when the error is GitStore's own.
    public let code: Int32
    /// libgit2's error class (`git_error_t`), or 0 when unknown.
    public let errorClass: Int32
    /// The message, one lowercase sentence.
    public let message: String

    /// Creates an error of GitStore's own.
    public init(_ kind: Kind, _ message: String, code: Int32 = 0, errorClass: Int32 = 0) {
        self.kind = kind
        self.message = message
        self.code = code
        self.errorClass = errorClass
    }

    public var description: String { message }
}

extension GitError {
    /// Builds the error for a negative libgit2 return code, reading `git_error_last()` at
    /// once (it is per thread, and may be NULL in 1.5: then the numeric code is all we have).
    init(code: Int32, context: String) {
        var errorClass: Int32 = 0
        var detail = "libgit2 error \(code)"
        if let last = git_error_last() {
            errorClass = last.pointee.klass
            if let text = decodeCString(last.pointee.message), !text.isEmpty { detail = text }
        }
        let kind: Kind
        switch code {
        case GIT_ENOTFOUND.rawValue: kind = .notFound
        case GIT_EEXISTS.rawValue: kind = .exists
        case GIT_EMODIFIED.rawValue: kind = .lostRace
        case GIT_ELOCKED.rawValue: kind = .locked
        case GIT_EINVALIDSPEC.rawValue, GIT_EAMBIGUOUS.rawValue, GIT_EINVALID.rawValue: kind = .invalid
        case GIT_ECONFLICT.rawValue, GIT_EMERGECONFLICT.rawValue: kind = .conflict
        default: kind = errorClass == GIT_ERROR_OS.rawValue ? .io : .other
        }
        let message = context.isEmpty ? detail : "\(context): \(detail)"
        self.init(kind, message, code: code, errorClass: errorClass)
    }
}

/// Turns a libgit2 return code into a thrown `GitError` when it is negative; returns it otherwise.
@discardableResult
func check(_ code: Int32, _ context: @autoclosure () -> String = "") throws(GitError) -> Int32 {
    guard code < 0 else { return code }
    throw GitError(code: code, context: context())
}

/// Decodes a C string from git. Git stores bytes, not text: invalid UTF-8 is repaired with
/// replacement characters rather than trapping.
func decodeCString(_ pointer: UnsafePointer<CChar>?) -> String? {
    guard let pointer else { return nil }
    return String(validatingCString: pointer)
        ?? String(decoding: UnsafeRawBufferPointer(start: pointer, count: strlen(pointer)), as: UTF8.self)
}
