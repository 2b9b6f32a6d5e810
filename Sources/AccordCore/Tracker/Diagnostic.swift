/// One problem found in the tracker's files, pointing at the file, line and field.
///
/// Rendered as `file:line: field: message`, the form editors and terminals link to.
public struct Diagnostic: Error, Sendable, Hashable, Comparable, CustomStringConvertible, Codable {
    /// The file's path inside the tracker, with `/` separators.
    public let file: String
    /// The line, counting from 1.
    public let line: Int
    /// The field path, such as `commitments[2].due`; empty when the whole file is concerned.
    public let field: String
    /// One lowercase sentence.
    public let message: String

    /// Creates a diagnostic. A field or message that quotes a huge key or value keeps its
    /// start and end, so one line still says what and where.
    public init(file: String, line: Int, field: String, message: String) {
        self.file = file
        self.line = line
        self.field = Self.shortened(field, head: 100, tail: 20)
        self.message = Self.shortened(message, head: 200, tail: 80)
    }

    /// `text` with its middle replaced by `…` when it is longer than `head + tail + 1`
    /// characters.
    static func shortened(_ text: String, head: Int, tail: Int) -> String {
        guard text.utf8.count > head + tail + 1, text.count > head + tail + 1 else { return text }
        return String(text.prefix(head)) + "…" + String(text.suffix(tail))
    }

    public var description: String {
        field.isEmpty ? "\(file):\(line): \(message)" : "\(file):\(line): \(field): \(message)"
    }

    /// The line a user reads: as ``description``, the message in the run's language. The
    /// message itself is kept in English (the derived store keeps diagnostics, and JSON
    /// shows them), and translated only here.
    public var shown: String {
        let text = L10n.shown(message)
        return field.isEmpty ? "\(file):\(line): \(text)" : "\(file):\(line): \(field): \(text)"
    }

    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        (lhs.file, lhs.line, lhs.field, lhs.message) < (rhs.file, rhs.line, rhs.field, rhs.message)
    }
}

/// The tracker's data has problems: every one found, in file and line order.
public struct InvalidTrackerData: AccordFailure, Sendable {
    /// The problems, sorted.
    public let diagnostics: [Diagnostic]
    /// What was read, when the message should say (`the working tree`).
    public let source: String?

    /// Wraps the problems of one run, found in `source` when given.
    public init(_ diagnostics: [Diagnostic], in source: String? = nil) {
        self.diagnostics = diagnostics.sorted()
        self.source = source
    }

    /// A data error (65): the count, then one indented line per problem.
    public var accordError: AccordError {
        let heading = switch (diagnostics.count == 1, source) {
        case (true, nil): L10n.t("1 problem in the tracker data:")
        case (false, nil): L10n.t("{1} problems in the tracker data:", LocalForms.count(diagnostics.count))
        case (true, let source?): L10n.t("1 problem in the tracker data (checked {1}):", source)
        case (false, let source?): L10n.t("{1} problems in the tracker data (checked {2}):", LocalForms.count(diagnostics.count), source)
        }
        return AccordError(.data, ([heading] + diagnostics.map { "  \($0.shown)" }).joined(separator: "\n"))
    }
}
