"""End-to-end tests of make install and make uninstall (PREFIX, DESTDIR):
the installed binary finds its fonts in its share folder from any
directory and writes the same PDF as the build tree; it never falls back
to the system's fonts, says with -v which fonts it uses, and a missing
font is exit 3 naming the path it looked in.

The binary is built again with the test's PREFIX in a build folder of the
test's own (make install BUILD=...), with the flags of the binary under
test (make passes its command-line variables, an asan build's too, in the
environment), so nothing in build/ changes under a running test pass."""
import atexit
import os
import shutil
import subprocess
import tempfile

import e2e
from e2e import ROOT, SEED, check, test

EPOCH = "1764000000"
SHARE = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-1252.ttf",
         "DejaVuSans-Bold-1252.ttf", "verdict-1.xsd")
_build = []


def build_dir():
    """The tests' build folder, one for them all: a change of PREFIX
    rebuilds only what depends on it."""
    if not _build:
        _build.append(tempfile.mkdtemp(prefix="verdict-e2e-build-"))
        atexit.register(shutil.rmtree, _build[0], True)
    return _build[0]


def make(*args):
    """Runs make in the source tree; returns its stdout."""
    env = dict(os.environ)
    for k in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL", "MAKEOVERRIDES"):
        env.pop(k, None)   # the calling make's job server is not ours
    jobs = str(os.cpu_count() or 2)
    p = subprocess.run(["make", "-s", "--no-print-directory", f"-j{jobs}", *args],
                       cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    check(p.returncode == 0, f"make {' '.join(args)}: exit {p.returncode}: {p.stderr}")
    return p.stdout


def verdict(binary, *args, cwd):
    env = dict(os.environ, SOURCE_DATE_EPOCH=EPOCH)
    p = subprocess.run([binary, *args], cwd=cwd, env=env, capture_output=True, text=True,
                       timeout=300)
    return p.returncode, p.stdout, p.stderr


def read(path):
    with open(path, "rb") as f:
        return f.read()


@test
def installed_binary_writes_the_build_trees_pdf_from_anywhere(tmp):
    prefix = os.path.join(tmp, "prefix")
    make("install", f"PREFIX={prefix}", f"BUILD={build_dir()}")
    share = os.path.join(prefix, "share", "verdict")
    binary = os.path.join(prefix, "bin", "verdict")
    for name in SHARE:
        check(os.path.isfile(os.path.join(share, name)), f"{name} not installed in {share}")
    check(os.access(binary, os.X_OK), "no executable installed")
    with open(os.path.join(share, "DejaVuSans.ttf"), "rb") as f, \
            open(os.path.join(ROOT, "fonts", "DejaVuSans.ttf"), "rb") as g:
        check(f.read() == g.read(), "the installed font is not the subset of fonts/")

    # The build tree's report, from the top folder as make report runs it.
    ref = os.path.join(tmp, "ref")
    rc, _, se = verdict(e2e.BIN, "-o", ref, "-p", "^research-lab$", SEED, cwd=ROOT)
    check(rc == 0, f"build tree: exit {rc}: {se}")
    # The installed one, from a folder without fonts/, on the same relative
    # path (the footer prints it).
    cwd = os.path.join(tmp, "elsewhere")
    shutil.copytree(os.path.join(ROOT, "input"), os.path.join(cwd, "input"))
    rc, so, se = verdict(binary, "-v", "-o", "out", "-p", "^research-lab$", SEED, cwd=cwd)
    check(rc == 0 and so == "", f"installed: exit {rc}: {se}")
    check(f"verdict: fonts from {share}\n" in se, f"-v does not name {share}: {se}")
    names = sorted(os.listdir(os.path.join(ref, "ml-frameworks-2026")))
    check("research-lab.pdf" in names, f"build tree wrote {names}")
    got_names = sorted(os.listdir(os.path.join(cwd, "out", "ml-frameworks-2026")))
    check(got_names == names, f"installed binary wrote {got_names}, build tree {names}")
    for name in names:
        got = read(os.path.join(cwd, "out", "ml-frameworks-2026", name))
        want = read(os.path.join(ref, "ml-frameworks-2026", name))
        check(got == want, f"{name}: the installed binary's PDF differs from the build tree's "
                           f"({len(got)} and {len(want)} bytes)")

    # The build tree's binary says it uses fonts/ of the source tree.
    rc, _, se = verdict(e2e.BIN, "-v", "-o", os.path.join(tmp, "ref2"), "-p", "^research-lab$",
                        SEED, cwd=ROOT)
    check(rc == 0 and "verdict: fonts from fonts\n" in se, f"build tree -v: {se}")

    # --help names the share folder.
    rc, so, _ = verdict(binary, "--help", cwd=cwd)
    check(rc == 0 and share in so, f"--help does not name {share}: {so}")

    # No fallback to the system's fonts: without the share folder's fonts,
    # exit 3 naming the file it looked for, and no report.
    os.rename(os.path.join(share, "DejaVuSans-Bold.ttf"), os.path.join(tmp, "bold.ttf"))
    rc, _, se = verdict(binary, "-o", "out2", SEED, cwd=cwd)
    check(rc == 3, f"exit {rc} without the installed fonts: {se}")
    want = (f"verdict: error: missing font {share}/DejaVuSans-Bold.ttf "
            "(install verdict with 'make install', or pass --font-dir DIR)\n")
    check(se == want, f"stderr {se!r}, wanted {want!r}")
    check(not os.path.exists(os.path.join(cwd, "out2", "ml-frameworks-2026")),
          "reports written without fonts")
    # --font-dir still overrides it; a wrong one is named as such.
    rc, _, se = verdict(binary, "-v", "--font-dir", os.path.join(ROOT, "fonts"), "-o", "out3",
                        SEED, cwd=cwd)
    check(rc == 0 and f"verdict: fonts from {ROOT}/fonts\n" in se, f"--font-dir: {rc} {se}")
    rc, _, se = verdict(binary, "--font-dir", tmp, "-o", "out4", SEED, cwd=cwd)
    check(rc == 3 and se == f"verdict: error: missing font {tmp}/DejaVuSans.ttf "
                            "(the folder given with --font-dir)\n", f"{rc} {se!r}")


@test
def install_and_uninstall_honour_destdir(tmp):
    build = build_dir()
    stage = os.path.join(tmp, "stage")
    make("install", f"DESTDIR={stage}", "PREFIX=/usr/local", f"BUILD={build}")
    root = os.path.join(stage, "usr", "local")
    files = sorted(os.path.relpath(os.path.join(d, f), root)
                   for d, _, fs in os.walk(root) for f in fs)
    want = ["bin/verdict"] + [f"share/verdict/{n}" for n in sorted(SHARE)]
    if any(os.path.exists(os.path.join(ROOT, p)) for p in ("docs/verdict.1", "verdict.1")):
        want.append("share/man/man1/verdict.1")
    if any(os.path.exists(os.path.join(ROOT, "contrib", p)) for p in
           ("verdict.bash-completion", "verdict.bash", "bash-completion/verdict")):
        want.append("share/bash-completion/completions/verdict")
    check(files == sorted(want), f"installed {files}, wanted {sorted(want)}")
    check(os.stat(os.path.join(root, "bin", "verdict")).st_mode & 0o777 == 0o755,
          "binary not mode 755")
    # The compiled-in folder is PREFIX's, not DESTDIR's.
    p = subprocess.run([os.path.join(root, "bin", "verdict"), "--help"], cwd=tmp,
                       capture_output=True, text=True, timeout=60)
    check("/usr/local/share/verdict" in p.stdout and stage not in p.stdout, p.stdout)
    make("uninstall", f"DESTDIR={stage}", "PREFIX=/usr/local", f"BUILD={build}")
    left = [os.path.join(d, f) for d, _, fs in os.walk(stage) for f in fs]
    check(not left, f"left after uninstall: {left}")
    check(not os.path.exists(os.path.join(root, "share", "verdict")),
          "share/verdict left after uninstall")
