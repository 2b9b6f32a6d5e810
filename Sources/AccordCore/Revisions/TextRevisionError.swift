/// Why a revision could not be recorded or a version of a text could not be found: one
/// sentence naming the instrument, file, tag or revision, and the exit status.
public struct TextRevisionError: AccordFailure, Sendable, Hashable {
    /// The exit status (65 bad text, 66 unknown revision or instrument, 73 tag exists).
    public let exitStatus: ExitStatus
    /// One sentence.
    public let message: String

    /// Creates the error.
    public init(_ exitStatus: ExitStatus, _ message: String) {
        self.exitStatus = exitStatus
        self.message = message
    }
}
