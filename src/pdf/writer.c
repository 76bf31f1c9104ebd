/* writer.c - the display list drawn with libharu 2.3.0 (see shared LIBHARU.md).
 *
 * A report is drawn with the first of three kinds of font that encodes all
 * of its text (S_kind):
 *  - latin: single-byte fonts in the latin encoding (windows-1252 and the
 *    marks), from the faces cut down to it; set up at once, and cheap;
 *  - its own: single-byte fonts in an encoding made for the report, whose
 *    codes 0x7F-0xFF stand for the characters beyond ASCII it draws (up to
 *    129 of them: any language the faces draw, Greek or Cyrillic say), from
 *    the whole faces; set up for each report, and still cheap;
 *  - UTF-8: libharu's CID fonts, for a report with more characters than
 *    that; set up when first needed, which costs as much as a report.
 * fonts.c makes the encodings and reads the faces. */
#include <math.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "oom.h"
#include "pdf_int.h"
#include "utf8.h"
#include "xstr.h"

/* DejaVu Sans has no italic in fonts-dejavu-core; italics are the regular
 * face slanted by this shear. */
#define ITALIC_SHEAR 0.2

/* A prepared document and its fonts. */
struct face_set {
	HPDF_Doc pdf;   /* NULL until set up */
	HPDF_Font font[LFONT_COUNT];
};

/* The kinds of font, as above; a set of each. */
enum { SET_LATIN, SET_OWN, SET_UTF8, SETS };

/* The most characters beyond ASCII a report's own encoding holds. */
#define S_OWN_MAX PDF_OWN_CODES

/* An image to draw (pdf_image_add), loaded into a set's document when a
 * report drawn there needs it. */
struct pdf_image {
	char *key;
	const unsigned char *data;   /* the caller's */
	size_t len;
	HPDF_Image image[SETS];
};

struct pdf_writer {
	char *font_dir;
	char *latin_path[PDF_FACES];   /* the faces of the single-byte fonts */
	struct pdf_charset *charset;
	struct face_set set[SETS];
	struct pdf_image *images;
	size_t nimages;
	char *scratch;            /* text with replacement marks, see S_clean */
	size_t scratch_cap;
	char *bytes;              /* text in a single-byte encoding, see S_single */
	size_t bytes_cap;
	uint16_t own[256];        /* the report's own encoding: code -> character */
	unsigned char *own_code;  /* [65536]: character -> code, 0 for none */
	unsigned char *px, *rgb, *mask;   /* an image being loaded */
	double ascent;            /* of the measurer */
	jmp_buf jmp;
	bool armed;               /* jmp is a live frame: see S_on_error */
	HPDF_STATUS error, detail;
};

/* libharu reports errors here.  Each function that calls libharu arms a
 * setjmp around its calls and this jumps back to it.  A jump to a frame
 * that has returned would crash, so without one the error is only
 * recorded and the call returns libharu's failure value. */
static void S_on_error(HPDF_STATUS error, HPDF_STATUS detail, void *data)
{
	struct pdf_writer *w = data;
	w->error = error;
	w->detail = detail;
	if (w->armed)
		longjmp(w->jmp, 1);
}

static char *S_libharu(const struct pdf_writer *w, const char *doing)
{
	return xstr_printf("libharu error 0x%04lX (detail %lu) while %s",
	                   (unsigned long)w->error, (unsigned long)w->detail, doing);
}

/* libharu refuses a string of more than 65,535 bytes (HPDF_LIMIT_MAX_STRING_LEN)
 * in a width, a text or an info value.  Text is drawn in pieces of at most
 * this many bytes, which S_clean can triple. */
#define S_PIECE 16384

/* The length of the first piece of the n bytes at s: at most S_PIECE,
 * cut before a UTF-8 continuation byte. */
static size_t S_piece(const char *s, size_t n)
{
	if (n <= S_PIECE)
		return n;
	size_t cut = S_PIECE;
	while (cut > S_PIECE - 3 && ((unsigned char)s[cut] & 0xC0) == 0x80)
		cut--;
	return cut;
}

/* ---- text --------------------------------------------------------------------- */

/* Decodes one character at s (n bytes left); a stray byte is U+FFFD.  Lax:
 * only what the fonts lack is replaced, and an overlong form or a
 * surrogate is never in them, so it goes the same way as one character. */
static unsigned long S_utf8(const unsigned char *s, size_t n, size_t *len)
{
	uint32_t cp;
	size_t l = utf8_decode(s, n, UTF8_LAX, &cp);
	*len = l > 0 ? l : 1;
	return cp;
}

/* Whether the byte is printable ASCII, which every face draws. */
static bool S_plain(unsigned char b)
{
	return b >= 0x20 && b < 0x7F;
}

/* The code point the fonts draw for the character at s: itself, or
 * U+FFFD for one they lack (a control character among them). */
static unsigned long S_drawn(const struct pdf_charset *cs, const unsigned char *s, size_t n,
                             size_t *len)
{
	if (S_plain(s[0])) {
		*len = 1;
		return s[0];
	}
	unsigned long cp = S_utf8(s, n, len);
	return pdf_charset_has(cs, cp) ? cp : 0xFFFD;
}

/* Grows *buf to hold at least need bytes. */
static void S_reserve(char **buf, size_t *cap, size_t need)
{
	if (*cap >= need)
		return;
	*cap = need;
	free(*buf);
	*buf = malloc(need);
	if (*buf == NULL)
		oom_abort();
}

/* text, or a copy in the writer's scratch buffer (NUL-terminated, valid
 * until the next call) in which every character the fonts lack is U+FFFD,
 * so that what is measured is what is drawn. */
static const char *S_clean(struct pdf_writer *w, const char *text, size_t *len)
{
	const unsigned char *s = (const unsigned char *)text;
	size_t n = *len, i = 0, l;
	while (i < n && (S_plain(s[i]) || (s[i] >= 0x80 &&
	                 pdf_charset_has(w->charset, S_utf8(s + i, n - i, &l)))))
		i += S_plain(s[i]) ? 1 : l;
	if (i == n && text[n] == '\0')
		return text;
	S_reserve(&w->scratch, &w->scratch_cap, 3 * n + 1);
	size_t o = 0;
	for (i = 0; i < n; i += l) {
		unsigned long cp = S_drawn(w->charset, s + i, n - i, &l);
		if (cp == 0xFFFD && !(l == 3 && memcmp(s + i, "\xEF\xBF\xBD", 3) == 0)) {
			memcpy(w->scratch + o, "\xEF\xBF\xBD", 3);
			o += 3;
		} else {
			memcpy(w->scratch + o, s + i, l);
			o += l;
		}
	}
	w->scratch[o] = '\0';
	*len = o;
	return w->scratch;
}

/* The n bytes of UTF-8 at text in the single-byte encoding of set k, in
 * the writer's byte buffer (NUL-terminated, valid until the next call);
 * every character has a code there (S_kind). */
static const char *S_single(struct pdf_writer *w, size_t k, const char *text, size_t n)
{
	const unsigned char *s = (const unsigned char *)text;
	const unsigned char *code = k == SET_LATIN ? w->charset->latin : w->own_code;
	S_reserve(&w->bytes, &w->bytes_cap, n + 1);
	size_t o = 0;
	for (size_t i = 0, l; i < n; i += l) {
		unsigned long cp = S_drawn(w->charset, s + i, n - i, &l);
		w->bytes[o++] = (char)(cp < 0x80 ? cp : code[cp]);
	}
	w->bytes[o] = '\0';
	return w->bytes;
}

/* The kind of font d needs (after the replacements S_clean makes): the
 * latin fonts when they encode every character, else the report's own
 * encoding when it has few enough (made here, w->own and w->own_code:
 * codes from 0x7F in the order the report first draws each character),
 * else UTF-8. */
static size_t S_kind(struct pdf_writer *w, const struct ldoc *d)
{
	bool latin = true;
	size_t n = 0;
	uint16_t chars[S_OWN_MAX + 1];
	uint32_t seen[65536 / 32] = { 0 };   /* the characters met so far */
	for (size_t p = 0; p < d->npages; p++)
		for (size_t b = 0; b < d->pages[p].n; b++) {
			const struct lbox *box = &d->pages[p].boxes[b];
			const unsigned char *s = (const unsigned char *)box->text;
			for (size_t i = 0, l = 1; box->kind == LBOX_TEXT && i < box->len; i += l) {
				if (S_plain(s[i])) {
					l = 1;
					continue;
				}
				unsigned long cp = S_drawn(w->charset, s + i, box->len - i, &l);
				latin = latin && pdf_charset_latin(w->charset, cp);
				if (seen[cp / 32] >> (cp % 32) & 1)
					continue;
				seen[cp / 32] |= UINT32_C(1) << (cp % 32);
				if (n <= S_OWN_MAX)
					chars[n] = (uint16_t)cp;
				n++;
			}
		}
	if (latin)
		return SET_LATIN;
	if (n > S_OWN_MAX)
		return SET_UTF8;
	for (unsigned code = 0x7F; code <= 0xFF; code++)
		w->own_code[w->own[code]] = 0;
	memset(w->own, 0, sizeof w->own);
	for (unsigned code = 0x20; code < 0x7F; code++)
		w->own[code] = (uint16_t)code;
	for (size_t i = 0; i < n; i++) {
		w->own[0x7F + i] = chars[i];
		w->own_code[chars[i]] = (unsigned char)(0x7F + i);
	}
	return SET_OWN;
}

/* ---- measuring ---------------------------------------------------------------- */

/* The faces' own widths (fonts.c), which are libharu's: the same for both
 * kinds of font, so measuring needs neither. */
static double S_width(void *ctx, enum lfont font, double size, const char *text,
                      size_t len)
{
	const struct pdf_charset *cs = ctx;
	const uint16_t *width = cs->width[font == LFONT_BOLD ? 1 : 0];
	const unsigned char *s = (const unsigned char *)text;
	unsigned long total = 0;   /* in thousandths of the size, as libharu counts */
	for (size_t i = 0, l; i < len; i += l)
		total += width[S_drawn(cs, s + i, len - i, &l)];
	return total * size / 1000.0;
}

/* ---- setting up ---------------------------------------------------------------- */

/* Prepares set k: a document with the faces from the writer's folder in
 * that kind of font (for SET_OWN, the encoding S_kind made).  false with
 * *err on failure. */
static bool S_setup(struct pdf_writer *w, size_t k, char **err)
{
	struct face_set *set = &w->set[k];
	char *volatile path = NULL;
	set->pdf = HPDF_New(S_on_error, w);
	if (set->pdf == NULL) {
		*err = xstr_printf("cannot create a PDF document");
		return false;
	}
	if (setjmp(w->jmp)) {
		w->armed = false;
		char *what = xstr_printf("loading fonts from %s", w->font_dir);
		*err = S_libharu(w, what);
		free(what);
		free(path);
		HPDF_Free(set->pdf);
		set->pdf = NULL;
		return false;
	}
	w->armed = true;
	HPDF_Doc pdf = set->pdf;
	/* Compression before fonts, or the fonts stay uncompressed.  The UTF-8
	 * encoder also converts the outline titles and info strings that
	 * PDFDocEncoding lacks (S_text_string). */
	HPDF_SetCompressionMode(pdf, HPDF_COMP_ALL);
	HPDF_UseUTFEncodings(pdf);
	uint16_t latin[256];
	pdf_latin_map(latin);
	const char *encoding = k == SET_LATIN ? pdf_encoder(pdf, "VerdictLatin", latin)
	                     : k == SET_OWN   ? pdf_encoder(pdf, "VerdictOwn", w->own)
	                                      : "UTF-8";
	for (size_t i = 0; i < PDF_FACES; i++) {
		path = k == SET_LATIN ? xstr_printf("%s", w->latin_path[i])
		                      : xstr_printf("%s/%s", w->font_dir, pdf_faces[i]);
		const char *name = HPDF_LoadTTFontFromFile(pdf, path, HPDF_TRUE);
		set->font[i == 0 ? LFONT_REGULAR : LFONT_BOLD] = HPDF_GetFont(pdf, name, encoding);
		free(path);
		path = NULL;
	}
	/* Internal calls report through their result, not the handler: pass
	 * a failure on to it, which jumps back above. */
	HPDF_STATUS st = HPDF_OK;
	if (k != SET_UTF8)
		st = pdf_single_tounicode(pdf, set->font, PDF_FACES);
	for (size_t i = 0; i < PDF_FACES && k == SET_UTF8 && st == HPDF_OK; i++)
		st = pdf_utf8_tounicode(set->font[i], w->charset);
	if (st != HPDF_OK)
		S_on_error(st, 0, w);
	set->font[LFONT_ITALIC] = set->font[LFONT_REGULAR];
	w->armed = false;
	return true;
}

static void S_drop(struct pdf_writer *w, size_t k)
{
	HPDF_Free(w->set[k].pdf);
	w->set[k].pdf = NULL;
	for (size_t i = 0; i < w->nimages; i++)
		w->images[i].image[k] = NULL;
}

struct pdf_writer *pdf_new(const char *font_dir, char **err)
{
	*err = NULL;
	/* Fail early with a clear message rather than through libharu's codes. */
	for (size_t i = 0; i < PDF_FACES; i++) {
		char *p = xstr_printf("%s/%s", font_dir, pdf_faces[i]);
		FILE *fp = fopen(p, "rb");
		if (fp == NULL) {
			*err = xstr_printf("missing font %s (run make install, or pass --font-dir)", p);
			free(p);
			return NULL;
		}
		fclose(fp);
		free(p);
	}
	struct pdf_charset *cs = pdf_charset_load(font_dir, err);
	if (cs == NULL)
		return NULL;
	struct pdf_writer *w = calloc(1, sizeof *w);
	if (w == NULL)
		oom_abort();
	w->font_dir = xstr_printf("%s", font_dir);
	w->charset = cs;
	/* The single-byte subsets when font_dir has them and they fit the
	 * faces (a --font-dir may hold just the two faces), else the faces. */
	for (size_t i = 0; i < PDF_FACES; i++) {
		w->latin_path[i] = xstr_printf("%s/%s", font_dir, pdf_latin_faces[i]);
		if (!pdf_latin_face_ok(w->latin_path[i], cs, i)) {
			free(w->latin_path[i]);
			w->latin_path[i] = xstr_printf("%s/%s", font_dir, pdf_faces[i]);
		}
	}
	w->own_code = calloc(65536, 1);
	if (w->own_code == NULL)
		oom_abort();
	if (!S_setup(w, SET_LATIN, err)) {
		pdf_free(w);
		return NULL;
	}
	/* The ascent comes from the regular face (every face the reports use
	 * shares it), rounded to a hundredth of the size: DejaVu Sans's
	 * 928/1000 puts baselines at 0.93 of the size, where they have always
	 * been. */
	HPDF_Font regular = w->set[SET_LATIN].font[LFONT_REGULAR];
	w->ascent = round(HPDF_Font_GetAscent(regular) / 10.0) / 100.0;
	return w;
}

bool pdf_may_need_utf8(size_t chars)
{
	return chars + 32 > S_OWN_MAX;
}

bool pdf_want_utf8(struct pdf_writer *w, char **err)
{
	*err = NULL;
	return w->set[SET_UTF8].pdf != NULL || S_setup(w, SET_UTF8, err);
}

void pdf_free(struct pdf_writer *w)
{
	if (w == NULL)
		return;
	for (size_t k = 0; k < SETS; k++)
		HPDF_Free(w->set[k].pdf);
	for (size_t i = 0; i < w->nimages; i++)
		free(w->images[i].key);
	free(w->images);
	free(w->scratch);
	free(w->bytes);
	free(w->own_code);
	free(w->font_dir);
	for (size_t i = 0; i < PDF_FACES; i++)
		free(w->latin_path[i]);
	pdf_charset_free(w->charset);
	free(w);
}

struct measurer pdf_measurer(struct pdf_writer *w)
{
	return (struct measurer){ S_width, w->charset, w->ascent };
}

/* ---- images ---------------------------------------------------------------------- */

bool pdf_image_add(struct pdf_writer *w, const char *key, const unsigned char *buf,
                   size_t len, char **err)
{
	*err = NULL;
	for (size_t i = 0; i < w->nimages; i++)
		if (strcmp(w->images[i].key, key) == 0)
			return true;
	if (!pdf_is_png(buf, len) && !pdf_is_jpeg(buf, len)) {
		*err = xstr_printf("%s is not a PNG or JPEG image", key);
		return false;
	}
	struct pdf_image *im = realloc(w->images, (w->nimages + 1) * sizeof *im);
	if (im == NULL)
		oom_abort();
	w->images = im;
	im[w->nimages++] = (struct pdf_image){ .key = xstr_printf("%s", key), .data = buf,
	                                       .len = len };
	return true;
}

/* Loads decoded PNG pixels (w->px): RGB, with the alpha channel as a soft
 * mask when any pixel is not opaque.  The buffers stay in w, which frees
 * them even when libharu jumps out. */
static HPDF_Image S_png_image(struct pdf_writer *w, HPDF_Doc pdf, unsigned wd, unsigned ht,
                              bool alpha)
{
	size_t n = (size_t)wd * ht;
	if (!alpha)
		return HPDF_LoadRawImageFromMem(pdf, w->px, wd, ht, HPDF_CS_DEVICE_RGB, 8);
	w->rgb = malloc(3 * n);
	w->mask = malloc(n);
	if (w->rgb == NULL || w->mask == NULL)
		oom_abort();
	bool opaque = true;
	for (size_t i = 0; i < n; i++) {
		memcpy(w->rgb + 3 * i, w->px + 4 * i, 3);
		w->mask[i] = w->px[4 * i + 3];
		opaque = opaque && w->px[4 * i + 3] == 255;
	}
	HPDF_Image img = HPDF_LoadRawImageFromMem(pdf, w->rgb, wd, ht, HPDF_CS_DEVICE_RGB, 8);
	if (!opaque)
		HPDF_Image_AddSMask(img, HPDF_LoadRawImageFromMem(pdf, w->mask, wd, ht,
		                                                  HPDF_CS_DEVICE_GRAY, 8));
	return img;
}

static void S_free_pixels(struct pdf_writer *w)
{
	free(w->px);
	free(w->rgb);
	free(w->mask);
	w->px = w->rgb = w->mask = NULL;
}

/* Loads image im into set k's document.  false with *err on failure. */
static bool S_image_load(struct pdf_writer *w, size_t k, struct pdf_image *im, char **err)
{
	if (setjmp(w->jmp)) {
		w->armed = false;
		char *what = xstr_printf("loading the image %s", im->key);
		*err = S_libharu(w, what);
		free(what);
		S_free_pixels(w);
		return false;
	}
	w->armed = true;
	HPDF_Doc pdf = w->set[k].pdf;
	HPDF_Image img = NULL;
	unsigned wd, ht;
	bool alpha;
	if (pdf_is_png(im->data, im->len)) {
		if (pdf_png_decode(im->data, im->len, &w->px, &wd, &ht, &alpha, err))
			img = S_png_image(w, pdf, wd, ht, alpha);
	} else if (pdf_jpeg_size(im->data, im->len, &wd, &ht, err)) {
		img = HPDF_LoadJpegImageFromMem(pdf, im->data, (HPDF_UINT)im->len);
	}
	w->armed = false;
	S_free_pixels(w);
	im->image[k] = img;
	return img != NULL;
}

static HPDF_Image S_find_image(const struct pdf_writer *w, size_t k, const char *key)
{
	for (size_t i = 0; i < w->nimages; i++)
		if (strcmp(w->images[i].key, key) == 0)
			return w->images[i].image[k];
	return NULL;
}

/* ---- drawing ------------------------------------------------------------------------ */

/* What a page's content stream has set so far: each libharu operator
 * call costs a 512-byte clear of its own, so a setting is written only
 * when it changes.  A page starts with nothing set. */
struct pen {
	HPDF_Font font;
	HPDF_REAL size, line_width;
	HPDF_REAL fill[3], stroke[3];
	bool has_font, has_fill, has_stroke, has_line_width;
};

static void S_color(HPDF_Page page, struct pen *pen, struct lcolor c, bool fill)
{
	HPDF_REAL rgb[3] = { (HPDF_REAL)c.r, (HPDF_REAL)c.g, (HPDF_REAL)c.b };
	HPDF_REAL *now = fill ? pen->fill : pen->stroke;
	bool *has = fill ? &pen->has_fill : &pen->has_stroke;
	if (*has && memcmp(now, rgb, sizeof rgb) == 0)
		return;
	if (fill)
		HPDF_Page_SetRGBFill(page, rgb[0], rgb[1], rgb[2]);
	else
		HPDF_Page_SetRGBStroke(page, rgb[0], rgb[1], rgb[2]);
	memcpy(now, rgb, sizeof rgb);
	*has = true;
}

static void S_line_width(HPDF_Page page, struct pen *pen, double width)
{
	HPDF_REAL lw = (HPDF_REAL)width;
	if (pen->has_line_width && pen->line_width == lw)
		return;
	HPDF_Page_SetLineWidth(page, lw);
	pen->line_width = lw;
	pen->has_line_width = true;
}

static void S_font(HPDF_Page page, struct pen *pen, HPDF_Font font, double size)
{
	HPDF_REAL sz = (HPDF_REAL)size;
	if (pen->has_font && pen->font == font && pen->size == sz)
		return;
	HPDF_Page_SetFontAndSize(page, font, sz);
	pen->font = font;
	pen->size = sz;
	pen->has_font = true;
}

static void S_box(struct pdf_writer *w, size_t k, HPDF_Page page, struct pen *pen,
                  const struct lbox *b, double height)
{
	const struct face_set *set = &w->set[k];
	switch (b->kind) {
	case LBOX_TEXT: {
		size_t len = b->len;
		S_font(page, pen, set->font[b->font], b->size);
		S_color(page, pen, b->color, true);
		HPDF_Page_SetTextMatrix(page, 1, 0, b->font == LFONT_ITALIC ? ITALIC_SHEAR : 0,
		                        1, (HPDF_REAL)b->x, (HPDF_REAL)(height - b->y));
		for (size_t at = 0, n; at < len; at += n) {
			n = S_piece(b->text + at, len - at);
			size_t clean_len = n;
			const char *t = S_clean(w, b->text + at, &clean_len);
			HPDF_Page_ShowText(page, k != SET_UTF8 ? S_single(w, k, t, clean_len) : t);
		}
		break;
	}
	case LBOX_RECT:
		S_color(page, pen, b->color, b->fill);
		if (!b->fill)
			S_line_width(page, pen, b->size);
		HPDF_Page_Rectangle(page, (HPDF_REAL)b->x, (HPDF_REAL)(height - b->y - b->h),
		                    (HPDF_REAL)b->w, (HPDF_REAL)b->h);
		if (b->fill)
			HPDF_Page_Fill(page);
		else
			HPDF_Page_Stroke(page);
		break;
	case LBOX_LINE:
		S_color(page, pen, b->color, false);
		S_line_width(page, pen, b->size);
		HPDF_Page_MoveTo(page, (HPDF_REAL)b->x, (HPDF_REAL)(height - b->y));
		HPDF_Page_LineTo(page, (HPDF_REAL)(b->x + b->w), (HPDF_REAL)(height - b->y - b->h));
		HPDF_Page_Stroke(page);
		break;
	case LBOX_LINK: {
		HPDF_Rect r = { (HPDF_REAL)b->x, (HPDF_REAL)(height - b->y - b->h),
		                (HPDF_REAL)(b->x + b->w), (HPDF_REAL)(height - b->y) };
		HPDF_Annotation a = HPDF_Page_CreateURILinkAnnot(page, r, b->text);
		HPDF_LinkAnnot_SetBorderStyle(a, 0, 0, 0);
		break;
	}
	case LBOX_IMAGE: {
		HPDF_Image img = S_find_image(w, k, b->text);
		if (img != NULL)
			HPDF_Page_DrawImage(page, img, (HPDF_REAL)b->x, (HPDF_REAL)(height - b->y - b->h),
			                    (HPDF_REAL)b->w, (HPDF_REAL)b->h);
		break;
	}
	}
}

/* Draws one page's boxes; consecutive texts share one BT/ET block. */
static void S_page(struct pdf_writer *w, size_t k, HPDF_Page page, const struct lpage *p,
                   double height)
{
	bool in_text = false;
	struct pen pen = { .has_font = false };
	for (size_t i = 0; i < p->n; i++) {
		bool text = p->boxes[i].kind == LBOX_TEXT;
		if (text != in_text) {
			if (text)
				HPDF_Page_BeginText(page);
			else
				HPDF_Page_EndText(page);
			in_text = text;
		}
		S_box(w, k, page, &pen, &p->boxes[i], height);
	}
	if (in_text)
		HPDF_Page_EndText(page);
}

/* value with the same replacements as the text, in one piece that libharu
 * takes as a string: a longer one (an outline entry or an info value; the
 * page shows it whole) is cut at a character and ends with an ellipsis.
 * The result is value, the scratch buffer or *copy (the caller frees). */
static const char *S_string(struct pdf_writer *w, const char *value, char **copy)
{
	size_t len = strlen(value);
	*copy = NULL;
	if (len <= S_PIECE)
		return S_clean(w, value, &len);
	len = S_piece(value, len);
	const char *t = S_clean(w, value, &len);
	*copy = xstr_printf("%.*s\xE2\x80\xA6", (int)len, t);
	return *copy;
}

/* PDFDocEncoding (ISO 32000-1, D.2) from 0x80 to 0xA0; 0 where it has
 * no character.  Above, it is Latin-1 but for 0xAD. */
static const uint16_t S_pdfdoc[33] = {
	0x2022, 0x2020, 0x2021, 0x2026, 0x2014, 0x2013, 0x0192, 0x2044, 0x2039, 0x203A, 0x2212,
	0x2030, 0x201E, 0x201C, 0x201D, 0x2018, 0x2019, 0x201A, 0x2122, 0xFB01, 0xFB02, 0x0141,
	0x0152, 0x0160, 0x0178, 0x017D, 0x0131, 0x0142, 0x0153, 0x0161, 0x017E, 0, 0x20AC,
};

/* The text string in PDFDocEncoding (malloc'd), or NULL when a character
 * has no code there (or it would start like UTF-16's mark): such strings
 * go through libharu's UTF-8 encoder, whose set-up costs more than the
 * rest of a document's strings. */
static char *S_pdfdoc_string(const char *text)
{
	const unsigned char *s = (const unsigned char *)text;
	size_t n = strlen(text), o = 0;
	char *out = malloc(n + 1);
	if (out == NULL)
		oom_abort();
	for (size_t i = 0, l; i < n; i += l) {
		uint32_t cp;
		l = utf8_decode(s + i, n - i, UTF8_LAX, &cp);
		l = l ? l : 1;
		int b = -1;
		if ((cp >= 0x20 && cp < 0x7F) || (cp >= 0xA1 && cp <= 0xFF && cp != 0xAD))
			b = (int)cp;
		for (int k = 0; k < 33 && b < 0; k++)
			if (S_pdfdoc[k] != 0 && S_pdfdoc[k] == cp)
				b = 0x80 + k;
		if (b < 0) {
			free(out);
			return NULL;
		}
		out[o++] = (char)b;
	}
	out[o] = '\0';
	if (o >= 2 && (unsigned char)out[0] == 0xFE && (unsigned char)out[1] == 0xFF) {
		free(out);
		return NULL;
	}
	return out;
}

/* A text string for libharu: in PDFDocEncoding when it fits (*enc NULL),
 * else UTF-8 with *enc the UTF-8 encoder.  The caller frees *copy. */
static const char *S_text_string(struct pdf_writer *w, HPDF_Doc pdf, const char *value,
                                 HPDF_Encoder *enc, char **copy)
{
	char *utf8;
	const char *t = S_string(w, value, &utf8);
	*copy = S_pdfdoc_string(t);
	*enc = NULL;
	if (*copy != NULL) {
		free(utf8);
		return *copy;
	}
	*enc = HPDF_GetEncoder(pdf, "UTF-8");
	*copy = utf8;
	return t;
}

static void S_info(struct pdf_writer *w, HPDF_Doc pdf, const struct pdf_info *info)
{
	const HPDF_InfoType type[] = { HPDF_INFO_TITLE, HPDF_INFO_AUTHOR, HPDF_INFO_SUBJECT,
	                               HPDF_INFO_CREATOR };
	const char *value[] = { info->title, info->author, info->subject, info->creator };
	/* libharu encodes every info string with the document's current
	 * encoder: PDFDocEncoding (none) when all of them fit it */
	bool utf8 = false;
	for (size_t i = 0; i < 4; i++) {
		HPDF_Encoder enc = NULL;
		char *copy = NULL;
		if (value[i] != NULL)
			S_text_string(w, pdf, value[i], &enc, &copy);
		utf8 = utf8 || enc != NULL;
		free(copy);
	}
	if (utf8)
		HPDF_SetCurrentEncoder(pdf, "UTF-8");
	for (size_t i = 0; i < 4; i++) {
		if (value[i] == NULL)
			continue;
		HPDF_Encoder enc;
		char *copy, *plain = NULL;
		const char *t = utf8 ? S_string(w, value[i], &plain)
		                     : S_text_string(w, pdf, value[i], &enc, &copy);
		HPDF_SetInfoAttr(pdf, type[i], t);
		free(utf8 ? plain : copy);
	}
	struct tm tm;
	gmtime_r(&info->created, &tm);
	/* '+' with zero offsets, not 'Z': see LIBHARU.md. */
	HPDF_Date d = { tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
	                tm.tm_min, tm.tm_sec, '+', 0, 0 };
	HPDF_SetInfoDateAttr(pdf, HPDF_INFO_CREATION_DATE, d);
	HPDF_SetInfoDateAttr(pdf, HPDF_INFO_MOD_DATE, d);
}

/* The outline: levels nest under the latest entry of the level above. */
static void S_outline(struct pdf_writer *w, HPDF_Doc pdf, const struct ldoc *d,
                      const HPDF_Page *pages, HPDF_Outline *parents)
{
	for (size_t i = 0; i < d->noutline; i++) {
		const struct loutline *o = &d->outline[i];
		int lv = o->level < 0 ? 0 : o->level > 3 ? 3 : o->level;
		while (lv > 0 && parents[lv - 1] == NULL)
			lv--;
		HPDF_Outline parent = lv > 0 ? parents[lv - 1] : NULL;
		HPDF_Encoder enc;
		char *copy;
		const char *title = S_text_string(w, pdf, o->title, &enc, &copy);
		HPDF_Outline ol = HPDF_CreateOutline(pdf, parent, title, enc);
		free(copy);
		HPDF_Destination dst = HPDF_Page_CreateDestination(pages[o->page]);
		/* libharu refuses XYZ with a null zoom; FitH keeps the reader's width. */
		HPDF_Destination_SetFitH(dst, (HPDF_REAL)(d->height - o->y + 4));
		HPDF_Outline_SetDestination(ol, dst);
		HPDF_Outline_SetOpened(ol, lv == 0 ? HPDF_TRUE : HPDF_FALSE);
		parents[lv] = ol;
		for (int k = lv + 1; k < 4; k++)
			parents[k] = NULL;
	}
}

/* Loads the images d draws that set k's document lacks, in the order d
 * first draws them (so that a report's bytes do not depend on the reports
 * drawn before it); false with *err on failure. */
static bool S_images(struct pdf_writer *w, size_t k, const struct ldoc *d, char **err)
{
	for (size_t p = 0; p < d->npages; p++)
		for (size_t b = 0; b < d->pages[p].n; b++) {
			const struct lbox *box = &d->pages[p].boxes[b];
			if (box->kind != LBOX_IMAGE)
				continue;
			for (size_t i = 0; i < w->nimages; i++) {
				struct pdf_image *im = &w->images[i];
				if (strcmp(im->key, box->text) == 0 && im->image[k] == NULL &&
				    !S_image_load(w, k, im, err))
					return false;
			}
		}
	return true;
}

bool pdf_render(struct pdf_writer *w, const struct ldoc *d,
                const struct pdf_info *info, unsigned char **bytes,
                size_t *len, char **err)
{
	*bytes = NULL;
	*err = NULL;
	size_t k = S_kind(w, d);
	if (k == SET_OWN && w->set[k].pdf != NULL)   /* set up for another encoding */
		S_drop(w, k);
	if (w->set[k].pdf == NULL && !S_setup(w, k, err))
		return false;
	if (!S_images(w, k, d, err))
		return false;
	HPDF_Doc pdf = w->set[k].pdf;
	HPDF_Page *volatile pages = calloc(d->npages ? d->npages : 1, sizeof *pages);
	HPDF_Outline *volatile parents = calloc(4, sizeof *parents);
	unsigned char *volatile buf = NULL;
	if (pages == NULL || parents == NULL)
		oom_abort();
	if (setjmp(w->jmp)) {
		w->armed = false;
		*err = S_libharu(w, "writing the PDF");
		free(pages);
		free(parents);
		free(buf);
		S_drop(w, k);
		return false;
	}
	w->armed = true;
	HPDF_SetPageMode(pdf, d->noutline ? HPDF_PAGE_MODE_USE_OUTLINE : HPDF_PAGE_MODE_USE_NONE);
	for (size_t i = 0; i < d->npages; i++) {
		pages[i] = HPDF_AddPage(pdf);
		HPDF_Page_SetWidth(pages[i], (HPDF_REAL)d->width);
		HPDF_Page_SetHeight(pages[i], (HPDF_REAL)d->height);
		S_page(w, k, pages[i], &d->pages[i], d->height);
	}
	S_outline(w, pdf, d, pages, parents);
	S_info(w, pdf, info);
	HPDF_SaveToStream(pdf);
	HPDF_UINT32 size = HPDF_GetStreamSize(pdf);
	buf = malloc(size ? size : 1);
	if (buf == NULL)
		oom_abort();
	HPDF_UINT32 got = size;
	HPDF_ReadFromStream(pdf, buf, &got);
	w->armed = false;
	*bytes = buf;
	*len = got;
	free(pages);
	free(parents);
	/* The document has its pages now: the next report gets a fresh one. */
	S_drop(w, k);
	return true;
}
