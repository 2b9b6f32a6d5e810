public import GitStore
import Foundation

/// Who signed a change to the tracker, judged against the signers accord.yaml lists.
public enum SignatureStatus: String, Sendable, Codable, CaseIterable {
    /// Signed by a valid key of the party whose record it is (any party's, for a joint file).
    case party = "signed-by-party"
    /// Signed by a valid key of another party.
    case otherParty = "signed-by-other-party"
    /// No signature.
    case unsigned
    /// Signed by a key no party lists, or outside the key's validity.
    case unknownKey = "unknown-key"
    /// The signature does not match the commit (it was altered after signing).
    case badSignature = "bad-signature"

    /// Whether the change counts as the party's own word.
    public var isVerified: Bool { self == .party }
}

/// One change to a file, with the commit that made it and how it is signed.
public struct SignedChange: Sendable, Codable, Equatable {
    /// The file's path.
    public let path: String
    /// The party whose record it is; nil for a joint file (a meeting, a text, accord.yaml).
    public let party: PartyCode?
    /// The commit that made the change.
    public let commit: String
    /// The commit's first line. Never a restricted title: accord writes none into messages.
    public let summary: String
    /// How the commit is signed.
    public let status: SignatureStatus
    /// The party whose key signed it, when the key is listed.
    public let signedBy: PartyCode?
    /// The name accord.yaml gives that key.
    public let signerName: String?

    /// The id of the record: its file name without `.yaml`.
    public var recordID: String { TrackerLayout.recordName(ofPath: path) }
}

/// Checks commits' SSH signatures against the signers of a tracker's settings.
///
/// The signature's key is read from the signature itself (the `sshsig` blob names it) and
/// looked up among the signers; `ssh-keygen -Y check-novalidate` then checks that it
/// signs the commit. The key must be valid on the commit's committer date.
public final class RecordSignatures {
    private let repository: Repository
    private let parties: [TrackerSettings.Party]
    private var byCommit: [ObjectID: Signed] = [:]
    /// What earlier runs found of each commit's signature (see `CheckedSignatures`).
    private let checked: CheckedSignatures

    /// What a commit's signature says, before it is matched with a record's party.
    private enum Signed {
        case unsigned, bad, unknown
        case key(PartyCode, Signer)
    }

    /// A checker for `repository` against the signers of `settings`.
    public init(repository: Repository, settings: TrackerSettings) {
        self.repository = repository
        self.parties = settings.parties
        checked = CheckedSignatures(gitDirectory: repository.gitDirectory)
    }

    /// The record at `path` with the newest commit up to `tip` that changed it (git's
    /// history of the path: a record brought in by a merge is its author's commit) and how
    /// that commit is signed; nil when the path has no history.
    public func record(at path: String, tip: ObjectID) throws -> SignedChange? {
        guard let commit = try repository.history(of: path, from: tip, limit: 1).first,
              let entry = try repository.entry(path, at: commit.id) else { return nil }
        return try classify(PathChange(path: path, kind: .modified, oldID: nil, newID: entry.id), in: commit)
    }

    /// The records at `tip` not signed by their party (see `records(at:)`).
    public func unverified(at tip: ObjectID) throws -> [SignedChange] {
        try records(at: tip).filter { !$0.status.isVerified }
    }

    /// The record files at `tip` (status reports, evidence, meetings), each with the newest
    /// commit that changed it and how that commit is signed; sorted by path.
    public func records(at tip: ObjectID) throws -> [SignedChange] {
        var newest: [String: (CommitInfo, PathChange)] = [:]
        for commit in try repository.commits(from: tip, notIn: nil) {
            for change in try repository.ownChanges(of: commit) where Self.isRecord(change.path) && change.newID != nil {
                if newest[change.path] == nil { newest[change.path] = (commit, change) }
            }
        }
        return try newest.keys.sorted().compactMap { path in
            let (commit, change) = newest[path]!
            // Only what is still there at the tip.
            guard try repository.entry(path, at: tip)?.id == change.newID else { return nil }
            return try classify(change, in: commit)
        }
    }

    /// Every file change the commits in `tip` but not in `known` make, with its signature.
    public func changes(from tip: ObjectID, notIn known: ObjectID?) throws -> [SignedChange] {
        try repository.commits(from: tip, notIn: known).reversed().flatMap { commit in
            try repository.ownChanges(of: commit).map { try classify($0, in: commit) }
        }
    }

    /// Whether `path` is an append-only record of one party or a meeting.
    static func isRecord(_ path: String) -> Bool {
        (path.hasPrefix("Events/") || path.hasPrefix("Meetings/") || path.hasPrefix("Evidence/"))
            && path.hasSuffix(".yaml")
    }

    /// The parties whose word a change is, all of whom must sign it: a status report's or a
    /// piece of evidence's party; for accord.yaml, the parties whose signers or recipients
    /// it changes (a party's keys are its own to change). Empty for everything else, which
    /// any party may sign.
    private func owners(of change: PathChange) throws -> Set<PartyCode> {
        guard let blob = change.newID ?? change.oldID, change.path.hasSuffix(".yaml") else { return [] }
        if change.path.hasPrefix("Events/") {
            return Set([StatusReport.parse(try repository.blob(blob), file: change.path).value?.party].compactMap { $0 })
        }
        if change.path.hasPrefix("Evidence/"), !change.path.hasPrefix("Evidence/attachments/") {
            return Set([Evidence.parse(try repository.blob(blob), file: change.path).value?.party].compactMap { $0 })
        }
        if change.path == TrackerSettings.fileName {
            func keys(_ id: ObjectID?) throws -> [PartyCode: [String]] {
                guard let id, let settings = TrackerSettings.parse(try repository.blob(id)).value else { return [:] }
                return Dictionary(settings.parties.map { ($0.code, $0.signers.map(\.description) + $0.recipients) },
                                  uniquingKeysWith: { first, _ in first })
            }
            let before = try keys(change.oldID), after = try keys(change.newID)
            return Set(before.keys).union(after.keys).filter { before[$0] != after[$0] }
        }
        return []
    }

    private func classify(_ change: PathChange, in commit: CommitInfo) throws -> SignedChange {
        let owners = try owners(of: change)
        let owner = owners.count == 1 ? owners.first : nil
        let signed = try signature(of: commit)
        let status: SignatureStatus
        var signedBy: PartyCode?, signerName: String?
        switch signed {
        case .unsigned: status = .unsigned
        case .bad: status = .badSignature
        case .unknown: status = .unknownKey
        case .key(let party, let signer):
            signedBy = party
            signerName = signer.name
            // A change of several parties' keys needs each party's signature: one commit cannot carry them.
            status = owners.isEmpty || owners == [party] ? .party : .otherParty
        }
        return SignedChange(path: change.path, party: owner, commit: commit.id.hex, summary: commit.summary,
                            status: status, signedBy: signedBy, signerName: signerName)
    }

    private func signature(of commit: CommitInfo) throws -> Signed {
        if let known = byCommit[commit.id] { return known }
        let found = try check(commit)
        byCommit[commit.id] = found
        return found
    }

    private func check(_ commit: CommitInfo) throws -> Signed {
        let found: CheckedSignatures.Finding
        if let known = checked.finding(for: commit.id) {
            found = known
        } else {
            found = try Self.check(commit, in: repository)
            checked.record(found, for: commit.id)
        }
        guard case .key(let key) = found else { return found == .unsigned ? .unsigned : .bad }
        let day = CalendarDate(secondsSince1970: Int(commit.committer.date.timeIntervalSince1970),
                               offsetMinutes: commit.committer.timeZoneOffsetMinutes)
        let listed = parties.lazy.flatMap { party in party.signers.map { (party.code, $0) } }
            .first { $0.1.keyIdentity == key && $0.1.isValid(on: day) }
        guard let (party, signer) = listed else { return .unknown }
        return .key(party, signer)
    }

    /// What a commit's signature is, whatever the signers: no signature, one that does not
    /// match the commit, or a good one by this key.
    private static func check(_ commit: CommitInfo, in repository: Repository) throws -> CheckedSignatures.Finding {
        guard let signature = try repository.signature(ofCommit: commit.id) else { return .unsigned }
        guard let key = SSHSignature.publicKey(ofArmored: signature.signature),
              try SSHSignature.verify(signature.signature, of: signature.signedData, namespace: CommitSigning.namespace)
        else { return .bad }
        return .key(key)
    }
}

/// The signature checks already made, kept in `.git/accord/cache/signatures`, one line per
/// commit: a commit's bytes never change, so neither does whether its signature holds and
/// which key made it (whether that key may speak for a party is decided afresh each time).
/// The file is a cache: lost or unwritable, the checks are made again.
final class CheckedSignatures {
    enum Finding: Equatable {
        case unsigned, bad
        case key(String)
    }

    private let file: URL
    private var known: [String: Finding] = [:]
    private var loaded = false

    init(gitDirectory: URL) {
        file = gitDirectory.appendingPathComponent("accord/cache/signatures")
    }

    func finding(for commit: ObjectID) -> Finding? {
        if !loaded { load() }
        return known[commit.hex]
    }

    func record(_ finding: Finding, for commit: ObjectID) {
        known[commit.hex] = finding
        let text: String
        switch finding {
        case .unsigned: text = "unsigned"
        case .bad: text = "bad"
        case .key(let key): text = "key " + key
        }
        // One short line per write, with O_APPEND: two processes appending at once do not mix lines.
        let line = Data("\(commit.hex) \(text)\n".utf8)
        try? FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        let descriptor = open(file.path, O_WRONLY | O_APPEND | O_CREAT, 0o644)
        guard descriptor >= 0 else { return }
        defer { close(descriptor) }
        _ = line.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
    }

    private func load() {
        loaded = true
        guard let text = try? String(contentsOf: file, encoding: .utf8) else { return }
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: " ", maxSplits: 1)
            guard parts.count == 2, parts[0].count == 40 else { continue }
            switch parts[1] {
            case "unsigned": known[String(parts[0])] = .unsigned
            case "bad": known[String(parts[0])] = .bad
            case let rest where rest.hasPrefix("key "): known[String(parts[0])] = .key(String(rest.dropFirst(4)))
            default: continue
            }
        }
    }
}

/// The parts of an SSH signature (`sshsig`, as `ssh-keygen -Y sign` writes) accord reads.
enum SSHSignature {
    /// The signing key, `TYPE BASE64`, from an armoured signature; nil when it is not one.
    static func publicKey(ofArmored armored: String) -> String? {
        let body = armored.split(whereSeparator: \.isNewline).filter { !$0.hasPrefix("-----") }.joined()
        guard let blob = Data(base64Encoded: body) else { return nil }
        var reader = WireReader(bytes: [UInt8](blob))
        guard reader.take(6) == Array("SSHSIG".utf8), reader.uint32() != nil,
              let key = reader.string() else { return nil }
        var keyReader = WireReader(bytes: key)
        guard let type = keyReader.string() else { return nil }
        return String(decoding: type, as: UTF8.self) + " " + Data(key).base64EncodedString()
    }

    /// Whether `armored` is a good signature of `data` in `namespace`, by `ssh-keygen`.
    static func verify(_ armored: String, of data: Data, namespace: String) throws -> Bool {
        try ExternalTool.withTemporaryFile(Data(armored.utf8)) { file in
            try ExternalTool(program: "ssh-keygen")
                .run(["-Y", "check-novalidate", "-n", namespace, "-s", file.path], input: data).status == 0
        }
    }

    /// SSH's wire encoding: big-endian 32-bit lengths before byte strings.
    private struct WireReader {
        let bytes: [UInt8]
        var offset = 0

        mutating func take(_ count: Int) -> [UInt8]? {
            guard count >= 0, offset + count <= bytes.count else { return nil }
            defer { offset += count }
            return Array(bytes[offset..<offset + count])
        }

        mutating func uint32() -> Int? {
            take(4).map { $0.reduce(0) { $0 << 8 | Int($1) } }
        }

        mutating func string() -> [UInt8]? {
            uint32().flatMap { take($0) }
        }
    }
}

/// The check `sync` makes of incoming commits under accord.yaml's `signatures` policy.
public enum IncomingSignatures {
    /// Checks the commits `remote` brings that `local` lacks against `settings` (the local
    /// accord.yaml: an incoming change to the signers must not vouch for itself). Under
    /// `require`, throws a data ``AccordError`` naming each unverified commit and file; under `warn`,
    /// returns the lines to show; under `off`, checks nothing.
    public static func check(repository: Repository, settings: TrackerSettings, local: ObjectID?,
                             remote: ObjectID) throws -> [String] {
        guard settings.signatures != .off else { return [] }
        let unverified = try RecordSignatures(repository: repository, settings: settings)
            .changes(from: remote, notIn: local).filter { !$0.status.isVerified }
        guard !unverified.isEmpty else { return [] }
        let lines = unverified.map { change in
            "  \(change.commit.prefix(7)) \(change.path): \(change.status.rawValue)"
                + (change.party.map { L10n.t(", a record of {1}", $0) } ?? "") + (change.signedBy.map { L10n.t(", signed by {1}", $0) } ?? "")
        }
        let commits = Set(unverified.map(\.commit)).count
        if settings.signatures == .require {
            throw AccordError(.data, L10n.t("sync refused: {1} incoming commit(s) change records without the signature of their party (signatures: require in accord.yaml); nothing was merged:", commits)
                          + "\n" + lines.joined(separator: "\n"))
        }
        return [L10n.t("accord: warning: {1} incoming commit(s) change records without the signature of their party:", commits)] + lines
    }
}
