"""What the browser scripts share: a free port, and `accord serve` started on a tracker with
headless Chromium driven against it, then stopped and the tracker checked with git fsck."""
import socket
import subprocess
import sys
import time
import urllib.request

from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait


def free_port(host):
    with socket.socket() as s:
        s.bind((host, 0))
        return s.getsockname()[1]


def wait_until(driver, condition, timeout=180):
    """Waits for `condition(driver)` across a navigation: an element looked up while the
    old page is being replaced may be reported gone, which only means "not yet"."""
    return WebDriverWait(driver, timeout, ignored_exceptions=(WebDriverException,)).until(condition)


def press(driver, selector, timeout=180):
    """Clicks the button and waits for the page the form answers with."""
    button = driver.find_element(By.CSS_SELECTOR, selector)
    button.click()

    def gone(_):
        # The old page's button is gone once the answer replaced the page; Chromium says so
        # as a stale element or, mid-navigation, as a node no longer in the document.
        try:
            button.is_enabled()
            return False
        except WebDriverException:
            return True
    WebDriverWait(driver, timeout).until(gone)
    wait_until(driver, lambda d: d.execute_script("return document.readyState") == "complete", timeout)


def serve_and_drive(accord, tracker, run_checks, check, page_load_timeout=120):
    """Starts `accord serve` on a non-loopback address (so accounts are required), waits for
    its sign-in page, runs `run_checks(driver, base)` in headless Chromium, stops the server
    and records through `check` whether `git fsck --strict` is clean."""
    host = "127.0.0.2"
    port = free_port(host)
    base = f"http://{host}:{port}"
    server = subprocess.Popen([accord, "serve", "--repo", tracker, "--listen", f"{host}:{port}"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        for _ in range(300):
            try:
                urllib.request.urlopen(base + "/login", timeout=2)
                break
            except OSError:
                if server.poll() is not None:
                    check(False, "accord serve started: " + server.stderr.read().strip()[-2000:])
                    sys.exit(1)
                time.sleep(0.2)
        options = webdriver.ChromeOptions()
        for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1200,900"):
            options.add_argument(argument)
        driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
        driver.set_page_load_timeout(page_load_timeout)
        try:
            run_checks(driver, base)
        finally:
            driver.quit()
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
    fsck = subprocess.run(["git", "-C", tracker, "fsck", "--strict"], capture_output=True, text=True)
    check(fsck.returncode == 0, "git fsck --strict is clean")
