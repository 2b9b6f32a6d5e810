public import Foundation
public import GitStore

/// Finds and creates trackers: git repositories whose tip holds `accord.yaml`.
public enum TrackerLocation {
    /// Why no tracker could be opened or created.
    public struct Failure: AccordFailure, Sendable {
        public let message: String
        public let exitStatus: ExitStatus
    }

    /// Opens the repository named by `explicit` (`--repo`), else by `environment`
    /// (`ACCORD_REPO`), else the one enclosing `currentDirectory`.
    public static func openRepository(explicit: String?, environment: String?, currentDirectory: URL) throws -> Repository {
        if let path = explicit ?? environment.flatMap({ $0.isEmpty ? nil : $0 }) {
            let url = URL(fileURLWithPath: path, relativeTo: currentDirectory).standardizedFileURL
            let source = explicit != nil ? "--repo" : "ACCORD_REPO"
            do {
                return try Repository.open(at: url)
            } catch let error as GitError where error.kind == .notARepository {
                throw Failure(message: "no tracker at \(url.path) (from \(source)): it is not a git repository", exitStatus: .noInput)
            }
        }
        do {
            return try Repository.discover(from: currentDirectory)
        } catch let error as GitError where error.kind == .notARepository {
            throw Failure(message: "no tracker found: \(currentDirectory.path) is not inside a git repository; "
                + "give --repo PATH, set ACCORD_REPO, or run accord init", exitStatus: .noInput)
        }
    }

    /// Like `openRepository`, and also requires `accord.yaml` at the tip.
    public static func openTracker(explicit: String?, environment: String?, currentDirectory: URL) throws -> Repository {
        let repository = try openRepository(explicit: explicit, environment: environment, currentDirectory: currentDirectory)
        let place = repository.workingDirectory?.path ?? repository.gitDirectory.path
        guard let tip = try repository.tip() else {
            throw Failure(message: "\(place) is an empty git repository, not a tracker; run accord init there", exitStatus: .noInput)
        }
        guard try repository.entry(TrackerSettings.fileName, at: tip) != nil else {
            throw Failure(message: "\(place) is a git repository but not a tracker: it has no \(TrackerSettings.fileName)", exitStatus: .noInput)
        }
        return repository
    }

    /// Creates a tracker at `url` (creating the folder if needed) with one first commit of
    /// the default settings. Refuses, changing nothing, when a tracker or a git repository
    /// with commits is there already; an empty repository is used as it is.
    public static func create(at url: URL, bare: Bool) throws -> (repository: Repository, commit: ObjectID) {
        // libgit2's message for a file in the way ("directory exists") misleads; say it plainly.
        var ancestor = url
        while true {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: ancestor.path, isDirectory: &isFolder) {
                if !isFolder.boolValue {
                    throw Failure(message: "cannot create a tracker at \(url.path): \(ancestor.path) is a file", exitStatus: .cannotCreate)
                }
                break
            }
            let parent = ancestor.deletingLastPathComponent()
            if parent.path == ancestor.path { break }
            ancestor = parent
        }
        let repository: Repository
        if let existing = try? Repository.open(at: url) {
            if let tip = try existing.tip() {
                let what = (try? existing.entry(TrackerSettings.fileName, at: tip)) != nil
                    ? "a tracker exists already" : "it is a git repository with commits already"
                throw Failure(message: "cannot create a tracker at \(url.path): \(what); nothing was changed", exitStatus: .cannotCreate)
            }
            repository = existing
        } else {
            do {
                repository = try Repository.create(at: url, bare: bare, branch: "main")
            } catch let error as GitError {
                throw Failure(message: "cannot create a tracker at \(url.path): \(error.message)", exitStatus: .cannotCreate)
            }
        }
        var changes = ChangeSet()
        changes.write(TrackerSettings.fileName, Data(TrackerSettings.defaultText.utf8))
        let commit = try repository.apply(changes, message: "Create accord tracker", author: defaultAuthor(of: repository))
        return (repository, commit)
    }

    /// The author for commits accord makes on its own: git's `user.name` and `user.email`,
    /// else "accord <accord@localhost>"; dated now, in the local time zone.
    public static func defaultAuthor(of repository: Repository, date: Date = Date()) -> Signature {
        let name = repository.configString("user.name").flatMap { $0.isEmpty ? nil : $0 } ?? "accord"
        let email = repository.configString("user.email").flatMap { $0.isEmpty ? nil : $0 } ?? "accord@localhost"
        let offset = TimeZone.current.secondsFromGMT(for: date) / 60
        return Signature(name: name, email: email, date: date, timeZoneOffsetMinutes: offset)
    }
}
