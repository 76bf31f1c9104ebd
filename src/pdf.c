/* pdf.c - the display list drawn with libharu 2.3.0 (see shared LIBHARU.md). */
#include "pdf.h"

#include <fcntl.h>
#include <hpdf.h>
#include <math.h>
#include <png.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fsutil.h"
#include "oom.h"
#include "utf8.h"
#include "xstr.h"

/* DejaVu Sans has no italic in fonts-dejavu-core; italics are the regular
 * face slanted by this shear. */
#define ITALIC_SHEAR 0.2

#define FONT_MAX_BYTES (16u << 20)
#define IMAGE_MAX_SIDE 8192u
#define IMAGE_MAX_PIXELS (16u << 20)

static const char *const S_faces[] = { "DejaVuSans.ttf", "DejaVuSans-Bold.ttf" };

struct pdf_charset {
	unsigned char bits[65536 / 8];
};

struct pdf_image {
	char *key;
	HPDF_Image image;
};

struct pdf_writer {
	HPDF_Doc pdf;
	HPDF_Font font[LFONT_COUNT];
	struct pdf_charset *charset;
	struct pdf_image *images;
	size_t nimages;
	char *scratch;            /* text with replacement marks, see S_clean */
	size_t scratch_cap;
	jmp_buf jmp;
	bool armed;               /* jmp is a live frame: see S_on_error */
	HPDF_STATUS error, detail;
};

/* libharu reports errors here.  pdf_new, pdf_image_add and pdf_render arm
 * a setjmp around their calls and this jumps back to it.  Measuring runs
 * later, from the layout, when no such frame is alive: then the error is
 * only recorded, the call returns libharu's failure value, and pdf_render
 * refuses to write the document.  A jump to a frame that has returned
 * would crash. */
static void S_on_error(HPDF_STATUS error, HPDF_STATUS detail, void *data)
{
	struct pdf_writer *w = data;
	w->error = error;
	w->detail = detail;
	if (w->armed)
		longjmp(w->jmp, 1);
}

/* libharu refuses a string of more than 65,535 bytes (HPDF_LIMIT_MAX_STRING_LEN)
 * in a width, a text or an info value.  Text is measured and drawn in
 * pieces of at most this many bytes, which S_clean can triple. */
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

static char *S_join(const char *dir, const char *file)
{
	return xstr_printf("%s/%s", dir, file);
}

/* Reads a whole file of at most max bytes; false with *err otherwise. */
static bool S_slurp(const char *path, size_t max, unsigned char **buf, size_t *len,
                    char **err)
{
	*buf = NULL;
	int fd = open(path, O_RDONLY | O_CLOEXEC), errnum;
	if (fd < 0) {
		*err = xstr_printf("cannot open %s", path);
		return false;
	}
	char *b;
	bool too_big;
	bool ok = fs_read_fd(fd, max, &b, len, &too_big, &errnum);
	close(fd);
	if (!ok) {
		*err = too_big ? xstr_printf("%s is larger than %zu bytes", path, max)
		               : xstr_printf("cannot read %s", path);
		return false;
	}
	*buf = (unsigned char *)b;
	return true;
}

/* ---- character maps --------------------------------------------------------- */

static unsigned S_u16(const unsigned char *p)
{
	return (unsigned)p[0] << 8 | p[1];
}

static unsigned long S_u32(const unsigned char *p)
{
	return (unsigned long)p[0] << 24 | (unsigned long)p[1] << 16 |
	       (unsigned long)p[2] << 8 | p[3];
}

/* Sets in bits every code point the format 4 subtable at sub maps to a
 * glyph other than 0, as libharu's ParseCMAP_format4 reads it. */
static bool S_format4(const unsigned char *f, size_t len, size_t sub, unsigned char *bits)
{
	if (sub + 14 > len || S_u16(f + sub) != 4)
		return false;
	size_t segs = S_u16(f + sub + 6) / 2;
	size_t ends = sub + 14, starts = ends + 2 * segs + 2;
	size_t deltas = starts + 2 * segs, ranges = deltas + 2 * segs;
	if (ranges + 2 * segs > len)
		return false;
	for (size_t s = 0; s < segs; s++) {
		unsigned end = S_u16(f + ends + 2 * s), start = S_u16(f + starts + 2 * s);
		unsigned delta = S_u16(f + deltas + 2 * s), range = S_u16(f + ranges + 2 * s);
		for (unsigned long c = start; c <= end && c < 0xFFFF; c++) {
			unsigned glyph;
			if (range == 0) {
				glyph = (unsigned)((c + delta) & 0xFFFF);
			} else {
				size_t at = ranges + 2 * s + range + 2 * (c - start);
				if (at + 2 > len)
					continue;
				glyph = S_u16(f + at);
				glyph = glyph ? (glyph + delta) & 0xFFFF : 0;
			}
			if (glyph != 0)
				bits[c >> 3] |= (unsigned char)(1u << (c & 7));
		}
	}
	return true;
}

/* The code points a TrueType font maps, from its (3,1) or (0,x) subtable. */
static bool S_cmap(const unsigned char *f, size_t len, unsigned char *bits)
{
	if (len < 12)
		return false;
	size_t ntables = S_u16(f + 4), cmap = 0;
	for (size_t i = 0; i < ntables && 12 + 16 * i + 16 <= len; i++)
		if (memcmp(f + 12 + 16 * i, "cmap", 4) == 0)
			cmap = S_u32(f + 12 + 16 * i + 8);
	if (cmap == 0 || cmap + 4 > len)
		return false;
	size_t n = S_u16(f + cmap + 2), best = 0;
	for (size_t i = 0; i < n && cmap + 4 + 8 * i + 8 <= len; i++) {
		const unsigned char *r = f + cmap + 4 + 8 * i;
		unsigned platform = S_u16(r), encoding = S_u16(r + 2);
		size_t sub = cmap + S_u32(r + 4);
		if (sub + 2 > len || S_u16(f + sub) != 4)
			continue;
		if ((platform == 3 && encoding == 1) || (platform == 0 && best == 0))
			best = sub;
	}
	return best != 0 && S_format4(f, len, best, bits);
}

struct pdf_charset *pdf_charset_load(const char *font_dir, char **err)
{
	struct pdf_charset *cs = malloc(sizeof *cs);
	unsigned char *face = malloc(sizeof cs->bits);
	if (cs == NULL || face == NULL)
		oom_abort();
	memset(cs->bits, 0xFF, sizeof cs->bits);
	*err = NULL;
	for (size_t i = 0; i < sizeof S_faces / sizeof *S_faces && *err == NULL; i++) {
		char *path = S_join(font_dir, S_faces[i]);
		unsigned char *buf;
		size_t len;
		memset(face, 0, sizeof cs->bits);
		if (S_slurp(path, FONT_MAX_BYTES, &buf, &len, err)) {
			if (!S_cmap(buf, len, face))
				*err = xstr_printf("%s has no Unicode character map libharu can read", path);
			free(buf);
		}
		for (size_t k = 0; k < sizeof cs->bits; k++)
			cs->bits[k] &= face[k];
		free(path);
	}
	free(face);
	if (*err != NULL) {
		free(cs);
		return NULL;
	}
	return cs;
}

void pdf_charset_free(struct pdf_charset *cs)
{
	free(cs);
}

bool pdf_charset_has(const struct pdf_charset *cs, unsigned long cp)
{
	return cp < 0xFFFF && (cs->bits[cp >> 3] >> (cp & 7) & 1);
}

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

/* text, or a copy in the writer's scratch buffer (NUL-terminated, valid
 * until the next call) in which every character the fonts lack is U+FFFD,
 * so that what is measured is what is drawn. */
static const char *S_clean(struct pdf_writer *w, const char *text, size_t *len)
{
	const unsigned char *s = (const unsigned char *)text;
	size_t n = *len, i = 0, l;
	while (i < n && (s[i] < 0x80 || pdf_charset_has(w->charset, S_utf8(s + i, n - i, &l))))
		i += s[i] < 0x80 ? 1 : l;
	if (i == n && text[n] == '\0')
		return text;
	if (w->scratch_cap < 3 * n + 1) {
		w->scratch_cap = 3 * n + 1;
		free(w->scratch);
		w->scratch = malloc(w->scratch_cap);
		if (w->scratch == NULL)
			oom_abort();
	}
	size_t o = 0;
	for (i = 0; i < n; i += l) {
		unsigned long cp = S_utf8(s + i, n - i, &l);
		if (s[i] < 0x80 || pdf_charset_has(w->charset, cp)) {
			memcpy(w->scratch + o, s + i, l);
			o += l;
		} else {
			memcpy(w->scratch + o, "\xEF\xBF\xBD", 3);
			o += 3;
		}
	}
	w->scratch[o] = '\0';
	*len = o;
	return w->scratch;
}

/* ---- the ToUnicode map ------------------------------------------------------------ */

/* libharu 2.3.0 gives a UTF-8 font its encoding CMap as its ToUnicode map,
 * and poppler rejects that map's 'begincidrange' with a warning each time it
 * loads the font.  The font is Identity-H and libharu's codes are the
 * characters' code points, two bytes each, so the right map is the identity.
 * Each bfrange stays within a block of 256 codes: ISO 32000-1 9.10.3 lets a
 * range's destination vary only in its last byte. */
static const char S_cmap_head[] =
	"/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
	"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
	"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
	"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
static const char S_cmap_tail[] =
	"endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
/* The keys libharu set on the stream for an encoding CMap: they described
 * the old body, not a ToUnicode map. */
static const char *const S_cmap_stale[] = { "Type", "CMapName", "CIDSystemInfo", "WMode" };

/* Whether codes hi00-hiFF hold one S_clean can let through: block 00 for
 * ASCII, which it never checks; block FF for U+FFFD, its replacement; any
 * block the fonts draw a character of; never a surrogate. */
static bool S_block_drawn(const struct pdf_charset *cs, unsigned hi)
{
	if (hi == 0x00 || hi == 0xFF)
		return true;
	if (hi >= 0xD8 && hi <= 0xDF)
		return false;
	for (unsigned i = 0; i < 32; i++)
		if (cs->bits[hi * 32 + i] != 0)
			return true;
	return false;
}

/* Rewrites the body of font's ToUnicode stream in place: the object stays,
 * so libharu still compresses it with the font. */
static HPDF_STATUS S_tounicode(HPDF_Font font, const struct pdf_charset *cs)
{
	HPDF_Dict map = HPDF_Dict_GetItem(font, "ToUnicode", HPDF_OCLASS_DICT);
	if (map == NULL || map->stream == NULL)
		return HPDF_INVALID_OBJECT;
	for (size_t i = 0; i < sizeof S_cmap_stale / sizeof *S_cmap_stale; i++)
		HPDF_Dict_RemoveElement(map, S_cmap_stale[i]);   /* absent is fine */
	HPDF_MemStream_FreeData(map->stream);
	unsigned n = 0, done = 0;
	for (unsigned hi = 0; hi < 256; hi++)
		n += S_block_drawn(cs, hi);
	HPDF_STATUS st = HPDF_Stream_WriteStr(map->stream, S_cmap_head);
	for (unsigned hi = 0; hi < 256 && st == HPDF_OK; hi++) {
		if (!S_block_drawn(cs, hi))
			continue;
		char line[64];
		int at = 0;
		if (done % 100 == 0)   /* the CMap format allows 100 entries per block */
			at = snprintf(line, sizeof line, "%u beginbfrange\n", n - done < 100 ? n - done : 100);
		snprintf(line + at, sizeof line - (size_t)at, "<%02X00> <%02XFF> <%02X00>\n", hi, hi, hi);
		st = HPDF_Stream_WriteStr(map->stream, line);
		done++;
		if (st == HPDF_OK && (done % 100 == 0 || done == n))
			st = HPDF_Stream_WriteStr(map->stream, "endbfrange\n");
	}
	if (st == HPDF_OK)
		st = HPDF_Stream_WriteStr(map->stream, S_cmap_tail);
	return st;
}

/* ---- the writer ---------------------------------------------------------------- */

/* *path holds the font's path while libharu reads it: pdf_new frees it
 * when the handler jumps back. */
static HPDF_Font S_load(struct pdf_writer *w, const char *dir, const char *file,
                        char *volatile *path)
{
	*path = S_join(dir, file);
	const char *name = HPDF_LoadTTFontFromFile(w->pdf, *path, HPDF_TRUE);
	HPDF_Font f = HPDF_GetFont(w->pdf, name, "UTF-8");
	free(*path);
	*path = NULL;
	/* Internal calls report through their result, not the handler: pass a
	 * failure on to it, which jumps to pdf_new's error path. */
	HPDF_STATUS st = S_tounicode(f, w->charset);
	if (st != HPDF_OK)
		S_on_error(st, 0, w);
	return f;
}

struct pdf_writer *pdf_new(const char *font_dir, char **err)
{
	/* volatile: it is read after a longjmp back into this frame. */
	struct pdf_writer *volatile w = calloc(1, sizeof *w);
	if (w == NULL)
		oom_abort();
	char *volatile path = NULL;
	*err = NULL;
	/* Fail early with a clear message rather than through libharu's codes. */
	for (size_t i = 0; i < sizeof S_faces / sizeof *S_faces; i++) {
		char *p = S_join(font_dir, S_faces[i]);
		FILE *fp = fopen(p, "rb");
		if (fp == NULL) {
			*err = xstr_printf("missing font %s (run make install, or pass --font-dir)", p);
			free(p);
			free(w);
			return NULL;
		}
		fclose(fp);
		free(p);
	}
	w->charset = pdf_charset_load(font_dir, err);
	if (w->charset == NULL) {
		free(w);
		return NULL;
	}
	w->pdf = HPDF_New(S_on_error, w);
	if (w->pdf == NULL) {
		pdf_charset_free(w->charset);
		free(w);
		*err = xstr_printf("cannot create a PDF document");
		return NULL;
	}
	if (setjmp(w->jmp)) {
		w->armed = false;
		*err = xstr_printf("libharu error 0x%04lX (detail %lu) while loading fonts from %s",
		             (unsigned long)w->error, (unsigned long)w->detail, font_dir);
		free(path);
		pdf_free(w);
		return NULL;
	}
	w->armed = true;
	/* Compression before fonts, or the fonts stay uncompressed. */
	HPDF_SetCompressionMode(w->pdf, HPDF_COMP_ALL);
	HPDF_UseUTFEncodings(w->pdf);
	HPDF_SetCurrentEncoder(w->pdf, "UTF-8");
	w->font[LFONT_REGULAR] = S_load(w, font_dir, S_faces[0], &path);
	w->font[LFONT_BOLD] = S_load(w, font_dir, S_faces[1], &path);
	w->font[LFONT_ITALIC] = w->font[LFONT_REGULAR];
	w->armed = false;
	return w;
}

void pdf_free(struct pdf_writer *w)
{
	if (w == NULL)
		return;
	HPDF_Free(w->pdf);
	for (size_t i = 0; i < w->nimages; i++)
		free(w->images[i].key);
	free(w->images);
	free(w->scratch);
	pdf_charset_free(w->charset);
	free(w);
}

static double S_width(void *ctx, enum lfont font, double size, const char *text,
                      size_t len)
{
	struct pdf_writer *w = ctx;
	HPDF_UINT total = 0;   /* in thousandths of the size, as libharu counts */
	for (size_t at = 0, n; at < len; at += n) {
		n = S_piece(text + at, len - at);
		size_t clean_len = n;
		const char *t = S_clean(w, text + at, &clean_len);
		HPDF_TextWidth tw = HPDF_Font_TextWidth(w->font[font], (const HPDF_BYTE *)t,
		                                        (HPDF_UINT)clean_len);
		total += tw.width;
	}
	return total * size / 1000.0;
}

/* The ascent comes from the regular face (every face the reports use
 * shares it), rounded to a hundredth of the size: DejaVu Sans's 928/1000
 * puts baselines at 0.93 of the size, where they have always been. */
struct measurer pdf_measurer(struct pdf_writer *w)
{
	double ascent = round(HPDF_Font_GetAscent(w->font[LFONT_REGULAR]) / 10.0) / 100.0;
	return (struct measurer){ S_width, w, ascent };
}

/* ---- images ---------------------------------------------------------------------- */

/* A JPEG's size from its first frame header, read the way libharu reads
 * it (which takes baseline, extended and progressive frames only). */
static bool S_jpeg(const unsigned char *b, size_t len, unsigned *wd, unsigned *ht,
                   char **err)
{
	size_t at = 2;
	while (at + 4 <= len) {
		unsigned tag = S_u16(b + at), size = S_u16(b + at + 2);
		if (tag == 0xFFC0 || tag == 0xFFC1 || tag == 0xFFC2 || tag == 0xFFC9) {
			if (at + 10 > len)
				break;
			unsigned bits = b[at + 4], comps = b[at + 9];
			*ht = S_u16(b + at + 5);
			*wd = S_u16(b + at + 7);
			if (bits != 8 || (comps != 1 && comps != 3 && comps != 4)) {
				*err = xstr_printf("a JPEG with %u-bit samples and %u components is not supported",
				             bits, comps);
				return false;
			}
			return true;
		}
		if ((tag | 0xFF) != 0xFFFF || size < 2)
			break;
		at += 2 + size;
	}
	*err = xstr_printf("not a JPEG image libharu can read (no frame header found)");
	return false;
}

/* Decodes a whole PNG to 8-bit RGB or RGBA (*alpha); *pixels is malloc'd. */
static bool S_png(const unsigned char *b, size_t len, unsigned char **pixels, unsigned *wd,
                  unsigned *ht, bool *alpha, char **err)
{
	png_image img;
	memset(&img, 0, sizeof img);
	img.version = PNG_IMAGE_VERSION;
	*pixels = NULL;
	if (!png_image_begin_read_from_memory(&img, b, len)) {
		*err = xstr_printf("not a readable PNG image (%s)", img.message);
		png_image_free(&img);
		return false;
	}
	if (img.width == 0 || img.height == 0 || img.width > IMAGE_MAX_SIDE ||
	    img.height > IMAGE_MAX_SIDE || (size_t)img.width * img.height > IMAGE_MAX_PIXELS) {
		*err = xstr_printf("the image is %lu x %lu pixels; at most %u on a side and %u in all",
		             (unsigned long)img.width, (unsigned long)img.height, IMAGE_MAX_SIDE,
		             IMAGE_MAX_PIXELS);
		png_image_free(&img);
		return false;
	}
	*alpha = (img.format & PNG_FORMAT_FLAG_ALPHA) != 0;
	img.format = *alpha ? PNG_FORMAT_RGBA : PNG_FORMAT_RGB;
	*pixels = malloc(PNG_IMAGE_SIZE(img));
	if (*pixels == NULL)
		oom_abort();
	if (!png_image_finish_read(&img, NULL, *pixels, 0, NULL)) {
		*err = xstr_printf("the PNG image is damaged (%s)", img.message);
		png_image_free(&img);
		free(*pixels);
		*pixels = NULL;
		return false;
	}
	*wd = img.width;
	*ht = img.height;
	return true;
}

static bool S_is_png(const unsigned char *b, size_t len)
{
	return len >= 8 && memcmp(b, "\x89PNG\r\n\x1a\n", 8) == 0;
}

static bool S_is_jpeg(const unsigned char *b, size_t len)
{
	return len >= 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF;
}

bool pdf_image_probe(const unsigned char *buf, size_t len, double *width, double *height,
                     char **err)
{
	unsigned char *px = NULL;
	unsigned wd = 0, ht = 0;
	bool alpha, ok;
	*err = NULL;
	if (S_is_png(buf, len))
		ok = S_png(buf, len, &px, &wd, &ht, &alpha, err);
	else if (S_is_jpeg(buf, len))
		ok = S_jpeg(buf, len, &wd, &ht, err);
	else {
		*err = xstr_printf("not a PNG or JPEG image");
		ok = false;
	}
	if (ok && (wd == 0 || ht == 0 || wd > IMAGE_MAX_SIDE || ht > IMAGE_MAX_SIDE)) {
		*err = xstr_printf("the image is %u x %u pixels; at most %u on a side", wd, ht,
		             IMAGE_MAX_SIDE);
		ok = false;
	}
	free(px);
	*width = wd;
	*height = ht;
	return ok;
}

/* Loads decoded PNG pixels: RGB, with the alpha channel as a soft mask
 * when any pixel is not opaque. */
static HPDF_Image S_png_image(struct pdf_writer *w, unsigned char *px, unsigned wd,
                              unsigned ht, bool alpha, unsigned char **rgb, unsigned char **mask)
{
	size_t n = (size_t)wd * ht;
	if (!alpha)
		return HPDF_LoadRawImageFromMem(w->pdf, px, wd, ht, HPDF_CS_DEVICE_RGB, 8);
	*rgb = malloc(3 * n);
	*mask = malloc(n);
	if (*rgb == NULL || *mask == NULL)
		oom_abort();
	bool opaque = true;
	for (size_t i = 0; i < n; i++) {
		memcpy(*rgb + 3 * i, px + 4 * i, 3);
		(*mask)[i] = px[4 * i + 3];
		opaque = opaque && px[4 * i + 3] == 255;
	}
	HPDF_Image img = HPDF_LoadRawImageFromMem(w->pdf, *rgb, wd, ht, HPDF_CS_DEVICE_RGB, 8);
	if (!opaque)
		HPDF_Image_AddSMask(img, HPDF_LoadRawImageFromMem(w->pdf, *mask, wd, ht,
		                                                  HPDF_CS_DEVICE_GRAY, 8));
	return img;
}

bool pdf_image_add(struct pdf_writer *w, const char *key, const unsigned char *buf,
                   size_t len, char **err)
{
	for (size_t i = 0; i < w->nimages; i++)
		if (strcmp(w->images[i].key, key) == 0)
			return true;
	*err = NULL;
	/* volatile: freed after a longjmp back into this frame. */
	unsigned char *volatile px = NULL, *volatile rgb = NULL, *volatile mask = NULL;
	if (setjmp(w->jmp)) {
		w->armed = false;
		*err = xstr_printf("libharu error 0x%04lX (detail %lu) while loading the image %s",
		             (unsigned long)w->error, (unsigned long)w->detail, key);
		free(px);
		free(rgb);
		free(mask);
		return false;
	}
	w->armed = true;
	HPDF_Image img = NULL;
	unsigned wd, ht;
	bool alpha;
	if (S_is_png(buf, len)) {
		unsigned char *p = NULL, *r = NULL, *m = NULL;
		if (S_png(buf, len, &p, &wd, &ht, &alpha, err)) {
			px = p;
			img = S_png_image(w, p, wd, ht, alpha, &r, &m);
			rgb = r;
			mask = m;
		}
	} else if (S_is_jpeg(buf, len) && S_jpeg(buf, len, &wd, &ht, err)) {
		img = HPDF_LoadJpegImageFromMem(w->pdf, buf, (HPDF_UINT)len);
	} else if (*err == NULL) {
		*err = xstr_printf("%s is not a PNG or JPEG image", key);
	}
	w->armed = false;
	free(px);
	free(rgb);
	free(mask);
	if (img == NULL)
		return false;
	struct pdf_image *im = realloc(w->images, (w->nimages + 1) * sizeof *im);
	if (im == NULL)
		oom_abort();
	w->images = im;
	im[w->nimages++] = (struct pdf_image){ xstr_printf("%s", key), img };
	return true;
}

static HPDF_Image S_find_image(const struct pdf_writer *w, const char *key)
{
	for (size_t i = 0; i < w->nimages; i++)
		if (strcmp(w->images[i].key, key) == 0)
			return w->images[i].image;
	return NULL;
}

/* ---- drawing ------------------------------------------------------------------------ */

static void S_color(HPDF_Page page, struct lcolor c, bool fill)
{
	if (fill)
		HPDF_Page_SetRGBFill(page, (HPDF_REAL)c.r, (HPDF_REAL)c.g, (HPDF_REAL)c.b);
	else
		HPDF_Page_SetRGBStroke(page, (HPDF_REAL)c.r, (HPDF_REAL)c.g, (HPDF_REAL)c.b);
}

static void S_box(struct pdf_writer *w, HPDF_Page page, const struct lbox *b, double height)
{
	switch (b->kind) {
	case LBOX_TEXT: {
		size_t len = b->len;
		HPDF_Page_SetFontAndSize(page, w->font[b->font], (HPDF_REAL)b->size);
		S_color(page, b->color, true);
		HPDF_Page_SetTextMatrix(page, 1, 0, b->font == LFONT_ITALIC ? ITALIC_SHEAR : 0,
		                        1, (HPDF_REAL)b->x, (HPDF_REAL)(height - b->y));
		for (size_t at = 0, n; at < len; at += n) {
			n = S_piece(b->text + at, len - at);
			size_t clean_len = n;
			HPDF_Page_ShowText(page, S_clean(w, b->text + at, &clean_len));
		}
		break;
	}
	case LBOX_RECT:
		S_color(page, b->color, b->fill);
		if (!b->fill)
			HPDF_Page_SetLineWidth(page, (HPDF_REAL)b->size);
		HPDF_Page_Rectangle(page, (HPDF_REAL)b->x, (HPDF_REAL)(height - b->y - b->h),
		                    (HPDF_REAL)b->w, (HPDF_REAL)b->h);
		if (b->fill)
			HPDF_Page_Fill(page);
		else
			HPDF_Page_Stroke(page);
		break;
	case LBOX_LINE:
		S_color(page, b->color, false);
		HPDF_Page_SetLineWidth(page, (HPDF_REAL)b->size);
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
		HPDF_Image img = S_find_image(w, b->text);
		if (img != NULL)
			HPDF_Page_DrawImage(page, img, (HPDF_REAL)b->x, (HPDF_REAL)(height - b->y - b->h),
			                    (HPDF_REAL)b->w, (HPDF_REAL)b->h);
		break;
	}
	}
}

/* Draws one page's boxes; consecutive texts share one BT/ET block. */
static void S_page(struct pdf_writer *w, HPDF_Page page, const struct lpage *p,
                   double height)
{
	bool in_text = false;
	for (size_t i = 0; i < p->n; i++) {
		bool text = p->boxes[i].kind == LBOX_TEXT;
		if (text != in_text) {
			if (text)
				HPDF_Page_BeginText(page);
			else
				HPDF_Page_EndText(page);
			in_text = text;
		}
		S_box(w, page, &p->boxes[i], height);
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

/* Sets a document info string. */
static void S_attr(struct pdf_writer *w, HPDF_InfoType type, const char *value)
{
	char *copy;
	HPDF_SetInfoAttr(w->pdf, type, S_string(w, value, &copy));
	free(copy);
}

static void S_info(struct pdf_writer *w, const struct pdf_info *info)
{
	if (info->title)
		S_attr(w, HPDF_INFO_TITLE, info->title);
	if (info->author)
		S_attr(w, HPDF_INFO_AUTHOR, info->author);
	if (info->subject)
		S_attr(w, HPDF_INFO_SUBJECT, info->subject);
	if (info->creator)
		S_attr(w, HPDF_INFO_CREATOR, info->creator);
	struct tm tm;
	gmtime_r(&info->created, &tm);
	/* '+' with zero offsets, not 'Z': see LIBHARU.md. */
	HPDF_Date d = { tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
	                tm.tm_min, tm.tm_sec, '+', 0, 0 };
	HPDF_SetInfoDateAttr(w->pdf, HPDF_INFO_CREATION_DATE, d);
	HPDF_SetInfoDateAttr(w->pdf, HPDF_INFO_MOD_DATE, d);
}

/* The outline: levels nest under the latest entry of the level above. */
static void S_outline(struct pdf_writer *w, const struct ldoc *d, const HPDF_Page *pages,
                      HPDF_Outline *parents)
{
	HPDF_Encoder utf8 = HPDF_GetEncoder(w->pdf, "UTF-8");
	for (size_t i = 0; i < d->noutline; i++) {
		const struct loutline *o = &d->outline[i];
		int lv = o->level < 0 ? 0 : o->level > 3 ? 3 : o->level;
		while (lv > 0 && parents[lv - 1] == NULL)
			lv--;
		HPDF_Outline parent = lv > 0 ? parents[lv - 1] : NULL;
		char *copy;
		HPDF_Outline ol = HPDF_CreateOutline(w->pdf, parent, S_string(w, o->title, &copy), utf8);
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

bool pdf_render(struct pdf_writer *w, const struct ldoc *d,
                const struct pdf_info *info, unsigned char **bytes,
                size_t *len, char **err)
{
	HPDF_Page *volatile pages = calloc(d->npages ? d->npages : 1, sizeof *pages);
	HPDF_Outline *volatile parents = calloc(4, sizeof *parents);
	unsigned char *volatile buf = NULL;
	*bytes = NULL;
	*err = NULL;
	if (pages == NULL || parents == NULL)
		oom_abort();
	if (w->error != 0) {   /* recorded while measuring, see S_on_error */
		*err = xstr_printf("libharu error 0x%04lX (detail %lu) while measuring text",
		             (unsigned long)w->error, (unsigned long)w->detail);
		free(pages);
		free(parents);
		return false;
	}
	if (setjmp(w->jmp)) {
		w->armed = false;
		*err = xstr_printf("libharu error 0x%04lX (detail %lu) while writing the PDF",
		             (unsigned long)w->error, (unsigned long)w->detail);
		free(pages);
		free(parents);
		free(buf);
		return false;
	}
	w->armed = true;
	HPDF_SetPageMode(w->pdf, d->noutline ? HPDF_PAGE_MODE_USE_OUTLINE : HPDF_PAGE_MODE_USE_NONE);
	for (size_t i = 0; i < d->npages; i++) {
		pages[i] = HPDF_AddPage(w->pdf);
		HPDF_Page_SetWidth(pages[i], (HPDF_REAL)d->width);
		HPDF_Page_SetHeight(pages[i], (HPDF_REAL)d->height);
		S_page(w, pages[i], &d->pages[i], d->height);
	}
	S_outline(w, d, pages, parents);
	S_info(w, info);
	HPDF_SaveToStream(w->pdf);
	HPDF_UINT32 size = HPDF_GetStreamSize(w->pdf);
	buf = malloc(size ? size : 1);
	if (buf == NULL)
		oom_abort();
	HPDF_UINT32 got = size;
	HPDF_ReadFromStream(w->pdf, buf, &got);
	w->armed = false;
	*bytes = buf;
	*len = got;
	free(pages);
	free(parents);
	return true;
}
