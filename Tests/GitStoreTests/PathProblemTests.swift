import GitStore
import Testing

/// A path is checked by scalars, as git and the file system read it: a `/` or `\` carrying a
/// combining mark is one Character, and must not pass a check of characters.
@Suite struct PathProblemTests {
    @Test func separatorsCarryingACombiningMarkAreFound() {
        #expect(RepositoryPath.kind(of: "/\u{301}etc/passwd") == .absolute)
        #expect(RepositoryPath.kind(of: "Events/a\\\u{301}b.yaml") == .backslash)
        #expect(RepositoryPath.kind(of: "Events//\u{301}b.yaml") == .emptyComponent)
        #expect(RepositoryPath.kind(of: "Events/2019/../x.yaml") == .dotComponent(".."))
    }

    @Test func namesWithCombiningMarksThatSeparateNothingAreKept() {
        // A combining mark after a separator starts a component; after a dot it makes another name.
        #expect(RepositoryPath.kind(of: "Events/\u{301}x.yaml") == nil)
        #expect(RepositoryPath.kind(of: "Events/.\u{301}/x.yaml") == nil)
        #expect(RepositoryPath.kind(of: "Agreements/tip-2005/text.vi.md") == nil)
        #expect(RepositoryPath.kind(of: "Evidence/2019/Biên bản họp.pdf") == nil)
    }
}
