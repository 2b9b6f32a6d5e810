public import Foundation

/// age public keys (`age1…`), as `age-keygen` prints them and accord.yaml lists them.
public enum AgeRecipient {
    /// bech32's alphabet.
    private static let alphabet = Set("qpzry9x8gf2tvdw0s3jn54khce6mua7l")

    /// Whether `text` reads as an X25519 age recipient: `age1` and 58 bech32 characters.
    public static func isPublicKey(_ text: String) -> Bool {
        text.hasPrefix("age1") && text.count == 62 && text.dropFirst(4).allSatisfy(alphabet.contains)
    }
}

/// Encryption in the age format (age-encryption.org/v1, X25519 recipients), done by the
/// `age` tool: the reference implementation, which Debian packages, so accord adds no
/// cryptographic code of its own and what it writes any age user can read.
public enum AgeEnvelope {
    static let tool = ExternalTool(program: "age")

    /// `data` encrypted for every one of `recipients`; ASCII-armoured when `armored` (to sit
    /// inside a YAML record), else binary (an attachment).
    public static func seal(_ data: Data, for recipients: [String], armored: Bool) throws -> Data {
        guard !recipients.isEmpty else {
            throw AccordError(.data, L10n.t("no recipients to encrypt for: list the parties' age public keys under recipients in accord.yaml"))
        }
        let arguments = (armored ? ["-a"] : []) + ["-e"] + recipients.flatMap { ["-r", $0] }
        let result = try tool.run(arguments, input: data)
        guard result.status == 0, !result.output.isEmpty else {
            throw AccordError(.internal, L10n.t("cannot encrypt restricted content: age said: {1}; nothing was committed", result.firstErrorLine))
        }
        return result.output
    }

    /// The plain bytes of `sealed`, read with the private keys in `identity` (an age
    /// identity file); nil when none of them is a recipient, and an error when the identity
    /// or the content cannot be read.
    public static func open(_ sealed: Data, identity: URL) throws -> Data? {
        let result = try tool.run(["-d", "-i", identity.path], input: sealed)
        guard result.status == 0 else {
            if result.errorText.contains(L10n.t("no identity matched")) { return nil }
            throw AccordError(.data, L10n.t("cannot decrypt restricted content with {1}: age said: ", identity.path)
                              + result.firstErrorLine)
        }
        return result.output
    }
}
