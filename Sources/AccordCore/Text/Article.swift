/// An article of an instrument's text, or its preamble.
///
/// An article is a `## ` heading with a number (`## Article 7. Purpose`, `## Điều 7.`,
/// `## មាត្រា ៧`), the unnumbered lead text under it, its numbered clauses and any
/// unnumbered closing text after the last clause. The preamble is the unnumbered `## `
/// heading before the first article; its id is `preamble`.
public struct Article: Sendable, Hashable, Codable {
    /// The id of the preamble.
    public static let preambleID = "preamble"

    /// The article's number with ASCII digits and an optional letter (`7`, `7a`), or
    /// `preamble`.
    public var id: String
    /// The heading as written after `## `, normalised, e.g. `Article 7. Purpose`.
    public var heading: String
    /// The title: what follows the number and its separator (`Purpose`); for the preamble,
    /// the whole heading.
    public var title: String
    /// Unnumbered text before the first clause, normalised; empty when there is none.
    public var lead: String
    /// The numbered clauses, in the order written.
    public var clauses: [Clause]
    /// Unnumbered text after the last clause, normalised; empty when there is none.
    public var closing: String
    /// The 1-based line of the heading in the source file.
    public var line: Int

    /// An article with the given parts.
    public init(
        id: String, heading: String, title: String, lead: String = "",
        clauses: [Clause] = [], closing: String = "", line: Int
    ) {
        self.id = id
        self.heading = heading
        self.title = title
        self.lead = lead
        self.clauses = clauses
        self.closing = closing
        self.line = line
    }

    /// The article's number (`7` for `7` and `7a`); nil for the preamble.
    public var number: Int? { Int(String(id.prefix(while: \.isASCII).prefix(while: \.isNumber))) }

    /// The clause with the given full id (`7.2`), if the article has it.
    public func clause(_ id: String) -> Clause? { clauses.first { $0.id == id } }

    /// The article's text as a reader sees it: title, lead, each clause with its marker, and
    /// the closing text, as paragraphs separated by blank lines.
    public var fullText: String {
        var parts = [title, lead]
        parts += clauses.map { "\($0.marker) \($0.text)" }
        parts.append(closing)
        return parts.filter { !$0.isEmpty }.joined(separator: "\n\n")
    }

    /// The article in the canonical Markdown of ``InstrumentText/normalizedMarkdown``.
    public var normalizedMarkdown: String {
        var blocks = ["## \(heading)"]
        if !lead.isEmpty { blocks.append(lead) }
        for clause in clauses {
            // Continuation lines are indented four spaces so that reading this text back
            // gives the same clause: a line indented less could start a clause of its own,
            // and an unindented paragraph after a clause would be closing text.
            let lines = clause.text.split(separator: "\n", omittingEmptySubsequences: false)
            let body = lines.dropFirst().map { $0.isEmpty ? "" : "    " + $0 }
            blocks.append(([clause.marker + (clause.text.isEmpty ? "" : " ") + (lines.first ?? "")] + body)
                .joined(separator: "\n"))
        }
        if !closing.isEmpty { blocks.append(closing) }
        return blocks.joined(separator: "\n\n")
    }
}
