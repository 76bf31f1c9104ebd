#!/usr/bin/env python3
"""Rewrites the exit status and the expected stderr of tests/bad/NAME.expect
from what the binary says now, keeping its comment, 'args' and 'xmllint'
lines.  For a deliberate change of messages (`make regen` runs it): run
it, then read the diff (git diff tests/bad) before committing; a test that
is regenerated without being read proves nothing.

usage: tests/bad/regen.py [BINARY] [NAME...]
"""
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
BAD = "tests/bad"
HEADER = ("#", "exit ", "args ", "xmllint ")
DIAG = re.compile(r"^(.*?):(\d+): (error|warning): (.*)$")


def header(path):
    """The comment, 'args' and 'xmllint' lines of an expectation file, and
    its extra options."""
    keep, args = [], []
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            for line in f.read().splitlines():
                if not line.startswith(HEADER):
                    break   # the expected stderr starts here
                if not line.startswith("exit "):
                    keep.append(line)
                if line.startswith("args "):
                    args = line[5:].split()
    return keep, args


def regen(binary, name):
    path = os.path.join(HERE, name + ".expect")
    keep, args = header(path)
    p = subprocess.run([binary, "--check", "-v", *args, f"{BAD}/{name}.xml"], cwd=ROOT,
                       capture_output=True, text=True, encoding="utf-8")
    # Only diagnostics are recorded: anything else (a crash, a sanitizer's
    # report) is a bug to fix, not an expectation.
    for line in p.stderr.splitlines():
        if DIAG.match(line) is None:
            sys.exit(f"{name}: unexpected output {line!r}")
    out = [k for k in keep if k.startswith("#")] + [f"exit {p.returncode}"]
    out += [k for k in keep if not k.startswith("#")]
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n" + p.stderr)


def main():
    argv = sys.argv[1:]
    # A binary is given as a path, a case by its bare name.
    binary = os.path.abspath(argv.pop(0)) if argv and os.sep in argv[0] \
        else os.path.join(ROOT, "build", "verdict")
    names = argv or sorted(f[:-4] for f in os.listdir(HERE) if f.endswith(".xml"))
    for n in names:
        regen(binary, n)
    print(f"regenerated {len(names)} expectation file(s); now read git diff {BAD}")


if __name__ == "__main__":
    main()
