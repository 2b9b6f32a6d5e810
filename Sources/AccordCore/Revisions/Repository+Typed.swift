public import GitStore

extension Repository {
    /// The commit `revision` names as typed, else with its Khmer digits read as ASCII ones
    /// (``LocalForms/typed(_:)``): a short commit id copied from a table written in Khmer
    /// digits. When neither names a commit, the error is the one for what was typed.
    public func resolve(typed revision: String) throws -> ObjectID {
        do {
            return try resolve(revision)
        } catch let error as GitError where error.kind == .notFound || error.kind == .invalid {
            let ascii = LocalForms.typed(revision)
            guard ascii != revision, let found = try? resolve(ascii) else { throw error }
            return found
        }
    }
}
