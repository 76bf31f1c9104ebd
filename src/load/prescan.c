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
