public import Foundation

/// The files of a cache folder, newest first: the order every cache keeps and prunes by.
/// Files whose names start with a dot (being written) are left out.
public func newestFiles(in folder: URL) -> [String] {
    // Names, then stat(2) for each time: Foundation's resource values also look up the
    // file's owner and group names, reading /etc/passwd and /etc/group for every file.
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [] }
    return names.filter { !$0.hasPrefix(".") }.map { name -> (String, Int, Int) in
        var info = stat()
        guard stat(folder.appendingPathComponent(name).path, &info) == 0 else { return (name, .min, 0) }
        return (name, info.st_mtim.tv_sec, info.st_mtim.tv_nsec)
    }
    .sorted { ($0.1, $0.2) > ($1.1, $1.2) }
    .map(\.0)
}
