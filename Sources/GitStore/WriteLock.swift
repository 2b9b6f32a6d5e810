public import Foundation
#if canImport(Glibc)
internal import Glibc
#endif

/// GitStore's own writer lock: a kernel `flock` on `write.lock` in the ``StateFolder``,
/// held around every write. The kernel drops it when the holder dies, so it can never go
/// stale, and while it is held no other writer is running: any `*.lock` file libgit2 left
/// in the git folder then belongs to a writer that was killed, and may be removed.
public struct WriteLock: ~Copyable {
    private let descriptor: Int32

    /// Waits until the lock on the repository at `gitDirectory` is free, then takes it.
    /// `name` picks another lock file beside it, for work that must not run twice at once
    /// but need not stop writers (sync, which holds `sync.lock` while it talks to a remote).
    public init(gitDirectory: URL, name: String = "write.lock") throws {
        let folder = StateFolder.url(in: gitDirectory)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw GitError(.io, "cannot create \(folder.path): \(error.localizedDescription)")
        }
        let path = folder.appendingPathComponent(name).path
        let descriptor = open(path, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw GitError(.io, "cannot open the write lock \(path): \(String(cString: strerror(errno)))")
        }
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else {
                let reason = String(cString: strerror(errno))
                close(descriptor)
                throw GitError(.locked, "cannot take the write lock \(path): \(reason)")
            }
        }
        self.descriptor = descriptor
    }

    /// Removes lock files a killed writer left behind (paths relative to the git folder).
    /// Only call while holding the lock.
    public func removeStaleLocks(_ relativePaths: [String], in gitDirectory: URL) {
        for relative in relativePaths {
            let url = gitDirectory.appendingPathComponent(relative)
            if FileManager.default.fileExists(atPath: url.path) {
                try? FileManager.default.removeItem(at: url)
            }
        }
    }

    /// Removes every `*.lock` file under `relativeFolder` of the git folder, at any depth.
    /// Only call while holding the lock that every writer of those references takes.
    public func removeStaleLocks(under relativeFolder: String, in gitDirectory: URL) {
        let folder = gitDirectory.appendingPathComponent(relativeFolder)
        guard let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { return }
        for case let file as URL in files where file.pathExtension == "lock" {
            try? FileManager.default.removeItem(at: file)
        }
    }

    /// The folder where files for the working folder are written before they are renamed
    /// into place, only while holding the lock: whatever is in it when the lock is taken
    /// was left by a writer that was killed.
    public static func scratchFolder(in gitDirectory: URL) -> URL {
        StateFolder.url(in: gitDirectory).appendingPathComponent("tmp", isDirectory: true)
    }

    /// How old a temporary object file of libgit2's must be to count as left behind: blobs
    /// are written before the lock is taken, so a young one may belong to a live writer.
    static let abandonedObjectAge: TimeInterval = 300
    /// How old a temporary file of Foundation's atomic write must be to count as left behind.
    static let abandonedWriteAge: TimeInterval = 10

    /// Removes what killed writers left: the scratch folder's files, Foundation's temporary
    /// files (`.dat.nosync*`) in the state folder older than a few seconds, and libgit2's
    /// temporary object files (`objects/tmp_object_git2_*`) older than a few minutes.
    /// Only call while holding the lock.
    public func removeStaleTemporaryFiles(in gitDirectory: URL) {
        let files = FileManager.default
        let scratch = Self.scratchFolder(in: gitDirectory)
        for name in (try? files.contentsOfDirectory(atPath: scratch.path)) ?? [] {
            try? files.removeItem(at: scratch.appendingPathComponent(name))
        }
        // Foundation's atomic writes (the note of pending paths, the last write, the record
        // cache) go through `.dat.nosync*` beside their file and rename it in a moment; one a
        // few seconds old was left by a process that was killed.
        let noteCutoff = Date().addingTimeInterval(-Self.abandonedWriteAge)
        if let walker = files.enumerator(at: StateFolder.url(in: gitDirectory), includingPropertiesForKeys: nil) {
            for case let url as URL in walker where url.lastPathComponent.hasPrefix(".dat.nosync") {
                if let modified = (try? files.attributesOfItem(atPath: url.path))?[.modificationDate] as? Date, modified < noteCutoff {
                    try? files.removeItem(at: url)
                }
            }
        }
        let objects = gitDirectory.appendingPathComponent("objects", isDirectory: true)
        let cutoff = Date().addingTimeInterval(-Self.abandonedObjectAge)
        for name in (try? files.contentsOfDirectory(atPath: objects.path)) ?? [] where name.hasPrefix("tmp_object_git2_") {
            let url = objects.appendingPathComponent(name)
            if let modified = (try? files.attributesOfItem(atPath: url.path))?[.modificationDate] as? Date, modified < cutoff {
                try? files.removeItem(at: url)
            }
        }
    }

    /// Removes the temporary pack files of a transfer killed part-way
    /// (`objects/pack/pack_git2_*`, their index and its lock) that are at least `minimumAge`
    /// seconds old. libgit2 leaves them, and nothing else ever removes them. Only call while
    /// holding the lock every transfer into that repository takes.
    public static func removeInterruptedPackFiles(in gitDirectory: URL, olderThan minimumAge: TimeInterval) {
        let files = FileManager.default
        let pack = LooseObjects.objectsFolder(of: gitDirectory).appendingPathComponent("pack", isDirectory: true)
        let cutoff = Date().addingTimeInterval(-minimumAge)
        for name in (try? files.contentsOfDirectory(atPath: pack.path)) ?? [] where name.hasPrefix("pack_git2_") {
            let url = pack.appendingPathComponent(name)
            if minimumAge <= 0 || ((try? files.attributesOfItem(atPath: url.path))?[.modificationDate] as? Date).map({ $0 < cutoff }) == true {
                try? files.removeItem(at: url)
            }
        }
    }

    deinit {
        close(descriptor)  // closing the descriptor releases the flock
    }
}
