"""End-to-end test of docs/model.md: its worked example is a real input,
tests/json/worked-example.xml, and the numbers in the tables marked
<!-- worked-example: NAME --> in the page must be what verdict computes for
it (to the precision written in the page).  Change the page or the input,
and this test says which number no longer agrees."""
import json
import os
import re

from e2e import ROOT, check, run, test

DOC = os.path.join(ROOT, "docs", "model.md")
EXAMPLE = "tests/json/worked-example.xml"
FRAMEWORKS = {"alpha": "Alpha", "beta": "Beta"}
ROBUST_PP, FRAGILE_PP = 15.0, 5.0      # include/verdict.h


def tables():
    """{name: [row cells...]} for every marked table, header and rule left out."""
    lines = open(DOC, encoding="utf-8").read().splitlines()
    out = {}
    for i, line in enumerate(lines):
        m = re.fullmatch(r"<!-- worked-example: (\w+) -->", line.strip())
        if not m:
            continue
        rows = []
        for row in lines[i + 1:]:
            if not row.startswith("|"):
                break
            rows.append([c.strip() for c in row.strip().strip("|").split("|")])
        out[m.group(1)] = rows[2:]
    return out


def num(cell):
    """The number a cell starts with and how far it may be off, as written
    (half a unit of its last digit); None for 'none'."""
    m = re.match(r"[−-]?\d+(?:\.(\d+))?", cell)
    if m is None:
        check(cell.startswith("none"), f"not a number: {cell!r}")
        return None, 0
    decimals = len(m.group(1) or "")
    return float(m.group(0).replace("−", "-")), 0.5 * 10 ** -decimals + 1e-9


def same(cell, value, what):
    want, tol = num(cell)
    if want is None:
        check(value is None, f"{what}: the page says none, the tool {value}")
        return
    check(value is not None and abs(value - want) <= tol,
          f"{what}: the page says {cell}, the tool {value}")


def code(cell):
    m = re.search(r"`([^`]+)`", cell)
    check(m is not None, f"no `id` in {cell!r}")
    return m.group(1)


def summary(path):
    rc, out, err = run("--check", "--json", "-", path)
    check(rc == 0, f"verdict on {path}: {rc} {err}")
    return json.loads(out)["inputs"][0]


def scores(v):
    return {r["framework"]: r for r in v["ranking"]}


@test
def model_doc_worked_example(tmp):
    t = tables()
    check(set(t) == {"weights", "scores", "sensitivity", "unknowns"},
          f"marked tables in docs/model.md: {sorted(t)}")
    s = summary(EXAMPLE)
    byid = {("scenario", v["id"]): v for v in s["scenarios"]}
    byid.update({("team", v["id"]): v for v in s["profiles"]})
    check(len(t["scores"]) == len(byid), "the scores table misses a scenario or team")

    for row in t["weights"]:
        p = byid[("team", code(row[0]))]
        for crit, cell in zip(["latency", "docs", "community"], row[1:]):
            same(cell, p["weights"][crit], f"weight of {crit} for {row[0]}")

    for row in t["scores"]:
        kind = row[0].split()[0]
        v = byid[(kind, code(row[0]))]
        r = scores(v)
        for f, cell in zip(["alpha", "beta"], row[1:3]):
            same(cell, r[f]["score"], f"{row[0]}: score of {f}")
            check(("disqualified" in cell) == (not r[f]["qualified"]),
                  f"{row[0]}: {f} qualified is {r[f]['qualified']}, the page says {cell!r}")
        same(row[3], v["margin"], f"{row[0]}: margin")
        kind_, _, names = row[4].partition(":")
        check(kind_.strip() == v["verdict"], f"{row[0]}: verdict {v['verdict']}, page {row[4]}")
        leaders = [FRAMEWORKS[x] for x in v["leaders"]]
        check([n.strip() for n in names.split(",") if n.strip()] == leaders,
              f"{row[0]}: leaders {leaders}, page {row[4]}")

    p = byid[("team", "platform")]
    best = None
    for row in t["sensitivity"]:
        c = code(row[0])
        same(row[1], p["weights"][c], f"sensitivity: weight of {c}")
        x, _ = num(row[4])
        dist, _ = num(row[5])
        same(row[5], abs(x - p["weights"][c]) * 100, f"sensitivity: distance of {c}")
        if best is None or dist < best[1]:
            best = (c, dist, row)
    crit = p["critical"]
    check(crit is not None and crit["criterion"] == best[0] and crit["challenger"] == "beta",
          f"critical is {crit}, the page's nearest is {best[0]}")
    same(best[2][4], crit["tie_weight"], "sensitivity: tie weight")
    pp = abs(crit["tie_weight"] - crit["weight"]) * 100
    stability = "robust" if pp >= ROBUST_PP else "fragile" if pp < FRAGILE_PP else "moderate"
    check(p["stability"] == stability, f"stability {p['stability']}, distance {pp} pp")

    # the unknowns: Beta's Community made unknown, as the page says
    xml = open(os.path.join(ROOT, EXAMPLE), encoding="utf-8").read()
    old = '<rating framework="beta" value="5"/>'
    check(xml.count(old) == 1, f"{EXAMPLE} has no {old}")
    variant = os.path.join(tmp, "unknown.xml")
    with open(variant, "w", encoding="utf-8") as f:
        f.write(xml.replace(old, '<rating framework="beta" value="unknown"/>'))
    u = {v["id"]: v for v in summary(variant)["profiles"]}["platform"]
    verdict, worst, best_ = t["unknowns"]
    r = scores(u)
    same(verdict[1], r["alpha"]["score"], "unknowns: Alpha's score")
    same(verdict[2], r["beta"]["score"], "unknowns: Beta's score")
    name = {v: k for k, v in FRAMEWORKS.items()}
    check(name[verdict[3]] == u["winner"], f"unknowns: winner {u['winner']}")
    check(name[worst[3]] == u["unknowns"]["worst_case_winner"], f"unknowns: {u['unknowns']}")
    check(name[best_[3]] == u["unknowns"]["best_case_winner"], f"unknowns: {u['unknowns']}")
    check(u["unknowns"]["holds"] == (verdict[3] == worst[3] == best_[3]),
          f"unknowns: holds is {u['unknowns']['holds']}")
    # the worst case's scores, by hand from the page's weights and u = 1
    w = u["weights"]
    same(worst[2], 100 * (w["latency"] * 0.4 + w["docs"] * 1 + w["community"] * 1),
         "unknowns: Beta's worst-case score")
