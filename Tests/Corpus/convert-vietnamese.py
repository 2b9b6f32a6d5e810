#!/usr/bin/env python3
"""Turns a Vietnamese law as plain text (one paragraph a line, as published on the national
legal databases and kept in the Vietnamese Legal Corpus of undertheseanlp/underthesea) into
an accord text: `# ` and the law's name (the line after `LUẬT` or `BỘ LUẬT`), each
`Điều N. Title` line made an article heading (`## Điều N. Title`; older laws write `Điều N`
alone, untitled), every other line a paragraph of its own. The chapter and section headings
that group articles (`Chương I`, `Chương III.` or `Chương 5:` and the title line after it,
`Mục 1. …`) and everything before the first article (the header, the number, the grounds
`Căn cứ …`) are dropped, as convert-gesetze.py drops them. The closing matter
after the last article (the sentence saying when the National Assembly adopted the law,
`Luật này (đã) được Quốc hội … thông qua ngày …`, then the signature: `CHỦ TỊCH QUỐC HỘI`
and the name) has no heading in the published text; it is put under one, `## Thông qua và
chữ ký` ("adoption and signature"), so that it is a back-matter section of its own rather
than the last article's closing text.
Usage: convert-vietnamese.py < law.txt > text.md"""
import re
import sys

lines = [line.strip() for line in sys.stdin.read().replace("\r", "").split("\n")]
title = None
for index, line in enumerate(lines):
    if line in ("LUẬT", "BỘ LUẬT") and index + 1 < len(lines):
        title = (line + " " + lines[index + 1]).strip()
        break
out = ["# " + (title or "LUẬT")]
started, skip_title, closing = False, False, False
ADOPTION = re.compile(r"^(Bộ luật|Luật) này (đã )?được Quốc hội\b.*\bthông qua\b")
for line in lines:
    if not line:
        continue
    if re.match(r"^Chương ([IVXLC]+|\d+)\b", line):
        # The chapter's name is the next non-empty line, in capitals, unless it follows the
        # number on the same line (`Chương I. NHỮNG QUY ĐỊNH CHUNG`). Older laws number
        # chapters in Arabic digits with a colon (`Chương 5:`).
        skip_title = re.match(r"^Chương ([IVXLC]+|\d+)[.:]?$", line) is not None
        continue
    if skip_title and line.upper() == line:
        skip_title = False
        continue
    skip_title = False
    if re.match(r"^(Mục|MỤC) \d+\.?", line):
        continue
    if re.match(r"^Điều \d+[a-zđ]?(\.|$)", line):
        started = True
        out += ["", "## " + line]
        continue
    if started and not closing and ADOPTION.match(line):
        closing = True
        out += ["", "## Thông qua và chữ ký"]
    if started:
        out += ["", line]
sys.stdout.write("\n".join(out) + "\n")
