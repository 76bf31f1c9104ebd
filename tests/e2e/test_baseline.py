"""End-to-end tests of --baseline (SPEC 6.5): the causes' effects add up
to the change of the gap between the current first and second on random
edits of the seed's ratings and weights; a baseline of another
comparison or a file that is not a summary is refused (exit 2) before
anything is written; and the README's cron recipe mails only when a
verdict changed, over two runs with one rating edited in between."""
import json
import os
import random
import re
import shutil
import stat
import subprocess

import e2e
from e2e import ROOT, SEED, check, pdftext, run, test

DAY1, DAY2, DAY3 = "1793491200", "1796083200", "1796169600"   # 1 Nov, 1 and 2 Dec 2026 UTC


def _copy_input(tmp):
    """The seed's folder copied (its shared parts too); the seed's path."""
    dst = os.path.join(tmp, "input")
    shutil.copytree(os.path.join(ROOT, "input"), dst)
    return os.path.join(dst, os.path.basename(SEED))


def _summary(args, day, status=0):
    rc, out, err = run("--json", "-", *args, env={"SOURCE_DATE_EPOCH": day})
    check(rc == status, f"verdict {' '.join(args)}: exit {rc}: {err}")
    return json.loads(out)


def _structure(text):
    """Scale levels by criterion, and the spans of the ratings' level
    attributes and of the weights' values, in the XML text."""
    scales = {m.group(1): re.findall(r'<level id="([^"]+)"', m.group(2))
              for m in re.finditer(r'<scale id="([^"]+)"[^>]*>(.*?)</scale>', text, re.S)}
    ratings = []   # (start, end, levels) of a level="..." value
    for m in re.finditer(r'<criterion id="([^"]+)" scale="([^"]+)"[^>]*>(.*?)</criterion>',
                         text, re.S):
        levels = scales.get(m.group(2))
        if not levels:
            continue
        for r in re.finditer(r'<rating [^>]*level="([^"]+)"', m.group(3)):
            if r.group(1) == "unknown":
                continue
            base = m.start(3) + r.start(1)
            ratings.append((base, base + len(r.group(1)), levels))
    weights = [(w.start(1), w.end(1))
               for w in re.finditer(r'<weight criterion="[^"]+" value="([0-9.]+)"', text)]
    return ratings, weights


def _edit(text, rng):
    """One to three random edits of ratings and weights (a rating to
    another level of its scale, a weight to another whole number 1-6)."""
    ratings, weights = _structure(text)
    edits = []
    for _ in range(rng.randint(1, 3)):
        if rng.random() < 0.5:
            s, e, levels = rng.choice(ratings)
            edits.append((s, e, rng.choice([lv for lv in levels if lv != text[s:e]])))
        else:
            s, e = rng.choice(weights)
            edits.append((s, e, str(rng.choice([v for v in range(1, 7) if str(v) != text[s:e]]))))
    seen = set()
    for s, e, new in sorted(edits, reverse=True):   # from the end: spans stay valid
        if s in seen:
            continue
        seen.add(s)
        text = text[:s] + new + text[e:]
    return text


@test
def effects_add_up(tmp):
    """SPEC 6.5: over every criterion the effects add up to the change of
    the gap between the current first A and second B; weight moves under
    0.005, which are not listed, are the only remainder (computed here
    from the two summaries and added)."""
    seed = _copy_input(tmp)
    base = os.path.join(tmp, "base.json")
    with open(base, "w", encoding="utf-8") as f:
        json.dump(_summary(["--check", seed], DAY1), f)
    then = json.load(open(base, encoding="utf-8"))["inputs"][0]
    then_profiles = {p["id"]: p for p in then["profiles"]}
    original = open(seed, encoding="utf-8").read()
    rng = random.Random(20261101)
    edits = checked = exact = 0
    worst = 0.0
    while edits < 60:
        with open(seed, "w", encoding="utf-8") as f:
            f.write(_edit(original, rng))
        now = _summary(["--check", "--baseline", base, seed], DAY2)["inputs"][0]
        check(now["valid"], f"edit {edits}: the edited seed is invalid")
        edits += 1
        for p in now["profiles"]:
            ch = p["change"]
            check(ch is not None and not ch.get("new"), f"{p['id']}: change {ch}")
            check(ch["since"] == "2026-11-01", f"since {ch['since']}")
            if p["margin"] is None:
                continue
            tp = then_profiles[p["id"]]
            a, b = p["ranking"][0]["framework"], p["ranking"][1]["framework"]
            score_then = {r["framework"]: r["score"] for r in tp["ranking"]}
            gap_change = (p["ranking"][0]["score"] - p["ranking"][1]["score"]) - \
                         (score_then[a] - score_then[b])
            listed = {c["criterion"] for c in ch["causes"] if c["kind"] == "weight"}
            rest = 0.0
            for c, w_now in p["weights"].items():
                w_then = tp["weights"][c]
                if c not in listed and w_now != w_then:
                    check(abs(w_now - w_then) < 0.005, f"{p['id']}: weight of {c} not listed")
                    d_then = then["ratings"][c][a]["u"] - then["ratings"][c][b]["u"]
                    rest += 100 * (w_now - w_then) * d_then
            total = sum(c["effect"] for c in ch["causes"] if c["effect"] is not None)
            off = abs(total + rest - gap_change)
            worst = max(worst, off)
            check(off < 0.01, f"edit {edits}, {p['id']}: effects {total} + unlisted {rest} "
                              f"!= gap change {gap_change}")
            if rest == 0:
                exact += 1
            effects = [abs(c["effect"]) for c in ch["causes"] if c["effect"] is not None]
            check(all(x >= y - 1e-9 for x, y in zip(effects, effects[1:])),
                  f"{p['id']}: causes not by |effect|: {effects}")
            checked += 1
    check(edits >= 50 and checked >= 50 and exact >= 50,
          f"{edits} edits, {checked} profiles checked, {exact} without remainder")
    print(f"      {edits} random edits, {checked} profiles checked ({exact} with every "
          f"weight move listed), largest difference {worst:.2e} points")


@test
def unchanged_and_new(tmp):
    """The same input again: nothing changed and no causes; without
    --baseline change is null; a profile the baseline lacks is new."""
    seed = _copy_input(tmp)
    base = os.path.join(tmp, "base.json")
    s = _summary(["--check", seed], DAY1)
    for p in s["inputs"][0]["profiles"]:
        check(p["change"] is None, "change without --baseline")
    check(s["inputs"][0]["generated"] == "2026-11-01", "generated")
    s["inputs"][0]["profiles"] = s["inputs"][0]["profiles"][1:]
    first = _summary(["--check", seed], DAY1)["inputs"][0]["profiles"][0]["id"]
    with open(base, "w", encoding="utf-8") as f:
        json.dump(s, f)
    now = _summary(["--check", "--baseline", base, seed], DAY2)["inputs"][0]
    for p in now["profiles"]:
        if p["id"] == first:
            check(p["change"] == {"new": True}, f"{first}: {p['change']}")
        else:
            check(p["change"]["verdict_changed"] is False and p["change"]["causes"] == [],
                  f"{p['id']}: {p['change']}")


@test
def changed_line(tmp):
    """A rating edited so that a verdict changes: -v says so, in one line."""
    seed = _copy_input(tmp)
    base = os.path.join(tmp, "base.json")
    with open(base, "w", encoding="utf-8") as f:
        json.dump(_summary(["--check", seed], DAY1), f)
    _mobile_limited(seed)
    rc, out, err = run("-v", "--check", "--baseline", base, seed,
                       env={"SOURCE_DATE_EPOCH": DAY2})
    check(rc == 0, f"exit {rc}: {err}")
    lines = [ln for ln in err.splitlines() if "Changed since" in ln]
    check(len(lines) == 1 and "mobile-edge-team: Changed since 1 Nov 2026: TensorFlow alone "
          "then, none qualifying now, mainly because TensorFlow's Mobile Deployment fell "
          "from First-class to Limited." in lines[0], f"-v lines: {err}")


def _mobile_limited(seed):
    text = open(seed, encoding="utf-8").read()
    new = re.sub(r'(<rating framework="tensorflow" level=")first-class("[^>]*>TensorFlow Lite)',
                 r"\1limited\2", text)
    check(new != text, "the seed's TensorFlow Lite rating not found")
    with open(seed, "w", encoding="utf-8") as f:
        f.write(new)


def _refused(tmp, baseline, what):
    out = os.path.join(tmp, "out")
    js = os.path.join(tmp, "now.json")
    rc, _, err = run("--baseline", baseline, "--json", js, "-o", out, SEED)
    check(rc == 2, f"{what}: exit {rc}, want 2: {err}")
    check("baseline" in err and "error" in err, f"{what}: message {err!r}")
    check(not os.path.exists(out) and not os.path.exists(js), f"{what}: something was written")
    return err


@test
def baseline_refused(tmp):
    """A summary of another comparison, a file that is not JSON, JSON that
    is not a summary, an older summary without ratings, a missing file:
    exit 2, nothing written."""
    other = os.path.join(tmp, "other.json")
    rc, out, err = run("--check", "--json", "-", "input/acme-logistics-brokers.xml")
    check(rc == 0, f"acme: {err}")
    with open(other, "w", encoding="utf-8") as f:
        f.write(out)
    err = _refused(tmp, other, "another comparison")
    check("another comparison" in err, err)
    bad = os.path.join(tmp, "bad.json")
    for text, what in (("not json {", "bad JSON"), ('{"a": 1}', "not a summary"),
                       ('{"tool": "verdict", "version": "0", "format": 1, "inputs": '
                        '[{"id": "ml-frameworks-2026", "profiles": []}]}', "no ratings")):
        with open(bad, "w", encoding="utf-8") as f:
            f.write(text)
        _refused(tmp, bad, what)
    _refused(tmp, os.path.join(tmp, "missing.json"), "a missing file")


def _recipe():
    """The cron recipe of README.md: the sh block that starts '# nightly.sh'."""
    text = open(os.path.join(ROOT, "README.md"), encoding="utf-8").read()
    for block in re.findall(r"```sh\n(.*?)```", text, re.S):
        if block.startswith("# nightly.sh"):
            return block
    raise AssertionError("README.md has no '# nightly.sh' recipe")


@test
def cron_recipe(tmp):
    """README's nightly recipe, run as written with verdict and mail on
    PATH (mail a stub that records its message): the first run keeps a
    baseline and mails nothing, a rerun with nothing edited mails
    nothing, and after one rating is edited the next run mails once,
    naming the team whose verdict changed."""
    home = os.path.join(tmp, "srv")
    os.makedirs(home)
    shutil.copytree(os.path.join(ROOT, "input"), os.path.join(home, "input"))
    bindir = os.path.join(tmp, "bin")
    os.makedirs(bindir)
    os.symlink(os.path.abspath(e2e.BIN), os.path.join(bindir, "verdict"))
    mails = os.path.join(tmp, "mails")
    stub = os.path.join(bindir, "mail")
    with open(stub, "w", encoding="utf-8") as f:
        f.write('#!/bin/sh\n{ echo "mail $*"; cat; echo "--"; } >> "$MAILS"\n')
    os.chmod(stub, os.stat(stub).st_mode | stat.S_IXUSR)
    script = os.path.join(tmp, "nightly.sh")
    with open(script, "w", encoding="utf-8") as f:
        f.write(_recipe())
    # no jq needed: with jq missing from PATH the recipe's shell test is used
    path = bindir + ":" + "/usr/bin:/bin"

    def nightly(day):
        env = {"PATH": path, "VERDICT_HOME": home, "VERDICT_MAILTO": "team@example.com",
               "VERDICT_OPTS": "--font-dir " + os.path.join(ROOT, "fonts"), "MAILS": mails,
               "SOURCE_DATE_EPOCH": day, "HOME": tmp}
        p = subprocess.run(["sh", script], env=env, capture_output=True, text=True, timeout=300)
        check(p.returncode == 0, f"nightly.sh: exit {p.returncode}: {p.stdout} {p.stderr}")
        return open(mails, encoding="utf-8").read() if os.path.exists(mails) else ""

    check(nightly(DAY1) == "", "the first run mailed")
    last = os.path.join(home, "output", "last.json")
    check(os.path.exists(last), "no baseline kept beside the output")
    check(nightly(DAY2) == "", "a run with nothing changed mailed")
    _mobile_limited(os.path.join(home, SEED))
    sent = nightly(DAY3)
    check(sent.count("mail ") == 1 and "team@example.com" in sent, f"mails: {sent!r}")
    check("mobile-edge-team: Changed since 1 Dec 2026" in sent, f"mail body: {sent!r}")
    check(sent.count("Changed since") == 1, f"mail body: {sent!r}")
    summary = json.load(open(last, encoding="utf-8"))
    check(summary["inputs"][0]["generated"] == "2026-12-02", "the baseline was not moved on")


@test
def report_lines(tmp):
    """The reports with a baseline: the verdict box's line, a section
    "What changed since ..." with every cause, and the overview's list of
    the teams whose verdict changed; without one, none of it."""
    seed = _copy_input(tmp)
    base = os.path.join(tmp, "base.json")
    out0, out = os.path.join(tmp, "out0"), os.path.join(tmp, "out")
    rc, _, err = run("--json", base, "-o", out0, seed, env={"SOURCE_DATE_EPOCH": DAY1})
    check(rc == 0, err)
    d0 = os.path.join(out0, "ml-frameworks-2026")
    for name in os.listdir(d0):
        text = pdftext(os.path.join(d0, name))
        check("hanged since" not in text and "What changed" not in text,
              f"{name} speaks of a change without a baseline")
    _mobile_limited(seed)
    rc, _, err = run("--baseline", base, "-o", out, seed, env={"SOURCE_DATE_EPOCH": DAY2})
    check(rc == 0, err)
    d = os.path.join(out, "ml-frameworks-2026")
    team = " ".join(pdftext(os.path.join(d, "mobile-edge-team.pdf")).split())
    line = ("Changed since 1 Nov 2026: TensorFlow alone then, none qualifying now, mainly "
            "because TensorFlow's Mobile Deployment fell from First-class to Limited.")
    check(team.count(line) == 2, f"the box's line and the section's: {team[:1500]}")
    check("What changed since 1 Nov 2026" in team, "no section")
    check("TensorFlow no longer qualifies (require:mobile>=broad)" in team, "the constraint cause")
    lab = " ".join(pdftext(os.path.join(d, "research-lab.pdf")).split())
    check("Unchanged since 1 Nov 2026; margin 37.1 \u2192 37.1." in lab, lab[:1500])
    over = " ".join(pdftext(os.path.join(d, "overview.pdf")).split())
    check("Changed since 1 Nov 2026: the verdict for Mobile and edge product team (1 of 4 "
          "teams)." in over, over[:1500])
