"""End-to-end tests of the logo read once (issue 9, item 3): the loader
checks the logo's file and reads it from the descriptor it checked, and the
reports embed those bytes, so a file swapped after the check, for a link out
of the input's tree or for a FIFO, is never read and never hangs the run.
Includes are read the same way."""
import os
import shutil
import subprocess
import threading
import time
import zlib
from struct import pack

import e2e
from e2e import ROOT, check, skip, test, tool

LOGO = os.path.join(ROOT, "tests/layout/logo.png")   # 240 x 80
CHECKED = ["240", "80"]
# A guard against hangs: a run on the small input below takes a fraction
# of a second, and one blocked on a FIFO would never end.
SECONDS = 10

DOC = """<?xml version="1.0" encoding="UTF-8"?>
<comparison id="logo-swap" format="1" xmlns:xi="http://www.w3.org/2001/XInclude">
  <title>Logo swap</title>
  {meta}
  <scales>
    <scale id="q"><level id="good" score="2"/><level id="poor" score="1"/></scale>
  </scales>
  <frameworks>
    <framework id="a"><name>A</name></framework>
    <framework id="b"><name>B</name></framework>
  </frameworks>
  <criteria>
    <criterion id="speed" scale="q">
      <name>Speed</name>
      <rating framework="a" level="good"/>
      <rating framework="b" level="poor"/>
    </criterion>
  </criteria>
  <scenarios>
    <scenario id="s"><name>S</name><weight criterion="speed" value="1"/></scenario>
  </scenarios>
  <profiles>
    <profile id="p"><name>P</name><use scenario="s"/></profile>
  </profiles>
</comparison>
"""


def png(width, height):
    """A white RGB PNG of the given size (an image the checked logo is not)."""
    def chunk(kind, data):
        return pack(">I", len(data)) + kind + data + pack(">I", zlib.crc32(kind + data))
    rows = (b"\0" + b"\xff" * 3 * width) * height
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def setup(tmp, src, meta='<meta><logo src="{src}"/></meta>'):
    """tmp/in/input.xml naming src; tmp/in/art/logo.png the checked logo;
    tmp/outside/logo.png another image, outside the input's tree."""
    os.makedirs(os.path.join(tmp, "in", "art"))
    os.makedirs(os.path.join(tmp, "outside"))
    with open(LOGO, "rb") as f, open(os.path.join(tmp, "in", "art", "logo.png"), "wb") as g:
        g.write(f.read())
    with open(os.path.join(tmp, "outside", "logo.png"), "wb") as f:
        f.write(png(33, 11))
    path = os.path.join(tmp, "in", "input.xml")
    with open(path, "w", encoding="utf-8") as f:
        f.write(DOC.format(meta=meta.format(src=src)))
    return path


def verdict(tmp, path, *extra, env=None):
    """Runs the binary with -o tmp/out; (status, stderr), or a failure when
    it has not finished within SECONDS."""
    try:
        p = subprocess.run([e2e.BIN, "-o", os.path.join(tmp, "out"), *extra, path],
                           capture_output=True, text=True, timeout=SECONDS,
                           env=dict(os.environ, **(env or {})))
    except subprocess.TimeoutExpired:
        raise AssertionError(f"{path}: still running after {SECONDS} s (a hang)")
    return p.returncode, p.stderr


def images(tmp):
    """[width, height] of every image in every PDF under tmp/out."""
    found = []
    for top, _, names in os.walk(os.path.join(tmp, "out")):
        for name in sorted(n for n in names if n.endswith(".pdf")):
            rc, listing, err = tool("pdfimages", "-list", os.path.join(top, name))
            check(rc == 0, err)
            found += [r.split()[3:5] for r in listing.splitlines()[2:]
                      if r.split()[2] == "image"]
    return found


@test
def the_logo_embedded_is_the_one_checked(tmp):
    path = setup(tmp, "art/logo.png")
    rc, se = verdict(tmp, path)
    check(rc == 0, f"exit {rc}: {se}")
    got = images(tmp)
    check(len(got) == 2 and all(g == CHECKED for g in got),
          f"wanted the checked 240 x 80 logo in both reports: {got}")


@test
def a_logo_linked_out_of_the_tree_is_refused(tmp):
    rc, se = verdict(tmp, "tests/bad/logo-symlink-out.xml", "--check")
    check(rc == 1 and "is outside tests/bad/" in se, f"exit {rc}: {se}")
    path = setup(tmp, "art/link.png")
    os.symlink(os.path.join(tmp, "outside", "logo.png"), os.path.join(tmp, "in", "art", "link.png"))
    rc, se = verdict(tmp, path)
    check(rc == 1 and "logo 'art/link.png' is outside" in se, f"exit {rc}: {se}")
    check(not os.path.exists(os.path.join(tmp, "out")), "a report was written")


@test
def a_logo_that_is_a_fifo_is_an_error_not_a_hang(tmp):
    path = setup(tmp, "art/fifo.png")
    os.mkfifo(os.path.join(tmp, "in", "art", "fifo.png"))
    rc, se = verdict(tmp, path)
    check(rc == 1 and "logo 'art/fifo.png' is not a regular file" in se, f"exit {rc}: {se}")


@test
def a_logo_swapped_while_the_tool_runs_is_never_read(tmp):
    # art is a link swapped, as fast as it goes, between the checked
    # logo's folder, a folder outside the tree and one where logo.png is a
    # FIFO.  Whenever each swap lands, a run either refuses the logo or
    # embeds the checked one: never the outside image, never a hang.
    path = setup(tmp, "art/logo.png")
    inside, fifo = os.path.join(tmp, "in", "good"), os.path.join(tmp, "in", "fifo")
    os.rename(os.path.join(tmp, "in", "art"), inside)
    os.mkdir(fifo)
    os.mkfifo(os.path.join(fifo, "logo.png"))
    art, new = os.path.join(tmp, "in", "art"), os.path.join(tmp, "in", "art.new")
    os.symlink(inside, art)
    stop = threading.Event()

    def swap():
        targets = (os.path.join(tmp, "outside"), fifo, inside)
        k = 0
        while not stop.is_set():
            os.symlink(targets[k % 3], new)
            os.replace(new, art)
            k += 1
            time.sleep(0.0005)

    swapper = threading.Thread(target=swap)
    swapper.start()
    try:
        for n in range(30):
            rc, se = verdict(tmp, path)
            check(rc in (0, 1), f"run {n}: exit {rc}: {se}")
            check(rc == 0 or "logo 'art/logo.png'" in se, f"run {n}: {se}")
            got = images(tmp)
            check(all(g == CHECKED for g in got), f"run {n}: an image not checked: {got}")
    finally:
        stop.set()
        swapper.join()


# realpath(), then, the first time it resolves a path ending in SWAP_AT,
# the swap a racing attacker would make at that very moment: the folder
# SWAP_DIR moved away and a link to SWAP_TO put in its place.  The open
# that follows the check goes through the link, unless the loader asks
# where the file it opened really is.
SHIM = r"""
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

char *realpath(const char *path, char *resolved)
{
	static int done;
	char *(*next)(const char *, char *) =
		(char *(*)(const char *, char *))dlsym(RTLD_NEXT, "realpath");
	char *r = next(path, resolved);
	const char *at = getenv("SWAP_AT"), *dir = getenv("SWAP_DIR"), *to = getenv("SWAP_TO");
	size_t n = strlen(path), m = at != NULL ? strlen(at) : 0;
	if (!done && r != NULL && dir != NULL && to != NULL && n >= m &&
	    strcmp(path + n - m, at) == 0) {
		char old[4096];
		snprintf(old, sizeof old, "%s.old", dir);
		done = rename(dir, old) == 0 && symlink(to, dir) == 0;
	}
	return r;
}
"""


def swap_shim(tmp):
    """The shim above built in tmp (skips without a C compiler or /proc)."""
    cc = shutil.which("cc") or shutil.which("gcc")
    if cc is None or not os.path.isdir("/proc/self/fd"):
        skip("no C compiler or no /proc")
    with open(os.path.join(tmp, "shim.c"), "w") as f:
        f.write(SHIM)
    so = os.path.join(tmp, "shim.so")
    rc, _, err = tool(cc, "-shared", "-fPIC", "-o", so, os.path.join(tmp, "shim.c"), "-ldl")
    check(rc == 0, f"cannot build the shim: {err}")
    return so


@test
def a_folder_swapped_between_the_check_and_the_open_is_caught(tmp):
    so = swap_shim(tmp)
    # The AddressSanitizer build wants its runtime first; the shim only
    # passes realpath on.
    asan = (os.environ.get("ASAN_OPTIONS", "") + ":verify_asan_link_order=0").lstrip(":")
    for src, meta, what in (("art/logo.png", '<meta><logo src="{src}"/></meta>', "logo"),
                            ("art/meta.xml", '<xi:include href="{src}"/>', "include")):
        case = os.path.join(tmp, what)
        path = setup(case, src, meta)
        for top, author in (("in", "Inside"), ("outside", "Outside")):
            with open(os.path.join(case, top, "art" if top == "in" else "", "meta.xml"),
                      "w", encoding="utf-8") as f:
                f.write(f"<meta><author>{author}</author></meta>\n")
        env = {"LD_PRELOAD": so, "SWAP_AT": src, "SWAP_DIR": os.path.join(case, "in", "art"),
               "SWAP_TO": os.path.join(case, "outside"), "ASAN_OPTIONS": asan}
        rc, se = verdict(case, path, env=env)
        check(os.path.islink(os.path.join(case, "in", "art")), f"{what}: no swap was made")
        check(rc == 1 and f"{what} '{src}' is outside" in se, f"{what}: exit {rc}: {se}")
        check(images(case) == [], f"{what}: a report was written")
