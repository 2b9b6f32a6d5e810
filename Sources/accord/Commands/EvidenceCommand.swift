import AccordCore
import ArgumentParser
import Foundation
import GitStore

extension Accord {
    /// `accord evidence add|list`.
    struct EvidenceCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "evidence",
            abstract: "Record evidence of progress, or list it.",
            subcommands: [Add.self, ListAlias.self])
    }
}

extension Accord.EvidenceCommand {
    /// `accord evidence add --title T --kind K …`: one evidence file, and its attachment.
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Record a piece of evidence, with an optional attachment, as one commit.",
            discussion: """
            Writes Evidence/<yyyy>/<id>.yaml and, with --file, the file's bytes at \
            Evidence/attachments/<aa>/<rest of its git blob id>: the same file added twice is \
            stored once. The file's name and size are kept in the record.

              accord evidence add --title "Minutes of the 2019 joint review" --kind minutes \\
                  --date 2019-12-01 --file minutes.pdf --supports tip-2005#4.1 plan-2017-2020#5.1
              accord evidence add --title "Cases detected, border provinces" --kind statistics \\
                  --date 2019-12-31 --value cases=62 --scope vn-kh-border --period 2019 --party VN

            --file must be a regular file no larger than thresholds.attachment-max-mb of \
            accord.yaml (default 50). A folder, a symbolic link, a device or fifo, or a file \
            too large is refused with exit 65; a missing or unreadable file with 66.

            Restricted evidence (--sensitivity restricted) is stored encrypted (age format) \
            for the recipients accord.yaml lists per party, attachment included; its id and \
            commit message carry no title. Readers see its id, kind, date, party and what it \
            supports; its content only with --include-restricted and an identity it was \
            encrypted for (--identity, ACCORD_IDENTITY or git config accord.identity). With no \
            recipients listed it is refused (exit 65). See docs/security.md.

            Defaults from git config: accord.party is the supplying party when --party is not \
            given; accord.reporter records when --by is not given (docs/config.md). --quiet \
            prints only the new evidence id; --verbose also the commit.
            """)

        @OptionGroup var repository: RepositoryOptions
        @OptionGroup var write: WriteOptions

        @Option(help: "What the evidence is.")
        var title: String

        @Option(help: ArgumentHelp("One of: \(Evidence.Kind.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "kind"))
        var kind: Evidence.Kind

        @Option(help: ArgumentHelp("The day the evidence speaks for (default today); a month (2019-10) or a year (2019) when the source gives no day.",
                                   valueName: "yyyy-mm-dd"))
        var date: String?

        @Option(help: ArgumentHelp("A file to keep with it.", valueName: "path"))
        var file: String?

        @Option(parsing: .upToNextOption, help: ArgumentHelp("Commitments, plan items or decisions it supports.", valueName: "id"))
        var supports: [String] = []

        @Option(help: ArgumentHelp("An indicator figure, INDICATOR=NUMBER; repeat for several.", valueName: "indicator=n"))
        var value: [String] = []

        @Option(help: "Where the values were counted (a scope of accord.yaml).")
        var scope: String?

        @Option(help: "The period the values cover (2019, 2017-2019).")
        var period: String?

        @Option(help: ArgumentHelp("The party that supplied it (default: git config accord.party).", valueName: "party"))
        var party: PartyCode?

        @Option(help: "Free text.")
        var note: String?

        @Option(help: ArgumentHelp("public (default) or restricted.", valueName: "sensitivity"))
        var sensitivity: Evidence.Sensitivity = .public

        @Option(help: ArgumentHelp("Who records it, \"Name <email>\" (default: git config accord.reporter, else user.name and user.email).", valueName: "name"))
        var by: String?

        @Option(help: ArgumentHelp("Evidence this replaces: it is withdrawn in the same commit.", valueName: "evidence-id"))
        var supersedes: String?

        @Option(help: "With --supersedes: why the earlier evidence is replaced (default: \"superseded\").")
        var reason: String?

        @OptionGroup(title: "Provenance") var provenance: ProvenanceOptions

        func validate() throws {
            if reason != nil && supersedes == nil { throw ValidationError(L10n.t("--reason goes with --supersedes")) }
            if party == .joint { throw ValidationError(L10n.t("--party names the one party that supplied the evidence; leave it out when it is the parties' together")) }
        }

        func run() throws {
            let today = CalendarDate.today()
            let day = try date.map { try writtenDate($0, option: "--date") } ?? today
            let context = try TrackerContext.open(repository, asOf: today, warn: false, writing: true)
            let maxMB = context.snapshot.settings?.thresholds.attachmentMaxMB ?? TrackerSettings.Thresholds().attachmentMaxMB
            let file = try self.file.map { try AttachmentFile(path: $0, maxBytes: maxMB * 1_048_576) }
            // Restricted evidence is stored encrypted for the parties' recipients, its
            // attachment too (stored under the id of the encrypted bytes).
            let recipients = context.snapshot.settings?.recipients ?? []
            if sensitivity == .restricted && recipients.isEmpty {
                throw AccordError(.data, L10n.t("restricted evidence is stored encrypted, but accord.yaml lists no recipients: add each party's age public key under parties[].recipients (see docs/security.md); nothing was recorded"))
            }
            let stored = try file.map { file in
                sensitivity == .restricted ? try AgeEnvelope.seal(file.data, for: recipients, armored: false) : file.data
            }
            let attachment = try file.flatMap { file in
                try stored.map { Evidence.Attachment(name: file.name, blob: try Repository.blobID(of: $0).hex, size: file.data.count) }
            }
            var request = EvidenceRequest(
                title: title, kind: kind, date: day, party: party ?? context.user.party, source: provenance.source, url: provenance.url,
                sensitivity: sensitivity, supports: supports, values: value, scope: scope, period: period, note: note)
            request.illustrative = provenance.illustrative
            let author = try context.author(by: by ?? context.user.reporter, on: day)
            let replacing = try supersedes.map { record in
                let request = WithdrawalRequest(record: record, reason: reason ?? "superseded", reporter: author.person.description)
                guard try request.resolve(in: context.snapshot, resolver: context.resolver).kind == .evidence else {
                    throw AccordError(.usage, L10n.t("{1} is a status report: replace it with accord log --supersedes", record))
                }
                return request
            }
            var recorded: AccordCore.Evidence?
            var withdrawn: Withdrawal?
            let commit = try context.writer.commit(author: author.signature) {
                var evidence = try request.evidence(in: context.snapshot, resolver: context.resolver, today: today, attachment: attachment)
                recorded = evidence
                var files = [evidence.path: Data(evidence.yamlText().utf8)]
                if let attachment, let stored { files[attachment.path] = stored }
                var message = evidence.commitMessage
                withdrawn = try context.supersede(replacing, by: evidence.id, today: today, files: &files, message: &message)
                if sensitivity == .restricted {
                    // Checked in clear, stored sealed.
                    try context.writer.requireValid(adding: files)
                    evidence = try evidence.sealing(for: recipients)
                    files[evidence.path] = Data(evidence.yamlText().utf8)
                }
                return (files, message)
            }
            TrackerContext.warnAboutWorkingFolder(of: context.repository)
            if let recorded {
                let stored = recorded.sensitivity == .restricted
                    ? " " + L10n.t("(encrypted)") + (recorded.attachment.map { ", " + L10n.t("attachment at {1}", $0.path) } ?? "")
                    : recorded.attachment.map { ", " + L10n.t("attachment {1} at {2}", $0.name, $0.path) } ?? ""
                var lines = [L10n.t("recorded {1}{2} (commit {3})", recorded.id, stored, commit.short)]
                if let withdrawn { lines.append(L10n.t("superseded {1} (withdrawn by {2})", withdrawn.withdraws, withdrawn.id)) }
                try write.report(id: recorded.id.rawValue, lines, commits: [commit], in: context.repository)
            }
        }
    }
}

extension Accord.EvidenceCommand {
    /// `accord evidence list`: the same as `accord list evidence`.
    struct ListAlias: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List evidence (the same as accord list evidence).")
        @OptionGroup var options: EvidenceListOptions

        func run() throws { try options.run() }
    }
}
