/* baseline.c - reading back a JSON summary for --baseline (SPEC 6.5).
 *
 * A strict JSON reader into a tree (the grammar of RFC 8259, escapes,
 * surrogate pairs, valid UTF-8; the same reader tests/unit/test_json.c
 * uses), then the keys --baseline needs, each checked for its type. */
#include "baseline.h"

#include <locale.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"

enum jtype { J_NULL, J_BOOL, J_NUM, J_STR, J_ARR, J_OBJ };

struct jval {
	enum jtype type;
	bool b;
	double num;
	const char *text;        /* J_NUM: as written; J_STR: decoded UTF-8 */
	size_t len;              /* J_STR: bytes (may hold NUL) */
	struct jval **items;     /* J_ARR, J_OBJ */
	const char **keys;       /* J_OBJ, in document order */
	size_t n;
};

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
static bool S_number(struct jreader *r, struct jval *v)
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
	v->type = J_NUM;
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

static size_t S_utf8_len(const unsigned char *s, size_t avail)
{
	size_t n = s[0] < 0x80 ? 1 : s[0] >= 0xC2 && s[0] <= 0xDF ? 2
	         : s[0] >= 0xE0 && s[0] <= 0xEF ? 3 : s[0] >= 0xF0 && s[0] <= 0xF4 ? 4 : 0;
	if (n == 0 || n > avail)
		return 0;
	for (size_t i = 1; i < n; i++)
		if ((s[i] & 0xC0) != 0x80)
			return 0;
	if ((s[0] == 0xE0 && s[1] < 0xA0) || (s[0] == 0xED && s[1] >= 0xA0) ||
	    (s[0] == 0xF0 && s[1] < 0x90) || (s[0] == 0xF4 && s[1] >= 0x90))
		return 0;
	return n;
}

static size_t S_put_utf8(char *o, unsigned long cp)
{
	if (cp < 0x80) {
		o[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		o[0] = (char)(0xC0 | cp >> 6);
		o[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		o[0] = (char)(0xE0 | cp >> 12);
		o[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		o[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	o[0] = (char)(0xF0 | cp >> 18);
	o[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	o[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	o[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
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
	*n += S_put_utf8(o + *n, cp);
	return true;
}

static bool S_string(struct jreader *r, struct jval *v)
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
		size_t k = S_utf8_len((const unsigned char *)r->p, (size_t)(r->end - r->p));
		if (k == 0)
			return S_fail(r, "invalid UTF-8");
		memcpy(o + n, r->p, k);
		n += k;
		r->p += k;
	}
	r->p++;
	o[n] = '\0';
	v->type = J_STR;
	v->text = o;
	v->len = n;
	return true;
}

static struct jval *S_value(struct jreader *r, int depth);

/* An array or object: items separated by commas; objects have keys. */
static bool S_compound(struct jreader *r, struct jval *v, int depth)
{
	bool obj = *r->p == '{';
	char close = obj ? '}' : ']';
	v->type = obj ? J_OBJ : J_ARR;
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
			struct jval **items = arena_array(r->a, cap, sizeof *items);
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
			struct jval k = { 0 };
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
		struct jval *item = S_value(r, depth + 1);
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

static struct jval *S_value(struct jreader *r, int depth)
{
	struct jval *v = arena_alloc(r->a, sizeof *v);
	bool ok;
	S_ws(r);
	if (depth > 64)
		return S_fail(r, "too deep"), NULL;
	if (r->p >= r->end)
		return S_fail(r, "value expected"), NULL;
	switch (*r->p) {
	case 'n': ok = S_lit(r, "null"); v->type = J_NULL; break;
	case 't': ok = S_lit(r, "true"); v->type = J_BOOL; v->b = true; break;
	case 'f': ok = S_lit(r, "false"); v->type = J_BOOL; break;
	case '"': ok = S_string(r, v); break;
	case '[': case '{': ok = S_compound(r, v, depth); break;
	default: ok = S_number(r, v);
	}
	return ok ? v : NULL;
}


/* ---- the summary's keys ---- */

struct ctx {
	struct arena *a;
	const char *err;
};

static const struct jval *S_get(struct ctx *x, const struct jval *o, const char *key,
                                enum jtype t, bool nullable)
{
	if (x->err != NULL)
		return NULL;
	if (o == NULL || o->type != J_OBJ) {
		x->err = arena_printf(x->a, "an object with '%s' expected", key);
		return NULL;
	}
	for (size_t i = 0; i < o->n; i++) {
		if (strcmp(o->keys[i], key) != 0)
			continue;
		const struct jval *v = o->items[i];
		if (v->type == t || (nullable && v->type == J_NULL))
			return v;
		break;
	}
	x->err = arena_printf(x->a, "no key '%s' of the right type", key);
	return NULL;
}

static const char *S_str(struct ctx *x, const struct jval *o, const char *key, bool nullable)
{
	const struct jval *v = S_get(x, o, key, J_STR, nullable);
	return v != NULL && v->type == J_STR ? v->text : NULL;
}

static bool S_date(const char *s)
{
	static const char form[] = "dddd-dd-dd";
	if (s == NULL || strlen(s) != sizeof form - 1)
		return false;
	for (size_t i = 0; form[i]; i++)
		if (form[i] == 'd' ? s[i] < '0' || s[i] > '9' : s[i] != form[i])
			return false;
	return true;
}

static void S_ratings(struct ctx *x, const struct jval *o, struct baseline_input *in)
{
	size_t n = 0;
	for (size_t c = 0; c < o->n; c++) {
		if (o->items[c]->type != J_OBJ) {
			x->err = "a rating's criterion is not an object";
			return;
		}
		n += o->items[c]->n;
	}
	in->ratings = arena_array(x->a, n, sizeof *in->ratings);
	for (size_t c = 0; c < o->n && x->err == NULL; c++) {
		const struct jval *row = o->items[c];
		for (size_t f = 0; f < row->n && x->err == NULL; f++) {
			const struct jval *r = row->items[f];
			struct baseline_rating *br = &in->ratings[in->nratings++];
			br->criterion = o->keys[c];
			br->framework = row->keys[f];
			const struct jval *u = S_get(x, r, "u", J_NUM, false);
			br->u = u ? u->num : 0;
			bool has_level = false;
			for (size_t i = 0; r->type == J_OBJ && i < r->n; i++)
				has_level |= strcmp(r->keys[i], "level") == 0;
			if (has_level) {
				br->level = S_str(x, r, "level", false);
			} else {
				const struct jval *v = S_get(x, r, "value", J_NUM, false);
				br->value = v ? v->num : 0;
			}
		}
	}
}

static void S_profile(struct ctx *x, const struct jval *o, struct baseline_profile *p)
{
	p->id = S_str(x, o, "id", false);
	p->verdict = S_str(x, o, "verdict", false);
	p->winner = S_str(x, o, "winner", true);
	const struct jval *l = S_get(x, o, "leaders", J_ARR, false);
	const struct jval *m = S_get(x, o, "margin", J_NUM, true);
	const struct jval *rk = S_get(x, o, "ranking", J_ARR, false);
	const struct jval *w = S_get(x, o, "weights", J_OBJ, false);
	if (x->err != NULL)
		return;
	if (strcmp(p->verdict, "winner") != 0 && strcmp(p->verdict, "close") != 0 &&
	    strcmp(p->verdict, "none") != 0) {
		x->err = "a verdict is not winner, close or none";
		return;
	}
	p->has_margin = m->type == J_NUM;
	p->margin = p->has_margin ? m->num : 0;
	p->leaders = arena_array(x->a, l->n, sizeof *p->leaders);
	for (size_t i = 0; i < l->n; i++) {
		if (l->items[i]->type != J_STR) {
			x->err = "a leader is not a string";
			return;
		}
		p->leaders[p->nleaders++] = l->items[i]->text;
	}
	p->ranking = arena_array(x->a, rk->n, sizeof *p->ranking);
	for (size_t i = 0; i < rk->n && x->err == NULL; i++) {
		struct baseline_ranked *r = &p->ranking[p->nranking++];
		r->framework = S_str(x, rk->items[i], "framework", false);
		const struct jval *s = S_get(x, rk->items[i], "score", J_NUM, false);
		const struct jval *q = S_get(x, rk->items[i], "qualified", J_BOOL, false);
		const struct jval *d = S_get(x, rk->items[i], "disqualified_by", J_ARR, false);
		if (x->err != NULL)
			return;
		r->score = s->num;
		r->qualified = q->b;
		size_t len = 1;
		for (size_t k = 0; k < d->n; k++) {
			if (d->items[k]->type != J_STR) {
				x->err = "disqualified_by holds a non-string";
				return;
			}
			len += d->items[k]->len + 1;
		}
		char *t = arena_alloc(x->a, len);
		t[0] = '\0';
		for (size_t k = 0; k < d->n; k++) {
			if (k)
				strcat(t, "\n");
			strcat(t, d->items[k]->text);
		}
		r->disqualified_by = t;
	}
	p->criteria = arena_array(x->a, w->n, sizeof *p->criteria);
	p->weights = arena_array(x->a, w->n, sizeof *p->weights);
	for (size_t i = 0; i < w->n && x->err == NULL; i++) {
		if (w->items[i]->type != J_NUM) {
			x->err = "a weight is not a number";
			return;
		}
		p->criteria[i] = w->keys[i];
		p->weights[i] = w->items[i]->num;
		p->nweights++;
	}
}

static void S_input(struct ctx *x, const struct jval *o, struct baseline_input *in)
{
	if (o->type != J_OBJ) {
		x->err = "an input is not an object";
		return;
	}
	in->id = S_str(x, o, "id", true);
	in->generated = S_str(x, o, "generated", false);
	const struct jval *r = S_get(x, o, "ratings", J_OBJ, false);
	const struct jval *ps = S_get(x, o, "profiles", J_ARR, false);
	if (x->err != NULL)
		return;
	if (!S_date(in->generated)) {
		x->err = "'generated' is not a date YYYY-MM-DD";
		return;
	}
	S_ratings(x, r, in);
	in->profiles = arena_array(x->a, ps->n, sizeof *in->profiles);
	for (size_t i = 0; i < ps->n && x->err == NULL; i++)
		S_profile(x, ps->items[i], &in->profiles[in->nprofiles++]);
}

struct baseline *baseline_parse(const char *bytes, size_t len, struct arena *a,
                                const char **err)
{
	struct jreader r = { bytes, bytes + len, a, NULL };
	struct jval *v = S_value(&r, 0);
	S_ws(&r);
	if (v != NULL && r.p != r.end)
		v = NULL, S_fail(&r, "text after the value");
	if (v == NULL) {
		*err = arena_printf(a, "not JSON (byte %td: %s)", r.p - bytes, r.error);
		return NULL;
	}
	struct ctx x = { a, NULL };
	const char *tool = S_str(&x, v, "tool", false);
	const struct jval *fmt = S_get(&x, v, "format", J_NUM, false);
	const struct jval *ins = S_get(&x, v, "inputs", J_ARR, false);
	if (x.err == NULL && (strcmp(tool, "verdict") != 0 || fmt->num != 1))
		x.err = "not a summary of format 1 written by verdict";
	struct baseline *b = arena_alloc(a, sizeof *b);
	*b = (struct baseline){ 0 };
	if (x.err == NULL) {
		b->inputs = arena_array(a, ins->n, sizeof *b->inputs);
		for (size_t i = 0; i < ins->n && x.err == NULL; i++)
			S_input(&x, ins->items[i], &b->inputs[b->ninputs++]);
	}
	if (x.err != NULL) {
		*err = arena_printf(a, "not a verdict JSON summary: %s", x.err);
		return NULL;
	}
	return b;
}

const struct baseline_input *baseline_input(const struct baseline *b, const char *id)
{
	for (size_t i = 0; b != NULL && id != NULL && i < b->ninputs; i++)
		if (b->inputs[i].id != NULL && strcmp(b->inputs[i].id, id) == 0)
			return &b->inputs[i];
	return NULL;
}

const struct baseline_profile *baseline_profile(const struct baseline_input *in,
                                                const char *id)
{
	for (size_t i = 0; in != NULL && id != NULL && i < in->nprofiles; i++)
		if (in->profiles[i].id != NULL && strcmp(in->profiles[i].id, id) == 0)
			return &in->profiles[i];
	return NULL;
}

const struct baseline_rating *baseline_rating(const struct baseline_input *in,
                                              const char *criterion, const char *framework)
{
	for (size_t i = 0; in != NULL && i < in->nratings; i++)
		if (strcmp(in->ratings[i].criterion, criterion) == 0 &&
		    strcmp(in->ratings[i].framework, framework) == 0)
			return &in->ratings[i];
	return NULL;
}

double baseline_weight(const struct baseline_profile *p, const char *criterion)
{
	for (size_t i = 0; p != NULL && i < p->nweights; i++)
		if (strcmp(p->criteria[i], criterion) == 0)
			return p->weights[i];
	return NAN;
}
