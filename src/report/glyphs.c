/* glyphs.c - characters of the input that the report fonts lack. */
#include "report.h"

#include <stdlib.h>

#include "arena.h"

struct missing {
	unsigned long cp;
	size_t count;
	struct srcpos pos;       /* of the first occurrence */
	const char *where;       /* what it is in, owned by the checker's arena */
};

struct glyphs {
	report_has_char_fn has;
	const void *ctx;
	struct arena *a;
	struct missing *items;
	size_t n, cap;
};

/* Records every character of text the fonts lack; where and id (may be
 * NULL) describe the element: "the name of framework", "pytorch". */
static void S_glyphs(struct glyphs *g, const char *text, struct srcpos pos,
                     const char *where, const char *id)
{
	const unsigned char *s = (const unsigned char *)(text ? text : "");
	while (*s) {
		unsigned long cp = *s;
		size_t l = cp < 0x80 ? 1 : cp < 0xE0 ? 2 : cp < 0xF0 ? 3 : 4;
		if (l > 1)
			cp &= 0x7F >> l;
		for (size_t i = 1; i < l; i++)
			cp = s[i] ? cp << 6 | (s[i] & 0x3F) : cp;
		for (size_t i = 1; i < l && s[1]; i++)
			s++;
		s++;
		if (cp < 0x20 || g->has(g->ctx, cp))
			continue;
		size_t k = 0;
		while (k < g->n && g->items[k].cp != cp)
			k++;
		if (k == g->n) {
			if (g->n == g->cap) {
				g->cap = g->cap ? 2 * g->cap : 8;
				g->items = realloc(g->items, g->cap * sizeof *g->items);
				if (g->items == NULL)
					abort();
			}
			g->items[g->n++] = (struct missing){
				cp, 0, pos, id ? arena_printf(g->a, "%s '%s'", where, id) : where };
		}
		g->items[k].count++;
	}
}

static void S_glyphs_block(struct glyphs *g, const struct block *blk, const char *where,
                           const char *id)
{
	for (size_t i = 0; i < blk->nparas; i++)
		for (size_t s = 0; s < blk->paras[i].nspans; s++)
			S_glyphs(g, blk->paras[i].spans[s].text, blk->paras[i].pos, where, id);
}

/* Every text of the doc a report prints, with the element it is in. */
static void S_glyphs_doc(struct glyphs *g, const struct doc *d)
{
	S_glyphs(g, d->title, d->pos, "the title", NULL);
	S_glyphs(g, d->subtitle, d->pos, "the subtitle", NULL);
	S_glyphs(g, d->meta.author, d->pos, "the author", NULL);
	S_glyphs(g, d->meta.organisation, d->pos, "the organisation", NULL);
	S_glyphs_block(g, &d->intro, "the introduction", NULL);
	for (size_t i = 0; i < d->nscales; i++) {
		const struct scale *s = &d->scales[i];
		S_glyphs(g, s->unit, s->pos, "the unit of scale", s->id);
		for (size_t l = 0; l < s->nlevels; l++)
			S_glyphs(g, s->levels[l].label, s->levels[l].pos, "a level label of scale",
			         s->id);
	}
	for (size_t i = 0; i < d->nframeworks; i++) {
		const struct framework *f = &d->frameworks[i];
		S_glyphs(g, f->name, f->pos, "the name of framework", f->id);
		S_glyphs(g, f->version, f->pos, "the version of framework", f->id);
	}
	for (size_t i = 0; i < d->ncriteria; i++) {
		const struct criterion *c = &d->criteria[i];
		S_glyphs(g, c->name, c->pos, "the name of criterion", c->id);
		S_glyphs(g, c->description, c->pos, "the description of criterion", c->id);
		S_glyphs(g, c->category, c->pos, "the category of criterion", c->id);
		for (size_t r = 0; r < c->nratings; r++)
			S_glyphs(g, c->ratings[r].text, c->ratings[r].pos,
			         "a rating of criterion", c->id);
	}
	for (size_t i = 0; i < d->nscenarios; i++) {
		const struct scenario *s = &d->scenarios[i];
		S_glyphs(g, s->name, s->pos, "the name of scenario", s->id);
		S_glyphs(g, s->rationale, s->pos, "the rationale of scenario", s->id);
	}
	for (size_t i = 0; i < d->nprofiles; i++) {
		const struct profile *p = &d->profiles[i];
		S_glyphs(g, p->name, p->pos, "the name of profile", p->id);
		S_glyphs(g, p->description, p->pos, "the description of profile", p->id);
		for (size_t e = 0; e < p->nexcludes; e++)
			S_glyphs(g, p->excludes[e].reason, p->excludes[e].pos,
			         "an exclusion reason of profile", p->id);
	}
	for (size_t i = 0; i < d->nsections; i++) {
		const struct section *s = &d->sections[i];
		S_glyphs(g, s->title, s->pos, "the title of section", s->id);
		S_glyphs_block(g, &s->body, "section", s->id);
	}
	S_glyphs(g, d->bottom_line, d->pos, "the bottom line", NULL);
}

size_t report_check_glyphs(const struct doc *doc, report_has_char_fn has, const void *ctx,
                           struct diags *out)
{
	struct glyphs g = { .has = has, .ctx = ctx, .a = arena_new() };
	S_glyphs_doc(&g, doc);
	for (size_t i = 0; i < g.n; i++) {
		const struct missing *m = &g.items[i];
		char utf8[5] = { 0 };
		unsigned long cp = m->cp;
		if (cp < 0x800) {
			utf8[0] = (char)(0xC0 | cp >> 6);
			utf8[1] = (char)(0x80 | (cp & 0x3F));
		} else if (cp < 0x10000) {
			utf8[0] = (char)(0xE0 | cp >> 12);
			utf8[1] = (char)(0x80 | (cp >> 6 & 0x3F));
			utf8[2] = (char)(0x80 | (cp & 0x3F));
		} else {
			utf8[0] = (char)(0xF0 | cp >> 18);
			utf8[1] = (char)(0x80 | (cp >> 12 & 0x3F));
			utf8[2] = (char)(0x80 | (cp >> 6 & 0x3F));
			utf8[3] = (char)(0x80 | (cp & 0x3F));
		}
		diags_add(out, DIAG_WARNING, m->pos.file, m->pos.line,
		          "character U+%04lX '%s' in %s is not in the report fonts%s; the PDFs "
		          "show \xEF\xBF\xBD in its place%s", cp, utf8, m->where,
		          cp > 0xFFFF ? " (libharu draws nothing above U+FFFF)" : "",
		          m->count > 1 ? arena_printf(g.a, " (%zu occurrences in this input)",
		                                      m->count) : "");
	}
	size_t n = g.n;
	free(g.items);
	arena_free(g.a);
	return n;
}
