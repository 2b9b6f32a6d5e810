import ArgumentParser
import CLibGit2
import Foundation

extension AccordBench {
    /// What `accord log` cannot go below in a working copy while libgit2 1.5 keeps the
    /// index: open the repository, add one new file to the working folder's index, write it.
    /// libgit2 is called directly, with the options accord sets (fsync on); nothing else runs.
    struct IndexAdd: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "index-add",
            abstract: "Add one new file to a working copy's index with libgit2 alone (the floor of accord log there).",
            discussion: """
            Writes <folder>/<random name>.yaml in the working folder and stages it, as accord \
            log does for its report after committing. Each run adds an entry; remove them with \
            git rm -r --cached <folder> when done.
            """)
        @Option var repo: String
        @Option(help: "The folder of the working copy the new files go to.") var folder = "index-floor"

        func run() throws {
            git_libgit2_init()
            _ = accord_git_enable_fsync(1)
            var repository: OpaquePointer?, index: OpaquePointer?
            defer { git_index_free(index); git_repository_free(repository) }
            guard git_repository_open(&repository, repo) == 0, let root = git_repository_workdir(repository) else {
                throw ValidationError("\(repo) is not a working copy")
            }
            let path = "\(folder)/\(UUID().uuidString).yaml"
            let file = URL(fileURLWithPath: String(cString: root)).appendingPathComponent(path)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("id: floor\n".utf8).write(to: file)
            guard git_repository_index(&index, repository) == 0, git_index_add_bypath(index, path) == 0,
                  git_index_write(index) == 0 else {
                let reason = git_error_last().flatMap { $0.pointee.message }.map { String(cString: $0) } ?? "unknown error"
                throw ValidationError("libgit2 could not add \(path) to the index: \(reason)")
            }
        }
    }
}
