internal import CLibGit2
internal import Foundation

/// Every commit reachable from a tip, with what the history of paths inside one top-level
/// folder needs of it: its parents, its commit time and the folder's entry in its root tree.
///
/// `Repository.histories(of:)` answers from this when its paths share a top-level folder
/// (`accord gaps` asks for every instrument's `Agreements/<id>`). The commit index answers
/// the same questions, but building it compares every changed tree at every depth of every
/// commit; this reads each commit and its root tree only, about a third of the objects, and
/// looks inside the folder only in the few versions of it there are.
///
/// Kept by the caller's ``HistoryStore``, per commit. Commit ids never change meaning, so
/// nothing stored can be stale; a later tip reads what is stored and reads from git only
/// the commits it lacks, which are then stored too.
struct FolderHistory {
    /// The folder's entry in one commit's root tree: a mode change alone is a change, as
    /// for git.
    struct Entry: Hashable {
        var id: RawObjectID
        var mode: UInt32
    }

    /// The top-level folder's name (no slash).
    let folder: String
    /// The commits, the tip at 0; every parent of a commit is here too.
    private(set) var ids: [RawObjectID] = []
    private(set) var times: [Int64] = []
    /// The parents of commit `k` are `parents[parentStarts[k] ..< parentStarts[k + 1]]`.
    private(set) var parentStarts: [Int32] = [0]
    private(set) var parents: [Int32] = []
    /// Each commit's entry: an index into `entries`, or -1 when the folder is absent.
    private(set) var entryOf: [Int32] = []
    /// The folder's distinct entries; equal entries share an index.
    private(set) var entries: [Entry] = []

    init(folder: String) {
        self.folder = folder
    }

    var count: Int { ids.count }

    func parentRange(of commit: Int) -> Range<Int> {
        Int(parentStarts[commit])..<Int(parentStarts[commit + 1])
    }

    /// The entry of `folder` in the root tree of `commit` (whose id is `id`); nil when the
    /// folder is absent.
    static func entry(of folder: String, inCommit commit: OpaquePointer, id: RawObjectID) throws -> Entry? {
        var tree: OpaquePointer?
        try check(git_commit_tree(&tree, commit), "cannot read the tree of commit \(id.objectID.short)")
        defer { git_tree_free(tree) }
        guard let found = git_tree_entry_byname(tree, folder) else { return nil }
        return Entry(id: RawObjectID(git_tree_entry_id(found)), mode: git_tree_entry_filemode(found).rawValue)
    }

    // MARK: - Building

    /// The folder's history from `tip`: what `store` holds, extended by the commits it
    /// lacks, read from git (and given to `store`, best effort).
    static func load(_ folder: String, from tip: RawObjectID, in repository: Repository,
                     store: (any HistoryStore)?) throws -> FolderHistory {
        let known = store.map { stored(folder, in: $0) } ?? (history: FolderHistory(folder: folder), positions: [:])
        var added: [StoredFolderCommit] = []
        let history = try withoutObjectCache {
            try walk(folder, from: tip, in: repository, known: known.history, knownPositions: known.positions, added: &added)
        }
        if !added.isEmpty { store?.addFolderCommits(added, folder: folder) }
        return history
    }

    /// What `store` holds of `folder`'s history, in no particular order, and the position of
    /// each commit in it; empty when a commit there lacks a parent (a store that lost part of
    /// an addition): then it is all read again.
    private static func stored(_ folder: String, in store: any HistoryStore) -> (history: FolderHistory, positions: [RawObjectID: Int32]) {
        let commits = store.storedFolderCommits(folder)
        var history = FolderHistory(folder: folder)
        var positions: [RawObjectID: Int32] = [:]
        positions.reserveCapacity(commits.count)
        for commit in commits where positions[commit.id] == nil { positions[commit.id] = Int32(positions.count) }
        var entryNumbers: [Entry: Int32] = [:]
        history.ids.reserveCapacity(positions.count)
        // Positions were given in the order ids are first met: a commit is placed where its
        // id is first met, and a repeated one passed over.
        for commit in commits where positions[commit.id] == Int32(history.ids.count) {
            history.ids.append(commit.id)
            history.times.append(commit.time)
            history.entryOf.append(commit.entry.map { history.entryNumber(Entry(id: $0, mode: commit.mode), numbers: &entryNumbers) } ?? -1)
            for parent in commit.parents {
                guard let position = positions[parent] else { return (FolderHistory(folder: folder), [:]) }
                history.parents.append(position)
            }
            history.parentStarts.append(Int32(history.parents.count))
        }
        return (history, positions)
    }

    /// Reads from git every commit reachable from `tip` that `known` lacks (its commit and
    /// root tree), then keeps of the two only what `tip` reaches, `tip` first.
    /// `knownPositions` gives the position of each commit of `known`. The commits read from
    /// git are appended to `added`.
    private static func walk(_ folder: String, from tip: RawObjectID, in repository: Repository, known: FolderHistory,
                             knownPositions: [RawObjectID: Int32], added: inout [StoredFolderCommit]) throws -> FolderHistory {

        struct Read {
            var id: RawObjectID
            var time: Int64
            var parents: [RawObjectID]
            var entry: Entry?
        }
        var read: [Read] = []
        var readPositions: [RawObjectID: Int32] = [:]
        var pending = [tip]
        while let id = pending.popLast() {
            if readPositions[id] != nil || knownPositions[id] != nil { continue }
            let commit = try repository.withCommit(id) { commit -> Read in
                let parents = (0..<git_commit_parentcount(commit)).compactMap { git_commit_parent_id(commit, $0).map(RawObjectID.init) }
                return Read(id: id, time: Int64(git_commit_time(commit)), parents: parents,
                            entry: try entry(of: folder, inCommit: commit, id: id))
            }
            readPositions[id] = Int32(read.count)
            read.append(commit)
            added.append(StoredFolderCommit(id: id, time: commit.time, parents: commit.parents,
                                            entry: commit.entry?.id, mode: commit.entry?.mode ?? 0))
            // First parent last, so a line of commits is read child before parent.
            pending.append(contentsOf: commit.parents.reversed())
        }

        // The commits `tip` reaches, numbered in the order they are first met (tip first):
        // read ones by their place in `read`, known ones by theirs in `known`.
        enum Node { case read(Int32), known(Int32) }
        func node(_ id: RawObjectID) -> Node {
            if let position = readPositions[id] { return .read(position) }
            return .known(knownPositions[id]!)
        }
        var history = FolderHistory(folder: folder)
        // Each node's number once met (-1 before): by position, read and known apart.
        var readNumbers = [Int32](repeating: -1, count: read.count)
        var knownNumbers = [Int32](repeating: -1, count: known.count)
        func number(_ node: Node) -> Int32 {
            switch node {
            case .read(let position): readNumbers[Int(position)]
            case .known(let position): knownNumbers[Int(position)]
            }
        }
        func setNumber(_ node: Node, _ value: Int32) {
            switch node {
            case .read(let position): readNumbers[Int(position)] = value
            case .known(let position): knownNumbers[Int(position)] = value
            }
        }
        var entryNumbers: [Entry: Int32] = [:]
        // The number in `history` of each of `known`'s entries, once one of its commits is placed.
        var knownEntryNumbers = [Int32](repeating: -1, count: known.entries.count)
        var order: [Node] = [node(tip)]
        setNumber(order[0], 0)
        var next = 0
        while next < order.count {
            let current = order[next]
            next += 1
            let parentNodes: [Node]
            switch current {
            case .read(let position):
                let commit = read[Int(position)]
                history.ids.append(commit.id)
                history.times.append(commit.time)
                history.entryOf.append(commit.entry.map { history.entryNumber($0, numbers: &entryNumbers) } ?? -1)
                parentNodes = commit.parents.map(node)
            case .known(let position):
                history.ids.append(known.ids[Int(position)])
                history.times.append(known.times[Int(position)])
                let entry = Int(known.entryOf[Int(position)])
                if entry >= 0, knownEntryNumbers[entry] < 0 {
                    knownEntryNumbers[entry] = history.entryNumber(known.entries[entry], numbers: &entryNumbers)
                }
                history.entryOf.append(entry < 0 ? -1 : knownEntryNumbers[entry])
                parentNodes = known.parentRange(of: Int(position)).map { .known(known.parents[$0]) }
            }
            for parent in parentNodes {
                let found = number(parent)
                if found >= 0 {
                    history.parents.append(found)
                } else {
                    setNumber(parent, Int32(order.count))
                    history.parents.append(Int32(order.count))
                    order.append(parent)
                }
            }
            history.parentStarts.append(Int32(history.parents.count))
        }
        return history
    }

    private mutating func entryNumber(_ entry: Entry, numbers: inout [Entry: Int32]) -> Int32 {
        if let number = numbers[entry] { return number }
        numbers[entry] = Int32(entries.count)
        entries.append(entry)
        return Int32(entries.count - 1)
    }

    // MARK: - Answering

    /// The commits that changed `path` (the folder itself or a path inside it) in the
    /// history of the tip, newest first, as positions: `git log -- PATH` with git's default
    /// simplification, exactly as `Repository.history(of:)` walks it (see there).
    /// `entryInFolder` finds the entry at `path` inside a version of the folder (nil when
    /// absent); it is asked once per version.
    func history(inside entryInFolder: (Entry) throws -> Entry?) rethrows -> [Int32] {
        // The path's entry in each version of the folder, looked up when first needed.
        var inside = [Entry??](repeating: nil, count: entries.count)
        func entry(of commit: Int32) throws -> Entry? {
            let version = entryOf[Int(commit)]
            guard version >= 0 else { return nil }
            if let known = inside[Int(version)] { return known }
            let found = try entryInFolder(entries[Int(version)])
            inside[Int(version)] = .some(found)
            return found
        }
        var queue: [(time: Int64, order: Int, commit: Int32)] = [(times[0], 0, 0)]
        var queued = [Bool](repeating: false, count: count)
        queued[0] = true
        var order = 0
        var result: [Int32] = []
        while !queue.isEmpty {
            // A line of commits keeps one commit queued: no search then.
            let next = queue.count == 1 ? 0 : queue.indices.max { a, b in
                queue[a].time != queue[b].time ? queue[a].time < queue[b].time : queue[a].order > queue[b].order
            }!
            let commit = queue.remove(at: next).commit
            let parentRange = parentRange(of: Int(commit))
            // The first parent whose entry is the commit's: only it is followed, and the
            // commit is not listed.
            var same: Int32?
            for index in parentRange {
                let parent = parents[index]
                let equal = try entryOf[Int(commit)] == entryOf[Int(parent)] || entry(of: commit) == entry(of: parent)
                if equal {
                    same = parent
                    break
                }
            }
            let listed = parentRange.isEmpty ? try entry(of: commit) != nil : same == nil
            if listed { result.append(commit) }
            func follow(_ parent: Int32) {
                guard !queued[Int(parent)] else { return }
                queued[Int(parent)] = true
                order += 1
                queue.append((times[Int(parent)], order, parent))
            }
            if let same { follow(same) } else { for index in parentRange { follow(parents[index]) } }
        }
        return result
    }
}
