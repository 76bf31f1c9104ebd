/* pdf.c - the display list drawn with libharu 2.3.0 (see shared LIBHARU.md). */
#include "pdf.h"

#include <hpdf.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* DejaVu Sans has no italic in fonts-dejavu-core; italics are the regular
 * face slanted by this shear. */
#define ITALIC_SHEAR 0.2

struct pdf_writer {
	HPDF_Doc pdf;
	HPDF_Font font[LFONT_COUNT];
	jmp_buf jmp;
	HPDF_STATUS error, detail;
};

static void S_on_error(HPDF_STATUS error, HPDF_STATUS detail, void *data)
{
	struct pdf_writer *w = data;
	w->error = error;
	w->detail = detail;
	longjmp(w->jmp, 1);
}

static char *S_msg(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static char *S_msg(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	char *m = malloc(n < 0 ? 1 : (size_t)n + 1);
	if (m == NULL)
		abort();
	m[0] = '\0';
	va_start(ap, fmt);
	if (n >= 0)
		vsnprintf(m, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return m;
}

static HPDF_Font S_load(struct pdf_writer *w, const char *dir, const char *file,
                        char **path)
{
	size_t n = strlen(dir) + strlen(file) + 2;
	*path = malloc(n);
	if (*path == NULL)
		abort();
	snprintf(*path, n, "%s/%s", dir, file);
	const char *name = HPDF_LoadTTFontFromFile(w->pdf, *path, HPDF_TRUE);
	HPDF_Font f = HPDF_GetFont(w->pdf, name, "UTF-8");
	free(*path);
	*path = NULL;
	return f;
}

struct pdf_writer *pdf_new(const char *font_dir, char **err)
{
	/* volatile: it is read after a longjmp back into this frame. */
	struct pdf_writer *volatile w = calloc(1, sizeof *w);
	if (w == NULL)
		abort();
	char *volatile path = NULL;
	*err = NULL;
	/* Fail early with a clear message rather than through libharu's codes. */
	static const char *const files[] = { "DejaVuSans.ttf", "DejaVuSans-Bold.ttf" };
	for (size_t i = 0; i < 2; i++) {
		size_t n = strlen(font_dir) + strlen(files[i]) + 2;
		char *p = malloc(n);
		if (p == NULL)
			abort();
		snprintf(p, n, "%s/%s", font_dir, files[i]);
		FILE *fp = fopen(p, "rb");
		if (fp == NULL) {
			*err = S_msg("missing font %s (install fonts-dejavu-core, run make, or pass --font-dir)", p);
			free(p);
			free(w);
			return NULL;
		}
		fclose(fp);
		free(p);
	}
	w->pdf = HPDF_New(S_on_error, w);
	if (w->pdf == NULL) {
		free(w);
		*err = S_msg("cannot create a PDF document");
		return NULL;
	}
	if (setjmp(w->jmp)) {
		*err = S_msg("libharu error 0x%04lX (detail %lu) while loading fonts from %s",
		             (unsigned long)w->error, (unsigned long)w->detail, font_dir);
		free(path);
		HPDF_Free(w->pdf);
		free(w);
		return NULL;
	}
	/* Compression before fonts, or the fonts stay uncompressed. */
	HPDF_SetCompressionMode(w->pdf, HPDF_COMP_ALL);
	HPDF_UseUTFEncodings(w->pdf);
	HPDF_SetCurrentEncoder(w->pdf, "UTF-8");
	char *p = NULL;
	w->font[LFONT_REGULAR] = S_load(w, font_dir, "DejaVuSans.ttf", &p);
	w->font[LFONT_BOLD] = S_load(w, font_dir, "DejaVuSans-Bold.ttf", &p);
	w->font[LFONT_ITALIC] = w->font[LFONT_REGULAR];
	return w;
}

void pdf_free(struct pdf_writer *w)
{
	if (w != NULL) {
		HPDF_Free(w->pdf);
		free(w);
	}
}

static double S_width(void *ctx, enum lfont font, double size, const char *text,
                      size_t len)
{
	struct pdf_writer *w = ctx;
	HPDF_TextWidth tw = HPDF_Font_TextWidth(w->font[font], (const HPDF_BYTE *)text,
	                                        (HPDF_UINT)len);
	return tw.width * size / 1000.0;
}

struct measurer pdf_measurer(struct pdf_writer *w)
{
	return (struct measurer){ S_width, w };
}

static void S_color(HPDF_Page page, struct lcolor c, bool fill)
{
	if (fill)
		HPDF_Page_SetRGBFill(page, (HPDF_REAL)c.r, (HPDF_REAL)c.g, (HPDF_REAL)c.b);
	else
		HPDF_Page_SetRGBStroke(page, (HPDF_REAL)c.r, (HPDF_REAL)c.g, (HPDF_REAL)c.b);
}

/* Draws one page's boxes; consecutive texts share one BT/ET block. */
static void S_page(struct pdf_writer *w, HPDF_Page page, const struct lpage *p,
                   double height)
{
	bool in_text = false;
	for (size_t i = 0; i < p->n; i++) {
		const struct lbox *b = &p->boxes[i];
		if (b->kind != LBOX_TEXT && in_text) {
			HPDF_Page_EndText(page);
			in_text = false;
		}
		switch (b->kind) {
		case LBOX_TEXT:
			if (!in_text) {
				HPDF_Page_BeginText(page);
				in_text = true;
			}
			HPDF_Page_SetFontAndSize(page, w->font[b->font], (HPDF_REAL)b->size);
			S_color(page, b->color, true);
			HPDF_Page_SetTextMatrix(page, 1, 0, b->font == LFONT_ITALIC ? ITALIC_SHEAR : 0,
			                        1, (HPDF_REAL)b->x, (HPDF_REAL)(height - b->y));
			HPDF_Page_ShowText(page, b->text);
			break;
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
		}
	}
	if (in_text)
		HPDF_Page_EndText(page);
}

static void S_info(struct pdf_writer *w, const struct pdf_info *info)
{
	if (info->title)
		HPDF_SetInfoAttr(w->pdf, HPDF_INFO_TITLE, info->title);
	if (info->author)
		HPDF_SetInfoAttr(w->pdf, HPDF_INFO_AUTHOR, info->author);
	if (info->subject)
		HPDF_SetInfoAttr(w->pdf, HPDF_INFO_SUBJECT, info->subject);
	if (info->creator)
		HPDF_SetInfoAttr(w->pdf, HPDF_INFO_CREATOR, info->creator);
	struct tm tm;
	gmtime_r(&info->created, &tm);
	/* '+' with zero offsets, not 'Z': see LIBHARU.md. */
	HPDF_Date d = { tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
	                tm.tm_min, tm.tm_sec, '+', 0, 0 };
	HPDF_SetInfoDateAttr(w->pdf, HPDF_INFO_CREATION_DATE, d);
	HPDF_SetInfoDateAttr(w->pdf, HPDF_INFO_MOD_DATE, d);
}

bool pdf_render(struct pdf_writer *w, const struct ldoc *d,
                const struct pdf_info *info, unsigned char **bytes,
                size_t *len, char **err)
{
	HPDF_Page *volatile pages = calloc(d->npages ? d->npages : 1, sizeof *pages);
	HPDF_Outline *volatile parents = NULL;
	unsigned char *volatile buf = NULL;
	*bytes = NULL;
	*err = NULL;
	if (pages == NULL)
		abort();
	if (setjmp(w->jmp)) {
		*err = S_msg("libharu error 0x%04lX (detail %lu) while writing the PDF",
		             (unsigned long)w->error, (unsigned long)w->detail);
		free(pages);
		free(parents);
		free(buf);
		return false;
	}
	HPDF_SetPageMode(w->pdf, d->noutline ? HPDF_PAGE_MODE_USE_OUTLINE : HPDF_PAGE_MODE_USE_NONE);
	for (size_t i = 0; i < d->npages; i++) {
		pages[i] = HPDF_AddPage(w->pdf);
		HPDF_Page_SetWidth(pages[i], (HPDF_REAL)d->width);
		HPDF_Page_SetHeight(pages[i], (HPDF_REAL)d->height);
		S_page(w, pages[i], &d->pages[i], d->height);
	}
	/* Outline levels nest under the latest entry of the level above. */
	parents = calloc(4, sizeof *parents);
	if (parents == NULL)
		abort();
	HPDF_Encoder utf8 = HPDF_GetEncoder(w->pdf, "UTF-8");
	for (size_t i = 0; i < d->noutline; i++) {
		const struct loutline *o = &d->outline[i];
		int lv = o->level < 0 ? 0 : o->level > 3 ? 3 : o->level;
		HPDF_Outline parent = lv > 0 ? parents[lv - 1] : NULL;
		HPDF_Outline ol = HPDF_CreateOutline(w->pdf, parent, o->title, utf8);
		HPDF_Destination dst = HPDF_Page_CreateDestination(pages[o->page]);
		/* libharu refuses XYZ with a null zoom; FitH keeps the reader's width. */
		HPDF_Destination_SetFitH(dst, (HPDF_REAL)(d->height - o->y + 4));
		HPDF_Outline_SetDestination(ol, dst);
		HPDF_Outline_SetOpened(ol, HPDF_TRUE);
		parents[lv] = ol;
		for (int k = lv + 1; k < 4; k++)
			parents[k] = NULL;
	}
	S_info(w, info);
	HPDF_SaveToStream(w->pdf);
	HPDF_UINT32 size = HPDF_GetStreamSize(w->pdf);
	buf = malloc(size ? size : 1);
	if (buf == NULL)
		abort();
	HPDF_UINT32 got = size;
	HPDF_ReadFromStream(w->pdf, buf, &got);
	*bytes = buf;
	*len = got;
	free(pages);
	free(parents);
	return true;
}
