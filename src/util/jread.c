/* jread.c - a strict JSON reader into a tree (see jread.h). */
#include "jread.h"

#include <locale.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "utf8.h"

struct jreader {
	const char *p, *end;
	struct arena *a;
	const char *error;       /* the first problem, NULL while fine */
};

static bool S_fail(struct jreader *r, const char *what)
{
	if (r->error == NULL)
		r->error = what;
	return false;
}

static void S_ws(struct jreader *r)
{
	while (r->p < r->end && (*r->p == ' ' || *r->p == '\t' || *r->p == '\n' || *r->p == '\r'))
		r->p++;
}

static bool S_lit(struct jreader *r, const char *word)
{
	size_t n = strlen(word);
	if ((size_t)(r->end - r->p) < n || memcmp(r->p, word, n) != 0)
		return S_fail(r, "bad literal");
	r->p += n;
	return true;
}

static bool S_digits(struct jreader *r)
{
	const char *s = r->p;
	while (r->p < r->end && *r->p >= '0' && *r->p <= '9')
		r->p++;
	return r->p > s;
}

/* -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? */
static bool S_number(struct jreader *r, struct jread_val *v)
{
	const char *s = r->p;
	if (r->p < r->end && *r->p == '-')
		r->p++;
	if (r->p < r->end && *r->p == '0')
		r->p++;
	else if (r->p >= r->end || *r->p < '1' || *r->p > '9' || !S_digits(r))
		return S_fail(r, "bad number");
	if (r->p < r->end && *r->p == '.') {
		r->p++;
		if (!S_digits(r))
			return S_fail(r, "no digits after the point");
	}
	if (r->p < r->end && (*r->p == 'e' || *r->p == 'E')) {
		r->p++;
		if (r->p < r->end && (*r->p == '+' || *r->p == '-'))
			r->p++;
		if (!S_digits(r))
			return S_fail(r, "no exponent digits");
	}
	v->type = JREAD_NUM;
	v->text = arena_strndup(r->a, s, (size_t)(r->p - s));
	/* read in the C locale, whatever LC_NUMERIC says */
	locale_t c = newlocale(LC_NUMERIC_MASK, "C", (locale_t)0);
	locale_t old = c != (locale_t)0 ? uselocale(c) : (locale_t)0;
	v->num = strtod(v->text, NULL);
	if (c != (locale_t)0) {
		uselocale(old);
		freelocale(c);
	}
	if (!isfinite(v->num))
		return S_fail(r, "number out of range");
	return true;
}

static bool S_hex4(struct jreader *r, unsigned long *out)
{
	if (r->end - r->p < 4)
		return S_fail(r, "short \\u escape");
	*out = 0;
	for (int i = 0; i < 4; i++) {
		char c = *r->p++;
		int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
		      : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
		if (d < 0)
			return S_fail(r, "bad \\u escape");
		*out = *out * 16 + (unsigned long)d;
	}
	return true;
}

static bool S_escape(struct jreader *r, char *o, size_t *n)
{
	static const char from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";
	if (r->p >= r->end)
		return S_fail(r, "escape at the end");
	const char *k = strchr(from, *r->p);
	if (*r->p != 'u') {
		if (k == NULL || *r->p == '\0')
			return S_fail(r, "unknown escape");
		r->p++;
		o[(*n)++] = to[k - from];
		return true;
	}
	r->p++;
	unsigned long cp, lo;
	if (!S_hex4(r, &cp))
		return false;
	if (cp >= 0xDC00 && cp <= 0xDFFF)
		return S_fail(r, "lone low surrogate");
	if (cp >= 0xD800 && cp <= 0xDBFF) {
		if (r->end - r->p < 2 || r->p[0] != '\\' || r->p[1] != 'u')
			return S_fail(r, "lone high surrogate");
		r->p += 2;
		if (!S_hex4(r, &lo) || lo < 0xDC00 || lo > 0xDFFF)
			return S_fail(r, "bad surrogate pair");
		cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
	}
	*n += utf8_encode((uint32_t)cp, (unsigned char *)o + *n);
	return true;
}

static bool S_string(struct jreader *r, struct jread_val *v)
{
	r->p++;                                   /* the opening quote */
	/* decoded text is never longer than the encoded one */
	char *o = arena_alloc(r->a, (size_t)(r->end - r->p) + 1);
	size_t n = 0;
	for (;;) {
		if (r->p >= r->end)
			return S_fail(r, "unterminated string");
		unsigned char c = (unsigned char)*r->p;
		if (c == '"')
			break;
		if (c < 0x20)
			return S_fail(r, "raw control character in a string");
		if (c == '\\') {
			r->p++;
			if (!S_escape(r, o, &n))
				return false;
			continue;
		}
		uint32_t cp;
		size_t k = utf8_decode((const unsigned char *)r->p, (size_t)(r->end - r->p),
		                       UTF8_STRICT, &cp);
		if (k == 0)
			return S_fail(r, "invalid UTF-8");
		memcpy(o + n, r->p, k);
		n += k;
		r->p += k;
	}
	r->p++;
	o[n] = '\0';
	v->type = JREAD_STR;
	v->text = o;
	v->len = n;
	return true;
}

static struct jread_val *S_value(struct jreader *r, int depth);

/* An array or object: items separated by commas; objects have keys. */
static bool S_compound(struct jreader *r, struct jread_val *v, int depth)
{
	bool obj = *r->p == '{';
	char close = obj ? '}' : ']';
	v->type = obj ? JREAD_OBJ : JREAD_ARR;
	r->p++;
	size_t cap = 0;
	S_ws(r);
	if (r->p < r->end && *r->p == close) {
		r->p++;
		return true;
	}
	for (;;) {
		if (v->n == cap) {
			cap = cap ? 2 * cap : 8;
			struct jread_val **items = arena_array(r->a, cap, sizeof *items);
			const char **keys = arena_array(r->a, cap, sizeof *keys);
			if (v->n) {
				memcpy(items, v->items, v->n * sizeof *items);
				memcpy(keys, v->keys, v->n * sizeof *keys);
			}
			v->items = items;
			v->keys = keys;
		}
		S_ws(r);
		if (obj) {
			struct jread_val k = { 0 };
			if (r->p >= r->end || *r->p != '"' || !S_string(r, &k))
				return S_fail(r, "object key is not a string");
			for (size_t i = 0; i < v->n; i++)
				if (strcmp(v->keys[i], k.text) == 0)
					return S_fail(r, "duplicate key");
			v->keys[v->n] = k.text;
			S_ws(r);
			if (r->p >= r->end || *r->p != ':')
				return S_fail(r, "no colon after a key");
			r->p++;
		}
		struct jread_val *item = S_value(r, depth + 1);
		if (item == NULL)
			return false;
		v->items[v->n++] = item;
		S_ws(r);
		if (r->p < r->end && *r->p == ',') {
			r->p++;
			continue;
		}
		if (r->p < r->end && *r->p == close) {
			r->p++;
			return true;
		}
		return S_fail(r, "expected a comma or the closing bracket");
	}
}

static struct jread_val *S_value(struct jreader *r, int depth)
{
	struct jread_val *v = arena_alloc(r->a, sizeof *v);
	bool ok;
	S_ws(r);
	if (depth > 64)
		return S_fail(r, "too deep"), NULL;
	if (r->p >= r->end)
		return S_fail(r, "value expected"), NULL;
	switch (*r->p) {
	case 'n': ok = S_lit(r, "null"); v->type = JREAD_NULL; break;
	case 't': ok = S_lit(r, "true"); v->type = JREAD_BOOL; v->b = true; break;
	case 'f': ok = S_lit(r, "false"); v->type = JREAD_BOOL; break;
	case '"': ok = S_string(r, v); break;
	case '[': case '{': ok = S_compound(r, v, depth); break;
	default: ok = S_number(r, v);
	}
	return ok ? v : NULL;
}

struct jread_val *jread_parse(const char *text, size_t len, struct arena *a,
                              size_t *at, const char **error)
{
	struct jreader r = { text, text + len, a, NULL };
	struct jread_val *v = S_value(&r, 0);
	S_ws(&r);
	if (v != NULL && r.p != r.end)
		v = NULL, S_fail(&r, "text after the value");
	*at = (size_t)(r.p - text);
	*error = r.error;
	return v;
}

const struct jread_val *jread_get(const struct jread_val *o, const char *key)
{
	if (o == NULL || o->type != JREAD_OBJ)
		return NULL;
	for (size_t i = 0; i < o->n; i++)
		if (strcmp(o->keys[i], key) == 0)
			return o->items[i];
	return NULL;
}
