import AccordCore
import AccordReports
import ArgumentParser
import Foundation
import GitStore

extension Accord {
    /// `accord verify`: every stored object readable and matching its id.
    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "verify",
            abstract: "Check that every object of every branch and tag is readable and intact.",
            discussion: """
            Prints how many objects were checked, then one line per bad object: its id, type, \
            where it was found, and what is wrong. Exits 0 when all is well and 1 when problems \
            were found. The objects are read in a worker process, restarted after a hang, so that a \
            damaged one cannot hang the check: a read slower than --timeout counts as unreadable. --json prints \
            {checked, problems} (docs/json.md), with the same exit status.


            With --signatures, checks instead who signed each record (status reports, \
            evidence, meetings): the newest commit that wrote it is looked up and its SSH \
            signature checked against the signers accord.yaml lists for the record's party. \
            Each record is signed-by-party, signed-by-other-party, unsigned, unknown-key (a \
            key no party lists, or used outside its valid-from/valid-until) or bad-signature. \
            Exits 1 when any record is not signed by its party. See docs/security.md.

              accord verify --signatures
              accord verify --signatures --json
            """)

        @OptionGroup var repository: RepositoryOptions

        @Option(help: "Seconds one object may take to read before it counts as unreadable.")
        var timeout: Double = 5

        @Flag(help: "Print JSON (keys documented in docs/json.md) instead of text.")
        var json = false

        @Flag(help: "Check who signed each record instead of the objects.") var signatures = false

        @Flag(help: .hidden) var worker = false
        @Option(help: .hidden) var skip: [String] = []
        @Option(help: .hidden) var progressFile: String?

        func validate() throws {
            guard timeout > 0 else { throw ValidationError(L10n.t("--timeout must be more than 0 seconds")) }
        }

        func run() throws {
            if signatures { return try runSignatures() }
            let repository = try repository.openRepository()
            if worker, let progressFile {
                let skipping = Set(skip.compactMap(ObjectID.init(hex:)))
                try IntegrityCheck.runWorker(repository: repository, skipping: skipping,
                                             progressFile: URL(fileURLWithPath: progressFile)) { line in
                    FileHandle.standardOutput.write(Data(line.utf8))
                }
                return
            }
            let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
            let gitDirectory = repository.gitDirectory.path
            let report = try IntegrityCheck.supervise(executable: executable, arguments: { progress, skipping in
                ["verify", "--worker", "--progress-file", progress.path, "--repo", gitDirectory] + skipping.sorted().flatMap { ["--skip", $0.hex] }
            }, timeout: timeout)
            let problems = report.problems.count
            if json {
                print(try JSONOutput.render(Checked(checked: report.checked, problems: report.problems)), terminator: "")
            } else {
                Console.say(lines: [problems == 0 ? L10n.t("checked {1} objects: no problems", report.checked)
                                     : L10n.t("checked {1} objects: {2} bad", report.checked, problems)]
                    + report.problems.map { bad in
                        let place = bad.path.map { $0.isEmpty ? " " + L10n.t("(root folder)") : " \($0)" } ?? ""
                        return "\(bad.id.hex) \(bad.type ?? "object")\(place): \(bad.problem ?? "")"
                    })
            }
            if problems > 0 { throw ExitCode(1) }
        }

        /// What `verify --json` prints.
        private struct Checked: Encodable {
            let checked: Int
            let problems: [ObjectCheck]
        }

        private func runSignatures() throws {
            let context = try TrackerContext.open(repository, warn: false)
            let settings = context.snapshot.settings ?? TrackerSettings(name: "", parties: [])
            let records = try RecordSignatures(repository: context.repository, settings: settings).records(at: context.commit)
            let report = SignatureReport(records: records, hasSigners: settings.hasSigners)
            if json { print(try JSONOutput.render(report), terminator: "") } else { Console.say(report.text) }
            if records.contains(where: { !$0.status.isVerified }) { throw ExitCode(1) }
        }
    }
}

/// What `verify --signatures` found: every record with its signature, and the counts.
struct SignatureReport: Encodable {
    let records: [SignedChange]
    let counts: [String: Int]
    let hasSigners: Bool

    init(records: [SignedChange], hasSigners: Bool) {
        self.records = records
        self.hasSigners = hasSigners
        counts = Dictionary(uniqueKeysWithValues: SignatureStatus.allCases.map { status in
            (status.rawValue, records.count { $0.status == status })
        })
    }

    var text: String {
        var lines = [L10n.t("{1} records: {2}", records.count, SignatureStatus.allCases.map { "\(counts[$0.rawValue] ?? 0) \($0.rawValue)" }
            .joined(separator: ", "))]
        if !hasSigners { lines.append(L10n.t("accord.yaml lists no signers: no record can be verified (see docs/security.md)")) }
        for record in records {
            let by = record.signedBy.map { " " + L10n.t("by {1}", context: "signer", $0) + (record.signerName.map { " (\($0))" } ?? "") } ?? ""
            lines.append("\(record.status.rawValue) \(record.path) \(record.commit.prefix(7))"
                         + (record.party.map { " " + L10n.t("party {1}", $0) } ?? "") + by)
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
