#!/usr/bin/env python3
"""Writes accord's bad-input corpus: a small valid tracker and hundreds of damaged files.

usage: make-bad-input-corpus.py OUTPUT_FOLDER

OUTPUT_FOLDER/base/      the valid tracker's files (accord.yaml, an instrument with its text,
                         a plan, evidence, a status report, a meeting)
OUTPUT_FOLDER/cases/     one file per case, named NNNN
OUTPUT_FOLDER/cases.json [{"name", "path", "file", "kind"}]: put cases/<file> at <path> in
                         the tracker (replacing the valid file there, or adding a new one)

The Bad-input corpus test (make test-hardening) commits each case on top of the base and
runs every read command on it under a time and memory limit. Nothing here is random: the
same corpus comes out every time.
"""

import json
import os
import sys

SETTINGS = """format: 1
name: Test tracker
parties:
  - code: VN
    name: Viet Nam
  - code: KH
    name: Cambodia
languages: [en]
thresholds:
  stale-after-months: 12
  attachment-max-mb: 50
  review-tolerance-months: 3
indicators:
  - id: cases
    title: Cases
    unit: cases
scopes:
  - id: vn-nationwide
    title: Viet Nam, nationwide
"""

INSTRUMENT = """id: tip-2005
kind: agreement
title:
  en: Agreement against trafficking
parties: [VN, KH]
signed:
  date: 2005-10-10
status: in-force
languages: [en]
review-cycles:
  - id: annual
    title: Annual review
    every-months: 12
    from: 2006-10-10
commitments:
  - id: "4.1"
    summary: Inform communities at risk.
    bound: each
    due: 2006-03-31
  - id: "4.2"
    summary: Joint patrols.
    bound: joint
    due: 2007-01-31
    every-months: 12
  - id: "5.1"
    summary: Investigate cases.
    bound: VN
"""

TEXT = """# Agreement against trafficking

## Article 4. Prevention

1. Inform communities.
2. Patrol together.

## Article 5. Investigation

1. Investigate.
"""

PLAN = """id: plan-2017-2020
kind: plan
title:
  en: Joint plan
parties: [VN, KH]
adopted:
  date: 2016-10-05
period:
  start: 2017-01-01
  end: 2020-12-31
implements: [tip-2005]
areas:
  - id: "1"
    title: Coordination
    items:
      - id: "1.1"
        title: Name focal points
        lead:
          VN: Ministry of Public Security
        start: 2017-01-01
        end: 2017-06-30
        implements: [tip-2005#4.1]
"""

EVIDENCE = """id: ev-2016-review
kind: minutes
title: Minutes of the review
date: 2016-10-05
supports: [tip-2005#4.1]
values:
  - indicator: cases
    scope: vn-nationwide
    period: "2015"
    value: 407
"""

REPORT = """id: sr-2016-10-05-vn
target: tip-2005#4.1
status: implemented
date: 2016-10-05
party: VN
reporter: Nguyen Van An <an@example.gov.vn>
evidence: [ev-2016-review]
"""

MEETING = """id: 2016-10-05-review
title: Joint review
date: 2016-10-04
end-date: 2016-10-05
venue: Sihanoukville
host: KH
reviews: [tip-2005/annual]
decisions:
  - id: "1"
    text: Adopt the plan.
  - id: "2"
    text: Train staff on the procedure.
    due: 2017-12-31
"""

BASE = {
    "accord.yaml": SETTINGS,
    "Agreements/tip-2005/instrument.yaml": INSTRUMENT,
    "Agreements/tip-2005/text.en.md": TEXT,
    "Plans/plan-2017-2020.yaml": PLAN,
    "Evidence/2016/ev-2016-review.yaml": EVIDENCE,
    "Events/2016/10/sr-2016-10-05-vn.yaml": REPORT,
    "Meetings/2016-10-05-review.yaml": MEETING,
}

RECORDS = [path for path in BASE if path.endswith(".yaml")]
TEXT_PATH = "Agreements/tip-2005/text.en.md"


def laughs(levels):
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    names = "abcdefghijklmnop"
    for level in range(1, levels):
        alias = "*" + names[level - 1]
        lines.append(f"{names[level]}: &{names[level]} [" + ",".join([alias] * 9) + "]")
    return "\n".join(lines) + "\n"


def record_mutations(text):
    """Damaged versions of one valid record file, as (name, bytes)."""
    data = text.encode()
    lines = text.splitlines(keepends=True)
    first_key = lines[0].split(":")[0]
    out = [
        ("empty", b""),
        ("only-newlines", b"\n\n\n"),
        ("only-spaces", b"   \n  \n"),
        ("a-comment", b"# nothing but a comment\n"),
        ("truncated-half", data[: len(data) // 2]),
        ("truncated-one-byte", data[:1]),
        ("truncated-mid-key", data[: data.index(b":") - 1]),
        ("bom", b"\xef\xbb\xbf" + data),
        ("two-boms", b"\xef\xbb\xbf\xef\xbb\xbf" + data),
        ("crlf", data.replace(b"\n", b"\r\n")),
        ("cr-only", data.replace(b"\n", b"\r")),
        ("mixed-line-ends", data.replace(b"\n", b"\r", 2)),
        ("nul-first", b"\x00" + data),
        ("nul-middle", data[: len(data) // 2] + b"\x00" + data[len(data) // 2:]),
        ("nul-last-line", data + b"note: a\x00b\n"),
        ("invalid-utf8", data + b"note: \xff\xfe\n"),
        ("overlong-utf8", data + b"note: \xc0\xaf\n"),
        ("lone-surrogate", data + b"note: \xed\xa0\x80\n"),
        ("latin1", data + "note: café\n".encode("latin-1")),
        ("utf16", text.encode("utf-16")),
        ("tab-indent", data.replace(b"\n  ", b"\n\t")),
        ("duplicate-first-key", data + lines[0].encode()),
        ("duplicate-key-twice", data + lines[0].encode() + lines[0].encode()),
        ("unknown-key", data + b"colour: red\n"),
        ("unknown-keys-10000", data + b"".join(b"k%d: x\n" % i for i in range(10000))),
        ("unknown-nested", data + b"extra:\n  deep:\n    deeper: 1\n"),
        ("huge-key", data + b"k" * 200000 + b": x\n"),
        ("huge-value", data + b"note: " + b"x" * 300000 + b"\n"),
        ("over-size-limit", data + b"note: " + b"y" * (5 * 1048576) + b"\n"),
        ("deep-flow-list", data + b"deep: " + b"[" * 5000 + b"]" * 5000 + b"\n"),
        ("deep-flow-map", data + b"deep: " + b"{a: " * 3000 + b"1" + b"}" * 3000 + b"\n"),
        ("deep-block", data + b"deep:\n" + b"".join(b"  " * (i + 1) + b"k:\n" for i in range(400))),
        ("unclosed-flow", data + b"x: [a, b\n"),
        ("unclosed-quote", data + b'x: "open\n'),
        ("bad-escape", data + b'x: "\\q"\n'),
        ("bad-indent", data.replace(b"\n", b"\n ", 1)),
        ("list-root", b"- " + data.replace(b"\n", b"\n  ")),
        ("scalar-root", b"just text\n"),
        ("number-root", b"42\n"),
        ("null-root", b"~\n"),
        ("two-documents", data + b"---\n" + data),
        ("document-end", data + b"...\n"),
        ("directive", b"%YAML 1.1\n---\n" + data),
        ("tag", data + b"x: !!binary aGVsbG8=\n"),
        ("custom-tag", data + b"x: !custom 1\n"),
        ("anchor-only", data + b"x: &anchor 1\n"),
        ("alias-undefined", data + b"x: *nothing\n"),
        ("anchor-and-alias", data + b"x: &a 1\ny: *a\n"),
        ("laughs-3", data + laughs(3).encode()),
        ("laughs-9", data + laughs(9).encode()),
        ("laughs-key", data + laughs(9).encode() + b"*i : 1\n"),
        ("merge-key", data + b"base: &b {a: 1}\nderived:\n  <<: *b\n"),
        ("complex-key", data + b"? [a, b]\n: c\n"),
        ("esc-in-value", data + b"note: \x1b[2J\x1b]0;owned\x07\n"),
        ("bidi-override", data + "note: \u202eevil\n".encode()),
        ("control-chars", data + b"note: a\x08\x08b\x7f\n"),
        ("very-long-line", data + b"note: " + b"w " * 100000 + b"\n"),
        ("many-lines", data + b"note: |\n" + b"  line\n" * 50000),
        ("ids-path-separator", data.replace(lines[0].encode(), f"{first_key}: a/b\n".encode(), 1)),
        ("ids-dotdot", data.replace(lines[0].encode(), f"{first_key}: ../../etc\n".encode(), 1)),
        ("ids-empty", data.replace(lines[0].encode(), f"{first_key}: \"\"\n".encode(), 1)),
        ("ids-list", data.replace(lines[0].encode(), f"{first_key}: [a, b]\n".encode(), 1)),
        ("ids-map", data.replace(lines[0].encode(), f"{first_key}: {{a: b}}\n".encode(), 1)),
        ("ids-null", data.replace(lines[0].encode(), f"{first_key}: ~\n".encode(), 1)),
        ("ids-unicode", data.replace(lines[0].encode(), f"{first_key}: ｔｉｐ\n".encode(), 1)),
        ("first-key-missing", data.replace(lines[0].encode(), b"", 1)),
    ]
    return out


WRONG_VALUES = [
    ("list", "[1, 2]"), ("map", "{a: 1}"), ("huge-number", "99999999999999999999999999"),
    ("int-max", "9223372036854775807"), ("negative", "-9223372036854775808"), ("float", "1e308"),
    ("nan", ".nan"), ("date-feb-30", "2019-02-30"), ("date-year-0", "0000-01-01"),
    ("empty-string", '""'), ("null", "null"), ("huge-float", "1e19"),
]


def value_mutations(text, start):
    """Each top-level and nested `key: value` line given two wrong values in turn, so every
    wrong value meets every kind of field somewhere."""
    data = text.encode()
    out = []
    turn = start
    for key_line in text.splitlines(keepends=True):
        stripped = key_line.strip().lstrip("- ")
        if ": " not in stripped:
            continue
        key = stripped.split(": ", 1)[0]
        indent = key_line[: len(key_line) - len(key_line.lstrip(" -"))]
        for _ in range(2):
            label, replacement = WRONG_VALUES[turn % len(WRONG_VALUES)]
            turn += 1
            out.append((f"{key}-{label}", data.replace(key_line.encode(), f"{indent}{key}: {replacement}\n".encode(), 1)))
    return out


def text_mutations(text):
    data = text.encode()
    return [
        ("empty", b""),
        ("title-only", b"# Agreement\n"),
        ("no-title", data.split(b"\n", 2)[2]),
        ("truncated", data[: len(data) // 2]),
        ("truncated-in-heading", data[: data.index(b"Article 5") + 4]),
        ("bom", b"\xef\xbb\xbf" + data),
        ("crlf", data.replace(b"\n", b"\r\n")),
        ("cr-only", data.replace(b"\n", b"\r")),
        ("nul", data.replace(b"Inform", b"In\x00form")),
        ("invalid-utf8", data + b"\xff\n"),
        ("utf16", text.encode("utf-16")),
        ("tab-clauses", data.replace(b"1. ", b"\t1. ")),
        ("duplicate-article", data + b"\n## Article 4. Again\n\n1. Twice.\n"),
        ("duplicate-clause", data.replace(b"2. Patrol", b"1. Patrol")),
        ("article-without-number", data + b"\n## Article. Nothing\n\nText.\n"),
        ("article-huge-number", data + b"\n## Article 99999999999999999999999. Big\n\nText.\n"),
        ("clause-huge-number", data + b"\n## Article 6. Big\n\n99999999999999999999999. Text.\n"),
        ("deep-headings", data + b"".join(b"#" * (i % 6 + 1) + b" H%d\n\n" % i for i in range(2000))),
        ("many-articles", data + b"".join(b"## Article %d. A\n\n1. x\n\n" % (i + 6) for i in range(3000))),
        ("long-line", data + b"w " * 200000 + b"\n"),
        ("html-script", data + b"\n<script>alert(1)</script>\n"),
        ("html-in-title", data.replace(b"# Agreement", b"# <img src=x onerror=alert(1)> Agreement")),
        ("esc-sequences", data + b"\x1b[2J\x1b]0;title\x07\n"),
        ("bidi", data + "\u202e reversed\n".encode()),
        ("backspaces", data + b"abc\x08\x08\x08xyz\n"),
        ("only-whitespace", b"   \n\t\n"),
        ("front-matter-yaml", b"---\ntitle: x\n---\n" + data),
        ("front-matter-laughs", b"---\n" + laughs(9).encode() + b"---\n" + data),
        ("setext-headings", b"Agreement\n=========\n\nArticle 4\n---------\n\n1. x\n"),
        ("khmer", data + "\n## មាត្រា ៦. ការការពារ\n\n១. អត្ថបទ\n".encode()),
        ("zero-width", data.replace(b"Article 5", "Article\u200b 5".encode())),
        ("combining-marks", data + ("a" + "\u0301" * 5000 + "\n").encode()),
        ("nfd", data + "Vie\u0302\u0323t Nam\n".encode()),
        ("code-fence", data + b"\n```\n## Article 7. In code\n```\n"),
        ("unclosed-fence", data + b"\n```\n## Article 7. In code\n"),
        ("html-comment", data + b"\n<!-- ## Article 8. Hidden -->\n"),
        ("link-refs", data + b"\n[x]: javascript:alert(1)\n"),
        ("huge-article-title", data + b"\n## Article 9. " + b"T" * 300000 + b"\n\n1. x\n"),
        ("over-size-limit", data + b"x" * (5 * 1048576)),
        ("numbers-skip", data + b"\n## Article 100. Far\n\n1. x\n"),
        ("clause-zero", data + b"\n## Article 10. Zero\n\n0. x\n"),
        ("nested-lists", data + b"".join(b"  " * i + b"1. x\n" for i in range(300))),
        ("tables", data + b"\n| a | b |\n|---|---|\n| <b>x</b> | y |\n"),
        ("ampersands", data + b"\nR&D &amp; &lt;tag&gt;\n"),
        ("trailing-spaces", data.replace(b"\n", b"   \n")),
        ("article-in-clause", data.replace(b"1. Investigate.", b"1. ## Article 4. Prevention")),
        ("heading-no-space", data.replace(b"## Article 5", b"##Article 5")),
        ("headings-reordered", data.replace(b"Article 4", b"Article 9")),
        ("clauses-letters", data.replace(b"1. Inform", b"a) Inform").replace(b"2. Patrol", b"b) Patrol")),
        ("blank-lines-only-between", data.replace(b"\n\n", b"\n\n\n\n\n")),
        ("dotdot-link", data + b"\n[text](../../.git/config)\n"),
    ]


def path_cases():
    """Records at paths a tracker should never hold, with valid content."""
    return [
        ("Events/2016/10/../../../x.yaml", REPORT),
        ("Events/2016/10/sr-2016-10-05-vn-copy.yaml", REPORT),
        ("Events/2016/sr-2016-10-05-vn.yaml", REPORT),
        ("Events/sr-2016-10-05-vn.yaml", REPORT),
        ("Events/2016/13/sr-2016-10-05-vn.yaml", REPORT),
        ("Events/2016/10/notes.txt", "plain text\n"),
        ("Evidence/2016/ev-2016-review.yml", EVIDENCE),
        ("Evidence/2017/ev-2016-review.yaml", EVIDENCE),
        ("Meetings/2016-10-05-other.yaml", MEETING),
        ("Agreements/tip-2006/instrument.yaml", INSTRUMENT),
        ("Agreements/tip-2005/text.fr.md", TEXT),
        ("Agreements/TIP 2005/instrument.yaml", INSTRUMENT.replace("tip-2005", "TIP 2005")),
        ("Plans/plan-2017-2020-copy.yaml", PLAN),
        ("Plans/sub/plan.yaml", PLAN),
    ]


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    out = sys.argv[1]
    os.makedirs(os.path.join(out, "cases"), exist_ok=True)
    for path, text in BASE.items():
        target = os.path.join(out, "base", path)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "w", encoding="utf-8") as f:
            f.write(text)
    cases = []

    def add(name, path, data, kind):
        file = "%04d" % len(cases)
        with open(os.path.join(out, "cases", file), "wb") as f:
            f.write(data)
        cases.append({"name": name, "path": path, "file": file, "kind": kind})

    # Every damage on the status report (the record that arrives most often by sync); a
    # fifth of them, in turn, on each other record; wrong values on every field.
    for index, path in enumerate(RECORDS):
        mutations = record_mutations(BASE[path])
        for number, (name, data) in enumerate(mutations):
            if path.startswith("Events/") or number % 5 == index % 5:
                add(f"{path}: {name}", path, data, "record")
        for name, data in value_mutations(BASE[path], index * 5):
            add(f"{path}: {name}", path, data, "record")
    for name, data in text_mutations(TEXT):
        add(f"{TEXT_PATH}: {name}", TEXT_PATH, data, "text")
    for path, text in path_cases():
        add(f"{path}: placed", path, text.encode(), "path")
    with open(os.path.join(out, "cases.json"), "w") as f:
        json.dump(cases, f, indent=1)
    counts = {}
    for case in cases:
        counts[case["kind"]] = counts.get(case["kind"], 0) + 1
    print(f"{len(cases)} cases: " + ", ".join(f"{n} {k}" for k, n in sorted(counts.items())))


if __name__ == "__main__":
    main()
