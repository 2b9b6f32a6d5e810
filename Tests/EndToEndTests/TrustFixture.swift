import Foundation
import Testing
import TestSupport

/// Keys and settings for the tests of signed records and sealed evidence: real SSH keys
/// (`ssh-keygen`) and age keys (`age-keygen`), made in the test's own folder.
enum TrustFixture {
    /// An SSH key pair: the private key's path and the public key line.
    struct SSHKey {
        let path: String
        let publicKey: String
    }

    /// An age key pair: the identity file's path and the recipient (`age1…`).
    struct AgeKey {
        let identity: String
        let recipient: String
    }

    static func sshKey(_ name: String, in folder: URL) throws -> SSHKey {
        let path = folder.appendingPathComponent("\(name).key").path
        let made = try CLI.run(executable: URL(fileURLWithPath: "/usr/bin/ssh-keygen"),
                               ["-q", "-t", "ed25519", "-N", "", "-C", name, "-f", path])
        #expect(made.status == 0, "\(made.stderr)")
        let line = try String(contentsOfFile: path + ".pub", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        return SSHKey(path: path, publicKey: line)
    }

    static func ageKey(_ name: String, in folder: URL) throws -> AgeKey {
        let path = folder.appendingPathComponent("\(name).age").path
        let made = try CLI.run(executable: URL(fileURLWithPath: "/usr/bin/age-keygen"), ["-o", path])
        #expect(made.status == 0, "\(made.stderr)")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let recipient = try #require(text.split(separator: "\n").first { $0.hasPrefix("# public key: ") }?
            .dropFirst("# public key: ".count))
        return AgeKey(identity: path, recipient: String(recipient))
    }

    /// Adds lines under each party of the tracker's accord.yaml (and `topLevel` at the
    /// end), then commits it with git.
    static func extendSettings(_ folder: URL, vn: [String] = [], kh: [String] = [], topLevel: [String] = []) throws {
        let url = folder.appendingPathComponent("accord.yaml")
        var text = try String(contentsOf: url, encoding: .utf8)
        func block(_ lines: [String]) -> String { lines.map { "    \($0)\n" }.joined() }
        text = text.replacingOccurrences(of: "    name: Viet Nam\n", with: "    name: Viet Nam\n" + block(vn))
        text = text.replacingOccurrences(of: "    name: Cambodia\n", with: "    name: Cambodia\n" + block(kh))
        if !text.hasSuffix("\n") { text += "\n" }
        text += topLevel.map { $0 + "\n" }.joined()
        try Data(text.utf8).write(to: url)
        try CLI.git("-c", "user.name=Test", "-c", "user.email=test@example.invalid", "-c", "commit.gpgsign=false",
                    "commit", "-qam", "Settings", in: folder)
    }

    /// Makes accord (and git) in `folder` sign with `key`, as git's own settings ask.
    static func signWith(_ key: SSHKey, in folder: URL) throws {
        for (name, value) in [("commit.gpgsign", "true"), ("gpg.format", "ssh"), ("user.signingkey", key.path),
                              ("user.name", "Desk"), ("user.email", "desk@example.invalid")] {
            try CLI.git("config", name, value, in: folder)
        }
    }

    /// The `signers:` lines of accord.yaml for `key`.
    static func signer(_ key: SSHKey, name: String, until: String? = nil) -> [String] {
        ["signers:", "  - key: \(key.publicKey)", "    name: \(name)"] + (until.map { ["    valid-until: \($0)"] } ?? [])
    }

    /// `verify --signatures --json`'s status for each record path.
    static func signatureStatuses(_ folder: URL) throws -> [String: String] {
        let result = try CLI.run(["verify", "--signatures", "--json"], cwd: folder)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any],
                                  "\(result.stdout)\(result.stderr)")
        let records = try #require(object["records"] as? [[String: Any]])
        return Dictionary(uniqueKeysWithValues: records.compactMap { record in
            (record["path"] as? String).map { ($0, record["status"] as? String ?? "") }
        })
    }

    /// The path of the one file commit HEAD added under `prefix`.
    static func addedFile(_ folder: URL, under prefix: String) throws -> String {
        let names = try CLI.git("show", "--name-only", "--format=", "HEAD", in: folder).stdout.split(separator: "\n")
        return try #require(names.first { $0.hasPrefix(prefix) && $0.hasSuffix(".yaml") }.map(String.init))
    }
}
