public import AccordReports
public import ArgumentParser

/// `--color` and `--no-pager`: how a command's text looks and whether it pages, taken by
/// every command that prints a report (through `ReadOptions`, or as an `@OptionGroup` of its
/// own). `Console` turns them, the environment and git config into one decision.
struct TerminalOptions: ParsableArguments {
    @Option(name: .customLong("color"), help: ArgumentHelp(
        "auto (default: on a terminal, unless NO_COLOR), always (even into a pipe, e.g. for less -R) or never.",
        valueName: "when"))
    var colour: ColourChoice?

    @Flag(name: .customLong("no-pager"), help: "Print straight to the terminal, without the pager (else $ACCORD_PAGER, git config accord.pager or core.pager, $PAGER, less -FRX).")
    var noPager = false
}

extension ColourChoice: ExpressibleByArgument {
    /// Accepts auto, always or never, and git's boolean spellings.
    public init?(argument: String) { self.init(setting: argument) }

    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}
