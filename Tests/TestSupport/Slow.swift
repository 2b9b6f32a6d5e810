import Foundation
public import Testing

extension Tag {
    /// A suite or test that takes long: many processes, a browser, concurrent writers, a hub,
    /// large real texts.
    @Tag public static var slow: Self
}

/// Leaves a slow suite or test out of `make test` and `make check`, which set
/// `ACCORD_SKIP_SLOW=1`; `make test-slow` runs them (CI runs it after `make test`), and a
/// plain `swift test` runs everything. Every test target tags its slow tests this way.
public let runBySlowTarget: ConditionTrait = .disabled(if: ProcessInfo.processInfo.environment["ACCORD_SKIP_SLOW"] == "1",
                                                       "slow: run by make test-slow")
