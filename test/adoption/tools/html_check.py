#!/usr/bin/env python3
"""html_check.py --chromium BIN --html REPORT --json REPORT --out DIR

Loads an HTML report in headless Chromium, as a reader would open it, and
counts what the browser rendered: the findings (section.finding) and the
numbered steps of their paths (li.step), once as it is and once without
its scripts (a copy with every <script> element removed: headless
Chromium needs JavaScript itself to dump the page, so the reader's
"scripts off" is made that way); takes a screenshot of each
(DIR/report.png, DIR/report-nojs.png, kept as the test's artifacts). Compares the counts with the JSON report
of the same scan (a finding's steps: its notes with a place, and the sink).
Also checks that the page loads nothing from anywhere (no script, style,
image or frame with a source). Prints one line per check; exits 1 on a
difference.
"""

import argparse
import html.parser
import json
import os
import re
import subprocess
import sys

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
         "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--hide-scrollbars"]


class Counter(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.findings = 0
        self.steps = 0
        self.loads = []
        self.hidden_findings = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        classes = (a.get("class") or "").split()
        if tag == "section" and "finding" in classes:
            self.findings += 1
            if "hidden" in a:
                self.hidden_findings += 1
        if tag == "li" and "step" in classes:
            self.steps += 1
        if tag in ("script", "img", "iframe", "link", "audio", "video",
                   "source", "embed", "object") and (
                       a.get("src") or a.get("href") or a.get("data")):
            self.loads.append("%s %s" % (tag, a))


def render(chromium, page, out, name, javascript):
    profile = os.path.join(out, "profile-" + name)
    flags = FLAGS + ["--user-data-dir=" + profile]
    if not javascript:
        with open(page, encoding="utf-8") as f:
            text = re.sub(r"<script\b.*?</script>", "", f.read(),
                          flags=re.S | re.I)
        page = os.path.join(out, name + ".html")
        with open(page, "w", encoding="utf-8") as f:
            f.write(text)
    url = "file://" + os.path.abspath(page)
    dom = subprocess.run([chromium] + flags + ["--dump-dom", url],
                         stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                         text=True, timeout=120).stdout
    shot = os.path.join(out, name + ".png")
    subprocess.run([chromium] + flags + ["--window-size=1280,2400",
                                         "--screenshot=" + shot, url],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   timeout=120)
    c = Counter()
    c.feed(dom)
    return c, os.path.exists(shot) and os.path.getsize(shot) > 0


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--chromium", required=True)
    p.add_argument("--html", required=True)
    p.add_argument("--json", required=True)
    p.add_argument("--out", required=True)
    a = p.parse_args()
    os.makedirs(a.out, exist_ok=True)
    with open(a.json) as f:
        report = json.load(f)
    want_findings = len(report["findings"])
    want_steps = sum(1 + sum(1 for n in f["notes"] if n.get("line"))
                     for f in report["findings"])
    print("json: %d finding(s), %d step(s)" % (want_findings, want_steps))
    problems = 0
    for name, javascript in (("report", True), ("report-nojs", False)):
        c, shot = render(a.chromium, a.html, a.out, name, javascript)
        print("%s: rendered %d finding(s), %d step(s), %d hidden; "
              "screenshot %s" % (
                  "with javascript" if javascript else "without javascript",
                  c.findings, c.steps, c.hidden_findings,
                  "taken" if shot else "MISSING"))
        if (c.findings, c.steps, c.hidden_findings) != (
                want_findings, want_steps, 0) or not shot:
            problems += 1
        for load in c.loads:
            print("loads: " + load)
            problems += 1
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
