import AccordCore
import ArgumentParser
import Foundation
import GitStore

extension Accord {
    /// `accord log ID --status S`: record one status report as one commit.
    struct Log: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "log",
            abstract: "Record where a commitment, plan item or decision stands for a party.",
            discussion: """
            Writes one status report, Events/<yyyy>/<mm>/<id>.yaml, as one commit authored by \
            the reporter and dated noon UTC of the report's date.

              accord log tip-2005#7.2 --status implemented --party VN \\
                  --by "Nguyen Van An <an@example.gov.vn>" --note "Decree 62 adopted."
              accord log 3.1 --status in-progress --party KH --date 2019-03-26 --evidence ev-2019-03

            Short ids work when they are unique (3.1, ev-2019-03). The party may be left out \
            when the target binds only one. A joint commitment is settled by one report the \
            parties make together: --party joint (--parties names them; default all it binds); \
            each party's own reports show its view without settling it.

              accord log tip-2005#11.1 --status implemented --party joint --date 2019-12-01
              accord log tip-2005#7.2 --status not-started --party VN --supersedes sr-2019-03-26-vn-k3x7q \\
                  --reason "Logged implemented by mistake."

            Reports of one day are ordered by when they were recorded (recorded-at), so a \
            correction logged after a mistake wins; to withdraw or replace a report instead, see \
            accord retract and --supersedes. When a report changes nothing (a later report still \
            decides, or the status was already that), log says so. Without --note or --note-file, and with a terminal \
            as input, $VISUAL or $EDITOR opens for the note (lines starting with # are dropped). \
            A not-applicable status needs a note. A date after today is refused: a report says \
            what is true from a day already reached.

            Defaults from git config: accord.party is the party when --party is not given \
            and the target binds it; accord.reporter is the reporter when --by is not given \
            (docs/config.md). --quiet prints only the new report's id; --verbose also the \
            commit (id, author, date, message, files).

            Exit codes: 64 usage (bad date or status, party needed, the editor failed or was \
            aborted), 65 the report would be invalid (party not bound, date in the future, no \
            note for not-applicable), 66 unknown id (with the nearest ids) or unreadable note \
            file, 75 other writers kept winning; nothing is committed on any failure.
            """)

        @OptionGroup var repository: RepositoryOptions
        @OptionGroup var write: WriteOptions

        @Argument(help: "The commitment, plan item or decision (tip-2005#7.2, plan-2017-2020#3.1).",
                  completion: IDCompletion.ids([.commitment, .planItem, .decision]))
        var id: String

        @Option(help: ArgumentHelp("The status: \(Status.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "status"))
        var status: Status

        @Option(help: ArgumentHelp("The day the status is true from (default today).", valueName: "yyyy-mm-dd"))
        var date: CalendarDate?

        @Option(help: ArgumentHelp("The reporting party (VN, KH), or joint for a report the parties of a joint commitment make together; needed when the target binds several, unless git config accord.party names one of them.", valueName: "party"))
        var party: PartyCode?

        @Option(parsing: .upToNextOption, help: ArgumentHelp("With --party joint: the parties making the report (default: all it binds).", valueName: "party"))
        var parties: [PartyCode] = []

        @Option(help: ArgumentHelp("The reporter, \"Name <email>\" or a name (default: git config accord.reporter, else user.name and user.email).", valueName: "name"))
        var by: String?

        @Option(help: "What happened, in a few words.")
        var note: String?

        @Option(name: .customLong("note-file"), help: ArgumentHelp("Read the note from a file (- for standard input).", valueName: "path"))
        var noteFile: String?

        @Option(parsing: .upToNextOption, help: ArgumentHelp("Evidence backing the report.", valueName: "evidence-id"))
        var evidence: [String] = []

        @Option(help: ArgumentHelp("A report of the same target and party that this one replaces: it is withdrawn in the same commit.", valueName: "report-id"))
        var supersedes: String?

        @Option(help: "With --supersedes: why the earlier report is replaced (default: \"superseded\").")
        var reason: String?

        @OptionGroup(title: "Provenance") var provenance: ProvenanceOptions

        func validate() throws {
            if note != nil && noteFile != nil { throw ValidationError(L10n.t("give --note or --note-file, not both")) }
            if reason != nil && supersedes == nil { throw ValidationError(L10n.t("--reason goes with --supersedes")) }
        }

        func run() throws {
            let today = CalendarDate.today()
            // Replacing a report looks it up by id: that needs every report at hand.
            let context = try TrackerContext.open(repository, asOf: today, warn: false,
                                                  focus: supersedes == nil ? .recording(target: id, evidence: evidence) : nil, writing: true)
            let day = date ?? today
            var request = StatusReportRequest(target: id, status: status, date: day, party: party, evidence: evidence)
            request.parties = parties
            request.provenance = provenance.provenance
            // Check what can be checked before the editor opens: nobody should type a note for nothing.
            let target = try request.resolveTarget(in: context.snapshot, resolver: context.resolver)
            let reporter = try context.author(by: by ?? context.user.reporter, on: day)
            request.party = try request.resolveParty(for: target, preferring: context.user.party)
            request.reporter = reporter.person.description
            request.note = try NoteEditor.note(text: note, file: noteFile, instructions: [
                L10n.t("Note for {1} ({2} {3} on {4}): {5}", target.id, request.party!, status.rawValue, day, target.summary),
                L10n.t("Lines starting with # are dropped.") + " "
                    + (status == .notApplicable ? L10n.t("A note is required.") : L10n.t("An empty note is fine.")),
            ])
            let replacing = supersedes.map { record in
                WithdrawalRequest(record: record, reason: reason ?? "superseded", reporter: reporter.person.description)
            }
            if let replacing {
                let (old, kind) = try replacing.resolve(in: context.snapshot, resolver: context.resolver)
                guard kind == .report, let earlier = context.snapshot.report(old.rawValue) else {
                    throw AccordError(.usage, L10n.t("{1} is evidence: replace it with accord evidence add --supersedes", old))
                }
                guard earlier.target == target.id, earlier.party == request.party else {
                    throw AccordError(.data, L10n.t("{1} is {2}'s report on {3}; a report replaces one of the same target and party (or retract it)", old, earlier.party, earlier.target))
                }
            }
            var recorded: StatusReport?
            var withdrawn: Withdrawal?
            let commit = try context.writer.commit(author: reporter.signature) {
                let report = try request.report(in: context.snapshot, resolver: context.resolver, today: today)
                recorded = report
                var files = [report.path: Data(report.yamlText().utf8)]
                var message = report.commitMessage
                withdrawn = try context.supersede(replacing, by: report.id, today: today, files: &files, message: &message)
                return (files, message)
            }
            TrackerContext.warnAboutWorkingFolder(of: context.repository)
            if let recorded {
                var lines = [L10n.t("recorded {1}: {2} {3} {4} on {5} (commit {6})", recorded.id, recorded.target, recorded.party,
                                    recorded.status.rawValue, recorded.date, commit.short)]
                if let withdrawn { lines.append(L10n.t("superseded {1} (withdrawn by {2})", withdrawn.withdraws, withdrawn.id)) }
                if withdrawn == nil, let reason = context.snapshot.changesNothing(recorded, asOf: today) {
                    lines.append(L10n.t("note: this report changes nothing: {1}", reason))
                }
                try write.report(id: recorded.id.rawValue, lines, commits: [commit], in: context.repository)
            }
        }
    }
}
