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

    /// Paths written with `create`, by bytes: the commit fails with `.exists` if any is
    /// already in the tree it is built on, so two writers picking the same new name cannot
    /// overwrite each other's record.
    private var created: Set<[UInt8]> = []

    /// An empty change set.
    public init() {}

    /// Writes `data` to `path` (a `/`-separated path from the repository root).
    public mutating func write(_ path: String, _ data: Data) {
        byBytes[Array(path.utf8)] = (path, .write(data))
        created.remove(Array(path.utf8))
    }

    /// Writes `data` to `path`, a file that must not exist yet (an append-only record).
    public mutating func create(_ path: String, _ data: Data) {
        byBytes[Array(path.utf8)] = (path, .write(data))
        created.insert(Array(path.utf8))
    }

    /// Whether `path` was written with `create` and must be new.
    public func mustBeNew(_ path: String) -> Bool { created.contains(Array(path.utf8)) }

    /// Removes the file or folder at `path`.
    public mutating func remove(_ path: String) {
        byBytes[Array(path.utf8)] = (path, .remove)
        created.remove(Array(path.utf8))
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

/// The rules a path must meet before GitStore writes it, and before a sync takes it from
/// another copy: relative, `/`-separated, no empty, `.` or `..` components, no component
/// named `.git…` in any case (`.git` itself, nor one that only invisible characters
/// separate from it, and `.gitmodules`, `.gitattributes`, `.gitignore`: a tracker needs
/// none, and they change how git checks files out), no backslash (a folder separator on
/// Windows), no control characters, and UTF-8 names. The tree builder of libgit2 1.5
/// accepts several of these, and git itself would then refuse the repository.
public enum RepositoryPath {
    /// What is wrong with a path.
    public enum Problem: Sendable, Equatable {
        case empty
        case absolute
        case emptyComponent
        /// A `.` or `..` component.
        case dotComponent(String)
        case controlCharacter
        /// A component named `.git`, or starting `.git` (`.gitmodules`); the component.
        case gitName(String)
        case backslash
        /// A name that is not UTF-8 (shown with U+FFFD for each bad byte).
        case notUTF8
    }

    /// Returns nil when `path` is safe, else the reason it is not.
    public static func problem(with path: String) -> String? {
        kind(of: path).map { describe($0, path: path) }
    }

    /// What is wrong with `path`, if anything. A path holding U+FFFD counts as not UTF-8:
    /// that is how a name of other bytes is read from a tree.
    public static func kind(of path: String) -> Problem? {
        if path.isEmpty { return .empty }
        // By scalars, as git and the file system read the path: a `/` or `\\` followed by a
        // combining mark is one Character, and would pass a check of characters.
        if path.unicodeScalars.first == "/" { return .absolute }
        for scalars in path.unicodeScalars.split(separator: "/", omittingEmptySubsequences: false) {
            let component = Substring(scalars)
            if component.isEmpty { return .emptyComponent }
            if component == "." || component == ".." { return .dotComponent(String(component)) }
            if component.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
                return .controlCharacter
            }
            if isGitName(component) { return .gitName(String(component)) }
            if component.unicodeScalars.contains("\\") { return .backslash }
            if component.unicodeScalars.contains("\u{FFFD}") { return .notUTF8 }
        }
        return nil
    }

    /// One English sentence for `problem` in `path`.
    public static func describe(_ problem: Problem, path: String) -> String {
        switch problem {
        case .empty: "the path is empty"
        case .absolute: "the path \"\(path)\" is absolute"
        case .emptyComponent: "the path \"\(path)\" has an empty component"
        case .dotComponent(let component): "the path \"\(path)\" has a \"\(component)\" component"
        case .controlCharacter: "the path \(path.debugDescription) contains a control character"
        case .gitName(let component):
            isGitFolderName(component)
                ? "the path \"\(path)\" names a .git folder" : "the path \"\(path)\" names a git file (\(component.debugDescription))"
        case .backslash: "the path \"\(path)\" contains a backslash"
        case .notUTF8: "the path \(path.debugDescription) is not UTF-8"
        }
    }

    /// `.git` or a name starting with it, also when disguised the ways other file systems
    /// undo: case, invisible characters (a zero-width joiner), trailing dots and spaces,
    /// the 8.3 name `git~1`.
    private static func isGitName(_ component: Substring) -> Bool {
        // Cheap first: most names neither start with a dot or a g nor hold anything but ASCII.
        guard let first = component.utf8.first, first == UInt8(ascii: ".") || first | 0x20 == UInt8(ascii: "g")
                || component.utf8.contains(where: { $0 >= 0x80 }) else { return false }
        let name = undisguised(component)
        return name.hasPrefix(".git") || name == "git~1"
    }

    /// Whether `component` is `.git` itself (or its 8.3 name), disguised or not.
    private static func isGitFolderName(_ component: String) -> Bool {
        let name = undisguised(Substring(component))
        return name == ".git" || name == "git~1"
    }

    /// `component` lowercased, without invisible characters and trailing dots and spaces.
    private static func undisguised(_ component: Substring) -> String {
        let visible = String(String.UnicodeScalarView(component.unicodeScalars.filter {
            !$0.properties.isDefaultIgnorableCodePoint
        }))
        var name = visible.lowercased()
        while let last = name.last, last == " " || last == "." { name.removeLast() }
        return name
    }
}
