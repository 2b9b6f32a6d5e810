/// When and where an instrument was signed, a plan adopted or an amendment made.
public struct Signing: Sendable, Hashable, Codable {
    /// The day of signing.
    public var date: CalendarDate
    /// The city, if known.
    public var place: String?

    /// Creates a signing.
    public init(date: CalendarDate, place: String? = nil) {
        self.date = date
        self.place = place
    }
}
