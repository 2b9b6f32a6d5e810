public import Foundation
internal import CLibGit2

/// Who made a change and when: git's author or committer line.
public struct Signature: Sendable, Equatable {
    /// The person's name.
    public var name: String
    /// The person's email address.
    public var email: String
    /// The moment, to the second (git stores whole seconds).
    public var date: Date
    /// The offset of the local time zone from UTC, in minutes (e.g. 420 for UTC+07:00).
    public var timeZoneOffsetMinutes: Int

    /// Creates a signature; the date is kept to whole seconds when written.
    public init(name: String, email: String, date: Date, timeZoneOffsetMinutes: Int = 0) {
        self.name = name
        self.email = email
        self.date = date
        self.timeZoneOffsetMinutes = timeZoneOffsetMinutes
    }

    init(_ signature: UnsafePointer<git_signature>) {
        let value = signature.pointee
        name = decodeCString(value.name) ?? ""
        email = decodeCString(value.email) ?? ""
        date = Date(timeIntervalSince1970: TimeInterval(value.when.time))
        timeZoneOffsetMinutes = Int(value.when.offset)
    }

    /// Runs `body` with a libgit2 signature holding these values; it is freed afterwards.
    func withGitSignature<T>(_ body: (UnsafeMutablePointer<git_signature>) throws -> T) throws -> T {
        var pointer: UnsafeMutablePointer<git_signature>?
        let seconds = git_time_t(date.timeIntervalSince1970.rounded(.down))
        try check(git_signature_new(&pointer, name, email, seconds, Int32(timeZoneOffsetMinutes)),
                  "invalid signature \"\(name) <\(email)>\"")
        guard let pointer else { throw GitError(.other, "libgit2 returned no signature") }
        defer { git_signature_free(pointer) }
        return try body(pointer)
    }
}
