@testable import GitStore
import Testing

/// A change log read from the commit index matches path bytes; the walk without it matches
/// strings. Both must select the same paths.
@Suite struct PathSelectionTests {
    @Test func bytesAndStringsSelectTheSamePaths() {
        let selection = PathSelection(
            files: ["Plans/plan-01.yaml", "Events/2019/03/sr-2019-03-29-kh-w61.yaml", "Evidence/2019/ev-é.yaml"],
            folders: ["Agreements/agr-01/"])
        let paths = [
            "Plans/plan-01.yaml", "Plans/plan-02.yaml", "Plans/plan-01.yam", "Plans/plan-01.yaml.bak",
            "Events/2019/03/sr-2019-03-29-kh-w61.yaml", "Events/2019/03/sr-2019-03-29-kh-w62.yaml",
            "Evidence/2019/ev-é.yaml", "Evidence/2019/ev-e.yaml",
            "Agreements/agr-01/text.en.md", "Agreements/agr-01/", "Agreements/agr-01", "Agreements/agr-010/text.en.md",
            "", "accord.yaml",
        ]
        let expected: Set = [
            "Plans/plan-01.yaml", "Events/2019/03/sr-2019-03-29-kh-w61.yaml", "Evidence/2019/ev-é.yaml",
            "Agreements/agr-01/text.en.md", "Agreements/agr-01/",
        ]
        for path in paths {
            #expect(selection.contains(path) == expected.contains(path), "\(path)")
            #expect(selection.contains(bytes: Array(path.utf8)[...]) == expected.contains(path), "\(path) as bytes")
        }
    }
}
