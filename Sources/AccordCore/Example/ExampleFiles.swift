public import Foundation

/// The project's example as a tracker's files (docs/example.md): `accord.example.yaml` read
/// as `accord.yaml`, `Plans/history/…` read without the prefix, and the `earlier/` folders
/// of instruments left out.
public struct ExampleFiles: TrackerFiles {
    /// The project folder holding `accord.example.yaml`.
    public let root: URL

    /// The example in `root`.
    public init(root: URL) { self.root = root }

    static let settingsFile = "accord.example.yaml"
    static let historyPrefix = "Plans/history/"

    /// Tracker path → path in the project.
    func mapping() throws -> [String: String] {
        var result: [String: String] = [:]
        let manager = FileManager.default
        if manager.fileExists(atPath: root.appendingPathComponent(Self.settingsFile).path) {
            result[TrackerLayout.settings] = Self.settingsFile
        }
        for folder in ["Agreements", "Plans"] {
            guard let walker = manager.enumerator(atPath: root.appendingPathComponent(folder).path) else { continue }
            while let relative = walker.nextObject() as? String {
                let path = "\(folder)/\(relative)"
                var isFolder: ObjCBool = false
                guard manager.fileExists(atPath: root.appendingPathComponent(path).path, isDirectory: &isFolder),
                      !isFolder.boolValue else { continue }
                let parts = path.split(separator: "/")
                if folder == "Agreements", parts.count > 3, parts[2] == "earlier" { continue }
                let trackerPath = path.hasPrefix(Self.historyPrefix) ? String(path.dropFirst(Self.historyPrefix.count)) : path
                if TrackerLayout.isTracked(trackerPath) { result[trackerPath] = path }
            }
        }
        return result
    }

    public func paths() throws -> [String] { try mapping().keys.sorted() }

    public func read(_ path: String) throws -> Data {
        guard let source = try mapping()[path] else {
            throw TrackerReadError(path: path, reason: "is not part of the example")
        }
        return try FolderFiles(root: root).read(source)
    }

    /// The files of instrument `id` as they stood at `date`, from `earlier/<date>/`, by
    /// tracker path; nil when the folder does not exist.
    public func earlierFiles(of id: InstrumentID, at date: CalendarDate) throws -> [String: Data]? {
        let folder = "Agreements/\(id)/earlier/\(date)"
        let url = root.appendingPathComponent(folder)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: url.path) else { return nil }
        var files: [String: Data] = [:]
        for name in names.sorted() where !name.hasPrefix(".") {
            files["Agreements/\(id)/\(name)"] = try FolderFiles(root: root).read("\(folder)/\(name)")
        }
        return files
    }

    /// Finds the project folder holding the example, trying in turn: `explicit`
    /// (`--example-dir`), the `ACCORD_EXAMPLE_DIR` environment variable, the folders above the
    /// running executable (a build inside the project), and the folders above `sourceFile`
    /// (the source tree it was built from).
    public static func locate(
        explicit: String?, environment: [String: String], executable: URL?, sourceFile: String
    ) throws -> ExampleFiles {
        func holdsExample(_ url: URL) -> Bool {
            FileManager.default.fileExists(atPath: url.appendingPathComponent(settingsFile).path)
        }
        for given in [explicit, environment["ACCORD_EXAMPLE_DIR"]].compactMap({ $0 }) {
            let url = URL(fileURLWithPath: given).standardizedFileURL
            guard holdsExample(url) else {
                throw ExampleNotFound(message: "\(given) holds no \(settingsFile): it is not accord's example folder")
            }
            return ExampleFiles(root: url)
        }
        for start in [executable?.resolvingSymlinksInPath(), URL(fileURLWithPath: sourceFile)].compactMap({ $0 }) {
            var folder = start.deletingLastPathComponent()
            while folder.path != "/" && !folder.path.isEmpty {
                if holdsExample(folder) { return ExampleFiles(root: folder) }
                folder = folder.deletingLastPathComponent()
            }
        }
        throw ExampleNotFound(message: "cannot find accord's example; pass --example-dir or set ACCORD_EXAMPLE_DIR to the project folder")
    }
}

/// The example's files could not be found.
public struct ExampleNotFound: AccordFailure, Sendable {
    public let message: String

    /// Creates the error.
    public init(message: String) { self.message = message }

    public var exitStatus: ExitStatus { .noInput }
}
