import GitStore
import Testing

/// An object id is exactly 40 hex digits, kept in lower case; anything else is no id.
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
}
