/// The exit codes accord uses, from sysexits(3). docs/exit-codes.md lists them for users.
public enum ExitStatus: Int32, Sendable {
    /// Success.
    case success = 0
    /// A check found problems and was asked to fail on them (`gaps --fail-on`).
    case problemsFound = 1
    /// The command line was wrong.
    case usage = 64
    /// Bad data in an input file or a record.
    case dataError = 65
    /// A missing file, repository, revision or id.
    case noInput = 66
    /// An internal error: a bug in accord.
    case software = 70
    /// Something could not be created (the tracker exists already, a folder is not writable).
    case cannotCreate = 73
    /// Reading or writing failed.
    case ioError = 74
    /// Another writer won the race even after retries; running the command again is safe.
    case tryAgain = 75
}
