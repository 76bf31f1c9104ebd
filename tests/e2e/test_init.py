"""End-to-end tests of verdict --init DIR: the starter comparison and the
client overlay it writes are valid with --strict (silent), reports are
written from them, and a second --init refuses to overwrite (exit 3)."""
import hashlib
import os

from e2e import check, pdfinfo, run, test

FILES = ["client.xml", "comparison.xml"]


def _snapshot(d):
    """Every file under d with the SHA-256 and mtime of its bytes."""
    snap = {}
    for base, _dirs, names in os.walk(d):
        for n in names:
            p = os.path.join(base, n)
            with open(p, "rb") as f:
                snap[os.path.relpath(p, d)] = (hashlib.sha256(f.read()).hexdigest(),
                                               os.stat(p).st_mtime_ns)
    return snap


@test
def init_writes_valid_starters(tmp):
    d = os.path.join(tmp, "new", "comparison")     # created, parents too
    rc, out, err = run("--init", d)
    check(rc == 0 and out == "" and err == "", f"--init: {rc} {out!r} {err!r}")
    check(sorted(os.listdir(d)) == FILES, f"--init wrote {os.listdir(d)}")
    comparison = open(os.path.join(d, "comparison.xml"), encoding="utf-8").read()
    client = open(os.path.join(d, "client.xml"), encoding="utf-8").read()
    for text, what in ((comparison, "comparison.xml"), (client, "client.xml")):
        check("xsi:noNamespaceSchemaLocation=" in text and "verdict-1.xsd" in text,
              f"{what} names no schema for editors")
    check('xi:include href="comparison.xml"' in client, "client.xml includes nothing")
    # every element of format 1 appears in the starter (the logo as a comment)
    for el in ["comparison", "title", "subtitle", "meta", "author", "organisation", "date",
               "logo", "intro", "p", "list", "item", "b", "i", "scales", "scale", "level",
               "frameworks", "framework", "name", "version", "license", "url", "pricing",
               "summary", "criteria", "criterion", "description", "rating", "scenarios",
               "scenario", "rationale", "weight", "require", "profiles", "profile", "use",
               "exclude", "sections", "section", "bottom-line", "report"]:
        check(f"<{el}>" in comparison or f"<{el} " in comparison,
              f"comparison.xml has no <{el}>")
    for name in FILES:
        rc, out, err = run("-v", "--check", "--strict", os.path.join(d, name))
        check(rc == 0 and out == "" and err == "", f"--check {name}: {rc} {out!r} {err!r}")
    o = os.path.join(tmp, "out")
    rc, out, err = run("-o", o, os.path.join(d, "comparison.xml"), os.path.join(d, "client.xml"))
    check(rc == 0 and err == "", f"full run: {rc} {err!r}")
    for pdf in ["my-comparison/overview.pdf", "my-comparison/web-team.pdf",
                "my-comparison/data-team.pdf", "my-client/overview.pdf",
                "my-client/shop-team.pdf"]:
        p = os.path.join(o, pdf)
        check(os.path.isfile(p), f"no {pdf}")
        check(int(pdfinfo(p)["Pages"]) >= 1, f"{pdf} has no pages")


@test
def init_refuses_to_overwrite(tmp):
    d = os.path.join(tmp, "starter")
    rc, _, err = run("--init", d)
    check(rc == 0, f"first --init: {rc} {err!r}")
    before = _snapshot(d)
    rc, out, err = run("--init", d)
    check(rc == 3, f"second --init exited {rc}")
    check(out == "", f"second --init printed {out!r}")
    for name in FILES:
        check(f"{os.path.join(d, name)} exists" in err, f"{name} not named in {err!r}")
    check(_snapshot(d) == before, "second --init changed the directory")
    # one of the two present is enough to refuse, and the other is not written
    os.remove(os.path.join(d, "client.xml"))
    rc, _, err = run("--init", d)
    check(rc == 3 and "comparison.xml exists" in err and "client.xml" not in err,
          f"--init beside comparison.xml: {rc} {err!r}")
    check(sorted(os.listdir(d)) == ["comparison.xml"], f"--init wrote {os.listdir(d)}")


@test
def init_usage(tmp):
    rc, _, err = run("--init", os.path.join(tmp, "d"), "input/")
    check(rc == 2 and "--init takes no input files" in err, f"--init with a file: {rc} {err!r}")
    check(not os.path.exists(os.path.join(tmp, "d")), "--init with a file wrote something")
    rc, out, _ = run("--help")
    check(rc == 0 and "--init DIR" in out, "--help does not list --init")
