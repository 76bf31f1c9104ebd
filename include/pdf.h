/* pdf.h - drawing a laid-out report with libharu.
 *
 * The only module that includes libharu.  A pdf_writer is one PDF
 * document: it loads the fonts (so the layout can measure with them),
 * draws a struct ldoc and hands back the bytes.  Writing them to disk is
 * the CLI's job. */
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

/* A writer with DejaVu Sans regular and bold from font_dir loaded.  NULL on
 * failure with a message in *err (owned by the caller, free()). */
struct pdf_writer *pdf_new(const char *font_dir, char **err);
void pdf_free(struct pdf_writer *w);

/* Measures with the writer's fonts; valid as long as the writer. */
struct measurer pdf_measurer(struct pdf_writer *w);

/* Draws every page of d, its outline and info, and returns the PDF bytes
 * (malloc'd, the caller frees).  false with *err set on failure. */
bool pdf_render(struct pdf_writer *w, const struct ldoc *d,
                const struct pdf_info *info, unsigned char **bytes,
                size_t *len, char **err);

#endif
