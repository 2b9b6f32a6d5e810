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
        let heading = problems.count == 1
            ? L10n.t("1 problem in {1}; nothing was recorded:", file)
            : L10n.t("{1} problems in {2}; nothing was recorded:", LocalForms.count(problems.count), file)
        return AccordError(.data, ([heading] + problems.map { "  \($0)" }).joined(separator: "\n"))
    }
}
