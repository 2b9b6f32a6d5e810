import AccordCore
import ArgumentParser
import Foundation
import GitStore

extension Accord {
    /// `accord commitment`: keep an instrument's commitment register without editing YAML.
    struct CommitmentCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "commitment",
            abstract: "Add, change or remove a commitment in an instrument's register.",
            subcommands: [Add.self, Edit.self, Remove.self])
    }

    /// The fields of a commitment, shared by `add` and `edit`.
    struct CommitmentFields: ParsableArguments {
        @Option(help: ArgumentHelp("The clause it rests on, when not its own id (e.g. 4.2).", valueName: "clause"))
        var clause: String?

        @Option(help: ArgumentHelp("What was committed, in a sentence.", valueName: "text"))
        var summary: String?

        @Option(help: ArgumentHelp("Who is bound: each (every party), joint, or one party's code.", valueName: "each|joint|party"))
        var bound: String?

        @Option(help: ArgumentHelp("The responsible agency of a party, as PARTY: AGENCY (repeatable).", valueName: "party: agency"))
        var agency: [String] = []

        @Option(help: ArgumentHelp("When it is due (first due date, for a recurring one).", valueName: "yyyy-mm-dd"))
        var due: String?

        @Option(help: ArgumentHelp("It recurs every N months from --due.", valueName: "months"))
        var every: Int?

        @Option(help: ArgumentHelp("A note.", valueName: "text"))
        var note: String?

        func validate() throws {
            if let bound, Commitment.Bound(bound) == nil { throw ValidationError(L10n.t("--bound {1} is not each, joint or a party code", bound)) }
            if let due, CalendarDate(due) == nil { throw ValidationError(L10n.t("--due {1} is not a date (yyyy-mm-dd)", due)) }
            if let every, every < 1 || every > 1200 { throw ValidationError(L10n.t("--every must be 1 to 1200 months")) }
            if every != nil && due == nil { throw ValidationError(L10n.t("--every needs --due")) }
            if let summary, summary.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError(L10n.t("--summary is empty")) }
            _ = try agencies()
        }

        func agencies() throws -> [PartyCode: String] {
            var result: [PartyCode: String] = [:]
            for value in agency {
                let parts = value.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                guard parts.count == 2, let party = PartyCode(parts[0]), !parts[1].isEmpty else {
                    throw ValidationError(L10n.t("--agency \"{1}\" should read PARTY: AGENCY, e.g. \"VN: Ministry of Public Security\"", value))
                }
                result[party] = parts[1]
            }
            return result
        }

        /// `commitment` with every field given here set.
        func applied(to commitment: Commitment) throws -> Commitment {
            var result = commitment
            if let clause { result.clause = clause == commitment.id ? nil : clause }
            if let summary { result.summary = summary }
            if let bound { result.bound = Commitment.Bound(bound)! }
            let agencies = try agencies()
            if !agencies.isEmpty { result.responsible.merge(agencies) { $1 } }
            if let due { result.due = DueSchedule(first: CalendarDate(due)!, everyMonths: every ?? commitment.due?.everyMonths) }
            if let note { result.note = note }
            return result
        }
    }

    /// `tip-2005#4.1` as the instrument and the commitment's id; a usage error otherwise.
    static func commitmentID(_ text: String) throws -> (InstrumentID, String) {
        guard let qualified = QualifiedID(text), let instrument = InstrumentID(qualified.owner) else {
            throw ValidationError(L10n.t("{1} is not a commitment id such as tip-2005#4.1", text))
        }
        return (instrument, qualified.local)
    }

    /// Records `update` and reports it.
    static func record(_ update: RegisterUpdate, repository options: RepositoryOptions, write: WriteOptions, id: String) throws {
        let repository = try options.openTracker()
        let author = TrackerLocation.defaultAuthor(of: repository)
        let commit = try update.record(in: repository, author: Signature(name: author.name, email: author.email, date: Date()))
        let message = try repository.commit(commit).message.trimmingCharacters(in: .newlines)
        try write.report(id: id, [L10n.t("Recorded {1} (commit {2})", message, commit.short)], commits: [commit], in: repository)
    }
}

extension Accord.CommitmentCommand {
    /// `accord commitment add ID#N`.
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Add a commitment to an instrument's register, as one commit.",
            discussion: """
            The id is the instrument and the commitment's number, usually the clause it rests on: \
            tip-2005#4.1. The commit touches only the new entry of instrument.yaml, and is made \
            only when the tracker validates with it (the clause must be in the text of the \
            instrument's first language).

            Example:
              accord commitment add tip-2005#4.1 --summary "Designate a focal agency" --bound each \\
                --agency "VN: Ministry of Public Security" --agency "KH: Ministry of Interior" --due 2006-01-31

            Exit status: 0; 64 bad command line; 65 the tracker would not validate; 66 no such \
            instrument; 73 the commitment exists.
            """)

        @OptionGroup var repository: RepositoryOptions
        @OptionGroup var write: WriteOptions
        @OptionGroup var fields: Accord.CommitmentFields

        @Argument(help: "The new commitment's id, e.g. tip-2005#4.1.")
        var id: String

        func validate() throws {
            _ = try Accord.commitmentID(id)
            if fields.summary == nil { throw ValidationError(L10n.t("give what was committed with --summary")) }
        }

        func run() throws {
            let (instrument, local) = try Accord.commitmentID(id)
            let commitment = try fields.applied(to: Commitment(id: local, summary: fields.summary ?? ""))
            try Accord.record(RegisterUpdate(instrument: instrument, change: .add(commitment)),
                              repository: repository, write: write, id: id)
        }
    }

    /// `accord commitment edit ID#N`.
    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "edit",
            abstract: "Change fields of a commitment in the register, as one commit.",
            discussion: """
            Sets the fields given and keeps the others; --agency adds or replaces one party's \
            agency. The commit touches only that entry of instrument.yaml.

            Exit status: 0; 64 bad command line; 65 no change, or the tracker would not \
            validate; 66 no such instrument or commitment.
            """)

        @OptionGroup var repository: RepositoryOptions
        @OptionGroup var write: WriteOptions
        @OptionGroup var fields: Accord.CommitmentFields

        @Argument(help: "The commitment, e.g. tip-2005#4.1.")
        var id: String

        func validate() throws { _ = try Accord.commitmentID(id) }

        func run() throws {
            let (instrument, local) = try Accord.commitmentID(id)
            let current = try RegisterUpdate.current(instrument, in: try repository.openTracker())
            guard let old = current.commitments.first(where: { $0.id == local }) else {
                throw AccordError(.notFound, L10n.t("no commitment {1} in the register", id))
            }
            try Accord.record(RegisterUpdate(instrument: instrument, change: .replace(try fields.applied(to: old))),
                              repository: repository, write: write, id: id)
        }
    }

    /// `accord commitment remove ID#N`.
    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "remove",
            abstract: "Remove a commitment from the register, as one commit.",
            discussion: """
            A commitment that status reports or plan items name cannot be removed: the tracker \
            would not validate (65). Exit status: 0; 64 bad id; 65; 66 no such commitment.
            """)

        @OptionGroup var repository: RepositoryOptions
        @OptionGroup var write: WriteOptions

        @Argument(help: "The commitment, e.g. tip-2005#4.1.")
        var id: String

        func validate() throws { _ = try Accord.commitmentID(id) }

        func run() throws {
            let (instrument, local) = try Accord.commitmentID(id)
            try Accord.record(RegisterUpdate(instrument: instrument, change: .remove(local)),
                              repository: repository, write: write, id: id)
        }
    }
}
