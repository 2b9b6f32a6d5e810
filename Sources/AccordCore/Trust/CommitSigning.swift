public import GitStore
import Foundation

/// Signing accord's commits with an SSH key, as `git commit -S` does with `gpg.format=ssh`.
///
/// Signing is asked for by git's `commit.gpgsign` or accord's own `accord.sign` (which wins
/// either way: `false` turns it off for accord alone). The key is `accord.signingKey`, else
/// git's `user.signingkey`: the path of a private key, or of a public key whose private half
/// is in the SSH agent, or a public key written out (`ssh-ed25519 AAAA…`, optionally after
/// `key::`). The signature is made by `gpg.ssh.program` (default `ssh-keygen`) as git makes
/// it, `ssh-keygen -Y sign -n git -f KEY`, so `git verify-commit` accepts it.
public enum CommitSigning {
    /// The namespace git signs commits in.
    static let namespace = "git"

    /// Gives `repository` a signer when its configuration asks for signing. The settings
    /// are checked when a commit is written, not here: a reader must not fail on them.
    public static func configure(_ repository: Repository) {
        guard isRequested(repository) else { return }
        repository.commitSigner = { [unowned repository] text in
            try sign(text, with: try key(of: repository), program: program(of: repository))
        }
    }

    /// Whether `repository`'s configuration asks for signed commits.
    public static func isRequested(_ repository: Repository) -> Bool {
        if let own = repository.configString("accord.sign").flatMap(Self.bool) { return own }
        return repository.configString("commit.gpgsign").flatMap(Self.bool) ?? false
    }

    /// Git's spellings of true and false.
    static func bool(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "true", "yes", "on", "1": true
        case "false", "no", "off", "0", "": false
        default: nil
        }
    }

    /// The signing key: a file path, or a public key written out (`literal`).
    struct Key {
        let value: String
        let literal: Bool
    }

    static func key(of repository: Repository) throws -> Key {
        let own = repository.configString("accord.signingKey").flatMap { $0.isEmpty ? nil : $0 }
        if own == nil, let format = repository.configString("gpg.format"), format != "ssh" {
            throw AccordError(.cannotCreate, L10n.t("commits are to be signed (commit.gpgsign) with gpg.format={1}, but accord signs with SSH keys only: set gpg.format=ssh, or accord.sign=false to leave accord's commits unsigned", format))
        }
        if own == nil, repository.configString("gpg.format") == nil {
            throw AccordError(.cannotCreate, L10n.t("commits are to be signed (commit.gpgsign) with OpenPGP, git's default, but accord signs with SSH keys only: set gpg.format=ssh, or accord.sign=false to leave accord's commits unsigned"))
        }
        guard let raw = own ?? repository.configString("user.signingkey").flatMap({ $0.isEmpty ? nil : $0 }) else {
            throw AccordError(.cannotCreate, L10n.t("commits are to be signed but no key is set: set user.signingkey (or accord.signingKey) to the path of an SSH key"))
        }
        var value = raw.hasPrefix("key::") ? String(raw.dropFirst(5)) : raw
        if value.hasPrefix("ssh-") || raw.hasPrefix("key::") { return Key(value: value, literal: true) }
        if value.hasPrefix("~/") { value = NSHomeDirectory() + value.dropFirst(1) }
        return Key(value: value, literal: false)
    }

    static func program(of repository: Repository) -> String {
        repository.configString("gpg.ssh.program").flatMap { $0.isEmpty ? nil : $0 } ?? "ssh-keygen"
    }

    /// The armoured SSH signature of `text` (a commit buffer) by `key`.
    static func sign(_ text: String, with key: Key, program: String) throws -> String {
        let tool = ExternalTool(program: program)
        let result: ExternalTool.Result
        if key.literal {
            // The private half is in the agent; `-U` tells ssh-keygen so.
            result = try ExternalTool.withTemporaryFile(Data((key.value + "\n").utf8)) { file in
                try tool.run(["-Y", "sign", "-n", namespace, "-U", "-f", file.path], input: Data(text.utf8))
            }
        } else {
            guard FileManager.default.isReadableFile(atPath: key.value) else {
                throw AccordError(.cannotCreate, L10n.t("cannot sign the commit: the signing key {1} is missing or unreadable; nothing was committed", key.value))
            }
            result = try tool.run(["-Y", "sign", "-n", namespace, "-f", key.value], input: Data(text.utf8))
        }
        let signature = String(decoding: result.output, as: UTF8.self)
        guard result.status == 0, signature.contains("-----BEGIN SSH SIGNATURE-----") else {
            throw AccordError(.cannotCreate, L10n.t("cannot sign the commit with {1}: {2} said: {3}; nothing was committed", key.literal ? L10n.t("the key in the agent") : key.value, program, result.firstErrorLine))
        }
        return signature
    }
}
