#!/usr/bin/env python3
"""Lists the messages the sources pass to L10n.t that a catalog in Languages/ lacks, and
appends them to it with an empty msgstr for a translator to fill (their English shows
until then, and the catalog tests fail). Usage: scripts/update-catalogs.py [--check]"""
import glob, re, sys

CALL = re.compile(r'L10n\.(?:t|english)\("((?:[^"\\]|\\.)*)"(?:,\s*context:\s*"((?:[^"\\]|\\.)*)")?')
# The web pages' words, written [[English]] in their templates.
MARKED = re.compile(r'\[\[(.+?)\]\]')

def source_keys():
    keys = []
    for path in sorted(glob.glob("Sources/**/*.swift", recursive=True)):
        for line in open(path, encoding="utf-8"):
            if line.lstrip().startswith("//"):
                continue
            for match in CALL.finditer(line):
                key = (match.group(2), match.group(1))
                if key not in keys:
                    keys.append(key)
            if path.endswith("AccordServer/PageTemplates.swift"):
                for match in MARKED.finditer(line):
                    key = (None, match.group(1))
                    if key not in keys:
                        keys.append(key)
    return keys

def catalog_keys(text):
    keys, context = set(), None
    for line in text.splitlines():
        if line.startswith("msgctxt "):
            context = line[len("msgctxt "):].strip()[1:-1]
        elif line.startswith("msgid "):
            keys.add((context, line[len("msgid "):].strip()[1:-1]))
            context = None
    return keys

missing_any = False
for path in sorted(glob.glob("Languages/*.po")):
    text = open(path, encoding="utf-8").read()
    known = catalog_keys(text)
    missing = [key for key in source_keys() if key not in known]
    if not missing:
        continue
    missing_any = True
    print(f"{path}: {len(missing)} messages missing")
    if "--check" in sys.argv:
        continue
    with open(path, "a", encoding="utf-8") as catalog:
        for context, english in missing:
            catalog.write("\n")
            if context:
                catalog.write(f'msgctxt "{context}"\n')
            catalog.write(f'msgid "{english}"\nmsgstr ""\n')
sys.exit(1 if missing_any and "--check" in sys.argv else 0)
