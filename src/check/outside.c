/* outside.c - the checks beyond the document: the report fonts
 * (check_glyphs), the logo (check_logo), the run's other inputs
 * (check_id_unique).  What they need of the renderer comes as callbacks
 * (check.h); they use nothing else of the stage. */
#include "check.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "oom.h"
#include "utf8.h"

/* A character the fonts lack: where it first occurs and how often. */
struct S_missing {
	uint32_t cp;
	size_t count;
	struct srcpos pos;
	const char *where;       /* the element it is in, in the checker's arena */
};

/* Code points lead to their entry through pages of 256 slots, a page
 * allocated when it first holds one: a lookup costs the same whatever the
 * number of distinct characters (searching the list made 20,000 distinct
 * ones quadratic).  Every value a 4-byte sequence holds has a slot. */
#define S_GLYPH_PAGE 256u
#define S_GLYPH_PAGES (0x200000u / S_GLYPH_PAGE)

struct S_glyphs {
	check_has_char_fn has;
	const void *ctx;
	struct arena *a;
	struct S_missing *items;  /* in order of first occurrence */
	size_t n, cap;
	size_t **pages;           /* NULL until needed; a slot is index + 1, 0: none */
};

/* The entry for cp, added at pos (in where, id) when it is the first. */
static struct S_missing *S_glyph_entry(struct S_glyphs *g, uint32_t cp, struct srcpos pos,
                                       const char *where, const char *id)
{
	if (g->pages == NULL)
		g->pages = arena_array(g->a, S_GLYPH_PAGES, sizeof *g->pages);
	size_t **page = &g->pages[cp / S_GLYPH_PAGE];
	if (*page == NULL)
		*page = arena_array(g->a, S_GLYPH_PAGE, sizeof **page);
	size_t *slot = &(*page)[cp % S_GLYPH_PAGE];
	if (*slot == 0) {
		if (g->n == g->cap) {
			g->cap = g->cap ? 2 * g->cap : 8;
			g->items = realloc(g->items, g->cap * sizeof *g->items);
			if (g->items == NULL)
				oom_abort();
		}
		g->items[g->n] = (struct S_missing){
			cp, 0, pos, id ? arena_printf(g->a, "%s '%s'", where, id) : where };
		*slot = ++g->n;
	}
	return &g->items[*slot - 1];
}

/* Records every character of text the fonts lack; where and id (may be
 * NULL) describe the element: "the name of framework", "pytorch".  The
 * loader let only valid UTF-8 through, so the lax rule suffices. */
static void S_glyph_text(struct S_glyphs *g, const char *text, struct srcpos pos,
                         const char *where, const char *id)
{
	const unsigned char *s = (const unsigned char *)(text ? text : "");
	while (*s) {
		uint32_t cp;
		size_t l = utf8_decode(s, SIZE_MAX, UTF8_LAX, &cp);
		s += l ? l : 1;
		if (cp >= 0x20 && !g->has(g->ctx, cp))
			S_glyph_entry(g, cp, pos, where, id)->count++;
	}
}

static void S_glyph_block(struct S_glyphs *g, const struct block *blk, const char *where,
                          const char *id)
{
	for (size_t i = 0; i < blk->nparas; i++)
		for (size_t s = 0; s < blk->paras[i].nspans; s++)
			S_glyph_text(g, blk->paras[i].spans[s].text, blk->paras[i].pos, where, id);
}

/* The texts of the scales, frameworks and criteria. */
static void S_glyph_items(struct S_glyphs *g, const struct doc *d)
{
	for (size_t i = 0; i < d->nscales; i++) {
		const struct scale *s = &d->scales[i];
		S_glyph_text(g, s->unit, s->pos, "the unit of scale", s->id);
		for (size_t l = 0; l < s->nlevels; l++)
			S_glyph_text(g, s->levels[l].label, s->levels[l].pos,
			             "a level label of scale", s->id);
	}
	for (size_t i = 0; i < d->nframeworks; i++) {
		const struct framework *f = &d->frameworks[i];
		S_glyph_text(g, f->name, f->pos, "the name of framework", f->id);
		S_glyph_text(g, f->version, f->pos, "the version of framework", f->id);
	}
	for (size_t i = 0; i < d->ncriteria; i++) {
		const struct criterion *c = &d->criteria[i];
		S_glyph_text(g, c->name, c->pos, "the name of criterion", c->id);
		S_glyph_text(g, c->description, c->pos, "the description of criterion", c->id);
		S_glyph_text(g, c->category, c->pos, "the category of criterion", c->id);
		for (size_t r = 0; r < c->nratings; r++)
			S_glyph_text(g, c->ratings[r].text, c->ratings[r].pos,
			             "a rating of criterion", c->id);
	}
}

/* Every text of the doc a report prints, with the element it is in, in
 * the order a reader meets them. */
static void S_glyph_doc(struct S_glyphs *g, const struct doc *d)
{
	S_glyph_text(g, d->title, d->pos, "the title", NULL);
	S_glyph_text(g, d->subtitle, d->pos, "the subtitle", NULL);
	S_glyph_text(g, d->meta.author, d->pos, "the author", NULL);
	S_glyph_text(g, d->meta.organisation, d->pos, "the organisation", NULL);
	S_glyph_block(g, &d->intro, "the introduction", NULL);
	S_glyph_items(g, d);
	for (size_t i = 0; i < d->nscenarios; i++) {
		const struct scenario *s = &d->scenarios[i];
		S_glyph_text(g, s->name, s->pos, "the name of scenario", s->id);
		S_glyph_text(g, s->rationale, s->pos, "the rationale of scenario", s->id);
	}
	for (size_t i = 0; i < d->nprofiles; i++) {
		const struct profile *p = &d->profiles[i];
		S_glyph_text(g, p->name, p->pos, "the name of profile", p->id);
		S_glyph_text(g, p->description, p->pos, "the description of profile", p->id);
		for (size_t e = 0; e < p->nexcludes; e++)
			S_glyph_text(g, p->excludes[e].reason, p->excludes[e].pos,
			             "an exclusion reason of profile", p->id);
	}
	for (size_t i = 0; i < d->nsections; i++) {
		const struct section *s = &d->sections[i];
		S_glyph_text(g, s->title, s->pos, "the title of section", s->id);
		S_glyph_block(g, &s->body, "section", s->id);
	}
	S_glyph_text(g, d->bottom_line, d->pos, "the bottom line", NULL);
}

size_t check_glyphs(const struct doc *doc, check_has_char_fn has, const void *ctx,
                    struct diags *d)
{
	struct S_glyphs g = { .has = has, .ctx = ctx, .a = arena_new() };
	S_glyph_doc(&g, doc);
	for (size_t i = 0; i < g.n; i++) {
		const struct S_missing *m = &g.items[i];
		unsigned char utf8[UTF8_MAX + 1] = { 0 };
		utf8_encode(m->cp, utf8);
		diags_add(d, DIAG_WARNING, m->pos.file, m->pos.line,
		          "character U+%04lX '%s' in %s is not in the report fonts%s; the PDFs "
		          "show \xEF\xBF\xBD in its place%s", (unsigned long)m->cp, (char *)utf8,
		          m->where, m->cp > 0xFFFF ? " (libharu draws nothing above U+FFFF)" : "",
		          m->count > 1 ? arena_printf(g.a, " (%zu occurrences in this input)",
		                                      m->count) : "");
	}
	size_t n = g.n;
	free(g.items);
	arena_free(g.a);
	return n;
}

bool check_logo(const struct doc *doc, check_image_fn probe, double *width, double *height,
                struct diags *d)
{
	const struct meta *m = &doc->meta;
	char *why = NULL;
	if (m->logo_path == NULL)
		return false;
	if (m->logo_too_big) {
		diags_add(d, DIAG_WARNING, m->logo_pos.file, m->logo_pos.line,
		          "logo not shown: %s: %s is larger than %zu bytes", m->logo,
		          m->logo_path, MODEL_LOGO_MAX_BYTES);
		return false;
	}
	if (probe(m->logo_data, m->logo_len, width, height, &why))
		return true;
	diags_add(d, DIAG_WARNING, m->logo_pos.file, m->logo_pos.line,
	          "logo not shown: %s: %s", m->logo, why);
	free(why);
	return false;
}

bool check_id_unique(const struct doc *doc, const struct doc *const *earlier, size_t n,
                     const char *out_dir, struct diags *d)
{
	for (size_t k = 0; k < n; k++) {
		if (strcmp(earlier[k]->id, doc->id) != 0)
			continue;
		diags_add(d, DIAG_ERROR, doc->pos.file, doc->pos.line,
		          "comparison id '%s' is also the id of %s; their reports would "
		          "overwrite each other in %s/%s", doc->id, earlier[k]->file, out_dir,
		          doc->id);
		return false;
	}
	return true;
}
