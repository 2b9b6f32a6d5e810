import AccordCore

/// The words every schedule format uses for a review, so the terminal, the calendar and
/// the summary tell the same story.
enum ScheduleLayout {
    /// `Annual joint review of the agreement — tip-2005 [missed]`, after its marks.
    static func eventSummary(_ review: ReviewSchedule.Review) -> String {
        ProgressStyle.marked("\(review.title) — \(review.instrument) [\(review.standing.displayName)]", review.marks)
    }

    /// What happened or is expected: the holding meeting, the tolerance, the host, what is due.
    static func outcome(_ review: ReviewSchedule.Review, toleranceMonths: Int? = nil) -> String {
        switch review.standing {
        case .held: L10n.t("held {1}", outcomeDetail(review))
        case .missed: L10n.t("missed: {1}", outcomeDetail(review))
        case .due: L10n.t("due: {1}", outcomeDetail(review))
        case .upcoming: outcomeDetail(review)
        }
    }

    /// The outcome without its standing (which a table shows in a column of its own).
    static func outcomeDetail(_ review: ReviewSchedule.Review) -> String {
        switch review.standing {
        case .held:
            return L10n.t("by {1}", review.meeting.map(String.init(describing:)) ?? "")
                + (review.meetingDate.map { " " + L10n.t("on {1}", $0) } ?? "")
        case .missed:
            let late = review.lateMeeting.map { meeting in
                "; " + L10n.t("reviewed late by {1}", meeting) + (review.lateMeetingDate.map { " " + L10n.t("on {1}", $0) } ?? "")
            } ?? ""
            return L10n.t("no meeting on record within the tolerance") + late
        case .due:
            return L10n.t("not yet held; a meeting within the tolerance still holds it")
        case .upcoming:
            return review.dueBefore.count == 1 ? L10n.t("1 item falls due before it")
                : L10n.t("{1} items fall due before it", review.dueBefore.count)
        }
    }

    /// The calendar event's description: outcome, host, and the items due before it.
    static func eventDescription(_ review: ReviewSchedule.Review, partyNames: [PartyCode: String]) -> String {
        var lines = [L10n.t("{1} ({2}), cycle {3}.", review.instrumentTitle, review.instrument, review.cycle)]
        if let host = review.host { lines.append(L10n.t("Host in turn: {1}.", partyNames[host].map { "\($0) (\(host))" } ?? host.code)) }
        lines.append(outcome(review).prefix(1).uppercased() + outcome(review).dropFirst() + ".")
        for item in review.dueBefore {
            lines.append("- \(item.date) \(item.target) (\(item.parties.map(\.code).joined(separator: ", "))): "
                + ProgressStyle.marked(item.summary, item.marks))
        }
        return lines.joined(separator: "\n")
    }
}
