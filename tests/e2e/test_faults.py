"""Faults a cron job meets sooner or later (issue 9, defects 2 and 7, and its
fault tests): never clobber, never hang, never leave a half-written file.

Every test asserts the exit status, the message on stderr, that no PDF under
its final name is broken (qpdf --check passes on every PDF present, or the
old good PDF is unchanged byte for byte) and that no temporary file
(.NAME.pdf.XXXXXX, .NAME.json.XXXXXX, beside the target) remains.

The tests run as root in CI: the tool is never pointed at a system path.
/dev/null is reached through a symbolic link made in the test's directory,
a FIFO is made there too, and file systems are small tmpfs mounted there
(skipped with a message when mount is not allowed)."""
import glob
import json
import os
import re
import resource
import shutil
import signal
import stat
import subprocess
import time

import e2e
from e2e import ROOT, SEED, check, qpdf_ok, skip, test

SUB = "ml-frameworks-2026"          # the seed's comparison id: its output folder
SEED_REPORTS = ["overview", "research-lab", "enterprise-platform", "mobile-edge-team",
                "research-and-production"]
BIG_ID = "gen-12x300"              # tests/gen_input.py 12 300 20 40: 41 reports
BIG_ITEMS = ["overview"] + [f"p{i}" for i in range(40)]   # the work list, in order


# ---- helpers -------------------------------------------------------------------

def env():
    e = dict(os.environ)
    e.pop("SOURCE_DATE_EPOCH", None)
    return e


def verdict(*args, timeout=120, preexec_fn=None):
    """Runs the binary from the repository; (status, stdout, stderr)."""
    try:
        p = subprocess.run([e2e.BIN, *args], cwd=ROOT, env=env(), capture_output=True,
                           text=True, timeout=timeout, preexec_fn=preexec_fn)
    except subprocess.TimeoutExpired:
        raise AssertionError(f"verdict {' '.join(args)}: still running after {timeout} s")
    return p.returncode, p.stdout, p.stderr


def start(*args, **kw):
    return subprocess.Popen([e2e.BIN, *args], cwd=ROOT, env=env(), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, **kw)


def finish(p, timeout=60):
    """Waits for a started run; (status, stdout, stderr)."""
    try:
        out, err = p.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        p.kill()
        p.communicate()
        raise AssertionError(f"the run was still going {timeout} s after the signal")
    return p.returncode, out, err


def temps_under(*dirs):
    """Every dot file under dirs: a temporary file left behind."""
    found = []
    for d in dirs:
        for dp, _, names in os.walk(d):
            found += [os.path.join(dp, n) for n in names if n.startswith(".")]
    return found


def no_temps(*dirs):
    left = temps_under(*dirs)
    check(not left, f"temporary files left: {left}")


def pdfs_sound(d):
    """qpdf --check passes on every PDF under d; their names."""
    names = sorted(glob.glob(os.path.join(d, "**", "*.pdf"), recursive=True))
    for n in names:
        qpdf_ok(n)
    return names


def read(path):
    with open(path, "rb") as f:
        return f.read()


def good_reports(tmp):
    """A normal run of the seed into tmp/good; its folder."""
    good = os.path.join(tmp, "good")
    rc, _, err = verdict("-o", good, SEED)
    check(rc == 0, f"the normal run: exit {rc}: {err}")
    return os.path.join(good, SUB)


def big_input(tmp):
    path = os.path.join(tmp, "big.xml")
    p = subprocess.run(["python3", "tests/gen_input.py", "12", "300", "20", "40"],
                       cwd=ROOT, capture_output=True, text=True, timeout=60)
    check(p.returncode == 0, p.stderr)
    with open(path, "w", encoding="utf-8") as f:
        f.write(p.stdout)
    return path


def children(pid):
    """The child processes of pid, in the order they were forked."""
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as f:
            return [int(c) for c in f.read().split()]
    except FileNotFoundError:   # a kernel without CONFIG_PROC_CHILDREN
        kids = []
        for st in glob.glob("/proc/[0-9]*/stat"):
            try:
                with open(st) as f:
                    fields = f.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                kids.append(int(st.split("/")[2]))
        return sorted(kids)


def workers_of(p, n, seconds=20):
    """Waits until the run p has forked its n workers; their pids."""
    t0 = time.monotonic()
    while time.monotonic() - t0 < seconds:
        check(p.poll() is None, f"the run ended before its workers started: {p.returncode}")
        kids = children(p.pid)
        if len(kids) >= n:
            return kids
        time.sleep(0.01)
    raise AssertionError(f"no {n} workers after {seconds} s")


def alive(pid):
    """Whether pid is still a verdict process (not reaped)."""
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            return b"verdict" in f.read()
    except OSError:
        return False


def mount_tmpfs(d, size_k):
    os.makedirs(d, exist_ok=True)
    p = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size_k}k", "tmpfs", d],
                       capture_output=True, text=True, timeout=30)
    if p.returncode != 0:
        skip(f"cannot mount a tmpfs here ({p.stderr.strip() or p.returncode}): "
             "no small file system to fill; the ulimit -f test covers the write path")


def umount(d):
    if subprocess.run(["umount", d], capture_output=True, timeout=30).returncode != 0:
        subprocess.run(["umount", "-l", d], capture_output=True, timeout=30)


STOPPED = re.compile(r"^verdict: stopped by signal (\d+) \(([^)]*)\): (\d+) of (\d+) "
                     r"reports written, no JSON summary$")


# ---- --json PATH: write into what is there, replace only a regular file ----------

@test
def json_to_a_symlink_to_dev_null(tmp):
    """The summary goes into the device; the link is not replaced by a file."""
    link = os.path.join(tmp, "null")
    os.symlink("/dev/null", link)
    out = os.path.join(tmp, "out")
    rc, so, se = verdict("-o", out, "--json", link, SEED)
    check(rc == 0 and so == "" and se == "", f"exit {rc}: {so!r} {se!r}")
    check(os.path.islink(link) and os.readlink(link) == "/dev/null",
          "the symbolic link to /dev/null was replaced")
    check(len(pdfs_sound(out)) == 5, "the reports")
    no_temps(tmp)


@test
def json_to_a_fifo_with_a_reader(tmp):
    """A reader of a FIFO gets the whole summary; the FIFO stays a FIFO."""
    fifo = os.path.join(tmp, "summary.fifo")
    os.mkfifo(fifo)
    reader = subprocess.Popen(["cat", fifo], stdout=subprocess.PIPE)
    try:
        out = os.path.join(tmp, "out")
        rc, so, se = verdict("-o", out, "--json", fifo, SEED, timeout=60)
        check(rc == 0 and so == "" and se == "", f"exit {rc}: {so!r} {se!r}")
        got, _ = reader.communicate(timeout=20)
    finally:
        if reader.poll() is None:
            reader.kill()
            reader.communicate()
    doc = json.loads(got.decode("utf-8"))
    prof = doc["inputs"][0]["profiles"]
    check(len(prof) == 4 and all(os.path.exists(p["pdf"]) for p in prof),
          f"the summary read from the FIFO: {[p['pdf'] for p in prof]}")
    check(stat.S_ISFIFO(os.lstat(fifo).st_mode), "the FIFO was replaced")
    no_temps(tmp)


@test
def json_to_a_directory_is_refused(tmp):
    d = os.path.join(tmp, "dir")
    os.mkdir(d)
    rc, so, se = verdict("--check", "--json", d, SEED)
    check(rc == 3, f"exit {rc}: {se}")
    check(se == f"{d}: error: cannot write the JSON summary: cannot write {d}: "
          "it is a directory\n", f"stderr {se!r}")
    check(os.path.isdir(d) and os.listdir(d) == [], f"the directory changed: {os.listdir(d)}")
    no_temps(tmp)


@test
def json_through_a_symlink_to_a_file(tmp):
    """The file the link names gets the summary; the link stays a link."""
    target = os.path.join(tmp, "real.json")
    with open(target, "w") as f:
        f.write("old")
    link = os.path.join(tmp, "link.json")
    os.symlink("real.json", link)
    rc, so, se = verdict("--check", "--json", link, SEED)
    check(rc == 0 and so == "" and se == "", f"exit {rc}: {se!r}")
    check(os.path.islink(link) and os.readlink(link) == "real.json", "the link was replaced")
    with open(target, encoding="utf-8") as f:
        doc = json.load(f)
    check(doc["inputs"][0]["id"] == SUB, "the summary in the linked file")
    no_temps(tmp)


@test
def json_to_a_dangling_symlink_is_refused(tmp):
    link = os.path.join(tmp, "dangling.json")
    os.symlink("nothing-here", link)
    rc, so, se = verdict("--check", "--json", link, SEED)
    check(rc == 3, f"exit {rc}: {se}")
    check(se == f"{link}: error: cannot write the JSON summary: cannot write {link}: "
          "it is a symbolic link to nothing\n", f"stderr {se!r}")
    check(os.path.islink(link) and not os.path.exists(os.path.join(tmp, "nothing-here")),
          "the link or its target changed")
    no_temps(tmp)


@test
def json_dash_is_stdout(tmp):
    rc, so, se = verdict("--check", "--json", "-", SEED)
    check(rc == 0 and se == "", f"exit {rc}: {se!r}")
    check(json.loads(so)["inputs"][0]["id"] == SUB, "the summary on stdout")
    check(not os.path.exists(os.path.join(ROOT, "-")), "a file named '-' was written")


# ---- a file size limit, a full disk, an unwritable directory -------------------------

def fsize_limit(kib):
    def limit():
        resource.setrlimit(resource.RLIMIT_FSIZE, (kib * 1024, kib * 1024))
    return limit


def refused_each(se, out, reason, why):
    """Every seed report named on stderr with reason."""
    for r in SEED_REPORTS:
        path = os.path.join(out, SUB, r + ".pdf")
        check(f"{path}: error: {reason}" in se, f"{why}: no '{path}: error: {reason}' "
              f"in {se!r}")


@test
def fault_file_size_limit(tmp):
    """ulimit -f 20: killed by SIGXFSZ before (exit 153, a temp file left);
    now each write fails with EFBIG, is named, and the old PDFs survive."""
    good = good_reports(tmp)
    for jobs in ("1", "2"):
        out = os.path.join(tmp, "out" + jobs)
        shutil.copytree(good, os.path.join(out, SUB))
        before = {n: read(os.path.join(out, SUB, n)) for n in os.listdir(good)}
        js = os.path.join(tmp, f"summary{jobs}.json")
        rc, so, se = verdict("-j", jobs, "-o", out, "--json", js, SEED,
                             preexec_fn=fsize_limit(20))
        check(rc == 3, f"-j {jobs}: exit {rc} (153 is death by SIGXFSZ): {se}")
        for r in SEED_REPORTS:
            path = os.path.join(out, SUB, r + ".pdf")
            check(f"{path}: error: cannot write {path}: File too large\n" in se,
                  f"-j {jobs}: {r} not named: {se!r}")
        check(len(se.splitlines()) == 5, f"-j {jobs}: stderr {se!r}")
        for n, data in before.items():
            check(read(os.path.join(out, SUB, n)) == data, f"-j {jobs}: {n} was changed")
        no_temps(tmp)
        # The summary (small enough) is written and says no PDF was.
        with open(js, encoding="utf-8") as f:
            pdfs = [p["pdf"] for p in json.load(f)["inputs"][0]["profiles"]]
        check(pdfs == [None] * 4, f"-j {jobs}: the summary claims PDFs: {pdfs}")


@test
def fault_full_disk(tmp):
    """A tmpfs that holds the old report and too little else: every new
    report fails with ENOSPC and is named; the old one is intact; nothing
    is left behind. As root only (mount); skipped otherwise."""
    good = good_reports(tmp)
    old = os.path.join(good, "research-lab.pdf")
    smallest = min(os.path.getsize(os.path.join(good, n)) for n in os.listdir(good))
    pages = -(-os.path.getsize(old) // 4096)
    size_k = pages * 4 + max(16, smallest // 2 // 1024)   # room for less than any PDF
    disk = os.path.join(tmp, "disk")
    mount_tmpfs(disk, size_k)
    try:
        os.mkdir(os.path.join(disk, SUB))
        shutil.copy(old, os.path.join(disk, SUB, "research-lab.pdf"))
        js = os.path.join(disk, "summary.json")
        rc, so, se = verdict("-o", disk, "--json", js, SEED)
        check(rc == 3, f"exit {rc}: {se}")
        for r in SEED_REPORTS:
            path = os.path.join(disk, SUB, r + ".pdf")
            check(f"{path}: error: cannot write {path}: No space left on device\n" in se,
                  f"{r} not named: {se!r}")
        check(read(os.path.join(disk, SUB, "research-lab.pdf")) == read(old),
              "the old good report was changed")
        check(pdfs_sound(disk) == [os.path.join(disk, SUB, "research-lab.pdf")],
              f"PDFs on the full disk: {os.listdir(os.path.join(disk, SUB))}")
        no_temps(disk)
        # The summary fits in what is left; it says no PDF was written.
        with open(js, encoding="utf-8") as f:
            pdfs = [p["pdf"] for p in json.load(f)["inputs"][0]["profiles"]]
        check(pdfs == [None] * 4, f"the summary claims PDFs: {pdfs}")
    finally:
        umount(disk)


@test
def fault_output_root_is_a_file(tmp):
    blocker = os.path.join(tmp, "file")
    with open(blocker, "w") as f:
        f.write("not a directory")
    rc, so, se = verdict("-o", blocker, SEED)
    check(rc == 3, f"exit {rc}: {se}")
    refused_each(se, blocker, f"cannot create directory {blocker}/{SUB}: Not a directory",
                 "output root a file")
    check(len(se.splitlines()) == 5, f"stderr {se!r}")
    with open(blocker) as f:
        check(f.read() == "not a directory", "the file was changed")
    no_temps(tmp)


@test
def fault_output_folder_is_a_file(tmp):
    out = os.path.join(tmp, "out")
    os.mkdir(out)
    with open(os.path.join(out, SUB), "w") as f:
        f.write("x")
    rc, so, se = verdict("-o", out, SEED)
    check(rc == 3, f"exit {rc}: {se}")
    refused_each(se, out, f"{out}/{SUB} exists and is not a directory", "folder a file")
    no_temps(tmp)


@test
def fault_read_only_file_system(tmp):
    """The output folder on a read-only file system (root ignores permission
    bits, not this): each report named, the old one intact."""
    good = good_reports(tmp)
    ro = os.path.join(tmp, "ro")
    mount_tmpfs(ro, 1024)
    try:
        os.mkdir(os.path.join(ro, SUB))
        shutil.copy(os.path.join(good, "research-lab.pdf"), os.path.join(ro, SUB))
        p = subprocess.run(["mount", "-o", "remount,ro", ro], capture_output=True,
                           text=True, timeout=30)
        if p.returncode != 0:
            skip(f"cannot remount the tmpfs read-only: {p.stderr.strip()}")
        rc, so, se = verdict("-o", ro, SEED)
        check(rc == 3, f"exit {rc}: {se}")
        for r in SEED_REPORTS:
            path = os.path.join(ro, SUB, r + ".pdf")
            check(f"{path}: error: cannot create a file beside {path}: Read-only file "
                  "system\n" in se, f"{r} not named: {se!r}")
        check(read(os.path.join(ro, SUB, "research-lab.pdf")) ==
              read(os.path.join(good, "research-lab.pdf")), "the old report changed")
        no_temps(ro)
    finally:
        umount(ro)


@test
def fault_unwritable_output_folder(tmp):
    """A folder the user may not write (mode 0555): as root the run is made
    as user nobody, which permission bits do bind."""
    good = good_reports(tmp)
    out = os.path.join(tmp, "out")
    os.makedirs(os.path.join(out, SUB))
    old = os.path.join(out, SUB, "research-lab.pdf")
    shutil.copy(os.path.join(good, "research-lab.pdf"), old)
    drop = None
    if os.geteuid() == 0:
        os.chmod(tmp, 0o755)

        def drop():
            os.setgroups([])
            os.setgid(65534)
            os.setuid(65534)
        rc, _, se = verdict("--check", SEED, preexec_fn=drop)
        if rc != 0:
            skip(f"cannot run the binary as user nobody (exit {rc}: {se.strip()[:200]})")
    os.chmod(os.path.join(out, SUB), 0o555)
    try:
        rc, so, se = verdict("-o", out, SEED, preexec_fn=drop)
    finally:
        os.chmod(os.path.join(out, SUB), 0o755)
    check(rc == 3, f"exit {rc}: {se}")
    for r in SEED_REPORTS:
        path = os.path.join(out, SUB, r + ".pdf")
        check(f"{path}: error: cannot create a file beside {path}: Permission denied\n"
              in se, f"{r} not named: {se!r}")
    check(read(old) == read(os.path.join(good, "research-lab.pdf")), "the old report changed")
    no_temps(out)


# ---- signals ------------------------------------------------------------------------

def stopped_run(tmp, sig, jobs, group=False):
    """Starts a run of the big input, sends sig once it is writing (to the
    process only, or to its whole group as a terminal does), and checks
    that it stopped as it should; (status line match, output folder)."""
    inp = big_input(tmp)
    out = os.path.join(tmp, "out")
    js = os.path.join(tmp, "summary.json")
    p = start("-j", str(jobs), "-o", out, "--json", js, inp, start_new_session=group)
    try:
        kids = workers_of(p, 2) if jobs > 1 else []
        time.sleep(0.5 if jobs > 1 else 0.8)
        check(p.poll() is None, f"the run ended before the signal: {p.returncode}")
        if group:
            os.killpg(p.pid, sig)
        else:
            p.send_signal(sig)
        rc, so, se = finish(p)
    finally:
        if p.poll() is None:
            p.kill()
            p.communicate()
    check(rc == -sig, f"status {rc}, expected death by signal {sig}: {se}")
    lines = se.splitlines()
    check(len(lines) == 1, f"stderr {se!r}")
    m = STOPPED.match(lines[0])
    check(m, f"stderr {se!r}")
    check(int(m.group(1)) == sig and m.group(2) == signal.strsignal(sig) and
          m.group(4) == "41", f"stderr {se!r}")
    for k in kids:
        check(not alive(k), f"worker {k} is still running")
    written = int(m.group(3))
    d = os.path.join(out, BIG_ID)
    present = pdfs_sound(out)
    check(len(present) == written, f"{written} reports said written, {len(present)} present")
    check(written < 41, "the run was not stopped")
    no_temps(out)
    check(not os.path.exists(js), "a JSON summary was written by a stopped run")
    check(not temps_under(tmp), f"temporary files: {temps_under(tmp)}")
    return d


@test
def signal_sigterm_to_a_parallel_run(tmp):
    """SIGTERM to the parent of a -j 2 run: passed on to the workers, which
    finish the report in hand; nothing half-written; death by SIGTERM."""
    stopped_run(tmp, signal.SIGTERM, 2)


@test
def signal_sigint_to_the_process_group(tmp):
    """Ctrl-C at a terminal: every process gets SIGINT at once."""
    stopped_run(tmp, signal.SIGINT, 2, group=True)


@test
def signal_sigterm_to_a_single_process_run(tmp):
    stopped_run(tmp, signal.SIGTERM, 1)


@test
def signal_worker_killed(tmp):
    """SIGKILL to one worker of a -j 2 run: the run goes on with the other,
    exits 3 and names every report the dead worker did not write, with the
    input; the temp file it was writing is removed (a stale one planted
    beside one of its reports stands for it)."""
    inp = big_input(tmp)
    out = os.path.join(tmp, "out")
    d = os.path.join(out, BIG_ID)
    os.makedirs(d)
    stale = os.path.join(d, ".p39.pdf.abcdef")   # p39: the first worker's last item
    with open(stale, "w") as f:
        f.write("half a PDF")
    js = os.path.join(tmp, "summary.json")
    p = start("-j", "2", "-o", out, "--json", js, inp)
    try:
        kids = workers_of(p, 2)
        time.sleep(0.3)
        check(p.poll() is None, f"the run ended before the kill: {p.returncode}")
        os.kill(kids[0], signal.SIGKILL)   # the first forked: items 0, 2, 4, ...
        rc, so, se = finish(p)
    finally:
        if p.poll() is None:
            p.kill()
            p.communicate()
    check(rc == 3, f"exit {rc}: {se}")
    mine = {os.path.join(d, n + ".pdf") for n in BIG_ITEMS[0::2]}
    others = {os.path.join(d, n + ".pdf") for n in BIG_ITEMS[1::2]}
    line = re.compile(r"^(.*): error: not written: the worker process writing it died of "
                      r"signal 9 \(Killed\); input (.*)$")
    named = set()
    for ln in se.splitlines():
        m = line.match(ln)
        check(m and m.group(2) == inp, f"unexpected stderr line {ln!r}")
        named.add(m.group(1))
    check(named, f"no report named: {se!r}")
    check(named <= mine, f"named reports of the other worker: {sorted(named - mine)}")
    present = set(pdfs_sound(out))
    check(others <= present, f"the other worker's reports missing: {sorted(others - present)}")
    check(mine - present <= named, f"missing and not named: {sorted(mine - present - named)}")
    check(os.path.join(d, "p39.pdf") in named, "p39 written before the kill?")
    check(not os.path.exists(stale), "the temp file beside a report it owned is still there")
    no_temps(tmp)
    # The summary is written; a PDF path only for what was written.
    with open(js, encoding="utf-8") as f:
        prof = {p["id"]: p["pdf"] for p in json.load(f)["inputs"][0]["profiles"]}
    for pid, pdf in prof.items():
        path = os.path.join(d, pid + ".pdf")
        check((pdf is None) == (path in named), f"{pid}: summary says {pdf}")
