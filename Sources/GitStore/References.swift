internal import CLibGit2

extension Repository {
    /// Every direct reference whose full name starts with `prefix` (e.g. `refs/remotes/`),
    /// with the object it points at, sorted by name. Symbolic references are left out.
    public func references(under prefix: String) throws -> [(name: String, target: ObjectID)] {
        var iterator: OpaquePointer?
        try check(git_reference_iterator_new(&iterator, pointer), "cannot list references")
        defer { git_reference_iterator_free(iterator) }
        var result: [(name: String, target: ObjectID)] = []
        while true {
            var reference: OpaquePointer?
            let code = git_reference_next(&reference, iterator)
            if code == GIT_ITEROVER.rawValue { break }
            try check(code, "cannot list references")
            defer { git_reference_free(reference) }
            guard let name = decodeCString(git_reference_name(reference)), name.hasPrefix(prefix),
                  let target = git_reference_target(reference) else { continue }
            result.append((name, ObjectID(target.pointee)))
        }
        return result.sorted { $0.name < $1.name }
    }

    /// True when `commit` is `ancestor` or has it in its history.
    func history(of commit: ObjectID, contains ancestor: ObjectID) throws -> Bool {
        if commit == ancestor { return true }
        var descendant = commit.oid, older = ancestor.oid
        return try check(git_graph_descendant_of(pointer, &descendant, &older), "cannot compare two histories") == 1
    }

    /// The newest commit both histories hold (their merge base); nil when they share none.
    func mergeBase(_ one: ObjectID, _ other: ObjectID) throws -> ObjectID? {
        var base = git_oid(), first = one.oid, second = other.oid
        let code = git_merge_base(&base, pointer, &first, &second)
        if code == GIT_ENOTFOUND.rawValue { return nil }
        try check(code, "cannot find where the two histories meet")
        return ObjectID(base)
    }

    /// True when the two commits share some history (a merge base exists).
    func haveCommonHistory(_ one: ObjectID, _ other: ObjectID) throws -> Bool {
        var base = git_oid(), first = one.oid, second = other.oid
        let code = git_merge_base(&base, pointer, &first, &second)
        if code == GIT_ENOTFOUND.rawValue { return false }
        try check(code, "cannot find where the two histories meet")
        return true
    }
}
