"""End-to-end tests of SPEC 6.6, the report side: a team's report lists
every team's verdict up to 12 profiles and beyond that gives a tally
("Across 200 teams: Atlas for 81, Borealis for 64; 30 close calls; 25 with
none") pointing to the overview, so that it does not grow with the number
of teams; the overview still lists every team."""
import os
import random
import re

from e2e import check, pdfinfo, pdftext, run, test

EPOCH = {"SOURCE_DATE_EPOCH": "1764000000"}
# Own weights (x, y) or None for a profile that excludes both frameworks.
# Atlas is rated 8 on x and 0 on y, Borealis the other way round, so 3/1
# makes Atlas win 75 to 25, 1/3 Borealis, and 1/1 a tie: a close call.
KINDS = {"atlas": (3, 1), "borealis": (1, 3), "close": (1, 1), "none": None}


def many_teams(n_atlas, n_borealis, n_close, n_none):
    """A document whose profiles have those verdicts, interleaved."""
    order = (["atlas"] * n_atlas + ["borealis"] * n_borealis + ["close"] * n_close +
             ["none"] * n_none)
    random.Random(6).shuffle(order)       # not grouped by kind
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           f'<comparison id="teams-{len(order)}" format="1"><title>Many teams</title>',
           '<scales><scale id="eight" min="0" max="8"/></scales>',
           '<frameworks><framework id="a"><name>Atlas</name></framework>',
           '<framework id="b"><name>Borealis</name></framework></frameworks><criteria>',
           '<criterion id="x" scale="eight"><name>Speed</name>'
           '<rating framework="a" value="8"/><rating framework="b" value="0"/></criterion>',
           '<criterion id="y" scale="eight"><name>Safety</name>'
           '<rating framework="a" value="0"/><rating framework="b" value="8"/></criterion>',
           '</criteria><scenarios><scenario id="s"><name>Base</name>'
           '<weight criterion="x" value="1"/><weight criterion="y" value="1"/></scenario>',
           '</scenarios><profiles>']
    for i, kind in enumerate(order):
        w = KINDS[kind]
        body = ('<use scenario="s"/><exclude framework="a"/><exclude framework="b"/>'
                if w is None else
                f'<weight criterion="x" value="{w[0]}"/><weight criterion="y" value="{w[1]}"/>')
        out.append(f'<profile id="team-{i:03d}"><name>Team {i:03d}</name>{body}</profile>')
    out.append("</profiles></comparison>")
    return "\n".join(out) + "\n", order


def build(tmp, counts):
    """Writes and renders the document; returns (output dir, order)."""
    xml, order = many_teams(*counts)
    tmp = os.path.join(tmp, str(len(order)))
    os.makedirs(tmp)
    path = os.path.join(tmp, f"teams-{len(order)}.xml")
    with open(path, "w", encoding="utf-8") as f:
        f.write(xml)
    out = os.path.join(tmp, "out")
    rc, _, se = run("-o", out, path, env=EPOCH)
    check(rc == 0, f"{path}: exit {rc}: {se}")
    return os.path.join(out, f"teams-{len(order)}"), order


def flat(text):
    return re.sub(r"\s+", " ", text)


def team_report(folder, order):
    """The report of the first team, its text and its page count."""
    pdf = os.path.join(folder, "team-000.pdf")
    return flat(pdftext(pdf)), int(pdfinfo(pdf)["Pages"])


@test
def thirteen_teams_are_counted_not_listed(tmp):
    folder, order = build(tmp, (5, 4, 2, 2))
    text, _ = team_report(folder, order)
    want = ("Across 13 teams: Atlas for 5, Borealis for 4; 2 close calls; 2 with none. "
            "The overview report gives each team's verdict.")
    check(want in text, f"no tally {want!r} in {text[-600:]!r}")
    check("Team 005:" not in text and "Team 012" not in text,
          "the team report still lists other teams")
    overview = flat(pdftext(os.path.join(folder, "overview.pdf")))
    for i in range(13):
        check(f"Team {i:03d}" in overview, f"the overview lacks Team {i:03d}")


@test
def twelve_teams_are_listed(tmp):
    folder, order = build(tmp, (5, 4, 2, 1))
    text, _ = team_report(folder, order)
    check("Across" not in text, "a tally for 12 teams")
    for i, kind in enumerate(order):
        check(f"Team {i:03d}:" in text, f"Team {i:03d} is not listed")


@test
def two_hundred_teams_give_the_spec_tally_and_no_more_pages(tmp):
    folder, order = build(tmp, (81, 64, 30, 25))
    text, pages200 = team_report(folder, order)
    want = "Across 200 teams: Atlas for 81, Borealis for 64; 30 close calls; 25 with none."
    check(want in text, f"no tally {want!r} in {text[-600:]!r}")
    check(not re.search(r"Team (?!000)\d{3}", text), "the team report names other teams")
    folder13, order13 = build(tmp, (5, 4, 2, 2))
    _, pages13 = team_report(folder13, order13)
    check(pages200 == pages13, f"the team report grew from {pages13} pages (13 teams) "
          f"to {pages200} (200 teams)")
    overview = flat(pdftext(os.path.join(folder, "overview.pdf")))
    check("Team 199" in overview and "Team 000" in overview,
          "the overview does not list every team")
