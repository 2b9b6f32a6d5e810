import AccordCore
import Foundation
import Testing

/// Meeting bodies, the action log and what a summary follows up, on the small tracker.
@Suite struct ActionLogTests {
    /// The small tracker with its 2016 review in the joint review body, its decision 2 owned
    /// by an agency of each party, another body's conference in 2018 and a second joint
    /// review in 2019.
    static func tracker(reports: [(String, String)] = []) -> TrackerFixture {
        var fixture = TrackerFixture.valid
        fixture["Meetings/2016-10-05-review.yaml"] = """
            id: 2016-10-05-review
            title: Joint review
            date: 2016-10-04
            end-date: 2016-10-05
            venue: Sihanoukville
            host: KH
            body: tip-2005-joint-review
            reviews: [tip-2005/annual]
            decisions:
              - id: "1"
                text: Adopt the plan.
              - id: "2"
                text: Train staff on the procedure.
                due: 2017-12-31
                responsible:
                  VN: Ministry of Labour
                  KH: Ministry of Social Affairs

            """
        fixture["Meetings/2018-03-26-conference.yaml"] = """
            id: 2018-03-26-conference
            title: Trilateral conference
            date: 2018-03-26
            venue: Hanoi
            host: VN
            body: trilateral-conference
            decisions:
              - id: "1"
                text: Keep exchanging information.

            """
        fixture["Meetings/2019-12-01-review.yaml"] = """
            id: 2019-12-01-review
            title: Second joint review
            date: 2019-12-01
            venue: Hanoi
            host: VN
            body: tip-2005-joint-review
            co-chairs:
              - Deputy Minister (VN)
              - Secretary of State (KH)
            delegations:
              VN: [Ministry of Public Security]
              KH: [Ministry of Women's Affairs]
            agenda:
              - Follow-up of the 2016 decisions
            minutes-signed-by:
              - Deputy Minister (VN)
              - Secretary of State (KH)

            """
        for (path, text) in reports { fixture[path] = text }
        return fixture
    }

    static func summary(_ fixture: TrackerFixture, meeting id: String, asOf: String) throws -> ReviewSummary {
        let snapshot = try fixture.snapshot()
        #expect(snapshot.diagnostics.isEmpty, "\(snapshot.diagnostics)")
        let meeting = try #require(snapshot.meetings.first { $0.id.rawValue == id })
        let state = TrackerState(snapshot, asOf: CalendarDate(asOf)!)
        let schedule = ReviewSchedule(snapshot: snapshot, state: state)
        let gaps = GapReport(snapshot: snapshot, state: state, schedule: schedule)
        return ReviewSummary(snapshot: snapshot, state: state, meeting: meeting, since: nil, schedule: schedule, gaps: gaps,
                             textChanges: [], redaction: Redaction(includeRestricted: false))
    }

    @Test func previousMeetingIsThePreviousOneOfTheSameBody() throws {
        let snapshot = try Self.tracker().snapshot()
        func meeting(_ id: String) throws -> Meeting { try #require(snapshot.meetings.first { $0.id.rawValue == id }) }
        // The conference in between belongs to another body.
        #expect(try meeting("2019-12-01-review").previous(in: snapshot.meetings)?.id.rawValue == "2016-10-05-review")
        #expect(try meeting("2018-03-26-conference").previous(in: snapshot.meetings) == nil)
        #expect(try meeting("2016-10-05-review").previous(in: snapshot.meetings) == nil)
        let summary = try Self.summary(Self.tracker(), meeting: "2019-12-01-review", asOf: "2019-12-01")
        #expect(summary.previousMeeting?.rawValue == "2016-10-05-review")
        #expect(summary.since == CalendarDate("2016-10-04"))
        #expect(summary.meeting?.body == "tip-2005-joint-review")
        #expect(summary.meeting?.coChairs == ["Deputy Minister (VN)", "Secretary of State (KH)"])
        #expect(summary.meeting?.delegations.map(\.party.code) == ["KH", "VN"])
        #expect(summary.meeting?.minutesSignedBy.count == 2)
        #expect(summary.meeting?.agenda == ["Follow-up of the 2016 decisions"])
    }

    @Test func meetingFieldsRoundTripThroughYAML() throws {
        let snapshot = try Self.tracker().snapshot()
        let meeting = try #require(snapshot.meetings.first { $0.id.rawValue == "2019-12-01-review" })
        let parsed = Meeting.parse(Data(meeting.yamlText().utf8), file: meeting.path)
        #expect(parsed.value == meeting)
        var bad = Self.tracker()
        bad["Meetings/2018-03-26-conference.yaml"] = bad["Meetings/2018-03-26-conference.yaml"]!
            .replacingOccurrences(of: "body: trilateral-conference", with: "body: Trilateral Conference")
        let problems = try bad.problems()
        #expect(problems.contains { $0.contains("Meetings/2018-03-26-conference.yaml:6: body:") && $0.contains("not a body's slug") },
                "\(problems)")
    }

    @Test func decisionsAreFollowedUpAtTheNextMeetingOfTheBody() throws {
        // No report yet: the decision with a due date is late once the date passed, the one
        // without is flagged and has no news.
        var summary = try Self.summary(Self.tracker(), meeting: "2019-12-01-review", asOf: "2019-12-01")
        #expect(summary.followUp.map(\.id) == ["2016-10-05-review#1", "2016-10-05-review#2"])
        #expect(summary.followUp.map(\.followUp) == [.noNews, .late])
        #expect(summary.followUp[0].flags == [.noDueDate, .noOwner])
        #expect(summary.followUp[1].flags.isEmpty)
        #expect(summary.followUp[1].owners.map { "\($0.party):\($0.agency ?? "-")" } == ["VN:Ministry of Labour", "KH:Ministry of Social Affairs"])
        #expect(summary.followUp[1].due == CalendarDate("2017-12-31"))

        // One side reports progress before the due date: in progress then, late after it,
        // with the party's note as evidence of what was done.
        let progress = [TrackerFixture.report("sr-2017-06-01-vn", target: "2016-10-05-review#2", status: "in-progress",
                                              date: "2017-06-01", party: "VN", note: "Two training courses held.")]
        summary = try Self.summary(Self.tracker(reports: progress), meeting: "2018-03-26-conference", asOf: "2017-06-02")
        #expect(summary.followUp.isEmpty, "the conference's body has no earlier meeting")
        let early = try Self.tracker(reports: progress).snapshot()
        let entries = ActionLog.entries(of: try #require(early.meetings.first { $0.id.rawValue == "2016-10-05-review" }),
                                        state: TrackerState(early, asOf: CalendarDate("2017-06-02")!),
                                        parties: early.settings!.partyCodes, redaction: Redaction(includeRestricted: false))
        #expect(entries[1].followUp == .inProgress)
        #expect(entries[1].news.map { "\($0.party) \($0.status.rawValue) \($0.note ?? "")" } == ["VN in-progress Two training courses held."])
        summary = try Self.summary(Self.tracker(reports: progress), meeting: "2019-12-01-review", asOf: "2019-12-01")
        #expect(summary.followUp[1].followUp == .late)
        #expect(summary.followUp[1].news.first?.note == "Two training courses held.")

        // Both sides report it done: done.
        let done = progress + [
            TrackerFixture.report("sr-2017-12-20-vn", target: "2016-10-05-review#2", status: "implemented", date: "2017-12-20", party: "VN",
                                  note: "Training finished."),
            TrackerFixture.report("sr-2017-12-21-kh", target: "2016-10-05-review#2", status: "implemented", date: "2017-12-21", party: "KH"),
        ]
        summary = try Self.summary(Self.tracker(reports: done), meeting: "2019-12-01-review", asOf: "2019-12-01")
        #expect(summary.followUp[1].followUp == .done)
        #expect(summary.followUp[1].news.map(\.party.code) == ["VN", "KH"])
        #expect(summary.agenda.contains { $0.title.hasPrefix("Follow-up of the decisions of Joint review") })
    }

    @Test func aDecisionWithNoDueDateIsAGap() throws {
        let snapshot = try Self.tracker().snapshot()
        let state = TrackerState(snapshot, asOf: CalendarDate("2019-12-01")!)
        let report = GapReport(snapshot: snapshot, state: state, schedule: ReviewSchedule(snapshot: snapshot, state: state),
                               filter: .init(rules: [.noDueDate]))
        #expect(report.gaps.map(\.item) == ["2016-10-05-review#1", "2018-03-26-conference#1"])
        #expect(report.gaps.allSatisfy { $0.severity == .low && $0.why.contains("no due date") })
        #expect(report.gaps[0].why.contains("no responsible agency named for VN, KH"))
    }

    @Test func eachSideShowsItsReportsWithTheirNotesAndWhatItNeverReported() throws {
        let reports = [
            TrackerFixture.report("sr-2018-01-10-kh", target: "tip-2005#4.1", status: "implemented", date: "2018-01-10", party: "KH",
                                  note: "Campaign run in the border provinces."),
        ]
        let summary = try Self.summary(Self.tracker(reports: reports), meeting: "2019-12-01-review", asOf: "2019-12-01")
        let kh = try #require(summary.sides.first { $0.party.code == "KH" })
        #expect(kh.reports.map(\.note) == ["Campaign run in the border provinces."])
        #expect(kh.reports.first?.from == .notStarted)
        let vn = try #require(summary.sides.first { $0.party.code == "VN" })
        // VN's only report was made on the previous meeting's last day, after its first.
        #expect(vn.reports.map(\.report.rawValue) == ["sr-2016-10-05-vn"])
        #expect(vn.notReported < vn.bound && kh.notReported < kh.bound)
        // Both reported tip-2005#4.1 implemented: the status they agree on.
        let standing = try #require(summary.jointStandings.first { $0.target.description == "tip-2005#4.1" })
        #expect(standing.agreed == .implemented)
        // Progress counts the items nobody reported on apart from those reported not started.
        let tallies = summary.progress.flatMap(\.parties)
        #expect(tallies.allSatisfy { $0.statuses[.notStarted] == nil })
        #expect(tallies.contains { $0.notReported > 0 })
    }

    @Test func conflictingFiguresAreAttributedToTheirParty() throws {
        var fixture = Self.tracker()
        fixture["Evidence/2016/ev-2016-kh-figures.yaml"] = """
            id: ev-2016-kh-figures
            kind: statistics
            title: Cambodian figures
            date: 2016-10-06
            party: KH
            source: Ministry of Interior, yearly report
            supports: [tip-2005#4.1]
            values:
              - indicator: cases
                scope: vn-nationwide
                period: "2015"
                value: 383

            """
        fixture["Evidence/2016/ev-2016-review.yaml"] = fixture["Evidence/2016/ev-2016-review.yaml"]!
            .replacingOccurrences(of: "date: 2016-10-05\n", with: "date: 2016-10-05\nparty: VN\n")
        let summary = try Self.summary(fixture, meeting: "2019-12-01-review", asOf: "2019-12-01")
        let point = try #require(summary.indicators.first?.points.first { $0.period == "2015" })
        #expect(point.attributions.map { "\($0.value) \($0.party?.code ?? "-")" } == ["407.0 VN", "383.0 KH"])
        #expect(point.attributions.last?.source == "Ministry of Interior, yearly report")
    }
}
