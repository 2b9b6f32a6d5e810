import AccordCore
import AccordReports
import ArgumentParser
import Foundation
import GitStore

/// `accord remote add|list|set-url|remove`: the other copies of this tracker that `accord sync` exchanges with.
struct RemoteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remote",
        abstract: "Name the other copies of this tracker that accord sync exchanges with.",
        discussion: """
        A remote is another copy of the tracker: a bare repository on a shared drive or USB \
        stick, or one on a git host. They are ordinary git remotes, so `git remote -v` shows \
        the same list, and the `origin` of a `git clone` works as it is.

        Examples:
          accord remote add hub /media/usb/tracker.git
          accord remote add origin git@git.example.org:ministry/tracker.git
          accord remote list
          accord remote set-url hub /media/usb2/tracker.git
          accord remote remove hub
        """,
        subcommands: [Add.self, List.self, SetURL.self, Remove.self]
    )

    /// Runs `body`; a git failure gets `context` (accord's words, translated) before git's text.
    static func withContext<T>(_ context: @autoclosure () -> String, _ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as GitError { throw AccordError(error, context: context()) }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Add a remote.",
            discussion: """
            URL may be a folder path (relative paths are stored as absolute ones), file://, \
            git://, https:// or ssh:// (or user@host:path). See docs/sync.md for what each \
            transport needs. Exits 73 if the name is taken.

            Example:
              accord remote add hub /media/usb/tracker.git
            """
        )
        @OptionGroup var repository: RepositoryOptions
        @OptionGroup var write: WriteOptions
        @Argument(help: "A short name for the remote, e.g. origin or hub.") var name: String
        @Argument(help: "Where the other copy lives: a folder path or a git URL.") var url: String

        func run() throws {
            let tracker = try repository.openTracker()
            let remote = try RemoteCommand.withContext(L10n.t("could not add the remote {1}", name)) { try tracker.addRemote(named: name, url: url) }
            try write.report(id: nil, [L10n.t("added remote {1} → {2}", remote.name, remote.url)], in: tracker)
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List the remotes and their URLs.",
            discussion: "Example:\n  accord remote list --json"
        )
        @OptionGroup var repository: RepositoryOptions
        @Flag(help: "Print JSON: {remotes: [{name, url}]} (docs/json.md).") var json = false

        func run() throws {
            let remotes = try repository.openTracker().remotes()
            if json {
                print(try JSONOutput.render(["remotes": remotes]), terminator: "")
            } else if remotes.isEmpty {
                Console.say(lines: [L10n.t("no remotes; add one with: accord remote add origin URL")])
            } else {
                let width = remotes.map(\.name.count).max() ?? 0
                Console.say(lines: remotes.map { $0.name.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + $0.url })
            }
        }
    }

    struct SetURL: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set-url",
            abstract: "Point a remote at a new URL.",
            discussion: """
            For a drive mounted at another place, or a host that moved. URL is stored as by \
            `remote add`. What was synced with the remote is kept: if the new URL is another \
            repository, the next sync refuses it (exit 65) unless its branch contains what was \
            synced before. Exits 66 if there is no remote of that name.

            Example:
              accord remote set-url hub /media/usb2/tracker.git
            """
        )
        @OptionGroup var repository: RepositoryOptions
        @OptionGroup var write: WriteOptions
        @Argument(help: "The remote to change.") var name: String
        @Argument(help: "Where the other copy lives now: a folder path or a git URL.") var url: String

        func run() throws {
            let tracker = try repository.openTracker()
            let remote = try RemoteCommand.withContext(L10n.t("could not change the remote {1}", name)) { try tracker.setRemoteURL(named: name, url: url) }
            try write.report(id: nil, [L10n.t("remote {1} → {2}", remote.name, remote.url)], in: tracker)
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "remove",
            abstract: "Remove a remote and its remote-tracking branches.",
            discussion: """
            The remote's own copy is not touched, nor are local commits. What was synced with it \
            is forgotten, so a new remote of the same name is taken as new. Exits 66 if there is \
            no remote of that name.

            Example:
              accord remote remove hub
            """
        )
        @OptionGroup var repository: RepositoryOptions
        @OptionGroup var write: WriteOptions
        @Argument(help: "The remote to remove.") var name: String

        func run() throws {
            let tracker = try repository.openTracker()
            try RemoteCommand.withContext(L10n.t("could not remove the remote {1}", name)) { try tracker.removeRemote(named: name) }
            try tracker.forgetSyncs(with: name, referencePrefix: TrackerSync.referencePrefix)
            try write.report(id: nil, [L10n.t("removed remote {1}", name)], in: tracker)
        }
    }
}
