"""End-to-end tests of the fingerprint over every file read (SPEC 6.4):
`files` and `fingerprint` in the JSON, the fingerprint's first 12 digits
in the footers, every file with its SHA-256 in the methodology appendix.
Changing one byte of a shared file changes the fingerprint of every client
file that includes it, and of no other."""
import glob
import hashlib
import json
import os
import shutil
import subprocess

from e2e import ROOT, SEED, check, pdftext, run, test

SHARED = "shared/message-brokers-2026.xml"
CLIENTS = ["acme-logistics-brokers.xml", "globex-bank-brokers.xml"]
OWN = os.path.basename(SEED)


def _copy_inputs(tmp):
    """input/ copied to tmp/in, so that its files can be changed."""
    d = os.path.join(tmp, "in")
    shutil.copytree(os.path.join(ROOT, "input"), d)
    return d


def _summary(cwd, *files, out="out"):
    """Runs in cwd (the inputs' directory) on the files named as given;
    returns the summary's inputs by file name."""
    rc, stdout, err = run("-q", "--font-dir", os.path.join(ROOT, "fonts"), "-o", out,
                          "--json", "-", *files, cwd=cwd)
    check(rc == 0, f"exit {rc}: {err}")
    return {i["file"]: i for i in json.loads(stdout)["inputs"]}


def _sha(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


@test
def fingerprint_follows_shared_file(tmp):
    d = _copy_inputs(tmp)
    names = CLIENTS + [OWN]
    before = _summary(d, *names, out=os.path.join(tmp, "o1"))
    for c in CLIENTS:
        files = before[c]["files"]
        check([f["path"] for f in files] == [c, SHARED], f"{c}: files {files}")
        check(files[0]["sha256"] == before[c]["sha256"], f"{c}: first entry is not the file")
        check(before[c]["fingerprint"] != before[c]["sha256"], f"{c}: fingerprint is the own SHA")
    seed = before[OWN]
    check(seed["files"] == [{"path": OWN, "sha256": seed["sha256"]}], f"seed files {seed['files']}")
    check(seed["fingerprint"] == seed["sha256"], "seed: fingerprint is not its SHA-256")

    # one byte of a description in the shared file
    path = os.path.join(d, SHARED)
    with open(path, "rb") as f:
        data = f.read()
    old = b"Keeping messages after they are read"
    check(old in data, "the shared file's description moved; update this test")
    with open(path, "wb") as f:
        f.write(data.replace(old, b"Keeping messages after they are reaD", 1))
    after = _summary(d, *names, out=os.path.join(tmp, "o2"))
    for c in CLIENTS:
        check(after[c]["sha256"] == before[c]["sha256"], f"{c}: own SHA-256 changed")
        check(after[c]["fingerprint"] != before[c]["fingerprint"], f"{c}: fingerprint unchanged")
        check(after[c]["files"][1]["sha256"] == _sha(path), f"{c}: shared file's SHA-256")
    check(after[OWN]["fingerprint"] == seed["fingerprint"], "seed: fingerprint changed")


@test
def fingerprint_is_sha256sum_of_sha256sum(tmp):
    d = _copy_inputs(tmp)
    got = _summary(d, *CLIENTS, OWN, out=os.path.join(tmp, "o"))
    for name, i in got.items():
        paths = [f["path"] for f in i["files"]]
        # what sha256sum prints for the listed paths, from the named
        # file's directory, piped into sha256sum
        lines = subprocess.run(["sha256sum", "--", *paths], cwd=d, capture_output=True,
                               check=True).stdout
        want = hashlib.sha256(lines).hexdigest() if len(paths) > 1 else _sha(os.path.join(d, name))
        piped = subprocess.run(["sha256sum"], input=lines, capture_output=True,
                               check=True).stdout.split()[0].decode()
        if len(paths) > 1:
            check(piped == want, "hashlib and sha256sum disagree")
        check(i["fingerprint"] == want, f"{name}: fingerprint {i['fingerprint']}, want {want}")
        for f in i["files"]:
            check(f["sha256"] == _sha(os.path.join(d, f["path"])), f"{name}: {f}")


@test
def fingerprint_paths_relative_to_named_file(tmp):
    """Named from elsewhere, the first path is as given and the others stay
    relative to the named file's directory."""
    d = _copy_inputs(tmp)
    name = os.path.join("in", CLIENTS[0])
    got = _summary(tmp, name, out=os.path.join(tmp, "o"))[name]
    check([f["path"] for f in got["files"]] == [name, SHARED], f"files {got['files']}")


@test
def fingerprint_in_footer_and_methodology(tmp):
    d = _copy_inputs(tmp)
    out = os.path.join(tmp, "o")
    got = _summary(d, CLIENTS[0], OWN, out=out)
    acme, seed = got[CLIENTS[0]], got[OWN]
    pdfs = glob.glob(os.path.join(out, "*", "*.pdf"))
    check(pdfs, "no PDFs written")
    for pdf in pdfs:
        text = pdftext(pdf)
        mine = acme if "broker" in os.path.basename(os.path.dirname(pdf)) else seed
        fp = mine["fingerprint"]
        label = "Fingerprint" if mine is acme else "SHA-256"
        pages = text.count("\f")
        check(text.count(f"{label} {fp[:12]}") >= pages,
              f"{pdf}: footer without '{label} {fp[:12]}' on every page")
        if mine is acme:
            check(f"SHA-256 {mine['sha256'][:12]}" not in text.replace("\n", " ").split(
                "Methodology")[0], f"{pdf}: the own SHA-256 in a footer")
        flat = " ".join(text.split())
        if "Methodology" in flat:
            for f in mine["files"]:
                check(f"{f['path']} SHA-256 {f['sha256']}" in flat or
                      (mine is seed and f"SHA-256 {f['sha256']}" in flat),
                      f"{pdf}: methodology does not list {f['path']}")
