/* fonts.c - what the TrueType faces draw, how wide, and the two kinds of
 * font a document can use.
 *
 * A document whose every character has a code in the single-byte
 * encoding below (windows-1252, plus the marks the reports draw) uses
 * simple TrueType fonts: small, quick to set up, and extracted without
 * help.  Any other document uses libharu's UTF-8 CID fonts, whose set-up
 * builds a 65,536-entry map for each face (shared LIBHARU.md).  Widths
 * come from the faces themselves, as libharu computes them, so a text
 * measures the same in both and the layout does not depend on which. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fsutil.h"
#include "oom.h"
#include "pdf_int.h"
#include "xstr.h"

const char *const pdf_faces[PDF_FACES] = { "DejaVuSans.ttf", "DejaVuSans-Bold.ttf" };
const char *const pdf_latin_faces[PDF_FACES] = { "DejaVuSans-1252.ttf",
                                                 "DejaVuSans-Bold-1252.ttf" };

bool pdf_slurp(const char *path, size_t max, unsigned char **buf, size_t *len, char **err)
{
	char *b, *why = NULL;
	bool too_big;
	if (fs_read(path, max, &b, len, &too_big, &why)) {
		*buf = (unsigned char *)b;
		return true;
	}
	*buf = NULL;
	*err = too_big ? xstr_printf("%s is larger than %zu bytes", path, max)
	               : xstr_printf("%s: %s", path, why ? why : "cannot read");
	free(why);
	return false;
}

unsigned pdf_u16(const unsigned char *p)
{
	return (unsigned)p[0] << 8 | p[1];
}

static unsigned long S_u32(const unsigned char *p)
{
	return (unsigned long)p[0] << 24 | (unsigned long)p[1] << 16 |
	       (unsigned long)p[2] << 8 | p[3];
}

/* ---- reading a face ---------------------------------------------------------- */

/* One face's bytes and the metrics libharu reads from them. */
struct face {
	const unsigned char *f;
	size_t len;
	unsigned units_per_em;
	size_t hmtx, nmetrics, nglyphs;   /* hmtx's offset, its long metrics, maxp's count */
	unsigned char *bits;              /* out: the code points mapped */
	uint16_t *width;                  /* out: their widths */
};

/* The offset of the table tag, or 0 when the face has none that fits in
 * its bytes with at least min bytes. */
static size_t S_table(const struct face *fc, const char *tag, size_t min)
{
	if (fc->len < 12)
		return 0;
	size_t ntables = pdf_u16(fc->f + 4);
	for (size_t i = 0; i < ntables && 12 + 16 * i + 16 <= fc->len; i++) {
		const unsigned char *r = fc->f + 12 + 16 * i;
		size_t at = S_u32(r + 8);
		if (memcmp(r, tag, 4) == 0)
			return at + min <= fc->len && at >= 12 ? at : 0;
	}
	return 0;
}

/* The advance width of glyph g in thousandths of the size, as libharu's
 * HPDF_TTFontDef_GetCharWidth computes it: a glyph past the long metrics
 * has the last one's advance. */
static uint16_t S_advance(const struct face *fc, unsigned g)
{
	size_t m = g < fc->nmetrics ? g : fc->nmetrics - 1;
	unsigned adv = pdf_u16(fc->f + fc->hmtx + 4 * m);
	return (uint16_t)(adv * 1000u / fc->units_per_em);
}

/* Sets the bits (and widths) of every code point the format 4 subtable at
 * sub maps to a glyph other than 0, as libharu's ParseCMAP_format4 reads it. */
static bool S_format4(struct face *fc, size_t sub)
{
	const unsigned char *f = fc->f;
	size_t len = fc->len;
	if (sub + 14 > len || pdf_u16(f + sub) != 4)
		return false;
	size_t segs = pdf_u16(f + sub + 6) / 2;
	size_t ends = sub + 14, starts = ends + 2 * segs + 2;
	size_t deltas = starts + 2 * segs, ranges = deltas + 2 * segs;
	if (ranges + 2 * segs > len)
		return false;
	for (size_t s = 0; s < segs; s++) {
		unsigned end = pdf_u16(f + ends + 2 * s), start = pdf_u16(f + starts + 2 * s);
		unsigned delta = pdf_u16(f + deltas + 2 * s), range = pdf_u16(f + ranges + 2 * s);
		for (unsigned long c = start; c <= end && c < 0xFFFF; c++) {
			unsigned glyph;
			if (range == 0) {
				glyph = (unsigned)((c + delta) & 0xFFFF);
			} else {
				size_t at = ranges + 2 * s + range + 2 * (c - start);
				if (at + 2 > len)
					continue;
				glyph = pdf_u16(f + at);
				glyph = glyph ? (glyph + delta) & 0xFFFF : 0;
			}
			if (glyph != 0 && glyph < fc->nglyphs) {
				fc->bits[c >> 3] |= (unsigned char)(1u << (c & 7));
				fc->width[c] = S_advance(fc, glyph);
			}
		}
	}
	return true;
}

/* Reads the face's metrics and the code points it maps, from its (3,1) or
 * (0,x) character map subtable. */
static bool S_read_face(struct face *fc)
{
	size_t head = S_table(fc, "head", 54), hhea = S_table(fc, "hhea", 36);
	size_t maxp = S_table(fc, "maxp", 6), cmap = S_table(fc, "cmap", 4);
	fc->hmtx = S_table(fc, "hmtx", 4);
	if (head == 0 || hhea == 0 || maxp == 0 || cmap == 0 || fc->hmtx == 0)
		return false;
	fc->units_per_em = pdf_u16(fc->f + head + 18);
	fc->nmetrics = pdf_u16(fc->f + hhea + 34);
	fc->nglyphs = pdf_u16(fc->f + maxp + 4);
	if (fc->units_per_em == 0 || fc->nmetrics == 0 ||
	    fc->hmtx + 4 * fc->nmetrics > fc->len)
		return false;
	size_t n = pdf_u16(fc->f + cmap + 2), best = 0;
	for (size_t i = 0; i < n && cmap + 4 + 8 * i + 8 <= fc->len; i++) {
		const unsigned char *r = fc->f + cmap + 4 + 8 * i;
		unsigned platform = pdf_u16(r), encoding = pdf_u16(r + 2);
		size_t sub = cmap + S_u32(r + 4);
		if (sub + 2 > fc->len || pdf_u16(fc->f + sub) != 4)
			continue;
		if ((platform == 3 && encoding == 1) || (platform == 0 && best == 0))
			best = sub;
	}
	return best != 0 && S_format4(fc, best);
}

/* ---- the single-byte encodings --------------------------------------------------- */

/* windows-1252 from 0x80 to 0x9F (the rest of 0x20-0xFF is Unicode's own
 * code); 0 where it has no character. */
static const uint16_t S_cp1252_high[32] = {
	0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
	0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
};

/* The character of code in windows-1252, PDF's WinAnsiEncoding; 0 for none. */
static unsigned S_cp1252(unsigned code)
{
	if (code < 0x20 || code == 0x7F)
		return 0;
	return code >= 0x80 && code < 0xA0 ? S_cp1252_high[code - 0x80] : code;
}

/* The latin encoding: windows-1252 with the marks the reports draw in the
 * codes it leaves free, in 0x7F (which the faces do not draw) and in 0x88
 * (the rarely written modifier circumflex). */
static const struct {
	unsigned char code;
	uint16_t unicode;
} S_marks[] = {
	{ 0x7F, 0x25CF },             /* ● a level reached */
	{ 0x81, 0x25CB },             /* ○ a level not reached */
	{ PDF_LATIN_FFFD, 0xFFFD },   /* the replacement mark */
	{ 0x8D, 0x25CC },             /* ◌ an unknown level */
	{ 0x8F, 0x2212 },             /* − minus */
	{ 0x90, 0x2190 },             /* ← */
	{ 0x9D, 0x2192 },             /* → */
};

/* The Unicode value of code in the latin encoding, 0 for none. */
static unsigned S_latin_unicode(unsigned code)
{
	for (size_t i = 0; i < sizeof S_marks / sizeof *S_marks; i++)
		if (S_marks[i].code == code)
			return S_marks[i].unicode;
	return S_cp1252(code);
}

void pdf_latin_map(uint16_t map[256])
{
	for (unsigned code = 0; code < 256; code++)
		map[code] = (uint16_t)S_latin_unicode(code);
}

/* ---- the character set ------------------------------------------------------- */

struct pdf_charset *pdf_charset_load(const char *font_dir, char **err)
{
	struct pdf_charset *cs = calloc(1, sizeof *cs);
	unsigned char *bits = malloc(sizeof cs->bits);
	if (cs == NULL || bits == NULL)
		oom_abort();
	memset(cs->bits, 0xFF, sizeof cs->bits);
	*err = NULL;
	for (size_t i = 0; i < PDF_FACES && *err == NULL; i++) {
		char *path = xstr_printf("%s/%s", font_dir, pdf_faces[i]);
		unsigned char *buf;
		size_t len;
		memset(bits, 0, sizeof cs->bits);
		if (pdf_slurp(path, PDF_FONT_MAX_BYTES, &buf, &len, err)) {
			struct face fc = { .f = buf, .len = len, .bits = bits, .width = cs->width[i] };
			if (!S_read_face(&fc))
				*err = xstr_printf("%s has no Unicode character map libharu can read", path);
			free(buf);
		}
		for (size_t k = 0; k < sizeof cs->bits; k++)
			cs->bits[k] &= bits[k];
		free(path);
	}
	free(bits);
	if (*err != NULL) {
		free(cs);
		return NULL;
	}
	for (unsigned code = 0x20; code <= 0xFF; code++) {
		unsigned u = S_latin_unicode(code);
		if (u != 0 && pdf_charset_has(cs, u))
			cs->latin[u] = (unsigned char)code;
	}
	return cs;
}

bool pdf_latin_face_ok(const char *path, const struct pdf_charset *cs, size_t k)
{
	unsigned char *buf, *bits = calloc(1, 65536 / 8);
	uint16_t *width = calloc(65536, sizeof *width);
	size_t len;
	char *err = NULL;
	if (bits == NULL || width == NULL)
		oom_abort();
	bool ok = pdf_slurp(path, PDF_FONT_MAX_BYTES, &buf, &len, &err);
	if (ok) {
		struct face fc = { .f = buf, .len = len, .bits = bits, .width = width };
		ok = S_read_face(&fc);
		free(buf);
	}
	for (unsigned code = 0x20; code <= 0xFF && ok; code++) {
		unsigned u = S_latin_unicode(code);
		ok = u == 0 || cs->latin[u] == 0 ||
		     ((bits[u >> 3] >> (u & 7) & 1) && width[u] == cs->width[k][u]);
	}
	free(err);
	free(bits);
	free(width);
	return ok;
}

void pdf_charset_free(struct pdf_charset *cs)
{
	free(cs);
}

bool pdf_charset_has(const struct pdf_charset *cs, unsigned long cp)
{
	return cp < 0xFFFF && (cs->bits[cp >> 3] >> (cp & 7) & 1);
}

bool pdf_charset_latin(const struct pdf_charset *cs, unsigned long cp)
{
	return cp < 0xFFFF && cs->latin[cp] != 0;
}

/* ---- the single-byte fonts ---------------------------------------------------- */

static const uint16_t *S_map_of(HPDF_Encoder e)
{
	return ((HPDF_BasicEncoderAttr)e->attr)->unicode_map;
}

/* Writes the encoding of a font: PDF's WinAnsiEncoding (windows-1252) with
 * every code whose character differs from it as a difference, named
 * uniXXXX as the Adobe Glyph List has it, so that a reader finds its glyph
 * through the font's Unicode character map.  (libharu would name a glyph
 * it does not know ".notdef".) */
static HPDF_STATUS S_write_encoding(HPDF_Encoder encoder, HPDF_Stream out)
{
	const uint16_t *map = S_map_of(encoder);
	HPDF_STATUS st = HPDF_Stream_WriteStr(out, "/Encoding <<\012/Type /Encoding\012"
	                                           "/BaseEncoding /WinAnsiEncoding\012"
	                                           "/Differences [");
	for (unsigned code = 0x20; code <= 0xFF && st == HPDF_OK; code++) {
		if (map[code] == 0 || map[code] == S_cp1252(code))
			continue;
		char entry[32];
		snprintf(entry, sizeof entry, "%u /uni%04X ", code, map[code]);
		st = HPDF_Stream_WriteStr(out, entry);
	}
	return st == HPDF_OK ? HPDF_Stream_WriteStr(out, "]\012>>\012") : st;
}

const char *pdf_encoder(HPDF_Doc pdf, const char *name, const uint16_t map[256])
{
	HPDF_Encoder e = HPDF_BasicEncoder_New(pdf->mmgr, "WinAnsiEncoding");
	if (e == NULL)
		return NULL;
	snprintf(e->name, sizeof e->name, "%s", name);
	HPDF_BasicEncoderAttr attr = e->attr;
	for (unsigned code = 0; code < 256; code++)
		attr->unicode_map[code] = code < 0x20 ? 0 : (HPDF_UNICODE)map[code];
	e->write_fn = S_write_encoding;
	if (HPDF_Doc_RegisterEncoder(pdf, e) != HPDF_OK)
		return NULL;   /* the document frees it */
	return e->name;
}

/* ---- ToUnicode maps -------------------------------------------------------------- */

static const char S_cmap_head[] =
	"/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
	"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
	"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n";
static const char S_cmap_tail[] =
	"endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";

/* Writes n entries (lines, 40 bytes apart) in blocks of at most 100, as
 * the CMap format allows: "N beginKIND" ... "endKIND". */
static HPDF_STATUS S_cmap_blocks(HPDF_Stream out, const char *kind, const char *lines,
                                 unsigned n)
{
	HPDF_STATUS st = HPDF_OK;
	for (unsigned i = 0; i < n && st == HPDF_OK; i++) {
		char head[48];
		if (i % 100 == 0) {
			snprintf(head, sizeof head, "%u begin%s\n", n - i < 100 ? n - i : 100, kind);
			st = HPDF_Stream_WriteStr(out, head);
		}
		st = st ? st : HPDF_Stream_WriteStr(out, lines + 40 * (size_t)i);
		if (st == HPDF_OK && (i % 100 == 99 || i + 1 == n)) {
			snprintf(head, sizeof head, "end%s\n", kind);
			st = HPDF_Stream_WriteStr(out, head);
		}
	}
	return st;
}

/* A map for single-byte fonts, from their encoding: readers that know the
 * glyph names need none, but one that does not still extracts every
 * character.  Runs of codes whose characters follow each other are ranges
 * (ASCII, Latin-1, an alphabet), the rest single entries. */
HPDF_STATUS pdf_single_tounicode(HPDF_Doc pdf, const HPDF_Font *fonts, size_t n)
{
	const uint16_t *map = S_map_of(((HPDF_FontAttr)fonts[0]->attr)->encoder);
	HPDF_Dict cmap = HPDF_DictStream_New(pdf->mmgr, pdf->xref);
	if (cmap == NULL)
		return HPDF_GetError(pdf);
	cmap->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
	/* at most 224 codes: 40 bytes a line, ranges and single entries apart */
	static const size_t line = 40;
	char ranges[224 * 40], chars[224 * 40];
	unsigned nr = 0, nc = 0;
	for (unsigned code = 0x20; code <= 0xFF; code++) {
		unsigned u = map[code], last = code;
		if (u == 0)
			continue;
		/* a range's characters may differ only in their last byte */
		while (last < 0xFF && map[last + 1] == u + (last + 1 - code) &&
		       (u & 0xFF) + (last + 1 - code) <= 0xFF)
			last++;
		if (last > code)
			snprintf(ranges + line * nr++, line, "<%02X> <%02X> <%04X>\n", code, last, u);
		else
			snprintf(chars + line * nc++, line, "<%02X> <%04X>\n", code, u);
		code = last;
	}
	HPDF_STATUS st = HPDF_Stream_WriteStr(cmap->stream, S_cmap_head);
	st = st ? st : HPDF_Stream_WriteStr(cmap->stream,
	                                    "1 begincodespacerange\n<00> <FF>\nendcodespacerange\n");
	st = st ? st : S_cmap_blocks(cmap->stream, "bfrange", ranges, nr);
	st = st ? st : S_cmap_blocks(cmap->stream, "bfchar", chars, nc);
	st = st ? st : HPDF_Stream_WriteStr(cmap->stream, S_cmap_tail);
	for (size_t i = 0; i < n && st == HPDF_OK; i++)
		st = HPDF_Dict_Add(fonts[i], "ToUnicode", cmap);   /* one object, referred to */
	return st;
}

/* libharu 2.3.0 gives a UTF-8 font its encoding CMap as its ToUnicode map,
 * and poppler rejects that map's 'begincidrange' with a warning each time it
 * loads the font.  The font is Identity-H and libharu's codes are the
 * characters' code points, two bytes each, so the right map is the identity.
 * Each bfrange stays within a block of 256 codes: ISO 32000-1 9.10.3 lets a
 * range's destination vary only in its last byte. */

/* The keys libharu set on the stream for an encoding CMap: they described
 * the old body, not a ToUnicode map. */
static const char *const S_cmap_stale[] = { "Type", "CMapName", "CIDSystemInfo", "WMode" };

/* Whether codes hi00-hiFF hold one the writer can let through: block 00
 * for ASCII, which it never checks; block FF for U+FFFD, its replacement;
 * any block the fonts draw a character of; never a surrogate. */
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
HPDF_STATUS pdf_utf8_tounicode(HPDF_Font font, const struct pdf_charset *cs)
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
	st = st ? st : HPDF_Stream_WriteStr(map->stream,
	                                    "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
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
