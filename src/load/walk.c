/* walk.c - the pruned, validated tree into the model.
 *
 * The shape step has left only elements that belong where they are, each
 * single one once, and the schema step has reported every attribute and
 * value problem; so this walk reads what is there and stays silent about
 * anything else (a malformed number keeps its default, a missing id stays
 * NULL).  It reports only what XML Schema 1.0 cannot say: a scale is
 * ordinal or numeric, a rating has a level or a value, a require has a
 * bound.  Every string is copied into the doc's arena, and every text a
 * placeholder may appear in is recorded with its position (model_add_text). */
#include "load_int.h"

#include <math.h>
#include <string.h>

#include "arena.h"

/* The value of attribute name (no namespace) in the arena, or NULL. */
static const char *S_attr(struct load_ctx *ctx, const xmlNode *n, const char *name)
{
	for (const xmlAttr *a = n->properties; a != NULL; a = a->next) {
		if (a->ns != NULL || strcmp((const char *)a->name, name) != 0)
			continue;
		xmlChar *v = xmlNodeListGetString(n->doc, a->children, 1);
		const char *s = arena_strdup(ctx->doc->arena,
		                             v != NULL ? (const char *)v : "");
		xmlFree(v);
		return s;
	}
	return NULL;
}

static bool S_has(const xmlNode *n, const char *name)
{
	return xmlHasNsProp(n, BAD_CAST name, NULL) != NULL;
}

/* A number attribute into *out, which keeps its default when the
 * attribute is absent or not a number (the schema said so; it also
 * refuses more than 24 digits, so no decimal it lets through overflows). */
static void S_num(struct load_ctx *ctx, const xmlNode *n, const char *name,
                  double *out)
{
	const char *v = S_attr(ctx, n, name);
	if (v != NULL)
		(void)load_decimal(v, out);
}

/* The index of attribute name's value in choices, def when absent or
 * not one of them (the schema said so). */
static int S_choice(struct load_ctx *ctx, const xmlNode *n, const char *name,
                    const char *const *choices, int def)
{
	const char *v = S_attr(ctx, n, name);
	if (v == NULL)
		return def;
	const char *t = load_fold(ctx->doc->arena, v);   /* an xs:token */
	for (int i = 0; choices[i] != NULL; i++)
		if (strcmp(t, choices[i]) == 0)
			return i;
	return def;
}

static size_t S_count(const xmlNode *n, const char *name)
{
	size_t k = 0;
	for (const xmlNode *c = n->children; c != NULL; c = c->next)
		k += load_named(c, name);
	return k;
}

/* The text of n, recorded for the placeholder check. */
static const char *S_text(struct load_ctx *ctx, const xmlNode *n)
{
	const char *t = load_text(ctx, n);
	model_add_text(ctx->doc, t, load_pos(ctx, n));
	return t;
}

/* A child element holding one text: name, version, rationale, ... */
struct S_field {
	const char *name;
	const char **slot;
	bool is_text;   /* placeholders may appear in it */
};

/* Fills the field c is, if it is one of fields; false when it is none. */
static bool S_field(struct load_ctx *ctx, const xmlNode *c,
                    const struct S_field *fields, size_t nfields)
{
	for (size_t i = 0; i < nfields; i++)
		if (load_named(c, fields[i].name)) {
			*fields[i].slot = fields[i].is_text ? S_text(ctx, c)
			                                    : load_text(ctx, c);
			return true;
		}
	return false;
}

#define S_FIELDS(ctx, c, f) S_field((ctx), (c), (f), sizeof (f) / sizeof *(f))

/* ------------------------------------------------------------------ */
/* Block content                                                        */

/* An upper bound of the spans of n: its text nodes, at any depth. */
static size_t S_count_text(const xmlNode *n)
{
	size_t k = 0;
	for (const xmlNode *c = n->children; c != NULL; c = c->next)
		k += load_is_text(c) ? 1
		     : c->type == XML_ELEMENT_NODE ? S_count_text(c) : 0;
	return k;
}

static void S_spans(struct load_ctx *ctx, const xmlNode *n, unsigned style,
                    struct para *p, bool *blank)
{
	struct arena *a = ctx->doc->arena;
	for (const xmlNode *c = n->children; c != NULL; c = c->next) {
		if (load_is_text(c)) {
			const char *t = load_content(c);
			char *s = arena_alloc(a, strlen(t) + 1);
			load_fold_into(s, t, blank);
			p->spans[p->nspans++] = (struct span){ s, style };
		} else if (load_named(c, "b") || load_named(c, "i")) {
			S_spans(ctx, c, style | (load_named(c, "b") ? SPAN_BOLD
			                                            : SPAN_ITALIC),
			        p, blank);
		}
	}
}

/* Drops the paragraph's trailing blank (folding leaves at most one, in
 * the last non-empty span) and empty spans, and joins neighbours of one
 * style in a single pass, so a paragraph of many comments stays linear. */
static void S_tidy_spans(struct arena *a, struct para *p)
{
	for (size_t i = p->nspans; i-- > 0;) {
		const char *t = p->spans[i].text;
		size_t len = strlen(t);
		if (len == 0)
			continue;
		if (t[len - 1] == ' ')
			p->spans[i].text = arena_strndup(a, t, len - 1);
		break;
	}
	size_t k = 0;
	for (size_t i = 0; i < p->nspans;) {
		size_t len = 0, j = i;
		for (; j < p->nspans && p->spans[j].style == p->spans[i].style; j++)
			len += strlen(p->spans[j].text);
		if (len > 0) {
			char *s = arena_alloc(a, len + 1), *o = s;
			for (size_t m = i; m < j; m++) {
				size_t n = strlen(p->spans[m].text);
				memcpy(o, p->spans[m].text, n);
				o += n;
			}
			*o = '\0';
			p->spans[k++] = (struct span){ s, p->spans[i].style };
		}
		i = j;
	}
	p->nspans = k;
}

/* The cases element n is shown in, given those of its parent (SPEC 6.2):
 * both its own when and its parent's must let it show.  The attribute is
 * recorded for check_doc(), which reports unknown tokens. */
static unsigned S_when(struct load_ctx *ctx, const xmlNode *n, unsigned parent)
{
	const char *raw = S_attr(ctx, n, "when");
	if (raw == NULL)
		return parent;
	model_add_when(ctx->doc, raw, load_pos(ctx, n));
	return parent & model_when_cases(raw);
}

static void S_para(struct load_ctx *ctx, const xmlNode *n, enum para_kind kind,
                   unsigned when, struct para *p)
{
	p->kind = kind;
	p->when = S_when(ctx, n, when);
	p->pos = load_pos(ctx, n);
	p->spans = arena_array(ctx->doc->arena, S_count_text(n), sizeof *p->spans);
	bool blank = true;
	S_spans(ctx, n, SPAN_PLAIN, p, &blank);
	S_tidy_spans(ctx->doc->arena, p);
	for (size_t i = 0; i < p->nspans; i++)
		model_add_text_when(ctx->doc, p->spans[i].text, p->pos, p->when);
}

/* <p> and <list> children of n, which is shown in the cases when. */
static void S_block(struct load_ctx *ctx, const xmlNode *n, unsigned when,
                    struct block *b)
{
	size_t cap = S_count(n, "p");
	for (const xmlNode *c = n->children; c != NULL; c = c->next)
		if (load_named(c, "list"))
			cap += S_count(c, "item");
	b->paras = arena_array(ctx->doc->arena, cap, sizeof *b->paras);
	b->nparas = 0;
	for (const xmlNode *c = n->children; c != NULL; c = c->next) {
		if (load_named(c, "p")) {
			S_para(ctx, c, PARA_TEXT, when, &b->paras[b->nparas++]);
		} else if (load_named(c, "list")) {
			unsigned list = S_when(ctx, c, when);
			for (const xmlNode *i = c->children; i != NULL; i = i->next)
				if (load_named(i, "item"))
					S_para(ctx, i, PARA_ITEM, list, &b->paras[b->nparas++]);
		}
	}
}

/* ------------------------------------------------------------------ */
/* Lists of one kind of element                                         */

typedef void S_item_fn(struct load_ctx *ctx, const xmlNode *n, void *item);

/* The <child> elements of container n, each filled by fn, in the arena. */
static void *S_items(struct load_ctx *ctx, const xmlNode *n, const char *child,
                     size_t size, S_item_fn *fn, size_t *count)
{
	char *items = arena_array(ctx->doc->arena, S_count(n, child), size);
	size_t k = 0;
	for (const xmlNode *c = n->children; c != NULL; c = c->next)
		if (load_named(c, child))
			fn(ctx, c, items + k++ * size);
	*count = k;
	return items;
}

/* ------------------------------------------------------------------ */
/* Scales                                                               */

static void S_level(struct load_ctx *ctx, const xmlNode *n, void *out)
{
	struct level *l = out;
	l->pos = load_pos(ctx, n);
	l->id = S_attr(ctx, n, "id");
	S_num(ctx, n, "score", &l->score);
	l->label = S_attr(ctx, n, "label");
	if (l->label == NULL)
		l->label = l->id;
}

static void S_ordinal_scale(struct load_ctx *ctx, const xmlNode *n, struct scale *s)
{
	static const char *const numeric_only[] = { "better", "unit", NULL };
	for (size_t i = 0; numeric_only[i] != NULL; i++)
		if (S_has(n, numeric_only[i]) && !s->reported)
			load_err(ctx, n, "attribute '%s' of <scale> applies to "
			         "numeric scales only", numeric_only[i]);
	s->kind = SCALE_ORDINAL;
	s->levels = S_items(ctx, n, "level", sizeof *s->levels, S_level,
	                    &s->nlevels);
	for (size_t i = 0; i < s->nlevels; i++) {
		double v = s->levels[i].score;
		if (i == 0 || v < s->min)
			s->min = v;
		if (i == 0 || v > s->max)
			s->max = v;
	}
}

static void S_numeric_scale(struct load_ctx *ctx, const xmlNode *n, struct scale *s)
{
	static const char *const better[] = { "higher", "lower", NULL };
	s->kind = SCALE_NUMERIC;
	if (!S_has(n, "min") || !S_has(n, "max")) {
		load_err(ctx, n, "<scale> '%s' needs both 'min' and 'max' (a "
		         "numeric scale)", load_show(ctx, s->id));
		s->reported = true;
	}
	S_num(ctx, n, "min", &s->min);
	S_num(ctx, n, "max", &s->max);
	s->lower_better = S_choice(ctx, n, "better", better, 0) == 1;
	s->unit = S_attr(ctx, n, "unit");
}

/* Ordinal when it has levels, numeric when it has min/max. */
static void S_scale(struct load_ctx *ctx, const xmlNode *n, void *out)
{
	struct scale *s = out;
	s->pos = load_pos(ctx, n);
	s->id = S_attr(ctx, n, "id");
	const char *id = load_show(ctx, s->id);
	bool levels = S_count(n, "level") > 0;
	bool bounds = S_has(n, "min") || S_has(n, "max");
	if (levels && bounds)
		load_err(ctx, n, "<scale> '%s' has both <level> children and "
		         "min/max attributes; a scale is ordinal or numeric", id);
	else if (!levels && !bounds)
		load_err(ctx, n, "<scale> '%s' has neither <level> children nor "
		         "min/max attributes", id);
	s->reported = levels == bounds;
	if (bounds && !levels)
		S_numeric_scale(ctx, n, s);
	else
		S_ordinal_scale(ctx, n, s);
}

/* ------------------------------------------------------------------ */
/* Frameworks and criteria                                              */

static void S_framework(struct load_ctx *ctx, const xmlNode *n, void *out)
{
	struct framework *f = out;
	const struct S_field fields[] = {
		{ "name", &f->name, true }, { "version", &f->version, true },
		{ "license", &f->license, true }, { "url", &f->url, false },
		{ "pricing", &f->pricing, true }, { "summary", &f->summary, true },
	};
	f->pos = load_pos(ctx, n);
	f->id = S_attr(ctx, n, "id");
	for (const xmlNode *c = n->children; c != NULL; c = c->next)
		S_FIELDS(ctx, c, fields);
}

/* level or value, "unknown" for either; the text is the table cell. */
static void S_rating(struct load_ctx *ctx, const xmlNode *n, void *out)
{
	struct rating *r = out;
	r->pos = load_pos(ctx, n);
	r->framework_ix = r->level_ix = MODEL_NO_INDEX;
	r->framework = S_attr(ctx, n, "framework");
	const char *level = S_attr(ctx, n, "level");
	const char *value = S_attr(ctx, n, "value");
	if (level != NULL && value != NULL)
		load_err(ctx, n, "<rating> has both 'level' and 'value'; use "
		         "level on an ordinal scale, value on a numeric one");
	else if (level == NULL && value == NULL)
		load_err(ctx, n, "<rating> needs a 'level' or a 'value' attribute");
	r->by_level = level != NULL;
	r->raw = level != NULL ? level : value != NULL ? load_fold(ctx->doc->arena, value)
	                                               : NULL;
	r->unknown = r->raw != NULL && strcmp(r->raw, "unknown") == 0;
	if (!r->by_level && r->raw != NULL && !r->unknown)
		S_num(ctx, n, "value", &r->value);
	r->text = S_text(ctx, n);
	r->source_ix = NULL;
	r->nsource_ix = 0;
	r->date = NULL;
	r->stale = false;
	r->source = S_attr(ctx, n, "source");
	if (r->source != NULL)
		r->source = load_fold(ctx->doc->arena, r->source);
	r->as_of = S_attr(ctx, n, "as-of");
	if (r->as_of != NULL)
		r->as_of = load_fold(ctx->doc->arena, r->as_of);
}

/* SPEC 6.3: a source of ratings; its text is its title. */
static void S_source(struct load_ctx *ctx, const xmlNode *n, void *out)
{
	struct source *s = out;
	s->pos = load_pos(ctx, n);
	s->id = S_attr(ctx, n, "id");
	s->url = S_attr(ctx, n, "url");
	if (s->url != NULL)
		s->url = load_fold(ctx->doc->arena, s->url);
	s->date = S_attr(ctx, n, "date");
	if (s->date != NULL)
		s->date = load_fold(ctx->doc->arena, s->date);
	s->title = load_text(ctx, n);
}

static void S_criterion(struct load_ctx *ctx, const xmlNode *n, void *out)
{
	struct criterion *c = out;
	const struct S_field fields[] = {
		{ "name", &c->name, true }, { "description", &c->description, true },
	};
	c->pos = load_pos(ctx, n);
	c->scale_ix = MODEL_NO_INDEX;
	c->rating_of = NULL;
	c->id = S_attr(ctx, n, "id");
	c->scale = S_attr(ctx, n, "scale");
	c->category = S_attr(ctx, n, "category");
	/* The reports fill placeholders in the category too. */
	model_add_text(ctx->doc, c->category, c->pos);
	c->ratings = S_items(ctx, n, "rating", sizeof *c->ratings, S_rating,
	                     &c->nratings);
	for (const xmlNode *e = n->children; e != NULL; e = e->next)
		S_FIELDS(ctx, e, fields);
}

/* ------------------------------------------------------------------ */
/* Scenarios and profiles                                               */

static void S_weight(struct load_ctx *ctx, const xmlNode *n, void *out)
{
	struct weight *w = out;
	w->pos = load_pos(ctx, n);
	w->criterion_ix = MODEL_NO_INDEX;
	w->criterion = S_attr(ctx, n, "criterion");
	S_num(ctx, n, "value", &w->value);
}

/* A numeric bound: NAN when written but not a number (an ordinal min
 * names a level, which src/check/ resolves; on a numeric scale src/check/
 * reports the NAN). */
static void S_bound(const char *raw, double *out)
{
	if (raw != NULL && load_decimal(raw, out) != LOAD_NUM_OK)
		*out = NAN;
}

static void S_require(struct load_ctx *ctx, const xmlNode *n, void *out)
{
	struct require *r = out;
	r->pos = load_pos(ctx, n);
	r->criterion_ix = r->min_level_ix = MODEL_NO_INDEX;
	r->criterion = S_attr(ctx, n, "criterion");
	r->min_raw = S_attr(ctx, n, "min");
	r->max_raw = S_attr(ctx, n, "max");
	r->min = -INFINITY;
	r->max = INFINITY;
	if (r->min_raw == NULL && r->max_raw == NULL)
		load_err(ctx, n, "<require> needs a 'min' or 'max' attribute");
	S_bound(r->min_raw, &r->min);
	S_bound(r->max_raw, &r->max);
}

static void S_scenario(struct load_ctx *ctx, const xmlNode *n, void *out)
{
	struct scenario *s = out;
	const struct S_field fields[] = {
		{ "name", &s->name, true }, { "rationale", &s->rationale, true },
	};
	s->pos = load_pos(ctx, n);
	s->id = S_attr(ctx, n, "id");
	s->weights = S_items(ctx, n, "weight", sizeof *s->weights, S_weight,
	                     &s->nweights);
	s->requires = S_items(ctx, n, "require", sizeof *s->requires, S_require,
	                      &s->nrequires);
	for (const xmlNode *c = n->children; c != NULL; c = c->next)
		S_FIELDS(ctx, c, fields);
}

static void S_use(struct load_ctx *ctx, const xmlNode *n, void *out)
{
	struct use *u = out;
	u->pos = load_pos(ctx, n);
	u->scenario_ix = MODEL_NO_INDEX;
	u->share = 1;
	u->scenario = S_attr(ctx, n, "scenario");
	S_num(ctx, n, "share", &u->share);
}

static void S_exclude(struct load_ctx *ctx, const xmlNode *n, void *out)
{
	struct exclude *e = out;
	e->pos = load_pos(ctx, n);
	e->framework_ix = MODEL_NO_INDEX;
	e->framework = S_attr(ctx, n, "framework");
	e->reason = S_attr(ctx, n, "reason");
}

static void S_profile(struct load_ctx *ctx, const xmlNode *n, void *out)
{
	struct profile *p = out;
	const struct S_field fields[] = {
		{ "name", &p->name, true }, { "description", &p->description, true },
	};
	p->pos = load_pos(ctx, n);
	p->own_share = 1;
	p->id = S_attr(ctx, n, "id");
	S_num(ctx, n, "own-share", &p->own_share);
	p->uses = S_items(ctx, n, "use", sizeof *p->uses, S_use, &p->nuses);
	p->weights = S_items(ctx, n, "weight", sizeof *p->weights, S_weight,
	                     &p->nweights);
	p->requires = S_items(ctx, n, "require", sizeof *p->requires, S_require,
	                      &p->nrequires);
	p->excludes = S_items(ctx, n, "exclude", sizeof *p->excludes, S_exclude,
	                      &p->nexcludes);
	for (const xmlNode *c = n->children; c != NULL; c = c->next)
		S_FIELDS(ctx, c, fields);
}

/* ------------------------------------------------------------------ */
/* Sections, meta, report and the top level                            */

static void S_section(struct load_ctx *ctx, const xmlNode *n, void *out)
{
	static const char *const places[] = { "after-verdict", "after-features",
	                                      "appendix", NULL };
	struct section *s = out;
	s->pos = load_pos(ctx, n);
	s->id = S_attr(ctx, n, "id");
	const char *title = S_attr(ctx, n, "title");
	s->title = title != NULL ? load_fold(ctx->doc->arena, title) : NULL;
	s->when = S_when(ctx, n, WHEN_ALWAYS);
	model_add_text_when(ctx->doc, s->title, s->pos, s->when);
	s->place = (enum section_place)S_choice(ctx, n, "place", places,
	                                        PLACE_APPENDIX);
	S_block(ctx, n, s->when, &s->body);
}

static void S_meta(struct load_ctx *ctx, const xmlNode *n)
{
	struct meta *m = &ctx->doc->meta;
	const struct S_field fields[] = {
		{ "author", &m->author, true },
		{ "organisation", &m->organisation, true },
		{ "date", &m->date, false },
	};
	for (const xmlNode *c = n->children; c != NULL; c = c->next) {
		if (load_named(c, "logo")) {
			m->logo_pos = load_pos(ctx, c);
			m->logo = S_attr(ctx, c, "src");
			if (m->logo != NULL)
				load_logo(ctx, c, m->logo);
			continue;
		}
		if (load_named(c, "date"))
			m->date_pos = load_pos(ctx, c);
		S_FIELDS(ctx, c, fields);
	}
}

static void S_report(struct load_ctx *ctx, const xmlNode *n)
{
	static const char *const papers[] = { "A4", "Letter", NULL };
	static const char *const orients[] = { "portrait", "landscape", NULL };
	struct report_opts *r = &ctx->doc->report;
	r->pos = load_pos(ctx, n);
	r->paper = (enum paper)S_choice(ctx, n, "paper", papers, PAPER_A4);
	r->landscape = S_choice(ctx, n, "orientation", orients, 0) == 1;
	if (S_has(n, "close-call")) {
		double v = NAN;
		S_num(ctx, n, "close-call", &v);
		if (!isnan(v)) {
			r->close_call = v;
			r->has_close_call = true;
		}
	}
	r->accent = S_attr(ctx, n, "accent");
	if (r->accent != NULL)
		r->accent = load_fold(ctx->doc->arena, r->accent);
	r->stale_after = S_attr(ctx, n, "stale-after");
	if (r->stale_after != NULL)
		r->stale_after = load_fold(ctx->doc->arena, r->stale_after);
}

static void S_bottom_line(struct load_ctx *ctx, const xmlNode *n)
{
	struct doc *d = ctx->doc;
	d->bottom_line = load_text(ctx, n);
	d->bottom_line_when = S_when(ctx, n, WHEN_ALWAYS);
	model_add_text_when(d, d->bottom_line, load_pos(ctx, n), d->bottom_line_when);
}

void load_walk(struct load_ctx *ctx, xmlNode *root)
{
	struct doc *d = ctx->doc;
	d->id = S_attr(ctx, root, "id");
	for (const xmlNode *c = root->children; c != NULL; c = c->next) {
		if (load_named(c, "title"))
			d->title = S_text(ctx, c);
		else if (load_named(c, "subtitle"))
			d->subtitle = S_text(ctx, c);
		else if (load_named(c, "bottom-line"))
			S_bottom_line(ctx, c);
		else if (load_named(c, "meta"))
			S_meta(ctx, c);
		else if (load_named(c, "intro"))
			S_block(ctx, c, WHEN_ALWAYS, &d->intro);
		else if (load_named(c, "scales"))
			d->scales = S_items(ctx, c, "scale", sizeof *d->scales,
			                    S_scale, &d->nscales);
		else if (load_named(c, "frameworks"))
			d->frameworks = S_items(ctx, c, "framework", sizeof *d->frameworks,
			                        S_framework, &d->nframeworks);
		else if (load_named(c, "sources"))
			d->sources = S_items(ctx, c, "source", sizeof *d->sources,
			                     S_source, &d->nsources);
		else if (load_named(c, "criteria"))
			d->criteria = S_items(ctx, c, "criterion", sizeof *d->criteria,
			                      S_criterion, &d->ncriteria);
		else if (load_named(c, "scenarios"))
			d->scenarios = S_items(ctx, c, "scenario", sizeof *d->scenarios,
			                       S_scenario, &d->nscenarios);
		else if (load_named(c, "profiles"))
			d->profiles = S_items(ctx, c, "profile", sizeof *d->profiles,
			                      S_profile, &d->nprofiles);
		else if (load_named(c, "sections"))
			d->sections = S_items(ctx, c, "section", sizeof *d->sections,
			                      S_section, &d->nsections);
		else if (load_named(c, "report"))
			S_report(ctx, c);
	}
}
