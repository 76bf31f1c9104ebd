"""End-to-end tests of the JSON summary (SPEC section 4 and docs/json.md).

The summary is read with Python's json module (strictly: no NaN or
Infinity, no duplicate keys, keys in order), and every verdict in it is
recomputed here from the XML by an independent implementation of SPEC
section 2 and of the unknowns and rating_flip definitions of docs/json.md:
on the seed, on tests/json/what-ifs.xml and on random documents written by
a seeded generator.  Acceptability (SPEC 6.7) is sampled here again, with
Python's own generator and four times the samples, and must agree within
the specification's 1.5 percentage points, give or take the reference's
own sampling error (three standard errors of it)."""
import json
import os
import random
from xml.etree import ElementTree as ET
from xml.sax.saxutils import escape, quoteattr

from e2e import CASES, ROOT, SEED, check, has_locale, run, skip, test

WHAT_IFS = "tests/json/what-ifs.xml"
EPS = 1e-9          # scores this close are equal (SPEC section 2)
W_EPS = 1e-12       # sensitivity gaps this close are equal (VD_WEIGHT_EPS, src/verdict/)
SAME_EPS = 1e-12    # ratings this close are the same: no sensitivity pair (SPEC 6.1)

TOP_KEYS = ["tool", "version", "format", "inputs"]
INPUT_KEYS = ["file", "sha256", "files", "fingerprint", "id", "valid", "generated", "errors",
              "warnings", "scenarios", "ratings", "profiles", "overview_pdf"]
DIAG_KEYS = ["file", "line", "message"]
VERDICT_KEYS = ["id", "verdict", "winner", "leaders", "margin", "ranking"]
PROFILE_KEYS = VERDICT_KEYS + ["weights", "critical", "stability", "pdf", "unknowns",
                               "rating_flip", "acceptability", "change"]
RANK_KEYS = ["framework", "score", "qualified", "disqualified_by"]
CRITICAL_KEYS = ["criterion", "challenger", "weight", "tie_weight"]
UNKNOWN_KEYS = ["holds", "best_case_winner", "worst_case_winner"]
FLIP_KEYS = ["framework", "criterion", "from", "to"]


# ---- reading the summary strictly ---------------------------------------------

class Obj(dict):
    """A JSON object that remembers its key order."""


def _pairs(pairs):
    keys = [k for k, _ in pairs]
    check(len(keys) == len(set(keys)), f"duplicate keys in {keys}")
    o = Obj(pairs)
    o.order = keys
    return o


def _no_constant(name):
    raise AssertionError(f"{name} is not JSON")


def parse(text):
    return json.loads(text, object_pairs_hook=_pairs, parse_constant=_no_constant)


def keys(obj, want, what):
    check(isinstance(obj, Obj), f"{what} is not an object")
    check(obj.order == want, f"{what}: keys {obj.order}, want {want}")


def summary(*args, env=None):
    rc, out, err = run("--json", "-", *args, env=env)
    return rc, parse(out), err


# ---- SPEC section 2, again, in Python -------------------------------------------

def _num(s):
    return float(s)


class Doc:
    """What the verdicts need from a format 1 file (no XInclude)."""

    def __init__(self, path):
        root = ET.parse(os.path.join(ROOT, path)).getroot()
        self.id = root.get("id")
        self.scales = {}
        for s in root.find("scales"):
            levels = [(lv.get("id"), _num(lv.get("score"))) for lv in s.findall("level")]
            if levels:
                sc = [x for _, x in levels]
                self.scales[s.get("id")] = {"kind": "ordinal", "levels": levels,
                                            "min": min(sc), "max": max(sc)}
            else:
                self.scales[s.get("id")] = {"kind": "numeric", "min": _num(s.get("min")),
                                            "max": _num(s.get("max")),
                                            "lower": s.get("better") == "lower"}
        self.fw = [f.get("id") for f in root.find("frameworks").findall("framework")]
        self.crit = []
        for c in root.find("criteria").findall("criterion"):
            ratings = {}
            for r in c.findall("rating"):
                ratings[r.get("framework")] = r.get("level") or r.get("value")
            self.crit.append({"id": c.get("id"), "scale": self.scales[c.get("scale")],
                              "raw": [ratings[f] for f in self.fw]})
        self.cix = {c["id"]: i for i, c in enumerate(self.crit)}
        self.scen = []
        for s in root.find("scenarios").findall("scenario"):
            self.scen.append({"id": s.get("id"), "weights": self._weights(s),
                              "requires": self._requires(s)})
        self.six = {s["id"]: i for i, s in enumerate(self.scen)}
        self.prof = []
        for p in root.find("profiles").findall("profile"):
            self.prof.append({
                "id": p.get("id"),
                "own_share": _num(p.get("own-share", "1")),
                "uses": [(self.six[u.get("scenario")], _num(u.get("share", "1")))
                         for u in p.findall("use")],
                "weights": self._weights(p), "requires": self._requires(p),
                "excludes": [e.get("framework") for e in p.findall("exclude")]})
        rep = root.find("report")
        self.close_call = _num(rep.get("close-call")) if rep is not None and \
            rep.get("close-call") is not None else 2.0

    def _weights(self, el):
        return [(self.cix[w.get("criterion")], _num(w.get("value")))
                for w in el.findall("weight")]

    def _requires(self, el):
        return [(r.get("criterion"), r.get("min"), r.get("max")) for r in el.findall("require")]

    def u(self, c, f, unknown_as=0.0):
        """u(f,c); an unknown rating as unknown_as."""
        cr = self.crit[c]
        s, raw = cr["scale"], cr["raw"][f]
        if raw == "unknown":
            return unknown_as
        if s["kind"] == "ordinal":
            return (dict(s["levels"])[raw] - s["min"]) / (s["max"] - s["min"])
        v = _num(raw)
        return (s["max"] - v if s["lower"] else v - s["min"]) / (s["max"] - s["min"])


def weights(doc, kind, ix):
    W = [0.0] * len(doc.crit)

    def add(group, share):
        total = sum(v for _, v in group)
        if total > 0 and share > 0:
            for c, v in group:
                W[c] += share * v / total

    if kind == "scenario":
        add(doc.scen[ix]["weights"], 1)
        return W
    p = doc.prof[ix]
    S = sum(sh for _, sh in p["uses"]) + (p["own_share"] if p["weights"] else 0)
    for s, sh in p["uses"]:
        add(doc.scen[s]["weights"], sh / S)
    if p["weights"]:
        add(p["weights"], p["own_share"] / S)
    return W


def constraints(doc, kind, ix):
    """(requires in SPEC order, excluded framework ids)."""
    if kind == "scenario":
        return doc.scen[ix]["requires"], []
    p = doc.prof[ix]
    reqs = [r for s, _ in p["uses"] for r in doc.scen[s]["requires"]] + p["requires"]
    return reqs, p["excludes"]


def failures(doc, reqs, excludes, f, raw_of=None, unknown_meets=False):
    """f's failed constraints as SPEC section 4 strings, deduplicated;
    raw_of(c) overrides the raw rating of f on criterion c."""
    out = []
    for cid, mn, mx in reqs:
        c = doc.cix[cid]
        s = doc.crit[c]["scale"]
        raw = raw_of(c) if raw_of else doc.crit[c]["raw"][f]
        for bound, is_min in ((mn, True), (mx, False)):
            if bound is None:
                continue
            if raw == "unknown":
                ok = unknown_meets
            elif s["kind"] == "ordinal":
                lv = dict(s["levels"])
                ok = lv[raw] >= lv[bound]
            else:
                ok = _num(raw) >= _num(bound) if is_min else _num(raw) <= _num(bound)
            text = f"require:{cid}{'>=' if is_min else '<='}{bound}"
            if not ok and text not in out:
                out.append(text)
    if doc.fw[f] in excludes:
        out.append("exclude")
    return out


def classify(scores, qualified, close_call):
    """SPEC section 2's ranking and kind: (order, kind, leaders, margin)."""
    order = list(range(len(scores)))

    def before(a, b):
        if qualified[a] != qualified[b]:
            return qualified[a]
        return scores[a] > scores[b] + EPS

    for i in range(1, len(order)):          # stable insertion, as written
        x, j = order[i], i
        while j > 0 and before(x, order[j - 1]):
            order[j] = order[j - 1]
            j -= 1
        order[j] = x
    nq = sum(qualified)
    margin = max(0.0, scores[order[0]] - scores[order[1]]) if nq >= 2 else None
    if nq == 0:
        return order, "none", [], margin
    if nq == 1 or margin >= close_call - EPS:
        return order, "winner", [order[0]], margin
    leaders = [f for f in order[:nq] if scores[order[0]] - scores[f] < close_call - EPS]
    return order, "close", leaders, margin


def score_of(doc, W, f, u_of):
    s = 0.0
    for c in range(len(doc.crit)):
        s += W[c] * u_of(c, f)
    return 100 * s


def expected(doc, kind, ix, close_call):
    nf, nc = len(doc.fw), len(doc.crit)
    W = weights(doc, kind, ix)
    reqs, excl = constraints(doc, kind, ix)
    scores = [score_of(doc, W, f, doc.u) for f in range(nf)]
    fails = [failures(doc, reqs, excl, f) for f in range(nf)]
    qual = [not x for x in fails]
    order, vk, leaders, margin = classify(scores, qual, close_call)
    e = {"verdict": vk, "winner": doc.fw[order[0]] if vk == "winner" else None,
         "leaders": [doc.fw[f] for f in leaders], "margin": margin,
         "ranking": [(doc.fw[f], scores[f], qual[f], fails[f]) for f in order], "weights": W}
    if kind == "scenario":
        return e
    # sensitivity
    crit, best = None, float("inf")
    if vk == "winner":
        A = order[0]
        for c in range(nc):
            if not 0 < W[c] < 1:
                continue
            for B in order[1:sum(qual)]:
                D = sum(W[i] * (doc.u(i, A) - doc.u(i, B)) for i in range(nc))
                d = doc.u(c, A) - doc.u(c, B)
                if abs(d) < SAME_EPS:   # SPEC 6.1: rated the same, no pair
                    continue
                R = (D - W[c] * d) / (1 - W[c])
                if d == R:
                    continue
                x = R / (R - d)
                if x < 0 or x > 1 or not abs(x - W[c]) < best - W_EPS:
                    continue
                best = abs(x - W[c])
                crit = (doc.crit[c]["id"], doc.fw[B], W[c], x)
        pp = 100 * best
        e["stability"] = "robust" if crit is None or pp >= 15 else \
            "fragile" if pp < 5 else "moderate"
    else:
        e["stability"] = None
    e["critical"] = crit
    # unknowns at their extremes, seen from the first-ranked framework
    first = order[0]
    cases = {}
    for case in ("worst", "best"):
        sc, q = [], []
        for f in range(nf):
            high = (f == first) == (case == "best")
            sc.append(score_of(doc, W, f, lambda c, g: doc.u(c, g, 1.0 if high else 0.0)))
            q.append(not failures(doc, reqs, excl, f, unknown_meets=high))
        o, k, _, _ = classify(sc, q, close_call)
        cases[case] = (k, doc.fw[o[0]] if k == "winner" else None)
    e["unknowns"] = {"holds": cases["best"] == cases["worst"] == (vk, e["winner"]),
                     "best_case_winner": cases["best"][1],
                     "worst_case_winner": cases["worst"][1]}
    # the smallest one-level change of an ordinal rating that changes a winner
    flip, smallest = None, float("inf")
    for c in range(nc if vk == "winner" else 0):
        s = doc.crit[c]["scale"]
        if s["kind"] != "ordinal":
            continue
        lv = dict(s["levels"])
        for f in order:
            raw = doc.crit[c]["raw"][f]
            if raw == "unknown":
                continue
            for up in (False, True):
                beyond = [(x, i) for i, (_, x) in enumerate(s["levels"])
                          if (x > lv[raw] if up else x < lv[raw])]
                if not beyond:
                    continue
                target = min(beyond) if up else max(beyond, key=lambda t: (t[0], -t[1]))
                to = s["levels"][target[1]][0]
                change = 100 * W[c] * ((lv[to] - lv[raw]) / (s["max"] - s["min"]))
                if not abs(change) < smallest - EPS:
                    continue
                sc = list(scores)
                sc[f] = score_of(doc, W, f, lambda cc, g: doc.u(cc, g) if cc != c else
                                 (lv[to] - s["min"]) / (s["max"] - s["min"]))
                q = list(qual)
                q[f] = not failures(doc, reqs, excl, f,
                                    raw_of=lambda cc: to if cc == c else doc.crit[cc]["raw"][f])
                o, k, _, _ = classify(sc, q, close_call)
                if (doc.fw[o[0]] if k == "winner" else None) == e["winner"]:
                    continue
                smallest = abs(change)
                flip = {"framework": doc.fw[f], "criterion": doc.crit[c]["id"],
                        "from": raw, "to": to}
    e["rating_flip"] = flip
    # sampled on demand, with a generator of its own seeded by the profile
    e["acceptability"] = lambda n: acceptability(doc, W, order, qual, random.Random(
        f"{doc.id}/{doc.prof[ix]['id']}/{n}"), n)
    return e


ACC_SAMPLES = 40000     # the reference's own; the tool draws 10,000 (SPEC 6.7)
ACC_TOL = 0.015         # SPEC 6.7: within 1.5 percentage points


def acceptability(doc, W, order, qual, rng, n):
    """{framework id: share} by a Monte Carlo of its own: each weight
    times a factor uniform in [0.5, 1.5], every unknown rating of a
    qualified framework drawn uniformly over its scale (a level, or u
    uniform in [0, 1]), qualification fixed; first place, ties within EPS
    points shared.  None with fewer than two qualified."""
    q = [f for f in order if qual[f]]
    if len(q) < 2:
        return None
    rows = []        # (W, [u or the scale's possible u's when unknown])
    for c in range(len(doc.crit)):
        if W[c] <= 0:
            continue
        s = doc.crit[c]["scale"]
        span = s["max"] - s["min"]
        levels = [(x - s["min"]) / span for _, x in s["levels"]] \
            if s["kind"] == "ordinal" else None
        rows.append((W[c], [(False, doc.u(c, f)) if doc.crit[c]["raw"][f] != "unknown"
                            else (True, levels) for f in q]))
    wins = [0.0] * len(q)
    rand, choice = rng.random, rng.choice
    for _ in range(n):
        total, sc = 0.0, [0.0] * len(q)
        for w, cells in rows:
            x = w * (0.5 + rand())
            total += x
            for k, (unknown, v) in enumerate(cells):
                if unknown:
                    v = choice(v) if v is not None else rand()
                sc[k] += x * v
        sc = [100 * s / total for s in sc]
        best = max(sc)
        first = [k for k in range(len(q)) if sc[k] >= best - EPS]
        for k in first:
            wins[k] += 1 / len(first)
    return {doc.fw[f]: wins[k] / n for k, f in enumerate(q)}


def near(a, b):
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


def compare(doc, got, kind, ix, close_call):
    """Checks one scenario or profile of the summary against the reference."""
    want = expected(doc, kind, ix, close_call)
    what = f"{kind} {got['id']}"
    keys(got, VERDICT_KEYS if kind == "scenario" else PROFILE_KEYS, what)
    for k in ("verdict", "winner", "leaders"):
        check(got[k] == want[k], f"{what}: {k} {got[k]!r}, want {want[k]!r}")
    check((got["margin"] is None) == (want["margin"] is None) and
          (got["margin"] is None or near(got["margin"], want["margin"])),
          f"{what}: margin {got['margin']}, want {want['margin']}")
    check(len(got["ranking"]) == len(doc.fw), f"{what}: not every framework ranked")
    for r, (fw, score, q, fails) in zip(got["ranking"], want["ranking"]):
        keys(r, RANK_KEYS, f"{what} ranking")
        check(r["framework"] == fw and r["qualified"] is q and r["disqualified_by"] == fails,
              f"{what}: ranking {r}, want {(fw, score, q, fails)}")
        check(isinstance(r["score"], (int, float)) and near(r["score"], score),
              f"{what}: {fw} scores {r['score']}, want {score}")
    if kind == "scenario":
        return
    keys(got["weights"], [c["id"] for c in doc.crit], f"{what} weights")
    for c, w in zip(doc.crit, want["weights"]):
        check(near(got["weights"][c["id"]], w), f"{what}: weight of {c['id']}")
    if want["critical"] is None:
        check(got["critical"] is None, f"{what}: critical {got['critical']}, want null")
    else:
        keys(got["critical"], CRITICAL_KEYS, f"{what} critical")
        cid, ch, w, x = want["critical"]
        g = got["critical"]
        check(g["criterion"] == cid and g["challenger"] == ch and near(g["weight"], w) and
              near(g["tie_weight"], x), f"{what}: critical {g}, want {want['critical']}")
    check(got["stability"] == want["stability"],
          f"{what}: stability {got['stability']}, want {want['stability']}")
    keys(got["unknowns"], UNKNOWN_KEYS, f"{what} unknowns")
    check(dict(got["unknowns"]) == want["unknowns"],
          f"{what}: unknowns {dict(got['unknowns'])}, want {want['unknowns']}")
    if want["rating_flip"] is None:
        check(got["rating_flip"] is None, f"{what}: rating_flip {got['rating_flip']}")
    else:
        keys(got["rating_flip"], FLIP_KEYS, f"{what} rating_flip")
        check(dict(got["rating_flip"]) == want["rating_flip"],
              f"{what}: rating_flip {dict(got['rating_flip'])}, want {want['rating_flip']}")
    compare_acceptability(got["acceptability"], want["acceptability"], what)


def _off(got, want, slack):
    """The frameworks whose share is further than ACC_TOL + slack from the
    reference's."""
    return [fw for fw, p in want.items() if abs(got[fw] - p) > ACC_TOL + slack]


def compare_acceptability(got, reference, what):
    """The qualified in ranking order, shares adding up to 1, each within
    ACC_TOL of the reference's.  SPEC 6.7 bounds the tool's error against
    the exact value, which the reference only estimates: where a share is
    off, the reference samples ten times more and judges again, allowing
    three of its standard errors (0.24 points at most) on top."""
    want = reference(ACC_SAMPLES)
    if want is None:
        check(got is None, f"{what}: acceptability {got}, want null")
        return
    keys(got, list(want), f"{what} acceptability")
    check(abs(sum(got.values()) - 1) < 1e-9 and all(0 <= x <= 1 for x in got.values()),
          f"{what}: shares {dict(got)}")
    n = ACC_SAMPLES
    if _off(got, want, 0):
        n = 10 * ACC_SAMPLES
        want = reference(n)
    bad = _off(got, want, 0 if n == ACC_SAMPLES else 3 * (0.25 / n) ** 0.5)
    check(not bad, f"{what}: acceptability {dict(got)}, the reference's ({n} samples) " +
          ", ".join(f"{fw} {p:.4f}" for fw, p in want.items()))


def compare_input(inp, path, close_call=None):
    keys(inp, INPUT_KEYS, path)
    check(inp["valid"] is True and inp["errors"] == [], f"{path}: {inp['errors']}")
    doc = Doc(path)
    cc = doc.close_call if close_call is None else close_call
    check(len(inp["scenarios"]) == len(doc.scen), f"{path}: scenarios")
    for i, s in enumerate(inp["scenarios"]):
        check(s["id"] == doc.scen[i]["id"], f"{path}: scenario order")
        compare(doc, s, "scenario", i, cc)
    ids = [p["id"] for p in doc.prof]
    for p in inp["profiles"]:
        compare(doc, p, "profile", ids.index(p["id"]), cc)
    return doc


# ---- the tests ----------------------------------------------------------------------

@test
def json_seed_matches_an_independent_reckoning(tmp):
    rc, js, err = summary("--check", SEED)
    check(rc == 0, err)
    keys(js, TOP_KEYS, "summary")
    check(len(js["inputs"]) == 1, "one input")
    doc = compare_input(js["inputs"][0], SEED)
    check(len(js["inputs"][0]["profiles"]) == len(doc.prof), "every profile")


@test
def json_what_ifs_match_an_independent_reckoning(tmp):
    rc, js, err = summary("--check", WHAT_IFS)
    check(rc == 0, err)
    inp = js["inputs"][0]
    compare_input(inp, WHAT_IFS)
    prof = {p["id"]: p for p in inp["profiles"]}
    # the file's own threshold (3.5) is used, and the extremes matter here
    check(not prof["mix"]["unknowns"]["holds"], "mix: unknowns should decide")
    check(prof["mix"]["rating_flip"] is not None, "mix: a rating flip exists")
    check(prof["nobody"]["verdict"] == "none" and prof["nobody"]["rating_flip"] is None,
          "nobody: none, no flip")
    check(prof["strict-only"]["margin"] is None and prof["strict-only"]["critical"] is None,
          "a single qualified framework has no margin and no critical pair")
    z = {r["framework"]: r["disqualified_by"] for r in prof["zero-share"]["ranking"]}
    check(z["delta"] == ["require:speed<=100", "require:coverage>=50", "require:support>=good"],
          f"share 0 still constrains, in order: {z['delta']}")


@test
def json_close_call_option_overrides_the_file(tmp):
    # balanced's margin is 6.5: a winner at the file's 3.5, a close call at 10
    rc, js, err = summary("--check", "--close-call", "10", WHAT_IFS)
    check(rc == 0, err)
    inp = js["inputs"][0]
    compare_input(inp, WHAT_IFS, close_call=10.0)
    bal = {s["id"]: s for s in inp["scenarios"]}["balanced"]
    check(bal["verdict"] == "close" and bal["winner"] is None and len(bal["leaders"]) == 2,
          f"balanced at 10: {bal['verdict']} {bal['leaders']}")
    for p in inp["profiles"]:
        if p["verdict"] != "winner":
            check(p["critical"] is None and p["stability"] is None and
                  p["rating_flip"] is None, f"{p['id']}: no winner, no what-ifs")


@test
def json_escapes_any_text(tmp):
    # a file name with quotes, a backslash, a tab and non-ASCII, and an
    # error message quoting a bad element
    name = os.path.join(tmp, 'we "ird"\\ \t Ωmega.xml')
    with open(os.path.join(ROOT, CASES, "dangling-reference.xml"), "rb") as f:
        data = f.read()
    with open(name, "wb") as f:
        f.write(data)
    rc, js, err = summary("--check", name, WHAT_IFS)
    check(rc == 1, f"exit {rc}: {err}")
    bad, good = js["inputs"]
    keys(bad, INPUT_KEYS, "invalid input")
    check(bad["file"] == name, f"file {bad['file']!r}")
    check(bad["valid"] is False and bad["scenarios"] == [] and bad["profiles"] == [] and
          bad["overview_pdf"] is None, "an invalid input has no verdicts")
    check(bad["errors"] and all(e.order == DIAG_KEYS and e["file"] == name and
                                isinstance(e["line"], int) and e["line"] >= 1
                                for e in bad["errors"]), f"errors {bad['errors']}")
    check(good["valid"] is True, "the valid input is still judged")


@test
def json_is_the_same_under_a_decimal_comma_locale(tmp):
    # (the tool must not take LC_NUMERIC from the environment)
    if not has_locale("de_DE.UTF-8"):
        skip("no de_DE.UTF-8 locale installed")
    env = {"LC_ALL": "de_DE.UTF-8", "SOURCE_DATE_EPOCH": "1764000000"}
    a = run("--check", "--json", "-", WHAT_IFS, env=env)
    b = run("--check", "--json", "-", WHAT_IFS, env={"LC_ALL": "C",
                                                     "SOURCE_DATE_EPOCH": "1764000000"})
    check(a[0] == 0 and b[0] == 0, a[2] + b[2])
    check(a[1] == b[1], "the summary depends on the locale")
    parse(a[1])


# ---- random documents ------------------------------------------------------------------

def random_doc(rng, n):
    """A valid format 1 document with unknowns, requires and excludes."""
    nf, nc = rng.randint(2, 5), rng.randint(1, 6)
    fws = [f"f{i}" for i in range(nf)]
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           f'<comparison id="rand-{n}" format="1"><title>Random {n}</title><scales>']
    scales = []
    for c in range(nc):
        if rng.random() < 0.6:
            k = rng.randint(2, 5)
            scores = rng.sample(range(-3, 9), k)
            out.append(f'<scale id="s{c}">' + "".join(
                f'<level id="l{i}" score="{x}"/>' for i, x in enumerate(scores)) + "</scale>")
            scales.append(("ordinal", [f"l{i}" for i in range(k)]))
        else:
            lo = rng.randint(-50, 50)
            hi = lo + rng.randint(1, 200)
            better = rng.choice(["higher", "lower"])
            out.append(f'<scale id="s{c}" min="{lo}" max="{hi}" better="{better}"/>')
            scales.append(("numeric", (lo, hi)))
    out.append("</scales><frameworks>")
    out += [f'<framework id="{f}"><name>F{f}</name></framework>' for f in fws]
    out.append("</frameworks><criteria>")

    def value(sc):
        if rng.random() < 0.15:
            return "unknown"
        if sc[0] == "ordinal":
            return rng.choice(sc[1])
        return f"{rng.uniform(*sc[1]):.2f}"

    for c in range(nc):
        attr = "level" if scales[c][0] == "ordinal" else "value"
        out.append(f'<criterion id="c{c}" scale="s{c}"><name>C{c}</name>' + "".join(
            f'<rating framework="{f}" {attr}="{value(scales[c])}"/>' for f in fws) +
            "</criterion>")
    out.append("</criteria><scenarios>")

    def weights():
        chosen = [c for c in range(nc) if rng.random() < 0.7] or [rng.randrange(nc)]
        ws = [rng.randint(0, 5) for _ in chosen]
        if sum(ws) == 0:
            ws[0] = 1
        return "".join(f'<weight criterion="c{c}" value="{w}"/>' for c, w in zip(chosen, ws))

    def require():
        if rng.random() > 0.35:
            return ""
        c = rng.randrange(nc)
        if scales[c][0] == "ordinal":
            return f'<require criterion="c{c}" min="{rng.choice(scales[c][1])}"/>'
        lo, hi = scales[c][1]
        a, b = sorted(rng.uniform(lo, hi) for _ in range(2))
        return rng.choice([f'<require criterion="c{c}" min="{a:.1f}"/>',
                           f'<require criterion="c{c}" max="{b:.1f}"/>',
                           f'<require criterion="c{c}" min="{a:.1f}" max="{b:.1f}"/>'])

    ns = rng.randint(1, 3)
    for s in range(ns):
        out.append(f'<scenario id="sc{s}"><name>S{s}</name>{weights()}{require()}</scenario>')
    out.append("</scenarios><profiles>")
    for p in range(rng.randint(1, 3)):
        own = weights() if rng.random() < 0.5 else ""
        uses = "".join(f'<use scenario="sc{s}" share="{rng.choice(["1", "2", "0.5", "3"])}"/>'
                       for s in range(ns) if s == 0 or rng.random() < 0.6)
        excl = f'<exclude framework="{rng.choice(fws)}"/>' if rng.random() < 0.2 else ""
        share = rng.choice(["1", "0.5", "2"])
        out.append(f'<profile id="p{p}" own-share="{share}"><name>P{p}</name>'
                   f"{uses}{own}{require()}{excl}</profile>")
    cc = rng.choice(["", '<report close-call="0"/>', '<report close-call="5"/>'])
    out.append(f"</profiles>{cc}</comparison>")
    return "\n".join(out) + "\n"


@test
def json_random_documents_match_an_independent_reckoning(tmp):
    rng = random.Random(20261125)
    paths = []
    for n in range(40):
        path = os.path.join(tmp, f"r{n:02d}.xml")
        with open(path, "w", encoding="utf-8") as f:
            f.write(random_doc(rng, n))
        paths.append(path)
    rc, js, err = summary("--check", *paths)
    check(rc == 0, f"exit {rc}: {err[:2000]}")
    flips = unknown_changes = shared = 0
    for inp, path in zip(js["inputs"], paths):
        try:
            compare_input(inp, path)
        except AssertionError as ex:
            with open(path, encoding="utf-8") as f:
                raise AssertionError(f"{os.path.basename(path)}: {ex}\n{f.read()}")
        flips += sum(p["rating_flip"] is not None for p in inp["profiles"])
        unknown_changes += sum(not p["unknowns"]["holds"] for p in inp["profiles"])
        shared += sum(p["acceptability"] is not None and
                      any(0 < x < 1 for x in p["acceptability"].values())
                      for p in inp["profiles"])
    # the what-ifs were really exercised, and acceptability was not all 0 and 1
    check(flips >= 5 and unknown_changes >= 5, f"flips {flips}, unknowns {unknown_changes}")
    check(shared >= 20, f"only {shared} profiles with a share strictly between 0 and 1")
