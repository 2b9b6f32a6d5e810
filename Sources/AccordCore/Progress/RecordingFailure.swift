/// Why a new status report or piece of evidence was refused before anything was written.
public struct RecordingFailure: AccordFailure, Sendable, Equatable {
    public let message: String
    public let exitStatus: ExitStatus

    /// A refusal with its one-line message and exit status.
    public init(_ message: String, _ exitStatus: ExitStatus = .dataError) {
        self.message = message
        self.exitStatus = exitStatus
    }
}
