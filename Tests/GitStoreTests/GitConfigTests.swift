import Foundation
import GitStore
import TestSupport
import Testing

@Suite struct GitConfigTests {
    /// A value set in the repository's own config file is read; an unset key is nil.
    @Test func readsTheRepositorysKeys() throws {
        let scratch = try Scratch()
        let repository = try Repository.create(at: scratch.url.appendingPathComponent("t"))
        let file = repository.gitDirectory.appendingPathComponent("config")
        let text = try String(contentsOf: file, encoding: .utf8) + "[accord]\n\tparty = KH\n\tpager = \n"
        try Data(text.utf8).write(to: file)
        let config = try GitConfig(of: try Repository.open(at: repository.gitDirectory))
        #expect(config.string("accord.party") == "KH")
        #expect(config.string("accord.pager") == "")
        #expect(config.string("accord.nothing") == nil)
    }

    /// A repository opened as GIT_DIR with a work tree writes its records there.
    @Test func opensAGitFolderWithAnotherWorkTree() throws {
        let scratch = try Scratch()
        let repository = try Repository.create(at: scratch.url.appendingPathComponent("t"))
        let elsewhere = scratch.url.appendingPathComponent("work")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        let opened = try Repository.open(gitDirectory: repository.gitDirectory, workTree: elsewhere)
        #expect(opened.workingDirectory?.standardizedFileURL.path == elsewhere.standardizedFileURL.path)
        #expect(try Repository.open(gitDirectory: repository.gitDirectory, workTree: nil).workingDirectory?.path
                == repository.workingDirectory?.path)
        #expect(throws: GitError.self) { try Repository.open(gitDirectory: elsewhere, workTree: nil) }
    }
}
