"""End-to-end tests of schema/summary.schema.json: the JSON summary of the
seed (with reports written), of the client overlays, of
tests/json/what-ifs.xml and tests/json/worked-example.xml, of a --check
run and of a run with an invalid input all validate against it, and it
rejects summaries that break it.

Needs Python's jsonschema module (Debian: python3-jsonschema); without
it the tests say SKIP."""
import copy
import json
import os

from e2e import ROOT, SEED, check, run, skip, test

SCHEMA = os.path.join(ROOT, "schema", "summary.schema.json")


def _validator():
    try:
        import jsonschema
    except ImportError:
        skip("no Python jsonschema module (apt-get install python3-jsonschema)")
    with open(SCHEMA, encoding="utf-8") as f:
        schema = json.load(f)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def _valid(v, summary, what):
    errors = sorted(v.iter_errors(summary), key=lambda e: list(e.absolute_path))
    check(not errors, f"{what}: " + "; ".join(
        f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in errors[:5]))


def _summary(*args, status=0):
    rc, out, err = run("--json", "-", *args)
    check(rc == status, f"verdict {' '.join(args)}: exit {rc}, {err}")
    return json.loads(out)


@test
def summary_schema_seed(tmp):
    v = _validator()
    s = _summary("-o", os.path.join(tmp, "out"), SEED)
    check(any(p["pdf"] for p in s["inputs"][0]["profiles"]), "the seed run wrote no PDF")
    _valid(v, s, "the seed's summary")
    _valid(v, _summary("-o", os.path.join(tmp, "out2"), "input/"), "input/'s summary")


@test
def summary_schema_what_ifs_and_check(tmp):
    v = _validator()
    for f in ["tests/json/what-ifs.xml", "tests/json/worked-example.xml"]:
        _valid(v, _summary("--check", f), f"{f}'s summary")
    s = _summary("--check", SEED, "tests/json/what-ifs.xml")
    check(all(p["pdf"] is None for i in s["inputs"] for p in i["profiles"]),
          "--check wrote a PDF")
    _valid(v, s, "a --check summary")
    _valid(v, _summary("--check", "-p", "^research", SEED), "a --profile summary")


@test
def summary_schema_invalid_input(tmp):
    v = _validator()
    bad = os.path.join(tmp, "bad.xml")
    with open(bad, "w", encoding="utf-8") as f:
        f.write('<comparison id="x" format="1"><title>t</title></comparison>\n')
    s = _summary("--check", bad, os.path.join(tmp, "missing.xml"), SEED, status=1)
    check([i["valid"] for i in s["inputs"]] == [False, False, True],
          f"validity: {[i['valid'] for i in s['inputs']]}")
    _valid(v, s, "a summary with invalid inputs")


@test
def summary_schema_rejects(tmp):
    v = _validator()
    good = _summary("--check", "tests/json/what-ifs.xml")
    _valid(v, good, "what-ifs")
    p0 = ("inputs", 0, "profiles", 0)

    def at(doc, path):
        for k in path:
            doc = doc[k]
        return doc

    def extra(d):
        at(d, p0)["extra"] = 1

    def missing(d):
        del at(d, p0)["unknowns"]

    def score(d):
        at(d, p0)["ranking"][0]["score"] = "93.75"

    def verdict(d):
        at(d, p0)["verdict"] = "win"

    def winner_none(d):
        at(d, ("inputs", 0, "scenarios", 0))["verdict"] = "none"

    def reason(d):
        at(d, p0)["ranking"][0]["disqualified_by"] = ["require:x"]

    def diag(d):
        d["inputs"][0]["warnings"] = [{"file": "f", "line": 0, "message": "m"}]

    def fingerprint(d):
        d["inputs"][0]["fingerprint"] = d["inputs"][0]["fingerprint"][:12]

    def files(d):
        d["inputs"][0]["files"] = []

    for broken in [extra, missing, score, verdict, winner_none, reason, diag, fingerprint,
                   files]:
        d = copy.deepcopy(good)
        broken(d)
        check(not v.is_valid(d), f"the schema accepts a summary with {broken.__name__} broken")


@test
def summary_schema_baseline(tmp):
    """SPEC 6.5: a summary with `change` (changed verdicts, causes of every
    kind the edit brings, a profile new since the baseline) validates."""
    v = _validator()
    import re
    import shutil
    shutil.copytree(os.path.join(ROOT, "input"), os.path.join(tmp, "input"))
    seed = os.path.join(tmp, SEED)
    base = _summary("--check", seed)
    base["inputs"][0]["profiles"] = base["inputs"][0]["profiles"][1:]
    with open(os.path.join(tmp, "base.json"), "w", encoding="utf-8") as f:
        json.dump(base, f)
    text = open(seed, encoding="utf-8").read()
    text = re.sub(r'(<rating framework="tensorflow" level=")first-class("[^>]*>TensorFlow Lite)',
                  r"\1limited\2", text)
    text = re.sub(r'(<weight criterion="graph" value=")5(")', r"\g<1>1\2", text, count=1)
    with open(seed, "w", encoding="utf-8") as f:
        f.write(text)
    s = _summary("--check", "--baseline", os.path.join(tmp, "base.json"), seed)
    changes = [p["change"] for p in s["inputs"][0]["profiles"]]
    check(changes[0] == {"new": True}, f"first profile: {changes[0]}")
    kinds = {c["kind"] for ch in changes[1:] for c in ch["causes"]}
    check({"rating", "weight", "constraint"} <= kinds, f"cause kinds: {kinds}")
    check(any(ch.get("verdict_changed") for ch in changes), "no verdict changed")
    _valid(v, s, "a --baseline summary")
