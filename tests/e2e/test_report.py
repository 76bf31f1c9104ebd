"""End-to-end tests of the PDF reports (SPEC section 5) on the seed and on the
layout stress inputs of tests/layout/ (see generate.py there): contents in
order, every word of every cell present, headers repeated, column groups,
page numbers, fonts, links, outline, document info, logos, characters the
fonts lack, reproducibility, size, and no text outside the margins or on
top of other text (checked on every word's box from pdftotext -bbox)."""
import json
import os
import re
import shutil
from xml.etree import ElementTree as ET

from e2e import (ROOT, SEED, check, fonts_embedded, pdfinfo, pdftext, qpdf_ok, run, test,
                 tool)

EPOCH = {"SOURCE_DATE_EPOCH": "1764000000"}
LAYOUT = "tests/layout"
TWELVE = f"{LAYOUT}/twelve-frameworks.xml"
THREE_HUNDRED = f"{LAYOUT}/three-hundred-criteria.xml"
LONG = f"{LAYOUT}/long-texts.xml"
MARGIN_X = 54          # report_geometry(): left and right margins, points
SIZES = {TWELVE: ("A4", False), THREE_HUNDRED: ("letter", True), LONG: ("A4", True)}
# Characters of long-texts.xml outside fonts/unicodes.txt.
MISSING = {"\u6f22": "U+6F22", "\U0001F642": "U+1F642"}


def build(tmp, path, *extra, env=EPOCH):
    """Runs verdict on path into tmp/out; returns (output dir, stderr, JSON)."""
    out = os.path.join(tmp, "out")
    js = os.path.join(tmp, "summary.json")
    rc, _, se = run("-o", out, "--json", js, *extra, path, env=env)
    check(rc == 0, f"{path}: exit {rc}: {se}")
    with open(js, encoding="utf-8") as f:
        summary = json.load(f)
    return os.path.join(out, summary["inputs"][0]["id"]), se, summary


def pages(path):
    """The text of every page (pdftotext -raw, split at form feeds)."""
    rc, out, err = tool("pdftotext", "-raw", "-enc", "UTF-8", path, "-")
    check(rc == 0, f"pdftotext {path}: {err}")
    return out.split("\f")[:-1]


def words_of(path):
    """Every page's words with their boxes, from pdftotext -bbox."""
    rc, out, err = tool("pdftotext", "-bbox", path, "-")
    check(rc == 0, f"pdftotext -bbox {path}: {err}")
    result = []
    for page in re.findall(r"<page width=\"([\d.]+)\" height=\"([\d.]+)\">(.*?)</page>",
                           out, re.S):
        w, h, body = float(page[0]), float(page[1]), page[2]
        boxes = [(float(a), float(b), float(c), float(d), t) for a, b, c, d, t in re.findall(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)',
            body)]
        result.append((w, h, boxes))
    return result


def page_numbers_are_right(name, texts):
    for n, text in enumerate(texts, 1):
        check(f"Page {n} of {len(texts)}" in text, f"{name}: page {n}: no 'Page {n} of "
              f"{len(texts)}'")


def shown(text):
    """A text as the PDF shows it: characters the fonts lack become U+FFFD."""
    for ch in MISSING:
        text = text.replace(ch, "\ufffd")
    return text


def cell_texts(path):
    """The texts of the feature table: framework names, categories,
    criterion names and ratings."""
    root = ET.parse(os.path.join(ROOT, path)).getroot()
    texts = [f.findtext("name") for f in root.iter("framework")]
    for c in root.iter("criterion"):
        texts += [c.get("category") or "", c.findtext("name")]
        texts += [r.text or "" for r in c.iter("rating")]
    return [shown(t) for t in texts]


@test
def stress_inputs_give_sound_pdfs(tmp):
    for path, (paper, landscape) in SIZES.items():
        out, _, summary = build(os.path.join(tmp, os.path.basename(path)), path)
        names = sorted(os.listdir(out))
        check(len(names) == 1 + len(summary["inputs"][0]["profiles"]), f"{path}: {names}")
        for name in names:
            pdf = os.path.join(out, name)
            qpdf_ok(pdf)
            fonts_embedded(pdf)
            info = pdfinfo(pdf)
            check(f"({paper})" in info["Page size"], f"{pdf}: {info['Page size']}")
            w, h = (float(x) for x in info["Page size"].split()[0:3:2])
            check((w > h) == landscape, f"{pdf}: orientation {w} x {h}")
            root = ET.parse(os.path.join(ROOT, path)).getroot()
            check(info["Title"] == root.findtext("title"), f"{pdf}: title {info['Title']}")
            texts = pages(pdf)
            check(len(texts) == int(info["Pages"]), f"{pdf}: page count")
            page_numbers_are_right(pdf, texts)


@test
def every_word_of_every_cell_appears(tmp):
    for path in (TWELVE, THREE_HUNDRED, LONG):
        out, _, _ = build(os.path.join(tmp, os.path.basename(path)), path)
        pdf = os.path.join(out, "overview.pdf")
        raw = "\n".join(pages(pdf))
        seen = set(raw.split())
        squeezed = re.sub(r"\s+", "", raw)
        missing = []
        for text in cell_texts(path):
            for word in text.split():
                # A word too long for its column is broken across lines.
                if word not in seen and not (len(word) > 20 and word in squeezed):
                    missing.append(word)
        check(not missing, f"{path}: {len(missing)} words missing, e.g. {missing[:5]}")


@test
def long_tokens_are_broken_not_clipped(tmp):
    out, _, _ = build(tmp, LONG)
    token = "Supercalifragilistic_" * 3 + "expialidocious-01"
    for name in os.listdir(out):
        squeezed = re.sub(r"\s+", "", "".join(pages(os.path.join(out, name))))
        # The title (page 1 and every running header), a criterion name,
        # a framework name and a cell: whole, in reading order.
        check(squeezed.count(token) >= 4, f"{name}: token seen {squeezed.count(token)} times")


@test
def table_headers_repeat_on_every_page(tmp):
    out, _, _ = build(tmp, THREE_HUNDRED)
    texts = pages(os.path.join(out, "overview.pdf"))
    table = [n for n, t in enumerate(texts) if re.search(r"cell\d+x0 rated", t)]
    check(len(table) >= 5, f"the feature table spans {len(table)} pages")
    for n in table:
        check(re.search(r"Criterion Alpha 1\.0 Beta 2\.1 Gamma 3\.2", texts[n]),
              f"page {n + 1}: no feature table header")
    # 300 rows, each once, in order.
    rows = [int(m) for t in texts for m in re.findall(r"cell(\d+)x0 rated", t)]
    check(sorted(rows) == list(range(300)), f"{len(rows)} feature rows")


@test
def twelve_frameworks_come_in_readable_column_groups(tmp):
    out, _, _ = build(tmp, TWELVE)
    root = ET.parse(os.path.join(ROOT, TWELVE)).getroot()
    names = [f.findtext("name") for f in root.iter("framework")]
    text = "\n".join(pages(os.path.join(out, "overview.pdf")))
    parts = re.findall(r"Part (\d) of (\d): frameworks (\d+)\u2013(\d+) of 12", text)
    check(len(parts) >= 2, f"column groups: {parts}")
    covered = sorted({k for p in parts for k in range(int(p[2]), int(p[3]) + 1)})
    check(covered == list(range(1, 13)), f"frameworks in the groups: {covered}")
    # No framework column narrower than a readable minimum: no rating word
    # is broken, and every framework's name heads a column.
    for name in names:
        check(name.split()[0] in text, f"{name} heads no column")
    layout = pdftext(os.path.join(out, "overview.pdf"), layout=True)
    for word in ("Good", "Great", "Best", "Fair", "Poor"):
        check(re.search(rf"\b{word}\b", layout), f"level {word} not shown whole")


@test
def nothing_outside_the_margins_and_nothing_overprinted(tmp):
    for path in (SEED, TWELVE, THREE_HUNDRED, LONG):
        out, _, _ = build(os.path.join(tmp, os.path.basename(path)), path)
        for name in sorted(os.listdir(out)):
            for n, (w, h, boxes) in enumerate(words_of(os.path.join(out, name)), 1):
                where = f"{path} {name} page {n}"
                for x0, y0, x1, y1, t in boxes:
                    check(x0 >= MARGIN_X - 0.5 and x1 <= w - MARGIN_X + 0.5,
                          f"{where}: {t!r} at x {x0:.1f}-{x1:.1f} is outside the margins")
                    check(y0 >= 0 and y1 <= h, f"{where}: {t!r} is off the page")
                # Overlapping boxes: sort by top, compare with the boxes
                # whose top is above this one's bottom.
                boxes.sort(key=lambda b: b[1])
                for i, a in enumerate(boxes):
                    for b in boxes[i + 1:]:
                        if b[1] >= a[3] - 0.5:
                            break
                        if min(a[2], b[2]) - max(a[0], b[0]) > 0.5:
                            check(False, f"{where}: {a[4]!r} and {b[4]!r} overlap")


@test
def sections_come_in_the_order_of_the_spec(tmp):
    out, _, _ = build(tmp, TWELVE)
    text = " ".join(" ".join(pages(os.path.join(out, "p0.pdf"))).split())
    order = ["Prepared for", "VERDICT", "Notes (after-verdict)", "Why",
             "What would change the verdict", "Feature comparison", "Notes (after-features)",
             "Scenario verdicts", "Notes (appendix)", "Bottom line", "Methodology"]
    at = [text.find(s) for s in order]
    check(-1 not in at, f"missing: {[s for s, a in zip(order, at) if a < 0]}")
    check(at == sorted(at), f"out of order: {sorted(zip(at, order))}")
    text = " ".join(" ".join(pages(os.path.join(out, "overview.pdf"))).split())
    order = ["Overview of every team profile", "Bottom line", "Verdict per team profile",
             "Scenario verdicts", "Feature comparison", "Notes (after-verdict)", "Methodology"]
    at = [text.find(s) for s in order]
    check(-1 not in at and at == sorted(at), f"overview order: {sorted(zip(at, order))}")
    # The level is written, with its symbol, not shown by colour alone.
    check(re.search(r"(Poor|Fair|Good|Great|Best) [\u25cf\u25cb]{4}", text),
          "no level label with its circles")
    # unknown has dotted circles, apart from the lowest level's empty ones
    check(re.search(r"unknown \u25cc{4}", text), "no unknown rating marked as such")


@test
def outline_links_and_info(tmp):
    out, _, summary = build(tmp, TWELVE)
    rc, js, err = tool("qpdf", "--json", "--json-key=outlines",
                       os.path.join(out, "overview.pdf"))
    check(rc == 0, err)
    outline = json.loads(js)["outlines"]
    top = [o["title"] for o in outline]
    for title in ("Bottom line", "Verdict per team profile", "Scenario verdicts: choose \u2026 "
                  "when", "Feature comparison", "Methodology"):
        check(title in top, f"overview outline lacks {title!r}: {top}")
    kids = [k["title"] for o in outline if o["title"] == "Verdict per team profile"
            for k in o["kids"]]
    root = ET.parse(os.path.join(ROOT, TWELVE)).getroot()
    teams = [p.findtext("name") for p in root.iter("profile")]
    check(kids == teams, f"profile entries {kids}, wanted {teams}")
    rc, js, err = tool("qpdf", "--json", "--json-key=outlines", os.path.join(out, "p0.pdf"))
    top = [o["title"] for o in json.loads(js)["outlines"]]
    for title in ("Why", "What would change the verdict", "Feature comparison", "Bottom line",
                  "Methodology"):
        check(title in top, f"profile outline lacks {title!r}: {top}")
    with open(os.path.join(out, "p0.pdf"), "rb") as f:
        data = f.read().replace(b"\\057", b"/")    # libharu escapes the slashes
    for k in range(12):
        check(f"/URI (https://example.org/fw{k})".encode() in data, f"no link to fw{k}")
    info = pdfinfo(os.path.join(out, "p0.pdf"))
    check(info["Subject"] == teams[0], f"subject {info['Subject']}")
    check(info["Author"] == "Layout stress test", f"author {info['Author']}")
    check(info["Creator"] == f"verdict {summary['version']}", f"creator {info['Creator']}")
    check("2025" in info["CreationDate"], f"creation date {info['CreationDate']}")


@test
def logos_are_embedded_once_and_scaled(tmp):
    for path, kind in ((TWELVE, "image"), (LONG, "jpeg")):
        out, se, _ = build(os.path.join(tmp, os.path.basename(path)), path, "-v")
        check("logo" not in se, f"{path}: {se}")
        rc, listing, err = tool("pdfimages", "-list", os.path.join(out, "overview.pdf"))
        check(rc == 0, err)
        rows = [r.split() for r in listing.splitlines()[2:]]
        check(rows and rows[0][0] == "1" and rows[0][3:5] == ["240", "80"],
              f"{path}: logo not on page 1 at 240 x 80 pixels: {rows}")
        check(rows[0][8] == kind, f"{path}: logo encoded as {rows[0][8]}, wanted {kind}")
        if path == TWELVE:   # the PNG's transparency as a soft mask
            check(len(rows) == 2 and rows[1][2] == "smask", f"no soft mask: {rows}")


@test
def a_logo_that_does_not_decode_is_a_warning_and_the_report_is_still_written(tmp):
    # The loader rejects a missing logo, one outside the input's tree and
    # one that is neither PNG nor JPEG by its first bytes; what only
    # decoding finds is a warning.
    with open(os.path.join(ROOT, LAYOUT, "logo.png"), "rb") as f:
        good = f.read()
    idat = good.index(b"IDAT")
    huge = bytearray(good)
    huge[16:24] = (100000).to_bytes(4, "big") * 2     # IHDR width and height
    cases = {"zeros.png": (good[:8] + b"\0" * 64, "PNG"),
             "truncated.png": (good[:idat + 20], "damaged"),
             "huge.png": (bytes(huge), "pixels|PNG"),
             "no-frame.jpg": (b"\xff\xd8\xff\xe0\x00\x10JFIF" + b"\0" * 64, "JPEG")}
    with open(os.path.join(ROOT, TWELVE), encoding="utf-8") as f:
        xml = f.read()
    for n, (name, (data, why)) in enumerate(cases.items()):
        with open(os.path.join(tmp, name), "wb") as f:
            f.write(data)
        path = os.path.join(tmp, f"case{n}.xml")
        with open(path, "w", encoding="utf-8") as f:
            f.write(xml.replace('<logo src="logo.png"/>', f'<logo src="{name}"/>'))
        out = os.path.join(tmp, f"out{n}")
        rc, _, se = run("-v", "-o", out, path, env=EPOCH)
        check(rc == 0, f"{name}: exit {rc}: {se}")
        check(re.search(rf"case{n}\.xml:\d+: warning: logo not shown: {name}: .*({why})", se),
              f"{name}: no warning naming the problem: {se}")
        pdf = os.path.join(out, "twelve-frameworks", "p0.pdf")
        check(os.path.exists(pdf), f"{name}: no report")
        rc, listing, _ = tool("pdfimages", "-list", pdf)
        check(len(listing.splitlines()) == 2, f"{name}: an image was drawn: {listing}")


@test
def characters_the_fonts_lack_are_named_once_with_their_place(tmp):
    with open(os.path.join(ROOT, LONG), encoding="utf-8") as f:
        lines = f.read().split("\n")
    line = next(n for n, text in enumerate(lines, 1) if "\u6f22" in text)
    out, se, summary = build(tmp, LONG, "-v")
    for ch, code in MISSING.items():
        said = [s for s in se.splitlines() if f"character {code} '{ch}'" in s]
        check(len(said) == 1, f"{code} reported {len(said)} times: {se}")
        check(said[0].startswith(f"{LONG}:{line}: warning: "), f"place: {said[0]}")
        check("criterion 'c3'" in said[0], f"element: {said[0]}")
        warned = [w for w in summary["inputs"][0]["warnings"] if code in w["message"]]
        check(len(warned) == 1 and warned[0]["line"] == line, f"JSON: {warned}")
    check("\ufffd" in "".join(pages(os.path.join(out, "overview.pdf"))),
          "no replacement mark where the characters were")
    # Without -v a successful run stays silent (cron).
    rc, so, se = run("-o", os.path.join(tmp, "quiet"), LONG)
    check(rc == 0 and so == "" and se == "", f"not silent: {rc} {so!r} {se!r}")


@test
def stress_reports_are_reproducible(tmp):
    for path in (TWELVE, LONG):
        a, _, _ = build(os.path.join(tmp, "a"), path)
        b, _, _ = build(os.path.join(tmp, "b"), path)
        for name in os.listdir(a):
            with open(os.path.join(a, name), "rb") as f1, open(os.path.join(b, name), "rb") as f2:
                check(f1.read() == f2.read(), f"{path}: {name} differs between runs")


@test
def seed_reports_stay_small(tmp):
    # The subset fonts keep a report at about 14 KB a page; the full DejaVu
    # faces, embedded as libharu does, cost about 200 KB a file.
    out, _, _ = build(tmp, SEED)
    for name in os.listdir(out):
        pdf = os.path.join(out, name)
        size, npages = os.path.getsize(pdf), int(pdfinfo(pdf)["Pages"])
        check(size < 100_000 and size / npages < 25_000,
              f"{name}: {size} bytes for {npages} pages")
