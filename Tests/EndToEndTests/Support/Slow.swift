import Foundation
import Testing

extension Tag {
    /// A suite or test that takes long: many processes, a browser, concurrent writers, a hub.
    @Tag static var slow: Self
}

/// Leaves a slow suite or test out of `make test` and `make check`, which set
/// `ACCORD_SKIP_SLOW=1`; `make test-slow` runs them (CI runs it after `make test`), and a
/// plain `swift test` runs everything.
let runBySlowTarget: ConditionTrait = .disabled(if: ProcessInfo.processInfo.environment["ACCORD_SKIP_SLOW"] == "1",
                                                "slow: run by make test-slow")
