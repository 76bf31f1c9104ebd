/* baseline.c - reading back a JSON summary for --baseline (SPEC 6.5).
 *
 * The JSON read into a tree by jread.c (the reader the tests use too),
 * then the keys --baseline needs, each checked for its type. */
#include "baseline.h"

#include <locale.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "jread.h"

/* ---- the summary's keys ---- */

struct ctx {
	struct arena *a;
	const char *err;
};

static const struct jread_val *S_get(struct ctx *x, const struct jread_val *o, const char *key,
                                enum jread_type t, bool nullable)
{
	if (x->err != NULL)
		return NULL;
	if (o == NULL || o->type != JREAD_OBJ) {
		x->err = arena_printf(x->a, "an object with '%s' expected", key);
		return NULL;
	}
	for (size_t i = 0; i < o->n; i++) {
		if (strcmp(o->keys[i], key) != 0)
			continue;
		const struct jread_val *v = o->items[i];
		if (v->type == t || (nullable && v->type == JREAD_NULL))
			return v;
		break;
	}
	x->err = arena_printf(x->a, "no key '%s' of the right type", key);
	return NULL;
}

static const char *S_str(struct ctx *x, const struct jread_val *o, const char *key, bool nullable)
{
	const struct jread_val *v = S_get(x, o, key, JREAD_STR, nullable);
	return v != NULL && v->type == JREAD_STR ? v->text : NULL;
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

static void S_ratings(struct ctx *x, const struct jread_val *o, struct baseline_input *in)
{
	size_t n = 0;
	for (size_t c = 0; c < o->n; c++) {
		if (o->items[c]->type != JREAD_OBJ) {
			x->err = "a rating's criterion is not an object";
			return;
		}
		n += o->items[c]->n;
	}
	in->ratings = arena_array(x->a, n, sizeof *in->ratings);
	for (size_t c = 0; c < o->n && x->err == NULL; c++) {
		const struct jread_val *row = o->items[c];
		for (size_t f = 0; f < row->n && x->err == NULL; f++) {
			const struct jread_val *r = row->items[f];
			struct baseline_rating *br = &in->ratings[in->nratings++];
			br->criterion = o->keys[c];
			br->framework = row->keys[f];
			const struct jread_val *u = S_get(x, r, "u", JREAD_NUM, false);
			br->u = u ? u->num : 0;
			bool has_level = false;
			for (size_t i = 0; r->type == JREAD_OBJ && i < r->n; i++)
				has_level |= strcmp(r->keys[i], "level") == 0;
			if (has_level) {
				br->level = S_str(x, r, "level", false);
			} else {
				const struct jread_val *v = S_get(x, r, "value", JREAD_NUM, false);
				br->value = v ? v->num : 0;
			}
		}
	}
}

static void S_profile(struct ctx *x, const struct jread_val *o, struct baseline_profile *p)
{
	p->id = S_str(x, o, "id", false);
	p->verdict = S_str(x, o, "verdict", false);
	p->winner = S_str(x, o, "winner", true);
	const struct jread_val *l = S_get(x, o, "leaders", JREAD_ARR, false);
	const struct jread_val *m = S_get(x, o, "margin", JREAD_NUM, true);
	const struct jread_val *rk = S_get(x, o, "ranking", JREAD_ARR, false);
	const struct jread_val *w = S_get(x, o, "weights", JREAD_OBJ, false);
	if (x->err != NULL)
		return;
	if (strcmp(p->verdict, "winner") != 0 && strcmp(p->verdict, "close") != 0 &&
	    strcmp(p->verdict, "none") != 0) {
		x->err = "a verdict is not winner, close or none";
		return;
	}
	p->has_margin = m->type == JREAD_NUM;
	p->margin = p->has_margin ? m->num : 0;
	p->leaders = arena_array(x->a, l->n, sizeof *p->leaders);
	for (size_t i = 0; i < l->n; i++) {
		if (l->items[i]->type != JREAD_STR) {
			x->err = "a leader is not a string";
			return;
		}
		p->leaders[p->nleaders++] = l->items[i]->text;
	}
	p->ranking = arena_array(x->a, rk->n, sizeof *p->ranking);
	for (size_t i = 0; i < rk->n && x->err == NULL; i++) {
		struct baseline_ranked *r = &p->ranking[p->nranking++];
		r->framework = S_str(x, rk->items[i], "framework", false);
		const struct jread_val *s = S_get(x, rk->items[i], "score", JREAD_NUM, false);
		const struct jread_val *q = S_get(x, rk->items[i], "qualified", JREAD_BOOL, false);
		const struct jread_val *d = S_get(x, rk->items[i], "disqualified_by", JREAD_ARR, false);
		if (x->err != NULL)
			return;
		r->score = s->num;
		r->qualified = q->b;
		size_t len = 1;
		for (size_t k = 0; k < d->n; k++) {
			if (d->items[k]->type != JREAD_STR) {
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
		if (w->items[i]->type != JREAD_NUM) {
			x->err = "a weight is not a number";
			return;
		}
		p->criteria[i] = w->keys[i];
		p->weights[i] = w->items[i]->num;
		p->nweights++;
	}
}

static void S_input(struct ctx *x, const struct jread_val *o, struct baseline_input *in)
{
	if (o->type != JREAD_OBJ) {
		x->err = "an input is not an object";
		return;
	}
	in->id = S_str(x, o, "id", true);
	in->generated = S_str(x, o, "generated", false);
	const struct jread_val *r = S_get(x, o, "ratings", JREAD_OBJ, false);
	const struct jread_val *ps = S_get(x, o, "profiles", JREAD_ARR, false);
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
	size_t at;
	const char *why;
	struct jread_val *v = jread_parse(bytes, len, a, &at, &why);
	if (v == NULL) {
		*err = arena_printf(a, "not JSON (byte %zu: %s)", at, why);
		return NULL;
	}
	struct ctx x = { a, NULL };
	const char *tool = S_str(&x, v, "tool", false);
	const struct jread_val *fmt = S_get(&x, v, "format", JREAD_NUM, false);
	const struct jread_val *ins = S_get(&x, v, "inputs", JREAD_ARR, false);
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
