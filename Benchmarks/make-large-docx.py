#!/usr/bin/env python3
"""Writes a large Word agreement for the import benchmark: python3 make-large-docx.py OUT.docx [ARTICLES]

Articles as bold lines with clauses and points, words drawn from a fixed vocabulary with a
fixed seed, so the file is the same every time (about 500 KB with the default 3,000 articles).
"""
import html, random, sys, zipfile

out = sys.argv[1]
articles = int(sys.argv[2]) if len(sys.argv) > 2 else 3000
rng = random.Random(21)
vocabulary = ("party parties agency cooperate prevent trafficking persons victims return safely border "
              "information exchange training police officers ministry annual plan review report focal "
              "meeting host consent territory cost assistance protection shelter child woman justice "
              "investigate prosecute extradite request thirty days verification identity documents").split()
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def sentence(n):
    words = [rng.choice(vocabulary) for _ in range(n)]
    return " ".join(words).capitalize() + "."


def p(text, bold=False):
    props = "<w:rPr><w:b/></w:rPr>" if bold else ""
    return f'<w:p><w:r>{props}<w:t xml:space="preserve">{html.escape(text)}</w:t></w:r></w:p>'


body = [p("Agreement on cooperation against trafficking in persons", bold=True)]
for a in range(1, articles + 1):
    body.append(p(f"Article {a}. {sentence(3)[:-1]}", bold=True))
    body.append(p(sentence(rng.randint(12, 30))))
    for c in range(1, rng.randint(2, 5)):
        body.append(p(f"{c}. {sentence(rng.randint(10, 40))}"))
    body.append(p("a) " + sentence(8)))
    body.append(p("b) " + sentence(8)))
document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {W}><w:body>'
            + "".join(body) + "<w:sectPr/></w:body></w:document>")
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
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
