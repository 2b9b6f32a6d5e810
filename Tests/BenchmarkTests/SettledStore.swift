@testable import AccordCore
import GitStore

extension Repository {
    /// The repository's derived store, opened as a command opens it, once the writes
    /// handed over to its queue (texts, history) are done: what a later command would find.
    var settledDerivedStore: DerivedStore? {
        let store = DerivedStore.open(gitDirectory: gitDirectory)
        store?.waitForLaterWrites()
        return store
    }
}
