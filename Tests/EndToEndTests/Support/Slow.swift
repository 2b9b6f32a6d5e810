import Foundation
import Testing

extension Tag {
    /// A suite that takes long: many processes, a browser, concurrent writers.
    @Tag static var slow: Self
}

/// Leaves a slow suite out of the quick loop (`make check` sets `ACCORD_QUICK=1`).
let leftOutOfQuickLoop: ConditionTrait = .disabled(if: ProcessInfo.processInfo.environment["ACCORD_QUICK"] == "1",
                                                   "slow: left out of make check")
