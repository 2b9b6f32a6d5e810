#!/usr/bin/python3
"""Makes law.km.docx, a Khmer law laid out as Cambodian ministries write them, with python-docx.

Run from this folder: /usr/bin/python3 make-khmer-law.py. Needs python3-docx (Debian). The
file it makes is committed, so the tests need neither.

The text is source/law.km.txt, one paragraph a line; a line that starts with `*` is set in
bold (the `*` is not part of the text), as books, chapters and some articles are in real
documents. It has what the import must find with the text format's own labels: article
numbers attached to `មាត្រា` and `មាត្រាទី`, `៣ថ្មី`, the `.-` and `៖` separators, chapter,
book and part headings (`ជំពូកទី១`, `គន្ថីទី១`, `ភាគ ២`), points `ក-` and `១-`, and a
sentence that starts with `មាត្រា១` and is no heading.
"""
import os

import docx

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    with open(os.path.join(HERE, "source", "law.km.txt"), encoding="utf-8") as f:
        lines = [line for line in f.read().split("\n") if line]
    document = docx.Document()
    for line in lines:
        bold = line.startswith("*")
        paragraph = document.add_paragraph()
        run = paragraph.add_run(line[1:] if bold else line)
        run.bold = bold
    document.save(os.path.join(HERE, "law.km.docx"))


if __name__ == "__main__":
    main()
