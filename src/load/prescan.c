/* prescan.c - limits on the raw bytes that libxml2 would enforce too late
 * or not at all: attributes per start tag (its duplicate check is
 * quadratic in their number) and the length of one text or value (its
 * 10 MB limit does not apply when it parses from memory).
 *
 * One pass over the bytes, knowing just enough XML to tell markup from
 * text: comments, CDATA sections, processing instructions, declarations,
 * end tags and quoted values.  Malformed input is left to the parser; the
 * scan only stops at the first excess, and is linear in every case. */
#include "load_int.h"

#include <string.h>

struct S_scan {
	const char *p, *end;
	long line;
	struct load_excess *out;
};

/* Moves past the first occurrence of the NUL-terminated delim, counting
 * lines; to the end when there is none.  Returns the bytes skipped before
 * delim. */
static size_t S_skip_to(struct S_scan *s, const char *delim)
{
	size_t dl = strlen(delim);
	const char *start = s->p;
	while (s->p < s->end) {
		const char *q = memchr(s->p, delim[0], (size_t)(s->end - s->p));
		const char *stop = q != NULL ? q : s->end;
		for (const char *c = s->p; c < stop; c++)
			s->line += *c == '\n';
		s->p = stop;
		if (q == NULL)
			break;
		if ((size_t)(s->end - q) >= dl && memcmp(q, delim, dl) == 0) {
			s->p = q + dl;
			return (size_t)(q - start);
		}
		s->p = q + 1;
	}
	return (size_t)(s->p - start);
}

static bool S_excess(struct S_scan *s, enum load_excess_kind kind, long line,
                     const char *name, size_t name_len)
{
	s->out->kind = kind;
	s->out->line = line;
	s->out->name = name;
	s->out->name_len = name_len;
	return false;
}

static bool S_name_char(char c)
{
	return c != '\0' && !load_is_ws(c) && strchr("/>=\"'<", c) == NULL;
}

/* A start tag from just after its '<': counts its attributes (an '='
 * outside quotes) and measures its values. */
static bool S_start_tag(struct S_scan *s)
{
	long line = s->line;
	const char *tag = s->p, *name = s->p;
	while (s->p < s->end && S_name_char(*s->p))
		s->p++;
	size_t name_len = (size_t)(s->p - name);
	size_t attrs = 0;
	while (s->p < s->end && *s->p != '>' && *s->p != '<') {
		char c = *s->p;
		if (c == '"' || c == '\'') {
			long vline = s->line;
			s->p++;
			char delim[2] = { c, '\0' };
			if (S_skip_to(s, delim) > LOAD_MAX_TEXT)
				return S_excess(s, LOAD_EXCESS_VALUE, vline, name, name_len);
			continue;
		}
		if (c == '=' && ++attrs > LOAD_MAX_ATTRIBUTES)
			return S_excess(s, LOAD_EXCESS_ATTRIBUTES, line, name, name_len);
		s->line += c == '\n';
		s->p++;
	}
	if ((size_t)(s->p - tag) > LOAD_MAX_TAG)
		return S_excess(s, LOAD_EXCESS_TAG, line, name, name_len);
	if (s->p < s->end && *s->p == '>')
		s->p++;   /* not the text that follows */
	return true;
}

/* Markup from just after its '<'. */
static bool S_markup(struct S_scan *s)
{
	static const struct { const char *open, *close; bool text; } skips[] = {
		{ "!--", "-->", false }, { "![CDATA[", "]]>", true },
		{ "?", "?>", false }, { "/", ">", false },
	};
	for (size_t i = 0; i < sizeof skips / sizeof skips[0]; i++) {
		size_t ol = strlen(skips[i].open);
		if ((size_t)(s->end - s->p) < ol || memcmp(s->p, skips[i].open, ol) != 0)
			continue;
		long line = s->line;
		s->p += ol;
		if (S_skip_to(s, skips[i].close) > LOAD_MAX_TEXT && skips[i].text)
			return S_excess(s, LOAD_EXCESS_TEXT, line, NULL, 0);
		return true;
	}
	if (s->p < s->end && *s->p == '!') {   /* <!DOCTYPE ...>: the parser refuses what matters */
		S_skip_to(s, ">");
		return true;
	}
	return S_start_tag(s);
}

bool load_prescan(const char *buf, size_t len, struct load_excess *out)
{
	struct S_scan s = { buf, buf + len, 1, out };
	out->kind = LOAD_EXCESS_NONE;
	while (s.p < s.end) {
		long line = s.line;
		if (S_skip_to(&s, "<") > LOAD_MAX_TEXT)
			return S_excess(&s, LOAD_EXCESS_TEXT, line, NULL, 0);
		if (s.p < s.end && !S_markup(&s))
			return false;
	}
	return true;
}

/* ---- bare '&' ------------------------------------------------------------ */

static bool S_ref_start(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':' ||
	       c >= 0x80;
}

static bool S_ref_char(unsigned char c)
{
	return S_ref_start(c) || (c >= '0' && c <= '9') || c == '-' || c == '.';
}

static bool S_hex(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/* Whether the '&' at p starts a reference: name; or #digits; or #xhex; */
static bool S_is_ref(const char *p, const char *end)
{
	const unsigned char *q = (const unsigned char *)p + 1, *e = (const unsigned char *)end;
	if (q < e && *q == '#') {
		q++;
		bool hex = q < e && *q == 'x';
		q += hex;
		const unsigned char *digits = q;
		while (q < e && (hex ? S_hex(*q) : (*q >= '0' && *q <= '9')))
			q++;
		return q > digits && q < e && *q == ';';
	}
	if (q >= e || !S_ref_start(*q))
		return false;
	while (q < e && S_ref_char(*q))
		q++;
	return q < e && *q == ';';
}

size_t load_bare_amps(const char *buf, size_t len, struct load_pos *at, size_t max)
{
	static const struct { const char *open, *close; } skips[] = {
		{ "<!--", "-->" }, { "<![CDATA[", "]]>" }, { "<?", "?>" }, { "<!", ">" },
	};
	/* The column of cpos is ccol; it moves forward only, so a long
	 * line of '&'s costs one walk over it. */
	const char *p = buf, *end = buf + len, *cpos = buf;
	long line = 1, ccol = 1;
	size_t n = 0;
	char quote = 0;      /* inside a start tag's quoted value */
	bool tag = false;    /* inside a start or end tag */
	while (p < end) {
		char c = *p;
		if (c == '\n') {
			line++;
			cpos = p + 1;
			ccol = 1;
		} else if (c == '&' && (!tag || quote) && !S_is_ref(p, end)) {
			if (n < max) {
				/* In characters: UTF-8 continuation bytes do not count. */
				for (; cpos < p; cpos++)
					ccol += ((unsigned char)*cpos & 0xC0) != 0x80;
				at[n] = (struct load_pos){ line, ccol };
			}
			n++;
		} else if (tag) {
			if (quote ? c == quote : c == '"' || c == '\'')
				quote = quote ? 0 : c;
			else if (!quote && c == '>')
				tag = false;
		} else if (c == '<') {
			size_t i = 0, k = sizeof skips / sizeof skips[0];
			while (i < k && ((size_t)(end - p) < strlen(skips[i].open) ||
			                 memcmp(p, skips[i].open, strlen(skips[i].open)) != 0))
				i++;
			if (i == k) {
				tag = true;
			} else {
				struct S_scan s = { p + strlen(skips[i].open), end, line, NULL };
				S_skip_to(&s, skips[i].close);
				if (s.line != line) {   /* the new line starts inside what was skipped */
					for (cpos = s.p; cpos > p && cpos[-1] != '\n'; cpos--)
						;
					ccol = 1;
				}
				p = s.p;
				line = s.line;
				continue;
			}
		}
		p++;
	}
	return n;
}
