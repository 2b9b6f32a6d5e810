/// The paths a change log keeps: whole files, and folders (every path under them).
///
/// The commit index holds 120,000 paths as bytes; a selection matches those bytes directly,
/// through a cheap hash of them, so a history of one plan item neither makes a string for
/// every path the tracker ever had nor compares it with each of the item's files.
public struct PathSelection: Sendable {
    public let files: Set<String>
    /// Folder paths, each ending in `/`.
    public let folders: [String]

    /// Files by the hash of their bytes (``hash(_:)``), for the byte match.
    private let filesByHash: [UInt64: [[UInt8]]]
    private let folderBytes: [[UInt8]]

    public init(files: Set<String>, folders: [String] = []) {
        self.files = files
        self.folders = folders
        filesByHash = Dictionary(grouping: files.map { Array($0.utf8) }, by: { Self.hash($0[...]) })
        folderBytes = folders.map { Array($0.utf8) }
    }

    /// Whether `path` is one of the files or under one of the folders. Git paths are bytes,
    /// so they are compared as bytes, whichever way the history is read.
    public func contains(_ path: String) -> Bool {
        contains(bytes: Array(path.utf8)[...])
    }

    /// ``contains(_:)`` on a path's UTF-8 bytes.
    func contains(bytes path: ArraySlice<UInt8>) -> Bool {
        if let candidates = filesByHash[Self.hash(path)], candidates.contains(where: { $0.elementsEqual(path) }) { return true }
        return folderBytes.contains { $0.count <= path.count && path.starts(with: $0) }
    }

    /// FNV-1a over the bytes: a few cycles a byte, against a `String`'s SipHash and
    /// allocation.
    private static func hash(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        return hash
    }
}
