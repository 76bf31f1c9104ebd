"""End-to-end tests of SPEC 6.2 (text that fits every verdict): every
example input rendered in every verdict kind -- as shipped, with every
profile a close call (--close-call 1000) and with nothing qualifying (a
copy where every profile excludes every framework) -- and no PDF shows an
em dash where a value belongs ("— leads", "for —", "by — points"); the
shipped inputs raise no warning; when= shows an element where it says."""
import json
import os
import re
import shutil

from e2e import ROOT, SEED, check, pdftext, run, test

EPOCH = {"SOURCE_DATE_EPOCH": "1764000000"}
EXAMPLES = ["pytorch-vs-tensorflow-2026.xml", "acme-logistics-brokers.xml",
            "globex-bank-brokers.xml"]
# An em dash standing for a value in a sentence: one blank between it and
# a word (a table cell's dash stands apart, after two or more blanks).
WORDS_BEFORE = r"for|is|by|of|over|than|to|and|between|favours|with|leads|in|on|at|from"
WORDS_AFTER = r"leads|lead|with|points|point|is|are|by|and|for|over|wins|ahead|of|has|its"
DASH_VALUE = re.compile(rf"(?:\b(?:{WORDS_BEFORE}) \u2014(?![ ]?\w)|"
                        rf"(?:^|(?<=[^ ] ))\u2014 (?:{WORDS_AFTER})\b|"
                        rf"\b(?:{WORDS_BEFORE}) \u2014 (?:{WORDS_AFTER})\b)", re.M)


def copy_inputs(tmp):
    """input/ copied into tmp/in, so that includes resolve in the copy."""
    dst = os.path.join(tmp, "in")
    shutil.copytree(os.path.join(ROOT, "input"), dst)
    return dst


def render(tmp, tag, path, *extra):
    """Writes path's reports into tmp/tag; returns (output dir, JSON input)."""
    out = os.path.join(tmp, tag)
    js = os.path.join(tmp, tag + ".json")
    rc, _, se = run("-o", out, "--json", js, *extra, path, env=EPOCH)
    check(rc == 0, f"{path} ({tag}): exit {rc}: {se}")
    with open(js, encoding="utf-8") as f:
        ji = json.load(f)["inputs"][0]
    return os.path.join(out, ji["id"]), ji


def nobody_qualifies(src, dst, frameworks):
    """A copy of src where every profile excludes every framework."""
    with open(src, encoding="utf-8") as f:
        text = f.read()
    excl = "".join(f'<exclude framework="{fw}" reason="forced"/>' for fw in frameworks)
    check("</profile>" in text, f"{src}: no profile of its own")
    with open(dst, "w", encoding="utf-8") as f:
        f.write(text.replace("</profile>", excl + "</profile>"))


def dashes(out_dir):
    """Every em dash standing for a value in out_dir's PDFs, with its PDF."""
    found = []
    for name in sorted(os.listdir(out_dir)):
        if name.endswith(".pdf"):
            text = pdftext(os.path.join(out_dir, name), layout=True)
            for m in DASH_VALUE.finditer(text):
                line = text[text.rfind("\n", 0, m.start()) + 1:text.find("\n", m.end())]
                found.append(f"{name}: {line.strip()}")
    return found


@test
def every_kind_has_no_dash_for_a_value(tmp):
    src = copy_inputs(tmp)
    bad = []
    for ex in EXAMPLES:
        path = os.path.join(src, ex)
        out, ji = render(tmp, ex + "-as-is", path)
        bad += [f"{ex} as shipped: {d}" for d in dashes(out)]
        kinds = {p["verdict"] for p in ji["profiles"]}
        frameworks = [r["framework"] for r in ji["profiles"][0]["ranking"]]

        out, ji = render(tmp, ex + "-close", path, "--close-call", "1000")
        check(all(p["verdict"] == "close" or len([r for r in p["ranking"] if r["qualified"]]) == 1
                  for p in ji["profiles"]), f"{ex}: --close-call 1000 left a clear winner")
        kinds |= {p["verdict"] for p in ji["profiles"]}
        bad += [f"{ex} close calls: {d}" for d in dashes(out)]

        none = os.path.join(src, "none-" + ex)
        nobody_qualifies(path, none, frameworks)
        out, ji = render(tmp, ex + "-none", none)
        check(all(p["verdict"] == "none" for p in ji["profiles"]),
              f"{ex}: excluding every framework left a verdict")
        kinds |= {p["verdict"] for p in ji["profiles"]}
        bad += [f"{ex} nothing qualifies: {d}" for d in dashes(out)]
        check(kinds == {"winner", "close", "none"}, f"{ex}: kinds seen {sorted(kinds)}")
    check(not bad, "an em dash where a value belongs:\n" + "\n".join(bad))


@test
def dash_pattern_catches_the_old_sentences(tmp):
    for s in ["\u2014 leads for Web product team by 2.9 points",
              "This recommendation favours \u2014; the runner-up is \u2014 with",
              "Next steps for \u2014", "compared for \u2014", "by \u2014 points over \u2014"]:
        check(DASH_VALUE.search(s), f"not caught: {s}")
    for s in ["Payments core   robust    \u2014", "frameworks\u2014they", "robust  \u2014  NATS"]:
        check(not DASH_VALUE.search(s), f"caught: {s}")


@test
def shipped_inputs_do_not_warn(tmp):
    files = [os.path.join("input", ex) for ex in EXAMPLES]
    files.append("input/shared/message-brokers-2026.xml")
    rc, out, err = run("-v", "--check", "--strict", *files)
    check(rc == 0 and out == "" and err == "", f"exit {rc}: {out}{err}")


SECTION = """  <section id="kinds" title="Kinds" place="after-verdict">
    <p when="winner">WHEN-WINNER {{winner.name}} ({{stability}})</p>
    <p when="close">WHEN-CLOSE {{leaders}}</p>
    <p when="none profile">WHEN-NONE {{recommendation}}</p>
    <list when="overview"><item>WHEN-OVERVIEW</item></list>
    <p>WHEN-ALWAYS</p>
  </section>
  <section id="only-winners" title="ONLY-WINNERS" when="winner">
    <p when="profile">WINNER-PARA {{profile.name}}</p>
  </section>
"""


@test
def when_shows_each_block_where_it_says(tmp):
    with open(os.path.join(ROOT, SEED), encoding="utf-8") as f:
        text = f.read()
    path = os.path.join(tmp, "kinds.xml")
    with open(path, "w", encoding="utf-8") as f:
        f.write(text.replace("</sections>", SECTION + "</sections>", 1))
    rc, _, err = run("-v", "--check", "--strict", path)
    check(rc == 0 and err == "", f"exit {rc}: {err}")
    for tag, extra in (("as-is", ()), ("close", ("--close-call", "1000"))):
        out, ji = render(tmp, tag, path, *extra)
        seen = {p["id"]: p["verdict"] for p in ji["profiles"]}
        seen["overview"] = "overview"
        for pid, kind in seen.items():
            words = set(re.findall(r"WHEN-[A-Z]+|ONLY-WINNERS|WINNER-PARA",
                                   pdftext(os.path.join(out, pid + ".pdf"))))
            want = {"WHEN-ALWAYS", "WHEN-" + kind.upper()}
            if kind == "winner":
                want |= {"ONLY-WINNERS", "WINNER-PARA"}
            check(words == want, f"{tag} {pid} ({kind}): {sorted(words)}, want {sorted(want)}")


@test
def a_section_with_nothing_shown_has_no_heading(tmp):
    """A section whose every paragraph is for close calls shows neither
    heading nor text in a winner's report, and both in a close call."""
    with open(os.path.join(ROOT, SEED), encoding="utf-8") as f:
        text = f.read()
    path = os.path.join(tmp, "hidden.xml")
    with open(path, "w", encoding="utf-8") as f:
        f.write(text.replace("</sections>", '<section id="close-only" place="appendix" '
                             'title="HEADING-CLOSE-ONLY"><p when="close">PARA-CLOSE-ONLY</p>'
                             "</section></sections>", 1))
    for tag, extra, want in (("as-is", (), 0), ("close", ("--close-call", "1000"), 1)):
        out, _ = render(tmp, tag, path, *extra)
        t = pdftext(os.path.join(out, "research-lab.pdf"))
        check(t.count("HEADING-CLOSE-ONLY") == want and t.count("PARA-CLOSE-ONLY") == want,
              f"{tag}: heading {t.count('HEADING-CLOSE-ONLY')}, text "
              f"{t.count('PARA-CLOSE-ONLY')}, want {want} each")


@test
def strict_makes_a_warning_an_error(tmp):
    src = copy_inputs(tmp)
    path = os.path.join(src, "warns.xml")
    with open(os.path.join(src, EXAMPLES[2]), encoding="utf-8") as f:
        text = f.read()
    with open(path, "w", encoding="utf-8") as f:
        f.write(text.replace("<p>A broker outside", "<p>{{winner.name}} first. A broker outside"))
    out, js = os.path.join(tmp, "out"), os.path.join(tmp, "s.json")
    rc, _, err = run("-o", out, path, env=EPOCH)
    check(rc == 0 and err == "", f"without --strict: exit {rc}: {err}")
    shutil.rmtree(out)
    rc, _, err = run("--strict", "-o", out, "--json", js, path, env=EPOCH)
    check(rc == 1, f"--strict: exit {rc}")
    check(re.search(r"warns\.xml:\d+: error: \{\{winner\.name\}\} has no value when the "
                    r"verdict is close or none, nor in the overview; add when=\"winner "
                    r"profile\"\n$", err), f"--strict: {err}")
    check(not os.path.exists(out) or not os.listdir(out), "--strict wrote reports")
    with open(js, encoding="utf-8") as f:
        ji = json.load(f)["inputs"][0]
    check(not ji["valid"] and len(ji["errors"]) == 1 and not ji["warnings"], f"JSON: {ji}")
    rc, out_text, _ = run("--help")
    check(rc == 0 and "--strict" in out_text, "--help does not list --strict")
