/// Why a file could not be imported: one sentence naming the file (and, for a spreadsheet,
/// the row and column), and the exit status (65 unreadable content, 66 missing file).
public struct ImportError: AccordFailure, Sendable, Hashable {
    /// The exit status.
    public let exitStatus: ExitStatus
    /// One sentence.
    public let message: String

    /// Creates the error.
    public init(_ exitStatus: ExitStatus, _ message: String) {
        self.exitStatus = exitStatus
        self.message = message
    }
}

/// Every problem found in the rows of a table, each as `FILE:row:column: message`: all
/// rows are checked before anything is recorded, so one run lists everything to fix.
public struct TableProblems: AccordFailure, Sendable {
    /// The file, as named in messages.
    public let file: String
    /// The problems, in row order.
    public let problems: [String]

    /// Creates the failure.
    public init(file: String, problems: [String]) {
        self.file = file
        self.problems = problems
    }

    public var message: String {
        let count = problems.count == 1 ? "1 problem" : "\(problems.count) problems"
        return (["\(count) in \(file); nothing was recorded:"] + problems.map { "  \($0)" }).joined(separator: "\n")
    }

    public var exitStatus: ExitStatus { .dataError }
}
