import AccordCore
import ArgumentParser
import Foundation
import GitStore

/// `--quiet` and `--verbose`, taken by every command that writes: a script wants only the
/// new id, a desk wants to see what was committed. `report` prints what a write did in the
/// form they ask for.
struct WriteOptions: ParsableArguments {
    @Flag(name: .shortAndLong, help: "Print only the new id (nothing when the command makes none), for scripts.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "Also print each commit made: its id, author, date, message and files.")
    var verbose = false

    func validate() throws {
        if quiet && verbose { throw ValidationError(L10n.t("give either --quiet or --verbose, not both")) }
    }

    /// Prints what a write did on `output` (standard error for a command whose standard
    /// output carries something else): with `--quiet` only `id` (nothing when nil); else
    /// `lines`, then with `--verbose` each commit of `commits` as `git show --name-status` would.
    func report(id: String?, _ lines: [String], commits: [ObjectID] = [], in repository: Repository,
                on output: FileHandle = .standardOutput) throws {
        var text = quiet ? id.map { $0 + "\n" } ?? "" : lines.map { $0 + "\n" }.joined()
        if verbose {
            for commit in commits { text += try Self.describe(commit, in: repository) }
        }
        Console.say(text, on: output)
    }

    /// One commit as `git show --name-status` prints it, without the diff: id, author, date,
    /// message indented, then one line per file (A added, M modified, D deleted).
    static func describe(_ id: ObjectID, in repository: Repository) throws -> String {
        let commit = try repository.commit(id)
        let changes = try repository.changes(from: commit.parents.first, to: id)
        let author = commit.author
        let date = ISO8601DateFormatter.string(
            from: author.date, timeZone: TimeZone(secondsFromGMT: author.timeZoneOffsetMinutes * 60) ?? .gmt,
            formatOptions: [.withInternetDateTime])
        let message = commit.message.trimmingCharacters(in: .newlines)
            .split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : "    \($0)" }
        return (["", "commit \(id.hex)", "Author: \(author.name) <\(author.email)>", "Date:   \(date)", ""]
            + message + [""] + nameStatus(changes)).joined(separator: "\n") + "\n"
    }

    /// One line per changed file, as `git diff --name-status`: A added, M modified, D deleted.
    static func nameStatus(_ changes: [PathChange]) -> [String] {
        changes.map { change in
            let mark = switch change.kind {
            case .added: "A"
            case .modified: "M"
            case .deleted: "D"
            }
            return "\(mark)\t\(change.path)"
        }
    }
}
