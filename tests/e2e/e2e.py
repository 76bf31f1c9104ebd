"""Helpers for the end-to-end tests: run build/verdict, read its PDFs with
poppler's pdfinfo/pdftotext/pdffonts and check them with qpdf --check.
run.py sets BIN; test modules decorate their functions with @test."""
import os
import subprocess

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SEED = "input/pytorch-vs-tensorflow-2026.xml"
CASES = "tests/e2e/cases"
BIN = None
TESTS = []


def test(fn):
    TESTS.append(fn)
    return fn


def run(*args, env=None, cwd=ROOT):
    """Runs the binary; returns (status, stdout, stderr)."""
    e = dict(os.environ)
    e.pop("SOURCE_DATE_EPOCH", None)
    e.update(env or {})
    p = subprocess.run([BIN, *args], cwd=cwd, env=e, capture_output=True, text=True,
                       timeout=300)
    return p.returncode, p.stdout, p.stderr


def tool(*args):
    p = subprocess.run(list(args), capture_output=True, text=True, timeout=120)
    return p.returncode, p.stdout, p.stderr


def check(cond, what):
    if not cond:
        raise AssertionError(what)


class Skip(Exception):
    """A test that cannot run here: run.py says so and counts it apart."""


def skip(why):
    raise Skip(why)


def has_locale(name):
    """Whether the C library can switch to locale name (in a child, so
    that this process keeps its own)."""
    import sys
    p = subprocess.run([sys.executable, "-c", "import locale, sys; "
                        f"locale.setlocale(locale.LC_ALL, {name!r})"],
                       capture_output=True, timeout=60)
    return p.returncode == 0


def read_tree(root):
    """{path relative to root: bytes} of every file under root."""
    out = {}
    for d, _, names in os.walk(root):
        for n in names:
            p = os.path.join(d, n)
            with open(p, "rb") as f:
                out[os.path.relpath(p, root)] = f.read()
    return out


def pdfinfo(path):
    rc, out, err = tool("pdfinfo", path)
    check(rc == 0, f"pdfinfo {path}: {err}")
    info = {}
    for line in out.splitlines():
        k, _, v = line.partition(":")
        info[k.strip()] = v.strip()
    return info


def pdftext(path, first=None, last=None, layout=False):
    args = ["pdftotext", "-enc", "UTF-8"]
    if layout:
        args.append("-layout")
    if first:
        args += ["-f", str(first)]
    if last:
        args += ["-l", str(last)]
    rc, out, err = tool(*args, path, "-")
    check(rc == 0, f"pdftotext {path}: {err}")
    return out


def qpdf_ok(path):
    rc, out, err = tool("qpdf", "--check", path)
    check(rc == 0, f"qpdf --check {path}: {out}{err}")


def fonts_embedded(path):
    rc, out, _ = tool("pdffonts", path)
    check(rc == 0, "pdffonts failed")
    rows = out.splitlines()[2:]
    check(rows, f"{path}: no fonts")
    for row in rows:
        cols = row.split()
        # name type [type2] encoding emb sub uni object ID: emb is 'yes'
        check("yes" in cols[-5:-2], f"{path}: font not embedded: {row}")
        check("DejaVu" in cols[0], f"{path}: unexpected font {cols[0]}")
