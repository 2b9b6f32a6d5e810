import AccordCore
import ArgumentParser
import Foundation
import GitStore

extension Accord {
    /// `accord retract ID --reason TEXT`: withdraw a status report or a piece of evidence.
    struct Retract: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "retract",
            abstract: "Withdraw a status report or a piece of evidence recorded by mistake.",
            discussion: """
            Writes one withdrawal, Withdrawals/<yyyy>/<id>.yaml, as one commit: the record \
            stays in the history, marked retracted (show, history, --json), and counts for \
            nothing in the state, the gaps and the summaries, at every as-of date. Nothing \
            is rewritten, so the withdrawal travels by sync like any record. To replace a \
            record rather than withdraw it, record the new one with --supersedes.

              accord retract sr-2019-03-26-vn-k3x7q --reason "Logged against the wrong clause."
              accord retract ev-2019-03-26-clv --reason "Duplicate of ev-2019-03-25-clv."

            Exit codes: 64 usage (no reason), 65 already withdrawn, 66 unknown id, 75 other \
            writers kept winning; nothing is committed on any failure.
            """)

        @OptionGroup var repository: RepositoryOptions

        @Argument(help: "The status report or evidence id (sr-…, ev-…; short forms work when unique).")
        var id: String

        @Option(help: "Why it is withdrawn, in a sentence.")
        var reason: String

        @Option(help: ArgumentHelp("Who withdraws it, \"Name <email>\" or a name (default: git user.name and user.email).", valueName: "name"))
        var by: String?

        func run() throws {
            let today = CalendarDate.today()
            let context = try TrackerContext.open(repository, asOf: today, warn: false, writing: true)
            let reporter = try context.author(by: by, on: today)
            let request = WithdrawalRequest(record: id, reason: reason, reporter: reporter.person.description)
            var recorded: Withdrawal?
            let commit = try context.writer.commit(author: reporter.signature) {
                let withdrawal = try request.withdrawal(in: context.snapshot, resolver: context.resolver, today: today)
                recorded = withdrawal
                return ([withdrawal.path: Data(withdrawal.yamlText().utf8)], withdrawal.commitMessage)
            }
            TrackerContext.warnAboutWorkingFolder(of: context.repository)
            if let recorded {
                Console.say(lines: [L10n.t("retracted {1} by {2} (commit {3}); it no longer counts", recorded.withdraws, recorded.id, commit.short)])
            }
        }
    }
}
