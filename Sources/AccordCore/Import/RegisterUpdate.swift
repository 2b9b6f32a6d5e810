internal import Foundation
public import GitStore

/// A change to an instrument's commitment register (`accord commitment add|edit|remove`),
/// recorded as one commit that touches only the register entries it changes, and only when
/// the tracker at that commit has no problem it did not have before.
public struct RegisterUpdate: Sendable {
    /// What to do to the register.
    public enum Change: Sendable {
        /// Append a new commitment.
        case add(Commitment)
        /// Replace the commitment with the same id.
        case replace(Commitment)
        /// Remove the commitment with this id.
        case remove(String)
    }

    /// The instrument.
    public let instrument: InstrumentID
    /// The change.
    public let change: Change

    /// Describes a change.
    public init(instrument: InstrumentID, change: Change) {
        self.instrument = instrument
        self.change = change
    }

    /// The register as it stands at the tip of `repository`.
    public static func current(_ instrument: InstrumentID, in repository: Repository) throws -> Instrument {
        guard let tip = try repository.tip() else { throw AccordError(.notFound, L10n.t("the tracker has no commits")) }
        let path = "\(TextRevisions.instrumentsFolder)/\(instrument)/instrument.yaml"
        guard let data = try repository.read(path, at: tip) else {
            throw AccordError(.notFound, L10n.t("no instrument {1} in the tracker (no {2})", instrument, path))
        }
        let parsed = Instrument.parse(data, file: path)
        guard parsed.diagnostics.isEmpty, let value = parsed.value else { throw InvalidTrackerData(parsed.diagnostics) }
        return value
    }

    /// Commits the change, authored now by `author`; returns the commit. An id that exists
    /// (add, 73) or does not (edit, remove: 66) is refused, and so is a register the tracker
    /// would not validate with (a clause the text lacks, reports left on a removed commitment: 65).
    public func record(in repository: Repository, author: Signature) throws -> ObjectID {
        let current = try Self.current(instrument, in: repository)
        let path = "\(TextRevisions.instrumentsFolder)/\(instrument)/instrument.yaml"
        var register = current.commitments
        let message: String
        switch change {
        case .add(let commitment):
            guard !register.contains(where: { $0.id == commitment.id }) else {
                throw AccordError(.cannotCreate, L10n.t("{1}#{2} is in the register already; change it with accord commitment edit", instrument, commitment.id))
            }
            register.append(commitment)
            message = "Register: add \(instrument)#\(commitment.id)"
        case .replace(let commitment):
            guard let index = register.firstIndex(where: { $0.id == commitment.id }) else {
                throw AccordError(.notFound, L10n.t("no commitment {1}#{2} in the register", instrument, commitment.id))
            }
            guard register[index] != commitment else {
                throw AccordError(.data, L10n.t("no change: {1}#{2} reads the same already", instrument, commitment.id))
            }
            register[index] = commitment
            message = "Register: edit \(instrument)#\(commitment.id)"
        case .remove(let id):
            guard let index = register.firstIndex(where: { $0.id == id }) else {
                throw AccordError(.notFound, L10n.t("no commitment {1}#{2} in the register", instrument, id))
            }
            register.remove(at: index)
            message = "Register: remove \(instrument)#\(id)"
        }
        guard let tip = try repository.tip(), let data = try repository.read(path, at: tip) else {
            throw AccordError(.notFound, L10n.t("no instrument {1} in the tracker", instrument))
        }
        let edited = current.editedYAML(String(decoding: data, as: UTF8.self), file: path, register: register)
        var changes = ChangeSet()
        changes.write(path, Data(edited.utf8))
        return try repository.apply(changes, message: message, author: author, verify: TrackerWriteCheck.verify(repository))
    }
}

extension Instrument {
    /// The text of `instrument.yaml` with the register set to `register`: entries that did
    /// not change keep their lines as written (comments and all), changed and new entries are
    /// written in the documented layout, removed ones are dropped. Should the result not read
    /// back as exactly the updated instrument, the whole file is written afresh instead.
    public func editedYAML(_ original: String, file: String, register: [Commitment]) -> String {
        var expected = self
        expected.commitments = register
        guard !original.contains("\r") else { return expected.yamlText() }
        var lines = original.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let rendered: (Commitment, String) -> [String] = { commitment, indent in
            var map = YAMLMap()
            map.add("commitments", .list([commitment.yaml]))
            return map.text().split(separator: "\n").dropFirst().map { indent + String($0.dropFirst(2)) }
        }
        if let start = lines.firstIndex(where: { $0 == "commitments:" }) {
            // The block: every line after the key that is indented, blank or a comment.
            var end = start + 1
            while end < lines.count, lines[end].isEmpty || lines[end].hasPrefix(" ") || lines[end].hasPrefix("-")
                    || lines[end].hasPrefix("#") {
                end += 1
            }
            while end > start + 1, lines[end - 1].trimmingCharacters(in: .whitespaces).isEmpty { end -= 1 }
            let block = Array(lines[(start + 1)..<end])
            let indent = block.first { $0.trimmingCharacters(in: .whitespaces).hasPrefix("- ") }
                .map { String($0.prefix { $0 == " " }) } ?? "  "
            // The old entries' lines, by the position of their `- ` line.
            var entries: [[String]] = []
            for line in block {
                if line.hasPrefix(indent + "- ") { entries.append([line]) } else if !entries.isEmpty { entries[entries.count - 1].append(line) }
            }
            var kept: [String] = []
            for commitment in register {
                if let index = commitments.firstIndex(where: { $0.id == commitment.id }), commitments[index] == commitment,
                   commitments.count == entries.count {
                    kept += entries[index]
                } else {
                    kept += rendered(commitment, indent)
                }
            }
            lines.replaceSubrange(start..<end, with: register.isEmpty ? [] : ["commitments:"] + kept)
        } else if !register.isEmpty {
            while lines.last == "" { lines.removeLast() }
            lines += ["commitments:"] + register.flatMap { rendered($0, "  ") } + [""]
        }
        let edited = lines.joined(separator: "\n")
        let reread = Instrument.parse(Data(edited.utf8), file: file)
        return reread.diagnostics.isEmpty && reread.value == expected ? edited : expected.yamlText()
    }
}
