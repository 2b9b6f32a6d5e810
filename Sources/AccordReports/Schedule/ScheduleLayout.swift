import AccordCore

/// The words every schedule format uses for a review, so the terminal, the calendar and
/// the summary tell the same story.
enum ScheduleLayout {
    /// `Annual joint review of the agreement — tip-2005 [missed]`, after its marks.
    static func eventSummary(_ review: ReviewSchedule.Review) -> String {
        ProgressStyle.marked("\(review.title) — \(review.instrument) [\(review.standing.rawValue)]", review.marks)
    }

    /// What happened or is expected: the holding meeting, the tolerance, the host, what is due.
    static func outcome(_ review: ReviewSchedule.Review, toleranceMonths: Int? = nil) -> String {
        switch review.standing {
        case .held:
            return "held by \(review.meeting.map(String.init(describing:)) ?? "")"
                + (review.meetingDate.map { " on \($0)" } ?? "")
        case .missed:
            let late = review.lateMeeting.map { meeting in
                "; reviewed late by \(meeting)" + (review.lateMeetingDate.map { " on \($0)" } ?? "")
            } ?? ""
            return "missed: no meeting on record within the tolerance" + late
        case .due:
            return "due: not yet held; a meeting within the tolerance still holds it"
        case .upcoming:
            return "\(review.dueBefore.count) \(review.dueBefore.count == 1 ? "item falls" : "items fall") due before it"
        }
    }

    /// The calendar event's description: outcome, host, and the items due before it.
    static func eventDescription(_ review: ReviewSchedule.Review, partyNames: [PartyCode: String]) -> String {
        var lines = ["\(review.instrumentTitle) (\(review.instrument)), cycle \(review.cycle)."]
        if let host = review.host { lines.append("Host in turn: \(partyNames[host].map { "\($0) (\(host))" } ?? host.code).") }
        lines.append(outcome(review).prefix(1).uppercased() + outcome(review).dropFirst() + ".")
        for item in review.dueBefore {
            lines.append("- \(item.date) \(item.target) (\(item.parties.map(\.code).joined(separator: ", "))): "
                + ProgressStyle.marked(item.summary, item.marks))
        }
        return lines.joined(separator: "\n")
    }
}
