import Foundation

import PackagePlugin

/// Generates AccordCore's embedded example, build version, message catalogs and fonts
/// with `accord-build-facts`.
/// The example's files are the command's inputs, so changing, adding or removing one
/// regenerates the source; so does a new commit (git's HEAD log is an input too).
@main
struct EmbedBuildFacts: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: any Target) async throws -> [Command] {
        let package = context.package.directoryURL
        let output = context.pluginWorkDirectoryURL
        let example = output.appendingPathComponent("EmbeddedExample.swift")
        let version = output.appendingPathComponent("AccordBuild.swift")
        let catalogs = output.appendingPathComponent("EmbeddedCatalogs.swift")
        let fonts = output.appendingPathComponent("EmbeddedFonts.swift")
        var inputs = [package.appendingPathComponent("accord.example.yaml"), package.appendingPathComponent("VERSION")]
        let manager = FileManager.default
        for folder in ["Agreements", "Plans", "Languages", "Fonts"] {
            // The folders themselves are inputs too, so a removed file reruns the command.
            let root = package.appendingPathComponent(folder)
            inputs.append(root)
            guard let walker = manager.enumerator(at: root, includingPropertiesForKeys: nil) else { continue }
            for case let url as URL in walker { inputs.append(url) }
        }
        inputs.append(contentsOf: gitInputs(package))
        return [.buildCommand(
            displayName: "Embedding the example, the version, the message catalogs and the fonts",
            executable: try context.tool(named: "accord-build-facts").url,
            arguments: [package.path, example.path, version.path, catalogs.path, fonts.path],
            inputFiles: inputs.filter { manager.fileExists(atPath: $0.path) },
            outputFiles: [example, version, catalogs, fonts])]
    }

    /// git's HEAD and its log, which change on every commit and checkout; `.git` may be a
    /// folder or, in a worktree, a file naming the real one.
    func gitInputs(_ package: URL) -> [URL] {
        let dotGit = package.appendingPathComponent(".git")
        var gitFolder = dotGit
        if let text = try? String(contentsOf: dotGit, encoding: .utf8), text.hasPrefix("gitdir:") {
            let path = text.dropFirst("gitdir:".count).trimmingCharacters(in: .whitespacesAndNewlines)
            gitFolder = path.hasPrefix("/") ? URL(fileURLWithPath: path) : package.appendingPathComponent(path)
        }
        return [gitFolder.appendingPathComponent("HEAD"), gitFolder.appendingPathComponent("logs/HEAD")]
    }
}
