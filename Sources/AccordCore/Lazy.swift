internal import Foundation

/// A value made the first time it is asked for, then kept; safe to share between threads.
/// For the costly parts of a read that many commands never need (the id catalog, the state).
public final class Lazy<Value: Sendable>: @unchecked Sendable {
    // `@unchecked`: `made` is only touched under `lock`.
    private let lock = NSLock()
    private let make: @Sendable () -> Value
    private var made: Value?

    public init(_ make: @escaping @Sendable () -> Value) { self.make = make }

    /// Whether the value has been made.
    public var isMade: Bool {
        lock.lock()
        defer { lock.unlock() }
        return made != nil
    }

    public var value: Value {
        lock.lock()
        defer { lock.unlock() }
        if let made { return made }
        let value = make()
        made = value
        return value
    }
}
