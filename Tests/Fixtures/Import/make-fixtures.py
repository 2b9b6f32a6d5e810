#!/usr/bin/env python3
"""Makes the import fixtures from the texts in source/ with LibreOffice (headless).

Run from this folder: python3 make-fixtures.py. Needs soffice (libreoffice-writer-nogui,
libreoffice-calc-nogui) and, for the Khmer PDF, fonts-khmeros. The files it makes are
committed, so the tests need none of these tools.

  agreement.<lang>.docx   Word, articles as bold lines, no heading styles (LibreOffice from HTML)
  headings.en.docx        Word, articles in Heading 2 style (LibreOffice from HTML)
  agreement.<lang>.pdf    printed by LibreOffice from the .docx
  draft.en.docx           a Track Changes draft: OOXML w:ins/w:del written here, then opened
                          and saved again by LibreOffice so the file is one a real tool wrote
"""
import html, os, re, shutil, subprocess, sys, tempfile, zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
ARTICLE = re.compile(r"^(Article|Điều|មាត្រា) [0-9០-៩]+\.")


def soffice(args, cwd):
    subprocess.run(["soffice", "--headless", "--norestore"] + args, cwd=cwd, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def page(lines, headings):
    body = []
    for i, line in enumerate(lines):
        if not line:
            continue
        text = html.escape(line)
        if i == 0:
            body.append(f"<p><b>{text}</b></p>")
        elif ARTICLE.match(line):
            body.append(f"<h2>{text}</h2>" if headings else f"<p><b>{text}</b></p>")
        else:
            body.append(f"<p>{text}</p>")
    return "<html><head><meta charset='utf-8'></head><body>\n" + "\n".join(body) + "\n</body></html>\n"


def convert(html_text, name, target, work):
    source = os.path.join(work, name + ".html")
    with open(source, "w", encoding="utf-8") as f:
        f.write(html_text)
    soffice(["--infilter=HTML (StarWriter)", "--convert-to", target, source], work)
    return os.path.join(work, name + "." + target.split(":")[0])


W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def run(text, bold=False):
    props = "<w:rPr><w:b/></w:rPr>" if bold else ""
    return f'<w:r>{props}<w:t xml:space="preserve">{html.escape(text)}</w:t></w:r>'


def write_docx(path, paragraphs):
    """The smallest .docx Word opens: `paragraphs` (w:p elements) in one document part."""
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {W}><w:body>'
                + "".join(paragraphs) + "<w:sectPr/></w:body></w:document>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml",
                   '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                   '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                   '<Default Extension="xml" ContentType="application/xml"/>'
                   '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
                   "</Types>")
        z.writestr("_rels/.rels",
                   '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
                   "</Relationships>")
        z.writestr("word/document.xml", document)


def draft_docx(path):
    """Article 1 with 'once' deleted and 'twice' inserted; a new clause 1.3 inserted; a
    deleted word in Article 2."""
    ins = lambda i, text: f'<w:ins w:id="{i}" w:author="Drafter" w:date="2012-09-01T00:00:00Z">{run(text)}</w:ins>'
    dele = lambda i, text: (f'<w:del w:id="{i}" w:author="Drafter" w:date="2012-09-01T00:00:00Z"><w:r>'
                            f'<w:delText xml:space="preserve">{html.escape(text)}</w:delText></w:r></w:del>')
    p = lambda inner: f"<w:p>{inner}</w:p>"
    paragraphs = [
        p(run("Agreement on cooperation against trafficking in persons", bold=True)),
        p(run("Article 1. Purpose", bold=True)),
        p(run("The Parties cooperate to prevent trafficking in women and children.")),
        p(run("1. Each Party designates a focal agency.")),
        p(run("2. The focal agencies meet at least ") + dele(1, "once") + ins(2, "twice") + run(" a year.")),
        # A whole inserted paragraph: its mark is inserted too.
        '<w:p><w:pPr><w:rPr><w:ins w:id="3" w:author="Drafter" w:date="2012-09-01T00:00:00Z"/></w:rPr></w:pPr>'
        + ins(4, "3. The focal agencies report to the ministers.") + "</w:p>",
        p(run("Article 2. Repatriation", bold=True)),
        p(run("1. The Parties return victims ") + dele(5, "promptly and ") + run("safely.")),
    ]
    write_docx(path, paragraphs)


def main():
    work = tempfile.mkdtemp(prefix="accord-fixtures-")
    try:
        for lang in ["en", "vi", "km"]:
            with open(os.path.join(HERE, "source", f"agreement.{lang}.txt"), encoding="utf-8") as f:
                lines = f.read().split("\n")
            docx = convert(page(lines, headings=False), f"agreement.{lang}", "docx:MS Word 2007 XML", work)
            shutil.copy(docx, os.path.join(HERE, f"agreement.{lang}.docx"))
            soffice(["--convert-to", "pdf", docx], work)
            shutil.copy(os.path.join(work, f"agreement.{lang}.pdf"), os.path.join(HERE, f"agreement.{lang}.pdf"))
            if lang == "en":
                docx = convert(page(lines, headings=True), "headings.en", "docx:MS Word 2007 XML", work)
                shutil.copy(docx, os.path.join(HERE, "headings.en.docx"))
        # The hand-written draft, opened and saved again by LibreOffice: it keeps the
        # tracked changes, which proves they are real Word revisions to a real tool.
        draft = os.path.join(work, "draft-source.docx")
        draft_docx(draft)
        os.makedirs(os.path.join(work, "out"))
        soffice(["--convert-to", "docx:MS Word 2007 XML", "--outdir", os.path.join(work, "out"), draft], work)
        saved = os.path.join(work, "out", "draft-source.docx")
        with zipfile.ZipFile(saved) as z:
            xml = z.read("word/document.xml").decode("utf-8")
        if "<w:ins " not in xml or "<w:del " not in xml:
            sys.exit("LibreOffice dropped the tracked changes of the draft")
        shutil.copy(saved, os.path.join(HERE, "draft.en.docx"))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
