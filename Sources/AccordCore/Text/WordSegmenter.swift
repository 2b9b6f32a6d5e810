internal import CICU

/// Splits text into words in every script, through ICU's word break rules.
///
/// Foundation on Linux cannot enumerate words, and Khmer and Thai write no spaces between
/// them: ICU's dictionaries find those boundaries. A boundary ICU places inside a grapheme
/// cluster (possible with dictionary segmentation) is dropped, so a token never splits
/// what a reader sees as one character.
public enum WordSegmenter {
    /// The tokens of `text`, in order; their texts concatenated give `text` back.
    public static func tokens(_ text: String) -> [TextToken] {
        var units = Array(text.utf16)
        guard !units.isEmpty else { return [] }
        let clusterEnds = graphemeBoundaries(text, units)
        guard let breaks = accord_word_breaks_open(&units, Int32(units.count)) else {
            // Without ICU data, one token per text still keeps every invariant.
            return [TextToken(text, kind: .word)]
        }
        defer { accord_breaks_close(breaks) }

        var tokens: [TextToken] = []
        tokens.reserveCapacity(units.count / 3)
        var start = Int(accord_breaks_first(breaks))
        var sawWord = false
        var nextClusterEnd = 0
        var boundary = Int(accord_breaks_next(breaks))
        while boundary >= 0 {
            sawWord = sawWord || accord_breaks_is_word(breaks)
            while nextClusterEnd < clusterEnds.count, clusterEnds[nextClusterEnd] < boundary { nextClusterEnd += 1 }
            if nextClusterEnd < clusterEnds.count, clusterEnds[nextClusterEnd] == boundary {
                let slice = units[start..<boundary]
                tokens.append(TextToken(String(decoding: slice, as: UTF16.self),
                                        kind: kind(of: slice, isWord: sawWord)))
                start = boundary
                sawWord = false
            }
            boundary = Int(accord_breaks_next(breaks))
        }
        return tokens
    }

    /// The UTF-16 offsets at which grapheme clusters end, ascending.
    private static func graphemeBoundaries(_ text: String, _ units: [UInt16]) -> [Int] {
        // Fast path: in ASCII text without CR every unit is a cluster of its own.
        if units.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) { return Array(1...units.count) }
        var ends: [Int] = []
        ends.reserveCapacity(units.count)
        var offset = 0
        for character in text {
            offset += character.utf16.count
            ends.append(offset)
        }
        return ends
    }

    private static func kind(of units: ArraySlice<UInt16>, isWord: Bool) -> TextToken.Kind {
        if isWord { return .word }
        let isSpace = units.allSatisfy { unit in
            unit == 0x20 || unit == 0x0A || unit == 0x09 || unit == 0x0D || unit == 0xA0
        }
        return isSpace ? .space : .punctuation
    }
}
