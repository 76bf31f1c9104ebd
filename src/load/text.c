/* text.c - text folding, where a text starts, and xs:decimal numbers for
 * the load stage. */
#include "load_int.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

#include "arena.h"

bool load_is_ws(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

bool load_is_text(const xmlNode *n)
{
	return n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE;
}

const char *load_content(const xmlNode *n)
{
	return n->content != NULL ? (const char *)n->content : "";
}

bool load_blank(const char *s)
{
	for (; *s != '\0'; s++)
		if (!load_is_ws(*s))
			return false;
	return true;
}

char *load_fold_into(char *o, const char *s, bool *blank)
{
	for (; *s != '\0'; s++) {
		if (!load_is_ws(*s)) {
			*o++ = *s;
			*blank = false;
		} else if (!*blank) {
			*o++ = ' ';
			*blank = true;
		}
	}
	*o = '\0';
	return o;
}

const char *load_fold(struct arena *a, const char *s)
{
	char *out = arena_alloc(a, strlen(s) + 1);
	bool blank = true;
	char *o = load_fold_into(out, s, &blank);
	if (o > out && o[-1] == ' ')
		o[-1] = '\0';
	return out;
}

/* The shape step has removed any element children, so only text is left
 * (and comments and processing instructions, which are skipped). */
const char *load_text(struct load_ctx *ctx, const xmlNode *n)
{
	size_t len = 0;
	for (const xmlNode *c = n->children; c != NULL; c = c->next)
		if (load_is_text(c))
			len += strlen(load_content(c));
	char *out = arena_alloc(ctx->doc->arena, len + 1), *o = out;
	bool blank = true;
	for (const xmlNode *c = n->children; c != NULL; c = c->next)
		if (load_is_text(c))
			o = load_fold_into(o, load_content(c), &blank);
	if (o > out && o[-1] == ' ')
		o[-1] = '\0';
	return out;
}

/* libxml2 gives a text node the line where its first chunk ends (the
 * whole text when it is ASCII), so count back from there. */
struct srcpos load_text_pos(const struct load_ctx *ctx, const xmlNode *parent,
                            const xmlNode *t)
{
	struct srcpos pos = load_pos(ctx, parent);
	long line = xmlGetLineNo(t);
	const char *s = load_content(t);
	while (*s != '\0' && load_is_ws(*s))
		s++;
	for (; *s != '\0'; s++)
		line -= *s == '\n';
	if (line > pos.line)
		pos.line = line;
	return pos;
}

static const char *S_skip_ws(const char *s)
{
	while (load_is_ws(*s))
		s++;
	return s;
}

/* Powers of ten that a double holds exactly. */
static const double S_POW10[] = {
	1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
	1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
};

/* Up to 19 significant digits as an integer and the power of ten that
 * scales them; returns the end of the digits. */
static const char *S_digits(const char *p, uint64_t *mant, int *exp10,
                            int *ndigits)
{
	int kept = 0;
	bool frac = false;
	for (;; p++) {
		if (*p == '.' && !frac) {
			frac = true;
			continue;
		}
		if (*p < '0' || *p > '9')
			return p;
		unsigned dg = (unsigned)(*p - '0');
		if (*ndigits < INT32_MAX)
			++*ndigits;
		if (*mant == 0 && dg == 0) {
			*exp10 -= frac && *exp10 > -100000;
		} else if (kept < 19) {
			*mant = *mant * 10 + dg;
			kept++;
			*exp10 -= frac;
		} else {
			/* a dropped integer digit still scales */
			*exp10 += !frac && *exp10 < 100000;
		}
	}
}

/* Digit by digit rather than by strtod, whose decimal point follows the
 * locale.  Exact (one rounding) for up to 15 significant digits and 22
 * decimals; within an ulp beyond. */
enum load_num load_decimal(const char *s, double *out)
{
	const char *p = S_skip_ws(s);
	bool neg = false;
	if (*p == '+' || *p == '-')
		neg = *p++ == '-';
	uint64_t mant = 0;
	int exp10 = 0, ndigits = 0;
	p = S_digits(p, &mant, &exp10, &ndigits);
	if (ndigits == 0 || *S_skip_ws(p) != '\0')
		return LOAD_NUM_BAD;
	double v;
	if (mant <= (UINT64_C(1) << 53) && exp10 >= -22 && exp10 <= 22)
		v = exp10 < 0 ? (double)mant / S_POW10[-exp10]
		              : (double)mant * S_POW10[exp10];
	else
		v = (double)((long double)mant * powl(10.0L, exp10));
	if (!isfinite(v))
		return LOAD_NUM_RANGE;
	*out = neg ? -v : v;
	return LOAD_NUM_OK;
}

bool load_integer(const char *s, long *out)
{
	const char *p = S_skip_ws(s);
	bool neg = false;
	if (*p == '+' || *p == '-')
		neg = *p++ == '-';
	long v = 0;
	int n = 0;
	for (; *p >= '0' && *p <= '9'; p++, n++) {
		if (v > 100000000)
			return false;
		v = v * 10 + (*p - '0');
	}
	if (n == 0 || *S_skip_ws(p) != '\0')
		return false;
	*out = neg ? -v : v;
	return true;
}
