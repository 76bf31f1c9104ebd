"""End-to-end tests of the command line on the seed input: verdicts, JSON,
PDFs, reproducibility, exit codes, atomic writes, shards and jobs."""
import hashlib
import json
import os
import shutil

from e2e import (CASES, ROOT, SEED, check, fonts_embedded, pdfinfo, pdftext, qpdf_ok,
                 run, test)

# The article's own answers (SPEC and issue 2).
PYTORCH = {"research", "academic", "custom-architectures", "python-teams", "debugging"}
TENSORFLOW = {"production", "mobile-edge", "web", "enterprise", "multi-language",
              "google-cloud"}


def seed_run(tmp, *extra, env=None):
    out = os.path.join(tmp, "out")
    js = os.path.join(tmp, "summary.json")
    rc, so, se = run("-o", out, "--json", js, *extra, SEED, env=env)
    return rc, so, se, out, js


@test
def seed_verdicts_match_the_article(tmp):
    rc, so, se, out, js = seed_run(tmp)
    check(rc == 0, f"exit {rc}: {se}")
    check(so == "" and se == "", f"not silent: {so!r} {se!r}")
    with open(js, encoding="utf-8") as f:
        doc = json.load(f)
    check(doc["tool"] == "verdict" and doc["format"] == 1, "header keys")
    inp = doc["inputs"][0]
    check(inp["valid"] is True and inp["errors"] == [], "seed must be valid")
    check(inp["id"] == "ml-frameworks-2026", "comparison id")
    check(inp["file"] == SEED, f"file {inp['file']}")
    with open(os.path.join(ROOT, SEED), "rb") as f:
        check(inp["sha256"] == hashlib.sha256(f.read()).hexdigest(), "sha256")
    got = {s["id"]: s for s in inp["scenarios"]}
    check(len(got) == 11, f"{len(got)} scenarios")
    for sid in PYTORCH:
        check(got[sid]["verdict"] == "winner" and got[sid]["winner"] == "pytorch",
              f"scenario {sid}: {got[sid]['verdict']} {got[sid]['winner']}")
    for sid in TENSORFLOW:
        check(got[sid]["verdict"] == "winner" and got[sid]["winner"] == "tensorflow",
              f"scenario {sid}: {got[sid]['verdict']} {got[sid]['winner']}")
    prof = {p["id"]: p for p in inp["profiles"]}
    check(len(prof) >= 4, "at least four profiles")
    check(prof["research-lab"]["winner"] == "pytorch", "lab gets PyTorch")
    check(prof["enterprise-platform"]["winner"] == "tensorflow", "enterprise gets TensorFlow")
    for p in prof.values():
        r = p["ranking"]
        check(len(r) == 2, "every framework ranked")
        check(abs(sum(p["weights"].values()) - 1) < 1e-9, "weights sum to 1")
        if p["margin"] is not None:
            check(abs(r[0]["score"] - r[1]["score"] - p["margin"]) < 1e-9, "margin")
        check(p["pdf"] == f"{out}/ml-frameworks-2026/{p['id']}.pdf", f"pdf path {p['pdf']}")
        check(os.path.exists(p["pdf"]), f"missing {p['pdf']}")
    mobile = prof["mobile-edge-team"]
    check(mobile["ranking"][1]["qualified"] is False and
          mobile["ranking"][1]["disqualified_by"] == ["require:mobile>=broad"],
          f"mobile team disqualification: {mobile['ranking'][1]}")


@test
def seed_pdfs_are_sound(tmp):
    rc, _, se, out, js = seed_run(tmp)
    check(rc == 0, se)
    with open(js, encoding="utf-8") as f:
        prof = {p["id"]: p for p in json.load(f)["inputs"][0]["profiles"]}
    base = os.path.join(out, "ml-frameworks-2026")
    names = sorted(os.listdir(base))
    check(names == sorted(["overview.pdf"] + [p + ".pdf" for p in prof]), f"files {names}")
    for name in names:
        path = os.path.join(base, name)
        qpdf_ok(path)
        fonts_embedded(path)
        info = pdfinfo(path)
        pages = int(info["Pages"])
        check(pages > 1, f"{name}: {pages} page(s)")
        check(info["Title"].startswith("PyTorch vs TensorFlow 2026"), f"title {info['Title']}")
        check(info["Creator"].startswith("verdict "), f"creator {info['Creator']}")
        check("(A4)" in info["Page size"], f"A4: {info['Page size']}")
        text = pdftext(path)
        for n in range(1, pages + 1):
            check(f"Page {n} of {pages}" in text, f"{name}: no 'Page {n} of {pages}'")
        check("Feature comparison" in text, f"{name}: no feature table")
        # Every feature-table cell text of the article is in the report.
        for cell in ("Dynamic (define-by-run)", "TensorFlow Lite", "Python-focused",
                     "Mature ecosystem", "TensorFlow.js"):
            check(cell in " ".join(text.split()), f"{name}: cell {cell!r} missing")
    for pid, p in prof.items():
        first = " ".join(pdftext(p["pdf"], 1, 1).split())
        winner = {"pytorch": "PyTorch", "tensorflow": "TensorFlow"}[p["ranking"][0]["framework"]]
        check(f"Choose {winner}" in first, f"{pid}: 'Choose {winner}' not on page 1")
        check(p["stability"] is None or p["stability"] in first, f"{pid}: stability on page 1")


@test
def reproducible_with_source_date_epoch(tmp):
    env = {"SOURCE_DATE_EPOCH": "1764000000"}
    a, b = os.path.join(tmp, "a"), os.path.join(tmp, "b")
    for d in (a, b):
        rc, _, se = run("-o", d, "--json", d + ".json", SEED, env=env)
        check(rc == 0, se)
    for name in os.listdir(os.path.join(a, "ml-frameworks-2026")):
        with open(os.path.join(a, "ml-frameworks-2026", name), "rb") as f1, \
             open(os.path.join(b, "ml-frameworks-2026", name), "rb") as f2:
            check(f1.read() == f2.read(), f"{name} differs between runs")
    with open(a + ".json", encoding="utf-8") as f1, open(b + ".json", encoding="utf-8") as f2:
        check(f1.read().replace(a, "X") == f2.read().replace(b, "X"), "JSON differs")
    info = pdfinfo(os.path.join(a, "ml-frameworks-2026", "overview.pdf"))
    check("2025" in info.get("CreationDate", ""), f"CreationDate {info.get('CreationDate')}")
    text = pdftext(os.path.join(a, "ml-frameworks-2026", "overview.pdf"), 1, 1)
    check("Generated 2025-11-24" in text, "generation date from SOURCE_DATE_EPOCH")


@test
def check_mode_is_silent_on_valid_input(tmp):
    rc, so, se = run("--check", SEED, cwd=ROOT)
    check(rc == 0 and so == "", f"exit {rc}: {so}{se}")
    check("error" not in se, se)


@test
def usage_errors_exit_2(tmp):
    for args in ([], ["--jobs", "0", SEED], ["--shard", "3/2", SEED], ["--bogus", SEED],
                 ["--close-call", "-1", SEED], ["-p", "(", SEED]):
        rc, _, se = run(*args)
        check(rc == 2, f"{args}: exit {rc}")
        check(se.strip() != "", f"{args}: no message")


@test
def invalid_input_reports_file_and_line_and_valid_ones_still_run(tmp):
    bad = os.path.join(CASES, "dangling-reference.xml")
    out = os.path.join(tmp, "out")
    rc, _, se = run("-o", out, bad, SEED)
    check(rc == 1, f"exit {rc}: {se}")
    check(f"{bad}:" in se and ": error: " in se, se)
    line = se.split(f"{bad}:")[1].split(":")[0]
    check(line.isdigit() and int(line) > 1, f"line number in {se!r}")
    check(os.path.exists(os.path.join(out, "ml-frameworks-2026", "overview.pdf")),
          "the valid input was not processed")


@test
def missing_file_is_an_error_not_a_crash(tmp):
    rc, _, se = run("--check", "tests/e2e/cases/does-not-exist.xml")
    check(rc == 1, f"exit {rc}")
    check("does-not-exist.xml:1: error:" in se, se)


@test
def failed_run_keeps_the_previous_good_pdf(tmp):
    rc, _, se, out, _ = seed_run(tmp)
    check(rc == 0, se)
    path = os.path.join(out, "ml-frameworks-2026", "research-lab.pdf")
    with open(path, "rb") as f:
        before = f.read()
    rc, _, se = run("-o", out, "--font-dir", os.path.join(tmp, "nofonts"), SEED)
    check(rc == 3, f"exit {rc} with missing fonts")
    check("font" in se, se)
    with open(path, "rb") as f:
        check(f.read() == before, "the good PDF was replaced")
    left = [n for n in os.listdir(os.path.dirname(path)) if n.startswith(".")]
    check(not left, f"temporary files left: {left}")


@test
def unwritable_output_exits_3(tmp):
    blocker = os.path.join(tmp, "file")
    with open(blocker, "w") as f:
        f.write("x")
    rc, _, se = run("-o", blocker, SEED)
    check(rc == 3, f"exit {rc}: {se}")
    check("error" in se, se)


@test
def shards_and_jobs_cover_the_same_files(tmp):
    env = {"SOURCE_DATE_EPOCH": "1764000000"}
    one = os.path.join(tmp, "one")
    rc, _, se = run("-o", one, SEED, env=env)
    check(rc == 0, se)
    par = os.path.join(tmp, "par")
    rc, _, se = run("-o", par, "-j", "3", SEED, env=env)
    check(rc == 0, se)
    sh = os.path.join(tmp, "sh")
    for k in (1, 2, 3):
        rc, _, se = run("-o", sh, "--shard", f"{k}/3", SEED, env=env)
        check(rc == 0, se)
    sub = "ml-frameworks-2026"
    names = sorted(os.listdir(os.path.join(one, sub)))
    for other in (par, sh):
        check(sorted(os.listdir(os.path.join(other, sub))) == names, f"{other}: files differ")
        for n in names:
            with open(os.path.join(one, sub, n), "rb") as a, \
                 open(os.path.join(other, sub, n), "rb") as b:
                check(a.read() == b.read(), f"{other}/{n} differs")
    rc, _, se = run("-o", os.path.join(tmp, "s1"), "--shard", "1/2", SEED, env=env)
    check(len(os.listdir(os.path.join(tmp, "s1", sub))) < len(names), "a shard writes a part")


@test
def profile_filter_writes_only_matching_profiles(tmp):
    out = os.path.join(tmp, "out")
    rc, js, se = run("-o", out, "-p", "^research-lab$", "--json", "-", SEED)
    check(rc == 0, se)
    doc = json.loads(js)
    ids = [p["id"] for p in doc["inputs"][0]["profiles"]]
    check(ids == ["research-lab"], f"profiles {ids}")
    # SPEC 6.6: the overview is selected by its id like any report.
    check(sorted(os.listdir(os.path.join(out, "ml-frameworks-2026"))) ==
          ["research-lab.pdf"], "files")
    check(doc["inputs"][0]["overview_pdf"] is None, "overview_pdf")


@test
def directory_input_processes_every_xml(tmp):
    d = os.path.join(tmp, "in")
    os.mkdir(d)
    shutil.copy(os.path.join(ROOT, SEED), os.path.join(d, "a.xml"))
    with open(os.path.join(d, "notes.txt"), "w") as f:
        f.write("not an input")
    rc, js, se = run("--check", "--json", "-", d)
    check(rc == 0, se)
    files = [i["file"] for i in json.loads(js)["inputs"]]
    check(files == [os.path.join(d, "a.xml")], f"{files}")




@test
def warnings_are_silent_unless_verbose_but_always_in_the_json(tmp):
    case = os.path.join(CASES, "warnings.xml")
    rc, so, se = run("--check", case)
    check(rc == 0 and so == "" and se == "", f"--check not silent: {rc} {so!r} {se!r}")
    rc, _, se = run("-o", os.path.join(tmp, "o"), case)
    check(rc == 0 and se == "", f"report run not silent: {rc} {se!r}")
    rc, _, se = run("-v", "--check", case)
    check(rc == 0, f"exit {rc}")
    check(f"{case}:" in se and ": warning: criterion 'price' is weighed by no scenario" in se, se)
    rc, js, _ = run("--check", "--json", "-", case)
    warnings = json.loads(js)["inputs"][0]["warnings"]
    check(len(warnings) == 1 and warnings[0]["file"] == case and warnings[0]["line"] > 1,
          f"JSON warnings {warnings}")


@test
def two_inputs_with_one_comparison_id_are_refused(tmp):
    copy = os.path.join(tmp, "copy.xml")
    shutil.copy(os.path.join(ROOT, SEED), copy)
    out = os.path.join(tmp, "out")
    rc, _, se = run("-o", out, "--json", os.path.join(tmp, "s.json"), SEED, copy)
    check(rc == 1, f"exit {rc}: {se}")
    check(f"{copy}:" in se and "comparison id 'ml-frameworks-2026' is also the id of" in se, se)
    check(SEED not in se.split(":")[0], "the first input must stay valid")
    with open(os.path.join(tmp, "s.json"), encoding="utf-8") as f:
        valid = [i["valid"] for i in json.load(f)["inputs"]]
    check(valid == [True, False], f"validity {valid}")
    check(os.path.exists(os.path.join(out, "ml-frameworks-2026", "overview.pdf")),
          "the first input's reports are still written")


@test
def profile_filter_selects_the_overview_by_its_id(tmp):
    """SPEC 6.6: -p chooses among every report, the overview's id being
    'overview'; the JSON gives its path as overview_pdf."""
    out = os.path.join(tmp, "out")
    folder = os.path.join(out, "ml-frameworks-2026")
    rc, js, se = run("-o", out, "-p", "^(research-lab|overview)$", "--json", "-", SEED)
    check(rc == 0 and se == "", f"exit {rc}: {se}")
    check(sorted(os.listdir(folder)) == ["overview.pdf", "research-lab.pdf"],
          f"files {os.listdir(folder)}")
    i = json.loads(js)["inputs"][0]
    check(i["overview_pdf"] == f"{folder}/overview.pdf", f"overview_pdf {i['overview_pdf']}")
    check([p["id"] for p in i["profiles"]] == ["research-lab"], "profiles")
    out2 = os.path.join(tmp, "out2")
    rc, js, se = run("-o", out2, "-p", "^overview$", "--json", "-", SEED)
    check(rc == 0 and se == "", f"exit {rc}: {se}")
    check(os.listdir(os.path.join(out2, "ml-frameworks-2026")) == ["overview.pdf"], "only it")
    i = json.loads(js)["inputs"][0]
    check(i["profiles"] == [] and i["overview_pdf"].endswith("/overview.pdf"), f"{i}")
    rc, js, se = run("--check", "--json", "-", SEED)
    check(rc == 0 and json.loads(js)["inputs"][0]["overview_pdf"] is None,
          "--check writes no overview")
    rc, js, se = run("-o", os.path.join(tmp, "out3"), "--json", "-", SEED)
    check(rc == 0 and json.loads(js)["inputs"][0]["overview_pdf"] ==
          os.path.join(tmp, "out3", "ml-frameworks-2026", "overview.pdf"), "no -p: written")


@test
def profile_filter_matching_nothing_is_a_usage_error(tmp):
    """-p that matches no report of any input: exit 2, the regex named,
    nothing written (not even the JSON)."""
    out = os.path.join(tmp, "out")
    js = os.path.join(tmp, "s.json")
    rc, so, se = run("-o", out, "-p", "^research-lba$", "--json", js, SEED)
    check(rc == 2, f"exit {rc}: {se}")
    check(se == "verdict: --profile '^research-lba$' matches no report\n", repr(se))
    check(not os.path.exists(out) and not os.path.exists(js), "something was written")
    rc, _, se = run("--check", "-p", "nothing-like-it", SEED)
    check(rc == 2 and "--profile 'nothing-like-it' matches no report" in se, f"{rc} {se}")
    # A match in any one input is enough.
    rc, _, se = run("--check", "-p", "^warehouse-robots$", SEED, "input/acme-logistics-brokers.xml")
    check(rc == 0 and se == "", f"exit {rc}: {se}")
