import Foundation
import Synchronization
import TestSupport
import Testing

/// The `.scratchFolder` trait every test target uses: a folder of its own for each test
/// case, empty at the start, gone at the end.
@Suite struct ScratchFolderTraitTests {
    @Test(.scratchFolder, arguments: 0..<3) func eachCaseStartsInAnEmptyFolderOfItsOwn(index: Int) throws {
        let folder = try ScratchFolder.current
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).isEmpty)
        try Data("case \(index)\n".utf8).write(to: folder.path("mark"))
    }

    @Test func theFolderIsRemovedWhenTheScopeEnds() async throws {
        let seen = Mutex<URL?>(nil)
        try await ScratchFolderTrait().provideScope(for: try #require(Test.current), testCase: Test.Case.current) {
            let folder = try ScratchFolder.current
            try FileManager.default.createDirectory(at: folder.path("a/b"), withIntermediateDirectories: true)
            try Data("x".utf8).write(to: folder.path("a/b/file"))
            seen.withLock { $0 = folder.url }
        }
        let url = try #require(seen.withLock { $0 })
        #expect(!FileManager.default.fileExists(atPath: url.path))
    }

    @Test func aTestWithoutTheTraitHasNoFolder() {
        #expect(throws: (any Error).self) { try ScratchFolder.current }
    }
}
