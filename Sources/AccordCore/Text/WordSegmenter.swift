internal import CICU
internal import Foundation

/// Splits text into words in every script, through ICU's word break rules.
///
/// Foundation on Linux cannot enumerate words, and Khmer and Thai write no spaces between
/// them: ICU's dictionaries find those boundaries. A boundary ICU places inside a grapheme
/// cluster (possible with dictionary segmentation) is dropped, so a token never splits
/// what a reader sees as one character.
public enum WordSegmenter {
    /// The tokens of `text`, in order; their texts concatenated give `text` back.
    public static func tokens(_ text: String) -> [TextToken] {
        var text = text
        let units = Array(text.utf16)
        guard !units.isEmpty else { return [] }
        // Where every scalar is a grapheme cluster of its own (Latin, Vietnamese, most
        // punctuation), every boundary ICU gives is a cluster boundary: no need to walk the
        // text's characters.
        let clusterEnds = everyScalarIsACluster(text) ? nil : graphemeBoundaries(text, units)
        guard let breaks = BreakIterators.take() else {
            // Without ICU data, one token per text still keeps every invariant.
            return [TextToken(text, kind: .word)]
        }
        defer { BreakIterators.give(breaks) }

        let whole = text
        return text.withUTF8 { utf8 in units.withUnsafeBufferPointer { buffer -> [TextToken] in
            guard let base = buffer.baseAddress, accord_breaks_set_text(breaks.pointer, base, Int32(buffer.count)) else {
                return [TextToken(whole, kind: .word)]
            }
            var tokens: [TextToken] = []
            tokens.reserveCapacity(buffer.count / 3)
            var start = Int(accord_breaks_first(breaks.pointer))
            // Each token's text is cut from the UTF-8 the string already holds, at the byte
            // offset matching ICU's UTF-16 offset, rather than decoded again from UTF-16.
            var byteStart = 0
            var sawWord = false
            var nextClusterEnd = 0
            var boundary = Int(accord_breaks_next(breaks.pointer))
            while boundary >= 0 {
                sawWord = sawWord || accord_breaks_is_word(breaks.pointer)
                var atCluster = true
                if let clusterEnds {
                    while nextClusterEnd < clusterEnds.count, clusterEnds[nextClusterEnd] < boundary { nextClusterEnd += 1 }
                    atCluster = nextClusterEnd < clusterEnds.count && clusterEnds[nextClusterEnd] == boundary
                }
                if atCluster {
                    var byteEnd = byteStart
                    var unit = start
                    while unit < boundary {
                        let value = buffer[unit]
                        if value < 0x80 {
                            byteEnd += 1
                        } else if value < 0x800 {
                            byteEnd += 2
                        } else if value & 0xFC00 == 0xD800 {
                            byteEnd += 4  // a surrogate pair: one scalar of four bytes
                            unit += 1
                        } else {
                            byteEnd += 3
                        }
                        unit += 1
                    }
                    let slice = UnsafeBufferPointer(rebasing: buffer[start..<boundary])
                    let bytes = UnsafeBufferPointer(rebasing: utf8[byteStart..<byteEnd])
                    tokens.append(TextToken(String(decoding: bytes, as: UTF8.self), kind: kind(of: slice, isWord: sawWord)))
                    start = boundary
                    byteStart = byteEnd
                    sawWord = false
                }
                boundary = Int(accord_breaks_next(breaks.pointer))
            }
            return tokens
        } }
    }

    /// True when no scalar of `text` joins the one before it into one character: every
    /// scalar is ASCII other than a carriage return (which joins a line feed), or one that
    /// ``ReadableText/scalarKind(_:)`` knows to stand alone.
    private static func everyScalarIsACluster(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { scalar in
            if scalar.value < 0x80 { return scalar.value != 0x0D }
            switch ReadableText.scalarKind(scalar.value) {
            case .standalone, .separator: return true
            case .mark, .other: return false
            }
        }
    }

    /// The UTF-16 offsets at which grapheme clusters end, ascending.
    private static func graphemeBoundaries(_ text: String, _ units: [UInt16]) -> [Int] {
        var ends: [Int] = []
        ends.reserveCapacity(units.count)
        var offset = 0
        for character in text {
            offset += character.utf16.count
            ends.append(offset)
        }
        return ends
    }

    private static func kind(of units: UnsafeBufferPointer<UInt16>, isWord: Bool) -> TextToken.Kind {
        if isWord { return .word }
        let isSpace = units.allSatisfy { unit in
            unit == 0x20 || unit == 0x0A || unit == 0x09 || unit == 0x0D || unit == 0xA0
        }
        return isSpace ? .space : .punctuation
    }
}

/// ICU word break iterators kept for reuse: opening one loads and copies ICU's rules, which
/// cost more than segmenting a paragraph, and a diff segments thousands of paragraphs. An
/// iterator serves one caller at a time; a caller finding none free opens another.
private enum BreakIterators {
    /// An open iterator. ICU iterators may move between threads, one user at a time.
    struct Handle: @unchecked Sendable {
        let pointer: OpaquePointer
    }

    /// The iterators free, only touched under `lock`: a lock of the kind used throughout,
    /// which the thread sanitizer follows (it cannot see `Synchronization.Mutex` wait on
    /// Linux, and reported every hand-over as a race).
    nonisolated(unsafe) private static var free: [Handle] = []
    private static let lock = NSLock()

    static func take() -> Handle? {
        if let handle = lock.withLock({ free.popLast() }) { return handle }
        var empty: UInt16 = 0
        return accord_word_breaks_open(&empty, 0).map(Handle.init)
    }

    static func give(_ handle: Handle) {
        lock.withLock { free.append(handle) }
    }
}
