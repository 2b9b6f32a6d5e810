#!/usr/bin/env python3
"""Asks headless Chromium which fonts render an HTML page's elements, through the DevTools
protocol (CSS.getPlatformFontsForNode) over --remote-debugging-pipe, and takes a
screenshot. Prints one JSON object: {"selector": [{"familyName", "isCustomFont",
"glyphCount"}, ...], ...}.

Usage: chromium-fonts.py CHROMIUM PAGE.html SCREENSHOT.png PROFILE_DIR SELECTOR...
Run it with FONTCONFIG_FILE naming a configuration without Khmer fonts to see that the
page brings its own."""
import base64, json, os, subprocess, sys, time

chromium, page, screenshot, profile, selectors = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5:]
to_chromium_read, to_chromium_write = os.pipe()
from_chromium_read, from_chromium_write = os.pipe()
# Chromium reads commands on fd 3 and writes answers on fd 4.
def child_fds():
    # Copied first: a pipe may itself be fd 3 or 4, and dup2 onto itself keeps close-on-exec.
    read, write = os.dup(to_chromium_read), os.dup(from_chromium_write)
    os.dup2(read, 3)
    os.dup2(write, 4)
process = subprocess.Popen(
    [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--hide-scrollbars",
     "--remote-debugging-pipe", f"--user-data-dir={profile}", "--window-size=1240,1754", "about:blank"],
    preexec_fn=child_fds, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL if not os.environ.get("CHROMIUM_FONTS_DEBUG") else None,
    close_fds=False)
os.close(to_chromium_read)
os.close(from_chromium_write)
writer = os.fdopen(to_chromium_write, "wb", buffering=0)
reader = os.fdopen(from_chromium_read, "rb", buffering=0)
pending = b""
next_id = 0

def receive():
    global pending
    while b"\0" not in pending:
        chunk = reader.read(65536)
        if not chunk:
            raise SystemExit("chromium closed the pipe")
        pending += chunk
    message, pending = pending.split(b"\0", 1)
    return json.loads(message)

def call(method, params=None, session=None, wait_event=None):
    global next_id
    next_id += 1
    message = {"id": next_id, "method": method, "params": params or {}}
    if session:
        message["sessionId"] = session
    writer.write(json.dumps(message).encode() + b"\0")
    result, seen = None, wait_event is None
    while result is None or not seen:
        answer = receive()
        if answer.get("id") == next_id:
            if "error" in answer:
                raise SystemExit(f"{method}: {answer['error']}")
            result = answer["result"]
        elif wait_event and answer.get("method") == wait_event:
            seen = True
    return result

try:
    target = call("Target.createTarget", {"url": "about:blank"})["targetId"]
    session = call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
    call("Page.enable", session=session)
    call("Page.navigate", {"url": "file://" + os.path.abspath(page)}, session=session, wait_event="Page.loadEventFired")
    call("DOM.enable", session=session)
    call("CSS.enable", session=session)
    # Web fonts load after the load event when first used; wait until the document says so.
    for _ in range(50):
        ready = call("Runtime.evaluate", {"expression": "document.fonts.status", "returnByValue": True}, session=session)
        if ready["result"].get("value") == "loaded":
            break
        time.sleep(0.1)
    root = call("DOM.getDocument", {"depth": -1}, session=session)["root"]["nodeId"]
    found = {}
    for selector in selectors:
        node = call("DOM.querySelector", {"nodeId": root, "selector": selector}, session=session)["nodeId"]
        if not node:
            found[selector] = None
            continue
        fonts = call("CSS.getPlatformFontsForNode", {"nodeId": node}, session=session)["fonts"]
        found[selector] = fonts
    shot = call("Page.captureScreenshot", {"format": "png"}, session=session)["data"]
    with open(screenshot, "wb") as file:
        file.write(base64.b64decode(shot))
    print(json.dumps(found))
finally:
    try:
        call("Browser.close")
    except BaseException:
        pass
    process.wait(timeout=20)
