import Foundation

/// A sync that stopped on a conflict, kept in `sync-state` (JSON) in the ``StateFolder`` so that
/// `abortSync()` can put the remote-tracking branch back where it was.
public struct SyncState: Sendable, Codable, Equatable {
    /// The remote of the stopped sync.
    public var remote: String
    /// The local branch, e.g. `main`.
    public var branch: String
    /// The remote-tracking reference the fetch moved, e.g. `refs/remotes/origin/main`.
    public var trackingReference: String
    /// Where it pointed before the first stopped sync (nil: it did not exist).
    public var trackingBefore: ObjectID?
    /// The local branch at the time (unchanged by the sync).
    public var localTip: ObjectID?
    /// The remote branch as fetched.
    public var remoteTip: ObjectID?
    /// The files that conflict.
    public var conflicts: [String]
}

extension Repository {
    private var syncStateFile: URL {
        StateFolder.url(in: gitDirectory).appendingPathComponent("sync-state")
    }

    /// The stopped sync, if the last sync stopped on a conflict.
    public func pendingSync() throws -> SyncState? {
        guard let data = try? Data(contentsOf: syncStateFile) else { return nil }
        do {
            return try JSONDecoder().decode(SyncState.self, from: data)
        } catch {
            throw GitError(.invalid, "\(syncStateFile.path) is not a saved sync state; remove it")
        }
    }

    /// Undoes what a sync that stopped on a conflict changed, and forgets it.
    ///
    /// Such a sync changed exactly one thing: the remote-tracking branch (e.g.
    /// `refs/remotes/origin/main`) now points at what was fetched. This puts it back where it
    /// was before the first stopped sync (or removes it if it did not exist) and deletes
    /// `sync-state`. The local branch, index and working tree were never touched; commits
    /// made since are kept. Fetched objects stay in the object store, unreferenced, until
    /// `git gc` prunes them. Returns nil when no sync is pending.
    @discardableResult
    public func abortSync() throws -> SyncState? {
        guard let state = try pendingSync() else { return nil }
        let lock = try WriteLock(gitDirectory: gitDirectory)
        try setReference(state.trackingReference, to: state.trackingBefore, message: "sync: aborted")
        try clearSyncState()
        _ = consume lock
        return state
    }

    /// Records a stopped sync. A second stop for the same remote keeps the first one's
    /// `trackingBefore`, so abort returns to the state before the first.
    func recordConflict(_ state: SyncState) throws {
        var state = state
        if let earlier = try? pendingSync(), earlier.trackingReference == state.trackingReference {
            state.trackingBefore = earlier.trackingBefore
        }
        try FileManager.default.createDirectory(at: syncStateFile.deletingLastPathComponent(),
                                                withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        do {
            try encoder.encode(state).write(to: syncStateFile, options: .atomic)
        } catch {
            throw GitError(.io, "cannot write \(syncStateFile.path): \(error.localizedDescription)")
        }
    }

    func clearSyncState() throws {
        guard FileManager.default.fileExists(atPath: syncStateFile.path) else { return }
        do {
            try FileManager.default.removeItem(at: syncStateFile)
        } catch {
            throw GitError(.io, "cannot remove \(syncStateFile.path): \(error.localizedDescription)")
        }
    }
}
