public import Testing

/// `@Test(.scratchFolder)`, or `@Suite(.scratchFolder)` for every test of a suite: each test
/// (each case of a parameterized one) runs with a fresh folder of its own,
/// `ScratchFolder.current`, removed when the test ends.
public struct ScratchFolderTrait: TestTrait, SuiteTrait, TestScoping {
    public init() {}

    /// Given to a suite, every test in it gets its own folder.
    public var isRecursive: Bool { true }

    public func provideScope(for test: Test, testCase: Test.Case?,
                             performing function: @Sendable () async throws -> Void) async throws {
        let folder = try ScratchFolder()
        try await ScratchFolder.$scoped.withValue(folder) { try await function() }
    }
}

extension Trait where Self == ScratchFolderTrait {
    /// A fresh scratch folder for each test, `ScratchFolder.current`.
    public static var scratchFolder: Self { Self() }
}

extension ScratchFolder {
    @TaskLocal static var scoped: ScratchFolder?

    /// The running test's folder, given by the `.scratchFolder` trait.
    public static var current: ScratchFolder {
        get throws {
            guard let scoped else { throw Command.TimedOut(description: "no scratch folder: give the test the .scratchFolder trait") }
            return scoped
        }
    }
}
