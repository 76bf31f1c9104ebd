/* pdf_int.h - what the files of the PDF stage share (src/pdf/).
 *
 * fonts.c reads the TrueType faces (which characters they draw, how wide)
 * and makes the two kinds of font a document can use; image.c reads and
 * loads images; writer.c draws a laid-out report.  Only this stage
 * includes libharu, and only writer.c calls the others back. */
#ifndef VERDICT_PDF_INT_H
#define VERDICT_PDF_INT_H

#include <hpdf.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "pdf.h"

/* The faces, in the order of LFONT_REGULAR and LFONT_BOLD. */
#define PDF_FACES 2
extern const char *const pdf_faces[PDF_FACES];

/* The same faces cut down to the single-byte encoding's characters (make
 * builds them from fonts/latin.txt): a tenth of the size, and so much less
 * to write into each PDF. */
extern const char *const pdf_latin_faces[PDF_FACES];

/* Whether the face at path draws every character of the single-byte
 * encoding with the widths cs gives face k; false also when it cannot be
 * read. */
bool pdf_latin_face_ok(const char *path, const struct pdf_charset *cs, size_t k);

#define PDF_FONT_MAX_BYTES (16u << 20)

/* What the faces can draw, and how wide, by code point (the Basic
 * Multilingual Plane: libharu encodes nothing above it). */
struct pdf_charset {
	unsigned char bits[65536 / 8];   /* drawn by every face */
	uint16_t width[PDF_FACES][65536];   /* advance in thousandths of the size,
	                                       as libharu computes it; for drawn
	                                       code points only */
	unsigned char latin[65536];      /* its code in the single-byte fonts,
	                                    or 0 when they have none */
};

/* The code that stands for U+FFFD, the replacement mark, in the
 * single-byte fonts. */
#define PDF_LATIN_FFFD 0x88

/* Reads a whole file of at most max bytes; false with *err otherwise. */
bool pdf_slurp(const char *path, size_t max, unsigned char **buf, size_t *len, char **err);

unsigned pdf_u16(const unsigned char *p);

/* The latin encoding: windows-1252 with the marks the reports draw in its
 * free codes; map[code] is its character, 0 for none. */
void pdf_latin_map(uint16_t map[256]);

/* Registers in pdf a single-byte encoding named name whose code c stands
 * for character map[c] (0: none; codes below 0x20 are never used), and
 * returns its name; NULL when libharu fails. */
const char *pdf_encoder(HPDF_Doc pdf, const char *name, const uint16_t map[256]);

/* Gives the n fonts (of one pdf_encoder encoding) one ToUnicode map, so
 * that every reader extracts their characters. */
HPDF_STATUS pdf_single_tounicode(HPDF_Doc pdf, const HPDF_Font *fonts, size_t n);

/* Rewrites the ToUnicode map libharu gives a UTF-8 font (see fonts.c). */
HPDF_STATUS pdf_utf8_tounicode(HPDF_Font font, const struct pdf_charset *cs);

/* image.c: reading images without libharu. */
bool pdf_is_png(const unsigned char *b, size_t len);
bool pdf_is_jpeg(const unsigned char *b, size_t len);

/* A JPEG's size from its first frame header, read the way libharu reads
 * it; false with *err when libharu could not load it. */
bool pdf_jpeg_size(const unsigned char *b, size_t len, unsigned *wd, unsigned *ht,
                   char **err);

/* Decodes a whole PNG to 8-bit RGB or RGBA (*alpha); *pixels is malloc'd.
 * false with *err when it is damaged or over the size limits. */
bool pdf_png_decode(const unsigned char *b, size_t len, unsigned char **pixels,
                    unsigned *wd, unsigned *ht, bool *alpha, char **err);

#endif
