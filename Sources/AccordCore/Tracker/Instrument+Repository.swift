public import Foundation
public import GitStore

extension Instrument {
    /// The instrument `id` as committed at `commit` (default the branch tip). Throws
    /// ``TextRevisionError`` with exit 66 when there is no such instrument, and
    /// ``InvalidTrackerData`` (65) when its `instrument.yaml` does not read.
    public static func read(_ id: String, in repository: Repository, at commit: ObjectID? = nil) throws -> Instrument {
        let path = "Agreements/\(id)/instrument.yaml"
        guard let instrumentID = InstrumentID(id), let commit = try commit ?? repository.tip(),
              let data = try repository.read(path, at: commit) else {
            throw TextRevisionError(.noInput, "no instrument \"\(id)\" in the tracker (no \(path))")
        }
        let parsed = Instrument.parse(data, file: path)
        guard parsed.diagnostics.isEmpty, let instrument = parsed.value, instrument.id == instrumentID else {
            throw InvalidTrackerData(parsed.diagnostics)
        }
        return instrument
    }
}
