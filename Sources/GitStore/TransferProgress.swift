/// How far a fetch or push has got, reported while objects cross the wire.
public struct TransferProgress: Sendable, Equatable {
    /// Which way the objects are going.
    public enum Direction: Sendable, Equatable {
        /// Objects arriving from the remote (fetch).
        case receiving
        /// Objects leaving for the remote (push).
        case sending
    }

    /// Receiving or sending.
    public let direction: Direction
    /// Objects transferred so far.
    public let objects: Int
    /// Objects to transfer in all (0 while unknown).
    public let totalObjects: Int
    /// Bytes transferred so far.
    public let bytes: Int

    /// Creates a progress value.
    public init(direction: Direction, objects: Int, totalObjects: Int, bytes: Int) {
        self.direction = direction
        self.objects = objects
        self.totalObjects = totalObjects
        self.bytes = bytes
    }
}
