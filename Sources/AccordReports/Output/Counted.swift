/// A number with its noun, singular or plural: `1 word`, `3 words`, `1 piece of evidence`.
public func counted(_ count: Int, _ singular: String, _ plural: String? = nil) -> String {
    "\(count) \(count == 1 ? singular : plural ?? singular + "s")"
}
