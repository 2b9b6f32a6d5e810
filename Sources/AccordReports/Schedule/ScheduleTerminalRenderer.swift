public import AccordCore

/// The review schedule for a terminal: past reviews (held or missed), then the upcoming
/// ones, each followed by what falls due before it.
public struct ScheduleTerminalRenderer: Sendable {
    /// The style (colour or not).
    public var style: TerminalStyle

    /// A renderer.
    public init(style: TerminalStyle = TerminalStyle(colour: false)) { self.style = style }

    /// The schedule as text.
    public func render(_ schedule: ReviewSchedule) -> String {
        let past = schedule.reviews.filter { $0.standing != .upcoming }
        let held = past.count { $0.standing == .held }, missed = past.count { $0.standing == .missed }
        var out = ProgressStyle.banner(schedule.notice, style: style) + style.bold("Reviews at \(schedule.asOf)") + ": \(past.count) past (\(held) held, \(missed) missed), "
            + "\(schedule.upcoming.count) upcoming in the next \(schedule.horizonMonths) months; "
            + "a meeting within \(schedule.toleranceMonths) months of a date holds it\n\n"
        if !past.isEmpty {
            var table = TextTable([.init("Date"), .init("Review"), .init("Host"), .init("Outcome")])
            for review in past {
                let standing = review.standing == .missed ? style.red(review.standing.rawValue)
                    : review.standing == .held ? style.green(review.standing.rawValue) : style.yellow(review.standing.rawValue)
                table.add([review.date.description, "\(review.instrument)/\(review.cycle)" + ProvenanceNotice.suffix(review.marks),
                           review.host?.code ?? "",
                           standing + " " + ScheduleLayout.outcome(review).drop { $0 != " " }.dropFirst()])
            }
            out += style.bold("Past reviews") + "\n" + table.render(style: style) + "\n"
        }
        out += style.bold("Upcoming reviews") + "\n"
        if schedule.upcoming.isEmpty { out += "  none in the next \(schedule.horizonMonths) months\n" }
        for review in schedule.upcoming {
            let host = review.host.map { ", host \($0)" } ?? ""
            out += "\(review.date)  \(ProgressStyle.marked(review.title, review.marks)) — \(review.instrument)/\(review.cycle)\(host)\n"
            if review.dueBefore.isEmpty {
                out += "    nothing else falls due before it\n"
            }
            for item in review.dueBefore {
                out += "    due \(item.date)  \(item.target)  \(item.parties.map(\.code).joined(separator: ", "))  "
                    + ProgressStyle.marked(item.summary, item.marks) + "\n"
            }
        }
        return out
    }
}
