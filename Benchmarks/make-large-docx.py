#!/usr/bin/env python3
"""Writes a large Word agreement for the import benchmark: python3 make-large-docx.py OUT.docx [ARTICLES]

Articles as bold lines with clauses and points, words drawn from a fixed vocabulary with a
fixed seed, so the file is the same every time (about 500 KB with the default 3,000 articles).
"""
import html, importlib.util, os, random, sys

# The .docx writer of the test fixtures' script, so both write the same minimal package.
_spec = importlib.util.spec_from_file_location(
    "make_fixtures", os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "Fixtures", "Import", "make-fixtures.py"))
_fixtures = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_fixtures)
write_docx = _fixtures.write_docx

out = sys.argv[1]
articles = int(sys.argv[2]) if len(sys.argv) > 2 else 3000
rng = random.Random(21)
vocabulary = ("party parties agency cooperate prevent trafficking persons victims return safely border "
              "information exchange training police officers ministry annual plan review report focal "
              "meeting host consent territory cost assistance protection shelter child woman justice "
              "investigate prosecute extradite request thirty days verification identity documents").split()


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
write_docx(out, body)
