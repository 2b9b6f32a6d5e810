import AccordCore
import Foundation
import GitStore

/// Turns any error a command throws into the one line a user reads and the sysexits code
/// the documentation promises. This is the only place exit codes are chosen.
struct ErrorReport {
    let message: String
    let exitCode: Int32

    init(_ error: any Error) {
        switch error {
        case let error as any AccordFailure:
            message = error.message
            exitCode = error.exitStatus.rawValue
        case let error as GitError:
            message = error.description
            exitCode = Self.exitStatus(for: error).rawValue
        default:
            message = String(describing: error)
            exitCode = ExitStatus.software.rawValue
        }
    }

    private static func exitStatus(for error: GitError) -> ExitStatus {
        switch error.kind {
        case .notARepository, .notFound: return .noInput
        case .lostRace, .locked: return .tryAgain
        case .exists: return .cannotCreate
        case .io: return .ioError
        case .invalid: return .dataError
        case .conflict: return .dataError
        case .other: return .software
        }
    }
}
