public import Foundation
internal import CLibGit2

/// Loose objects (one zlib-compressed file per object under `objects/`) checked without
/// libgit2: libgit2 1.5 loops forever on a loose object whose compressed data is cut short,
/// so the only safe way to find one is to inflate the files with zlib directly.
public enum LooseObjects {
    /// A loose object that cannot be read.
    public struct Damage: Sendable, Equatable {
        /// The object's id, as its file name spells it.
        public let id: String
        /// The file.
        public let path: String
        /// What is wrong with it.
        public let problem: Problem
    }

    /// What is wrong with a loose object's file.
    public enum Problem: Sendable, Equatable {
        /// The compressed data ends before the object does (a file cut short).
        case truncated
        /// The file is not zlib data, or its data is damaged.
        case corrupt
        /// It inflates, but not to the length its header gives.
        case wrongLength
        /// The file cannot be read.
        case unreadable
    }

    /// The loose objects of the repository at `gitDirectory` that cannot be read, in the
    /// order of their files (at most `limit`). Every file is inflated to its end: this costs
    /// about as much as reading every loose object, so it is for when a read already seems
    /// stuck, not for every command.
    public static func damaged(in gitDirectory: URL, limit: Int = 5) -> [Damage] {
        let objects = objectsFolder(of: gitDirectory)
        var found: [Damage] = []
        let files = FileManager.default
        for high in 0..<256 {
            let prefix = String(format: "%02x", high)
            let folder = objects.appendingPathComponent(prefix)
            guard let names = try? files.contentsOfDirectory(atPath: folder.path) else { continue }
            for name in names.sorted() where name.utf8.count == 38 && name.utf8.allSatisfy(\.isHexDigit) {
                let path = folder.appendingPathComponent(name).path
                if let problem = check(path) {
                    found.append(Damage(id: prefix + name, path: path, problem: problem))
                    if found.count >= limit { return found }
                }
            }
        }
        return found
    }

    /// The objects folder: a linked worktree's git folder names the shared one in `commondir`.
    static func objectsFolder(of gitDirectory: URL) -> URL {
        let common = gitDirectory.appendingPathComponent("commondir")
        if let text = try? String(contentsOf: common, encoding: .utf8) {
            let relative = text.trimmingCharacters(in: .whitespacesAndNewlines)
            let base = relative.hasPrefix("/") ? URL(fileURLWithPath: relative)
                : gitDirectory.appendingPathComponent(relative)
            return base.standardizedFileURL.appendingPathComponent("objects")
        }
        return gitDirectory.appendingPathComponent("objects")
    }

    /// What is wrong with the loose object file at `path`; nil when it inflates to its end
    /// and to the length its header (`blob 1234\0`) gives.
    static func check(_ path: String) -> Problem? {
        guard let data = FileManager.default.contents(atPath: path) else { return .unreadable }
        var stream = z_stream()
        guard accord_inflate_init(&stream) == Z_OK else { return .unreadable }
        defer { inflateEnd(&stream) }
        let chunk = 65_536
        var output = [UInt8](repeating: 0, count: chunk)
        var header: [UInt8] = []
        var inflated = 0
        return data.withUnsafeBytes { input -> Problem? in
            stream.next_in = UnsafeMutablePointer(mutating: input.bindMemory(to: Bytef.self).baseAddress)
            stream.avail_in = uInt(input.count)
            while true {
                let (code, produced) = output.withUnsafeMutableBufferPointer { buffer -> (Int32, Int) in
                    stream.next_out = buffer.baseAddress
                    stream.avail_out = uInt(chunk)
                    let code = inflate(&stream, Z_NO_FLUSH)
                    return (code, chunk - Int(stream.avail_out))
                }
                if header.count < 32, !header.contains(0) { header += output.prefix(min(produced, 32)) }
                inflated += produced
                switch code {
                case Z_STREAM_END:
                    guard let zero = header.firstIndex(of: 0),
                          let space = header[..<zero].firstIndex(of: UInt8(ascii: " ")),
                          let size = Int(String(decoding: header[(space + 1)..<zero], as: UTF8.self))
                    else { return .corrupt }
                    return inflated == zero + 1 + size ? nil : .wrongLength
                case Z_OK:
                    continue
                case Z_BUF_ERROR:
                    // No progress: the input ran out before the stream's end.
                    if stream.avail_in == 0 { return .truncated }
                    continue
                default:
                    return .corrupt
                }
            }
        }
    }
}

private extension UInt8 {
    var isHexDigit: Bool { (0x30...0x39).contains(self) || (0x61...0x66).contains(self) }
}
