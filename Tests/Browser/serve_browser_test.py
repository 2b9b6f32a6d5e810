#!/usr/bin/python3
"""Drives `accord serve` in headless Chromium, as a desk would.

Usage: serve_browser_test.py ACCORD_BINARY WORK_DIR

Builds the example tracker in WORK_DIR, adds two reporters (VN and KH), starts the server
on a non-loopback address (so accounts are required) and checks, through the browser:
signing in, logging progress and adding evidence with a file through the forms, seeing
both on the item page, the dashboard and in `git log`; a form with bad input shows every
problem and records nothing; the language links show the pages in Vietnamese and Khmer; the
search page finds the report; a KH reporter cannot record for VN; a form sent without its
CSRF token is refused. When axe-core is available (AXE_JS names axe.min.js, or the pip
package axe-selenium-python is installed) the main pages are checked for accessibility
violations. Screenshots of the main pages go to WORK_DIR/screenshots.

Needs python3-selenium and chromium-driver (Debian). Exits 0 when every check passed.
"""
import datetime
import http.cookiejar
import os
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request

import serving
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

ACCORD, WORK = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TRACKER = os.path.join(WORK, "tracker")
SHOTS = os.path.join(WORK, "screenshots")
PASSWORDS = {"lan": "lan-password-123", "sok": "sok-password-456"}
failures = []


def check(condition, what):
    print(("ok   " if condition else "FAIL ") + what, flush=True)
    if not condition:
        failures.append(what)


def accord(*args, stdin=None):
    env = dict(os.environ, ACCORD_EXAMPLE_DIR=ROOT)
    return subprocess.run([ACCORD, *args], input=stdin, capture_output=True, text=True, env=env, timeout=300)


def commits():
    return int(subprocess.run(["git", "-C", TRACKER, "rev-list", "--count", "HEAD"],
                              capture_output=True, text=True, check=True).stdout)


def find_axe():
    path = os.environ.get("AXE_JS")
    if path and os.path.exists(path):
        return path
    # Where `make test-deps` puts it.
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    path = os.path.join(root, ".build", "axe", "axe_selenium_python", "node_modules", "axe-core", "axe.min.js")
    if os.path.exists(path):
        return path
    try:
        import axe_selenium_python  # noqa: F401 (only its bundled script is used)
        folder = os.path.dirname(axe_selenium_python.__file__)
        for base, _, files in os.walk(folder):
            if "axe.min.js" in files:
                return os.path.join(base, "axe.min.js")
    except ImportError:
        pass
    return None


def main():
    os.makedirs(SHOTS, exist_ok=True)
    subprocess.run(["rm", "-rf", TRACKER], check=True)
    result = accord("init", "--example", TRACKER)
    check(result.returncode == 0, "accord init --example: " + result.stderr.strip())
    for name, party in (("lan", "VN"), ("sok", "KH")):
        result = accord("user", "add", name, "--party", party, "--role", "reporter", "--password-stdin",
                        "--repo", TRACKER, stdin=PASSWORDS[name] + "\n")
        check(result.returncode == 0, f"accord user add {name}: " + (result.stdout + result.stderr).strip())
    result = accord("user", "add", "short", "--party", "VN", "--role", "reader", "--password-stdin",
                    "--repo", TRACKER, stdin="short\n")
    check(result.returncode == 64, "a password under 10 characters is refused (64)")

    serving.serve_and_drive(ACCORD, TRACKER, run_checks, check, page_load_timeout=120)
    print(f"{len(failures)} failed" if failures else "all checks passed")
    sys.exit(1 if failures else 0)


def sign_in(driver, base, name, password):
    driver.get(base + "/login")
    driver.find_element(By.ID, "name").send_keys(name)
    driver.find_element(By.ID, "password").send_keys(password)
    serving.press(driver, "form[action='/login'] button")


def sign_out(driver):
    serving.press(driver, "form[action='/logout'] button")


def fill_log(driver, base, target, status, party, date=None, note=""):
    driver.get(base + "/log")
    driver.find_element(By.ID, "target").send_keys(target)
    Select(driver.find_element(By.ID, "status")).select_by_visible_text(status)
    Select(driver.find_element(By.ID, "party")).select_by_visible_text(party)
    if date:
        # A date field takes typed digits in the browser's own order; set it directly.
        driver.execute_script("document.getElementById('date').value = arguments[0]", date)
    driver.find_element(By.ID, "note").send_keys(note)
    serving.press(driver, "form[action='/log'] button")


def problems(driver):
    return [element.text for element in driver.find_elements(By.CSS_SELECTOR, "p.problem")]


def run_checks(driver, base):
    driver.get(base + "/")
    check(driver.current_url.endswith("/login"), "an anonymous visitor is sent to sign in")
    sign_in(driver, base, "lan", "wrong password")
    check("wrong" in " ".join(problems(driver)), "a wrong password is refused")
    sign_in(driver, base, "lan", PASSWORDS["lan"])
    check("lan (VN, reporter)" in driver.page_source, "signed in as lan")
    driver.save_screenshot(os.path.join(SHOTS, "dashboard.png"))
    dashboard_before = driver.find_element(By.TAG_NAME, "tbody").text

    # Bad input: every problem is shown, and nothing is recorded.
    before = commits()
    fill_log(driver, base, "tip-2005#99.9", "implemented", "VN", date="2999-01-01", note="")
    shown = problems(driver)
    check(any("tip-2005#99.9" in p for p in shown), "an unknown id is named next to its field: " + repr(shown))
    check(any("2999-01-01" in p for p in shown), "a future date is named next to its field")
    check(commits() == before, "a form with problems records nothing")
    driver.save_screenshot(os.path.join(SHOTS, "log-problems.png"))

    # Progress through the form.
    note = "Browser test: verification within thirty days at the border post."
    fill_log(driver, base, "tip-2005#7.2", "implemented", "VN", note=note)
    recorded = driver.find_element(By.CSS_SELECTOR, ".done").text if driver.find_elements(By.CSS_SELECTOR, ".done") else ""
    check(recorded.startswith("recorded sr-"), "the report is recorded: " + recorded + " " + repr(problems(driver)))
    check(commits() == before + 1, "one commit for the report")

    # Evidence with a file.
    upload = os.path.join(WORK, "minutes-2026.txt")
    with open(upload, "w") as f:
        f.write("Minutes of the border liaison meeting.\n")
    driver.get(base + "/evidence")
    driver.find_element(By.ID, "title").send_keys("Browser test minutes of the border liaison meeting")
    Select(driver.find_element(By.ID, "kind")).select_by_value("training-record")
    driver.find_element(By.ID, "supports").send_keys("tip-2005#7.2")
    driver.find_element(By.ID, "file").send_keys(upload)
    driver.save_screenshot(os.path.join(SHOTS, "evidence-form.png"))
    serving.press(driver, "form[enctype] button")
    recorded = driver.find_element(By.CSS_SELECTOR, ".done").text if driver.find_elements(By.CSS_SELECTOR, ".done") else ""
    check(recorded.startswith("recorded ev-") and "minutes-2026.txt" in recorded,
          "the evidence and its file are recorded: " + recorded + " " + repr(problems(driver)))
    check(commits() == before + 2, "one commit for the evidence")

    # Both show on the item page, the dashboard moved, and git log names the user.
    driver.get(base + "/show?id=" + urllib.parse.quote("tip-2005#7.2", safe=""))
    check(note in driver.page_source, "the report shows on the item page")
    check("Browser test minutes" in driver.page_source, "the evidence shows on the item page")
    check("(training record, " in driver.page_source and "(training-record, " not in driver.page_source,
          "the evidence's kind shows by its name, not its code")
    driver.save_screenshot(os.path.join(SHOTS, "item.png"))
    driver.get(base + "/")
    check(driver.find_element(By.TAG_NAME, "tbody").text != dashboard_before, "the dashboard counts the new report")
    log = subprocess.run(["git", "-C", TRACKER, "log", "-2", "--format=%an|%s"], capture_output=True, text=True).stdout
    check(log.count("lan|") == 2, "git log: both commits authored by lan: " + log.strip())
    attachments = subprocess.run(["git", "-C", TRACKER, "ls-tree", "-r", "--name-only", "HEAD", "Evidence/attachments"],
                                 capture_output=True, text=True).stdout
    check(attachments.strip() != "", "the attachment is committed, content-addressed")

    # Evidence its source dates by the year alone: the picker's day (today), kept as its year.
    driver.get(base + "/evidence")
    driver.find_element(By.ID, "title").send_keys("Browser test annual border survey")
    Select(driver.find_element(By.ID, "kind")).select_by_value("statistics")
    driver.find_element(By.ID, "supports").send_keys("tip-2005#7.2")
    Select(driver.find_element(By.ID, "date-known")).select_by_value("year")
    serving.press(driver, "form[enctype] button")
    recorded = driver.find_element(By.CSS_SELECTOR, ".done").text if driver.find_elements(By.CSS_SELECTOR, ".done") else ""
    year = datetime.date.today().strftime("%Y")
    check(recorded.startswith("recorded ev-" + year + "-browser-test"),
          "evidence dated by its year is recorded: " + recorded + " " + repr(problems(driver)))
    evidence_id = recorded.split()[1] if len(recorded.split()) > 1 else ""
    written = subprocess.run(["git", "-C", TRACKER, "show", f"HEAD:Evidence/{year}/{evidence_id}.yaml"],
                             capture_output=True, text=True).stdout
    check(f'\ndate: "{year}"\n' in written, "its date is kept as the year alone: " + written)

    for name, path in (("gaps", "/gaps?party=VN"), ("schedule", "/schedule"), ("meetings", "/meetings"),
                       ("history", "/history"), ("instrument", "/show?id=tip-2005")):
        driver.get(base + path)
        check("<h1>" in driver.page_source and "Not shown" not in driver.page_source, f"the {name} page shows")
        driver.save_screenshot(os.path.join(SHOTS, name + ".png"))
    driver.get(base + "/history")
    check("VN reported implemented on tip-2005#7.2" in driver.page_source, "the history lists the report")

    # A form without its CSRF token is refused, with this browser's own session.
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    cookie = driver.get_cookie("accord_session")
    before = commits()
    data = urllib.parse.urlencode({"target": "tip-2005#7.2", "status": "partial", "party": "VN"}).encode()
    req = urllib.request.Request(base + "/log", data=data, headers={"Cookie": "accord_session=" + cookie["value"]})
    try:
        opener.open(req)
        status = 200
    except urllib.error.HTTPError as error:
        status = error.code
    check(status == 403, f"a form without the CSRF token is refused (HTTP {status})")
    check(commits() == before, "the refused form recorded nothing")

    # The pages in Vietnamese and Khmer: the language links, then back to English.
    for code, word in (("vi", "Tổng quan"), ("km", "ផ្ទាំងសង្ខេប")):
        driver.get(base + "/gaps?party=VN")
        driver.find_element(By.CSS_SELECTOR, f"a[hreflang='{code}']").click()
        serving.wait_until(driver, lambda d: d.find_element(By.TAG_NAME, "html").get_attribute("lang") == code)
        check("/gaps" in driver.current_url and word in driver.page_source,
              f"the {code} link shows the same page in {code}: " + driver.current_url)
        driver.save_screenshot(os.path.join(SHOTS, f"gaps-{code}.png"))
        if code == "km":
            # This Chromium sees no Khmer font but DejaVu's: the page brings accord's own.
            faces = driver.execute_async_script(
                "const done = arguments[arguments.length - 1];"
                "document.fonts.ready.then(() => done([...document.fonts]"
                ".filter(face => face.family.includes('accord Noto Sans Khmer')).map(face => face.status)))")
            check(faces == ["loaded"], f"the Khmer page loaded accord's Khmer font from the server: {faces}")
        for name, path in (("dashboard", "/"), ("item", "/show?id=" + urllib.parse.quote("tip-2005#7.2", safe="")),
                           ("log", "/log"), ("history", "/history")):
            driver.get(base + path)
            driver.save_screenshot(os.path.join(SHOTS, f"{name}-{code}.png"))
        # The history's sentences, kept in English, are shown in the page's language.
        said = {"vi": "báo cáo", "km": "បានរាយការណ៍"}[code]
        mark = {"vi": "[minh họa]", "km": "[ឧទាហរណ៍]"}[code]
        check(said in driver.page_source and " reported " not in driver.page_source and mark in driver.page_source,
              f"the {code} history says who reported what in {code}, illustrative entries marked")
    driver.find_element(By.CSS_SELECTOR, "a[hreflang='en']").click()
    serving.wait_until(driver, lambda d: d.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en")
    check("Dashboard" in driver.page_source, "the en link brings English back")
    # The Khmer word on an English page (the language link) is drawn in accord's font too,
    # not as boxes in the first font of the list.
    driver.execute_async_script("const done = arguments[arguments.length - 1]; document.fonts.ready.then(() => done(1))")
    driver.execute_cdp_cmd("DOM.enable", {})
    driver.execute_cdp_cmd("CSS.enable", {})
    root = driver.execute_cdp_cmd("DOM.getDocument", {"depth": -1})["root"]["nodeId"]
    link = driver.execute_cdp_cmd("DOM.querySelector", {"nodeId": root, "selector": "a[hreflang='km']"})["nodeId"]
    drawn = driver.execute_cdp_cmd("CSS.getPlatformFontsForNode", {"nodeId": link})["fonts"]
    check([font["postScriptName"] for font in drawn] == ["NotoSansKhmer-Regular"] and all(font["isCustomFont"] for font in drawn),
          f"the Khmer language link of an English page is drawn in accord's Khmer font: {drawn}")

    # The search page finds the report's note.
    driver.get(base + "/search?q=" + urllib.parse.quote("thirty days border post"))
    check("tip-2005#7.2" in driver.page_source or "sr-" in driver.page_source, "the search page finds the report's note")
    driver.save_screenshot(os.path.join(SHOTS, "search.png"))

    # A KH reporter cannot record for VN.
    sign_out(driver)
    sign_in(driver, base, "sok", PASSWORDS["sok"])
    fill_log(driver, base, "tip-2005#7.2", "blocked", "VN", note="Not ours to say.")
    shown = problems(driver)
    check(any("KH only" in p for p in shown), "a KH reporter cannot record for VN: " + repr(shown))
    check(commits() == before, "nothing recorded for VN by KH")
    driver.set_window_size(390, 844)
    for language in ("en", "vi", "km"):
        driver.get(base + "/language?to=" + language + "&back=/")
        # On a phone the dashboard's rows stack: nothing is wider than the screen.
        wide = driver.execute_script(
            "return [document.documentElement.scrollWidth, window.innerWidth,"
            " Math.max(...Array.from(document.querySelectorAll('.scroll')).map(e => e.scrollWidth - e.clientWidth))]")
        check(wide[0] <= wide[1] and wide[2] <= 0, f"the {language} dashboard fits a 390 px screen (page, screen, overflow): {wide}")
        # The other pages may scroll a wide table inside its own box, never the page.
        for path in ("/gaps", "/show?id=" + urllib.parse.quote("tip-2005#7.2", safe=""), "/schedule", "/history"):
            driver.get(base + path)
            page = driver.execute_script("return [document.documentElement.scrollWidth, window.innerWidth]")
            check(page[0] <= page[1], f"the {language} page {path} fits a 390 px screen (page, screen): {page}")
        driver.get(base + "/")
        driver.save_screenshot(os.path.join(SHOTS, f"dashboard-phone-{language}.png"))
    driver.get(base + "/language?to=en&back=/")
    driver.set_window_size(1200, 900)

    axe = find_axe()
    if axe is None:
        check(os.environ.get("ACCORD_AXE_OPTIONAL") == "1",
              "axe-core is installed (make test-deps puts it in .build/axe; ACCORD_AXE_OPTIONAL=1 skips the check)")
        print("note: axe-core not found: accessibility check not run (ACCORD_AXE_OPTIONAL=1)")
        return
    script = open(axe, encoding="utf-8").read()
    driver.set_script_timeout(180)
    for path in ("/", "/log", "/evidence", "/gaps", "/schedule", "/meetings", "/history", "/search?q=border",
                 "/show?id=" + urllib.parse.quote("tip-2005#7.2", safe=""), "/show?id=tip-2005"):
        driver.get(base + path)
        driver.execute_script(script)
        result = driver.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "axe.run(document, {}, (error, found) => done(error ? [{id: String(error), nodes: []}] : found.violations));")
        summary = [(v["id"], len(v["nodes"]), [n.get("html", "")[:80] for n in v["nodes"][:2]]) for v in result]
        check(not result, f"axe-core: no violations on {path}: {summary}")


if __name__ == "__main__":
    main()
