import AccordCore
import ArgumentParser
import Foundation

/// Where a new record comes from, for the commands that write one: the same three fields
/// the files carry (`source`, `url`, `illustrative`; docs/formats.md).
struct ProvenanceOptions: ParsableArguments {
    @Option(help: "Where it comes from: the citation (who said it, where and when).")
    var source: String?

    @Option(help: "Where the source can be read.")
    var url: String?

    @Flag(help: "Written for illustration or training, stating no real fact: every output marks it [illustrative].")
    var illustrative = false

    /// The provenance to write, trimmed; empty when nothing was given.
    var provenance: Provenance {
        func text(_ value: String?) -> String? {
            value.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap { $0.isEmpty ? nil : $0 }
        }
        return Provenance(source: text(source), url: text(url), illustrative: illustrative)
    }
}
