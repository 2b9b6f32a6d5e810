public import AccordCore

extension ProgressHistory {
    /// The JSON document ``JSONOutput/render(_:)`` prints for the history, handed to `write`
    /// in pieces, one entry encoded at a time: the document of 50,000 entries is never held
    /// whole, as values, bytes or text.
    public func writeJSON(to write: (String) throws -> Void) throws {
        try JSONOutput.write(self, listing: entries, as: "entries", beside: OtherKeys(id: id, marks: marks, notice: notice), to: write)
    }

    /// The history's keys but `entries`, encoded as the history encodes them.
    private struct OtherKeys: Encodable {
        let id: String?
        let marks: [ProvenanceMark]
        let notice: ProvenanceNotice?
    }
}
