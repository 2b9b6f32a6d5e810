/// The paths a change log keeps: whole files, and folders (every path under them).
///
/// The commit index holds 120,000 paths as bytes; a selection matches those bytes directly,
/// by length first, so a history of one plan item does not make and hash a string for
/// every path the tracker ever had.
public struct PathSelection: Sendable {
    public let files: Set<String>
    /// Folder paths, each ending in `/`.
    public let folders: [String]

    /// Files by byte count, for the byte match.
    private let filesByLength: [Int: [[UInt8]]]
    private let folderBytes: [[UInt8]]

    public init(files: Set<String>, folders: [String] = []) {
        self.files = files
        self.folders = folders
        filesByLength = Dictionary(grouping: files.map { Array($0.utf8) }, by: \.count)
        folderBytes = folders.map { Array($0.utf8) }
    }

    /// Whether `path` is one of the files or under one of the folders. Git paths are bytes,
    /// so they are compared as bytes, whichever way the history is read.
    public func contains(_ path: String) -> Bool {
        contains(bytes: Array(path.utf8)[...])
    }

    /// ``contains(_:)`` on a path's UTF-8 bytes.
    func contains(bytes path: ArraySlice<UInt8>) -> Bool {
        if let candidates = filesByLength[path.count], candidates.contains(where: { $0.elementsEqual(path) }) { return true }
        return folderBytes.contains { $0.count <= path.count && path.starts(with: $0) }
    }
}
