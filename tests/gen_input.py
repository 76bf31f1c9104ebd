#!/usr/bin/env python3
"""Writes a synthetic, valid format 1 comparison of any size to stdout, for
benchmarks and stress tests.

usage: tests/gen_input.py FRAMEWORKS CRITERIA SCENARIOS PROFILES [SEED]
"""
import random
import sys
from xml.sax.saxutils import escape, quoteattr


def main():
    nf, nc, ns, np_ = (int(a) for a in sys.argv[1:5])
    rng = random.Random(int(sys.argv[5]) if len(sys.argv) > 5 else 1)
    out = []
    w = out.append
    w('<?xml version="1.0" encoding="UTF-8"?>')
    w(f'<comparison id="gen-{nf}x{nc}" format="1">')
    w(f"  <title>Synthetic comparison: {nf} frameworks, {nc} criteria</title>")
    w("  <scales>")
    w('    <scale id="q">')
    for i, (lid, lab) in enumerate([("poor", "Poor"), ("fair", "Fair"), ("good", "Good"),
                                    ("great", "Great"), ("best", "Best")]):
        w(f'      <level id="{lid}" score="{i + 1}" label="{lab}"/>')
    w("    </scale>")
    w('    <scale id="ms" min="0" max="500" better="lower" unit="ms"/>')
    w("  </scales>")
    w("  <frameworks>")
    for f in range(nf):
        w(f'    <framework id="fw{f}"><name>Framework {f}</name>'
          f"<version>{f}.0</version></framework>")
    w("  </frameworks>")
    w("  <criteria>")
    levels = ["poor", "fair", "good", "great", "best"]
    for c in range(nc):
        numeric = c % 7 == 6
        scale = "ms" if numeric else "q"
        w(f'    <criterion id="c{c}" scale="{scale}" category="Group {c % 9}">')
        w(f"      <name>Criterion {c}</name>")
        for f in range(nf):
            text = escape(f"Rating text of framework {f} on criterion {c}")
            if numeric:
                v = f"{rng.uniform(0, 500):.1f}"
                w(f'      <rating framework="fw{f}" value="{v}">{text}</rating>')
            else:
                w(f'      <rating framework="fw{f}" level="{rng.choice(levels)}">{text}</rating>')
        w("    </criterion>")
    w("  </criteria>")
    w("  <scenarios>")
    for s in range(ns):
        w(f'    <scenario id="s{s}"><name>Scenario {s}</name>')
        w(f"      <rationale>Why scenario {s} matters</rationale>")
        for c in rng.sample(range(nc), min(nc, 12)):
            w(f'      <weight criterion="c{c}" value="{rng.randint(1, 5)}"/>')
        w("    </scenario>")
    w("  </scenarios>")
    w("  <profiles>")
    for p in range(np_):
        w(f'    <profile id="p{p}"><name>Profile {p}</name>')
        for s in rng.sample(range(ns), min(ns, 3)):
            w(f'      <use scenario="s{s}" share="{rng.randint(1, 4)}"/>')
        for c in rng.sample(range(nc), min(nc, 3)):
            w(f'      <weight criterion="c{c}" value="{rng.randint(1, 5)}"/>')
        w("    </profile>")
    w("  </profiles>")
    w("</comparison>")
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
