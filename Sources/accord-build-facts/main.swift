// Writes the Swift source that carries facts of the build into AccordCore: the example
// tracker's files (so `accord init --example` works where no source tree exists) and the
// version from `git describe`, the message catalogs (`Languages/*.po`) and the fonts HTML
// output embeds (`Fonts/*.ttf`). Run by the EmbedBuildFacts plugin on every build.
//
// Usage: accord-build-facts <package folder> <example.swift> <version.swift> <catalogs.swift> <fonts.swift>

import Foundation

let arguments = CommandLine.arguments
guard arguments.count == 6 else {
    FileHandle.standardError.write(Data("usage: accord-build-facts <package folder> <example.swift> <version.swift> <catalogs.swift> <fonts.swift>\n".utf8))
    exit(64)
}
let package = URL(fileURLWithPath: arguments[1])
let exampleOutput = URL(fileURLWithPath: arguments[2])
let versionOutput = URL(fileURLWithPath: arguments[3])
let catalogsOutput = URL(fileURLWithPath: arguments[4])
let fontsOutput = URL(fileURLWithPath: arguments[5])

/// The message catalogs, `Languages/<code>.po`, as (language code, text), in code order.
func catalogFiles() throws -> [(String, String)] {
    let folder = package.appendingPathComponent("Languages")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return try names.filter { $0.hasSuffix(".po") && !$0.hasPrefix(".") }.sorted().map { name in
        (String(name.dropLast(3)), try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8))
    }
}

/// The example's files by project path: `accord.example.yaml` and everything under
/// `Agreements/` and `Plans/`, hidden files left out.
func exampleFiles() throws -> [(String, Data)] {
    var files: [(String, Data)] = []
    let manager = FileManager.default
    let settings = package.appendingPathComponent("accord.example.yaml")
    if let data = manager.contents(atPath: settings.path) { files.append(("accord.example.yaml", data)) }
    for folder in ["Agreements", "Plans"] {
        guard let walker = manager.enumerator(atPath: package.appendingPathComponent(folder).path) else { continue }
        while let relative = walker.nextObject() as? String {
            if relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
            let path = "\(folder)/\(relative)"
            var isFolder: ObjCBool = false
            guard manager.fileExists(atPath: package.appendingPathComponent(path).path, isDirectory: &isFolder),
                  !isFolder.boolValue else { continue }
            files.append((path, try Data(contentsOf: package.appendingPathComponent(path))))
        }
    }
    return files.sorted { $0.0 < $1.0 }
}

/// Runs git in the package folder; nil when git is missing, fails, or prints nothing.
func git(_ arguments: [String]) -> String? {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["git", "-C", package.path] + arguments
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return nil }
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { return nil }
    let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    return text.isEmpty ? nil : text
}

/// The version: a release tag (`v1.2.0` gives `1.2.0`, commits after it `1.2.0-3-gabc1234`);
/// without tags the base version and the commit (`0.1.0-gabc1234`); outside git the base
/// version alone. The base version is the first line of `VERSION` in the package folder.
func version() -> String {
    let baseText = (try? String(contentsOf: package.appendingPathComponent("VERSION"), encoding: .utf8)) ?? ""
    let base = baseText.split(whereSeparator: \.isNewline).first.map(String.init) ?? "0.0.0"
    if let described = git(["describe", "--tags", "--match", "v[0-9]*"]) {
        return String(described.dropFirst())
    }
    if let commit = git(["rev-parse", "--short=7", "HEAD"]) { return "\(base)-g\(commit)" }
    return base
}

func swiftString(_ text: String) -> String {
    var escaped = ""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\\": escaped += "\\\\"
        case "\"": escaped += "\\\""
        case _ where scalar.value < 0x20 || scalar.value == 0x7F: escaped += "\\u{\(String(scalar.value, radix: 16))}"
        default: escaped.unicodeScalars.append(scalar)
        }
    }
    return "\"\(escaped)\""
}

/// Writes `text` unless the file already holds it, so an unchanged example compiles nothing.
func write(_ text: String, to url: URL) throws {
    let data = Data(text.utf8)
    if (try? Data(contentsOf: url)) == data { return }
    try data.write(to: url, options: .atomic)
}

do {
    var example = """
    // Generated at build time from the project's example folder; do not edit.

    /// The example's files as (project path, Base64 content), in path order.
    let embeddedExampleFiles: [(path: String, base64: String)] = [

    """
    for (path, data) in try exampleFiles() {
        example += "    (\(swiftString(path)), \(swiftString(data.base64EncodedString()))),\n"
    }
    example += "]\n"
    try write(example, to: exampleOutput)

    let versionSource = """
    // Generated at build time from `git describe`; do not edit.

    /// Facts about the build of accord.
    public enum AccordBuild {
        /// The version printed by `accord --version`.
        public static let version = \(swiftString(version()))
    }

    """
    try write(versionSource, to: versionOutput)

    var catalogs = """
    // Generated at build time from the project's Languages folder; do not edit.

    /// The message catalogs' `.po` texts by language code, in code order.
    let embeddedCatalogs: [(language: String, text: String)] = [

    """
    for (language, text) in try catalogFiles() {
        catalogs += "    (\(swiftString(language)), \(swiftString(text))),\n"
    }
    catalogs += "]\n"
    try write(catalogs, to: catalogsOutput)

    var fonts = """
    // Generated at build time from the project's Fonts folder; do not edit.

    /// The fonts HTML output may embed, by file name without `.ttf`, as Base64.
    let embeddedFonts: [String: String] = [

    """
    let fontFolder = package.appendingPathComponent("Fonts")
    let fontNames = ((try? FileManager.default.contentsOfDirectory(atPath: fontFolder.path)) ?? []).filter { $0.hasSuffix(".ttf") }.sorted()
    for name in fontNames {
        let data = try Data(contentsOf: fontFolder.appendingPathComponent(name))
        fonts += "    \(swiftString(String(name.dropLast(4)))): \(swiftString(data.base64EncodedString())),\n"
    }
    fonts += fontNames.isEmpty ? "    :\n]\n" : "]\n"
    try write(fonts, to: fontsOutput)
} catch {
    FileHandle.standardError.write(Data("accord-build-facts: \(error)\n".utf8))
    exit(74)
}
