public import Foundation

/// Files to write and remove in one commit. Later operations on the same path replace
/// earlier ones, so a path is either written or removed, never both. Paths are compared as
/// git compares them, byte for byte: an NFC and an NFD spelling are two different files
/// (Swift's `==` would call them equal).
public struct ChangeSet: Sendable {
    /// What happens to one path.
    public enum Operation: Sendable, Equatable {
        /// The file gets these bytes (created or replaced).
        case write(Data)
        /// The file (or folder) goes away; removing an absent path changes nothing.
        case remove
    }

    private var byBytes: [[UInt8]: (path: String, operation: Operation)] = [:]

    /// An empty change set.
    public init() {}

    /// Writes `data` to `path` (a `/`-separated path from the repository root).
    public mutating func write(_ path: String, _ data: Data) {
        byBytes[Array(path.utf8)] = (path, .write(data))
    }

    /// Removes the file or folder at `path`.
    public mutating func remove(_ path: String) {
        byBytes[Array(path.utf8)] = (path, .remove)
    }

    /// True when nothing would change.
    public var isEmpty: Bool { byBytes.isEmpty }

    /// The paths touched, in git's order (by bytes).
    public var paths: [String] { operations.map(\.path) }

    /// Each path with what happens to it, in git's order (by bytes).
    public var operations: [(path: String, operation: Operation)] {
        byBytes.sorted { $0.key.lexicographicallyPrecedes($1.key) }.map(\.value)
    }
}

/// The rules a path must meet before GitStore writes it: relative, `/`-separated, no empty,
/// `.` or `..` components, no component named `.git` in any case (nor one that only
/// invisible characters separate from it), and no control characters. The tree builder of
/// libgit2 1.5 accepts several of these, and git itself would then refuse the repository.
public enum RepositoryPath {
    /// Returns nil when `path` is safe, else the reason it is not.
    public static func problem(with path: String) -> String? {
        if path.isEmpty { return "the path is empty" }
        if path.hasPrefix("/") { return "the path \"\(path)\" is absolute" }
        for component in path.split(separator: "/", omittingEmptySubsequences: false) {
            if component.isEmpty { return "the path \"\(path)\" has an empty component" }
            if component == "." || component == ".." { return "the path \"\(path)\" has a \"\(component)\" component" }
            if component.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
                return "the path \(path.debugDescription) contains a control character"
            }
            if isGitFolderName(component) { return "the path \"\(path)\" names a .git folder" }
        }
        return nil
    }

    /// `.git`, also when disguised the ways other file systems undo: case, invisible
    /// characters (a zero-width joiner), trailing dots and spaces, the 8.3 name `git~1`.
    private static func isGitFolderName(_ component: Substring) -> Bool {
        let visible = String(String.UnicodeScalarView(component.unicodeScalars.filter {
            !$0.properties.isDefaultIgnorableCodePoint
        }))
        var name = visible.lowercased()
        while let last = name.last, last == " " || last == "." { name.removeLast() }
        return name == ".git" || name == "git~1"
    }
}
