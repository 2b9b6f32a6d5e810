public import Foundation
public import GitStore

/// Finds and creates trackers: git repositories whose tip holds `accord.yaml`.
public enum TrackerLocation {
    /// Opens the repository named by `explicit` (`--repo`), else by `ACCORD_REPO`, else by
    /// git's `GIT_DIR` (with `GIT_WORK_TREE` as its working folder), else the one enclosing
    /// `currentDirectory` (with `GIT_WORK_TREE`, when set, as its working folder). Empty
    /// variables count as unset. `GIT_WORK_TREE` is left aside when the tracker is named by
    /// `--repo` or `ACCORD_REPO`: it belongs to whatever git repository the shell is in.
    ///
    /// Unlike git, a `GIT_DIR` without `GIT_WORK_TREE` keeps the repository's own working
    /// folder rather than taking the current folder as one: accord writes records into the
    /// working folder, and a record written into whatever folder the shell happened to be in
    /// would be lost to the tracker.
    /// The repository signs its commits when its configuration asks for it (`CommitSigning`).
    public static func openRepository(explicit: String?, environment: [String: String], currentDirectory: URL) throws -> Repository {
        signing(try findRepository(explicit: explicit, environment: environment, currentDirectory: currentDirectory))
    }

    private static func findRepository(explicit: String?, environment: [String: String], currentDirectory: URL) throws -> Repository {
        func variable(_ name: String) -> String? { environment[name].flatMap { $0.isEmpty ? nil : $0 } }
        func url(_ path: String) -> URL { URL(fileURLWithPath: path, relativeTo: currentDirectory).standardizedFileURL }
        if let path = explicit ?? variable("ACCORD_REPO") {
            let source = explicit != nil ? "--repo" : "ACCORD_REPO"
            do {
                return try Repository.open(at: url(path))
            } catch let error as GitError where error.kind == .notARepository {
                throw AccordError(.notFound, L10n.t("no tracker at {1} (from {2}): it is not a git repository", url(path).path, source))
            }
        }
        let workTree = variable("GIT_WORK_TREE").map(url)
        if let gitDirectory = variable("GIT_DIR").map(url) {
            do {
                return try Repository.open(gitDirectory: gitDirectory, workTree: workTree)
            } catch let error as GitError where error.kind == .notARepository {
                throw AccordError(.notFound, L10n.t("no tracker at {1} (from GIT_DIR): it is not a git folder", gitDirectory.path))
            }
        }
        do {
            let found = try Repository.discover(from: currentDirectory)
            guard let workTree else { return found }
            return try Repository.open(gitDirectory: found.gitDirectory, workTree: workTree)
        } catch let error as GitError where error.kind == .notARepository {
            throw AccordError(.notFound, L10n.t("no tracker found: {1} is not inside a git repository; give --repo PATH, set ACCORD_REPO, or run accord init",
                                      currentDirectory.path))
        }
    }

    /// Like `openRepository`, and also requires `accord.yaml` at the tip.
    public static func openTracker(explicit: String?, environment: [String: String], currentDirectory: URL) throws -> Repository {
        let repository = try openRepository(explicit: explicit, environment: environment, currentDirectory: currentDirectory)
        let place = repository.workingDirectory?.path ?? repository.gitDirectory.path
        guard let tip = try repository.tip() else {
            if let tracker = try remoteTracker(in: repository) {
                let branch = tracker.dropFirst("refs/remotes/".count).split(separator: "/", maxSplits: 1).last.map(String.init) ?? ""
                throw AccordError(.notFound, L10n.t("{1} has no commits on its branch {2}, but {3} holds a tracker (the hub it was cloned from names no branch as its HEAD): check it out with: git -C {1} checkout {4}", place, repository.branch, tracker.dropFirst("refs/remotes/".count), branch))
            }
            throw AccordError(.notFound, L10n.t("{1} is an empty git repository, not a tracker; run accord init there", place))
        }
        guard try repository.entry(TrackerSettings.fileName, at: tip) != nil else {
            throw AccordError(.notFound, L10n.t("{1} is a git repository but not a tracker: it has no {2}", place, TrackerSettings.fileName))
        }
        return repository
    }

    /// The first remote-tracking branch (`refs/remotes/origin/main`) whose tip holds a
    /// tracker, preferring `main`: what a clone of a hub with a dangling HEAD should check out.
    static func remoteTracker(in repository: Repository) throws -> String? {
        let candidates = try repository.references(under: "refs/remotes/")
            .filter { !$0.name.hasSuffix("/HEAD") }
            .sorted { ($0.name.hasSuffix("/main") ? 0 : 1, $0.name) < ($1.name.hasSuffix("/main") ? 0 : 1, $1.name) }
        return try candidates.first { try repository.entry(TrackerSettings.fileName, at: $0.target) != nil }?.name
    }

    /// Creates an empty bare repository at `url` whose HEAD names `main`, for copies of a
    /// tracker to sync through: the first sync into it brings the tracker's history as it is.
    /// An empty repository there already is left as it is (its HEAD follows the first sync);
    /// one with commits is refused, changing nothing.
    public static func createHub(at url: URL) throws -> Repository {
        if let existing = try? Repository.open(at: url) {
            if try existing.tip() != nil || !(try existing.references(under: "refs/heads/").isEmpty) {
                throw AccordError(.cannotCreate, L10n.t("cannot create a hub at {1}: it is a git repository with commits already; nothing was changed", url.path))
            }
            return existing
        }
        try requireFolderCanBeMade(url)
        do {
            return try Repository.create(at: url, bare: true, branch: "main")
        } catch let error as GitError {
            throw AccordError(.cannotCreate, L10n.t("cannot create a hub at {1}: {2}", url.path, error.message))
        }
    }

    /// Creates a tracker at `url` (creating the folder if needed) with one first commit of
    /// the default settings, or the commits `populate` makes instead (the example's
    /// history). Refuses, changing nothing, when a tracker or a git repository with commits
    /// is there already; an empty repository is used as it is.
    public static func create(
        at url: URL, bare: Bool, populate: ((Repository) throws -> ObjectID)? = nil
    ) throws -> (repository: Repository, commit: ObjectID) {
        try requireFolderCanBeMade(url)
        let repository: Repository
        if let existing = try? Repository.open(at: url) {
            if let tip = try existing.tip() {
                let what = (try? existing.entry(TrackerSettings.fileName, at: tip)) != nil
                    ? L10n.t("a tracker exists already") : L10n.t("it is a git repository with commits already")
                throw AccordError(.cannotCreate, L10n.t("cannot create a tracker at {1}: {2}; nothing was changed", url.path, what))
            }
            repository = signing(existing)
        } else {
            do {
                repository = signing(try Repository.create(at: url, bare: bare, branch: "main"))
            } catch let error as GitError {
                throw AccordError(.cannotCreate, L10n.t("cannot create a tracker at {1}: {2}", url.path, error.message))
            }
        }
        if let populate { return (repository, try populate(repository)) }
        var changes = ChangeSet()
        changes.write(TrackerSettings.fileName, Data(TrackerSettings.defaultText.utf8))
        let commit = try repository.apply(changes, message: "Create accord tracker", author: defaultAuthor(of: repository))
        return (repository, commit)
    }

    /// Refuses, before libgit2 tries, a path with a file where a folder should be: libgit2's
    /// message for it ("directory exists") misleads.
    private static func requireFolderCanBeMade(_ url: URL) throws {
        var ancestor = url
        while true {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: ancestor.path, isDirectory: &isFolder) {
                if !isFolder.boolValue {
                    throw AccordError(.cannotCreate, L10n.t("cannot create a tracker at {1}: {2} is a file", url.path, ancestor.path))
                }
                return
            }
            let parent = ancestor.deletingLastPathComponent()
            if parent.path == ancestor.path { return }
            ancestor = parent
        }
    }

    /// `repository`, signing its commits when its configuration asks for it (`CommitSigning`):
    /// every handle accord writes through is opened here.
    static func signing(_ repository: Repository) -> Repository {
        CommitSigning.configure(repository)
        return repository.keepingHistoryInDerivedStore()
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
