import Foundation

/// The fields of a URL-encoded form or query string, in order; a name may repeat.
struct FormFields: Sendable {
    private(set) var pairs: [(name: String, value: String)] = []

    init(pairs: [(name: String, value: String)] = []) { self.pairs = pairs }

    /// Parses `application/x-www-form-urlencoded` text (a query string has the same form).
    init(urlEncoded text: String) {
        for part in text.split(separator: "&", omittingEmptySubsequences: true) {
            let pieces = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = Self.decode(pieces[0])
            let value = pieces.count > 1 ? Self.decode(pieces[1]) : ""
            pairs.append((name, value))
        }
    }

    private static func decode(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }

    mutating func append(_ name: String, _ value: String) { pairs.append((name, value)) }

    /// The first value of `name`, trimmed; nil when absent or blank.
    subscript(name: String) -> String? {
        guard let value = pairs.first(where: { $0.name == name })?.value.trimmingCharacters(in: .whitespacesAndNewlines),
              !value.isEmpty else { return nil }
        return value
    }

    /// Every non-blank value of `name`; a value may also hold several separated by commas or spaces.
    func all(_ name: String) -> [String] {
        pairs.filter { $0.name == name }
            .flatMap { $0.value.split(whereSeparator: { $0 == "," || $0.isWhitespace }).map(String.init) }
    }

    /// The fields as a dictionary of first values, for refilling a form after a refusal.
    var values: [String: String] {
        var result: [String: String] = [:]
        for (name, value) in pairs where result[name] == nil { result[name] = value }
        return result
    }
}
