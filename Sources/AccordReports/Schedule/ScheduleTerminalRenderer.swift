public import AccordCore

/// The review schedule for a terminal: past reviews (held or missed), then the upcoming
/// ones, each followed by what falls due before it.
public struct ScheduleTerminalRenderer: Sendable {
    /// The style (colour or not).
    public var style: TerminalStyle

    /// A renderer.
    public init(style: TerminalStyle = TerminalStyle(colour: false)) { self.style = style }

    /// The width the table of past reviews fits: a standard terminal's.
    static let width = 80

    /// The schedule as text.
    public func render(_ schedule: ReviewSchedule) -> String {
        let past = schedule.reviews.filter { $0.standing != .upcoming }
        let held = past.count { $0.standing == .held }, missed = past.count { $0.standing == .missed }
        var out = ProgressStyle.banner(schedule.notice, style: style) + style.bold(L10n.t("Reviews at {1}", schedule.asOf)) + ": "
            + L10n.t("{1} past ({2} held, {3} missed), {4} upcoming in the next {5} months; a meeting within {6} months of a date holds it",
                     past.count, held, missed, schedule.upcoming.count, schedule.horizonMonths, schedule.toleranceMonths) + "\n\n"
        if !past.isEmpty {
            var table = TextTable([.init(L10n.t("Date")), .init(L10n.t("Review")), .init(L10n.t("Host")), .init(L10n.t("Outcome"), wraps: true)])
            for review in past {
                let name = review.standing.displayName
                let standing = review.standing == .missed ? style.red(name) : review.standing == .held ? style.green(name) : style.yellow(name)
                table.add([review.date.description, "\(review.instrument)/\(review.cycle)" + ProvenanceNotice.suffix(review.marks),
                           review.host?.code ?? "",
                           standing + " " + ScheduleLayout.outcomeDetail(review)])
            }
            out += style.bold(L10n.t("Past reviews")) + "\n" + table.render(style: style, width: Self.width) + "\n"
        }
        out += style.bold(L10n.t("Upcoming reviews")) + "\n"
        if schedule.upcoming.isEmpty { out += "  " + L10n.t("none in the next {1} months", schedule.horizonMonths) + "\n" }
        for review in schedule.upcoming {
            let host = review.host.map { ", " + L10n.t("host {1}", $0) } ?? ""
            out += "\(review.date)  \(ProgressStyle.marked(review.title, review.marks)) — \(review.instrument)/\(review.cycle)\(host)\n"
            if review.dueBefore.isEmpty {
                out += "    " + L10n.t("nothing else falls due before it") + "\n"
            }
            for item in review.dueBefore {
                out += "    " + L10n.t("due {1}", item.date) + "  \(item.target)  \(item.parties.map(\.code).joined(separator: ", "))  "
                    + ProgressStyle.marked(item.summary, item.marks) + "\n"
            }
        }
        if !schedule.planned.isEmpty {
            out += "\n" + style.bold(L10n.t("Planned meetings")) + "\n"
            for meeting in schedule.planned {
                let place = [meeting.venue, meeting.host.map { L10n.t("host {1}", $0) }].compactMap { $0 }.joined(separator: ", ")
                let reviews = meeting.reviews.isEmpty ? "" : " — " + L10n.t("to hold {1}", meeting.reviews.joined(separator: ", "))
                out += "\(meeting.date)  \(meeting.title)\(place.isEmpty ? "" : " (\(place))")\(reviews)  [\(meeting.id)]\n"
            }
        }
        return out
    }
}
