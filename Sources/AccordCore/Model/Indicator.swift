/// A measure of progress: a statistic declared in accord.yaml, or one local to a plan item
/// with a target.
public struct Indicator: Sendable, Hashable, Codable {
    /// The indicator's id (`cases`, `focal-points-named`).
    public var id: String
    /// What it counts; optional in a plan item that names an indicator of accord.yaml.
    public var title: String?
    /// The unit (`cases`, `persons`).
    public var unit: String?
    /// The value aimed at, in a plan item.
    public var target: Double?
    /// What is counted and how, in a sentence or two (so that two parties' figures are read
    /// alike); shown with the indicator in review summaries.
    public var definition: String?

    /// Creates an indicator.
    public init(id: String, title: String? = nil, unit: String? = nil, target: Double? = nil, definition: String? = nil) {
        self.id = id
        self.definition = definition
        self.title = title
        self.unit = unit
        self.target = target
    }
}
