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
