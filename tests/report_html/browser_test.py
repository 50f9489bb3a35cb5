#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""The HTML report as a governing body and a website see it: rendered by headless Chromium.

Usage: browser_test.py CHC [CHROMIUM]

Generates a small register with the chc command, writes the report as JSON and
as HTML, checks the HTML is self-contained (nothing fetched from anywhere),
renders it in headless Chromium (--dump-dom) and checks the rendered text holds
the landlord (escaped text round-trips), CH01/CH02 exactly as the JSON has
them, the self-assessment, month labels and an inline SVG chart; then takes a
screenshot and checks it is not blank. Exits 77 (skipped) without Chromium
(Debian package "chromium"). Set CHC_KEEP_HTML_TEST=1 to keep the files.
"""
import html.parser
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

SKIP = 77
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
LANDLORD = "Test & Sons <Homes> \"North\" 'West'"
EVIDENCE = {
    "provisions": {
        "1.2": {"comply": "yes", "evidence": "Policy <section> 2.2 & \"annex\" 'B'",
                "commentary": "Reviewed <script>alert(1)</script> by the board"},
        "3.3": {"comply": "noted", "evidence": "", "commentary": "Board briefed on volumes"},
    }
}

failures = []


def check(ok, what):
    if not ok:
        failures.append(what)
        print("FAIL:", what)


def shown(value, min_decimals):
    """A number as the report shows it: the JSON value exactly (shortest round trip), grouped, >= min_decimals."""
    s = format(float(value), ",")
    whole, _, frac = s.partition(".")
    return whole + "." + frac.ljust(min_decimals, "0") if min_decimals else s


def month_label(key):
    year, month = key.split("-")[:2]
    return f"{MONTHS[int(month) - 1]} {year}"


class TextOf(html.parser.HTMLParser):
    """The text a reader gets: every text node outside <style> and <script>."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self.skip = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in ("style", "script"):
            self.skip += 1

    def handle_endtag(self, tag):
        if tag in ("style", "script") and self.skip:
            self.skip -= 1

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def run(cmd, timeout=120, **kw):
    return subprocess.run(cmd, capture_output=True, timeout=timeout, **kw)


def chromium_run(chromium, tmp, args, name):
    """One headless Chromium run in its own session and profile, killed whole if it hangs."""
    profile = tempfile.mkdtemp(prefix=f"profile-{name}-", dir=tmp)
    home = tempfile.mkdtemp(prefix=f"home-{name}-", dir=tmp)
    cmd = ["timeout", "-k", "5", "60", chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
           "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
           "--disable-dev-shm-usage", "--disable-extensions", "--hide-scrollbars", f"--user-data-dir={profile}"] + args
    env = dict(os.environ, HOME=home)
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, start_new_session=True)
    try:
        out, err = proc.communicate(timeout=75)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        out, err = proc.communicate()
        print(f"FAIL: chromium ({name}) timed out")
    if proc.returncode != 0:
        print(f"chromium ({name}) exited {proc.returncode}; stderr:\n{err.decode(errors='replace')[-3000:]}")
    return proc.returncode, out.decode("utf-8", errors="replace")


def external_references(page):
    """Everything in the file that would reach outside it."""
    found = []
    lower = page.lower()
    for needle in ("http:", "https:", "//", "@import", "<link", "<script", "<iframe", "<object", "<embed", "<base"):
        if needle in lower:
            at = lower.index(needle)
            found.append(f"{needle!r} at {at}: {page[max(0, at - 60):at + 60]!r}")
    for m in re.finditer(r"url\(\s*['\"]?([^'\")\s]*)", page, re.I):
        if not m.group(1).lower().startswith("data:"):
            found.append(f"url({m.group(1)}")
    for m in re.finditer(r"\s(src|srcset|href|xlink:href|action|formaction|poster|data|background)\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s>]+)",
                         page, re.I):
        attr, value = m.group(1).lower(), m.group(2).strip("\"'")
        if attr == "href" and value.startswith("#"):
            continue
        if value.lower().startswith("data:"):
            continue
        found.append(f"{attr}={value}")
    return found


def main():
    if len(sys.argv) < 2:
        print(__doc__)
        return 2
    chc = sys.argv[1]
    chromium = sys.argv[2] if len(sys.argv) > 2 else os.environ.get("CHROMIUM") or shutil.which("chromium")
    if not chromium and os.access("/usr/bin/chromium", os.X_OK):
        chromium = "/usr/bin/chromium"
    if not chromium:
        print("SKIP: chromium is not installed (Debian package chromium)")
        return SKIP

    started = time.monotonic()
    tmp = tempfile.mkdtemp(prefix="chc-report-html-")
    try:
        register = os.path.join(tmp, "register.ndjson")
        gen = run([chc, "generate", "--count", "600", "--seed", "23", "--from", "2024-10-01", "--to", "2026-03-31",
                   "--as-of", "2026-04-30"])
        if gen.returncode != 0:
            print("FAIL: chc generate:", gen.stderr.decode(errors="replace"))
            return 1
        with open(register, "wb") as f:
            f.write(gen.stdout)
            f.write(b'{"id": "<b>broken</b>" & not json\n')  # a rejected line, listed in the report
        evidence = os.path.join(tmp, "evidence.json")
        with open(evidence, "w", encoding="utf-8") as f:
            json.dump(EVIDENCE, f)
        common = ["report", register, "--year", "2025", "--homes", "3000", "--landlord", LANDLORD, "--evidence", evidence]

        rep = run([chc] + common + ["--format", "json"])
        check(rep.returncode == 0, f"chc report --format json exited {rep.returncode}: {rep.stderr.decode(errors='replace')}")
        report = json.loads(rep.stdout)
        page_path = os.path.join(tmp, "report.html")
        rep = run([chc] + common + ["--format", "html", "-o", page_path])
        check(rep.returncode == 0, f"chc report --format html exited {rep.returncode}: {rep.stderr.decode(errors='replace')}")
        with open(page_path, "rb") as f:
            raw = f.read()
        page = raw.decode("utf-8")  # must be valid UTF-8
        check(page.lstrip().lower().startswith("<!doctype html>"), "the file starts with <!DOCTYPE html>")
        check('<html lang="en-GB">' in page, 'the page is <html lang="en-GB">')
        check('<meta charset="utf-8">' in page.lower(), "the page declares UTF-8")
        for ref in external_references(page):
            check(False, f"external reference in report.html: {ref}")
        check("<script>alert(1)</script>" not in page, "evidence text is escaped in the file")

        # The rendered DOM.
        code, dom = chromium_run(chromium, tmp, ["--dump-dom", "file://" + page_path], "dom")
        check(code == 0 and "<body" in dom, "chromium --dump-dom rendered the page")
        parser = TextOf()
        parser.feed(dom)
        text = "".join(parser.parts)

        tsm = report["tsm"]
        per_1000 = shown(tsm["CH01"]["stage1"]["per_1000_homes"], 2)
        ch02 = shown(tsm["CH02"]["stage1"]["percent"], 1) + "%"
        sa_rows = {r["provision"]: r for r in report["self_assessment"]["rows"]}
        expected = {
            "the landlord's name": LANDLORD,
            "CH01": "CH01",
            "CH02": "CH02",
            f"CH01 stage 1 per 1,000 homes ({per_1000})": per_1000,
            f"CH02 stage 1 percentage ({ch02})": ch02,
            "provision 6.2": "6.2",
            f"provision 6.2's comply label ({sa_rows['6.2']['comply']})": sa_rows["6.2"]["comply"],
            "the Noted label from the evidence file": "Noted",
            "evidence text with markup characters": EVIDENCE["provisions"]["1.2"]["evidence"],
            "commentary with a script tag, as text": EVIDENCE["provisions"]["1.2"]["commentary"],
            "section 6's heading": "Complaints stages",
            "the rejected line's reason": report["input"]["rejected"][0]["reason"],
            "generated_by": report["report"]["generated_by"],
        }
        for m in report["monthly"]:
            expected[f"month label {month_label(m['month'])}"] = month_label(m["month"])
        for what, needle in expected.items():
            check(needle in text, f"rendered text contains {what}: {needle!r}")
        check(re.search(r"£\d{1,3}(,\d{3})*\.\d\d", text) is not None, "remedy amounts are shown as £12,345.00")
        check("<svg" in dom, "the rendered DOM has an inline <svg>")
        check("<script" not in dom.lower(), "no <script> element in the rendered DOM (evidence was escaped)")
        check(re.search(r"<th[^>]*scope=\"(col|row)\"", dom) is not None, "table headers have scope")

        # A screenshot: the page paints (text, tables, charts), not a blank or error page.
        png = os.path.join(tmp, "report.png")
        code, _ = chromium_run(chromium, tmp, [f"--screenshot={png}", "--window-size=1280,4000", "file://" + page_path], "shot")
        size = os.path.getsize(png) if os.path.exists(png) else 0
        check(code == 0 and size > 20 * 1024, f"screenshot written and non-trivial ({size} bytes > 20 KB)")
        if size:
            with open(png, "rb") as f:
                check(f.read(8) == b"\x89PNG\r\n\x1a\n", "the screenshot is a PNG")
    finally:
        if os.environ.get("CHC_KEEP_HTML_TEST"):
            print("kept", tmp)
        else:
            shutil.rmtree(tmp, ignore_errors=True)

    print(f"{'FAILED' if failures else 'passed'}: {len(failures)} failure(s) in {time.monotonic() - started:.1f}s")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
