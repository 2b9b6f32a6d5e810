/// The filters of `accord list`, applied to targets at the as-of date. Each given filter
/// must hold; with `party`, the status, overdue and agency filters look at that party only.
public struct TargetFilter: Sendable, Hashable {
    public var status: Status?
    public var party: PartyCode?
    /// A plan area's full id (`plan-2017-2020#3`): its items only.
    public var area: QualifiedID?
    /// A case-insensitive part of a responsible or lead agency's name.
    public var agency: String?
    public var overdue: Bool
    /// A due date (any, recurrences expanded, or a plan item's end) before this date.
    public var dueBefore: CalendarDate?
    /// The instrument, plan or meeting the targets belong to.
    public var owner: String?

    /// A filter; nothing given lets everything through.
    public init(status: Status? = nil, party: PartyCode? = nil, area: QualifiedID? = nil, agency: String? = nil,
                overdue: Bool = false, dueBefore: CalendarDate? = nil, owner: String? = nil) {
        self.status = status
        self.party = party
        self.area = area
        self.agency = agency
        self.overdue = overdue
        self.dueBefore = dueBefore
        self.owner = owner
    }

    /// Whether `state` passes.
    public func admits(_ state: TargetState) -> Bool {
        let target = state.target
        if let owner, target.id.owner != owner { return false }
        if let area, target.id.owner != area.owner || !target.id.local.hasPrefix(area.local + ".") { return false }
        let parties = state.parties.filter { party == nil || $0.party == party }
        if parties.isEmpty { return false }
        if let status, !parties.contains(where: { $0.status == status }) { return false }
        // A joint target is overdue for every party it binds when the joint report is missing.
        if overdue, !parties.contains(where: \.isOverdue), state.joint?.isOverdue != true { return false }
        if let agency {
            let needle = agency.lowercased()
            let names = parties.compactMap { target.responsible[$0.party] }
            if !names.contains(where: { $0.lowercased().contains(needle) }) { return false }
        }
        if let dueBefore {
            let first = target.schedule?.first
            let due = [first, target.end].compactMap { $0 }
            if !due.contains(where: { $0 < dueBefore }) { return false }
        }
        return true
    }
}
