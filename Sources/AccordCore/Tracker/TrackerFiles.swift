public import Foundation

/// Where a tracker's files come from: a folder on disk, a git revision, the project's
/// example. ``TrackerSnapshot/load(_:)`` reads every source the same way.
public protocol TrackerFiles {
    /// The paths of the files accord reads, relative, with `/` separators.
    func paths() throws -> [String]
    /// The bytes of one of those files.
    func read(_ path: String) throws -> Data
}

/// The top-level entries a tracker keeps its data in; nothing else is read.
enum TrackerLayout {
    static let settings = "accord.yaml"
    static let folders = ["Agreements", "Plans", "Evidence", "Events", "Meetings", "Withdrawals", "Requests"]
    /// Where attachments are stored, under their content's id.
    static let attachments = "Evidence/attachments/"

    /// The name of the record at `path`: its file's name without `.yaml`, which the check
    /// between files holds to the record's id. `Plans/plan-2017-2020.yaml` gives
    /// `plan-2017-2020`.
    static func recordName(ofPath path: String) -> String {
        let name = path.lastIndex(of: "/").map { path[path.index(after: $0)...] } ?? path[...]
        return String(name.hasSuffix(".yaml") ? name.dropLast(5) : name)
    }

    /// Whether `path` is an attachment: content-addressed, so written again rather than created.
    static func isAttachment(_ path: String) -> Bool { path.hasPrefix(attachments) }

    /// Whether `path` is a file accord reads: the settings or a file in one of `folders`,
    /// not hidden.
    static func isTracked(_ path: String) -> Bool {
        if path == settings { return true }
        // On the contiguous bytes, without splitting: a cold read asks this of every file.
        var path = path
        return path.withUTF8 { bytes in
            guard let slash = bytes.firstIndex(of: UInt8(ascii: "/")),
                  folders.contains(where: { $0.utf8.elementsEqual(bytes[..<slash]) }) else { return false }
            var previous = UInt8(ascii: "/")
            for byte in bytes {
                if previous == UInt8(ascii: "/"), byte == UInt8(ascii: ".") { return false }
                previous = byte
            }
            return true
        }
    }
}

/// A tracker in a folder on disk, such as a working copy.
public struct FolderFiles: TrackerFiles {
    /// The tracker's root folder.
    public let root: URL

    /// Reads the tracker at `root`.
    public init(root: URL) { self.root = root }

    public func paths() throws -> [String] {
        var result: [String] = []
        let manager = FileManager.default
        var isFolder: ObjCBool = false
        guard manager.fileExists(atPath: root.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw AccordError(.notFound, L10n.t("{1} is not a folder", root.path))
        }
        if manager.fileExists(atPath: root.appendingPathComponent(TrackerLayout.settings).path) {
            result.append(TrackerLayout.settings)
        }
        for folder in TrackerLayout.folders {
            let base = root.appendingPathComponent(folder)
            guard let walker = manager.enumerator(atPath: base.path) else { continue }
            while let relative = walker.nextObject() as? String {
                var isFolder: ObjCBool = false
                let path = "\(folder)/\(relative)"
                if manager.fileExists(atPath: root.appendingPathComponent(path).path, isDirectory: &isFolder),
                   !isFolder.boolValue, TrackerLayout.isTracked(path) {
                    result.append(path)
                }
            }
        }
        return result.sorted()
    }

    public func read(_ path: String) throws -> Data {
        do {
            return try Data(contentsOf: root.appendingPathComponent(path))
        } catch {
            throw AccordError(.io, L10n.t("{1} cannot be read: {2}", path, error.localizedDescription))
        }
    }
}
