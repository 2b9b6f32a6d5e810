public import Foundation

/// The folder inside a git folder (and inside a folder hub) where GitStore keeps files of
/// its own: the write and sync locks, the state of a stopped sync, the scratch folder for
/// working-tree files.
///
/// Its name is the application's to choose, once, before it opens a repository. Every
/// program that writes the same repositories must choose the same name: the write lock is
/// a file in this folder.
public enum StateFolder {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var chosen = "gitstore"

    /// The folder's name: `gitstore` unless the application chose another.
    public static var name: String {
        get { lock.withLock { chosen } }
        set { lock.withLock { chosen = newValue } }
    }

    /// The folder inside `gitDirectory` (a git folder, or a bare hub).
    public static func url(in gitDirectory: URL) -> URL {
        gitDirectory.appendingPathComponent(name, isDirectory: true)
    }
}
