import AccordCore
import AccordReports
import Foundation
import Mustache

/// The pages' templates, compiled into the binary so that an installed `accord` needs no
/// data folder. Every word a page shows is here, in one place, written `[[English]]`:
/// ``localized(_:)`` puts each in the page's language through the message catalogs
/// (`scripts/update-catalogs.py` collects them from this file).
///
/// Templates are Mustache (`{{value}}` escapes HTML; nothing here uses the unescaped
/// form). Each page fills the layout's `content` block; the layout has the navigation, the
/// as-of date picker and the style sheet (no script, nothing fetched from elsewhere, a
/// print style that drops the navigation and forms).
enum PageTemplates {
    static let all: [String: String] = [
        "layout": layout, "dashboard": dashboard, "show": show, "instrument": instrument, "gaps": gaps, "gapPages": gapPages,
        "schedule": schedule, "meetings": meetings, "meeting": meeting, "history": history,
        "log": logForm, "evidence": evidenceForm, "retract": retractForm, "login": login, "message": message,
        "fieldProblem": fieldProblem, "meetingForm": meetingForm, "search": search, "sync": sync,
        "instrumentForm": instrumentForm, "amendForm": amendForm, "outcome": outcome, "changesField": changesField,
        "planImportForm": planImportForm, "reportImportForm": reportImportForm,
    ]

    /// The templates in `language`: each `[[English]]` replaced by its translation
    /// (HTML-escaped; a Mustache tag inside it, `{{asOf}}`, stays a tag).
    static func localized(_ language: Language) -> [String: String] {
        let marked = try! NSRegularExpression(pattern: #"\[\[(.+?)\]\]"#, options: [.dotMatchesLineSeparators])
        return all.mapValues { template in
            var result = ""
            var last = template.startIndex
            for match in marked.matches(in: template, range: NSRange(template.startIndex..., in: template)) {
                let whole = Range(match.range, in: template)!, english = Range(match.range(at: 1), in: template)!
                result += template[last..<whole.lowerBound]
                result += HTMLText.escape(L10n.t(String(template[english]), in: language))  // catalog: template words
                last = whole.upperBound
            }
            return result + template[last...]
        }
    }

    /// The templates in `language`, compiled, each escaping values as ``HTMLText/escape(_:)``
    /// does: Mustache's own HTML escaping goes character by character, so it leaves a quote
    /// or `<` that carries a combining mark (one Character) as it is, and a browser reads
    /// it (in an attribute, such a quote would end the value).
    static func library(_ language: Language) throws -> MustacheLibrary {
        _ = EscapedHTML.registered
        var library = MustacheLibrary()
        for (name, text) in localized(language) {
            try library.register("{{% CONTENT_TYPE: \(EscapedHTML.name)}}" + text, named: name)
        }
        return library
    }

    /// HTML whose values are escaped byte by byte.
    struct EscapedHTML: MustacheContentType {
        static let name = "ACCORD_HTML"
        /// Registered with Mustache once, before the first template naming it is read.
        static let registered: Void = MustacheContentTypes.register(EscapedHTML(), named: name)
        func escapeText(_ text: String) -> String { HTMLText.escape(text) }
    }

    static let layout = """
    <!DOCTYPE html>
    <html lang="{{lang}}">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>{{$title}}accord{{/title}} · {{trackerName}}</title>
    <style>
    :root { --ink: #1b1b1b; --muted: #555; --line: #c8c8c8; --accent: #0b4f8a; --bad: #a4000f; --good: #135e1f; }
    * { box-sizing: border-box; }
    \(DocumentFont.khmer.fontFace(source: Site.khmerFontPath))
    body { font-family: "\(DocumentFont.khmer.family)", system-ui, "Noto Sans", sans-serif; color: var(--ink); margin: 0; line-height: 1.45; }
    header { background: #f2f4f7; border-bottom: 1px solid var(--line); padding: .5rem 1rem; }
    header nav { display: flex; flex-wrap: wrap; gap: .25rem 1rem; align-items: center; }
    header a { color: var(--accent); }
    .brand { font-weight: 700; margin-right: .5rem; }
    main { padding: 1rem; max-width: 72rem; margin: 0 auto; }
    h1 { font-size: 1.4rem; margin: .25rem 0 .75rem; }
    h2 { font-size: 1.15rem; margin-top: 1.5rem; }
    table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
    th, td { border-bottom: 1px solid var(--line); padding: .3rem .4rem; text-align: left; vertical-align: top; }
    th { background: #f7f7f7; }
    td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
    .scroll { overflow-x: auto; }
    form.inline { display: flex; flex-wrap: wrap; gap: .5rem; align-items: end; margin: .5rem 0; }
    label { display: block; font-weight: 600; margin-top: .75rem; }
    form.inline label { margin-top: 0; }
    input, select, textarea, button { font: inherit; padding: .35rem .5rem; max-width: 100%; }
    input[type=text], input[type=password], textarea, select.wide { width: 100%; }
    button { background: var(--accent); color: #fff; border: 0; border-radius: 3px; cursor: pointer; min-height: 2.5rem; }
    .problem { color: var(--bad); margin: .2rem 0; white-space: pre-line; }
    fieldset { border: 1px solid var(--line); margin: .75rem 0; min-width: 0; }
    label.check { display: inline; font-weight: 400; }
    .problems { border: 2px solid var(--bad); padding: .5rem 1rem; }
    .done { border: 2px solid var(--good); padding: .5rem 1rem; }
    .muted, .notice { color: var(--muted); font-size: .9rem; }
    .text { white-space: pre-wrap; }
    .bar { display: inline-block; height: .7rem; background: var(--good); vertical-align: middle; }
    .status-overdue, .severity-high { color: var(--bad); font-weight: 600; }
    /* On a narrow screen a table wider than the screen (a reporter's address, a long id)
       scrolls inside its own box; the page itself never does. */
    @media (max-width: 40rem) {
      td, th { padding: .25rem; font-size: .9rem; } main { padding: .5rem; }
      main table:not(.stack) { display: block; overflow-x: auto; }
    }
    /* A narrow screen shows each row of a .stack table as a card: the name across, then
       each count with its column's heading (data-label) beside it, two to a line. */
    @media (max-width: 40rem) {
      table.stack thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
      table.stack, table.stack tbody { display: block; }
      table.stack tr { display: grid; grid-template-columns: 1fr 1fr; column-gap: 1rem; border-bottom: 2px solid var(--line); padding: .25rem 0; }
      table.stack td { display: flex; justify-content: space-between; gap: .5rem; border: 0; padding: .1rem 0; min-width: 0; }
      table.stack td::before { content: attr(data-label); color: var(--muted); text-align: left; }
      table.stack td.whole { grid-column: 1 / -1; display: block; overflow-wrap: anywhere; }
      table.stack td.whole::before { content: none; }
      table.stack td.party { font-weight: 600; }
      table.stack td.across { grid-column: 1 / -1; }
      table.stack td:empty { display: none; }
    }
    @media print { header, form, .downloads, .noprint { display: none !important; } main { max-width: none; } a { color: inherit; text-decoration: none; } }
    </style>
    </head>
    <body>
    <header>
    <nav aria-label="[[Main]]">
    <span class="brand">accord</span>
    <a href="/?as-of={{asOf}}">[[Dashboard]]</a>
    <a href="/gaps?as-of={{asOf}}">[[Gaps]]</a>
    <a href="/schedule?as-of={{asOf}}">[[Schedule]]</a>
    <a href="/meetings?as-of={{asOf}}">[[Meetings]]</a>
    <a href="/history">[[History]]</a>
    <a href="/search?as-of={{asOf}}">[[Search]]</a>
    <a href="/sync">[[Sync]]</a>
    {{#canReport}}<a href="/log">[[Log progress]]</a> <a href="/evidence">[[Add evidence]]</a>{{/canReport}}
    {{#canEdit}}<a href="/meetings/new">[[Add a meeting]]</a> <a href="/instruments/new">[[Add an instrument]]</a> <a href="/plans/import">[[Import plan items]]</a> <a href="/reports/import">[[Import status reports]]</a> <a href="/retract">[[Retract]]</a>{{/canEdit}}
    <span lang="en"><a href="/language?to=en&amp;back={{hereURL}}" hreflang="en">English</a></span>
    <span lang="vi"><a href="/language?to=vi&amp;back={{hereURL}}" hreflang="vi">Tiếng Việt</a></span>
    <span lang="km"><a href="/language?to=km&amp;back={{hereURL}}" hreflang="km">ខ្មែរ</a></span>
    {{#user}}<span class="muted">{{name}} ({{party}}, {{role}})</span>
    <form method="post" action="/logout" class="inline"><input type="hidden" name="csrf" value="{{csrf}}"><button type="submit">[[Sign out]]</button></form>{{/user}}
    </nav>
    {{^hideAsOf}}
    <form method="get" class="inline" aria-label="[[Date]]">
    {{#asOfFields}}<input type="hidden" name="{{name}}" value="{{value}}">{{/asOfFields}}
    <label for="as-of">[[As of]]</label>
    <input type="date" id="as-of" name="as-of" value="{{asOf}}">
    <button type="submit">[[Show]]</button>
    </form>
    {{/hideAsOf}}
    </header>
    <main>
    {{$content}}{{/content}}
    {{#notice}}<p class="notice">{{text}}</p>{{/notice}}
    </main>
    </body>
    </html>
    """

    static let dashboard = """
    {{<layout}}
    {{$title}}[[Dashboard]]{{/title}}
    {{$content}}
    <h1>[[Where things stand on {{asOf}}]]</h1>
    <p class="downloads"><a href="/status.csv?as-of={{asOf}}" download>[[Download CSV]]</a> · <a href="/status.xlsx?as-of={{asOf}}" download>[[Download spreadsheet (.xlsx)]]</a></p>
    {{#nextReview}}<p>[[Next review: {{date}} — {{title}}]] (<a href="/show?id={{owner}}&amp;as-of={{asOf}}">{{owner}}</a>)</p>{{/nextReview}}
    <p class="muted" id="dashboard-legend">[[Targets done (implemented or not applicable), in progress, not started and blocked, per party]]</p>
    <div class="scroll">
    <table aria-describedby="dashboard-legend" class="stack">
    <thead><tr><th scope="col">[[Instrument or plan area]]</th><th scope="col">[[Party]]</th><th scope="col" class="n">[[Targets]]</th>
    <th scope="col" class="n">[[Done]]</th><th scope="col" class="n">[[In progress]]</th><th scope="col" class="n">[[Partial]]</th><th scope="col" class="n">[[Not started]]</th>
    <th scope="col" class="n">[[Blocked]]</th><th scope="col" class="n">[[Overdue]]</th><th scope="col" class="n">[[With evidence]]</th></tr></thead>
    <tbody>
    {{#groups}}
    {{#parties}}
    <tr><td class="whole">{{#first}}<a href="/show?id={{idURL}}&amp;as-of={{asOf}}">{{id}}</a><br><span class="muted">{{title}}</span>{{/first}}</td>
    <td class="whole party">{{party}}</td><td class="n" data-label="[[Targets]]">{{targets}}</td><td class="n" data-label="[[Done]]">{{done}}</td><td class="n" data-label="[[In progress]]">{{counts.in-progress}}</td>
    <td class="n" data-label="[[Partial]]">{{counts.partial}}</td><td class="n" data-label="[[Not started]]">{{counts.not-started}}</td><td class="n" data-label="[[Blocked]]">{{counts.blocked}}</td>
    <td class="n" data-label="[[Overdue]]">{{#overdueAlert}}<span class="status-overdue">{{overdue}}</span>{{/overdueAlert}}{{^overdueAlert}}0{{/overdueAlert}}</td>
    <td class="n across" data-label="[[With evidence]]">{{#first}}[[{{withEvidence}} of {{groupTargets}}]]{{/first}}</td></tr>
    {{/parties}}
    {{/groups}}
    </tbody>
    </table>
    </div>
    {{/content}}
    {{/layout}}
    """

    static let show = """
    {{<layout}}
    {{$title}}{{id}}{{/title}}
    {{$content}}
    <h1>{{id}} <span class="muted">({{kind}})</span></h1>
    {{#target}}
    {{#text}}<blockquote class="text">{{.}}</blockquote>{{/text}}
    {{#row}}
    <h2>[[Status]]</h2>
    <table><thead><tr><th scope="col">[[Party]]</th><th scope="col">[[Status]]</th><th scope="col">[[Since]]</th><th scope="col">[[Responsible]]</th><th scope="col" class="n">[[Evidence]]</th></tr></thead>
    <tbody>{{#parties}}<tr><td>{{party}}</td><td>{{status}}{{#overdue}} <span class="status-overdue">[[overdue]]</span>{{/overdue}}</td><td>{{since}}</td><td>{{responsible}}</td><td class="n">{{evidence}}</td></tr>{{/parties}}
    {{#jointly}}<tr><td>[[joint]]</td><td>{{status}}{{#overdue}} <span class="status-overdue">[[overdue]]</span>{{/overdue}}</td><td>{{since}}</td><td></td><td class="n">{{evidence}}</td></tr>{{/jointly}}</tbody></table>
    {{/row}}
    {{#canReport}}<p class="noprint"><a href="/log?target={{idURL}}">[[Log progress on {{id}}]]</a> · <a href="/evidence?supports={{idURL}}">[[Add evidence]]</a></p>{{/canReport}}
    <h2>[[Timeline]]</h2>
    {{^timeline}}<p class="muted">[[No status reports.]]</p>{{/timeline}}
    <table>{{#first(timeline)}}<thead><tr><th scope="col">[[Date]]</th><th scope="col">[[Party]]</th><th scope="col">[[Status]]</th><th scope="col">[[Note]]</th><th scope="col">[[Reporter]]</th></tr></thead>{{/first(timeline)}}
    <tbody>{{#timeline}}<tr><td>{{date}}</td><td>{{party}}</td><td>{{status}}</td><td>{{note}}<br><span class="muted">{{id}}</span></td><td>{{reporter}}</td></tr>{{/timeline}}</tbody></table>
    <h2>[[Evidence]]</h2>
    {{^evidence}}<p class="muted">[[No evidence.]]</p>{{/evidence}}
    <ul>{{#evidence}}<li><strong>{{title}}</strong> ({{kindName}}, {{date}}{{#party}}, {{party}}{{/party}}) <span class="muted">{{id}}</span>{{#source}}<br><span class="muted">{{source}}</span>{{/source}}{{#attachment}}<br>[[Attachment: {{name}}]]{{/attachment}}</li>{{/evidence}}</ul>
    {{#first(periods)}}<h2>[[Reporting periods]]</h2>{{/first(periods)}}
    <table>{{#first(periods)}}<thead><tr><th scope="col">[[Party]]</th><th scope="col">[[Opens]]</th><th scope="col">[[Due]]</th><th scope="col">[[Settled by]]</th></tr></thead>{{/first(periods)}}
    <tbody>{{#periods}}<tr><td>{{party}}</td><td>{{opens}}</td><td>{{due}}</td><td>{{settledBy}} {{settledOn}}{{#overdue}} <span class="status-overdue">[[overdue]]</span>{{/overdue}}</td></tr>{{/periods}}</tbody></table>
    {{#first(linked)}}<h2>[[Linked]]</h2>{{/first(linked)}}
    <ul>{{#linked}}<li><a href="/show?id={{idURL}}&amp;as-of={{asOf}}">{{id}}</a></li>{{/linked}}</ul>
    {{#first(revisions)}}<h2>[[Revisions of its text]]</h2>{{/first(revisions)}}
    <ul>{{#revisions}}<li>{{date}} {{summary}} <span class="muted">{{author}}</span></li>{{/revisions}}</ul>
    {{/target}}
    {{#first(gaps)}}<h2>[[Gaps]]</h2>{{/first(gaps)}}
    <ul>{{#gaps}}<li><span class="severity-{{severity}}">{{rule}}</span>{{#party}} ({{party}}){{/party}}: {{#why}}{{.}}; {{/why}} <br><span class="muted">[[To close: {{toClose}}]]</span></li>{{/gaps}}</ul>
    {{/content}}
    {{/layout}}
    """

    static let instrument = """
    {{<layout}}
    {{$title}}{{id}}{{/title}}
    {{$content}}
    {{#instrument}}
    <h1>{{title}} <span class="muted">({{id}})</span></h1>
    <p>[[{{kind}}, signed {{date}}, parties]] {{#parties}}{{.}} {{/parties}}[[, languages]] {{#languages}}{{.}} {{/languages}}</p>
    <h2>[[Revisions]]</h2>
    <ul>{{#revisions}}<li>{{date}} {{summary}}</li>{{/revisions}}</ul>
    {{#canEdit}}<p class="noprint"><a href="/amend?id={{idURL}}">[[Record a new revision of its text]]</a></p>{{/canEdit}}
    {{/instrument}}
    {{#redline}}
    <form method="get" action="/redline" class="inline" aria-label="[[Redline]]">
    <input type="hidden" name="id" value="{{id}}">
    <label for="from">[[Compare]]</label><select id="from" name="from">{{#choices}}<option value="{{commit}}">{{date}} {{summary}}</option>{{/choices}}</select>
    <label for="to">[[with]]</label><select id="to" name="to">{{#choicesNewestFirst}}<option value="{{commit}}">{{date}} {{summary}}</option>{{/choicesNewestFirst}}</select>
    <label for="lang">[[language]]</label><select id="lang" name="lang">{{#languages}}<option>{{.}}</option>{{/languages}}</select>
    <button type="submit">[[Show redline]]</button>
    </form>
    {{/redline}}
    <h2>[[Text in force on {{asOf}}]]{{#textLanguage}} ({{textLanguage}}){{/textLanguage}}</h2>
    {{#text}}
    {{#articles}}<section><h3>{{#number}}[[Article {{number}}.]] {{/number}}{{heading}}</h3><div class="text">{{body}}</div></section>{{/articles}}
    {{/text}}
    {{^text}}<p class="muted">[[No text in force on this date.]]</p>{{/text}}
    <h2>[[Commitments]]</h2>
    <ul>{{#commitments}}<li><a href="/show?id={{idURL}}&amp;as-of={{asOf}}">{{id}}</a> {{summary}}</li>{{/commitments}}</ul>
    {{/content}}
    {{/layout}}
    """

    /// The links between the pages of a long gaps list (filters kept).
    static let gapPages = """
    <nav class="pages" aria-label="[[Pages of gaps]]">{{#previous}}<a href="/gaps?{{previous}}" rel="prev">[[Previous page]]</a> · {{/previous}}[[Page {{page}} of {{pages}}]]{{#next}} · <a href="/gaps?{{next}}" rel="next">[[Next page]]</a>{{/next}}</nav>
    """

    static let gaps = """
    {{<layout}}
    {{$title}}[[Gaps]]{{/title}}
    {{$content}}
    <h1>[[Gaps on {{asOf}}]]</h1>
    <form method="get" class="inline" aria-label="[[Filter gaps]]">
    <input type="hidden" name="as-of" value="{{asOf}}">
    <div><label for="party">[[Party]]</label><select id="party" name="party"><option value="">[[all]]</option>{{#partyChoices}}<option{{#selected}} selected{{/selected}}>{{code}}</option>{{/partyChoices}}</select></div>
    <div><label for="rule">[[Rule]]</label><select id="rule" name="rule"><option value="">[[all]]</option>{{#ruleChoices}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{name}}</option>{{/ruleChoices}}</select></div>
    <div><label for="instrument">[[Instrument, plan or meeting]]</label><input type="text" id="instrument" name="instrument" value="{{instrumentFilter}}"></div>
    <button type="submit">[[Filter]]</button>
    </form>
    {{#filterProblem}}<p class="problem" role="alert">{{filterProblem}}</p>{{/filterProblem}}
    <p class="downloads"><a href="/gaps.csv?{{query}}" download>[[Download CSV]]</a> · <a href="/gaps.xlsx?{{query}}" download>[[Download spreadsheet (.xlsx)]]</a></p>
    <p>[[{{count}} gaps.]]{{#paging}} [[Showing {{from}} to {{through}}.]]{{/paging}}</p>
    {{#paging}}{{>gapPages}}{{/paging}}
    <div class="scroll"><table>
    <thead><tr><th scope="col">[[Severity]]</th><th scope="col">[[Rule]]</th><th scope="col">[[Item]]</th><th scope="col">[[Party]]</th><th scope="col">[[Since]]</th><th scope="col">[[Why]]</th></tr></thead>
    <tbody>{{#gaps}}<tr><td class="severity-{{severity}}">{{severityName}}</td><td>{{ruleName}}</td><td><a href="/show?id={{itemURL}}&amp;as-of={{asOf}}">{{item}}</a><br><span class="muted">{{title}}</span></td>
    <td>{{party}}</td><td>{{since}}</td><td>{{#why}}{{.}}<br>{{/why}}<span class="muted">[[To close: {{toClose}}]]</span></td></tr>{{/gaps}}</tbody>
    </table></div>
    {{#paging}}{{>gapPages}}{{/paging}}
    {{/content}}
    {{/layout}}
    """

    static let schedule = """
    {{<layout}}
    {{$title}}[[Schedule]]{{/title}}
    {{$content}}
    <h1>[[Reviews on and around {{asOf}}]]</h1>
    <p class="downloads"><a href="/schedule.ics?as-of={{asOf}}" download>[[Download calendar (.ics)]]</a> · <a href="/schedule.csv?as-of={{asOf}}" download>[[Download CSV]]</a> · <a href="/schedule.xlsx?as-of={{asOf}}" download>[[Download spreadsheet (.xlsx)]]</a></p>
    <div class="scroll"><table>
    <thead><tr><th scope="col">[[Date]]</th><th scope="col">[[Review]]</th><th scope="col">[[Instrument]]</th><th scope="col">[[Host]]</th><th scope="col">[[Standing]]</th></tr></thead>
    <tbody>{{#reviews}}<tr><td>{{date}}</td><td>{{title}} <span class="muted">({{cycle}})</span></td><td><a href="/show?id={{instrumentURL}}&amp;as-of={{asOf}}">{{instrument}}</a></td><td>{{host}}</td><td>{{standingName}}</td></tr>{{/reviews}}</tbody>
    </table></div>
    {{/content}}
    {{/layout}}
    """

    static let meetings = """
    {{<layout}}
    {{$title}}[[Meetings]]{{/title}}
    {{$content}}
    <h1>[[Meetings held by {{asOf}}]]</h1>
    <p class="downloads"><a href="/meetings.csv?as-of={{asOf}}" download>[[Download CSV]]</a> · <a href="/meetings.xlsx?as-of={{asOf}}" download>[[Download spreadsheet (.xlsx)]]</a></p>
    <div class="scroll"><table>
    <thead><tr><th scope="col">[[Date]]</th><th scope="col">[[Meeting]]</th><th scope="col">[[Venue]]</th><th scope="col" class="n">[[Decisions]]</th></tr></thead>
    <tbody>{{#meetings}}<tr><td>{{date}}</td><td><a href="/meeting?id={{idURL}}&amp;as-of={{asOf}}">{{title}}</a>{{#planned}} <span class="muted">[[(planned)]]</span>{{/planned}}</td><td>{{venue}}</td><td class="n">{{count(decisions)}}</td></tr>{{/meetings}}</tbody>
    </table></div>
    {{/content}}
    {{/layout}}
    """

    static let meeting = """
    {{<layout}}
    {{$title}}{{#meeting}}{{title}}{{/meeting}}{{/title}}
    {{$content}}
    {{#meeting}}
    <h1>{{title}}</h1>
    <p>{{date}}{{#endDate}} [[to {{endDate}}]]{{/endDate}}{{#venue}}, {{venue}}{{/venue}}{{#host}}[[, hosted by {{host}}]]{{/host}}</p>
    <p class="downloads"><a href="/meeting/summary.html?id={{idURL}}">[[Review summary (HTML)]]</a> · <a href="/meeting/summary.md?id={{idURL}}" download>[[Markdown]]</a></p>
    {{#first(attendees)}}<h2>[[Attendees]]</h2>{{/first(attendees)}}
    <ul>{{#attendees}}<li>{{.}}</li>{{/attendees}}</ul>
    <h2>[[Decisions]]</h2>
    {{^decisions}}<p class="muted">[[None recorded.]]</p>{{/decisions}}
    <ol>{{#decisions}}<li>{{text}}{{#due}} <span class="muted">[[due {{due}}]]</span>{{/due}}</li>{{/decisions}}</ol>
    {{#note}}<h2>[[Note]]</h2><p class="text">{{note}}</p>{{/note}}
    {{/meeting}}
    {{/content}}
    {{/layout}}
    """

    static let history = """
    {{<layout}}
    {{$title}}[[History]]{{/title}}
    {{$content}}
    <h1>[[History]]</h1>
    <p class="muted">[[The newest {{limit}} changes of the tracker, one commit each.]]</p>
    <p class="downloads"><a href="/history.csv" download>[[Download CSV]]</a> · <a href="/history.xlsx" download>[[Download spreadsheet (.xlsx)]]</a></p>
    <div class="scroll"><table>
    <thead><tr><th scope="col">[[Date]]</th><th scope="col">[[What]]</th><th scope="col">[[Author]]</th><th scope="col">[[Commit]]</th></tr></thead>
    <tbody>{{#entries}}<tr><td>{{date}}</td><td>{{summary}}</td><td>{{author}}</td><td><code>{{short}}</code></td></tr>{{/entries}}</tbody>
    </table></div>
    {{/content}}
    {{/layout}}
    """

    static let search = """
    {{<layout}}
    {{$title}}[[Search]]{{/title}}
    {{$content}}
    <h1>[[Search]]</h1>
    <form method="get" action="/search" class="inline" role="search" aria-label="[[Search]]">
    <input type="hidden" name="as-of" value="{{asOf}}">
    <div><label for="q">[[Words to find]]</label><input type="text" id="q" name="q" value="{{q}}"></div>
    <button type="submit">[[Search]]</button>
    </form>
    {{#searched}}
    <p class="downloads"><a href="/search.csv?{{query}}" download>[[Download CSV]]</a> · <a href="/search.xlsx?{{query}}" download>[[Download spreadsheet (.xlsx)]]</a></p>
    <p>[[{{count}} found.]]</p>
    <div class="scroll"><table>
    <thead><tr><th scope="col">[[What]]</th><th scope="col">[[Record id]]</th><th scope="col">[[Part]]</th><th scope="col">[[Date]]</th><th scope="col">[[Words]]</th></tr></thead>
    <tbody>{{#hits}}<tr><td>{{kindLabel}}</td><td><a href="/show?id={{idURL}}&amp;as-of={{asOf}}">{{id}}</a></td><td>{{partLabel}}</td><td>{{date}}</td><td{{#language}} lang="{{language}}"{{/language}}>{{text}}</td></tr>{{/hits}}</tbody>
    </table></div>
    {{/searched}}
    {{/content}}
    {{/layout}}
    """

    /// The Sync button; while a sync runs, the server sends the page up to the progress
    /// marker, then a line per step, then the result and the rest of the page.
    static let sync = """
    {{<layout}}
    {{$title}}[[Sync]]{{/title}}
    {{$content}}
    <h1>[[Sync with the other party's copy]]</h1>
    <p class="muted">[[Runs accord sync: fetches the other side's new records, checks them, merges them with this office's and sends this office's back.]]</p>
    {{#hasRemote}}<ul>{{#remotes}}<li>{{name}} <span class="muted">{{url}}</span></li>{{/remotes}}</ul>{{/hasRemote}}
    {{^hasRemote}}<p>[[This tracker has no remote yet: add one on the server with accord remote add.]]</p>{{/hasRemote}}
    {{#canEdit}}{{#hasRemote}}<form method="post" action="/sync"><input type="hidden" name="csrf" value="{{csrf}}"><p><button type="submit">[[Sync now]]</button></p></form>{{/hasRemote}}{{/canEdit}}
    {{#running}}<h2>[[Progress]]</h2>
    <ol class="progress">
    <!--progress-->{{/running}}
    {{/content}}
    {{/layout}}
    """

    /// A field's problems, shown next to it and tied to it for screen readers.
    static let fieldProblem = """
    {{#problem}}<p class="problem" id="{{field}}-problem" role="alert">{{problem}}</p>{{/problem}}
    """

    static let logForm = """
    {{<layout}}
    {{$title}}[[Log progress]]{{/title}}
    {{$content}}
    <h1>[[Log progress]]</h1>
    {{#recorded}}<div class="done" role="status"><p>{{recorded}}</p></div>{{/recorded}}
    {{#hasProblems}}<div class="problems" role="alert"><p>[[Nothing was recorded. Correct the fields marked below.]]</p></div>{{/hasProblems}}
    <form method="post" action="/log">
    <input type="hidden" name="csrf" value="{{csrf}}">
    <label for="target">[[Commitment, plan item or decision]]</label>
    {{#fields.target}}{{> fieldProblem}}{{/fields.target}}
    <input type="text" id="target" name="target" value="{{values.target}}" placeholder="tip-2005#7.2" required {{#fields.target.problem}}aria-invalid="true" aria-describedby="target-problem"{{/fields.target.problem}}>
    <label for="status">[[Status]]</label>
    {{#fields.status}}{{> fieldProblem}}{{/fields.status}}
    <select id="status" name="status" class="wide">{{#statuses}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{name}}</option>{{/statuses}}</select>
    <label for="party">[[Party]]</label>
    {{#fields.party}}{{> fieldProblem}}{{/fields.party}}
    <select id="party" name="party" class="wide">{{#partyChoices}}<option{{#selected}} selected{{/selected}}>{{code}}</option>{{/partyChoices}}</select>
    <label for="date">[[The day it is true from]]</label>
    {{#fields.date}}{{> fieldProblem}}{{/fields.date}}
    <input type="date" id="date" name="date" value="{{values.date}}" {{#fields.date.problem}}aria-invalid="true" aria-describedby="date-problem"{{/fields.date.problem}}>
    <label for="note">[[Note]]</label>
    {{#fields.note}}{{> fieldProblem}}{{/fields.note}}
    <textarea id="note" name="note" rows="4">{{values.note}}</textarea>
    <label for="evidence">[[Evidence ids backing it (optional, separated by spaces)]]</label>
    {{#fields.evidence}}{{> fieldProblem}}{{/fields.evidence}}
    <input type="text" id="evidence" name="evidence" value="{{values.evidence}}">
    {{#fields.record}}{{> fieldProblem}}{{/fields.record}}
    <p><button type="submit">[[Record]]</button></p>
    </form>
    {{/content}}
    {{/layout}}
    """

    static let evidenceForm = """
    {{<layout}}
    {{$title}}[[Add evidence]]{{/title}}
    {{$content}}
    <h1>[[Add evidence]]</h1>
    {{#recorded}}<div class="done" role="status"><p>{{recorded}}</p></div>{{/recorded}}
    {{#hasProblems}}<div class="problems" role="alert"><p>[[Nothing was recorded. Correct the fields marked below.]]</p></div>{{/hasProblems}}
    <form method="post" action="/evidence?csrf={{csrf}}" enctype="multipart/form-data">
    <input type="hidden" name="csrf" value="{{csrf}}">
    <label for="title">[[Title]]</label>
    {{#fields.title}}{{> fieldProblem}}{{/fields.title}}
    <input type="text" id="title" name="title" value="{{values.title}}" required>
    <label for="kind">[[Kind]]</label>
    {{#fields.kind}}{{> fieldProblem}}{{/fields.kind}}
    <select id="kind" name="kind" class="wide">{{#kinds}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{name}}</option>{{/kinds}}</select>
    <label for="supports">[[Supports (commitment, plan item or decision ids, separated by spaces)]]</label>
    {{#fields.supports}}{{> fieldProblem}}{{/fields.supports}}
    <input type="text" id="supports" name="supports" value="{{values.supports}}" required>
    <label for="party">[[Party]]</label>
    {{#fields.party}}{{> fieldProblem}}{{/fields.party}}
    <select id="party" name="party" class="wide">{{#partyChoices}}<option{{#selected}} selected{{/selected}}>{{code}}</option>{{/partyChoices}}</select>
    <label for="date">[[Date]]</label>
    {{#fields.date}}{{> fieldProblem}}{{/fields.date}}
    <input type="date" id="date" name="date" value="{{values.date}}">
    <label for="date-known">[[The source dates it by]]</label>
    <select id="date-known" name="date-known" class="wide"><option value="day">[[the day]]</option><option value="month"{{#knownMonth}} selected{{/knownMonth}}>[[the month only (pick any day of it)]]</option><option value="year"{{#knownYear}} selected{{/knownYear}}>[[the year only (pick any day of it)]]</option></select>
    <label for="source">[[Source (optional)]]</label>
    <input type="text" id="source" name="source" value="{{values.source}}">
    <label for="note">[[Note (optional)]]</label>
    {{#fields.note}}{{> fieldProblem}}{{/fields.note}}
    <textarea id="note" name="note" rows="3">{{values.note}}</textarea>
    <label for="file">[[Attachment (optional, up to {{maxMB}} MB)]]</label>
    {{#fields.file}}{{> fieldProblem}}{{/fields.file}}
    <input type="file" id="file" name="file">
    {{#fields.record}}{{> fieldProblem}}{{/fields.record}}
    <p><button type="submit">[[Record]]</button></p>
    </form>
    {{/content}}
    {{/layout}}
    """

    static let retractForm = """
    {{<layout}}
    {{$title}}[[Retract]]{{/title}}
    {{$content}}
    <h1>[[Retract a status report or evidence]]</h1>
    <p class="muted">[[The record stays in the history; a withdrawal says it no longer counts, and why.]]</p>
    {{#recorded}}<div class="done" role="status"><p>{{recorded}}</p></div>{{/recorded}}
    {{#hasProblems}}<div class="problems" role="alert"><p>[[Nothing was recorded. Correct the fields marked below.]]</p></div>{{/hasProblems}}
    <form method="post" action="/retract">
    <input type="hidden" name="csrf" value="{{csrf}}">
    <label for="record">[[Record id]]</label>
    {{#fields.record}}{{> fieldProblem}}{{/fields.record}}
    <input type="text" id="record" name="record" value="{{values.record}}" required>
    <label for="reason">[[Why]]</label>
    {{#fields.reason}}{{> fieldProblem}}{{/fields.reason}}
    <input type="text" id="reason" name="reason" value="{{values.reason}}" required>
    <p><button type="submit">[[Retract]]</button></p>
    </form>
    {{/content}}
    {{/layout}}
    """

    static let meetingForm = """
    {{<layout}}
    {{$title}}[[Add a meeting]]{{/title}}
    {{$content}}
    <h1>[[Add a meeting held]]</h1>
    {{#recorded}}<div class="done" role="status"><p>{{recorded}}</p></div>{{/recorded}}
    {{#hasProblems}}<div class="problems" role="alert"><p>[[Nothing was recorded. Correct the fields marked below.]]</p></div>{{/hasProblems}}
    <form method="post" action="/meetings/new">
    <input type="hidden" name="csrf" value="{{csrf}}">
    <label for="date">[[Date]]</label>
    {{#fields.date}}{{> fieldProblem}}{{/fields.date}}
    <input type="date" id="date" name="date" value="{{values.date}}">
    <label for="title">[[Title (optional)]]</label>
    <input type="text" id="title" name="title" value="{{values.title}}">
    <label for="venue">[[Venue]]</label>
    {{#fields.venue}}{{> fieldProblem}}{{/fields.venue}}
    <input type="text" id="venue" name="venue" value="{{values.venue}}" required>
    <label for="host">[[Host]]</label>
    {{#fields.host}}{{> fieldProblem}}{{/fields.host}}
    <select id="host" name="host" class="wide">{{#partyChoices}}<option{{#selected}} selected{{/selected}}>{{code}}</option>{{/partyChoices}}</select>
    <label for="cycles">[[Review cycles it holds (optional: tip-2005/annual, separated by spaces)]]</label>
    {{#fields.cycles}}{{> fieldProblem}}{{/fields.cycles}}
    <input type="text" id="cycles" name="cycles" value="{{values.cycles}}">
    <label for="attendees">[[Attendees (one a line)]]</label>
    {{#fields.attendees}}{{> fieldProblem}}{{/fields.attendees}}
    <textarea id="attendees" name="attendees" rows="3">{{values.attendees}}</textarea>
    <label for="decisions">[[Decisions (one a line; a tracked one as TEXT::due=2027-06-30::bound=joint)]]</label>
    {{#fields.decisions}}{{> fieldProblem}}{{/fields.decisions}}
    <textarea id="decisions" name="decisions" rows="5">{{values.decisions}}</textarea>
    <label for="note">[[Note (optional)]]</label>
    <textarea id="note" name="note" rows="3">{{values.note}}</textarea>
    {{#fields.record}}{{> fieldProblem}}{{/fields.record}}
    <p><button type="submit">[[Record]]</button></p>
    </form>
    {{/content}}
    {{/layout}}
    """

    /// One text file of an instrument form and its language.
    static func textSlot(_ slot: Int, languageLabel: String) -> String {
        """
        <fieldset>
        <legend>[[Text]] \(slot)</legend>
        <label for="text-\(slot)">[[File: .docx, .pdf, .md or .txt, up to {{maxMB}} MB]]</label>
        {{#fields.text-\(slot)}}{{> fieldProblem}}{{/fields.text-\(slot)}}
        <input type="file" id="text-\(slot)" name="text-\(slot)" accept=".docx,.pdf,.md,.txt" {{#fields.text-\(slot).problem}}aria-invalid="true" aria-describedby="text-\(slot)-problem"{{/fields.text-\(slot).problem}}>
        <label for="lang-\(slot)">\(languageLabel)</label>
        {{#fields.lang-\(slot)}}{{> fieldProblem}}{{/fields.lang-\(slot)}}
        <input type="text" id="lang-\(slot)" name="lang-\(slot)" value="{{values.lang-\(slot)}}" {{#fields.lang-\(slot).problem}}aria-invalid="true" aria-describedby="lang-\(slot)-problem"{{/fields.lang-\(slot).problem}}>
        </fieldset>
        """
    }

    /// What a form recorded, or the outline its preview found.
    static let outcome = """
    {{#recorded}}<div class="done" role="status"><p>{{recorded}}</p>{{#recordedLink}}<p><a href="/show?id={{recordedLink}}">[[Open the instrument]]</a></p>{{/recordedLink}}</div>{{/recorded}}
    {{#hasProblems}}<div class="problems" role="alert"><p>[[Nothing was recorded. Correct the fields marked below.]]</p></div>{{/hasProblems}}
    {{#previewSummary}}<div class="done" role="status"><p>[[Nothing is recorded yet. Check the articles found, choose the files again and press Record.]]</p>
    <p>{{previewSummary}}</p>
    {{#preview}}<h2>{{file}} ({{language}})</h2><ul>{{#lines}}<li>{{.}}</li>{{/lines}}</ul>{{/preview}}</div>{{/previewSummary}}
    """

    static let changesField = """
    <label for="changes">[[Tracked changes in a Word draft]]</label>
    {{#fields.changes}}{{> fieldProblem}}{{/fields.changes}}
    <select id="changes" name="changes" class="wide"><option value="">[[none in the file]]</option>{{#changes}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{code}}</option>{{/changes}}</select>
    <p class="muted">[[accept: the text as changed; reject: the text before the changes]]</p>
    """

    static let instrumentForm = """
    {{<layout}}
    {{$title}}[[Add an instrument]]{{/title}}
    {{$content}}
    <h1>[[Add an instrument]]</h1>
    <p class="muted">[[Records the instrument and its texts as one commit dated on the signing day, as accord instrument add does. Articles are found by their headings (Article 7, Điều 7, មាត្រា ៧).]]</p>
    {{> outcome}}
    <form method="post" action="/instruments/new?csrf={{csrf}}" enctype="multipart/form-data">
    <input type="hidden" name="csrf" value="{{csrf}}">
    <label for="id">[[Id (lowercase letters, digits and -)]]</label>
    {{#fields.id}}{{> fieldProblem}}{{/fields.id}}
    <input type="text" id="id" name="id" value="{{values.id}}" placeholder="tip-2005" required {{#fields.id.problem}}aria-invalid="true" aria-describedby="id-problem"{{/fields.id.problem}}>
    <label for="title">[[Title, in the first text's language]]</label>
    {{#fields.title}}{{> fieldProblem}}{{/fields.title}}
    <input type="text" id="title" name="title" value="{{values.title}}" required {{#fields.title.problem}}aria-invalid="true" aria-describedby="title-problem"{{/fields.title.problem}}>
    <label for="other-titles">[[Titles in other languages (optional, one a line: vi: TITLE)]]</label>
    <textarea id="other-titles" name="other-titles" rows="2">{{values.other-titles}}</textarea>
    <label for="kind">[[Kind]]</label>
    {{#fields.kind}}{{> fieldProblem}}{{/fields.kind}}
    <select id="kind" name="kind" class="wide">{{#kinds}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{name}}</option>{{/kinds}}</select>
    <label for="parties">[[Parties (codes separated by spaces)]]</label>
    {{#fields.parties}}{{> fieldProblem}}{{/fields.parties}}
    <input type="text" id="parties" name="parties" value="{{values.parties}}" placeholder="VN KH" required {{#fields.parties.problem}}aria-invalid="true" aria-describedby="parties-problem"{{/fields.parties.problem}}>
    <label for="signed">[[Signed on]]</label>
    {{#fields.signed}}{{> fieldProblem}}{{/fields.signed}}
    <input type="date" id="signed" name="signed" value="{{values.signed}}" required {{#fields.signed.problem}}aria-invalid="true" aria-describedby="signed-problem"{{/fields.signed.problem}}>
    <label for="place">[[Place (optional)]]</label>
    <input type="text" id="place" name="place" value="{{values.place}}">
    <label for="signatories">[[Signatories (optional, one a line: VN: Minister of Public Security)]]</label>
    {{#fields.signatories}}{{> fieldProblem}}{{/fields.signatories}}
    <textarea id="signatories" name="signatories" rows="2">{{values.signatories}}</textarea>
    <label for="in-force">[[In force from (optional, one a line: a date, or VN: 2005-10-10)]]</label>
    {{#fields.in-force}}{{> fieldProblem}}{{/fields.in-force}}
    <textarea id="in-force" name="in-force" rows="2">{{values.in-force}}</textarea>
    \(textSlot(1, languageLabel: "[[Its language (en, vi, km …)]]"))
    \(textSlot(2, languageLabel: "[[Its language (en, vi, km …)]]"))
    \(textSlot(3, languageLabel: "[[Its language (en, vi, km …)]]"))
    {{> changesField}}
    {{#fields.record}}{{> fieldProblem}}{{/fields.record}}
    <p><button type="submit" name="preview" value="1">[[Preview the articles]]</button> <button type="submit" name="record" value="1">[[Record]]</button></p>
    </form>
    {{/content}}
    {{/layout}}
    """

    /// A form that imports a table: what it does, what it recorded or would record, the
    /// file field `field` (after `fields`, the form's other fields) and the two buttons.
    static func importForm(title: String, intro: String, check: String, action: String, fields: String = "",
                           field: String, fileLabel: String, preview: String) -> String {
        """
        {{<layout}}
        {{$title}}\(title){{/title}}
        {{$content}}
        <h1>\(title)</h1>
        <p class="muted">\(intro)</p>
        {{#recorded}}<div class="done" role="status"><p>{{recorded}}</p>{{#recordedLink}}<p><a href="/show?id={{recordedLink}}">[[Open the plan]]</a></p>{{/recordedLink}}</div>{{/recorded}}
        {{#hasProblems}}<div class="problems" role="alert"><p>[[Nothing was recorded. Correct the fields marked below.]]</p></div>{{/hasProblems}}
        {{#previewSummary}}<div class="done" role="status"><p>\(check)</p>
        <p>{{previewSummary}}</p>
        {{#preview}}<ul>{{#lines}}<li>{{.}}</li>{{/lines}}</ul>{{/preview}}</div>{{/previewSummary}}
        <form method="post" action="\(action)?csrf={{csrf}}" enctype="multipart/form-data">
        <input type="hidden" name="csrf" value="{{csrf}}">
        \(fields)<label for="\(field)">\(fileLabel)</label>
        {{#fields.\(field)}}{{> fieldProblem}}{{/fields.\(field)}}
        <input type="file" id="\(field)" name="\(field)" accept=".xlsx,.csv" required {{#fields.\(field).problem}}aria-invalid="true" aria-describedby="\(field)-problem"{{/fields.\(field).problem}}>
        {{#fields.record}}{{> fieldProblem}}{{/fields.record}}
        <p><button type="submit" name="preview" value="1">\(preview)</button> <button type="submit" name="record" value="1">[[Record]]</button></p>
        </form>
        {{/content}}
        {{/layout}}
        """
    }

    static let planImportForm = importForm(
        title: "[[Import plan items]]",
        intro: "[[Adds the items of a plan matrix to an action plan in one commit, as accord plan import does: one row per item and party, with the columns area, item, title, lead agency, party, partners, target, period (or start and end), area title and note, in English, Vietnamese or Khmer. Every row is checked first; nothing is recorded unless every row is right.]]",
        check: "[[Nothing is recorded yet. Check the items, choose the file again and press Record.]]",
        action: "/plans/import",
        fields: """
        <label for="plan">[[Plan]]</label>
        {{#fields.plan}}{{> fieldProblem}}{{/fields.plan}}
        <select id="plan" name="plan" class="wide" required {{#fields.plan.problem}}aria-invalid="true" aria-describedby="plan-problem"{{/fields.plan.problem}}>{{#plans}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{code}} {{title}}</option>{{/plans}}</select>

        """,
        field: "matrix", fileLabel: "[[Plan matrix: .xlsx or .csv, up to {{maxMB}} MB]]", preview: "[[Preview the items]]")

    static let reportImportForm = importForm(
        title: "[[Import status reports]]",
        intro: "[[Records one status report per row of a table, as accord import reports does: the columns target, status and date, and party, note, reporter and evidence when needed, in English, Vietnamese or Khmer. Every row is checked first; nothing is recorded unless every row is right; then each report is its own commit, dated on its day.]]",
        check: "[[Nothing is recorded yet. Check the reports, choose the file again and press Record.]]",
        action: "/reports/import",
        field: "sheet", fileLabel: "[[Table of status reports: .xlsx or .csv, up to {{maxMB}} MB]]", preview: "[[Preview the reports]]")

    static let amendForm = """
    {{<layout}}
    {{$title}}[[Amend an instrument]]{{/title}}
    {{$content}}
    <h1>[[Record a new revision of an instrument's text]]</h1>
    <p class="muted">[[Records the new texts as one tagged commit dated on the revision's day, as accord amend does. Record every language of one revision together.]]</p>
    {{> outcome}}
    <form method="post" action="/amend?csrf={{csrf}}" enctype="multipart/form-data">
    <input type="hidden" name="csrf" value="{{csrf}}">
    <label for="id">[[Instrument]]</label>
    {{#fields.id}}{{> fieldProblem}}{{/fields.id}}
    <select id="id" name="id" class="wide">{{#instruments}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{code}} — {{title}}</option>{{/instruments}}</select>
    <label for="date">[[The day of the revision]]</label>
    {{#fields.date}}{{> fieldProblem}}{{/fields.date}}
    <input type="date" id="date" name="date" value="{{values.date}}" required {{#fields.date.problem}}aria-invalid="true" aria-describedby="date-problem"{{/fields.date.problem}}>
    <label for="message">[[What the revision is (the commit message)]]</label>
    {{#fields.message}}{{> fieldProblem}}{{/fields.message}}
    <input type="text" id="message" name="message" value="{{values.message}}" required {{#fields.message.problem}}aria-invalid="true" aria-describedby="message-problem"{{/fields.message.problem}}>
    <label for="signed-by">[[Signed by, for an amending act (optional, one a line: VN: Minister of Public Security)]]</label>
    {{#fields.signed-by}}{{> fieldProblem}}{{/fields.signed-by}}
    <textarea id="signed-by" name="signed-by" rows="2">{{values.signed-by}}</textarea>
    <label for="place">[[Place of signing (optional)]]</label>
    {{#fields.place}}{{> fieldProblem}}{{/fields.place}}
    <input type="text" id="place" name="place" value="{{values.place}}">
    \(textSlot(1, languageLabel: "[[Its language (blank: from the file name, else the instrument's first)]]"))
    \(textSlot(2, languageLabel: "[[Its language (blank: from the file name, else the instrument's first)]]"))
    \(textSlot(3, languageLabel: "[[Its language (blank: from the file name, else the instrument's first)]]"))
    {{> changesField}}
    <p><input type="checkbox" id="add-language" name="add-language" value="1"{{#checked.add-language}} checked{{/checked.add-language}}> <label for="add-language" class="check">[[Add the language if the instrument has no text in it yet]]</label></p>
    <label for="remap">[[Where register clauses went (optional: 4.2=5.2, separated by spaces)]]</label>
    {{#fields.remap}}{{> fieldProblem}}{{/fields.remap}}
    <input type="text" id="remap" name="remap" value="{{values.remap}}">
    <p><input type="checkbox" id="accept-remap" name="accept-remap" value="1"{{#checked.accept-remap}} checked{{/checked.accept-remap}}> <label for="accept-remap" class="check">[[Take the proposed remap of the register's clauses]]</label></p>
    {{#fields.record}}{{> fieldProblem}}{{/fields.record}}
    <p><button type="submit" name="preview" value="1">[[Preview the articles]]</button> <button type="submit" name="record" value="1">[[Record]]</button></p>
    </form>
    {{/content}}
    {{/layout}}
    """

    static let login = """
    {{<layout}}
    {{$title}}[[Sign in]]{{/title}}
    {{$content}}
    <h1>[[Sign in]]</h1>
    {{#problem}}<p class="problem" role="alert">{{problem}}</p>{{/problem}}
    <form method="post" action="/login">
    <input type="hidden" name="csrf" value="{{csrf}}">
    <label for="name">[[Name]]</label>
    <input type="text" id="name" name="name" value="{{values.name}}" autocomplete="username" required>
    <label for="password">[[Password]]</label>
    <input type="password" id="password" name="password" autocomplete="current-password" required>
    <p><button type="submit">[[Sign in]]</button></p>
    </form>
    {{/content}}
    {{/layout}}
    """

    static let message = """
    {{<layout}}
    {{$title}}{{heading}}{{/title}}
    {{$content}}
    <h1>{{heading}}</h1>
    <p>{{text}}</p>
    {{/content}}
    {{/layout}}
    """
}
