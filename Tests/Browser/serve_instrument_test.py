#!/usr/bin/python3
"""Adds and amends an instrument through `accord serve` in headless Chromium, and downloads
the lists as spreadsheets.

Usage: serve_instrument_test.py ACCORD_BINARY WORK_DIR

Builds the example tracker in WORK_DIR with an editor (VN) and a reporter (VN), starts the
server on a non-loopback address and checks, through the browser: a reporter may not open
the instrument form; a form with bad input shows each problem next to its field and records
nothing; the preview shows the articles of an uploaded Word file and records nothing; the
form records the instrument from the .docx in one tagged commit authored by the editor,
which `git log` shows and the instrument page shows; the amend form records a new revision
from a .md file, and refuses the same file again next to its field. Then every list's
.xlsx download is read back with openpyxl and holds the CSV's header and rows.

Needs python3-selenium, chromium-driver and python3-openpyxl (Debian). Exits 0 when every
check passed.
"""
import csv
import io
import os
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request

import openpyxl
import serving
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

ACCORD, WORK = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TRACKER = os.path.join(WORK, "tracker")
SHOTS = os.path.join(WORK, "screenshots")
DOCX = os.path.join(ROOT, "Tests", "Fixtures", "Import", "agreement.en.docx")
PASSWORDS = {"minh": "minh-password-123", "lan": "lan-password-123"}
failures = []


def check(condition, what):
    print(("ok   " if condition else "FAIL ") + what, flush=True)
    if not condition:
        failures.append(what)


def accord(*args, stdin=None):
    env = dict(os.environ, ACCORD_EXAMPLE_DIR=ROOT)
    return subprocess.run([ACCORD, *args], input=stdin, capture_output=True, text=True, env=env, timeout=300)


def git(*args):
    return subprocess.run(["git", "-C", TRACKER, *args], capture_output=True, text=True).stdout


def commits():
    return int(git("rev-list", "--count", "HEAD"))


def sign_in(driver, base, name):
    driver.get(base + "/login")
    driver.find_element(By.ID, "name").send_keys(name)
    driver.find_element(By.ID, "password").send_keys(PASSWORDS[name])
    serving.press(driver, "form[action='/login'] button")


def problems(driver):
    return {element.get_attribute("id"): element.text for element in driver.find_elements(By.CSS_SELECTOR, "p.problem")}


def set_value(driver, element_id, value):
    # Date fields take typed digits in the browser's own order; set them directly.
    driver.execute_script("document.getElementById(arguments[0]).value = arguments[1]", element_id, value)


def done(driver):
    found = driver.find_elements(By.CSS_SELECTOR, ".done")
    return found[0].text if found else ""


def main():
    os.makedirs(SHOTS, exist_ok=True)
    subprocess.run(["rm", "-rf", TRACKER], check=True)
    result = accord("init", "--example", TRACKER)
    check(result.returncode == 0, "accord init --example: " + result.stderr.strip())
    for name, role in (("minh", "editor"), ("lan", "reporter")):
        result = accord("user", "add", name, "--party", "VN", "--role", role, "--password-stdin", "--repo", TRACKER,
                        stdin=PASSWORDS[name] + "\n")
        check(result.returncode == 0, f"accord user add {name}: " + (result.stdout + result.stderr).strip())
    serving.serve_and_drive(ACCORD, TRACKER, run_checks, check, page_load_timeout=180)
    print(f"{len(failures)} failed" if failures else "all checks passed")
    sys.exit(1 if failures else 0)


def fill_instrument(driver, base, fields, files):
    driver.get(base + "/instruments/new")
    for name, value in fields.items():
        element = driver.find_element(By.ID, name)
        if element.tag_name == "select":
            Select(element).select_by_value(value)
        elif element.get_attribute("type") == "date":
            set_value(driver, name, value)
        else:
            element.clear()
            element.send_keys(value)
    for name, path in files.items():
        driver.find_element(By.ID, name).send_keys(path)


def run_checks(driver, base):
    # A reporter may not add instruments.
    sign_in(driver, base, "lan")
    driver.get(base + "/instruments/new")
    check("Not allowed" in driver.page_source and "id=\"signed\"" not in driver.page_source,
          "a reporter is refused the instrument form")
    serving.press(driver, "form[action='/logout'] button")
    sign_in(driver, base, "minh")
    check("minh (VN, editor)" in driver.page_source, "signed in as the editor minh")

    # Bad input: each problem next to its field, nothing recorded.
    before = commits()
    fill_instrument(driver, base, {"id": "Bad Id", "title": "Memorandum on border liaison", "parties": "VN KH",
                                   "signed": "2999-01-01", "signatories": "Minister without a party"}, {})
    serving.press(driver, "button[name='record']")
    shown = problems(driver)
    check("Bad Id" in shown.get("id-problem", ""), "a bad id is named next to the id field: " + repr(shown))
    check("2999-01-01" in shown.get("signed-problem", ""), "a future signing day is named next to its field")
    check("party first" in shown.get("signatories-problem", ""), "a signatory without a party is named next to its field")
    check("choose the file" in shown.get("text-1-problem", ""), "a missing text is named next to the file field")
    check(commits() == before, "a form with problems records nothing")
    driver.save_screenshot(os.path.join(SHOTS, "instrument-problems.png"))

    # A damaged file is named next to its field.
    broken = os.path.join(WORK, "broken.docx")
    with open(broken, "wb") as f:
        f.write(b"this is not a Word document")
    fields = {"id": "bl-2026", "title": "Memorandum on border liaison", "kind": "memorandum", "parties": "VN KH",
              "signed": "2026-03-02", "place": "Phnom Penh", "signatories": "VN: Minister of Public Security\nKH: Minister of Interior",
              "in-force": "2026-03-02", "lang-1": "en"}
    fill_instrument(driver, base, fields, {"text-1": broken})
    serving.press(driver, "button[name='record']")
    shown = problems(driver)
    check("broken.docx" in shown.get("text-1-problem", ""), "a damaged .docx is named next to its field: " + repr(shown))
    check(commits() == before, "nothing recorded for a damaged file")

    # The preview shows the articles found and records nothing.
    fill_instrument(driver, base, fields, {"text-1": DOCX})
    serving.press(driver, "button[name='preview']")
    shown = done(driver)
    check("Article 1" in shown and "would record bl-2026@2026-03-02" in shown, "the preview lists the articles: " + shown[:300])
    check(commits() == before, "the preview records nothing")
    check(driver.find_element(By.ID, "id").get_attribute("value") == "bl-2026", "the preview keeps the values typed")
    driver.save_screenshot(os.path.join(SHOTS, "instrument-preview.png"))

    # Recorded from the .docx: one tagged commit by the editor.
    driver.find_element(By.ID, "text-1").send_keys(DOCX)
    serving.press(driver, "button[name='record']")
    shown = done(driver)
    check(shown.startswith("recorded bl-2026@2026-03-02"), "the instrument is recorded: " + shown + " " + repr(problems(driver)))
    check(commits() == before + 1, "one commit for the instrument")
    log = git("log", "-1", "--format=%an|%ad|%s", "--date=short")
    check(log.strip() == "minh|2026-03-02|Add bl-2026: Memorandum on border liaison", "git log: " + log.strip())
    check("bl-2026@2026-03-02" in git("tag", "--list"), "the tag bl-2026@2026-03-02 is made")
    check("Agreements/bl-2026/text.en.md" in git("ls-tree", "-r", "--name-only", "HEAD"), "the text is committed as text.en.md")
    driver.find_element(By.LINK_TEXT, "Open the instrument").click()
    serving.wait_until(driver, lambda d: "bl-2026" in d.title)
    check("Memorandum on border liaison" in driver.page_source and "focal agency" in driver.page_source,
          "the instrument page shows the title and the text in force")
    driver.save_screenshot(os.path.join(SHOTS, "instrument-added.png"))

    # Again with the same id: refused next to the id.
    fill_instrument(driver, base, fields, {"text-1": DOCX})
    serving.press(driver, "button[name='record']")
    check("exists already" in problems(driver).get("id-problem", ""), "an existing id is refused next to its field")

    # A new revision from a .md file through the amend form.
    text = git("show", "HEAD:Agreements/bl-2026/text.en.md")
    amended = os.path.join(WORK, "amended.en.md")
    with open(amended, "w", encoding="utf-8") as f:
        f.write(text.replace("at least once a year", "at least twice a year"))
    driver.get(base + "/show?id=bl-2026")
    driver.find_element(By.LINK_TEXT, "Record a new revision of its text").click()
    serving.wait_until(driver, lambda d: d.find_elements(By.ID, "message"))
    check(Select(driver.find_element(By.ID, "id")).first_selected_option.get_attribute("value") == "bl-2026",
          "the amend form opens on the instrument")
    before = commits()
    set_value(driver, "date", "2026-06-01")
    driver.find_element(By.ID, "message").send_keys("Meetings twice a year")
    driver.find_element(By.ID, "text-1").send_keys(amended)
    serving.press(driver, "button[name='record']")
    shown = done(driver)
    check(shown.startswith("recorded bl-2026@2026-06-01"), "the revision is recorded: " + shown + " " + repr(problems(driver)))
    check(commits() == before + 1, "one commit for the revision")
    check("twice a year" in git("show", "HEAD:Agreements/bl-2026/text.en.md"), "the new text is committed")
    driver.get(base + "/amend?id=bl-2026")
    set_value(driver, "date", "2026-06-02")
    driver.find_element(By.ID, "message").send_keys("The same again")
    driver.find_element(By.ID, "text-1").send_keys(amended)
    serving.press(driver, "button[name='record']")
    shown = problems(driver)
    check("no change" in shown.get("text-1-problem", ""), "the same text again is refused next to the file: " + repr(shown))
    check(commits() == before + 1, "nothing recorded for no change")
    driver.save_screenshot(os.path.join(SHOTS, "amend-problems.png"))

    check_plan_import(driver, base)
    check_report_import(driver, base)
    check_spreadsheets(driver, base)


def workbook(name, rows):
    """An .xlsx file in WORK holding `rows`, made by openpyxl as a ministry's Excel would be."""
    path = os.path.join(WORK, name)
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def upload(driver, base, path, field, file, button, plan=None):
    """Opens the import form at `path`, chooses `file` (and the plan), presses `button`;
    returns what the page says was done or previewed, and its problems by field."""
    driver.get(base + path)
    if plan:
        Select(driver.find_element(By.ID, "plan")).select_by_value(plan)
    driver.find_element(By.ID, field).send_keys(file)
    serving.press(driver, f"button[name='{button}']")
    return done(driver), problems(driver)


def check_plan_import(driver, base):
    """A plan matrix in Excel, headed in Vietnamese as a ministry keeps it: a bad row is
    named next to the file and nothing recorded; the preview lists the items and records
    nothing; Record adds them in one commit by the editor."""
    bad = os.path.join(WORK, "ke-hoach-sai.csv")
    with open(bad, "w", encoding="utf-8") as out:
        out.write("Lĩnh vực,Mục,Tên hoạt động,Cơ quan chủ trì,Bên\n3,3.9,,Bộ Công an,VN\n")
    before = commits()
    _, shown = upload(driver, base, "/plans/import", "matrix", bad, "record", plan="plan-2017-2020")
    check("ke-hoach-sai.csv:2:tên hoạt động" in shown.get("matrix-problem", ""),
          "a row without a title is named next to the file, by its Vietnamese column: " + repr(shown))
    check(commits() == before, "a matrix with a problem records nothing")

    matrix = workbook("ke-hoach.xlsx", [
        ["Lĩnh vực", "Tên lĩnh vực", "Mục", "Tên hoạt động", "Cơ quan chủ trì", "Bên", "Bắt đầu", "Kết thúc"],
        ["7", "Nghiên cứu", "7.1", "Nghiên cứu tuyển mộ trên mạng", "Viện Khoa học Công an", "VN", "2018-01-01", "2018-12-31"],
        ["7", "", "7.1", "", "ក្រសួងមហាផ្ទៃ", "KH", None, None],
        ["3", "", "3.9", "Đường dây nóng song ngữ", "Bộ Lao động", "VN", "2019-01-01", "2020-06-30"],
    ])
    shown, wrong = upload(driver, base, "/plans/import", "matrix", matrix, "preview", plan="plan-2017-2020")
    check("2 items would be added to plan-2017-2020" in shown and "plan-2017-2020#7.1 Nghiên cứu tuyển mộ trên mạng" in shown,
          "the preview lists the items: " + shown[:300] + " " + repr(wrong))
    check(commits() == before, "the preview records nothing")
    driver.save_screenshot(os.path.join(SHOTS, "plan-import-preview.png"))
    shown, wrong = upload(driver, base, "/plans/import", "matrix", matrix, "record", plan="plan-2017-2020")
    check(shown.startswith("2 items added to plan-2017-2020 (commit "), "the items are recorded: " + shown + " " + repr(wrong))
    check(commits() == before + 1, "one commit for the matrix")
    log = git("log", "-1", "--format=%an|%s")
    check(log.strip() == "minh|Plan: import 2 items into plan-2017-2020 from ke-hoach.xlsx", "git log: " + log.strip())
    items = accord("list", "items", "--json", "--as-of", "2019-06-30", "--repo", TRACKER).stdout
    check('"plan-2017-2020#7.1"' in items and '"plan-2017-2020#3.9"' in items, "accord list items shows the new items")
    driver.save_screenshot(os.path.join(SHOTS, "plan-import-recorded.png"))


def check_report_import(driver, base):
    """A desk's table of status reports headed in Khmer: a bad status is named next to the
    file and nothing recorded; the preview lists the reports; Record makes a commit a report,
    by the editor, each report naming the reporter its row gives."""
    before = commits()
    header = ["ចំណុច", "ភាគី", "ស្ថានភាព", "កាលបរិច្ឆេទ", "កំណត់សម្គាល់", "អ្នករាយការណ៍"]
    bad = workbook("reports-bad.xlsx", [header, ["tip-2005#4.1", "KH", "done", "2026-01-15", "", ""]])
    _, shown = upload(driver, base, "/reports/import", "sheet", bad, "record")
    check("reports-bad.xlsx:2:ស្ថានភាព" in shown.get("sheet-problem", "") and "is not a status" in shown.get("sheet-problem", ""),
          "a bad status is named next to the file, by its Khmer column: " + repr(shown))
    check(commits() == before, "a sheet with a problem records nothing")

    good = workbook("reports.xlsx", [
        header,
        ["tip-2005#4.1", "KH", "in-progress", "2026-01-15", "បានរៀបចំវគ្គបណ្តុះបណ្តាល", "Sok Dara"],
        ["tip-2005#4.1", "VN", "implemented", "2026-01-20", "Đã tổ chức tập huấn", ""],
    ])
    shown, wrong = upload(driver, base, "/reports/import", "sheet", good, "preview")
    check("2 reports would be recorded" in shown and "row 2: would record tip-2005#4.1 KH in-progress on 2026-01-15" in shown,
          "the preview lists the reports: " + shown[:300] + " " + repr(wrong))
    check(commits() == before, "the preview records nothing")
    shown, wrong = upload(driver, base, "/reports/import", "sheet", good, "record")
    check(shown.startswith("2 reports recorded from reports.xlsx"), "the reports are recorded: " + shown + " " + repr(wrong))
    check(commits() == before + 2, "a commit a report")
    log = git("log", "-2", "--format=%an|%ad|%s", "--date=short")
    check(log.strip() == "minh|2026-01-20|tip-2005#4.1: VN implemented\nminh|2026-01-15|tip-2005#4.1: KH in-progress",
          "git log: " + log.strip())
    added = git("show", "--format=", "--name-only", "HEAD~1").strip()
    check("reporter: Sok Dara" in git("show", "HEAD~1:" + added), "the report names the reporter its row gives")
    driver.save_screenshot(os.path.join(SHOTS, "report-import-recorded.png"))


def check_spreadsheets(driver, base):
    cookie = "accord_session=" + driver.get_cookie("accord_session")["value"]
    for path in ("/status", "/gaps", "/schedule", "/meetings", "/history", "/search"):
        query = "?q=border" if path == "/search" else ""
        request = urllib.request.Request(base + path + ".xlsx" + query, headers={"Cookie": cookie})
        with urllib.request.urlopen(request) as response:
            kind = response.headers.get("Content-Type", "")
            disposition = response.headers.get("Content-Disposition", "")
            data = response.read()
        check(kind == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
              f"{path}.xlsx is served as a spreadsheet: {kind}")
        check(f'filename="{path[1:]}.xlsx"' in disposition, f"{path}.xlsx is named for saving: {disposition}")
        request = urllib.request.Request(base + path + ".csv" + query, headers={"Cookie": cookie})
        with urllib.request.urlopen(request) as response:
            rows = list(csv.reader(io.StringIO(response.read().decode("utf-8"))))
        sheet = openpyxl.load_workbook(io.BytesIO(data), read_only=True).worksheets[0]
        cells = [["" if value is None else value for value in row] for row in sheet.iter_rows(values_only=True)]
        check(cells[0] == rows[0], f"{path}.xlsx has the CSV's header: {cells[0]}")
        check(len(cells) == len(rows), f"{path}.xlsx has the CSV's {len(rows) - 1} rows ({len(cells) - 1})")
        check(len(rows) > 1 or path == "/search", f"{path} has rows to compare")


if __name__ == "__main__":
    main()
