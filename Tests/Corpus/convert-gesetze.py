#!/usr/bin/env python3
"""Turns a law of the bundestag/gesetze repository (Markdown, one file per law) into an
accord text: the `# ` title kept, the metadata list dropped, each `§`/`Art` heading made an
article heading (`## § 3a Title`), the headings that group articles (Teil, Abschnitt, ...)
and anything before the first article dropped. Usage: convert-gesetze.py < index.md > text.md"""
import re
import sys

lines = sys.stdin.read().split("\n")
if lines and lines[0] == "---":
    end = lines.index("---", 1)
    lines = lines[end + 1:]
out, title, started = [], None, False
for line in lines:
    heading = re.match(r"^(#+)\s+(.*)$", line)
    if heading and len(heading.group(1)) == 1 and title is None:
        title = heading.group(2).strip()
        out.append("# " + title)
        out.append("")
        continue
    if heading:
        text = heading.group(2).strip()
        if re.match(r"^(§|Art\.?|Artikel|Anlage|Anhang)\s*\d", text):
            started = True
            out.append("## " + text)
        continue
    if started:
        out.append(line.rstrip())
sys.stdout.write(re.sub(r"\n{3,}", "\n\n", "\n".join(out)).strip() + "\n")
