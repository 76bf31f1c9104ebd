/* shape.c - which elements may hold which, how often, and text.
 *
 * The schema says the same (schema/verdict-1.xsd; the corpus tests keep
 * the two in step), but libxml2's validator stops looking at a parent's
 * remaining children after the first one it did not expect, so a single
 * typo would hide every later mistake in that part of the file.  This
 * step reports every misplaced element, repeated single element, missing
 * required element and stray text, each at its own line, and removes the
 * offending nodes, so that the schema then sees a tree whose structure it
 * accepts and reports every attribute and value problem in it.
 *
 * A misspelt element whose intended name is clear (edit distance at most
 * 2 from one that may go there) is reported with the suggestion and read
 * as that element, so one typo does not turn into a cascade of dangling
 * references later. */
#include "load_int.h"

#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "suggest.h"

enum S_kind {
	K_EMPTY,      /* attributes only */
	K_TEXT,       /* text only */
	K_MIXED,      /* text and the children listed */
	K_ELEMENTS,   /* the children listed, white space between them */
};

/* How many of a child: at least min, at most max (0: no limit). */
#define ONE 1, 1
#define OPT 0, 1
#define ANY 0, 0
#define SOME 1, 0

struct S_child {
	const char *name;
	unsigned min, max;
};

struct S_shape {
	const char *name;
	enum S_kind kind;
	const struct S_child *children;   /* ends with a NULL name */
	const char *const *attrs;         /* NULL-terminated */
};

#define CHILDREN(...) ((const struct S_child[]){ __VA_ARGS__, { NULL, 0, 0 } })
#define ATTRS(...) ((const char *const[]){ __VA_ARGS__, NULL })
#define NO_CHILDREN CHILDREN({ NULL, 0, 0 })
#define MAX_FRAMEWORKS 12
#define NO_ATTRS ((const char *const[]){ NULL })
#define BLOCK CHILDREN({ "p", ANY }, { "list", ANY })
#define INLINE CHILDREN({ "b", ANY }, { "i", ANY })
#define TEXT_ELEMENT(n) { n, K_TEXT, NO_CHILDREN, NO_ATTRS }

/* Format 1 gives an element name the same shape wherever it appears. */
static const struct S_shape S_SHAPES[] = {
	{ "comparison", K_ELEMENTS,
	  CHILDREN({ "title", ONE }, { "subtitle", OPT }, { "meta", OPT },
	           { "intro", OPT }, { "scales", ONE }, { "frameworks", ONE },
	           { "sources", OPT },
	           { "criteria", ONE }, { "scenarios", ONE }, { "profiles", ONE },
	           { "sections", OPT }, { "bottom-line", OPT }, { "report", OPT }),
	  ATTRS("id", "format") },
	TEXT_ELEMENT("title"),
	TEXT_ELEMENT("subtitle"),
	{ "meta", K_ELEMENTS,
	  CHILDREN({ "author", OPT }, { "organisation", OPT }, { "date", OPT },
	           { "logo", OPT }),
	  NO_ATTRS },
	TEXT_ELEMENT("author"),
	TEXT_ELEMENT("organisation"),
	TEXT_ELEMENT("date"),
	{ "logo", K_EMPTY, NO_CHILDREN, ATTRS("src") },
	{ "intro", K_ELEMENTS, BLOCK, NO_ATTRS },
	{ "p", K_MIXED, INLINE, ATTRS("when") },
	{ "list", K_ELEMENTS, CHILDREN({ "item", SOME }), ATTRS("when") },
	{ "item", K_MIXED, INLINE, ATTRS("when") },
	{ "b", K_MIXED, INLINE, NO_ATTRS },
	{ "i", K_MIXED, INLINE, NO_ATTRS },
	{ "scales", K_ELEMENTS, CHILDREN({ "scale", ANY }), NO_ATTRS },
	{ "scale", K_ELEMENTS, CHILDREN({ "level", ANY }),
	  ATTRS("id", "min", "max", "better", "unit") },
	{ "level", K_EMPTY, NO_CHILDREN, ATTRS("id", "score", "label") },
	{ "frameworks", K_ELEMENTS, CHILDREN({ "framework", 2, MAX_FRAMEWORKS }),
	  NO_ATTRS },
	{ "framework", K_ELEMENTS,
	  CHILDREN({ "name", ONE }, { "version", OPT }, { "license", OPT },
	           { "url", OPT }, { "pricing", OPT }, { "summary", OPT }),
	  ATTRS("id") },
	TEXT_ELEMENT("name"),
	TEXT_ELEMENT("version"),
	TEXT_ELEMENT("license"),
	TEXT_ELEMENT("url"),
	TEXT_ELEMENT("pricing"),
	TEXT_ELEMENT("summary"),
	{ "sources", K_ELEMENTS, CHILDREN({ "source", ANY }), NO_ATTRS },
	{ "source", K_TEXT, NO_CHILDREN, ATTRS("id", "url", "date") },
	{ "criteria", K_ELEMENTS, CHILDREN({ "criterion", SOME }), NO_ATTRS },
	{ "criterion", K_ELEMENTS,
	  CHILDREN({ "name", ONE }, { "description", OPT }, { "rating", ANY }),
	  ATTRS("id", "scale", "category") },
	TEXT_ELEMENT("description"),
	{ "rating", K_TEXT, NO_CHILDREN, ATTRS("framework", "level", "value", "source", "as-of") },
	{ "scenarios", K_ELEMENTS, CHILDREN({ "scenario", SOME }), NO_ATTRS },
	{ "scenario", K_ELEMENTS,
	  CHILDREN({ "name", ONE }, { "rationale", OPT }, { "weight", ANY },
	           { "require", ANY }),
	  ATTRS("id") },
	TEXT_ELEMENT("rationale"),
	{ "weight", K_EMPTY, NO_CHILDREN, ATTRS("criterion", "value") },
	{ "require", K_EMPTY, NO_CHILDREN, ATTRS("criterion", "min", "max") },
	{ "profiles", K_ELEMENTS, CHILDREN({ "profile", SOME }), NO_ATTRS },
	{ "profile", K_ELEMENTS,
	  CHILDREN({ "name", ONE }, { "description", OPT }, { "use", ANY },
	           { "weight", ANY }, { "require", ANY }, { "exclude", ANY }),
	  ATTRS("id", "own-share") },
	{ "use", K_EMPTY, NO_CHILDREN, ATTRS("scenario", "share") },
	{ "exclude", K_EMPTY, NO_CHILDREN, ATTRS("framework", "reason") },
	{ "sections", K_ELEMENTS, CHILDREN({ "section", ANY }), NO_ATTRS },
	{ "section", K_ELEMENTS, BLOCK, ATTRS("id", "title", "place", "when") },
	{ "bottom-line", K_TEXT, NO_CHILDREN, ATTRS("when") },
	{ "report", K_EMPTY, NO_CHILDREN,
	  ATTRS("paper", "orientation", "close-call", "accent",
	        "stale-after") },
};

#define S_NSHAPES (sizeof S_SHAPES / sizeof *S_SHAPES)
#define S_MAX_SLOTS 16   /* children listed by the widest shape, and more */

static const struct S_shape *S_find(const char *name)
{
	for (size_t i = 0; i < S_NSHAPES; i++)
		if (strcmp(S_SHAPES[i].name, name) == 0)
			return &S_SHAPES[i];
	return NULL;
}

const char *const *load_shape_attrs(const char *name)
{
	static const char *const none[] = { NULL };
	const struct S_shape *s = S_find(name);
	return s != NULL ? s->attrs : none;
}

/* ------------------------------------------------------------------ */
/* Suggestions                                                          */

const char *load_suggest(const char *word, const char *const *candidates)
{
	size_t n = 0;
	while (candidates[n] != NULL)
		n++;
	return suggest_best(word, candidates, n, SUGGEST_NAMES);
}

/* ------------------------------------------------------------------ */
/* The check                                                            */

/* n's content was reported here; the schema need not say it again. */
static void S_reported(struct load_ctx *ctx, const xmlNode *n)
{
	if (ctx->nincomplete == ctx->incomplete_cap) {
		size_t cap = ctx->incomplete_cap ? ctx->incomplete_cap * 2 : 16;
		const xmlNode **p = realloc(ctx->incomplete, cap * sizeof *p);
		if (p == NULL)
			return;   /* only a repeated message is at stake */
		ctx->incomplete = p;
		ctx->incomplete_cap = cap;
	}
	ctx->incomplete[ctx->nincomplete++] = n;
}

static void S_prune(xmlNode *c)
{
	xmlUnlinkNode(c);
	xmlFreeNode(c);
}

/* "<framework> 'x' has no <name>", "<frameworks> has only 1
 * <framework>; it needs at least 2", without an id when there is none. */
static void S_missing(struct load_ctx *ctx, const xmlNode *n,
                      const struct S_child *child, unsigned count)
{
	struct arena *a = ctx->doc->arena;
	xmlChar *id = load_named(n, "comparison") ? NULL
	              : xmlGetNoNsProp(n, BAD_CAST "id");
	const char *what = count > 0
		? arena_printf(a, "only %u <%s>", count, child->name)
		: arena_printf(a, "no <%s>", child->name);
	if (child->min > 1)
		what = arena_printf(a, "%s; it needs at least %u", what, child->min);
	else if (child->max != 1)
		what = arena_printf(a, "%s; it needs at least one", what);
	if (id != NULL)
		load_err(ctx, n, "<%s> '%s' has %s", (const char *)n->name,
		         load_show(ctx, (const char *)id), what);
	else
		load_err(ctx, n, "<%s> has %s", (const char *)n->name, what);
	xmlFree(id);
	S_reported(ctx, n);
}

/* The slot of child name c in shape s, or -1. */
static int S_slot(const struct S_shape *s, const char *name)
{
	for (int i = 0; s->children[i].name != NULL; i++)
		if (strcmp(s->children[i].name, name) == 0)
			return i;
	return -1;
}

/* A slot that may take one more child, named like word, or -1. */
static int S_suggest_slot(const struct S_shape *s, const char *word,
                          const unsigned *counts)
{
	const char *names[S_MAX_SLOTS + 1];
	int n = 0;
	for (int i = 0; s->children[i].name != NULL && n < S_MAX_SLOTS; i++)
		names[n++] = s->children[i].name;
	names[n] = NULL;
	const char *best = load_suggest(word, names);
	if (best == NULL)
		return -1;
	int slot = S_slot(s, best);
	unsigned max = s->children[slot].max;
	return max != 0 && counts[slot] >= max ? -1 : slot;
}

/* Reports element c, which shape s does not list; renames it and returns
 * its slot when the intended name is clear, else -1 (the caller prunes). */
static int S_unknown(struct load_ctx *ctx, const xmlNode *parent,
                     const struct S_shape *s, xmlNode *c, const unsigned *counts)
{
	const char *pname = (const char *)parent->name;
	if (c->ns != NULL) {
		load_err(ctx, c, "unknown element <%s> (namespace '%s') in <%s>",
		         load_qname(ctx, c),
		         load_show(ctx, (const char *)c->ns->href), pname);
		return -1;
	}
	const char *name = (const char *)c->name;
	int slot = S_suggest_slot(s, name, counts);
	if (slot >= 0) {
		const char *fix = s->children[slot].name;
		load_err(ctx, c, "unknown element <%s> in <%s>; did you mean <%s>?",
		         load_show(ctx, name), pname, fix);
		xmlNodeSetName(c, BAD_CAST fix);
		return slot;
	}
	if (S_find(name) != NULL)
		load_err(ctx, c, "<%s> is not allowed in <%s>", name, pname);
	else
		load_err(ctx, c, "unknown element <%s> in <%s>",
		         load_show(ctx, name), pname);
	return -1;
}

static void S_check(struct load_ctx *ctx, xmlNode *n, const struct S_shape *s);

/* The first DEL or C1 control character in UTF-8 text s, or 0.  The byte
 * scan refuses them written as such; this finds them written as
 * character references (&#x9B;), which XML allows. */
static unsigned S_control(const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p != '\0'; p++) {
		if (*p == 0x7F)
			return 0x7F;
		if (*p == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F)
			return p[1];
	}
	return 0;
}

/* Reports a control character in n's attributes or text (once per element). */
static void S_controls(struct load_ctx *ctx, const xmlNode *n)
{
	unsigned cp = 0;
	for (const xmlAttr *a = n->properties; a != NULL && cp == 0; a = a->next)
		for (const xmlNode *t = a->children; t != NULL && cp == 0; t = t->next)
			if (load_is_text(t))
				cp = S_control(load_content(t));
	for (const xmlNode *c = n->children; c != NULL && cp == 0; c = c->next)
		if (load_is_text(c))
			cp = S_control(load_content(c));
	if (cp != 0)
		load_err(ctx, n, "control character U+%04X in <%s> (written as a "
		         "character reference) is not allowed", cp, (const char *)n->name);
}

/* One element child c of n: counted, checked, or pruned. */
static void S_element(struct load_ctx *ctx, xmlNode *n, const struct S_shape *s,
                      xmlNode *c, unsigned *counts, const xmlNode **first)
{
	const char *pname = (const char *)n->name;
	if (s->kind == K_TEXT || s->kind == K_EMPTY) {
		if (s->kind == K_TEXT)
			load_err(ctx, c, "<%s> may hold only text, not <%s>", pname,
			         load_qname(ctx, c));
		else
			load_err(ctx, c, "<%s> may hold no elements, not <%s>",
			         pname, load_qname(ctx, c));
		S_prune(c);
		return;
	}
	int slot = c->ns == NULL ? S_slot(s, (const char *)c->name) : -1;
	if (slot < 0)
		slot = S_unknown(ctx, n, s, c, counts);
	if (slot < 0) {
		S_prune(c);
		return;
	}
	unsigned max = s->children[slot].max;
	if (max == 1 && counts[slot] > 0) {
		load_err(ctx, c, "<%s> appears twice in <%s> (first at line %ld)",
		         (const char *)c->name, pname, load_line(first[slot]));
		S_prune(c);
		return;
	}
	/* Past a larger maximum the element is kept (its references would
	 * dangle otherwise) and reported once. */
	if (max > 1 && counts[slot] == max) {
		load_err(ctx, c, "<%s> holds more than %u <%s>", pname, max,
		         (const char *)c->name);
		S_reported(ctx, c);
	} else if (max > 1 && counts[slot] > max) {
		S_reported(ctx, c);
	}
	if (counts[slot]++ == 0)
		first[slot] = c;
	S_check(ctx, c, S_find((const char *)c->name));
}

/* Checks the children of n against its shape s, depth first. */
static void S_check(struct load_ctx *ctx, xmlNode *n, const struct S_shape *s)
{
	unsigned counts[S_MAX_SLOTS] = { 0 };
	const xmlNode *first[S_MAX_SLOTS] = { NULL };
	S_controls(ctx, n);
	bool text_ok = s->kind == K_TEXT || s->kind == K_MIXED;
	for (xmlNode *c = n->children, *next; c != NULL; c = next) {
		next = c->next;
		if (c->type == XML_ELEMENT_NODE) {
			S_element(ctx, n, s, c, counts, first);
		} else if (load_is_text(c) && !text_ok && !load_blank(load_content(c))) {
			load_err_at(ctx, load_text_pos(ctx, n, c),
			            "text is not allowed in <%s>", (const char *)n->name);
			S_prune(c);
		} else if (c->type == XML_ENTITY_REF_NODE) {
			if (!ctx->saw_entity)
				load_err(ctx, n, "entity references are not allowed");
			S_prune(c);
		}
	}
	for (int i = 0; s->children[i].name != NULL; i++)
		if (counts[i] < s->children[i].min)
			S_missing(ctx, n, &s->children[i], counts[i]);
}

void load_shape(struct load_ctx *ctx, xmlNode *root)
{
	S_check(ctx, root, S_find("comparison"));
}
