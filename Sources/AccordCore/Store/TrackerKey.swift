internal import Foundation
internal import GitStore

/// What names a tracker's content at a commit in the derived store: the git ids of
/// `accord.yaml` and of the record folders' trees, and the version of what is stored.
///
/// Git ids never change meaning, so whatever is stored for a key is right for every commit
/// with that key, on any branch, in any clone. Two keys also say what differs between two
/// revisions: only the folders whose tree ids differ need be compared.
struct TrackerKey: Equatable, Sendable {
    /// `v<version> accord.yaml=<id> Agreements=<id> …`, `-` for a part that is absent.
    let text: String

    init(text: String) { self.text = text }

    /// The key of the tracker at `commit`, for stored data of `version`.
    init(repository: Repository, commit: ObjectID, version: Int) throws {
        var parts = ["v\(version)"]
        for name in [TrackerLayout.settings] + TrackerLayout.folders {
            parts.append(try repository.entry(name, at: commit).map { "\(name)=\($0.id.hex)" } ?? "\(name)=-")
        }
        text = parts.joined(separator: " ")
    }

    /// The version, then each name with its id (nil when absent).
    var parts: [(name: String, id: ObjectID?)] {
        text.split(separator: " ").map { part in
            guard let equals = part.firstIndex(of: "=") else { return (String(part), nil) }
            return (String(part[..<equals]), ObjectID(hex: String(part[part.index(after: equals)...])))
        }
    }

    /// The tracker files that differ from the revision of `old` to this one, sorted by
    /// path: folders whose tree id is the same on both sides are skipped whole, so the cost
    /// follows the change, not the size of the tracker. `accord.yaml` is included when
    /// `settings` is true. Nil when the keys are of different versions or a tree cannot be
    /// read (the caller then reads everything).
    func changes(since old: TrackerKey, repository: Repository, settings: Bool = true) -> [PathChange]? {
        let before = old.parts, after = parts
        guard before.count == after.count, before.first?.name == after.first?.name else { return nil }
        var changes: [PathChange] = []
        for ((name, oldID), (newName, newID)) in zip(before, after).dropFirst() where oldID != newID {
            guard name == newName else { return nil }
            if name == TrackerLayout.settings {
                guard settings else { continue }
                let kind: PathChange.Kind = oldID == nil ? .added : newID == nil ? .deleted : .modified
                changes.append(PathChange(path: name, kind: kind, oldID: oldID, newID: newID))
                continue
            }
            guard let newID else {
                // The folder is gone: every file under it goes.
                guard let oldID, let gone = try? repository.changes(fromTree: nil, toTree: oldID, under: name) else { return nil }
                changes += gone.map { PathChange(path: $0.path, kind: .deleted, oldID: $0.newID, newID: nil) }
                continue
            }
            guard let changed = try? repository.changes(fromTree: oldID, toTree: newID, under: name) else { return nil }
            changes += changed
        }
        return changes.filter { TrackerLayout.isTracked($0.path) }.sorted { $0.path < $1.path }
    }
}
