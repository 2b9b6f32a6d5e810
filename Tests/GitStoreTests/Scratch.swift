import Foundation
import GitStore

/// A fresh temporary folder for one test, removed when the test ends.
final class Scratch {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("gitstore-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// Runs the git command line in `folder` and returns its standard output.
    @discardableResult
    func git(_ arguments: String..., in folder: URL) throws -> (output: String, status: Int32) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", folder.path] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (String(decoding: data, as: UTF8.self), process.terminationStatus)
    }
}

let alice = Signature(name: "Nguyễn Thị Lan", email: "lan@example.org",
                      date: Date(timeIntervalSince1970: 1_136_073_600), timeZoneOffsetMinutes: 420)

func signature(daysAfter days: Int) -> Signature {
    var signature = alice
    signature.date = alice.date.addingTimeInterval(Double(days) * 86_400)
    return signature
}
