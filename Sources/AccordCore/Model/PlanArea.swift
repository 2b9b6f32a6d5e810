/// A key area of an action plan, grouping its items.
public struct PlanArea: Sendable, Hashable, Codable {
    /// The local id (`3`); the full id is `<plan>#<id>`.
    public var id: String
    /// What the area covers.
    public var title: String
    /// The area's items.
    public var items: [PlanItem]

    /// Creates an area.
    public init(id: String, title: String, items: [PlanItem] = []) {
        self.id = id
        self.title = title
        self.items = items
    }
}
