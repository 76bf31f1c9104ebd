"""A report announced as written survives a crash (issue 13, lever 5).

The runs go under strace, and the trace is read back: every rename of a
PDF or of the JSON summary comes after an fsync of its temporary file, and
is followed, in the process that renamed it, by an fsync of its folder
before that process exits and before the report is announced (the -v
"wrote PATH" line; the JSON summary, renamed after the folders of every
PDF it names were synced); a folder the run creates is synced into its
parent before anything is renamed into it; and the syncs are batched: a
folder is synced a few times per run, not once per report.

Skipped when strace is not installed (scripts/ensure-deps.sh installs it
for make test) or cannot trace here (a container without ptrace)."""
import os
import re
import shutil
import subprocess

import e2e
from e2e import ROOT, check, skip, test

CALL = re.compile(r"^(\w+)\((.*)\)\s+= (-?\d+|\?)")


def strace_run(tmp, *args):
    """Runs the binary under strace -f; (status, stderr, events).  Each
    event is a dict: pid, call, args, ret, start and end (the trace lines
    where it began and ended)."""
    if shutil.which("strace") is None:
        skip("strace is not installed")
    log = os.path.join(tmp, "trace.log")
    p = subprocess.run(["strace", "-f", "-q", "-y", "-s", "1024", "-o", log,
                        "-e", "trace=fsync,fdatasync,rename,renameat,renameat2,mkdir,write",
                        e2e.BIN, *args], cwd=ROOT, env=traced_env(), capture_output=True,
                       text=True, timeout=300)
    cannot = [ln for ln in p.stderr.splitlines()
              if ln.startswith("strace:") and "ptrace" in ln.lower()]
    if not os.path.exists(log) or cannot:
        skip(f"strace cannot trace here: {(cannot or [p.stderr.strip()])[0][:200]}")
    with open(log, encoding="utf-8", errors="replace") as f:
        lines = f.read().splitlines()
    return p.returncode, p.stderr, parse(lines)


def traced_env():
    """The environment of a traced run: LeakSanitizer (the make asan pass)
    refuses to run under ptrace, and the other runs look for leaks."""
    env = dict(os.environ)
    env.pop("SOURCE_DATE_EPOCH", None)
    env["ASAN_OPTIONS"] = ":".join(filter(None, [env.get("ASAN_OPTIONS"), "detect_leaks=0"]))
    return env


def parse(lines):
    events, pending = [], {}
    for n, raw in enumerate(lines):
        pid_s, _, rest = raw.strip().partition(" ")
        if not pid_s.isdigit():
            continue
        pid, rest = int(pid_s), rest.strip()
        if rest.startswith("+++"):
            events.append({"pid": pid, "call": "exit", "args": rest, "ret": "",
                           "start": n, "end": n})
            continue
        if rest.startswith("---"):
            continue
        start = n
        if rest.endswith("<unfinished ...>"):
            pending[pid] = (n, rest[:-len("<unfinished ...>")].rstrip())
            continue
        m = re.match(r"^<\.\.\. \w+ resumed>(.*)$", rest)
        if m:
            start, head = pending.pop(pid)
            rest = head + m.group(1)
        m = CALL.match(rest)
        if m:
            events.append({"pid": pid, "call": m.group(1), "args": m.group(2),
                           "ret": m.group(3), "start": start, "end": n})
    return events


def fd_path(args):
    m = re.match(r"^\d+<(.*)>$", args)
    return m.group(1) if m else None


def renames(events):
    """(event, from, to) of each successful rename."""
    out = []
    for e in events:
        if e["call"] == "rename" and e["ret"] == "0":
            m = re.match(r'^"(.*)", "(.*)"$', e["args"])
            out.append((e, m.group(1), m.group(2)))
        elif e["call"] in ("renameat", "renameat2") and e["ret"] == "0":
            m = re.match(r'^[^,]*, "(.*)", [^,]*, "(.*)"', e["args"])
            out.append((e, m.group(1), m.group(2)))
    return out


def syncs(events):
    return [(e, fd_path(e["args"])) for e in events
            if e["call"] in ("fsync", "fdatasync") and e["ret"] == "0"]


def announced(events):
    """(event, path) of each "wrote PATH" line written to stderr."""
    out = []
    for e in events:
        if e["call"] != "write" or not re.match(r"^2(<[^>]*>)?, ", e["args"]):
            continue
        for m in re.finditer(r"wrote (.*?)\\n", e["args"]):
            out.append((e, m.group(1)))
    return out


def check_durable(events, out_dir, json_path=None):
    """The order the module docstring describes; the number of reports
    renamed into place."""
    synced = syncs(events)
    exits = {e["pid"]: e["end"] for e in events if e["call"] == "exit"}
    durable = {}   # final path -> trace line where its folder's sync ended
    pdfs = 0
    for ren, src, dst in renames(events):
        if not (dst.endswith(".pdf") or dst == json_path):
            continue
        pdfs += dst.endswith(".pdf")
        check(os.path.basename(src).startswith("." + os.path.basename(dst) + "."),
              f"renamed from {src}, not a temporary file beside {dst}")
        before = [e for e, p in synced if p == src and e["end"] < ren["start"]]
        check(before, f"{dst}: renamed from {src} with no fsync of it before")
        folder = os.path.dirname(dst)
        after = [e for e, p in synced if p == folder and e["pid"] == ren["pid"] and
                 e["start"] > ren["end"]]
        check(after, f"{dst}: its folder {folder} was not synced after the rename")
        ends = exits.get(ren["pid"])
        check(ends is None or after[0]["end"] < ends,
              f"{dst}: the process exited before syncing {folder}")
        durable[dst] = after[0]["end"]
    for e, path in announced(events):
        check(path in durable, f"announced {path}, never renamed into place")
        check(e["start"] > durable[path], f"announced {path} before its folder was synced")
    if json_path is not None:
        check(json_path in durable, "the JSON summary was not renamed into place")
        jren = [r for r, _, d in renames(events) if d == json_path][0]
        late = [p for p, at in durable.items() if p.endswith(".pdf") and at > jren["start"]]
        check(not late, f"the JSON summary was renamed before these were synced: {late}")
    for e in events:   # a folder made by the run is synced into its parent
        if e["call"] != "mkdir" or e["ret"] != "0":
            continue
        d = re.match(r'^"(.*)", ', e["args"]).group(1).rstrip("/")
        parent = os.path.dirname(d) or "."
        after = [s for s, p in synced if p == os.path.abspath(parent) and s["pid"] == e["pid"]
                 and s["start"] > e["end"]]
        check(after, f"the new folder {d} was never synced into {parent}")
        into = [r for r, _, dst in renames(events) if os.path.dirname(dst) == d]
        check(all(r["start"] > after[0]["end"] for r in into),
              f"a file was renamed into {d} before {parent} was synced")
    return pdfs


def gen(tmp, name, profiles, greek=False):
    p = subprocess.run(["python3", "tests/gen_input.py", "3", "6", "2", str(profiles)],
                       cwd=ROOT, capture_output=True, text=True, timeout=60)
    check(p.returncode == 0, p.stderr)
    text = p.stdout
    if greek:
        # more characters beyond ASCII than a single-byte encoding holds: every
        # report needs the UTF-8 fonts and is drawn in a forked child
        letters = "".join(chr(c) for c in list(range(0x400, 0x460)) + list(range(0x3B1, 0x3CA)) +
                          list(range(0x490, 0x4B0)))
        text = text.replace("<title>Synthetic comparison", f"<title>Σύγκριση {letters}", 1)
    path = os.path.join(tmp, name)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return path


def folder_syncs(events, folder):
    return sum(1 for _, p in syncs(events) if p == folder)


def no_temps(d):
    left = [os.path.join(dp, n) for dp, _, ns in os.walk(d) for n in ns if n.startswith(".")]
    check(not left, f"temporary files left: {left}")


@test
def durable_single_process(tmp):
    """-j 1, 41 reports into a new folder, then again over them."""
    inp = gen(tmp, "g.xml", 40)
    out = os.path.join(tmp, "out")
    js = os.path.join(tmp, "summary.json")
    for attempt in ("new", "again"):
        rc, se, ev = strace_run(tmp, "-v", "-j", "1", "-o", out, "--json", js, inp)
        check(rc == 0, f"{attempt}: exit {rc}: {se}")
        check(se.count("wrote ") == 41, f"{attempt}: stderr {se!r}")
        check(check_durable(ev, out, js) == 41, f"{attempt}: not 41 PDFs renamed")
        n = folder_syncs(ev, os.path.join(out, "gen-3x6"))
        check(n <= 4, f"{attempt}: the report folder was synced {n} times for 41 reports")
        no_temps(tmp)


@test
def durable_workers(tmp):
    """-j 2: each worker syncs what it renamed before telling the parent,
    which announces it."""
    inp = gen(tmp, "g.xml", 40)
    out = os.path.join(tmp, "out")
    js = os.path.join(tmp, "summary.json")
    rc, se, ev = strace_run(tmp, "-v", "-j", "2", "-o", out, "--json", js, inp)
    check(rc == 0, f"exit {rc}: {se}")
    check(se.count("wrote ") == 41, f"stderr {se!r}")
    check(check_durable(ev, out, js) == 41, "not 41 PDFs renamed")
    check(len({e["pid"] for e, _, _ in renames(ev)}) >= 2, "one process renamed everything")
    n = folder_syncs(ev, os.path.join(out, "gen-3x6"))
    check(n <= 6, f"the report folder was synced {n} times for 41 reports")
    no_temps(tmp)


@test
def durable_drawn_in_children(tmp):
    """Reports drawn in forked children (text that needs the UTF-8 fonts):
    the child leaves its temporary file unsynced, the process that forked
    it syncs and renames it with its batch."""
    inp = gen(tmp, "g.xml", 20, greek=True)
    out = os.path.join(tmp, "out")
    rc, se, ev = strace_run(tmp, "-v", "-j", "1", "-o", out, inp)
    check(rc == 0, f"exit {rc}: {se}")
    check(se.count("wrote ") == 21, f"stderr {se!r}")
    check(check_durable(ev, out) == 21, "not 21 PDFs renamed")
    writers = {e["pid"] for e in ev if e["call"] == "write" and
               (fd_path(e["args"].split(",")[0]) or "").startswith(os.path.join(out, "gen-3x6/."))}
    check(len(writers) > 1, "no report was drawn in a child")
    no_temps(tmp)


@test
def durable_json_alone(tmp):
    """--check --json FILE: the summary too is synced, renamed and its
    folder synced."""
    js = os.path.join(tmp, "s.json")
    rc, se, ev = strace_run(tmp, "--check", "--json", js, e2e.SEED)
    check(rc == 0, f"exit {rc}: {se}")
    check_durable(ev, tmp, js)
