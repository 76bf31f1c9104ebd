/* pdf.h - drawing a laid-out report with libharu.
 *
 * The only stage that includes libharu (src/pdf/).  A pdf_writer holds
 * the fonts, set up once: it measures text for the layout, draws a struct
 * ldoc with its images into a PDF document and hands back the bytes, as
 * often as asked.  Writing them to disk is the CLI's job.  It also answers two questions asked before
 * any report is laid out: which characters the fonts can draw, and whether
 * a logo is an image it can embed. */
#ifndef VERDICT_PDF_H
#define VERDICT_PDF_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "layout.h"

struct pdf_writer;

struct pdf_info {
	const char *title, *author, *subject, *creator;   /* UTF-8, may be NULL */
	time_t created;
};

/* A writer with DejaVu Sans regular and bold from font_dir.  NULL on
 * failure with a message in *err (owned by the caller, free()).
 *
 * A report is drawn with the first kind of font that encodes all its text:
 * single-byte fonts in windows-1252 with the marks the reports draw
 * (pdf_charset_latin), from faces cut down to it, which the writer sets up
 * at once; single-byte fonts in an encoding of the report's own, when it
 * draws at most PDF_OWN_CODES characters beyond ASCII (Greek, Cyrillic,
 * any the faces have), set up for the report; else UTF-8 CID fonts, set
 * up when a report first needs them (or pdf_want_utf8 asks), which costs
 * about as much as drawing a report.  A report uses up the document it is
 * drawn in: the writer sets up a fresh one when the next report needs it.
 * So a process that sets the UTF-8 fonts up and then forks a child per
 * report pays for them once. */
struct pdf_writer *pdf_new(const char *font_dir, char **err);
void pdf_free(struct pdf_writer *w);

/* Sets up the UTF-8 fonts now, for reports that need them; false with
 * *err (caller frees) on failure. */
bool pdf_want_utf8(struct pdf_writer *w, char **err);

/* The most characters beyond ASCII a report's own single-byte encoding
 * holds (codes 0x7F-0xFF). */
#define PDF_OWN_CODES 129

/* Whether a report of an input whose texts draw chars distinct
 * characters beyond ASCII may need the UTF-8 fonts: the reports add
 * some of their own (marks, dashes, quotes), up to 32 allowed for. */
bool pdf_may_need_utf8(size_t chars);

/* Measures with the writer's fonts; valid as long as the writer.  A
 * character the fonts lack (and any above U+FFFF, which libharu cannot
 * encode) is measured and drawn as U+FFFD, the replacement mark. */
struct measurer pdf_measurer(struct pdf_writer *w);

/* The image in the len bytes at data (checked with pdf_image_probe; the
 * caller keeps them until the writer is freed), to be drawn by LBOX_IMAGE
 * boxes whose text is key; messages name the image by key (the logo's
 * path).  Adding the same key again does nothing.  false with *err set
 * when it is not a PNG or JPEG; a failure to load it is pdf_render's. */
bool pdf_image_add(struct pdf_writer *w, const char *key, const unsigned char *data,
                   size_t len, char **err);

/* Draws every page of d, its outline and info, and returns the PDF bytes
 * (malloc'd, the caller frees).  false with *err set on failure. */
bool pdf_render(struct pdf_writer *w, const struct ldoc *d,
                const struct pdf_info *info, unsigned char **bytes,
                size_t *len, char **err);

/* ---- before layout ---------------------------------------------------------- */

/* The characters both faces in font_dir map to a glyph, read from the
 * same character map subtable (Unicode BMP, format 4) that libharu uses.
 * NULL with *err (caller frees) when a font cannot be read. */
struct pdf_charset *pdf_charset_load(const char *font_dir, char **err);
void pdf_charset_free(struct pdf_charset *cs);

/* Whether the fonts draw code point cp (always false above U+FFFF). */
bool pdf_charset_has(const struct pdf_charset *cs, unsigned long cp);

/* Whether the single-byte fonts draw cp: windows-1252 and the marks. */
bool pdf_charset_latin(const struct pdf_charset *cs, unsigned long cp);

/* Whether the len bytes at data are a PNG or a JPEG that can be embedded:
 * not over the size limits, and (PNG) decodable throughout.  Gives its
 * size in pixels; false with *err (caller frees) saying why not.  A
 * check_image_fn. */
bool pdf_image_probe(const unsigned char *data, size_t len, double *width, double *height,
                     char **err);

#endif
