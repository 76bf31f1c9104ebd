/* test_pdf.c - the PDF stage (pdf.h): widths, which fonts a report gets,
 * and a writer that draws many reports.  Run from the top of the tree,
 * with the fonts built in fonts/. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <hpdf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "pdf.h"
#include "utf8.h"

#define FONT_DIR "fonts"

static void S_on_error(HPDF_STATUS error, HPDF_STATUS detail, void *data)
{
	(void)data;
	fail_msg("libharu error 0x%04lX (detail %lu)", (unsigned long)error, (unsigned long)detail);
}

/* The measurer's widths are libharu's, for every character the fonts draw,
 * in both faces: measured by libharu's UTF-8 font, as the writer drew
 * before it read widths itself.  This is what keeps the layout the same
 * whichever kind of font a report is drawn with. */
static void test_widths_are_libharus(void **state)
{
	(void)state;
	char *err = NULL;
	struct pdf_charset *cs = pdf_charset_load(FONT_DIR, &err);
	assert_non_null(cs);
	struct pdf_writer *w = pdf_new(FONT_DIR, &err);
	assert_non_null(w);
	struct measurer m = pdf_measurer(w);
	HPDF_Doc pdf = HPDF_New(S_on_error, NULL);
	HPDF_UseUTFEncodings(pdf);
	const char *faces[] = { FONT_DIR "/DejaVuSans.ttf", FONT_DIR "/DejaVuSans-Bold.ttf" };
	const enum lfont lf[] = { LFONT_REGULAR, LFONT_BOLD };
	size_t checked = 0;
	for (size_t f = 0; f < 2; f++) {
		HPDF_Font font = HPDF_GetFont(pdf, HPDF_LoadTTFontFromFile(pdf, faces[f], HPDF_TRUE),
		                              "UTF-8");
		for (uint32_t cp = 0x20; cp < 0xFFFF; cp++) {
			if (!pdf_charset_has(cs, cp) || (cp >= 0xD800 && cp <= 0xDFFF))
				continue;
			unsigned char buf[4];
			size_t n = utf8_encode(cp, buf);
			HPDF_TextWidth tw = HPDF_Font_TextWidth(font, buf, (HPDF_UINT)n);
			double ours = m.width(m.ctx, lf[f], 1000.0, (const char *)buf, n);
			if (ours != (double)tw.width)
				fail_msg("U+%04X in face %zu: %g, libharu %u", (unsigned)cp, f, ours,
				         (unsigned)tw.width);
			checked++;
		}
	}
	assert_true(checked > 4000);   /* Latin, Greek, Cyrillic, symbols, in two faces */
	/* A character the fonts lack measures as the replacement mark. */
	assert_true(m.width(m.ctx, LFONT_REGULAR, 10, "\xE4\xB8\xAD", 3) ==
	            m.width(m.ctx, LFONT_REGULAR, 10, "\xEF\xBF\xBD", 3));
	assert_true(m.width(m.ctx, LFONT_REGULAR, 10, "\x7F", 1) ==
	            m.width(m.ctx, LFONT_REGULAR, 10, "\xEF\xBF\xBD", 3));
	HPDF_Free(pdf);
	pdf_free(w);
	pdf_charset_free(cs);
}

/* Which characters the single-byte fonts draw. */
static void test_latin_coverage(void **state)
{
	(void)state;
	char *err = NULL;
	struct pdf_charset *cs = pdf_charset_load(FONT_DIR, &err);
	assert_non_null(cs);
	static const unsigned long yes[] = {
		' ', 'A', '~', 0xA0, 0xE9, 0xFF, 0x20AC, 0x201C, 0x201D, 0x2013, 0x2014, 0x2026,
		0x2022, 0x00B7, 0x00D7, 0x00B1, 0x02DC,
		0x25CF, 0x25CB, 0x25CC, 0x2212, 0x2190, 0x2192, 0xFFFD,   /* the marks */
	};
	static const unsigned long no[] = {
		0x7F, 0x80, 0x9F, 0x02C6, 0x03B1, 0x0416, 0x2264, 0x2713, 0x4E2D, 0x1F600,
	};
	for (size_t i = 0; i < sizeof yes / sizeof *yes; i++)
		if (!pdf_charset_latin(cs, yes[i]))
			fail_msg("U+%04lX should be in the single-byte fonts", yes[i]);
	for (size_t i = 0; i < sizeof no / sizeof *no; i++)
		if (pdf_charset_latin(cs, no[i]))
			fail_msg("U+%04lX should not be in the single-byte fonts", no[i]);
	pdf_charset_free(cs);
}

/* A one-page document with the texts given, in the regular face. */
static struct ldoc *S_doc(const char *const *texts, size_t n)
{
	struct ldoc *d = calloc(1, sizeof *d);
	struct lpage *page = calloc(1, sizeof *page);
	struct lbox *boxes = calloc(n, sizeof *boxes);
	assert_true(d && page && boxes);
	for (size_t i = 0; i < n; i++)
		boxes[i] = (struct lbox){ .kind = LBOX_TEXT, .x = 72, .y = 72 + 20.0 * (double)i,
		                          .font = i % 2 ? LFONT_BOLD : LFONT_REGULAR, .size = 11,
		                          .text = texts[i], .len = strlen(texts[i]) };
	page->boxes = boxes;
	page->n = page->cap = n;
	*d = (struct ldoc){ .width = 595, .height = 842, .pages = page, .npages = 1, .cap = 1 };
	return d;
}

static void S_doc_free(struct ldoc *d)
{
	free(d->pages[0].boxes);
	free(d->pages);
	free(d);
}

/* Whether the n bytes at hay hold needle. */
static bool S_has(const unsigned char *hay, size_t n, const char *needle)
{
	size_t k = strlen(needle);
	for (size_t i = 0; i + k <= n; i++)
		if (memcmp(hay + i, needle, k) == 0)
			return true;
	return false;
}

static unsigned char *S_render(struct pdf_writer *w, const struct ldoc *d, size_t *len)
{
	struct pdf_info info = { .title = "T\xC3\xADtulo", .created = 1764000000 };
	unsigned char *bytes = NULL;
	char *err = NULL;
	if (!pdf_render(w, d, &info, &bytes, len, &err))
		fail_msg("pdf_render: %s", err);
	assert_true(*len > 1000 && memcmp(bytes, "%PDF-", 5) == 0);
	return bytes;
}

/* n distinct characters beyond ASCII, Cyrillic then Greek, as UTF-8 in
 * buf (big enough for 4 bytes each and a NUL). */
static const char *S_many(char *buf, size_t n)
{
	static const uint32_t from[] = { 0x0400, 0x0391, 0x03B1 };
	static const uint32_t count[] = { 96, 17, 25 };   /* 138: U+0400-045F, Α-Ρ, α-ω */
	size_t o = 0, done = 0;
	for (size_t r = 0; r < 3 && done < n; r++)
		for (uint32_t k = 0; k < count[r] && done < n; k++, done++)
			o += utf8_encode(from[r] + k, (unsigned char *)buf + o);
	assert_int_equal(done, n);
	buf[o] = '\0';
	return buf;
}

/* Which fonts a document gets: the latin ones for Latin text and the
 * marks (a character the fonts lack is drawn as U+FFFD, which they have);
 * with a Greek letter, fonts in an encoding of the document's own; with
 * more than PDF_OWN_CODES characters beyond ASCII, the UTF-8 fonts.  One
 * writer draws them all, in any order, and the same document twice gives
 * the same bytes. */
static void test_kind_of_font(void **state)
{
	(void)state;
	char *err = NULL, fits[4 * 140], over[4 * 140];
	struct pdf_writer *w = pdf_new(FONT_DIR, &err);
	assert_non_null(w);
	const char *latin[] = { "Caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D \xE2\x80\x94 \xE2\x82\xAC 5",
	                        "\xE2\x97\x8F\xE2\x97\x8F\xE2\x97\x8B\xE2\x97\x8C \xE2\x88\x92" "3 "
	                        "\xE2\x86\x90 \xE2\x86\x92 \xE4\xB8\xAD" };
	const char *greek[] = { "Caf\xC3\xA9", "\xCE\xB1" };
	/* Caf\xC3\xA9 brings \xC3\xA9: with it, exactly PDF_OWN_CODES fit, one more does not */
	const char *most[] = { "Caf\xC3\xA9", S_many(fits, PDF_OWN_CODES - 1) };
	const char *more[] = { "Caf\xC3\xA9", S_many(over, PDF_OWN_CODES) };
	struct ldoc *dl = S_doc(latin, 2), *dg = S_doc(greek, 2);
	struct ldoc *dm = S_doc(most, 2), *dx = S_doc(more, 2);
	size_t n1, n2, n3, n4, n5, n6;
	unsigned char *b1 = S_render(w, dl, &n1);
	unsigned char *b2 = S_render(w, dg, &n2);
	unsigned char *b5 = S_render(w, dx, &n5);
	unsigned char *b3 = S_render(w, dl, &n3);
	unsigned char *b4 = S_render(w, dg, &n4);
	unsigned char *b6 = S_render(w, dm, &n6);
	assert_true(S_has(b1, n1, "/Subtype /TrueType"));
	assert_true(S_has(b1, n1, "/BaseEncoding /WinAnsiEncoding"));
	assert_true(S_has(b1, n1, "/uni25CF"));
	assert_false(S_has(b1, n1, "/Type0"));
	/* its own encoding: \xC3\xA9 and \xCE\xB1 at the first two codes */
	assert_true(S_has(b2, n2, "/Subtype /TrueType"));
	assert_true(S_has(b2, n2, "/Differences [127 /uni00E9 128 /uni03B1 ]"));
	assert_false(S_has(b2, n2, "/Type0"));
	assert_true(S_has(b6, n6, "/Subtype /TrueType"));
	assert_true(S_has(b6, n6, "255 /uni03BF"));   /* the last, omicron, at 0xFF */
	assert_false(S_has(b6, n6, "/Type0"));
	assert_true(S_has(b5, n5, "/Subtype /Type0"));
	assert_true(S_has(b5, n5, "Identity-H"));
	assert_false(S_has(b5, n5, "WinAnsiEncoding"));
	assert_true(n1 == n3 && memcmp(b1, b3, n1) == 0);
	assert_true(n2 == n4 && memcmp(b2, b4, n2) == 0);
	/* Setting the UTF-8 fonts up beforehand changes nothing drawn. */
	assert_true(pdf_want_utf8(w, &err));
	size_t n7;
	unsigned char *b7 = S_render(w, dx, &n7);
	assert_true(n5 == n7 && memcmp(b5, b7, n5) == 0);
	unsigned char *bs[] = { b1, b2, b3, b4, b5, b6, b7 };
	for (size_t i = 0; i < sizeof bs / sizeof *bs; i++)
		free(bs[i]);
	struct ldoc *ds[] = { dl, dg, dm, dx };
	for (size_t i = 0; i < sizeof ds / sizeof *ds; i++)
		S_doc_free(ds[i]);
	pdf_free(w);
	assert_false(pdf_may_need_utf8(PDF_OWN_CODES - 32));
	assert_true(pdf_may_need_utf8(PDF_OWN_CODES - 31));
}

/* An image that is neither PNG nor JPEG is refused when added; a damaged
 * PNG fails the render with libharu's or libpng's reason, and the writer
 * goes on drawing. */
static void test_images(void **state)
{
	(void)state;
	char *err = NULL;
	struct pdf_writer *w = pdf_new(FONT_DIR, &err);
	assert_non_null(w);
	static const unsigned char gif[] = "GIF89a....";
	assert_false(pdf_image_add(w, "logo.gif", gif, sizeof gif, &err));
	assert_non_null(strstr(err, "logo.gif"));
	free(err);
	static const unsigned char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR broken";
	assert_true(pdf_image_add(w, "logo.png", png, sizeof png, &err));
	const char *texts[] = { "Logo" };
	struct ldoc *d = S_doc(texts, 1);
	d->pages[0].boxes[0] = (struct lbox){ .kind = LBOX_IMAGE, .x = 10, .y = 10, .w = 50,
	                                      .h = 50, .text = "logo.png" };
	struct pdf_info info = { .created = 0 };
	unsigned char *bytes = NULL;
	size_t len;
	assert_false(pdf_render(w, d, &info, &bytes, &len, &err));
	assert_non_null(err);
	assert_null(bytes);
	free(err);
	S_doc_free(d);
	pdf_free(w);
}

/* Without the single-byte subsets in its folder (a --font-dir with just
 * the two faces) the writer embeds the faces themselves: the same fonts,
 * only larger.  A damaged subset is passed over the same way. */
static void test_latin_faces_fallback(void **state)
{
	(void)state;
	char dir[] = "/tmp/test_pdf_XXXXXX";
	assert_non_null(mkdtemp(dir));
	char cwd[4096], from[4200], to[4200];
	assert_non_null(getcwd(cwd, sizeof cwd));
	const char *faces[] = { "DejaVuSans.ttf", "DejaVuSans-Bold.ttf" };
	for (size_t i = 0; i < 2; i++) {
		snprintf(from, sizeof from, "%s/" FONT_DIR "/%s", cwd, faces[i]);
		snprintf(to, sizeof to, "%s/%s", dir, faces[i]);
		assert_int_equal(symlink(from, to), 0);
	}
	snprintf(to, sizeof to, "%s/DejaVuSans-1252.ttf", dir);
	FILE *fp = fopen(to, "wb");   /* damaged: a header and nothing else */
	assert_non_null(fp);
	fputs("\x00\x01\x00\x00", fp);
	fclose(fp);
	const char *texts[] = { "Plain text", "\xE2\x97\x8F\xE2\x97\x8B" };
	struct ldoc *d = S_doc(texts, 2);
	char *err = NULL;
	struct pdf_writer *sub = pdf_new(FONT_DIR, &err), *whole = pdf_new(dir, &err);
	assert_non_null(sub);
	assert_non_null(whole);
	size_t n_sub, n_whole;
	unsigned char *b_sub = S_render(sub, d, &n_sub), *b_whole = S_render(whole, d, &n_whole);
	assert_true(S_has(b_whole, n_whole, "/Subtype /TrueType"));
	assert_false(S_has(b_whole, n_whole, "/Type0"));
	if (n_whole < n_sub + 4000)   /* the whole faces' tables */
		fail_msg("%zu bytes with the faces, %zu with the subsets", n_whole, n_sub);
	free(b_sub);
	free(b_whole);
	pdf_free(sub);
	pdf_free(whole);
	S_doc_free(d);
	unlink(to);
	for (size_t i = 0; i < 2; i++) {
		snprintf(to, sizeof to, "%s/%s", dir, faces[i]);
		unlink(to);
	}
	rmdir(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_widths_are_libharus),
		cmocka_unit_test(test_latin_coverage),
		cmocka_unit_test(test_kind_of_font),
		cmocka_unit_test(test_images),
		cmocka_unit_test(test_latin_faces_fallback),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
