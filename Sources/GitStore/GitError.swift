internal import CLibGit2

/// An error from libgit2 or from GitStore itself, with libgit2's code, class and message.
public struct GitError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, in terms a caller can act on.
    public enum Kind: Sendable, Equatable {
        /// The folder is not a git repository (or not a tracker).
        case notARepository
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
