import AccordCore
import Foundation
import GitStore

/// Turns any error a command throws into the one line a user reads and the sysexits code
/// the documentation promises. This is the only place exit codes are chosen.
struct ErrorReport {
    let message: String
    let exitCode: Int32

    /// The report for an error of accord's, of GitStore's or of the file system; nil for any
    /// other error, which ArgumentParser reports itself (help, version, usage: exit 64).
    init?(_ error: any Error) {
        switch error {
        case let error as any AccordFailure:
            message = error.message
            exitCode = error.exitStatus.rawValue
        case let error as GitError:
            message = error.description
            exitCode = Self.exitStatus(for: error).rawValue
        case let error as CocoaError:
            message = error.localizedDescription.prefix(1).lowercased() + error.localizedDescription.dropFirst()
            exitCode = [.fileNoSuchFile, .fileReadNoSuchFile].contains(error.code)
                ? ExitStatus.noInput.rawValue : ExitStatus.ioError.rawValue
        default:
            return nil
        }
    }

    private static func exitStatus(for error: GitError) -> ExitStatus {
        switch error.kind {
        case .notARepository, .notOwned, .notFound: return .noInput
        case .lostRace, .locked, .timedOut: return .tryAgain
        case .exists: return .cannotCreate
        case .io: return .ioError
        case .invalid: return .dataError
        case .conflict, .refused: return .dataError
        case .other: return .software
        }
    }
}
