public import AccordCore

/// The diff as JSON for programs: the ``InstrumentDiff`` value itself, `Codable`, with
/// sorted keys. docs/json.md ("diff") lists the keys. Decoding the output gives back the
/// same value, and ``InstrumentDiff/apply(to:)`` on it rebuilds the new text.
public struct DiffJSONRenderer: InstrumentDiffRenderer {
    /// A JSON renderer.
    public init() {}

    /// The diff as pretty-printed JSON with sorted keys and the schema's `version`, ending
    /// in a newline.
    public func render(_ diff: InstrumentDiff) throws -> String {
        try JSONOutput.render(diff)
    }
}
