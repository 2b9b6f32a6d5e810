import AccordCore
import AccordReports
import ArgumentParser
import Foundation

extension Accord {
    /// `accord due`: what falls due in the next days, for a desk's cron job.
    struct Due: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "due",
            abstract: "List what falls due in the next days, per party and agency: a digest for a cron job.",
            discussion: """
            Lists every commitment, plan item and meeting decision that falls due from the \
            as-of date (default today) through --within days later, with the parties that owe \
            it and their responsible agencies. --party keeps what one party owes; --agency what \
            an agency whose name contains the text (ignoring case) is responsible for.

            Nothing is printed when nothing falls due, so cron mails the digest only when there \
            is something in it.

            Examples:
              accord due --within 30d
              accord due --within 2w --party KH --agency "Social Affairs"
              accord due --within 30 --json
            """)

        @OptionGroup var repository: RepositoryOptions
        @OptionGroup var read: ReadOptions

        @Option(help: ArgumentHelp("How many days ahead: 30d, 2w, or days.", valueName: "span"))
        var within: DaySpan = DaySpan(days: 30)

        @Option(help: ArgumentHelp("Only what this party owes.", valueName: "party"))
        var party: PartyCode?

        @Option(help: ArgumentHelp("Only what an agency whose name contains this text is responsible for.", valueName: "text"))
        var agency: String?

        @Option(help: ArgumentHelp("Write to this file instead of standard output (- for standard output).", valueName: "file"))
        var output: String?

        func run() throws {
            let context = try TrackerContext.open(repository, read)
            let digest = DueDigest(snapshot: context.snapshot, state: context.state, days: within.days, party: party,
                                   agency: agency?.trimmingCharacters(in: .whitespaces).isEmpty == true ? nil : agency)
            let text: String
            if read.json {
                text = try JSONOutput.render(digest)
            } else if digest.entries.isEmpty {
                text = ""
            } else {
                var lines = digest.notice.map { [L10n.t("Note:") + " " + $0.text, ""] } ?? []
                lines.append(digest.entries.count == 1 ? L10n.t("Due from {1} through {2}: 1 item", digest.asOf, digest.through)
                             : L10n.t("Due from {1} through {2}: {3} items", digest.asOf, digest.through, digest.entries.count))
                for entry in digest.entries {
                    let left = entry.daysLeft == 0 ? L10n.t("today", context: "due")
                        : entry.daysLeft == 1 ? L10n.t("in 1 day") : L10n.t("in {1} days", entry.daysLeft)
                    let owners = entry.owners.map { "\($0.party) (" + ($0.agency ?? L10n.t("no agency named")) + ")" }
                    lines.append("\(entry.date)  \(left)  \(entry.target)\(ProvenanceNotice.suffix(entry.marks))  \(owners.joined(separator: ", "))")
                    lines.append("    " + entry.summary + ProvenanceNotice.suffix(entry.marks))
                }
                text = LocalForms.apply(lines.joined(separator: "\n") + "\n")
            }
            try context.console.write(text, to: output)
        }
    }
}

/// A number of days: `30d`, `2w`, or a plain number of days.
struct DaySpan: ExpressibleByArgument, Sendable {
    let days: Int

    init(days: Int) { self.days = days }

    init?(argument: String) {
        let text = argument.lowercased()
        let multiplier = text.hasSuffix("w") ? 7 : 1
        let digits = text.hasSuffix("w") || text.hasSuffix("d") ? String(text.dropLast()) : text
        guard let number = Int(digits), number >= 0, number <= 3660 else { return nil }
        days = number * multiplier
    }

    var defaultValueDescription: String { "\(days)d" }
}
