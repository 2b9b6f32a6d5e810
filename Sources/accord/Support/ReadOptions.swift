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

/// A date as a source may give it: a day (`2019-10-17`), or a month (`2019-10`) or a year
/// (`2019`) when it gives no day (docs/formats.md, "Partial dates"), in ASCII or Khmer
/// digits. For the options that record such a date; anything else is a usage error (exit 64).
struct WrittenDate: ExpressibleByArgument {
    let date: CalendarDate

    init?(argument: String) {
        guard let date = CalendarDate(written: LocalForms.typed(argument)) else { return nil }
        self.date = date
    }
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
