import Foundation

/// Someone who writes to the tracker, as `Name <email>` or a bare name.
public struct Person: Sendable, Hashable, CustomStringConvertible {
    public let name: String
    /// Empty when only a name was given.
    public let email: String

    /// Creates a person.
    public init(name: String, email: String) {
        self.name = name
        self.email = email
    }

    /// Reads `Name <email>` or a name; nil when empty or malformed (`<…>` without a name).
    public init?(_ text: String) {
        // A control character would reach terminals and commit messages as it is.
        guard !text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else { return nil }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let open = trimmed.lastIndex(of: "<"), trimmed.hasSuffix(">") {
            let name = trimmed[..<open].trimmingCharacters(in: .whitespaces)
            let email = String(trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)])
            // git's signature refuses angle brackets inside the name or the address.
            guard !name.isEmpty, !email.isEmpty, !email.contains("<"), !name.contains("<"), !name.contains(">")
            else { return nil }
            self.init(name: name, email: email)
        } else {
            guard !trimmed.isEmpty, !trimmed.contains("<"), !trimmed.contains(">") else { return nil }
            self.init(name: trimmed, email: "")
        }
    }

    /// `Name <email>`, or the name alone.
    public var description: String { email.isEmpty ? name : "\(name) <\(email)>" }
}
