internal import Foundation

/// A word-level redline of one piece of text: what stayed, what was deleted, what was
/// inserted, in reading order.
///
/// The equal and deleted segments concatenated give the old text exactly; the equal and
/// inserted segments give the new text exactly (both normalised, see ``InstrumentText``).
public struct Redline: Sendable, Hashable, Codable {
    /// A run of text that stayed, was deleted or was inserted. Where both happen at one
    /// place the deletion comes first.
    public enum Segment: Sendable, Hashable, Codable {
        /// Text in both versions.
        case equal(String)
        /// Text only in the old version.
        case deleted(String)
        /// Text only in the new version.
        case inserted(String)

        /// The segment's text.
        public var text: String {
            switch self {
            case .equal(let text), .deleted(let text), .inserted(let text): text
            }
        }

        private enum CodingKeys: String, CodingKey { case op, text }

        /// Decodes `{"op": "equal" | "deleted" | "inserted", "text": "…"}`.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            let text = try container.decode(String.self, forKey: .text)
            switch try container.decode(String.self, forKey: .op) {
            case "equal": self = .equal(text)
            case "deleted": self = .deleted(text)
            case "inserted": self = .inserted(text)
            case let other:
                throw DecodingError.dataCorruptedError(
                    forKey: .op, in: container, debugDescription: "unknown segment op \(other)")
            }
        }

        /// Encodes `{"op": "equal" | "deleted" | "inserted", "text": "…"}`.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            let op = switch self {
            case .equal: "equal"
            case .deleted: "deleted"
            case .inserted: "inserted"
            }
            try container.encode(op, forKey: .op)
            try container.encode(text, forKey: .text)
        }
    }

    /// The segments in reading order.
    public var segments: [Segment]
    /// Words (not spaces or punctuation) only in the new text.
    public var wordsAdded: Int
    /// Words only in the old text.
    public var wordsRemoved: Int

    /// A redline from its parts.
    public init(segments: [Segment], wordsAdded: Int, wordsRemoved: Int) {
        self.segments = segments
        self.wordsAdded = wordsAdded
        self.wordsRemoved = wordsRemoved
    }

    /// The word-level redline from `old` to `new` (both already normalised).
    public init(from old: String, to new: String) {
        var interner = TokenInterner()
        self.init(from: old, to: new, interner: &interner)
    }

    /// The redline of a text taken out whole and another put in: all deleted, all inserted.
    public init(replacing old: String, with new: String) {
        func words(_ text: String) -> Int { WordSegmenter.tokens(text).count { $0.kind == .word } }
        if old == new {
            self.init(segments: old.isEmpty ? [] : [.equal(old)], wordsAdded: 0, wordsRemoved: 0)
            return
        }
        let segments: [Segment] = (old.isEmpty ? [] : [.deleted(old)]) + (new.isEmpty ? [] : [.inserted(new)])
        self.init(segments: segments, wordsAdded: words(new), wordsRemoved: words(old))
    }

    init(from old: String, to new: String, interner: inout TokenInterner) {
        if old == new {
            self.init(segments: old.isEmpty ? [] : [.equal(old)], wordsAdded: 0, wordsRemoved: 0)
            return
        }
        let oldTokens = WordSegmenter.tokens(old)
        let newTokens = WordSegmenter.tokens(new)
        let script = MyersDiff.edits(interner.ids(oldTokens), interner.ids(newTokens))
        self.init(runs: Run.runs(script, oldTokens, newTokens))
    }

    /// The old text: equal and deleted segments.
    public var oldText: String {
        segments.reduce(into: "") { text, segment in
            if case .inserted = segment { return }
            text += segment.text
        }
    }

    /// The new text: equal and inserted segments.
    public var newText: String {
        segments.reduce(into: "") { text, segment in
            if case .deleted = segment { return }
            text += segment.text
        }
    }

    /// True when the old and new texts differ.
    public var isChanged: Bool {
        segments.contains { if case .equal = $0 { false } else { true } }
    }

    // MARK: - From an edit script

    /// Tokens that stayed, or a place where some were deleted and others inserted.
    private enum Run {
        case equal([TextToken])
        case change(deleted: [TextToken], inserted: [TextToken])
        /// One word spelt two ways that read the same (see ``TokenInterner``).
        case respelled(TextToken, TextToken)

        static func runs(_ script: [MyersDiff.Edit], _ old: [TextToken], _ new: [TextToken]) -> [Run] {
            var runs: [Run] = []
            var (i, j) = (0, 0)
            for edit in script {
                switch edit.operation {
                case .equal:
                    // Tokens equal under the interner but spelt otherwise (a Vietnamese tone
                    // mark placed old style in one, new style in the other) are respelled.
                    var start = i
                    for offset in 0..<edit.count where old[i + offset].text != new[j + offset].text {
                        if start < i + offset { runs.append(.equal(Array(old[start..<i + offset]))) }
                        runs.append(.respelled(old[i + offset], new[j + offset]))
                        start = i + offset + 1
                    }
                    if start < i + edit.count { runs.append(.equal(Array(old[start..<i + edit.count]))) }
                    i += edit.count; j += edit.count
                case .delete:
                    merge(.change(deleted: Array(old[i..<i + edit.count]), inserted: []), into: &runs)
                    i += edit.count
                case .insert:
                    merge(.change(deleted: [], inserted: Array(new[j..<j + edit.count])), into: &runs)
                    j += edit.count
                }
            }
            return semanticCleanup(absorbingLoneSpaces(runs))
        }

        /// Folds into the changes around it a short equal run that a reader would not keep
        /// apart from them (in the spirit of diff-match-patch's semantic cleanup): an equal
        /// run between two changes, no longer in characters than the larger side of the
        /// change before it nor than that of the change after it, and of at most two words.
        /// So a rewritten clause reads as a few phrase replacements, not as fragments aligned
        /// on small words ("of", "von", "và"). Repeated until nothing more folds.
        static func semanticCleanup(_ runs: [Run]) -> [Run] {
            func length(_ tokens: [TextToken]) -> Int { tokens.reduce(0) { $0 + $1.text.count } }
            var runs = runs
            var folded = true
            while folded {
                folded = false
                var index = 1
                while index + 1 < runs.count {
                    guard case .equal(let equal) = runs[index],
                          case .change(let deletedBefore, let insertedBefore) = runs[index - 1],
                          case .change(let deletedAfter, let insertedAfter) = runs[index + 1] else {
                        index += 1
                        continue
                    }
                    let size = length(equal)
                    let words = equal.count { $0.kind == .word }
                    guard words <= 2, size <= max(length(deletedBefore), length(insertedBefore)),
                          size <= max(length(deletedAfter), length(insertedAfter)) else {
                        index += 1
                        continue
                    }
                    runs[index - 1] = .change(deleted: deletedBefore + equal + deletedAfter,
                                              inserted: insertedBefore + equal + insertedAfter)
                    runs.removeSubrange(index...index + 1)
                    folded = true
                }
            }
            return runs
        }

        private static func merge(_ run: Run, into runs: inout [Run]) {
            if case .change(let deleted, let inserted) = run,
               case .change(let previousDeleted, let previousInserted)? = runs.last {
                runs[runs.count - 1] = .change(deleted: previousDeleted + deleted, inserted: previousInserted + inserted)
            } else {
                runs.append(run)
            }
        }

        /// Folds a space that is all that stayed between two changes into both sides, so a
        /// replaced phrase reads as one deletion and one insertion rather than word by word.
        private static func absorbingLoneSpaces(_ runs: [Run]) -> [Run] {
            var result: [Run] = []
            var index = 0
            while index < runs.count {
                if case .equal(let tokens) = runs[index], tokens.allSatisfy({ $0.kind == .space }),
                   index + 1 < runs.count, case .change = runs[index + 1],
                   case .change(let deleted, let inserted)? = result.last {
                    result[result.count - 1] = .change(deleted: deleted + tokens, inserted: inserted + tokens)
                    merge(runs[index + 1], into: &result)
                    index += 2
                } else {
                    result.append(runs[index])
                    index += 1
                }
            }
            return result
        }
    }

    private init(runs: [Run]) {
        var segments: [Segment] = []
        var added = 0, removed = 0
        func text(_ tokens: [TextToken]) -> String { tokens.map(\.text).joined() }
        func words(_ tokens: [TextToken]) -> Int { tokens.count { $0.kind == .word } }
        for run in runs {
            switch run {
            case .equal(let tokens):
                segments.append(.equal(text(tokens)))
            case .change(let deleted, let inserted):
                if !deleted.isEmpty { segments.append(.deleted(text(deleted))) }
                if !inserted.isEmpty { segments.append(.inserted(text(inserted))) }
                removed += words(deleted)
                added += words(inserted)
            case .respelled(let old, let new):
                // Shown, so the reader sees the spelling changed; not counted as a word.
                segments.append(.deleted(old.text))
                segments.append(.inserted(new.text))
            }
        }
        self.init(segments: segments, wordsAdded: added, wordsRemoved: removed)
    }
}

/// Gives each distinct token text a small integer, so the diff compares integers.
///
/// Two Vietnamese spellings that differ only in where the tone mark sits on `oa`, `oe` or
/// `uy` (old style `Tòa`, `hòe`, `thùy`; new style `Toà`, `hoè`, `thuỳ`) get one integer:
/// the diff aligns them as one word, and the redline shows the respelling (see
/// ``Redline``) without counting it as a word changed.
struct TokenInterner {
    private var table: [String: Int] = [:]
    /// How many distinct ids were given: ids run from 0 to `count - 1`.
    private(set) var count = 0

    mutating func id(_ text: String) -> Int {
        if let id = table[text] { return id }
        let key = Self.toneKey(text)
        if key != text, let id = table[key] {
            table[text] = id
            return id
        }
        let id = count
        count += 1
        table[text] = id
        if key != text { table[key] = id }
        return id
    }

    mutating func ids(_ tokens: [TextToken]) -> [Int] { tokens.map { id($0.text) } }

    /// The Vietnamese tone marks (grave, acute, tilde, hook above, dot below).
    private static let toneMarks: Set<UInt32> = [0x300, 0x301, 0x303, 0x309, 0x323]

    /// The letters whose canonical decomposition starts with `o`, `O`, `u` or `U` and a tone
    /// mark (`ò`, `ọ`, `ộ`, `ú`, `ũ` …): with the tone marks themselves, the only scalars
    /// through which a word can have a tone to move. Words without one (German `für`,
    /// French `été`) skip the decomposition.
    private static let tonedOU: Set<UInt32> = [
        0xD2, 0xD3, 0xD5, 0xD9, 0xDA, 0xF2, 0xF3, 0xF5, 0xF9, 0xFA, 0x168, 0x169, 0x22C, 0x22D,
        0x1E4C, 0x1E4D, 0x1E4E, 0x1E4F, 0x1E78, 0x1E79, 0x1ECC, 0x1ECD, 0x1ECE, 0x1ECF, 0x1ED8,
        0x1ED9, 0x1EE4, 0x1EE5, 0x1EE6, 0x1EE7,
    ]

    /// `text` with a tone mark on the first vowel of `oa`, `oe` or `uy` moved to the second
    /// (new style), in NFC; `text` itself when there is none to move.
    static func toneKey(_ text: String) -> String {
        // Only words with a combining mark or a precomposed Vietnamese vowel can change.
        guard text.utf8.contains(where: { $0 >= 0xC3 }),
              text.unicodeScalars.contains(where: { tonedOU.contains($0.value) || toneMarks.contains($0.value) })
        else { return text }
        var scalars = Array(text.decomposedStringWithCanonicalMapping.unicodeScalars)
        var moved = false
        var index = 0
        while index + 2 < scalars.count {
            let first = Character(scalars[index]).lowercased()
            if first == "o" || first == "u", toneMarks.contains(scalars[index + 1].value) {
                let next = Character(scalars[index + 2]).lowercased()
                if (first == "o" && (next == "a" || next == "e")) || (first == "u" && next == "y") {
                    let tone = scalars.remove(at: index + 1)
                    scalars.insert(tone, at: index + 2)
                    moved = true
                }
            }
            index += 1
        }
        guard moved else { return text }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view).precomposedStringWithCanonicalMapping
    }
}
