import AccordCore
import ArgumentParser
import Foundation
import GitStore

extension Accord {
    /// `accord undo`: take back the last record written here, while no other copy has it.
    struct Undo: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "undo",
            abstract: "Remove the last record you wrote here, before it reaches any remote.",
            discussion: """
            Takes back the commit of the last accord log, evidence add or retract made in this \
            copy, as long as it is still the branch's last commit and no remote has it (no \
            remote-tracking branch holds it: it was never synced). The branch, the index and \
            the working tree move back to the commit before; nothing else changes.

            Once the record may be in another copy, history cannot be taken back: undo \
            refuses (65) and names the command that withdraws it with a new record instead, \
            accord retract ID --reason TEXT.

              accord log tip-2005#7.2 --status implemented --party VN   # a slip
              accord undo

            Exit codes: 65 refused (synced already, other commits since, uncommitted changes \
            to its files), 66 nothing written here to undo, 75 another writer moved the \
            branch meanwhile.
            """)

        @OptionGroup var repository: RepositoryOptions

        func run() throws {
            let tracker = try repository.openTracker()
            guard let last = LastWrite.read(tracker) else {
                throw AccordError(.notFound, L10n.t("nothing to undo: accord has written no record in this copy since the last undo"))
            }
            guard let tip = try tracker.tip(), tip == last.commit else {
                throw AccordError(.data, L10n.t("the last commit is not the record you wrote ({1}, commit {2}): other commits came after it; withdraw it with accord retract {1} --reason TEXT", last.record, last.commit.short))
            }
            let info = try tracker.commit(tip)
            do {
                let parent = try tracker.removeUnpublishedTip(tip)
                LastWrite.forget(tracker)
                Console.say(lines: [L10n.t("undone: {1} (commit {2}, \"{3}\") removed; the branch is back at {4}", last.record, tip.short, info.summary, parent.short)])
            } catch let error as GitError where error.kind == .invalid {
                throw AccordError(.data, L10n.t("cannot undo {1}: {2}; withdraw it with accord retract {1} --reason TEXT", last.record, error.message))
            } catch let error as GitError where error.kind == .conflict {
                throw AccordError(.data, L10n.t("cannot undo {1}: {2}", last.record, error.message))
            }
        }
    }
}
