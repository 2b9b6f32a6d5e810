import Foundation
import Testing
import TestSupport

/// Signed commits, checked by the real `git verify-commit` and `ssh-keygen -Y verify`;
/// `verify --signatures`; and the `signatures` policy of `sync`.
@Suite struct SignedRecordTests {
    @Test(.scratchFolder) func commitsAreSignedAsGitAsksAndGitAndSSHKeygenAcceptThem() throws {
        let folder = try ProgressCommandTests.smallTracker()
        defer { try? FileManager.default.removeItem(at: folder) }
        let keysScratch = try ScratchFolder.current
        let keys = keysScratch.url
        let key = try TrustFixture.sshKey("vn-desk", in: keys)
        try TrustFixture.signWith(key, in: folder)
        let added = try CLI.run(["log", "tip-2005#1.1", "--status", "in-progress", "--party", "VN", "--date", "2019-03-26"],
                                cwd: folder)
        #expect(added.status == 0, "\(added.stderr)")

        let allowed = keys.appendingPathComponent("allowed_signers")
        try Data("desk@example.invalid \(key.publicKey)\n".utf8).write(to: allowed)
        let verified = try CLI.git("-c", "gpg.ssh.allowedSignersFile=\(allowed.path)", "verify-commit", "HEAD", in: folder)
        #expect(verified.status == 0, "\(verified.stderr)")
        #expect(verified.stderr.contains("Good \"git\" signature for desk@example.invalid"))

        // The same check by ssh-keygen alone: the signature over the commit without its header.
        let object = try CLI.git("cat-file", "commit", "HEAD", in: folder).stdout
        var payload: [Substring] = [], signature: [Substring] = [], inSignature = false
        for line in object.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("gpgsig ") { inSignature = true; signature.append(line.dropFirst(7)); continue }
            if inSignature, line.hasPrefix(" ") { signature.append(line.dropFirst()); continue }
            inSignature = false
            payload.append(line)
        }
        let signatureFile = keys.appendingPathComponent("commit.sig"), payloadFile = keys.appendingPathComponent("commit.txt")
        try Data((signature.joined(separator: "\n") + "\n").utf8).write(to: signatureFile)
        try Data(payload.joined(separator: "\n").utf8).write(to: payloadFile)
        let checked = try CLI.run(executable: URL(fileURLWithPath: "/bin/sh"), ["-c",
            "ssh-keygen -Y verify -f '\(allowed.path)' -I desk@example.invalid -n git -s '\(signatureFile.path)' < '\(payloadFile.path)'"])
        #expect(checked.status == 0, "\(checked.stdout)\(checked.stderr)")
        // A signature of other bytes is refused: the check can fail.
        try Data((payload.joined(separator: "\n") + "tampered").utf8).write(to: payloadFile)
        let tampered = try CLI.run(executable: URL(fileURLWithPath: "/bin/sh"), ["-c",
            "ssh-keygen -Y verify -f '\(allowed.path)' -I desk@example.invalid -n git -s '\(signatureFile.path)' < '\(payloadFile.path)'"])
        #expect(tampered.status != 0)
    }

    @Test func aSigningFailureCommitsNothingAndSaysWhy() throws {
        let folder = try ProgressCommandTests.smallTracker()
        defer { try? FileManager.default.removeItem(at: folder) }
        let before = try ProgressCommandTests.head(folder)
        let logging = ["log", "tip-2005#1.1", "--status", "in-progress", "--party", "VN", "--date", "2019-03-26"]

        try CLI.git("config", "commit.gpgsign", "true", in: folder)
        let openPGP = try CLI.run(logging, cwd: folder)
        #expect(openPGP.status == 73)
        #expect(openPGP.stderr.hasPrefix("accord: commits are to be signed (commit.gpgsign) with OpenPGP"), "\(openPGP.stderr)")

        try CLI.git("config", "gpg.format", "ssh", in: folder)
        try CLI.git("config", "user.signingkey", folder.appendingPathComponent("no-such-key").path, in: folder)
        let missing = try CLI.run(logging, cwd: folder)
        #expect(missing.status == 73)
        #expect(missing.stderr.contains("the signing key") && missing.stderr.contains("nothing was committed"), "\(missing.stderr)")
        #expect(try ProgressCommandTests.head(folder) == before)
        #expect(try CLI.git("status", "--porcelain", in: folder).stdout == "")

        // accord's own setting turns signing off for accord alone.
        try CLI.git("config", "accord.sign", "false", in: folder)
        #expect(try CLI.run(logging, cwd: folder).status == 0)
    }

    @Test(.scratchFolder) func verifySignaturesClassifiesEveryRecord() throws {
        let folder = try ProgressCommandTests.smallTracker()
        defer { try? FileManager.default.removeItem(at: folder) }
        let keysScratch = try ScratchFolder.current
        let keys = keysScratch.url
        let vn = try TrustFixture.sshKey("vn", in: keys), kh = try TrustFixture.sshKey("kh", in: keys)
        let stranger = try TrustFixture.sshKey("stranger", in: keys)
        try TrustFixture.extendSettings(folder, vn: TrustFixture.signer(vn, name: "Hanoi desk"),
                                        kh: TrustFixture.signer(kh, name: "Phnom Penh desk"))
        var expected: [String: String] = [:]
        func report(_ party: String, _ date: String, signedBy key: TrustFixture.SSHKey?) throws {
            if let key { try TrustFixture.signWith(key, in: folder) }
            try CLI.git("config", "accord.sign", key == nil ? "false" : "true", in: folder)
            let result = try CLI.run(["log", "tip-2005#1.1", "--status", "in-progress", "--party", party, "--date", date], cwd: folder)
            #expect(result.status == 0, "\(result.stderr)")
        }
        try report("VN", "2019-01-01", signedBy: vn)
        expected[try TrustFixture.addedFile(folder, under: "Events/")] = "signed-by-party"
        try report("VN", "2019-01-02", signedBy: kh)
        expected[try TrustFixture.addedFile(folder, under: "Events/")] = "signed-by-other-party"
        try report("KH", "2019-01-03", signedBy: nil)
        expected[try TrustFixture.addedFile(folder, under: "Events/")] = "unsigned"
        try report("KH", "2019-01-04", signedBy: stranger)
        expected[try TrustFixture.addedFile(folder, under: "Events/")] = "unknown-key"

        #expect(try TrustFixture.signatureStatuses(folder) == expected)
        let text = try CLI.run(["verify", "--signatures"], cwd: folder)
        #expect(text.status == 1)
        #expect(text.stdout.hasPrefix("4 records: 1 signed-by-party, 1 signed-by-other-party, 1 unsigned, 1 unknown-key, 0 bad-signature"),
                "\(text.stdout)")
        #expect(text.stdout.contains("by VN (Hanoi desk)"))
    }

    @Test(.scratchFolder) func statusShowAndSummaryMarkRecordsTheirPartyDidNotSign() throws {
        let folder = try ProgressCommandTests.smallTracker()
        defer { try? FileManager.default.removeItem(at: folder) }
        let keysScratch = try ScratchFolder.current
        let keys = keysScratch.url
        let vn = try TrustFixture.sshKey("vn", in: keys)
        let logging = ["log", "tip-2005#1.1", "--status", "in-progress", "--date", "2019-03-26", "--party"]
        // Before any signer is listed, nothing is marked.
        #expect(try CLI.run(logging + ["KH"], cwd: folder).status == 0)
        let unsigned = try TrustFixture.addedFile(folder, under: "Events/")
        let unsignedID = String(unsigned.split(separator: "/").last!.dropLast(5))
        #expect(try CLI.run(["status"], cwd: folder).stderr.isEmpty)
        #expect(!(try CLI.run(["show", "tip-2005#1.1"], cwd: folder).stdout.contains("not verified")))

        try TrustFixture.extendSettings(folder, vn: TrustFixture.signer(vn, name: "Hanoi"))
        try TrustFixture.signWith(vn, in: folder)
        #expect(try CLI.run(logging + ["VN"], cwd: folder).status == 0)
        let signed = try TrustFixture.addedFile(folder, under: "Events/")
        let signedID = String(signed.split(separator: "/").last!.dropLast(5))

        let status = try CLI.run(["status"], cwd: folder)
        #expect(status.stderr == "accord: 1 record(s) are not signed by their party and count here unverified: "
                + "accord verify --signatures lists them\n")
        let show = try CLI.run(["show", "tip-2005#1.1"], cwd: folder).stdout
        let lines = show.split(separator: "\n")
        #expect(lines.contains { $0.contains("KH in progress") && $0.contains("not verified: unsigned") }, "\(show)")
        #expect(lines.contains { $0.contains("VN in progress") && !$0.contains("not verified") }, "\(show)")
        let json = try ProgressCommandTests.json(try CLI.run(["show", "tip-2005#1.1", "--json"], cwd: folder).stdout)
        #expect(json["unverified"] as? [String: String] == [unsignedID: "unsigned"])
        #expect((try ProgressCommandTests.json(try CLI.run(["show", signedID, "--json"], cwd: folder).stdout))["unverified"]
                as? [String: String] == [:])
        let summary = try CLI.run(["summary", "--since", "2000-01-01"], cwd: folder).stdout
        #expect(summary.contains("1 record is not signed by their party"), "\(summary)")
    }

    @Test(.scratchFolder) func aRevokedKeyNoLongerSpeaksForItsParty() throws {
        let folder = try ProgressCommandTests.smallTracker()
        defer { try? FileManager.default.removeItem(at: folder) }
        let keysScratch = try ScratchFolder.current
        let keys = keysScratch.url
        let vn = try TrustFixture.sshKey("vn", in: keys)
        // Valid until yesterday (the committer date counts, not the date of the report).
        try TrustFixture.extendSettings(folder, vn: TrustFixture.signer(vn, name: "Old desk", until: "2020-01-01"))
        try TrustFixture.signWith(vn, in: folder)
        #expect(try CLI.run(["log", "tip-2005#1.1", "--status", "in-progress", "--party", "VN", "--date", "2019-03-26"],
                            cwd: folder).status == 0)
        #expect(try TrustFixture.signatureStatuses(folder).values.sorted() == ["unknown-key"])
    }

    /// Two copies through a folder hub; VN's copy requires signatures.
    private func hubAndCopies(policy: String) throws -> (root: URL, vn: URL, kh: URL, keys: (vn: TrustFixture.SSHKey, kh: TrustFixture.SSHKey)) {
        let vnCopy = try ProgressCommandTests.smallTracker()
        let root = try ScratchFolder.make()
        let vn = try TrustFixture.sshKey("vn", in: root), kh = try TrustFixture.sshKey("kh", in: root)
        try TrustFixture.extendSettings(vnCopy, vn: TrustFixture.signer(vn, name: "Hanoi"), kh: TrustFixture.signer(kh, name: "Phnom Penh"),
                                        topLevel: ["signatures: \(policy)"])
        let hub = root.appendingPathComponent("hub.git")
        try CLI.git("init", "-q", "--bare", "-b", "main", hub.path, in: root)
        #expect(try CLI.run(["remote", "add", "origin", hub.path], cwd: vnCopy).status == 0)
        #expect(try CLI.run(["sync"], cwd: vnCopy).status == 0)
        let khCopy = root.appendingPathComponent("kh")
        try CLI.git("clone", "-q", hub.path, khCopy.path, in: root)
        return (root, vnCopy, khCopy, (vn, kh))
    }

    @Test func requireRefusesAReportForgedWithTheWrongKeyAndChangesNothing() throws {
        let (root, vnCopy, khCopy, keys) = try hubAndCopies(policy: "require")
        defer {
            try? FileManager.default.removeItem(at: root)
            try? FileManager.default.removeItem(at: vnCopy)
        }
        // KH's desk writes a report "from" VN, signed with KH's own key.
        try TrustFixture.signWith(keys.kh, in: khCopy)
        #expect(try CLI.run(["log", "tip-2005#1.1", "--status", "implemented", "--party", "VN", "--date", "2019-05-01"],
                            cwd: khCopy).status == 0)
        let forged = try TrustFixture.addedFile(khCopy, under: "Events/")
        let forgedCommit = try CLI.git("rev-parse", "--short=7", "HEAD", in: khCopy).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try CLI.run(["sync"], cwd: khCopy).status == 0)

        let before = try ProgressCommandTests.head(vnCopy)
        let tracking = try CLI.git("rev-parse", "origin/main", in: vnCopy).stdout
        let refused = try CLI.run(["sync"], cwd: vnCopy)
        #expect(refused.status == 65)
        #expect(refused.stderr.hasPrefix("accord: sync refused: 1 incoming commit(s)"), "\(refused.stderr)")
        #expect(refused.stderr.contains("\(forgedCommit) \(forged): signed-by-other-party, a record of VN, signed by KH"),
                "\(refused.stderr)")
        #expect(try ProgressCommandTests.head(vnCopy) == before)
        #expect(try CLI.git("rev-parse", "origin/main", in: vnCopy).stdout == tracking)
        #expect(!FileManager.default.fileExists(atPath: vnCopy.appendingPathComponent(forged).path))
    }

    @Test func onlyAPartyChangesItsOwnKeys() throws {
        let (root, vnCopy, khCopy, keys) = try hubAndCopies(policy: "require")
        defer {
            try? FileManager.default.removeItem(at: root)
            try? FileManager.default.removeItem(at: vnCopy)
        }
        // KH's desk swaps VN's signer for a key of its own, signing with KH's key.
        let planted = try TrustFixture.sshKey("planted", in: root)
        let settings = khCopy.appendingPathComponent("accord.yaml")
        let text = try String(contentsOf: settings, encoding: .utf8)
        try Data(text.replacingOccurrences(of: keys.vn.publicKey, with: planted.publicKey).utf8).write(to: settings)
        try TrustFixture.signWith(keys.kh, in: khCopy)
        try CLI.git("commit", "-qam", "Rotate keys", in: khCopy)
        try CLI.git("push", "-q", "origin", "main", in: khCopy)
        let refused = try CLI.run(["sync"], cwd: vnCopy)
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("accord.yaml: signed-by-other-party, a record of VN, signed by KH"), "\(refused.stderr)")
    }

    @Test func requireMergesReportsTheirPartySigned() throws {
        let (root, vnCopy, khCopy, keys) = try hubAndCopies(policy: "require")
        defer {
            try? FileManager.default.removeItem(at: root)
            try? FileManager.default.removeItem(at: vnCopy)
        }
        try TrustFixture.signWith(keys.kh, in: khCopy)
        #expect(try CLI.run(["log", "tip-2005#1.1", "--status", "implemented", "--party", "KH", "--date", "2019-05-02"],
                            cwd: khCopy).status == 0)
        let report = try TrustFixture.addedFile(khCopy, under: "Events/")
        #expect(try CLI.run(["sync"], cwd: khCopy).status == 0)
        let merged = try CLI.run(["sync"], cwd: vnCopy)
        #expect(merged.status == 0, "\(merged.stderr)")
        #expect(!merged.stderr.contains("warning") && !merged.stderr.contains("refused"), "\(merged.stderr)")
        #expect(FileManager.default.fileExists(atPath: vnCopy.appendingPathComponent(report).path))
    }

    @Test func warnMergesAndListsUnsignedRecords() throws {
        let (root, vnCopy, khCopy, keys) = try hubAndCopies(policy: "warn")
        defer {
            try? FileManager.default.removeItem(at: root)
            try? FileManager.default.removeItem(at: vnCopy)
        }
        #expect(try CLI.run(["log", "tip-2005#1.1", "--status", "implemented", "--party", "KH", "--date", "2019-05-01"],
                            cwd: khCopy).status == 0)
        let unsigned = try TrustFixture.addedFile(khCopy, under: "Events/")
        #expect(try CLI.run(["sync"], cwd: khCopy).status == 0)
        // VN records meanwhile, signed, so the sync makes a merge commit: signed too.
        try TrustFixture.signWith(keys.vn, in: vnCopy)
        #expect(try CLI.run(["log", "tip-2005#1.1", "--status", "in-progress", "--party", "VN", "--date", "2019-05-02"],
                            cwd: vnCopy).status == 0)
        let synced = try CLI.run(["sync"], cwd: vnCopy)
        #expect(synced.status == 0, "\(synced.stderr)")
        #expect(synced.stdout.hasPrefix("merged"), "\(synced.stdout)")
        #expect(synced.stderr.contains("accord: warning: 1 incoming commit(s)") && synced.stderr.contains("\(unsigned): unsigned"),
                "\(synced.stderr)")
        #expect(FileManager.default.fileExists(atPath: vnCopy.appendingPathComponent(unsigned).path))
        let allowed = root.appendingPathComponent("allowed")
        try Data("desk@example.invalid \(keys.vn.publicKey)\n".utf8).write(to: allowed)
        #expect(try CLI.git("rev-list", "--parents", "-1", "HEAD", in: vnCopy).stdout.split(separator: " ").count == 3)
        let merge = try CLI.git("-c", "gpg.ssh.allowedSignersFile=\(allowed.path)", "verify-commit", "HEAD", in: vnCopy)
        #expect(merge.status == 0, "\(merge.stderr)")
    }
}
