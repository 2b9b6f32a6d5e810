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

    public var accordError: AccordError {
        let count = problems.count == 1 ? "1 problem" : "\(problems.count) problems"
        return AccordError(.data, (["\(count) in \(file); nothing was recorded:"] + problems.map { "  \($0)" }).joined(separator: "\n"))
    }
}
