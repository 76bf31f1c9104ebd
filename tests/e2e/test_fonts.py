"""Which fonts a report gets (issue 13, src/pdf/): a report whose text fits
windows-1252 and the marks the reports draw is drawn with single-byte
TrueType fonts cut down to that repertoire; one with other characters
(Greek here) with single-byte fonts in an encoding of its own, while it
draws at most 129 characters beyond ASCII; one with more, with the UTF-8
CID fonts.  All extract the same text, marks included, and a batch that
mixes them writes the same bytes whichever way its reports are spread
over processes."""
import glob
import os
import shutil

from e2e import ROOT, SEED, check, pdftext, run, test, tool

SUB = "ml-frameworks-2026"
MARKS = "●○◌−←→"
GREEK = "Ομάδα"


def fonts_of(pdf):
    """pdffonts' rows as (name, type, encoding, emb, sub, uni)."""
    rc, out, err = tool("pdffonts", pdf)
    check(rc == 0 and err == "", f"pdffonts {pdf}: {err}")
    rows = []
    for line in out.splitlines()[2:]:
        c = line.split()
        # name type... encoding emb sub uni object ID
        rows.append((c[0], " ".join(c[1:-6]), c[-6], c[-5], c[-4], c[-3]))
    check(len(rows) == 2, f"{pdf}: {len(rows)} fonts, wanted regular and bold: {out}")
    return rows


def single_byte(pdf):
    rows = fonts_of(pdf)
    return all(r[1] == "TrueType" and r[2] == "Custom" for r in rows), rows


def many(n):
    """n distinct Cyrillic and Greek letters (at most 186)."""
    chars = [chr(c) for c in list(range(0x400, 0x460)) + list(range(0x391, 0x3A2)) +
             list(range(0x3B1, 0x3CA)) + list(range(0x490, 0x4C0))]
    check(n <= len(chars), f"many({n})")
    return "".join(chars[:n])


def variant(tmp, name, replace):
    """The seed with replace(text) applied, in tmp (the seed has no files
    of its own to find)."""
    with open(os.path.join(ROOT, SEED), encoding="utf-8") as f:
        text = replace(f.read())
    path = os.path.join(tmp, name)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return path


def write(tmp, out, *args):
    rc, _, se = run("-o", os.path.join(tmp, out), *args,
                    env={"SOURCE_DATE_EPOCH": "1764000000"})
    check(rc == 0, f"{args}: exit {rc}: {se}")
    return {os.path.basename(p): p
            for p in glob.glob(os.path.join(tmp, out, SUB, "*.pdf"))}


@test
def latin_reports_get_single_byte_fonts_and_keep_their_marks(tmp):
    pdfs = write(tmp, "out", SEED)
    check(len(pdfs) == 5, f"PDFs: {sorted(pdfs)}")
    seen = set()
    for name, pdf in pdfs.items():
        ok, rows = single_byte(pdf)
        check(ok, f"{name}: not single-byte TrueType fonts: {rows}")
        for r in rows:
            check(r[3:] == ("yes", "yes", "yes"), f"{name}: {r[0]} not embedded as a "
                  f"subset with a ToUnicode map: {r}")
        text = pdftext(pdf)
        seen |= {m for m in MARKS if m in text}
        check("\ufffd" not in text, f"{name}: a replacement mark in the text")
        check(os.path.getsize(pdf) < 48000, f"{name}: {os.path.getsize(pdf)} bytes")
    # the level marks (feature table), the minus (leads), the arrows (chart)
    check(seen == set(MARKS), f"marks extracted: {sorted(seen)}, wanted {sorted(MARKS)}")


@test
def greek_text_gets_its_own_encoding_and_many_characters_utf8_fonts(tmp):
    # The descriptions are printed in their team's report and the overview:
    # research-lab's with a Greek word, enterprise-platform's with 140
    # distinct letters, more than a single-byte encoding holds.
    path = variant(tmp, "greek.xml", lambda t: t.replace(
        "<description>A university lab", f"<description>{GREEK}: a university lab").replace(
        "<description>A platform team", f"<description>{many(140)} A platform team"))
    pdfs = write(tmp, "j1", "-j", "1", path)
    kinds = {"research-lab.pdf": "own", "enterprise-platform.pdf": "utf8",
             "overview.pdf": "utf8"}
    for name, pdf in sorted(pdfs.items()):
        rows = fonts_of(pdf)
        kind = kinds.get(name, "latin")
        if kind == "utf8":
            check(all(r[1] == "CID TrueType" and r[2] == "Identity-H" for r in rows),
                  f"{name}: fonts {rows}")
        else:
            check(single_byte(pdf)[0], f"{name}: fonts {rows}")
            # the latin fonts embed the small faces, the report's own the whole ones
            size = os.path.getsize(pdf)
            check((size < 40000) == (kind == "latin"), f"{name}: {size} bytes ({kind})")
        text = pdftext(pdf)
        if name in ("research-lab.pdf", "overview.pdf"):
            check(GREEK in text, f"{name}: {GREEK} not extracted")
        if name in ("enterprise-platform.pdf", "overview.pdf"):
            check(many(140) in text.replace("\n", ""), f"{name}: the 140 letters not extracted")
        check(all(m in text for m in "●○"), f"{name}: level marks not extracted")
    # Reports needing the UTF-8 fonts are drawn in forked children, the
    # others in place; with two workers each does a share of both.
    for jobs in ("2", "3"):
        again = write(tmp, "j" + jobs, "-j", jobs, path)
        check(sorted(again) == sorted(pdfs), f"-j {jobs}: {sorted(again)}")
        for name in pdfs:
            with open(pdfs[name], "rb") as a, open(again[name], "rb") as b:
                check(a.read() == b.read(), f"-j {jobs}: {name} differs from -j 1's")


@test
def a_character_the_fonts_lack_keeps_single_byte_fonts(tmp):
    """A CJK character is drawn as the replacement mark, which the
    single-byte fonts have: no need for the UTF-8 fonts."""
    path = variant(tmp, "cjk.xml", lambda t: t.replace(
        "<name>Academic research lab</name>", "<name>Academic research lab 中</name>"))
    rc, _, se = run("-v", "-o", os.path.join(tmp, "out"), path)
    check(rc == 0 and "U+4E2D" in se, f"exit {rc}, stderr {se!r}")
    pdf = os.path.join(tmp, "out", SUB, "research-lab.pdf")
    ok, rows = single_byte(pdf)
    check(ok, f"fonts {rows}")
    check("Academic research lab \ufffd" in pdftext(pdf), "the replacement mark not extracted")


@test
def a_font_folder_without_the_subsets_still_works(tmp):
    """--font-dir with only the two faces (as before the subsets): the
    single-byte fonts embed the faces themselves."""
    fonts = os.path.join(tmp, "fonts")
    os.mkdir(fonts)
    for face in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"):
        shutil.copy(os.path.join(ROOT, "fonts", face), fonts)
    small = write(tmp, "small", "-p", "^research-lab$", SEED)
    big = write(tmp, "big", "--font-dir", fonts, "-p", "^research-lab$", SEED)
    a, b = small["research-lab.pdf"], big["research-lab.pdf"]
    check(single_byte(b)[0], f"fonts {fonts_of(b)}")
    check(pdftext(a) == pdftext(b), "the text differs with the whole faces")
    check(os.path.getsize(b) > os.path.getsize(a) + 4000,
          f"{os.path.getsize(b)} bytes with the faces, {os.path.getsize(a)} with the subsets")


@test
def info_strings_read_back_in_either_encoding(tmp):
    """Document info goes out in PDFDocEncoding when every value fits it
    (its codes 0x80-0xA0 differ from windows-1252's), else as UTF-16; both
    read back the same."""
    for name, title, raw in (
            ("pdfdoc.xml", "Caf\u00e9 \u2014 \u20ac5 \u2018quoted\u2019 \u2026 \u0141a\u017e",
             b"/Title (Caf\\351 \\204 \\2405 "),   # é, em dash, euro in PDFDocEncoding
            ("utf16.xml", "Caf\u00e9 \u2014 \u03a0\u03bb\u03b1\u03c4\u03c6\u03cc\u03c1\u03bc\u03b1",
             b"/Title <FEFF0043")):
        path = variant(tmp, name, lambda t, title=title: t.replace(
            "<title>PyTorch vs TensorFlow 2026: Which ML Framework Wins?</title>",
            f"<title>{title}</title>", 1))
        pdfs = write(tmp, name + ".out", "-p", "^research-lab$", path)
        rc, out, err = tool("pdfinfo", "-enc", "UTF-8", pdfs["research-lab.pdf"])
        check(rc == 0, err)
        got = [ln.split(":", 1)[1].strip() for ln in out.splitlines() if ln.startswith("Title:")]
        check(got == [title], f"{name}: title {got}, wanted {title!r}")
        with open(pdfs["research-lab.pdf"], "rb") as f:
            check(raw in f.read(), f"{name}: the title is not written as {raw!r}")
