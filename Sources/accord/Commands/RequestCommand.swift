public import AccordCore
public import ArgumentParser
import Foundation
import GitStore

extension Accord {
    /// `accord request add|answer`: the registers of requests between the parties.
    struct RequestCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "request",
            abstract: "Record a request one party sent the other (verification, case transfer, extradition, legal assistance), or its answer.",
            discussion: """
            The registers measure how long the parties take to answer each other: each \
            request is a file, Requests/<yyyy>/<id>.yaml (the year it was sent), holding the \
            sending authority's file reference, never a name: the persons concerned are \
            victims and suspects. accord status and accord summary show, per kind of \
            request, pair of parties and year, the median days to answer, how many are open \
            and the oldest open one. See docs/registers.md.

              accord request add --kind verification --from KH --to VN --reference KH-MOSVY-2019-031 --sent 2019-03-04
              accord request answer rq-2019-03-04-k3x7q --answered 2019-05-20 --outcome confirmed
            """,
            subcommands: [Add.self, Answer.self])
    }
}

extension CooperationRequest.Kind: ExpressibleByArgument {}
extension CooperationRequest.Outcome: ExpressibleByArgument {}

extension Accord.RequestCommand {
    /// `accord request add --kind K --from P --to P --reference R --sent DATE`.
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Record a request sent by one party to the other, as one commit.",
            discussion: """
            Writes Requests/<yyyy>/rq-<sent>-<random>.yaml. Kinds: verification (of a \
            presumed victim's identity or nationality, before return), case-transfer, \
            extradition, legal-assistance (mutual legal assistance in a criminal matter).

            --reference is the sending authority's file number (letters, digits and - _ . /, \
            with a digit, no spaces): a name is refused, and so is any field that would \
            identify a person. Dates may be a month or a year when the source gives no day \
            (--sent 2018-03): the days to answer then become a range.

              accord request add --kind verification --from KH --to VN \\
                  --reference KH-MOSVY-2019-031 --sent 2019-03-04
              accord request add --kind extradition --from VN --to KH --reference VN-MPS-EX-2017-02 \\
                  --sent 2017-06 --answered 2018-01 --outcome refused --note "Dual nationality."

            Record the answer later with accord request answer. Exit codes: 64 usage (a name \
            as reference, an outcome the kind does not have), 65 data (unknown party, a date \
            in the future, the request recorded already), 75 try again; nothing is committed \
            on any failure.
            """)

        @OptionGroup var repository: RepositoryOptions
        @OptionGroup var write: WriteOptions

        @Option(help: ArgumentHelp("One of: \(CooperationRequest.Kind.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "kind"))
        var kind: CooperationRequest.Kind

        @Option(help: ArgumentHelp("The party that sent it.", valueName: "party"))
        var from: PartyCode

        @Option(help: ArgumentHelp("The party asked, whose answer is awaited.", valueName: "party"))
        var to: PartyCode

        @Option(help: ArgumentHelp("The sending authority's file number; never a name.", valueName: "reference"))
        var reference: String

        @Option(help: ArgumentHelp("When it was sent (a month or a year if the day is not known).", valueName: "yyyy-mm-dd"))
        var sent: String

        @Option(help: ArgumentHelp("When it was answered, if it was.", valueName: "yyyy-mm-dd"))
        var answered: String?

        @Option(help: ArgumentHelp("With --answered: \(CooperationRequest.Outcome.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "outcome"))
        var outcome: CooperationRequest.Outcome?

        @Option(help: "A sentence on the request; no names.")
        var note: String?

        @Option(help: ArgumentHelp("Who records it, \"Name <email>\" (default: git config accord.reporter, else user.name and user.email).", valueName: "name"))
        var by: String?

        @OptionGroup(title: "Provenance") var provenance: ProvenanceOptions

        func run() throws {
            let today = CalendarDate.today()
            let sentDate = try writtenDate(sent, option: "--sent")
            let answeredDate = try answered.map { try writtenDate($0, option: "--answered") }
            let context = try TrackerContext.open(repository, asOf: today, warn: false, writing: true)
            let author = try context.author(by: by ?? context.user.reporter, on: answeredDate?.firstDay ?? sentDate.firstDay)
            var recorded: CooperationRequest?
            let commit = try context.writer.commit(author: author.signature) {
                let request = try RequestEntry.add(
                    kind: kind, reference: reference, from: from, to: to, sent: sentDate, answered: answeredDate,
                    outcome: outcome, note: note, provenance: provenance.provenance, reporter: author.person.description,
                    in: context.whole, today: today)
                recorded = request
                return ([request.path: Data(request.yamlText().utf8)], request.commitMessage)
            }
            TrackerContext.warnAboutWorkingFolder(of: context.repository)
            if let recorded {
                try write.report(id: recorded.id.rawValue, [L10n.t("recorded {1} at {2} (commit {3})", recorded.id, recorded.path, commit.short)],
                                 commits: [commit], in: context.repository)
            }
        }
    }

    /// `accord request answer ID --answered DATE --outcome O`.
    struct Answer: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "answer",
            abstract: "Record the answer to a request, as one commit.",
            discussion: """
            Adds the date answered and the outcome to the request's file (ID is its id, a \
            unique start of it, or its reference). A request answered already is refused \
            (65): its file says when.

              accord request answer rq-2019-03-04-k3x7q --answered 2019-05-20 --outcome confirmed
              accord request answer KH-MOSVY-2019-031 --answered 2019-05 --outcome not-confirmed

            Outcomes: confirmed or not-confirmed for a verification; accepted, \
            partly-accepted or refused for the other kinds.
            """)

        @OptionGroup var repository: RepositoryOptions
        @OptionGroup var write: WriteOptions

        @Argument(help: "The request: its id, a unique start of it, or its reference.")
        var id: String

        @Option(help: ArgumentHelp("When it was answered (a month or a year if the day is not known).", valueName: "yyyy-mm-dd"))
        var answered: String

        @Option(help: ArgumentHelp("\(CooperationRequest.Outcome.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "outcome"))
        var outcome: CooperationRequest.Outcome?

        @Option(help: "A sentence on the answer; no names.")
        var note: String?

        @Option(help: ArgumentHelp("Who records it, \"Name <email>\" (default: git config accord.reporter, else user.name and user.email).", valueName: "name"))
        var by: String?

        func run() throws {
            let today = CalendarDate.today()
            let answeredDate = try writtenDate(answered, option: "--answered")
            let context = try TrackerContext.open(repository, asOf: today, warn: false, writing: true)
            let author = try context.author(by: by ?? context.user.reporter, on: answeredDate.firstDay)
            let path = try RequestEntry.find(id, in: context.whole).path
            var recorded: CooperationRequest?
            let commit = try context.writer.commit(author: author.signature, replacing: [path]) {
                let request = try RequestEntry.answer(id, on: answeredDate, outcome: outcome, note: note,
                                                      in: context.whole, today: today)
                recorded = request
                return ([request.path: Data(request.yamlText().utf8)], request.commitMessage)
            }
            TrackerContext.warnAboutWorkingFolder(of: context.repository)
            if let recorded, let days = recorded.daysToAnswer {
                let taken = days.lowerBound == days.upperBound ? "\(days.lowerBound)" : "\(days.lowerBound)–\(days.upperBound)"
                try write.report(id: recorded.id.rawValue, [L10n.t("recorded the answer to {1}: {2} days after it was sent (commit {3})", recorded.id, taken, commit.short)],
                                 commits: [commit], in: context.repository)
            }
        }
    }
}
