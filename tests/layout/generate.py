#!/usr/bin/env python3
"""Writes the layout stress inputs of tests/layout/ (committed; run again
after changing this script):

  twelve-frameworks.xml     12 frameworks named in Latin, Greek and Cyrillic,
                            every one with a web site, a PNG logo with
                            transparency, sections in every place; A4 portrait
  three-hundred-criteria.xml  300 criteria in 12 categories; Letter landscape
  long-texts.xml            2,000-character cells, 80-character unbroken
                            tokens in a title, a name, a cell and a section
                            title, Greek and Cyrillic prose, characters the
                            fonts lack, a JPEG logo; A4 landscape

logo.png is drawn here; logo.jpg is the same drawing on white, compressed
by cjpeg (Debian's libjpeg-turbo-progs) when it is installed.

usage: tests/layout/generate.py
"""
import os
import random
import shutil
import subprocess
import struct
import zlib
from xml.sax.saxutils import escape, quoteattr

HERE = os.path.dirname(os.path.abspath(__file__))

# Words for generated prose: Latin, Greek and Cyrillic.
LATIN = ("lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor "
         "incididunt ut labore et dolore magna aliqua enim ad minim veniam quis nostrud "
         "exercitation ullamco laboris nisi aliquip ex ea commodo consequat").split()
GREEK = ("η γρήγορη καφέ αλεπού πηδά πάνω από τον τεμπέλη σκύλο μηχανική μάθηση "
         "νευρωνικά δίκτυα εκπαίδευση μοντέλων").split()
CYRILLIC = ("съешь же ещё этих мягких французских булок да выпей чаю машинное обучение "
            "нейронные сети обучение моделей").split()

TOKEN = "Supercalifragilistic_" * 3 + "expialidocious-01"   # 80 characters
assert len(TOKEN) == 80, len(TOKEN)


def prose(rng, n_chars, words=LATIN, tag=""):
    """About n_chars of words, each numbered so every one is distinct."""
    out, k = [], 0
    while sum(len(w) + 1 for w in out) < n_chars:
        out.append(f"{rng.choice(words)}{tag}{k}")
        k += 1
    return " ".join(out)


def png(width, height, pixel):
    """A truecolour PNG with alpha; pixel(x, y) gives (r, g, b, a)."""
    raw = b"".join(b"\0" + b"".join(bytes(pixel(x, y)) for x in range(width))
                   for y in range(height))

    def chunk(kind, data):
        return (struct.pack(">I", len(data)) + kind + data +
                struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))
    return (b"\x89PNG\r\n\x1a\n" +
            chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)) +
            chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def logo_pixel(x, y):
    """A rounded blue badge with an orange bar, transparent around it."""
    w, h, r = 240, 80, 18
    cx = min(max(x, r), w - 1 - r)
    cy = min(max(y, r), h - 1 - r)
    if (x - cx) ** 2 + (y - cy) ** 2 > r * r:
        return (0, 0, 0, 0)
    if 20 <= y < 60 and 30 <= x < 70:
        return (240, 140, 30, 255)
    return (31, 78, 121, 230)


class Doc:
    def __init__(self, cid, title):
        self.lines = ['<?xml version="1.0" encoding="UTF-8"?>',
                      f'<comparison id="{cid}" format="1">',
                      f"  <title>{escape(title)}</title>"]

    def add(self, text):
        self.lines.append(text)

    def write(self, name):
        self.lines.append("</comparison>")
        with open(os.path.join(HERE, name), "w", encoding="utf-8") as f:
            f.write("\n".join(self.lines) + "\n")


SCALES = """  <scales>
    <scale id="q">
      <level id="poor" score="1" label="Poor"/>
      <level id="fair" score="2" label="Fair"/>
      <level id="good" score="3" label="Good"/>
      <level id="great" score="4" label="Great"/>
      <level id="best" score="5" label="Best"/>
    </scale>
    <scale id="ms" min="0" max="500" better="lower" unit="ms"/>
  </scales>"""
LEVELS = ["poor", "fair", "good", "great", "best"]


def frameworks(d, names, url=True):
    d.add("  <frameworks>")
    for i, name in enumerate(names):
        extra = f"<url>https://example.org/fw{i}</url>" if url else ""
        d.add(f'    <framework id="fw{i}"><name>{escape(name)}</name>'
              f"<version>{i + 1}.{i % 3}</version>{extra}</framework>")
    d.add("  </frameworks>")


def criteria(d, rng, n, nf, categories, text=None, name=None):
    d.add("  <criteria>")
    for c in range(n):
        numeric = c % 7 == 6
        cat = categories[c % len(categories)]
        d.add(f'    <criterion id="c{c}" scale="{"ms" if numeric else "q"}" '
              f"category={quoteattr(cat)}>")
        d.add(f"      <name>{escape(name(c) if name else f'Criterion {c}')}</name>")
        for f in range(nf):
            body = escape(text(c, f)) if text else f"cell{c}x{f} rated"
            if c % 11 == 5 and f == nf - 1:
                attr = "value" if numeric else "level"
                d.add(f'      <rating framework="fw{f}" {attr}="unknown">{body}</rating>')
            elif numeric:
                d.add(f'      <rating framework="fw{f}" value="{rng.uniform(0, 500):.1f}">'
                      f"{body}</rating>")
            else:
                d.add(f'      <rating framework="fw{f}" level="{rng.choice(LEVELS)}">'
                      f"{body}</rating>")
        d.add("    </criterion>")
    d.add("  </criteria>")


def scenarios(d, rng, ns, nc, weigh_all=False):
    """ns scenarios of 10 weights each; with weigh_all the first weighs
    every criterion."""
    d.add("  <scenarios>")
    for s in range(ns):
        d.add(f'    <scenario id="s{s}"><name>Scenario {s}</name>')
        d.add(f"      <rationale>Why scenario {s} matters to {{{{comparison.title}}}}</rationale>")
        every = weigh_all and s == 0
        for c in range(nc) if every else sorted(rng.sample(range(nc), min(nc, 10))):
            d.add(f'      <weight criterion="c{c}" value="{rng.randint(1, 5)}"/>')
        d.add("    </scenario>")
    d.add("  </scenarios>")


def profiles(d, rng, names, ns, nc, nf):
    """Profile p uses scenarios p, p + 1 and p + 2 (mod ns)."""
    d.add("  <profiles>")
    for p, name in enumerate(names):
        d.add(f'    <profile id="p{p}"><name>{escape(name)}</name>')
        d.add(f"      <description>Team {p}: {{{{profile.name}}}} picks between "
              f"{{{{winner.name}}}} and {{{{runner-up.name}}}}.</description>")
        for s in sorted({(p + k) % ns for k in range(min(ns, 3))}):
            d.add(f'      <use scenario="s{s}" share="{rng.randint(1, 4)}"/>')
        for c in sorted(rng.sample(range(nc), min(nc, 3))):
            d.add(f'      <weight criterion="c{c}" value="{rng.randint(1, 5)}"/>')
        if p == 1:
            d.add(f'      <exclude framework="fw{nf - 1}" reason="Not on the approved list"/>')
        d.add("    </profile>")
    d.add("  </profiles>")


def sections(d, rng, words=LATIN):
    d.add("  <sections>")
    for place in ("after-verdict", "after-features", "appendix"):
        d.add(f'    <section id="s-{place}" title="Notes ({place}) for {{{{profile.name}}}}" '
              f'place="{place}">')
        d.add(f"      <p>{escape(prose(rng, 400, words))} <b>bold {{{{winner.name}}}}</b> "
              f"<i>italic margin {{{{margin}}}}</i>.</p>")
        d.add(f"      <list><item>{escape(prose(rng, 120, words))}</item>"
              f"<item>{escape(prose(rng, 60, words))}</item></list>")
        d.add("    </section>")
    d.add("  </sections>")


def twelve():
    rng = random.Random(12)
    d = Doc("twelve-frameworks", "Twelve frameworks: Πλατφόρμες και платформы compared")
    d.add("  <subtitle>Every framework column still readable</subtitle>")
    d.add('  <meta><author>Layout stress test</author><organisation>Ωμέγα ООО</organisation>'
          '<date>2026-01-31</date><logo src="logo.png"/></meta>')
    d.add(SCALES)
    names = ["PyTorch", "TensorFlow", "Ζεύς ML", "Αθηνά Δίκτυα", "Москва Нейро", "Ёлка-Сеть",
             "Ärger-Straße", "JAX", "Πλάτων", "Байкал Лёрн", "MXNet Ωmega", "Ünïcödé Flow"]
    frameworks(d, names)
    criteria(d, rng, 24, 12, ["Разработка", "Ανάπτυξη", "Deployment", "Ecosystem"],
             text=lambda c, f: f"{rng.choice(LATIN)} {rng.choice(GREEK)} {rng.choice(CYRILLIC)} "
                               f"c{c}f{f}")
    scenarios(d, rng, 4, 24)
    profiles(d, rng, ["Команда исследований", "Ομάδα παραγωγής", "Mixed team"], 4, 24, 12)
    sections(d, rng, GREEK + CYRILLIC)
    d.add('  <report paper="A4" orientation="portrait" accent="#5b2a86"/>')
    d.write("twelve-frameworks.xml")


def three_hundred():
    rng = random.Random(300)
    d = Doc("three-hundred-criteria", "Three hundred criteria on Letter landscape")
    d.add(SCALES)
    frameworks(d, ["Alpha", "Beta", "Gamma"])
    criteria(d, rng, 300, 3, [f"Category {k}" for k in range(12)])
    scenarios(d, rng, 4, 300, weigh_all=True)
    profiles(d, rng, ["First team", "Second team"], 4, 300, 3)
    d.add('  <report paper="Letter" orientation="landscape"/>')
    d.write("three-hundred-criteria.xml")


def long_texts():
    rng = random.Random(2000)
    d = Doc("long-texts", f"Long texts {TOKEN} and more")
    d.add(f"  <subtitle>{escape(prose(rng, 300))}</subtitle>")
    d.add('  <meta><author>Layout stress test</author><logo src="logo.jpg"/></meta>')
    d.add(f"  <intro><p>{escape(prose(rng, 2000, GREEK, 'g'))}</p>"
          f"<p>{escape(prose(rng, 2000, CYRILLIC, 'k'))}</p></intro>")
    d.add(SCALES)
    frameworks(d, ["Short", "A framework with a very long name " + prose(rng, 160),
                   f"Token{TOKEN}"])

    def text(c, f):
        if c == 0:
            return prose(rng, 2000, LATIN, f"w{f}x")
        if c == 1 and f == 1:
            return f"before {TOKEN} after"
        if c == 2:
            return prose(rng, 2000, GREEK if f % 2 else CYRILLIC, f"z{f}x")
        if c == 3 and f == 0:
            return "Kanji 漢 and a smile 🙂 and 漢 again"
        return f"cell{c}x{f}"
    criteria(d, rng, 12, 3, ["Long", "Λόγος", "Длинный"], text=text,
             name=lambda c: TOKEN if c == 4 else f"Criterion {c}")
    scenarios(d, rng, 3, 12)
    profiles(d, rng, ["The team with " + prose(rng, 200)], 3, 12, 3)
    d.add("  <sections>")
    d.add(f'    <section id="long" title="{TOKEN}" place="after-verdict">'
          f"<p>{escape(prose(rng, 2000))}</p></section>")
    d.add("  </sections>")
    d.add(f"  <bottom-line>{escape(prose(rng, 600, CYRILLIC))}</bottom-line>")
    d.add('  <report paper="A4" orientation="landscape"/>')
    d.write("long-texts.xml")


def ppm(width, height, pixel):
    """The image on white as a binary PPM."""
    def flat(x, y):
        r, g, b, a = pixel(x, y)
        return bytes((c * a + 255 * (255 - a)) // 255 for c in (r, g, b))
    return (f"P6 {width} {height} 255\n".encode() +
            b"".join(flat(x, y) for y in range(height) for x in range(width)))


def main():
    with open(os.path.join(HERE, "logo.png"), "wb") as f:
        f.write(png(240, 80, logo_pixel))
    if shutil.which("cjpeg"):
        with open(os.path.join(HERE, "logo.jpg"), "wb") as f:
            subprocess.run(["cjpeg", "-quality", "85"], input=ppm(240, 80, logo_pixel),
                           stdout=f, check=True)
    twelve()
    three_hundred()
    long_texts()


if __name__ == "__main__":
    main()
