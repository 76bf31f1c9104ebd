/* xinclude.c - xi:include, done here rather than by
 * xmlXIncludeProcess: libxml2 2.9 parses included files with DTD loading
 * on and without our entity hook, and its xml:base bookkeeping names the
 * wrong file for nested includes.
 *
 * Supported: parse="xml" (the default) with href, and xpointer to select
 * parts of the included file.  Not supported (an error each): text
 * includes, xi:fallback, an href with a fragment, xml:base changing where
 * an href points. */
/* realpath() is XSI, beyond the POSIX level the Makefile asks for. */
#define _XOPEN_SOURCE 700

#include "load_int.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xpath.h>
#include <libxml/xpointer.h>

#include "arena.h"
#include "fsutil.h"

/* XPath steps one xpointer may take: plenty for selecting parts of a
 * file, and a bound on what a hostile expression can cost. */
#define S_XPATH_OP_LIMIT 10000000UL

/* The chain of files being included, innermost first, to catch cycles. */
struct S_chain {
	const char *real;
	const struct S_chain *up;
};

static void S_expand(struct load_ctx *ctx, xmlNode *n, const struct S_chain *chain,
                     int depth);

/* The include's own attributes and children: reports what we cannot honour. */
static bool S_include_ok(struct load_ctx *ctx, xmlNode *inc, const char *href,
                         const char *parse)
{
	bool ok = true;
	for (xmlAttr *a = inc->properties; a != NULL; a = a->next) {
		const char *an = (const char *)a->name;
		if (a->ns == NULL && strcmp(an, "href") != 0 &&
		    strcmp(an, "parse") != 0 && strcmp(an, "xpointer") != 0)
			load_err(ctx, inc, "unknown attribute '%s' on <xi:include>",
			         load_show(ctx, an));
	}
	for (xmlNode *c = inc->children; c != NULL; c = c->next)
		if (c->type == XML_ELEMENT_NODE) {
			load_err(ctx, c, "<%s> in <xi:include> is not supported",
			         load_is_xi(c, "fallback") ? "xi:fallback"
			                                   : load_qname(ctx, c));
			ok = false;
		}
	if (href == NULL || href[0] == '\0') {
		load_err(ctx, inc, "<xi:include> needs an 'href' attribute");
		ok = false;
	} else if (strchr(href, '#') != NULL) {
		load_err(ctx, inc, "include '%s': an href may not have a fragment "
		         "(#...); select parts with xpointer", load_show(ctx, href));
		ok = false;
	}
	if (parse != NULL && strcmp(parse, "xml") != 0) {
		load_err(ctx, inc, "<xi:include> parse='%s' is not supported "
		         "(only xml)", load_show(ctx, parse));
		ok = false;
	}
	return ok;
}

/* Records an included file read (SPEC 6.4) in doc->files the first time
 * it is read: its path relative to the main file's directory (path
 * starts with that directory as written), and the SHA-256 of its bytes. */
static void S_record(struct load_ctx *ctx, const char *path, const char *real,
                     const char *buf, size_t len)
{
	for (size_t i = 0; i < ctx->nreals; i++)
		if (strcmp(ctx->reals[i], real) == 0)
			return;
	struct arena *a = ctx->doc->arena;
	if (ctx->nreals == ctx->reals_cap) {
		size_t c = ctx->reals_cap ? ctx->reals_cap * 2 : 8;
		const char **t = arena_array(a, c, sizeof *t);
		if (ctx->nreals > 0)
			memcpy(t, ctx->reals, ctx->nreals * sizeof *t);
		ctx->reals = t;
		ctx->reals_cap = c;
	}
	ctx->reals[ctx->nreals++] = arena_strdup(a, real);
	const char *main = ctx->doc->file, *slash = strrchr(main, '/');
	size_t dir = slash != NULL ? (size_t)(slash - main) + 1 : 0;
	const char *rel = strncmp(path, main, dir) == 0 ? path + dir : path;
	char sha[65];
	fs_sha256_hex(buf, len, sha);
	model_add_file(ctx->doc, rel, sha);
}

/* Reads and parses the file an include names, NULL after an error. */
static xmlDoc *S_include_load(struct load_ctx *ctx, xmlNode *inc, const char *href,
                              const char *path, const char *real)
{
	char *buf = NULL;
	size_t len = 0;
	int err = 0;
	size_t cap = ctx->max_bytes - ctx->bytes;
	const char *shown = load_show(ctx, href);
	switch (load_read_file(ctx, real, cap, &buf, &len, &err)) {
	case LOAD_READ_OK:
		break;
	case LOAD_READ_OUTSIDE:
		load_outside(ctx, inc, "include", href);
		return NULL;
	case LOAD_READ_TOO_BIG:
		load_err(ctx, inc, "include '%s' takes the input over %zu bytes "
		         "(raise the limit with --max-bytes)", shown,
		         ctx->max_bytes);
		return NULL;
	case LOAD_READ_FAILED:
		load_err(ctx, inc, "cannot read include '%s': %s", shown,
		         strerror(err));
		return NULL;
	}
	ctx->bytes += len;
	S_record(ctx, path, real, buf, len);
	xmlDoc *x = NULL;
	if (len == 0)
		load_err(ctx, inc, "include '%s' is empty", shown);
	else
		x = load_parse(ctx, buf, len, model_intern_file(ctx->doc, path));
	free(buf);
	return x;
}

/* The elements and attributes of a subtree, for the node budget. */
static size_t S_weight(const xmlNode *n)
{
	size_t k = 1;
	for (const xmlAttr *a = n->properties; a != NULL; a = a->next)
		k++;
	for (const xmlNode *c = n->children; c != NULL; c = c->next)
		if (c->type == XML_ELEMENT_NODE)
			k += S_weight(c);
	return k;
}

/* Copies the file tags and big lines of a subtree to its copy
 * (xmlDocCopyNode drops them but copies node for node, in order). */
static void S_copy_tags(const xmlNode *src, xmlNode *dst)
{
	for (; src != NULL && dst != NULL; src = src->next, dst = dst->next) {
		dst->_private = src->_private;
		if (src->type == XML_ELEMENT_NODE) {
			dst->psvi = src->psvi;
			S_copy_tags(src->children, dst->children);
		}
	}
}

/* Puts a copy of sel (from an included document) before inc; false when
 * the node budget is spent (said once). */
static bool S_splice(struct load_ctx *ctx, xmlNode *inc, xmlNode *sel)
{
	if (!load_spend(ctx, inc, S_weight(sel)))
		return false;
	xmlNode *copy = xmlDocCopyNode(sel, inc->doc, 1);
	if (copy == NULL) {
		load_err(ctx, inc, "out of memory");
		return false;
	}
	copy->psvi = sel->psvi;
	S_copy_tags(sel->children, copy->children);
	/* The included document's xmlDoc carries its file name. */
	copy->_private = (void *)load_file_of(ctx, sel);
	xmlAddPrevSibling(inc, copy);
	return true;
}

/* Splices in what the xpointer selects, or the root element without one. */
static void S_include_select(struct load_ctx *ctx, xmlNode *inc, xmlDoc *x,
                             const char *href, const char *xpointer)
{
	xmlNode *root = xmlDocGetRootElement(x);
	if (xpointer == NULL) {
		(void)S_splice(ctx, inc, root);
		return;
	}
	xmlXPathContext *xc = xmlXPtrNewContext(x, NULL, NULL);
	if (xc != NULL)
		xc->opLimit = S_XPATH_OP_LIMIT;
	size_t errors = ctx->d->errors;
	ctx->fatal = false;
	ctx->err_prefix = arena_printf(ctx->doc->arena, "xpointer '%s': ",
	                               load_show(ctx, xpointer));
	xmlXPathObject *o = xc != NULL ? xmlXPtrEval(BAD_CAST xpointer, xc) : NULL;
	ctx->err_prefix = NULL;
	xmlNodeSet *set = o != NULL && o->type == XPATH_NODESET ? o->nodesetval : NULL;
	/* After libxml2's own complaint, "selects nothing" would say it twice. */
	if ((set == NULL || set->nodeNr == 0) && ctx->d->errors == errors)
		load_err(ctx, inc, "xpointer '%s' selects no element in '%s'",
		         load_show(ctx, xpointer), load_show(ctx, href));
	for (int i = 0; set != NULL && i < set->nodeNr; i++) {
		xmlNode *sel = set->nodeTab[i];
		if (sel->type == XML_DOCUMENT_NODE)
			sel = root;
		if (sel->type == XML_ELEMENT_NODE) {
			if (!S_splice(ctx, inc, sel))
				break;
		} else {
			load_err(ctx, inc, "xpointer '%s' selects something other "
			         "than an element in '%s'", load_show(ctx, xpointer),
			         load_show(ctx, href));
			break;
		}
	}
	xmlXPathFreeObject(o);
	xmlXPathFreeContext(xc);
}

/* Checks, loads and expands one file include; the caller removes inc. */
static void S_include_file(struct load_ctx *ctx, xmlNode *inc, const char *href,
                           const char *xpointer, const struct S_chain *chain,
                           int depth)
{
	const char *file = load_file_of(ctx, inc);
	char *real = NULL;
	char *path = load_resolve(ctx, inc, "include", href, &real);
	xmlDoc *x = NULL;
	if (path == NULL)
		goto cleanup;
	for (const struct S_chain *c = chain; c != NULL; c = c->up)
		if (c->real != NULL && strcmp(c->real, real) == 0) {
			load_err(ctx, inc, c == chain ? "include '%s' includes the "
			         "file it is in" : "include '%s' makes a cycle: that "
			         "file is already being included", load_show(ctx, href));
			goto cleanup;
		}
	if (depth >= LOAD_MAX_INCLUDE_DEPTH || ctx->includes >= LOAD_MAX_INCLUDES) {
		load_err(ctx, inc, "include '%s': more than %d levels or %d "
		         "includes", load_show(ctx, href), LOAD_MAX_INCLUDE_DEPTH,
		         LOAD_MAX_INCLUDES);
		goto cleanup;
	}
	ctx->includes++;
	/* Before it is parsed: its own syntax errors say where it came from too. */
	diags_include(ctx->d, model_intern_file(ctx->doc, path), file, load_line(inc));
	x = S_include_load(ctx, inc, href, path, real);
	xmlNode *root = x != NULL ? xmlDocGetRootElement(x) : NULL;
	if (root == NULL)
		goto cleanup;
	x->_private = (void *)model_intern_file(ctx->doc, path);
	if (load_is_xi(root, "include")) {
		load_err(ctx, root, "the root element may not be an <xi:include>");
		goto cleanup;
	}
	struct S_chain link = { real, chain };
	S_expand(ctx, root, &link, depth + 1);
	ctx->err_file = file;
	ctx->err_line = load_line(inc);
	S_include_select(ctx, inc, x, href, xpointer);
cleanup:
	xmlFreeDoc(x);
	free(real);
	free(path);
}

/* Replaces the xi:include element inc by what it names. */
static void S_include(struct load_ctx *ctx, xmlNode *inc, const struct S_chain *chain,
                      int depth)
{
	xmlChar *href = xmlGetNoNsProp(inc, BAD_CAST "href");
	xmlChar *parse = xmlGetNoNsProp(inc, BAD_CAST "parse");
	xmlChar *xpointer = xmlGetNoNsProp(inc, BAD_CAST "xpointer");
	if (S_include_ok(ctx, inc, (const char *)href, (const char *)parse))
		S_include_file(ctx, inc, (const char *)href,
		               (const char *)xpointer, chain, depth);
	xmlFree(href);
	xmlFree(parse);
	xmlFree(xpointer);
	xmlUnlinkNode(inc);
	xmlFreeNode(inc);
}

/* Expands every xi:include below n, depth first. */
static void S_expand(struct load_ctx *ctx, xmlNode *n, const struct S_chain *chain,
                     int depth)
{
	xmlNode *c = n->children;
	while (c != NULL) {
		/* What an include splices in goes before it, already expanded. */
		xmlNode *next = c->next;
		if (load_is_xi(c, "include"))
			S_include(ctx, c, chain, depth);
		else if (c->type == XML_ELEMENT_NODE)
			S_expand(ctx, c, chain, depth);
		c = next;
	}
}

void load_expand(struct load_ctx *ctx, xmlNode *root, const char *real)
{
	struct S_chain top = { real, NULL };
	S_expand(ctx, root, &top, 0);
}
