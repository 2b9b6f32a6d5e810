#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A text searched for many pieces, as the language tests search each output for every
/// English message of the catalogs: a byte search of the UTF-8 (accord writes NFC, and so
/// are the catalogs), where `String.contains` compares characters and takes seconds per
/// output in a debug build.
public struct SearchedText: Sendable {
    private let bytes: [UInt8]

    public init(_ text: String) { bytes = Array(text.utf8) }

    /// Whether the text holds `piece`'s bytes.
    public func contains(_ piece: String) -> Bool {
        var piece = piece
        return piece.withUTF8 { needle in
            bytes.withUnsafeBufferPointer { text in
                guard let first = needle.first else { return true }
                guard needle.count <= text.count, let start = text.baseAddress, let wanted = needle.baseAddress else { return false }
                // Each place the first byte occurs (memchr), then the rest compared (memcmp).
                let last = text.count - needle.count
                var offset = 0
                while offset <= last {
                    guard let found = memchr(start + offset, Int32(first), last - offset + 1) else { return false }
                    let at = start.distance(to: found.assumingMemoryBound(to: UInt8.self))
                    if memcmp(start + at, wanted, needle.count) == 0 { return true }
                    offset = at + 1
                }
                return false
            }
        }
    }
}
