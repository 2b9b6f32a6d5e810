#!/usr/bin/env python3
"""Makes the spreadsheet fixtures with LibreOffice (headless) from flat ODS written here.

Run from this folder: python3 make-sheets.py (needs soffice: libreoffice-calc-nogui). The
.xlsx files are committed, so the tests need no LibreOffice.

  reports.xlsx           status reports: text, real date cells, Vietnamese and Khmer notes
  reports-formula.xlsx   a date computed by a formula
  reports-merged.xlsx    a target merged over two rows
  reports-bad.xlsx       a date typed as text, an unknown status, an unknown target, a future date
  reports-column.xlsx    an unknown column
"""
import html, os, shutil, subprocess, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
HEAD = ('<?xml version="1.0" encoding="UTF-8"?>\n<office:document '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
        'xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2" '
        'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
        'xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" '
        'office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">'
        # Date cells shown as yyyy-mm-dd: the date format is what makes them dates in .xlsx.
        '<office:automatic-styles><number:date-style style:name="N1"><number:year number:style="long"/>'
        '<number:text>-</number:text><number:month number:style="long"/><number:text>-</number:text>'
        '<number:day number:style="long"/></number:date-style>'
        '<style:style style:name="ce1" style:family="table-cell" style:data-style-name="N1"/></office:automatic-styles>'
        '<office:body><office:spreadsheet><table:table table:name="Reports">')
TAIL = "</table:table></office:spreadsheet></office:body></office:document>\n"


def cell(value):
    if value is None:
        return "<table:table-cell/>"
    if isinstance(value, tuple):
        kind, v = value
        if kind == "date":
            return f'<table:table-cell table:style-name="ce1" office:value-type="date" office:date-value="{v}"><text:p>{v}</text:p></table:table-cell>'
        if kind == "formula":
            return (f'<table:table-cell table:style-name="ce1" table:formula="{html.escape(v)}" office:value-type="date" '
                    f'office:date-value="2006-03-31"><text:p>2006-03-31</text:p></table:table-cell>')
        if kind == "merged":
            return (f'<table:table-cell table:number-rows-spanned="2" office:value-type="string">'
                    f"<text:p>{html.escape(v)}</text:p></table:table-cell>")
        if kind == "covered":
            return "<table:covered-table-cell/>"
    return f'<table:table-cell office:value-type="string"><text:p>{html.escape(value)}</text:p></table:table-cell>'


def sheet(rows):
    return HEAD + "".join("<table:table-row>" + "".join(cell(c) for c in row) + "</table:table-row>" for row in rows) + TAIL


HEADER = ["Target", "Party", "Status", "Date", "Note"]
SHEETS = {
    "reports": [HEADER,
                ["tip-2005#1.1", "VN", "implemented", ("date", "2006-03-31"), "Cục Cảnh sát hình sự được chỉ định."],
                ["tip-2005#1.1", "KH", "in-progress", ("date", "2006-04-15"), "ក្រសួងមហាផ្ទៃកំពុងរៀបចំ។"],
                ["tip-2005#1.2", "joint", "implemented", ("date", "2006-06-30"), "Met in Hanoi."]],
    "reports-formula": [HEADER,
                        ["tip-2005#1.1", "VN", "implemented", ("formula", "of:=DATE(2006;3;31)"), "Computed."]],
    "reports-merged": [HEADER,
                       [("merged", "tip-2005#1.1"), "VN", "implemented", ("date", "2006-03-31"), None],
                       [("covered", None), "KH", "implemented", ("date", "2006-03-31"), None]],
    "reports-bad": [HEADER,
                    ["tip-2005#1.1", "VN", "implemented", "31/03/2006", None],
                    ["tip-2005#1.1", "KH", "done", ("date", "2006-03-31"), None],
                    ["tip-2005#9.9", "VN", "implemented", ("date", "2006-03-31"), None],
                    ["tip-2005#1.1", "VN", "implemented", ("date", "2099-01-01"), None]],
    "reports-column": [HEADER + ["Budget"],
                       ["tip-2005#1.1", "VN", "implemented", ("date", "2006-03-31"), None, "100"]],
}


def main():
    work = tempfile.mkdtemp(prefix="accord-sheets-")
    try:
        for name, rows in SHEETS.items():
            source = os.path.join(work, name + ".fods")
            with open(source, "w", encoding="utf-8") as f:
                f.write(sheet(rows))
            subprocess.run(["soffice", "--headless", "--norestore", "--convert-to", "xlsx:Calc MS Excel 2007 XML", source],
                           cwd=work, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            shutil.copy(os.path.join(work, name + ".xlsx"), os.path.join(HERE, name + ".xlsx"))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
