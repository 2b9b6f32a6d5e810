public import Foundation

/// Damaged versions of a good SQLite file, each of which a reader must take as no file at
/// all: the tests of the derived store write each in its place and expect the answers of a
/// read with nothing stored.
public enum DamagedFile {
    /// Random bytes of the same length, the first half, the first 100 bytes (the header
    /// cut), the header naming another user version (bytes 60–63, big-endian), and empty.
    public static func variants(of good: Data) -> [(name: String, bytes: Data)] {
        var generator = SystemRandomNumberGenerator()
        var otherVersion = good
        if otherVersion.count >= 64 { otherVersion.replaceSubrange(60..<64, with: [0, 0, 0, 99]) }
        return [
            ("random bytes", Data((0..<good.count).map { _ in UInt8.random(in: 0...255, using: &generator) })),
            ("truncated", good.prefix(good.count / 2)),
            ("cut to its header", good.prefix(100)),
            ("another version", otherVersion),
            ("empty", Data()),
        ]
    }
}
