"""End-to-end test of issue 10, item 3: one way to write a number.  A
profile weighing three criteria 3/1/4 (37.5 %, 12.5 %, 50 %) shows each
weight the same wherever it is printed: the weight table, the sentence on
what would change the verdict and its figures; halves round away from
zero (13 %, not 12 %), with a decimal point under a decimal-comma locale."""
import os
import re

from e2e import check, has_locale, pdftext, run, skip, test

# Speed gives Atlas 37.5 points, Safety Borealis 12.5, Reach both 50:
# Atlas 87.5, Borealis 62.5.  Safety's weight, 12.5 %, is the one nearest
# a tie (30 %: SPEC section 2, R = 3/7, x* = 0.3), Speed's (37.5 %) would
# have to fall to 16.7 %.
DOC = """<?xml version="1.0" encoding="UTF-8"?>
<comparison id="three-one-four" format="1"><title>Three, one, four</title>
<scales><scale id="eight" min="0" max="8"/></scales>
<frameworks><framework id="a"><name>Atlas</name></framework>
<framework id="b"><name>Borealis</name></framework></frameworks>
<criteria>
<criterion id="x" scale="eight"><name>Speed</name>
<rating framework="a" value="8"/><rating framework="b" value="0"/></criterion>
<criterion id="y" scale="eight"><name>Safety</name>
<rating framework="a" value="0"/><rating framework="b" value="8"/></criterion>
<criterion id="z" scale="eight"><name>Reach</name>
<rating framework="a" value="8"/><rating framework="b" value="8"/></criterion>
</criteria>
<scenarios><scenario id="s"><name>Base</name><weight criterion="x" value="1"/></scenario>
</scenarios>
<profiles><profile id="team"><name>The team</name>
<weight criterion="x" value="3"/><weight criterion="y" value="1"/>
<weight criterion="z" value="4"/></profile></profiles>
</comparison>
"""


def report_text(tmp, env):
    path = os.path.join(tmp, "three-one-four.xml")
    with open(path, "w", encoding="utf-8") as f:
        f.write(DOC)
    out = os.path.join(tmp, "out")
    rc, _, se = run("-o", out, path, env=env)
    check(rc == 0, f"exit {rc}: {se}")
    return re.sub(r"\s+", " ", pdftext(os.path.join(out, "three-one-four", "team.pdf")))


def check_weights(text):
    sentence = ("Borealis would draw level if the weight of Safety rose from 13 % to 30 % "
                "(17 percentage points)")
    check(sentence in text, f"no {sentence!r}")
    figures = "Safety weighs 13 % now and would need 30 % for a tie"
    check(figures in text, f"no {figures!r}")
    for row in ("Speed 38 %", "Safety 13 %", "Reach 50 %"):
        check(row in text, f"the weight table lacks {row!r}")
    for wrong in ("12 %", "12.5 %", "37 %", "37.5 %", "12,5", "87,5"):
        check(wrong not in text, f"{wrong!r} printed")
    check("87.5" in text and "62.5" in text and "25.0 points" in text, "scores or margin")
    check("Robust means at least 15 percentage points, fragile under 5." in text,
          "the robust/fragile note")


@test
def weights_3_1_4_read_the_same_everywhere(tmp):
    check_weights(report_text(tmp, {"SOURCE_DATE_EPOCH": "1764000000"}))


@test
def weights_3_1_4_under_a_decimal_comma_locale(tmp):
    if not has_locale("de_DE.UTF-8"):
        skip("no de_DE.UTF-8 locale installed")
    check_weights(report_text(tmp, {"LC_ALL": "de_DE.UTF-8",
                                    "SOURCE_DATE_EPOCH": "1764000000"}))
