import AccordCore
import ArgumentParser
import Foundation
import GitStore

extension Accord {
    /// `accord meeting`: record review meetings.
    struct MeetingCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "meeting",
            abstract: "Record review meetings.",
            subcommands: [Add.self])
    }
}

extension Accord.MeetingCommand {
    /// `accord meeting add`: one meeting, one file, one commit dated the meeting's day.
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Record a meeting that was held (or, with --planned, one ahead); its decisions with a due date become commitments.",
            discussion: """
            Writes Meetings/<date>-<slug>.yaml in one commit authored on the meeting's date. \
            Nothing is written when a value is wrong: an unknown host party or review cycle, a \
            malformed decision, a meeting that exists already, or a date after today.

            A meeting still ahead is recorded with --planned (planned: true in its file): it \
            holds no review and has no decisions, and accord schedule lists it. Once held, \
            record it again without --planned (another --slug, or after removing the planned file).

            A decision is its text; options follow it after "::", separated by "::":
              --decision "Adopt the plan."
              --decision "Train staff on the procedure::due=2020-06-30"
              --decision "Joint patrols::due=2020-06-30::bound=joint::every=6::VN=Border Guard Command::KH=National Police"
            due=DATE makes the decision a commitment, tracked like one; bound= is each (default), \
            joint or a party; every=N repeats it every N months; PARTY=AGENCY names the \
            responsible agency of that party. A decision with no due date or no agency is \
            recorded, and the action log flags it.

            --body names the series the meeting belongs to (tip-2005-joint-review, \
            mps-moi-annual-plan): a summary follows up the decisions of the previous meeting of \
            the same body. --co-chair, --delegate PARTY=NAME, --agenda and --minutes-signed-by \
            record who chaired, who came for each party, what was discussed and who signed.

            --cycle names a review cycle the meeting holds, as <instrument>/<cycle> or just \
            <cycle> when only one instrument has it; repeat for several.

            --quiet prints only the new meeting's id; --verbose also the commit.

            Examples:
              accord meeting add --date 2020-12-15 --venue Hanoi --host VN --cycle plan-2017-2020/final \\
                --attendee "Ministry of Public Security (VN)" --attendee "Ministry of Interior (KH)" \\
                --decision "Adopt the action plan 2021–2025." \\
                --decision "Issue guidance on the extradition treaty::due=2021-06-30::VN=Ministry of Public Security"
            """)

        @OptionGroup var repository: RepositoryOptions
        @OptionGroup var write: WriteOptions

        @Option(help: ArgumentHelp("The meeting's first day.", valueName: "yyyy-mm-dd"))
        var date: CalendarDate

        @Option(name: .customLong("end-date"), help: ArgumentHelp("The last day, for a meeting of several days.", valueName: "yyyy-mm-dd"))
        var endDate: CalendarDate?

        @Option(help: ArgumentHelp("Where it was held.", valueName: "place"))
        var venue: String

        @Option(help: ArgumentHelp("The hosting party (a code of accord.yaml).", valueName: "party"))
        var host: PartyCode

        @Option(help: ArgumentHelp("What the meeting was (default: Review meeting in <venue>).", valueName: "text"))
        var title: String?

        @Option(help: ArgumentHelp("The id's part after the date (default: from the venue).", valueName: "slug"))
        var slug: String?

        @Option(help: ArgumentHelp("A review cycle it holds: <instrument>/<cycle> or <cycle>; repeatable.", valueName: "cycle"))
        var cycle: [String] = []

        @Option(help: ArgumentHelp("Someone who attended; repeatable.", valueName: "name"))
        var attendee: [String] = []

        @Option(help: ArgumentHelp("The body whose meeting it is (a slug); the previous meeting is the previous one of the same body.", valueName: "body"))
        var body: String?

        @Option(name: .customLong("co-chair"), help: ArgumentHelp("A co-chair; repeatable.", valueName: "name"))
        var coChair: [String] = []

        @Option(help: ArgumentHelp("A member of a party's delegation: PARTY=NAME; repeatable.", valueName: "party=name"))
        var delegate: [String] = []

        @Option(help: ArgumentHelp("A point of the agenda; repeatable.", valueName: "text"))
        var agenda: [String] = []

        @Option(name: .customLong("minutes-signed-by"), help: ArgumentHelp("Who signed the minutes; repeatable.", valueName: "name"))
        var minutesSignedBy: [String] = []

        @Option(help: ArgumentHelp("A decision: TEXT[::due=DATE][::bound=B][::every=N][::PARTY=AGENCY]; repeatable.", valueName: "decision"))
        var decision: [String] = []

        @Option(help: ArgumentHelp("Free text about the meeting.", valueName: "text"))
        var note: String?

        @Flag(help: "Record a meeting still ahead: it must be dated after today and has no decisions.")
        var planned = false

        func run() throws {
            let tracker = try repository.openTracker()
            let snapshot = try TrackerSnapshot.load(repository: tracker)
            var draft = MeetingDraft(
                date: date, endDate: endDate, venue: venue, host: host, title: title, slug: slug, cycles: cycle,
                attendees: attendee, decisions: decision, note: note, planned: planned)
            draft.body = body
            draft.coChairs = coChair
            draft.delegates = delegate
            draft.agenda = agenda
            draft.minutesSignedBy = minutesSignedBy
            let meeting = try draft.meeting(in: snapshot)
            var changes = ChangeSet()
            // Created, never overwritten: another writer may have recorded the same id since
            // the snapshot was read.
            changes.create(meeting.path, Data(meeting.yamlText().utf8))
            // A meeting held is committed on its day; a planned one on the day it was planned.
            let day = planned ? CalendarDate.today() : date
            let author = TrackerLocation.defaultAuthor(of: tracker, date: day.noonUTC)
            let commit: ObjectID
            do {
                commit = try tracker.apply(changes, message: "\(planned ? "Plan" : "Record") meeting \(meeting.id)",
                                           author: Signature(name: author.name, email: author.email, date: day.noonUTC),
                                           verify: TrackerWriteCheck.verify(tracker))
                TrackerContext.warnAboutWorkingFolder(of: tracker)
            } catch let error as GitError where error.kind == .exists {
                throw MeetingDraft.exists(meeting.id)
            }
            let commitments = meeting.decisions.filter(\.isCommitment).map { decision in
                "  commitment \(meeting.id)#\(decision.id) due \(decision.due!.first)"
            }
            try write.report(id: meeting.id.rawValue, [L10n.t("Recorded {1} (commit {2})", meeting.path, commit.short)] + commitments,
                             commits: [commit], in: tracker)
        }
    }
}
