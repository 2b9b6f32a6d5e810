public import AccordCore
public import ArgumentParser

/// The options every read command shares: the date to evaluate at, JSON output, the
/// revision to read, whether restricted evidence is shown in full, and colour and paging.
struct ReadOptions: ParsableArguments {
    @Option(name: .customLong("as-of"), help: ArgumentHelp(
        "Evaluate at this day (default today): the tracker as it stood then (instruments signed, texts and register in force, meetings held); later records are ignored.",
        valueName: "yyyy-mm-dd"))
    var asOf: CalendarDate?

    @Option(help: ArgumentHelp("Read the tracker as of this git revision (commit, tag or branch; default HEAD).",
                               valueName: "rev"))
    var revision: String?

    @Flag(help: "Print JSON (keys documented in docs/json.md) instead of a table.")
    var json = false

    @Flag(name: .customLong("include-restricted"), help: ArgumentHelp(
        "Show the title, note, source, url, attachment and values of restricted evidence (needs your age identity)."))
    var includeRestricted = false

    @OptionGroup var terminal: TerminalOptions

    @Option(help: ArgumentHelp(
        "Your age identity file, to read restricted evidence (else $ACCORD_IDENTITY, else git config accord.identity).",
        valueName: "file"))
    var identity: String?

    /// The as-of date: the one given, else today.
    var date: CalendarDate { asOf ?? .today() }

    /// The redaction policy these options ask for.
    var redaction: Redaction { Redaction(includeRestricted: includeRestricted) }
}

extension CalendarDate: ExpressibleByArgument {
    /// Accepts exactly `yyyy-mm-dd`, in ASCII or Khmer digits; ArgumentParser reports
    /// anything else as a usage error (exit 64) naming the value.
    public init?(argument: String) {
        self.init(LocalForms.typed(argument))
    }
}

/// Reads a date option that may be a day, a month or a year (docs/formats.md, "Partial
/// dates"), in ASCII or Khmer digits, naming the option when it is not one (exit 64).
func writtenDate(_ text: String, option: String) throws -> CalendarDate {
    guard let date = CalendarDate(written: LocalForms.typed(text)) else {
        throw AccordError(.usage, L10n.t("{1} is not a date (expected yyyy-mm-dd, or yyyy-mm or yyyy when the day is not known)", text),
                          field: option)
    }
    return date
}

extension Status: ExpressibleByArgument {}
extension Evidence.Kind: ExpressibleByArgument {}
extension Evidence.Sensitivity: ExpressibleByArgument {}
extension ReviewSummary.GapDetail: ExpressibleByArgument {}

extension PartyCode: ExpressibleByArgument {
    /// Accepts a party code in either case (`vn` is `VN`), or `joint` (see `PartyCode.joint`);
    /// where only a country will do, the command refuses `joint` itself.
    public init?(argument: String) {
        self.init(reportingParty: argument.lowercased() == "joint" ? "joint" : argument.uppercased())
    }
}
