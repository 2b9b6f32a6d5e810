public import Foundation

/// The project's example as a tracker's files (docs/example.md): `accord.example.yaml` read
/// as `accord.yaml`, `Plans/history/…` read without the prefix, and the `earlier/` folders
/// of instruments left out. The files come from a project folder or from the copy built
/// into accord (``embedded``), which works where no source tree exists.
public struct ExampleFiles: TrackerFiles {
    /// The project folder holding `accord.example.yaml`; nil for the built-in copy.
    public let root: URL?
    /// The built-in copy's files by project path; empty when reading a folder.
    let builtIn: [String: Data]

    /// The example in `root`.
    public init(root: URL) {
        self.root = root
        builtIn = [:]
    }

    private init(builtIn: [String: Data]) {
        root = nil
        self.builtIn = builtIn
    }

    /// The example as it was when accord was built; nil when the build had no example.
    public static var embedded: ExampleFiles? {
        var files: [String: Data] = [:]
        for (path, base64) in embeddedExampleFiles {
            guard let data = Data(base64Encoded: base64) else { return nil }
            files[path] = data
        }
        return files[settingsFile] == nil ? nil : ExampleFiles(builtIn: files)
    }

    /// Where the files come from, for messages.
    public var origin: String { root?.path ?? "the example built into accord" }

    static let settingsFile = "accord.example.yaml"
    static let historyPrefix = "Plans/history/"

    /// Every file's project path, folders and hidden files left out.
    private func projectPaths() -> [String] {
        guard let root else { return Array(builtIn.keys) }
        var result: [String] = []
        let manager = FileManager.default
        if manager.fileExists(atPath: root.appendingPathComponent(Self.settingsFile).path) {
            result.append(Self.settingsFile)
        }
        for folder in ["Agreements", "Plans"] {
            guard let walker = manager.enumerator(atPath: root.appendingPathComponent(folder).path) else { continue }
            while let relative = walker.nextObject() as? String {
                let path = "\(folder)/\(relative)"
                var isFolder: ObjCBool = false
                guard manager.fileExists(atPath: root.appendingPathComponent(path).path, isDirectory: &isFolder),
                      !isFolder.boolValue else { continue }
                result.append(path)
            }
        }
        return result
    }

    /// The file at project path `path`.
    private func readProject(_ path: String) throws -> Data {
        guard let root else {
            guard let data = builtIn[path] else { throw AccordError(.io, L10n.t("{1} is not part of the example", path)) }
            return data
        }
        return try FolderFiles(root: root).read(path)
    }

    /// Tracker path → path in the project.
    func mapping() throws -> [String: String] {
        var result: [String: String] = [:]
        for path in projectPaths() {
            if path == Self.settingsFile {
                result[TrackerLayout.settings] = path
                continue
            }
            let parts = path.split(separator: "/")
            if parts.first == "Agreements", parts.count > 3, parts[2] == "earlier" { continue }
            let trackerPath = path.hasPrefix(Self.historyPrefix) ? String(path.dropFirst(Self.historyPrefix.count)) : path
            if TrackerLayout.isTracked(trackerPath) { result[trackerPath] = path }
        }
        return result
    }

    public func paths() throws -> [String] { try mapping().keys.sorted() }

    public func read(_ path: String) throws -> Data {
        guard let source = try mapping()[path] else {
            throw AccordError(.io, L10n.t("{1} is not part of the example", path))
        }
        return try readProject(source)
    }

    /// The files of instrument `id` as they stood at `date`, from `earlier/<date>/`, by
    /// tracker path; nil when the folder does not exist.
    public func earlierFiles(of id: InstrumentID, at date: CalendarDate) throws -> [String: Data]? {
        let folder = "Agreements/\(id)/earlier/\(date)"
        let names: [String]
        if let root {
            guard let listed = try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path)
            else { return nil }
            names = listed
        } else {
            names = builtIn.keys.filter { $0.hasPrefix(folder + "/") }.map { String($0.dropFirst(folder.count + 1)) }
                .filter { !$0.contains("/") }
            if names.isEmpty { return nil }
        }
        var files: [String: Data] = [:]
        for name in names.sorted() where !name.hasPrefix(".") {
            files["Agreements/\(id)/\(name)"] = try readProject("\(folder)/\(name)")
        }
        return files
    }

    /// Finds the project folder holding the example, trying in turn: `explicit`
    /// (`--example-dir`), the `ACCORD_EXAMPLE_DIR` environment variable, the folders above the
    /// running executable (a build inside the project), the copy built into accord, and the
    /// folders above `sourceFile` (the source tree it was built from).
    public static func locate(
        explicit: String?, environment: [String: String], executable: URL?, sourceFile: String
    ) throws -> ExampleFiles {
        func holdsExample(_ url: URL) -> Bool {
            FileManager.default.fileExists(atPath: url.appendingPathComponent(settingsFile).path)
        }
        for given in [explicit, environment["ACCORD_EXAMPLE_DIR"]].compactMap({ $0 }) {
            let url = URL(fileURLWithPath: given).standardizedFileURL
            guard holdsExample(url) else {
                throw AccordError(.notFound, L10n.t("{1} holds no {2}: it is not accord's example folder", given, settingsFile))
            }
            return ExampleFiles(root: url)
        }
        func above(_ start: URL) -> ExampleFiles? {
            var folder = start.deletingLastPathComponent()
            while folder.path != "/" && !folder.path.isEmpty {
                if holdsExample(folder) { return ExampleFiles(root: folder) }
                folder = folder.deletingLastPathComponent()
            }
            return nil
        }
        if let executable, let found = above(executable.resolvingSymlinksInPath()) { return found }
        if let built = embedded { return built }
        if let found = above(URL(fileURLWithPath: sourceFile)) { return found }
        throw AccordError(.notFound, L10n.t("cannot find accord's example; pass --example-dir or set ACCORD_EXAMPLE_DIR to the project folder"))
    }
}
