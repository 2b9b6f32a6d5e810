import AccordCore
import AccordReports
import ArgumentParser
import Foundation
import GitStore
#if canImport(Glibc)
import Glibc
#endif

/// The root command: `accord <subcommand>`.
///
/// Subcommands live in `Commands/<Verb>.swift`. Errors from every command go through
/// `Accord.main()`, which prints one line to standard error and exits with the code that
/// `ErrorReport` assigns (see docs/exit-codes.md).
@main
struct Accord: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "accord",
        abstract: "Track how bilateral agreements and action plans are carried out.",
        discussion: """
        accord keeps instrument texts, commitment registers, status reports and evidence \
        as plain text in a git repository, and answers the questions a review meeting asks: \
        what was committed, what has been done and what proves it, what is late or missing, \
        what changed in the texts, and what falls due before the next review.

        The tracker is found from --repo PATH, else the ACCORD_REPO environment variable, \
        else git's GIT_DIR (and GIT_WORK_TREE), else the git repository enclosing the \
        current folder.

        Every command takes --lang en|vi|km (else ACCORD_LANG, LC_ALL, LC_MESSAGES, LANG, \
        then accord.yaml's language:) and --digits latin|khmer (else ACCORD_DIGITS, then \
        accord.yaml's digits:); this help stays in English (docs/languages.md). \
        Reports take --json (with a version key; docs/json.md), --color auto|always|never \
        and --no-pager; on a terminal long output goes through $ACCORD_PAGER, git config \
        accord.pager or core.pager, $PAGER, else less -FRX. --output - is standard output. \
        Writers take --quiet (only the new id) and --verbose (the commit too). Per-user \
        defaults are git config accord.* keys (docs/config.md).
        """,
        version: AccordVersion.current,
        groupedSubcommands: [
            CommandGroup(name: "Set up and check", subcommands: [Init.self, Validate.self, Verify.self]),
            CommandGroup(name: "Record", subcommands: [
                Log.self, EvidenceCommand.self, RequestCommand.self, MeetingCommand.self, InstrumentCommand.self, CommitmentCommand.self, PlanCommand.self, ImportCommand.self, Amend.self, Retract.self, Undo.self,
            ]),
            CommandGroup(name: "Ask", subcommands: [
                StatusCommand.self, Show.self, List.self, History.self, Gaps.self, Schedule.self, Search.self, Due.self,
            ]),
            CommandGroup(name: "Texts and review meetings", subcommands: [
                Revisions.self, Diff.self, Summary.self,
            ]),
            CommandGroup(name: "Share between copies", subcommands: [
                RemoteCommand.self, Sync.self, Digest.self,
            ]),
            CommandGroup(name: "In a browser", subcommands: [Serve.self, UserCommand.self]),
        ]
    )

    /// Runs the command line, mapping every failure to one message and one exit code.
    static func main() {
        // Where GitStore keeps its write lock, sync state and scratch files in a tracker's
        // git folder and in a hub: every accord, old and new, locks the same file.
        StateFolder.name = "accord"
        #if canImport(Glibc)
        // Blocks of 4 MB and more (a read's large arrays) get a mapping of their own, given
        // back when freed. By default glibc raises that threshold as such blocks are freed,
        // and the blocks of the store's update before a read then stay resident beside the
        // read's own (Benchmarks/README.md, "Large blocks given back"). mallopt and
        // M_MMAP_THRESHOLD (-3) are in malloc.h, which the Glibc module leaves out.
        if let mallopt = dlsym(nil, "mallopt") {
            _ = unsafeBitCast(mallopt, to: (@convention(c) (Int32, Int32) -> Int32).self)(-3, 4 << 20)
        }
        #endif
        // Test fixtures, which can simply be made again, write without fsync.
        if ProcessInfo.processInfo.environment["ACCORD_DURABILITY"] == "relaxed" { Durability.setForProcess(.relaxed) }
        let command: any ParsableCommand
        do {
            command = try parseAsRoot(try chooseLanguage(Array(CommandLine.arguments.dropFirst())))
        } catch let error as L10n.UnknownLanguage {
            fail(ErrorReport(usage: error.description))
        } catch let error as LocalForms.UnknownDigits {
            fail(ErrorReport(usage: error.description))
        } catch {
            // Help and version leave as ArgumentParser prints them; a wrong command line is
            // one `accord:` line (exit 64) with a pointer to the command's help.
            guard exitCode(for: error) != .success else { exit(withError: error) }
            fail(ErrorReport(usage: fullMessage(for: error)))
        }
        do {
            var mutable = command
            try mutable.run()
        } catch let error as ExitCode {
            Foundation.exit(error.rawValue)  // a check that already printed its findings
        } catch {
            switch ErrorReport.known(error) {
            case .some(let report): fail(report)
            case nil where exitCode(for: error) == .success: exit(withError: error)  // help asked for
            case nil where exitCode(for: error) == .validationFailure: fail(ErrorReport(usage: fullMessage(for: error)))
            case nil: fail(ErrorReport(error))
            }
        }
    }

    /// The command line without `--lang LIST` (or `--lang=LIST`) and `--digits STYLE`, which
    /// every command takes and which choose the run's languages and digits before anything
    /// prints (see `L10n.choose`, `LocalForms.choose`).
    /// `diff`, `revisions`, `amend` and `instrument` keep their own `--lang`, the language of
    /// a text: the first sets the interface's language too when accord speaks it (an
    /// instrument added in English, Vietnamese and Khmer answers in English, its first).
    private static func chooseLanguage(_ arguments: [String]) throws -> [String] {
        let textCommands: Set<String> = ["diff", "revisions", "amend", "instrument"]
        let keepsOption = arguments.first { !$0.hasPrefix("-") }.map(textCommands.contains) ?? false
        var rest: [String] = []
        var option: String?
        var digits: String?
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--" {
                rest += arguments[index...]
                break
            } else if argument == "--lang", index + 1 < arguments.count {
                if !keepsOption || option == nil { option = arguments[index + 1] }
                if keepsOption { rest += [argument, arguments[index + 1]] }
                index += 2
                continue
            } else if argument == "--digits", index + 1 < arguments.count {
                digits = arguments[index + 1]
                index += 2
                continue
            } else if argument.hasPrefix("--digits=") {
                digits = String(argument.dropFirst("--digits=".count))
            } else if argument.hasPrefix("--lang=") {
                if !keepsOption || option == nil { option = String(argument.dropFirst("--lang=".count)) }
                if keepsOption { rest.append(argument) }
            } else {
                rest.append(argument)
            }
            index += 1
        }
        if keepsOption, let given = option, (try? L10n.parse(given, origin: "--lang")) == nil { option = nil }
        let machineReadable = zip(rest, rest.dropFirst()).contains { $0 == "--format" && ($1 == "json" || $1 == "csv" || $1 == "xlsx") }
            || rest.contains { ["--json", "--csv", "--format=json", "--format=csv", "--format=xlsx"].contains($0) }
        try L10n.choose(option: option, environment: ProcessInfo.processInfo.environment, machineReadable: machineReadable)
        try LocalForms.choose(option: digits, environment: ProcessInfo.processInfo.environment, machineReadable: machineReadable)
        return rest
    }

    /// Prints the one `accord:` line, with any control character a record could carry made
    /// visible, and exits with the report's code.
    private static func fail(_ report: ErrorReport) -> Never {
        let message = TerminalText.visible(report.message, style: TerminalStyle(colour: false))
        FileHandle.standardError.write(Data("accord: \(message)\n".utf8))
        Foundation.exit(report.exitCode)
    }
}

/// The version printed by `accord --version`.
enum AccordVersion {
    static let current = AccordBuild.version
}
