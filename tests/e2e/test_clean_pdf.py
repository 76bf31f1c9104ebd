"""End-to-end test that every PDF we write reads cleanly (issue 10, item 7):
poppler (pdftotext, pdftoppm, pdffonts) and qpdf --check exit 0 and print
nothing on stderr for every report of every example input and layout stress
input, and text extraction still gives Latin, Greek and Cyrillic words.
libharu 2.3.0's own ToUnicode map made poppler warn on every font load;
src/pdf/fonts.c (pdf_utf8_tounicode) writes a correct one, and gives the
single-byte fonts one of their own."""
import glob
import os

from e2e import ROOT, SEED, check, run, test, tool

INPUTS = sorted(glob.glob("input/*.xml", root_dir=ROOT) +
                glob.glob("tests/layout/*.xml", root_dir=ROOT))
TWELVE = "tests/layout/twelve-frameworks.xml"
# Framework names of twelve-frameworks.xml, one or more per script.
WORDS = {"Latin": ["Ärger-Straße", "Ünïcödé", "PyTorch"],
         "Greek": ["Ζεύς", "Αθηνά", "Πλάτων", "Ωmega"],
         "Cyrillic": ["Москва", "Байкал", "Ёлка-Сеть"]}


def pdfs_of(tmp, path):
    """Runs verdict on path into a folder of its own; returns its PDFs."""
    out = os.path.join(tmp, os.path.basename(path))
    rc, _, se = run("-o", out, path)
    check(rc == 0, f"{path}: exit {rc}: {se}")
    found = sorted(glob.glob(os.path.join(out, "*", "*.pdf")))
    check(found, f"{path}: no PDF written")
    return found


def silent(*args):
    """Runs a reader; it must succeed without a word on stderr."""
    rc, out, err = tool(*args)
    check(rc == 0, f"{' '.join(args)}: exit {rc}: {err}")
    check(err == "", f"{' '.join(args)}: stderr {err[:300]!r}")
    return out


@test
def readers_are_silent_on_every_pdf(tmp):
    check(len(INPUTS) >= 6, f"inputs: {INPUTS}")
    images = os.path.join(tmp, "images")
    os.mkdir(images)
    for path in INPUTS:
        for pdf in pdfs_of(tmp, path):
            silent("pdftotext", "-enc", "UTF-8", pdf, "-")
            # Low resolution: the fonts are loaded the same, the pixels are not kept.
            silent("pdftoppm", "-r", "10", "-png", pdf, os.path.join(images, "p"))
            fonts = silent("pdffonts", pdf).splitlines()[2:]
            check(fonts and all(row.split()[-3] == "yes" for row in fonts),
                  f"{pdf}: a font without a ToUnicode map: {fonts}")
            out = silent("qpdf", "--check", pdf)
            check("No syntax or stream encoding errors" in out, f"{pdf}: {out}")


@test
def text_extraction_keeps_every_script(tmp):
    for pdf in pdfs_of(tmp, TWELVE):
        text = silent("pdftotext", "-enc", "UTF-8", pdf, "-")
        for script, words in WORDS.items():
            missing = [w for w in words if w not in text]
            check(not missing, f"{pdf}: {script} words not extracted: {missing}")
        check("\ufffd" not in text, f"{pdf}: a replacement character in the text")
    text = silent("pdftotext", "-enc", "UTF-8", pdfs_of(tmp, SEED)[0], "-")
    for word in ("PyTorch", "TensorFlow", "Debugging", "Methodology"):
        check(word in text, f"{SEED}: {word!r} not extracted")
