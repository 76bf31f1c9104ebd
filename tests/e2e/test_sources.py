"""End-to-end tests of evidence and freshness (SPEC 6.3): the feature
table cites sources as [n] in order of first use, a "Sources" appendix
lists them (title, link, date), a rating dated more than stale-after
months before the comparison's date is a warning at its line and is
marked "stale" in the table, and the verdict box counts the stale ratings
that count for the team."""
import os
import re

from e2e import ROOT, SEED, check, pdftext, run, test

FONTS = os.path.join(ROOT, "fonts")


def _appendix(text):
    """The text of the Sources appendix: from its heading to the next
    heading the reports put after it."""
    check("\nSources\n" in text, "no Sources appendix")
    rest = text.split("\nSources\n", 1)[1]
    return rest.split("\nMethodology\n", 1)[0]


def _table(text):
    """The text of the feature table, up to its explanatory note."""
    check("Feature comparison" in text, "no feature table")
    rest = text.split("Feature comparison", 1)[1]
    return rest.split("Each cell gives", 1)[0]


@test
def sources_cited_in_order(tmp):
    rc, _, err = run("-q", "--font-dir", FONTS, "-o", tmp, SEED)
    check(rc == 0, f"exit {rc}: {err}")
    for pdf in ("research-lab.pdf", "overview.pdf"):
        text = pdftext(os.path.join(tmp, "ml-frameworks-2026", pdf))
        table = _table(text)
        cites = [int(n) for n in re.findall(r"\[(\d+)\]", table)]
        check(cites, f"{pdf}: no citation in the feature table")
        # numbered in order of first use: each new number is the next one
        first = []
        for n in cites:
            if n not in first:
                first.append(n)
        check(first == list(range(1, len(first) + 1)),
              f"{pdf}: citations not numbered in order of first use: {first}")
        check(len(first) == 4, f"{pdf}: {len(first)} sources cited, want 4")
        check("Numbers in brackets cite the sources" in text, f"{pdf}: no note on citations")
        app = _appendix(text)
        listed = [int(n) for n in re.findall(r"^\[(\d+)\]", app, re.M)]
        check(listed == [1, 2, 3, 4], f"{pdf}: the appendix lists {listed}")
        # [1] is the first source cited: the feature table's row one,
        # Computational Graph, cites the article's feature table
        one = " ".join(app.split("[1]", 1)[1].split("[2]", 1)[0].split())
        app = " ".join(app.split())
        check('"Feature Comparison"' in one, f"{pdf}: [1] is not the feature table: {one!r}")
        check('"Choose PyTorch When"' in app and '"Choose TensorFlow When"' in app
              and '"Verdict"' in app, f"{pdf}: the article's passages are not all listed")
        # no stale-after in the seed: nothing stale, no freshness line
        check("stale" not in table and "Freshness:" not in text, f"{pdf}: stale marks")


@test
def sources_links_and_dates(tmp):
    rc, _, err = run("-q", "--font-dir", FONTS, "-o", tmp, "-p", "^tracking-platform$",
                     "input/acme-logistics-brokers.xml")
    check(rc == 0, f"exit {rc}: {err}")
    text = pdftext(os.path.join(tmp, "acme-logistics-brokers", "tracking-platform.pdf"))
    app = _appendix(text)
    for n, title, url, date in (
            (1, "Apache Kafka documentation", "https://kafka.apache.org/documentation/",
             "2026-11-16"),
            (2, "RabbitMQ documentation", "https://www.rabbitmq.com/docs", "2026-11-17"),
            (3, "NATS documentation", "https://docs.nats.io", "2026-11-18")):
        part = app.split(f"[{n}]", 1)[1].split(f"[{n + 1}]", 1)[0]
        for want in (title, url, date):
            check(want in part, f"[{n}] lacks {want!r}: {part!r}")
    check("Freshness: none of the" in text, "no freshness line in the verdict box")


def _stale_seed(tmp):
    """The seed with stale-after="12", one source dated long before the
    comparison's date (2026-11-23) and cited by TensorFlow's mobile
    rating, and one rating judged (as-of) long before; returns its path
    and the line numbers of the two ratings."""
    with open(os.path.join(ROOT, SEED), encoding="utf-8") as f:
        xml = f.read()
    xml = xml.replace('accent="#1f4e79"/>', 'accent="#1f4e79" stale-after="12"/>', 1)
    xml = xml.replace("  </sources>", '    <source id="old-review" url="https://example.org/'
                      'review" date="2024-06-01">An old review</source>\n  </sources>', 1)
    mobile = ('<rating framework="tensorflow" level="first-class" '
              'source="article-features article-tensorflow-when">TensorFlow Lite')
    check(mobile in xml, "the seed's mobile rating has changed")
    xml = xml.replace(mobile, mobile.replace('when">', 'when old-review">'), 1)
    web = '<rating framework="pytorch"    level="limited" source="article-features">Limited<'
    check(web in xml, "the seed's web rating has changed")
    xml = xml.replace(web, web.replace('source=', 'as-of="2025-10-31" source='), 1)
    path = os.path.join(tmp, "stale.xml")
    with open(path, "w", encoding="utf-8") as f:
        f.write(xml)
    lines = xml.splitlines()
    at = [i + 1 for i, l in enumerate(lines) if "old-review\"" in l and "<rating" in l]
    at += [i + 1 for i, l in enumerate(lines) if 'as-of="2025-10-31"' in l]
    return path, at


@test
def stale_ratings_warned_marked_counted(tmp):
    path, (mobile_line, web_line) = _stale_seed(tmp)
    rc, _, err = run("--check", "-v", path)
    check(rc == 0, f"exit {rc}: {err}")
    want = [f"{path}:{mobile_line}: warning: rating of 'tensorflow' in 'mobile' is stale: "
            "dated 2024-06-01, more than 12 months before the comparison's date "
            "2026-11-23 (stale-after)",
            f"{path}:{web_line}: warning: rating of 'pytorch' in 'web' is stale: "
            "dated 2025-10-31, more than 12 months before the comparison's date "
            "2026-11-23 (stale-after)"]
    check(err.splitlines() == want, f"stderr: {err!r}")
    rc, _, err = run("--check", "--strict", path)
    check(rc == 1, f"--strict: exit {rc}")
    out = os.path.join(tmp, "out")
    rc, _, err = run("-q", "--font-dir", FONTS, "-o", out, path)
    check(rc == 0, f"exit {rc}: {err}")
    text = pdftext(os.path.join(out, "ml-frameworks-2026", "mobile-edge-team.pdf"))
    table = _table(text)
    check("stale: 2024-06-01" in table and "stale: 2025-10-31" in table,
          "the stale ratings are not marked in the feature table")
    check(table.count("stale:") == 2, "other ratings marked stale")
    flat = " ".join(text.split())
    m = re.search(r"Freshness: (\d+) of the (\d+) ratings this team's weights use are stale",
                  flat)
    check(m is not None, "no stale count in the verdict box")
    check(m.group(1) == "2", f"{m.group(1)} stale ratings counted, want 2")
    check("[5]" in table, "the new source is not cited")
    app = _appendix(text)
    check("An old review" in app and "https://example.org/review" in app
          and "2024-06-01" in app, "the new source is not listed in full")
    # every team's report has the line
    lab = " ".join(pdftext(os.path.join(out, "ml-frameworks-2026", "research-lab.pdf")).split())
    m = re.search(r"Freshness: (none|\d+) of the (\d+) ratings", lab)
    check(m is not None, "no freshness line for the research lab")
