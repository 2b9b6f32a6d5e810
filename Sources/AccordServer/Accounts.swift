public import AccordCore
internal import CCrypto
public import Foundation
#if canImport(Glibc)
import Glibc
#endif
public import GitStore

/// What a signed-in user may do. Each role can do everything the one before it can.
public enum Role: String, Codable, Sendable, CaseIterable, Comparable {
    /// Reads every page.
    case reader
    /// Also records status reports and evidence, for their own party only.
    case reporter
    /// Also records for any party, adds meetings, retracts records and syncs.
    case editor
    /// Also everything an editor does; accounts are managed with `accord user` on the server.
    case admin

    public static func < (lhs: Role, rhs: Role) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// Whose restricted evidence an account may see in the web UI.
public enum RestrictedAccess: String, Codable, Sendable, CaseIterable {
    /// The restricted evidence of the account's own party.
    case own
    /// Every party's.
    case all
}

/// One account of the web UI.
public struct UserAccount: Codable, Sendable, Equatable {
    /// The sign-in name, also the commit author's name.
    public var name: String
    /// The party the user works for; a reporter records only for it.
    public var party: PartyCode
    /// What the user may do.
    public var role: Role
    /// The email of the commits the user authors (default: none, the repository's).
    public var email: String?
    /// The password's scrypt hash (see `PasswordHash`).
    public var password: String
    /// The language of the user's pages (`en`, `vi`, `km`); nil: the browser's.
    public var language: String?
    /// Whose restricted evidence the user sees when the server holds a key; nil: nobody's.
    public var restricted: RestrictedAccess?

    /// An account with an already-hashed password.
    public init(name: String, party: PartyCode, role: Role, email: String? = nil, password: String, language: String? = nil,
                restricted: RestrictedAccess? = nil) {
        self.language = language
        self.restricted = restricted
        self.name = name
        self.party = party
        self.role = role
        self.email = email
        self.password = password
    }
}

/// The accounts of one tracker, kept in its git folder (`.git/accord/users.json`, mode
/// 0600): never committed, so never synced to the other party, whose office has its own
/// staff and its own accounts.
public struct UserStore: Sendable {
    /// Where the accounts are kept.
    public let file: URL

    /// The store of the tracker `repository`.
    public init(repository: Repository) {
        file = repository.gitDirectory.appendingPathComponent("accord/users.json")
    }

    private struct Stored: Codable { var users: [UserAccount] }

    /// Every account, by name; none when the file does not exist yet.
    public func load() throws -> [UserAccount] {
        guard let data = try? Data(contentsOf: file) else { return [] }
        do {
            return try JSONDecoder().decode(Stored.self, from: data).users
        } catch {
            throw AccordError(.data, L10n.t("{1}: not a readable list of accounts ({2})", file.path, error.localizedDescription))
        }
    }

    /// The account named `name`, if any.
    public func account(named name: String) throws -> UserAccount? {
        try load().first { $0.name == name }
    }

    /// Adds `account`, or replaces the account of the same name when `replacing`.
    public func save(_ account: UserAccount, replacing: Bool) throws {
        var users = try load()
        if let index = users.firstIndex(where: { $0.name == account.name }) {
            guard replacing else {
                throw AccordError(.data, L10n.t("user {1} exists: give --replace to set a new password, party or role", account.name))
            }
            users[index] = account
        } else {
            users.append(account)
        }
        try write(users)
    }

    /// Removes the account named `name`; exit 66 when there is none.
    public func remove(_ name: String) throws {
        var users = try load()
        guard let index = users.firstIndex(where: { $0.name == name }) else {
            throw AccordError(.notFound, L10n.t("no user {1}", name))
        }
        users.remove(at: index)
        try write(users)
    }

    private func write(_ users: [UserAccount]) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let data = try encoder.encode(Stored(users: users.sorted { $0.name < $1.name }))
        do {
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            // Created private before the hashes go in, then moved over the old list at once.
            let temporary = file.appendingPathExtension("new")
            _ = FileManager.default.createFile(atPath: temporary.path, contents: nil, attributes: [.posixPermissions: 0o600])
            try data.write(to: temporary)
            guard rename(temporary.path, file.path) == 0 else { throw CocoaError(.fileWriteUnknown) }
        } catch {
            throw AccordError(.cannotCreate, L10n.t("cannot write {1}: {2}", file.path, error.localizedDescription))
        }
    }
}

/// Passwords hashed with scrypt (RFC 7914), a memory-hard function, from the system's
/// OpenSSL that accord already links for SHA-256: a maintained implementation and nothing
/// more to build. Stored as `scrypt$N$r$p$salt$hash`, salt and hash in base64.
public enum PasswordHash {
    /// Cost parameters: 2^15 blocks of 8 × 128 bytes, 32 MiB a hash.
    static let n: UInt64 = 1 << 15, r: UInt64 = 8, p: UInt64 = 1

    /// A new hash of `password` with a fresh random salt.
    public static func make(_ password: String) throws -> String {
        var generator = SystemRandomNumberGenerator()
        let salt = Data((0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) })
        let key = try derive(password, salt: salt, n: n, r: r, p: p)
        return "scrypt$\(n)$\(r)$\(p)$\(salt.base64EncodedString())$\(key.base64EncodedString())"
    }

    /// Whether `password` is the one `stored` was made from; compared in constant time.
    public static func verify(_ password: String, against stored: String) -> Bool {
        let parts = stored.split(separator: "$").map(String.init)
        guard parts.count == 6, parts[0] == "scrypt", let n = UInt64(parts[1]), let r = UInt64(parts[2]),
              let p = UInt64(parts[3]), let salt = Data(base64Encoded: parts[4]), let expected = Data(base64Encoded: parts[5]),
              n <= 1 << 20, r <= 32, p <= 16, expected.count >= 32,
              let key = try? derive(password, salt: salt, n: n, r: r, p: p, length: expected.count) else { return false }
        return zip(key, expected).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0 && key.count == expected.count
    }

    private static func derive(_ password: String, salt: Data, n: UInt64, r: UInt64, p: UInt64, length: Int = 32) throws -> Data {
        var key = [UInt8](repeating: 0, count: length)
        let passwordLength = password.utf8.count
        let result = password.withCString { pass in
            salt.withUnsafeBytes { saltBytes in
                EVP_PBE_scrypt(pass, passwordLength, saltBytes.bindMemory(to: UInt8.self).baseAddress, salt.count,
                               n, r, p, 64 * 1_048_576, &key, length)
            }
        }
        guard result == 1 else { throw AccordError(.internal, L10n.t("password hashing failed (scrypt)")) }
        return Data(key)
    }
}
