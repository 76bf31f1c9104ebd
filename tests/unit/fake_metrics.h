/* fake_metrics.h - font metrics for tests that lay out text without fonts. */
#ifndef VERDICT_FAKE_METRICS_H
#define VERDICT_FAKE_METRICS_H

#include <stddef.h>

#include "layout.h"

/* Every character (UTF-8 sequence) is 0.5 * size wide, bold 0.6 * size;
 * the ascent is DejaVu Sans's.  Round numbers make positions easy to work
 * out by hand, and a layout golden made with them does not move when a
 * font is rebuilt. */
#define FAKE_ASCENT 0.93

/* Characters in len bytes of UTF-8: the bytes that do not continue one. */
static inline size_t fake_chars(const char *s, size_t len)
{
	size_t n = 0;
	for (size_t i = 0; i < len; i++)
		n += ((unsigned char)s[i] & 0xC0) != 0x80;
	return n;
}

static inline double fake_width(void *ctx, enum lfont font, double size, const char *s,
                                size_t len)
{
	(void)ctx;
	return (double)fake_chars(s, len) * size * (font == LFONT_BOLD ? 0.6 : 0.5);
}

/* The measurer to lay out with. */
static inline struct measurer fake_measurer(void)
{
	return (struct measurer){ fake_width, NULL, FAKE_ASCENT };
}

#endif
