public import GitStore

/// The one error accord reports: what kind of failure it is, one lowercase sentence a user
/// can act on, and where it happened when that is known (file, line, field, id).
///
/// The kind alone chooses the exit status, so a message never has to be matched to find
/// it. Errors that carry more structure for their callers (a reason to switch on, a list
/// of diagnostics) conform to ``AccordFailure`` and report as one of these.
public struct AccordError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of failure: each kind is one sysexits code.
    public enum Kind: Sendable, Hashable, CaseIterable {
        /// The command line, a setting or the editor asked for cannot be used (64).
        case usage
        /// An input file or a record is invalid, or a sync would lose or break data (65).
        case data
        /// A file, repository, revision or id is missing (66).
        case notFound
        /// A bug in accord, or a tool it runs failed in a way it cannot explain (70).
        case `internal`
        /// Something exists already or cannot be created (73).
        case cannotCreate
        /// Reading or writing failed (74).
        case io
        /// Another writer won the race, or a remote stalled; running again is safe (75).
        case tryAgain

        /// The exit status a command ends with.
        public var exitStatus: ExitStatus {
            switch self {
            case .usage: .usage
            case .data: .dataError
            case .notFound: .noInput
            case .internal: .software
            case .cannotCreate: .cannotCreate
            case .io: .ioError
            case .tryAgain: .tryAgain
            }
        }
    }

    /// What kind of failure.
    public var kind: Kind
    /// One lowercase sentence saying what went wrong, without the place.
    public var reason: String
    /// The file concerned, as the user would name it.
    public var file: String?
    /// The 1-based line in `file`.
    public var line: Int?
    /// The field path in the record, such as `commitments[2].due`.
    public var field: String?
    /// The id concerned, such as `tip-2005#7.2`.
    public var id: String?
    /// Text from outside accord (git's, libgit2's) that follows the reason as it came: no
    /// catalog can translate it, and no part of it is taken for a message of accord's.
    public var detail: String?

    /// A failure of `kind`; `reason` is one sentence, without the place when it is given
    /// separately as `file`, `line`, `field` or `id`.
    public init(_ kind: Kind, _ reason: String, file: String? = nil, line: Int? = nil, field: String? = nil,
                id: String? = nil) {
        self.kind = kind
        self.reason = reason
        self.file = file
        self.line = line
        self.field = field
        self.id = id
    }

    /// The line a user reads: `file:line: field: reason`, or `id: reason`, with what is known.
    /// The reason is in the run's language (a reason kept in English is translated here); the
    /// place stays as written.
    public var message: String {
        var place: [String] = []
        if let file { place.append(line.map { "\(file):\($0)" } ?? file) }
        if let field { place.append(field) }
        if let id, file == nil { place.append(id) }
        return (place + [L10n.shown(reason)] + (detail.map { [$0] } ?? [])).joined(separator: ": ")
    }

    public var description: String { message }

    /// The exit status a command ends with.
    public var exitStatus: ExitStatus { kind.exitStatus }
}

extension AccordError {
    /// The error a git failure is to the user. GitStore is a library of its own with its own
    /// error; this is the one place its kinds meet accord's.
    public init(_ error: GitError) {
        let kind: Kind = switch error.kind {
        case .notARepository, .notOwned, .notFound: .notFound
        case .lostRace, .locked, .timedOut: .tryAgain
        case .exists: .cannotCreate
        case .io: .io
        case .invalid, .conflict, .refused: .data
        case .other: .internal
        }
        self.init(kind, error.description)
    }
}

extension AccordError {
    /// A git failure with accord's own words before git's: `context` (translated, such as
    /// `sync could not reach the remote origin`) then the text of libgit2 or GitStore as it
    /// came, which no catalog can translate. The kind, and so the exit status, is the git
    /// error's.
    public init(_ error: GitError, context: String) {
        self = AccordError(error)
        reason = context
        detail = error.description
    }
}

/// An error that keeps more structure than ``AccordError`` for its callers (a reason to
/// switch on, the diagnostics of a whole run) and reports as one.
public protocol AccordFailure: Error {
    /// The error as the user reads it, with its kind.
    var accordError: AccordError { get }
}

extension AccordFailure {
    /// The line a user reads.
    public var message: String { accordError.message }
    /// The exit status a command ends with.
    public var exitStatus: ExitStatus { accordError.exitStatus }
}

extension AccordError: AccordFailure {
    /// Itself: so code that handles any ``AccordFailure`` handles this one too.
    public var accordError: AccordError { self }
}
