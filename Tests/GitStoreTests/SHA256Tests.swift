import Foundation
import GitStore
import Testing

@Suite struct SHA256Tests {
    /// The test vectors of FIPS 180-4's examples and NIST's long message.
    @Test func matchesTheStandardsVectors() {
        func digest(_ bytes: [UInt8]) -> String {
            let hash = SHA256()
            hash.update(bytes)
            return hash.finalize()
        }
        #expect(digest([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(digest(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(digest(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(digest([UInt8](repeating: 0x61, count: 1_000_000))
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    /// Bytes given in pieces of any size, from any kind of sequence, hash as given whole.
    @Test func piecesHashAsTheWhole() {
        let bytes = (0..<10_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let whole = SHA256()
        whole.update(bytes)
        let pieces = SHA256()
        var start = 0
        for size in [1, 63, 64, 65, 127, 4096, 10_000] where start < bytes.count {
            let end = min(bytes.count, start + size)
            pieces.update(bytes[start..<end].lazy.map { $0 })  // not contiguous: copied first
            start = end
        }
        #expect(pieces.finalize() == whole.finalize())
    }
}
