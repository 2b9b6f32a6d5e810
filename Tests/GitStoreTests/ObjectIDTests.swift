import GitStore
import Testing

/// An object id is exactly 40 hex digits, written in lower case; anything else is no id. Ids
/// are equal, and sort, as their texts do.
@Suite struct ObjectIDTests {
    static let lower = "0123456789abcdef0123456789abcdef01234567"

    @Test func fortyHexDigitsAreAnIdInLowerCase() throws {
        #expect(ObjectID(hex: Self.lower)?.hex == Self.lower)
        #expect(ObjectID(hex: Self.lower.uppercased())?.hex == Self.lower)
        #expect(ObjectID(hex: "0123456789ABCDEF0123456789abcdef01234567")?.hex == Self.lower)
        // A string that is a slice of a longer one, made contiguous before it is read.
        let longer = "x" + Self.lower + "x"
        let inner = String(longer.dropFirst().dropLast())
        #expect(ObjectID(hex: inner)?.hex == Self.lower)
    }

    @Test(arguments: [
        "", "0123456789abcdef0123456789abcdef0123456",  // 39
        "0123456789abcdef0123456789abcdef012345678",  // 41
        "0123456789abcdef0123456789abcdef0123456g", "0123456789abcdef0123456789abcdef0123456 ",
        "0123456789abcdef0123456789abcdef012345/7", "0123456789abcdef0123456789abcdef012345:7",
        "0123456789abcdef0123456789abcdef012345@7", "0123456789abcdef0123456789abcdef012345`7",
        "0123456789abcdef0123456789abcdef0123456G", "0123456789abcdef0123456789abcdef012345é",
    ])
    func anythingElseIsNoId(_ text: String) {
        #expect(ObjectID(hex: text) == nil)
    }

    /// Ids that differ in one digit, at the first, a middle and the last place, with
    /// digits on both sides of 8 (a byte of 0x80 or more must not sort as negative).
    @Test func idsSortAndCompareAsTheirTexts() throws {
        var texts: [String] = []
        for place in [0, 1, 15, 16, 31, 32, 38, 39] {
            for digit in ["0", "7", "8", "f"] {
                var characters = Array(Self.lower)
                characters[place] = Character(digit)
                texts.append(String(characters))
            }
        }
        let ids = try texts.map { try #require(ObjectID(hex: $0)) }
        #expect(ids.sorted().map(\.hex) == texts.sorted())
        for (left, leftText) in zip(ids, texts) {
            for (right, rightText) in zip(ids, texts) {
                #expect((left == right) == (leftText == rightText))
                #expect((left < right) == (leftText < rightText))
            }
        }
        #expect(Set(ids).count == Set(texts).count)
        // Through the raw bytes and back.
        #expect(ids.allSatisfy { RawObjectID($0).objectID == $0 })
        #expect(ObjectID(bytes: Array(repeating: UInt8(0xff), count: 20))?.hex == String(repeating: "f", count: 40))
    }
}
