import AccordCore
import Foundation
import Testing

/// For random histories of status reports on one party's recurring and one-off commitments
/// (several on one day, late ones, retracted ones), the state at any as-of date equals what
/// a plain fold written here from the documented rules gives.
@Suite struct ReportHistoryPropertyTests {
    /// One report as the reference sees it: its date, when it was recorded, its id.
    struct Entry {
        var id: String
        var date: CalendarDate
        var recorded: String
        var status: Status
        var retracted: Bool
    }

    /// The documented rules, folded the simple way: reports in order of date, then time
    /// recorded, then id; retracted ones left out; a settling report settles the earliest
    /// unsettled period opened by its date; for a one-off due date, a report that does not
    /// settle opens the period again.
    func reference(_ entries: [Entry], dues: [CalendarDate], recurring: Bool, asOf: CalendarDate)
        -> (status: Status, settled: [Bool], late: [Int?], overdue: Bool) {
        let counted = entries.filter { !$0.retracted && $0.date <= asOf }
            .sorted { ($0.date, $0.recorded, $0.id) < ($1.date, $1.recorded, $1.id) }
        let upTo = dues.filter { $0 <= asOf } + dues.filter { $0 > asOf }.prefix(1)
        var settledOn = [CalendarDate?](repeating: nil, count: upTo.count)
        for entry in counted {
            if entry.status == .implemented || entry.status == .notApplicable {
                for index in upTo.indices where settledOn[index] == nil {
                    let opens = index == 0 ? nil : upTo[index - 1].adding(days: 1)
                    if opens.map({ $0 <= entry.date }) ?? true {
                        settledOn[index] = entry.date
                        break
                    }
                }
            } else if !recurring, !upTo.isEmpty {
                settledOn[0] = nil
            }
        }
        let late = zip(upTo, settledOn).map { due, settled in settled.map { due.days(until: $0) }.flatMap { $0 > 0 ? $0 : nil } }
        let overdue = zip(upTo, settledOn).contains { due, settled in settled == nil && due < asOf }
        return (counted.last?.status ?? .notStarted, settledOn.map { $0 != nil }, late, overdue)
    }

    @Test(arguments: 0..<40)
    func theStateEqualsTheReferenceFold(seed: Int) throws {
        var random = SplitMix64(seed: UInt64(seed) &+ 0x5EED)
        let start = try #require(CalendarDate("2007-01-01"))
        // tip-2005#5.1 binds VN alone with no due date in the fixture: this test's own
        // register gives 9.1 (yearly, from 2008-01-31) and 9.2 (once, 2008-06-30).
        var fixture = TrackerFixture.valid
        fixture["Agreements/tip-2005/instrument.yaml"] = fixture["Agreements/tip-2005/instrument.yaml"]! + """
              - id: "9.1"
                summary: Report yearly.
                bound: VN
                due: 2008-01-31
                every-months: 12
              - id: "9.2"
                summary: Report once.
                bound: VN
                due: 2008-06-30

            """
        fixture["Agreements/tip-2005/text.en.md"] = fixture["Agreements/tip-2005/text.en.md"]! + """

            ## Article 9. Reports

            1. Viet Nam reports yearly.
            2. Viet Nam reports once.

            """
        let statuses: [Status] = [.implemented, .implemented, .inProgress, .notStarted, .notApplicable, .partial]
        var entries: [String: [Entry]] = ["9.1": [], "9.2": []]
        // One seed in four has many reports and withdraws most of them: more than a few
        // withdrawn ids are found another way (`ReportGroups.filedPlaces`).
        let many = seed % 4 == 0
        for local in ["9.1", "9.2"] {
            for number in 0..<Int.random(in: many ? 12...15 : 0...9, using: &random) {
                // Few distinct days, so that several reports share one.
                let date = start.adding(days: Int.random(in: 0...8, using: &random) * 150)
                let id = "sr-\(date)-vn-\(local.replacingOccurrences(of: ".", with: ""))\(number)"
                let recorded = Bool.random(using: &random)
                    ? String(format: "2026-01-01T00:00:%02d.000Z", Int.random(in: 0...59, using: &random)) : ""
                let status = statuses[Int.random(in: 0..<statuses.count, using: &random)]
                let retracted = many ? Int.random(in: 0..<5, using: &random) != 0 : Int.random(in: 0..<5, using: &random) == 0
                entries[local]!.append(Entry(id: id, date: date, recorded: recorded, status: status, retracted: retracted))
                var text = "id: \(id)\ntarget: tip-2005#\(local)\nstatus: \(status.rawValue)\ndate: \(date)\nparty: VN\n"
                if status == .notApplicable { text += "note: Not needed.\n" }
                if !recorded.isEmpty { text += "recorded-at: \(recorded)\n" }
                let month = date.description.dropFirst(5).prefix(2)
                fixture["Events/\(date.year)/\(month)/\(id).yaml"] = text
                if retracted {
                    let withdrawal = "wd-2026-01-01-\(local.replacingOccurrences(of: ".", with: ""))\(number)"
                    fixture["Withdrawals/2026/\(withdrawal).yaml"] =
                        "id: \(withdrawal)\nwithdraws: \(id)\ndate: 2026-01-01\nreason: A mistake.\n"
                }
            }
        }
        let snapshot = try fixture.snapshot()
        #expect(snapshot.diagnostics.map(\.description) == [])
        for _ in 0..<6 {
            let asOf = start.adding(days: Int.random(in: 0...1500, using: &random))
            let state = TrackerState(snapshot, asOf: asOf)
            for (local, recurring) in [("9.1", true), ("9.2", false)] {
                let schedule = DueSchedule(first: try #require(CalendarDate(local == "9.1" ? "2008-01-31" : "2008-06-30")),
                                           everyMonths: recurring ? 12 : nil)
                let dues = schedule.dates(through: asOf) + [schedule.next(after: asOf)].compactMap { $0 }
                let expected = reference(entries[local]!, dues: dues, recurring: recurring, asOf: asOf)
                let id = try #require(QualifiedID("tip-2005#\(local)"))
                let progress = try #require(state.target(id)?.progress(of: PartyCode("VN")!))
                let context = "seed \(seed), \(local) at \(asOf)"
                #expect(progress.status == expected.status, "\(context)")
                #expect(progress.periods.map(\.isSettled) == expected.settled, "\(context)")
                #expect(progress.periods.map(\.lateDays) == expected.late, "\(context)")
                #expect(progress.isOverdue == expected.overdue, "\(context)")
            }
        }
    }
}
