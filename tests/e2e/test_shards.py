"""Scale-out with --shard K/N (docs/operations.md): N shards run at the same
time into separate output roots write, together, exactly the files one run
writes, byte for byte, each file once; and the examples in examples/ (cron,
systemd, Slurm, Kubernetes, GNU parallel) run as written do the same."""
import json
import os
import re
import shlex
import shutil
import subprocess

import e2e
from e2e import ROOT, check, read_tree as files, skip, test

SDE = "1764000000"
EXAMPLES = os.path.join(ROOT, "examples")


def env_with(tmp, **extra):
    """The environment of a run: SOURCE_DATE_EPOCH set, and 'verdict' on
    PATH meaning the binary under test."""
    bindir = os.path.join(tmp, "bin")
    if not os.path.isdir(bindir):
        os.makedirs(bindir)
        os.symlink(e2e.BIN, os.path.join(bindir, "verdict"))
    e = dict(os.environ, SOURCE_DATE_EPOCH=SDE, PATH=bindir + os.pathsep + os.environ["PATH"])
    e.update(extra)
    return e


def one_run(tmp):
    """A single run over input/: (its files, its JSON summary)."""
    one = os.path.join(tmp, "one")
    js = os.path.join(tmp, "one.json")
    p = subprocess.run([e2e.BIN, "-o", one, "--json", js, "input/"], cwd=ROOT,
                       env=env_with(tmp), capture_output=True, text=True, timeout=300)
    check(p.returncode == 0, f"single run: exit {p.returncode}: {p.stderr}")
    got = files(one)
    check(len(got) >= 4, f"single run wrote {sorted(got)}")
    with open(js, encoding="utf-8") as f:
        return got, json.load(f)


def run_all(cmds, what):
    """Starts every (argv, env) at once and waits for them all."""
    procs = [subprocess.Popen(argv, cwd=ROOT, env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for argv, env in cmds]
    for (argv, _), p in zip(cmds, procs):
        out, err = p.communicate(timeout=300)
        check(p.returncode == 0, f"{what}: {argv}: exit {p.returncode}: {out}{err}")
        check(err == "", f"{what}: {argv}: printed on success: {err}")


def check_union(single, roots, what):
    """The shards' outputs, each file in exactly one root, are together the
    single run's files, byte for byte."""
    seen = {}
    for r in roots:
        for rel, data in files(r).items():
            check(rel not in seen, f"{what}: {rel} written by both {seen.get(rel)} and {r}")
            seen[rel] = r
            check(rel in single, f"{what}: {r}/{rel} is not in the single run's output")
            check(data == single[rel], f"{what}: {r}/{rel} differs from the single run's")
    missing = sorted(set(single) - set(seen))
    check(not missing, f"{what}: no shard wrote {missing}")


def strip_pdf(doc):
    """The summary without its PDF paths (they name each run's own output
    root, and only the files that run wrote)."""
    if isinstance(doc, dict):
        return {k: strip_pdf(v) for k, v in doc.items() if not re.search(r"(^|_)pdf$", k)}
    if isinstance(doc, list):
        return [strip_pdf(v) for v in doc]
    return doc


def pdf_paths(doc, root):
    found = set()
    if isinstance(doc, dict):
        for k, v in doc.items():
            if re.search(r"(^|_)pdf$", k) and isinstance(v, str):
                found.add(os.path.relpath(v, root))
            else:
                found |= pdf_paths(v, root)
    elif isinstance(doc, list):
        for v in doc:
            found |= pdf_paths(v, root)
    return found


@test
def four_shards_at_once_write_what_one_run_writes(tmp):
    single, summary = one_run(tmp)
    n = 4
    roots = [os.path.join(tmp, f"shard{k}") for k in range(1, n + 1)]
    jsons = [r + ".json" for r in roots]
    run_all([([e2e.BIN, "-o", roots[k - 1], "--json", jsons[k - 1], "--shard", f"{k}/{n}",
               "input/"], env_with(tmp)) for k in range(1, n + 1)], "--shard")
    check_union(single, roots, "4 shards")
    for r in roots:
        check(files(r), f"{r}: a shard wrote nothing (the work list has "
                        f"{len(single)} items for {n} shards)")
    # the summaries agree with the single run's but for the PDFs each wrote,
    # and those are the ones in its output root
    written = set()
    for r, js in zip(roots, jsons):
        with open(js, encoding="utf-8") as f:
            doc = json.load(f)
        check(strip_pdf(doc) == strip_pdf(summary), f"{js}: differs from the single run's")
        mine = pdf_paths(doc, r)
        on_disk = {p for p in files(r) if p.endswith(".pdf")}
        check(mine <= on_disk, f"{js}: names PDFs it did not write: {sorted(mine - on_disk)}")
        written |= mine
    check(written == pdf_paths(summary, os.path.join(tmp, "one")),
          "the shards' summaries do not name the single run's PDFs")


def example(*parts):
    with open(os.path.join(EXAMPLES, *parts), encoding="utf-8") as f:
        return f.read()


def local_paths(cmd, out):
    """An example command with its paths made local: the binary under test,
    the output root out, the inputs of this repository."""
    return (cmd.replace("/usr/local/bin/verdict", "verdict")
               .replace("/srv/reports", out)
               .replace("/srv/verdict/input/", "input/"))


@test
def cron_and_systemd_examples_write_what_one_run_writes(tmp):
    single, _ = one_run(tmp)
    lines = [ln for ln in example("cron", "verdict.cron").splitlines()
             if ln.strip() and not ln.lstrip().startswith("#")]
    check(len(lines) == 1, f"verdict.cron: {lines}")
    fields = lines[0].split(None, 6)
    check(len(fields) == 7 and fields[5] == "verdict" and
          fields[6].startswith("/usr/local/bin/verdict "), f"verdict.cron: {lines[0]}")
    m = re.search(r"^ExecStart=(.*)$", example("systemd", "verdict.service"), re.M)
    check(m is not None, "verdict.service: no ExecStart")
    check(re.search(r"^OnCalendar=", example("systemd", "verdict.timer"), re.M),
          "verdict.timer: no OnCalendar")
    for name, cmd in (("cron", fields[6]), ("systemd", m.group(1))):
        out = os.path.join(tmp, name)
        run_all([(shlex.split(local_paths(cmd, out)), env_with(tmp))], name)
        check_union(single, [out], name)


@test
def slurm_and_kubernetes_examples_write_what_one_run_writes(tmp):
    single, _ = one_run(tmp)
    # Slurm: every task of the array, as sbatch would start them
    script = os.path.join(EXAMPLES, "slurm", "verdict-array.sh")
    m = re.search(r"^#SBATCH --array=(\d+)-(\d+)$", example("slurm", "verdict-array.sh"), re.M)
    check(m is not None, "verdict-array.sh: no #SBATCH --array=A-B")
    lo, hi = int(m.group(1)), int(m.group(2))
    roots = [os.path.join(tmp, f"slurm{i}") for i in range(lo, hi + 1)]
    run_all([(["sh", script], env_with(
        tmp, SLURM_ARRAY_TASK_ID=str(i), SLURM_ARRAY_TASK_MIN=str(lo),
        SLURM_ARRAY_TASK_MAX=str(hi), SLURM_ARRAY_TASK_COUNT=str(hi - lo + 1),
        VERDICT_INPUT="input/", VERDICT_OUTPUT=roots[i - lo])) for i in range(lo, hi + 1)],
        "slurm")
    check_union(single, roots, "slurm")
    # Kubernetes: every index of the Indexed Job runs its container's command
    job = example("kubernetes", "verdict-indexed-job.yaml")
    check(re.search(r"^\s+completionMode: Indexed$", job, re.M), "not an Indexed Job")
    completions = int(re.search(r"^\s+completions: (\d+)$", job, re.M).group(1))
    shards = re.search(r"- name: SHARDS\n\s+value: \"(\d+)\"", job)
    check(shards is not None and int(shards.group(1)) == completions,
          "SHARDS is not the number of completions")
    cmd = re.search(r"^\s+args:\n\s+- (.*)$", job, re.M).group(1)
    check("/reports" in cmd and "/input" in cmd, f"container command: {cmd}")
    roots = [os.path.join(tmp, f"k8s{i}") for i in range(completions)]
    run_all([(["sh", "-c", cmd.replace("/reports", roots[i]).replace("/input", "input/")],
              env_with(tmp, JOB_COMPLETION_INDEX=str(i), SHARDS=shards.group(1)))
             for i in range(completions)], "kubernetes")
    check_union(single, roots, "kubernetes")


@test
def gnu_parallel_example_writes_what_one_run_writes(tmp):
    if shutil.which("parallel") is None:
        skip("GNU parallel is not installed: examples/parallel/run-shards.sh not run")
    p = subprocess.run(["parallel", "--version"], capture_output=True, text=True,
                       stdin=subprocess.DEVNULL, timeout=60)
    if "GNU parallel" not in p.stdout:
        skip("'parallel' here is not GNU parallel: examples/parallel/run-shards.sh not run")
    single, _ = one_run(tmp)
    out = os.path.join(tmp, "par")
    run_all([(["sh", os.path.join(EXAMPLES, "parallel", "run-shards.sh"), "4", out, "input/"],
              env_with(tmp))], "parallel")
    check_union(single, [out], "parallel")
