"""The number of processes (--jobs, and its default) changes nothing a run
shows (issue 13, lever 6): the same stderr, byte for byte, in work-list
order, failures and -v "wrote" lines included; the same PDFs, JSON and
exit status.  And the default: one process per processor this process may
run on when there are 8 reports or more, one for fewer."""
import os
import shutil
import subprocess

import e2e
from e2e import ROOT, SEED, check, read_tree, skip, test

EPOCH = {"SOURCE_DATE_EPOCH": "1764000000"}


def gen(tmp, nf, profiles):
    p = subprocess.run(["python3", "tests/gen_input.py", str(nf), "6", "2", str(profiles)],
                       cwd=ROOT, capture_output=True, text=True, timeout=60)
    check(p.returncode == 0, p.stderr)
    path = os.path.join(tmp, f"g{nf}.xml")
    with open(path, "w", encoding="utf-8") as f:
        f.write(p.stdout)
    return path


def blocked_output(out):
    """An output root where some reports cannot be written: four of gen-3x6's
    have a folder in their place (the rename fails), and gen-4x6's folder is
    a file (every one of its reports fails before drawing)."""
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(os.path.join(out, "gen-3x6"))
    for name in ("p3", "p4", "p10", "p17"):
        os.mkdir(os.path.join(out, "gen-3x6", name + ".pdf"))
    with open(os.path.join(out, "gen-4x6"), "w") as f:
        f.write("not a folder")


@test
def stderr_is_the_same_for_any_jobs(tmp):
    a, b = gen(tmp, 3, 30), gen(tmp, 4, 12)
    bad = os.path.join(tmp, "bad.xml")
    with open(bad, "w") as f:
        f.write('<comparison id="x" format="1"><title>t</title></comparison>\n')
    out = os.path.join(tmp, "out")
    js = os.path.join(tmp, "s.json")
    runs = {}
    for jobs in (["-j", "1"], ["-j", "2"], ["-j", "3"], ["-j", "7"], []):
        blocked_output(out)
        rc, so, se = e2e.run("-v", *jobs, "-o", out, "--json", js, a, bad, b, env=EPOCH)
        with open(js, "rb") as f:
            summary = f.read()
        runs[" ".join(jobs) or "default"] = (rc, se, summary, read_tree(out))
    rc, se, summary, files = runs["-j 1"]
    check(rc == 3, f"exit {rc}: {se}")
    for r in ("p3", "p4", "p10", "p17"):
        path = os.path.join(out, "gen-3x6", r + ".pdf")
        check(f"{path}: error: cannot write {path}: Is a directory\n" in se, f"{r}: {se!r}")
    check(f"{out}/gen-4x6/overview.pdf: error: {out}/gen-4x6 exists and is not a directory\n"
          in se, f"gen-4x6: {se!r}")
    check(se.count("wrote ") == 27, f"{se.count('wrote ')} reports said written: {se!r}")
    lines = [ln for ln in se.splitlines() if ln.startswith("wrote ") or ": error: can" in ln]
    order = [ln.split()[1] if ln.startswith("wrote ") else ln.split(":")[0] for ln in lines]
    want = [os.path.join(out, "gen-3x6", n + ".pdf") for n in
            ["overview"] + [f"p{i}" for i in range(30)]]
    check(order[:31] == want, f"not in work-list order: {order[:31]}")
    for name, (rc2, se2, summary2, files2) in runs.items():
        check(rc2 == rc, f"{name}: exit {rc2}, -j 1 exit {rc}")
        check(se2 == se, f"{name}: stderr differs from -j 1:\n{se2}\n---- -j 1:\n{se}")
        check(summary2 == summary, f"{name}: the JSON summary differs from -j 1")
        check(files2.keys() == files.keys(), f"{name}: other files than -j 1")
        diff = [p for p in files if files[p] != files2[p]]
        check(not diff, f"{name}: these differ from -j 1: {diff}")


def processes(tmp, *args, prefix=()):
    """How many processes a run of the binary is: itself and its workers
    (and the children that draw UTF-8 reports, none here)."""
    if shutil.which("strace") is None:
        skip("strace is not installed")
    log = os.path.join(tmp, "procs.log")
    env = dict(os.environ)   # LeakSanitizer (make asan) refuses to run under ptrace
    env["ASAN_OPTIONS"] = ":".join(filter(None, [env.get("ASAN_OPTIONS"), "detect_leaks=0"]))
    p = subprocess.run([*prefix, "strace", "-f", "-q", "-o", log, "-e", "trace=exit_group",
                        e2e.BIN, *args], cwd=ROOT, env=env, capture_output=True, text=True,
                       timeout=300)
    check(p.returncode == 0, f"exit {p.returncode}: {p.stderr}")
    with open(log) as f:
        return len({ln.split()[0] for ln in f if "exit_group" in ln})


@test
def default_jobs_follow_the_processors(tmp):
    cpus = len(os.sched_getaffinity(0))
    big = gen(tmp, 3, 30)   # 31 reports
    n = processes(tmp, "-o", os.path.join(tmp, "a"), big)
    check(n == 1 + min(cpus, 31) if cpus > 1 else n == 1,
          f"{n} processes for 31 reports on {cpus} processors")
    n = processes(tmp, "-o", os.path.join(tmp, "b"), SEED)
    check(n == 1, f"{n} processes for the seed's 5 reports")
    n = processes(tmp, "-j", "1", "-o", os.path.join(tmp, "c"), big)
    check(n == 1, f"-j 1: {n} processes")
    if shutil.which("taskset") is not None:
        n = processes(tmp, "-o", os.path.join(tmp, "d"), big, prefix=("taskset", "-c", "0"))
        check(n == 1, f"on one processor (taskset -c 0): {n} processes")
