#!/usr/bin/env python3
"""Writes the report tables of the import benchmark from a tracker's plan items.

    python3 make-reports.py ITEMS.csv OUT_DIR [ROWS]

ITEMS.csv is `accord list items --csv` of the tracker (its `id` column names the targets).
OUT_DIR gets, for ROWS rows (default 10,000; a fixed pattern, so the same every time):
  reports.csv, reports.xlsx   the table a ministry keeps: target, status, date, party, note
  files/Events/...            the same reports as hand-written YAML files, one per report
                              (what a user without accord would commit with git)
  fast-import                 the same files as ROWS commits for `git fast-import` (git's floor)
The .xlsx is written by openpyxl (python3-openpyxl), with real date cells.
"""
import csv, datetime, os, sys

items_csv, out = sys.argv[1], sys.argv[2]
rows = int(sys.argv[3]) if len(sys.argv) > 3 else 10000
with open(items_csv, encoding="utf-8-sig") as f:
    targets = [row["id"] for row in csv.DictReader(f)]
if not targets:
    sys.exit("make-reports.py: no items in " + items_csv)
statuses = ["in-progress", "partial", "implemented", "in-progress", "blocked"]
first = datetime.date(2025, 1, 2)
table = []
for n in range(rows):
    target = targets[n % len(targets)]
    party = "VN" if (n // len(targets)) % 2 == 0 else "KH"
    day = first + datetime.timedelta(days=(n * 300) // rows)
    note = f"Báo cáo số {n + 1}: tiến độ theo kế hoạch · របាយការណ៍ទី {n + 1}"
    table.append((target, statuses[n % len(statuses)], day, party, note))

os.makedirs(out, exist_ok=True)
with open(os.path.join(out, "reports.csv"), "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f)
    w.writerow(["target", "status", "date", "party", "note"])
    for target, status, day, party, note in table:
        w.writerow([target, status, day.isoformat(), party, note])

from openpyxl import Workbook
book = Workbook(write_only=True)
sheet = book.create_sheet("Reports")
sheet.append(["target", "status", "date", "party", "note"])
for target, status, day, party, note in table:
    sheet.append([target, status, day, party, note])
book.save(os.path.join(out, "reports.xlsx"))

# The same reports as files a user would write by hand, and as commits for git fast-import.
stream = open(os.path.join(out, "fast-import"), "wb")
stamp = 1767225600
for n, (target, status, day, party, note) in enumerate(table):
    path = f"Events/{day.year}/{day.month:02d}/sr-{day.isoformat()}-{party.lower()}-h{n:05d}.yaml"
    text = (f"id: sr-{day.isoformat()}-{party.lower()}-h{n:05d}\ntarget: {target}\nstatus: {status}\n"
            f"date: {day.isoformat()}\nparty: {party}\nnote: \"{note}\"\n").encode()
    full = os.path.join(out, "files", path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "wb") as f:
        f.write(text)
    message = f"{target}: {party} {status}\n".encode()
    stream.write(b"commit refs/heads/main\n")
    stream.write(f"committer Bench <bench@example.org> {stamp + n} +0000\n".encode())
    stream.write(b"data %d\n%s" % (len(message), message))
    if n == 0:
        stream.write(b"from refs/heads/main^0\n")
    stream.write(f"M 100644 inline {path}\n".encode())
    stream.write(b"data %d\n%s\n" % (len(text), text))
stream.close()
print(f"{rows} rows on {len(targets)} targets in {out}")
