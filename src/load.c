/* load.c - format 1 XML into a struct doc, through libxml2.
 *
 * Three steps: parse safely (size cap, no network, no DTD loading, entity
 * declarations reported and dropped), expand xi:include ourselves with the
 * same safe parser, then walk the tree into the model, copying every string
 * into the doc's arena.  The xmlDoc is freed before returning, so nothing
 * downstream sees libxml2.
 *
 * Which file an element came from: elements spliced in by an include carry
 * their file name (interned in the doc's arena) in xmlNode._private; every
 * other element inherits it from its nearest tagged ancestor, and untagged
 * trees belong to the file named by the caller. */
/* realpath() is XSI, beyond the POSIX level the Makefile asks for. */
#define _XOPEN_SOURCE 700

#include "load.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <libxml/SAX2.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/uri.h>
#include <libxml/xmlerror.h>
#include <libxml/xpath.h>
#include <libxml/xpointer.h>

#include "arena.h"

/* No XML_PARSE_NOENT (entity substitution), no XML_PARSE_DTDLOAD; big
 * lines so that line numbers past 65535 stay right. */
#define S_PARSE_FLAGS (XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES)

#define S_XI_NS "http://www.w3.org/2001/XInclude"
#define S_XSI_NS "http://www.w3.org/2001/XMLSchema-instance"
#define S_MAX_INCLUDE_DEPTH 16
#define S_MAX_INCLUDES 256
/* XPath steps one xpointer may take: plenty for selecting parts of a
 * file, and a bound on what a hostile expression can cost. */
#define S_XPATH_OP_LIMIT 10000000UL

/* State of one load_* call; libxml2's error handler and SAX hook see it. */
struct S_ctx {
	struct doc *doc;
	struct diags *d;
	size_t max_bytes;          /* for the main file and its includes together */
	size_t bytes;              /* read so far */
	unsigned includes;         /* processed so far */
	const char *err_file;      /* for libxml2 errors that name no file */
	long err_line;             /* for libxml2 errors that have no line */
	bool saw_entity;           /* in the parse under way */
	char *root_real;           /* realpath of the main file's directory */
};

/* The chain of files being included, innermost first, to catch cycles. */
struct S_chain {
	const char *real;
	const struct S_chain *up;
};

static const char *const S_NO_ATTRS[] = { NULL };

/* ------------------------------------------------------------------ */
/* Diagnostics                                                          */

static const char *S_nm(const xmlNode *n)
{
	return (const char *)n->name;
}

/* The file n came from: see the comment at the top of the file. */
static const char *S_file_of(const struct S_ctx *ctx, const xmlNode *n)
{
	for (; n != NULL; n = n->parent)
		if (n->_private != NULL)
			return n->_private;
	return ctx->doc->file;
}

/* libxml2 keeps element lines in 16 bits; S_on_start puts larger ones
 * in psvi, which nothing else uses here (no schema validation on this
 * tree). */
static long S_line(const xmlNode *n)
{
	if (n->type == XML_ELEMENT_NODE && n->line == 65535 && n->psvi != NULL)
		return (long)(intptr_t)n->psvi;
	return xmlGetLineNo(n);
}

static struct srcpos S_pos(const struct S_ctx *ctx, const xmlNode *n)
{
	long line = S_line(n);
	return (struct srcpos){ S_file_of(ctx, n), line > 0 ? line : 1 };
}

/* diags_add has no va_list form, so format here first. */
static void S_verr(struct S_ctx *ctx, struct srcpos pos, const char *fmt,
                   va_list ap) __attribute__((format(printf, 3, 0)));
static void S_verr(struct S_ctx *ctx, struct srcpos pos, const char *fmt,
                   va_list ap)
{
	va_list ap2;
	va_copy(ap2, ap);
	int n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	char *msg = malloc(n < 0 ? 1 : (size_t)n + 1);
	if (msg == NULL) {
		diags_add(ctx->d, DIAG_ERROR, pos.file, pos.line, "%s", fmt);
		return;
	}
	msg[0] = '\0';
	if (n >= 0)
		vsnprintf(msg, (size_t)n + 1, fmt, ap);
	diags_add(ctx->d, DIAG_ERROR, pos.file, pos.line, "%s", msg);
	free(msg);
}

static void S_err_at(struct S_ctx *ctx, struct srcpos pos, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void S_err_at(struct S_ctx *ctx, struct srcpos pos, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	S_verr(ctx, pos, fmt, ap);
	va_end(ap);
}

/* An error at element n. */
static void S_err(struct S_ctx *ctx, const xmlNode *n, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void S_err(struct S_ctx *ctx, const xmlNode *n, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	S_verr(ctx, S_pos(ctx, n), fmt, ap);
	va_end(ap);
}

/* libxml2 messages end in a newline and some span two lines; ours are one. */
static char *S_one_line(const char *msg)
{
	size_t len = strlen(msg);
	while (len > 0 && (msg[len - 1] == '\n' || msg[len - 1] == '\r' ||
	                   msg[len - 1] == ' '))
		len--;
	char *s = malloc(len + 1);
	if (s == NULL)
		return NULL;
	for (size_t i = 0; i < len; i++)
		s[i] = (msg[i] == '\n' || msg[i] == '\r') ? ' ' : msg[i];
	s[len] = '\0';
	return s;
}

/* Structured error handler: every libxml2 error becomes a diagnostic. */
static void S_on_xml_error(void *data, xmlErrorPtr e)
{
	struct S_ctx *ctx = data;
	if (e == NULL || e->level == XML_ERR_NONE)
		return;
	/* A reference to an entity we refused to declare: already reported
	 * at the declaration. */
	if (ctx->saw_entity && (e->code == XML_ERR_UNDECLARED_ENTITY ||
	                        e->code == XML_WAR_UNDECLARED_ENTITY))
		return;
	char *msg = S_one_line(e->message != NULL ? e->message : "XML error");
	diags_add(ctx->d, e->level == XML_ERR_WARNING ? DIAG_WARNING : DIAG_ERROR,
	          e->file != NULL ? e->file : ctx->err_file,
	          e->line > 0 ? e->line : ctx->err_line, "%s",
	          msg != NULL ? msg : "XML error");
	free(msg);
}

/* Some corners of libxml2 print through the generic handler directly. */
static void S_on_generic_error(void *data, const char *msg, ...)
{
	(void)data;
	(void)msg;
}

/* ------------------------------------------------------------------ */
/* Reading and parsing                                                  */

enum S_read { S_READ_OK, S_READ_TOO_BIG, S_READ_FAILED };

/* Reads path into a malloc'd buffer of at most cap bytes.  Regular files
 * are refused by their size before anything is read; pipes and the like
 * are read until they pass the cap. */
static enum S_read S_read_file(const char *path, size_t cap, char **buf,
                               size_t *len, int *err)
{
	enum S_read rc = S_READ_FAILED;
	char *b = NULL;
	size_t size = 0, alloc = 64 * 1024;
	errno = 0;
	FILE *f = fopen(path, "rb");
	if (f == NULL)
		goto fail;
	struct stat st;
	if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode)) {
		if ((uintmax_t)st.st_size > cap) {
			rc = S_READ_TOO_BIG;
			goto fail;
		}
		alloc = (size_t)st.st_size + 1;
	}
	for (;;) {
		if (b == NULL || size == alloc) {
			if (b != NULL)
				alloc = alloc > SIZE_MAX / 2 ? SIZE_MAX : alloc * 2;
			char *nb = realloc(b, alloc);
			if (nb == NULL)
				goto fail;
			b = nb;
		}
		size_t n = fread(b + size, 1, alloc - size, f);
		size += n;
		if (size > cap) {
			rc = S_READ_TOO_BIG;
			goto fail;
		}
		if (n == 0)
			break;
	}
	if (ferror(f))
		goto fail;
	fclose(f);
	*buf = b;
	*len = size;
	return S_READ_OK;
fail:
	*err = errno != 0 ? errno : EIO;
	if (f != NULL)
		fclose(f);
	free(b);
	return rc;
}

/* SAX hooks run when a construct has been read: count lines back to
 * where it starts (mark) so that a declaration or start tag spread over
 * several lines is reported at its first.  The current line when mark
 * is no longer in the buffer. */
static long S_line_back(const xmlParserCtxt *p, const char *mark)
{
	const xmlParserInput *in = p->input;
	if (in == NULL)
		return 1;
	size_t n = strlen(mark);
	long nl = 0;
	for (const xmlChar *q = in->cur; q > in->base;) {
		q--;
		if (*q == '\n')
			nl++;
		else if (*q == (xmlChar)mark[0] && (size_t)(in->end - q) >= n &&
		         memcmp(q, mark, n) == 0)
			return in->line - nl;
	}
	return in->line;
}

/* SAX hook around libxml2's own: the element's line becomes that of its
 * "<" (a start tag cannot hold a raw "<"), not of the ">" ending it. */
static void S_on_start(void *pctx, const xmlChar *localname,
                       const xmlChar *prefix, const xmlChar *uri,
                       int nb_namespaces, const xmlChar **namespaces,
                       int nb_attributes, int nb_defaulted,
                       const xmlChar **attributes)
{
	xmlParserCtxt *p = pctx;
	long line = S_line_back(p, "<");
	xmlSAX2StartElementNs(pctx, localname, prefix, uri, nb_namespaces,
	                      namespaces, nb_attributes, nb_defaulted,
	                      attributes);
	if (p->node == NULL || line <= 0)
		return;
	if (line < 65535)
		p->node->line = (unsigned short)line;
	else
		p->node->psvi = (void *)(intptr_t)line;   /* see S_line */
}

/* SAX hook: an entity declaration is reported and not registered, so
 * nothing is ever expanded (billion laughs) or fetched (XXE). */
static void S_on_entity(void *pctx, const xmlChar *name, int type,
                        const xmlChar *public_id, const xmlChar *system_id,
                        xmlChar *content)
{
	(void)name;
	(void)type;
	(void)public_id;
	(void)system_id;
	(void)content;
	xmlParserCtxt *p = pctx;
	struct S_ctx *ctx = p->_private;
	ctx->saw_entity = true;
	diags_add(ctx->d, DIAG_ERROR, ctx->err_file, S_line_back(p, "<!ENTITY"),
	          "entity declarations are not allowed");
}

static void S_on_unparsed_entity(void *pctx, const xmlChar *name,
                                 const xmlChar *public_id,
                                 const xmlChar *system_id,
                                 const xmlChar *notation)
{
	(void)notation;
	S_on_entity(pctx, name, XML_EXTERNAL_GENERAL_UNPARSED_ENTITY,
	            public_id, system_id, NULL);
}

/* Parses buf as file with the safe options; NULL when not well-formed
 * (the reasons are in the diags). */
static xmlDoc *S_parse(struct S_ctx *ctx, const char *buf, size_t len,
                       const char *file)
{
	if (len > INT_MAX) {
		diags_add(ctx->d, DIAG_ERROR, file, 1,
		          "file is larger than %d bytes", INT_MAX);
		return NULL;
	}
	xmlParserCtxt *p = xmlNewParserCtxt();
	if (p == NULL) {
		diags_add(ctx->d, DIAG_ERROR, file, 1, "out of memory");
		return NULL;
	}
	p->_private = ctx;
	p->sax->entityDecl = S_on_entity;
	p->sax->unparsedEntityDecl = S_on_unparsed_entity;
	p->sax->startElementNs = S_on_start;
	ctx->saw_entity = false;
	ctx->err_file = file;
	ctx->err_line = 1;
	size_t errors = ctx->d->errors;
	xmlDoc *x = xmlCtxtReadMemory(p, buf, (int)len, file, NULL,
	                              S_PARSE_FLAGS);
	xmlFreeParserCtxt(p);
	if (x == NULL && ctx->d->errors == errors)
		diags_add(ctx->d, DIAG_ERROR, file, 1, "not well-formed XML");
	return x;
}

/* ------------------------------------------------------------------ */
/* XInclude, done here rather than by xmlXIncludeProcess: libxml2 2.9
 * parses included files with DTD loading on and without our entity hook,
 * and its xml:base bookkeeping names the wrong file for nested includes. */

static bool S_is_xi(const xmlNode *n, const char *local)
{
	return n->type == XML_ELEMENT_NODE && n->ns != NULL &&
	       n->ns->href != NULL &&
	       strcmp((const char *)n->ns->href, S_XI_NS) == 0 &&
	       strcmp(S_nm(n), local) == 0;
}

static bool S_has_scheme(const char *href)
{
	const char *p = href;
	if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')))
		return false;
	while ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
	       (*p >= '0' && *p <= '9') || *p == '+' || *p == '-' || *p == '.')
		p++;
	return *p == ':';
}

static bool S_has_dotdot(const char *path)
{
	for (const char *p = path; *p != '\0';) {
		const char *end = strchr(p, '/');
		size_t n = end != NULL ? (size_t)(end - p) : strlen(p);
		if (n == 2 && p[0] == '.' && p[1] == '.')
			return true;
		p += n;
		if (*p == '/')
			p++;
	}
	return false;
}

/* The directory part of path ("." when there is none), malloc'd, for
 * realpath. */
static char *S_dirname(const char *path)
{
	const char *slash = strrchr(path, '/');
	if (slash == NULL)
		return strdup(".");
	size_t n = slash == path ? 1 : (size_t)(slash - path);
	char *s = malloc(n + 1);
	if (s != NULL) {
		memcpy(s, path, n);
		s[n] = '\0';
	}
	return s;
}

/* href relative to the directory of file, malloc'd; NULL when href is
 * absolute, has a scheme, a fragment or a ".." (also %-escaped), which
 * could leave the main file's directory.  Symbolic links are for
 * S_inside_root. */
static char *S_include_path(const char *file, const char *href)
{
	if (S_has_scheme(href) || strchr(href, '#') != NULL)
		return NULL;
	char *rel = xmlURIUnescapeString(href, 0, NULL);
	if (rel == NULL || rel[0] == '\0' || rel[0] == '/' || S_has_dotdot(rel)) {
		xmlFree(rel);
		return NULL;
	}
	/* Keep file's directory as written, so messages read like it. */
	const char *slash = strrchr(file, '/');
	size_t dir = slash != NULL ? (size_t)(slash - file) + 1 : 0;
	size_t n = strlen(rel);
	char *path = malloc(dir + n + 1);
	if (path != NULL) {
		memcpy(path, file, dir);
		memcpy(path + dir, rel, n + 1);
	}
	xmlFree(rel);
	return path;
}

/* Whether real (a realpath) lies inside the main file's directory. */
static bool S_inside_root(struct S_ctx *ctx, const char *real)
{
	if (ctx->root_real == NULL) {
		char *dir = S_dirname(ctx->doc->file);
		ctx->root_real = dir != NULL ? realpath(dir, NULL) : NULL;
		free(dir);
		if (ctx->root_real == NULL)
			return false;
	}
	size_t n = strlen(ctx->root_real);
	if (strcmp(ctx->root_real, "/") == 0)
		return true;
	return strncmp(real, ctx->root_real, n) == 0 && real[n] == '/';
}

static bool S_in_chain(const struct S_chain *c, const char *real)
{
	for (; c != NULL; c = c->up)
		if (c->real != NULL && strcmp(c->real, real) == 0)
			return true;
	return false;
}

static void S_expand(struct S_ctx *ctx, xmlNode *n, const struct S_chain *chain,
                     int depth);

/* The include's own attributes and children: reports what we cannot honour. */
static bool S_include_ok(struct S_ctx *ctx, xmlNode *inc, const char *href,
                         const char *parse)
{
	bool ok = true;
	for (xmlAttr *a = inc->properties; a != NULL; a = a->next) {
		const char *an = (const char *)a->name;
		if (a->ns == NULL && strcmp(an, "href") != 0 &&
		    strcmp(an, "parse") != 0 && strcmp(an, "xpointer") != 0)
			S_err(ctx, inc, "unknown attribute '%s' on <xi:include>", an);
	}
	for (xmlNode *c = inc->children; c != NULL; c = c->next)
		if (c->type == XML_ELEMENT_NODE) {
			S_err(ctx, c, "<%s> in <xi:include> is not supported",
			      S_is_xi(c, "fallback") ? "xi:fallback" : S_nm(c));
			ok = false;
		}
	if (href == NULL || href[0] == '\0') {
		S_err(ctx, inc, "<xi:include> needs an 'href' attribute");
		ok = false;
	}
	if (parse != NULL && strcmp(parse, "xml") != 0) {
		S_err(ctx, inc, "<xi:include> parse='%s' is not supported", parse);
		ok = false;
	}
	return ok;
}

/* Reads and parses the file an include names, NULL after an error. */
static xmlDoc *S_include_load(struct S_ctx *ctx, xmlNode *inc, const char *href,
                              const char *path, const char *real)
{
	char *buf = NULL;
	size_t len = 0;
	int err = 0;
	size_t cap = ctx->max_bytes - ctx->bytes;
	switch (S_read_file(real, cap, &buf, &len, &err)) {
	case S_READ_OK:
		break;
	case S_READ_TOO_BIG:
		S_err(ctx, inc, "include '%s' takes the input over %zu bytes",
		      href, ctx->max_bytes);
		return NULL;
	case S_READ_FAILED:
		S_err(ctx, inc, "cannot read include '%s': %s", href, strerror(err));
		return NULL;
	}
	ctx->bytes += len;
	xmlDoc *x = NULL;
	if (len == 0)
		S_err(ctx, inc, "include '%s' is empty", href);
	else
		x = S_parse(ctx, buf, len, doc_intern_file(ctx->doc, path));
	free(buf);
	return x;
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

/* Puts a copy of sel (from an included document) before inc. */
static void S_splice(struct S_ctx *ctx, xmlNode *inc, xmlNode *sel)
{
	xmlNode *copy = xmlDocCopyNode(sel, inc->doc, 1);
	if (copy == NULL) {
		S_err(ctx, inc, "out of memory");
		return;
	}
	copy->psvi = sel->psvi;
	S_copy_tags(sel->children, copy->children);
	/* The included document's xmlDoc carries its file name. */
	copy->_private = (void *)S_file_of(ctx, sel);
	xmlAddPrevSibling(inc, copy);
}

/* Splices in what the xpointer selects, or the root element without one. */
static void S_include_select(struct S_ctx *ctx, xmlNode *inc, xmlDoc *x,
                             const char *href, const char *xpointer)
{
	xmlNode *root = xmlDocGetRootElement(x);
	if (xpointer == NULL) {
		S_splice(ctx, inc, root);
		return;
	}
	xmlXPathContext *xc = xmlXPtrNewContext(x, NULL, NULL);
	if (xc != NULL)
		xc->opLimit = S_XPATH_OP_LIMIT;
	xmlXPathObject *o = xc != NULL ? xmlXPtrEval(BAD_CAST xpointer, xc) : NULL;
	xmlNodeSet *set = o != NULL && o->type == XPATH_NODESET ? o->nodesetval : NULL;
	if (set == NULL || set->nodeNr == 0)
		S_err(ctx, inc, "xpointer '%s' selects no element in '%s'",
		      xpointer, href);
	for (int i = 0; set != NULL && i < set->nodeNr; i++) {
		xmlNode *sel = set->nodeTab[i];
		if (sel->type == XML_DOCUMENT_NODE)
			sel = root;
		if (sel->type == XML_ELEMENT_NODE)
			S_splice(ctx, inc, sel);
		else
			S_err(ctx, inc, "xpointer '%s' selects something other "
			      "than an element in '%s'", xpointer, href);
	}
	xmlXPathFreeObject(o);
	xmlXPathFreeContext(xc);
}

/* Checks, loads and expands one file include; the caller removes inc. */
static void S_include_file(struct S_ctx *ctx, xmlNode *inc, const char *href,
                           const char *xpointer, const struct S_chain *chain,
                           int depth)
{
	const char *file = S_file_of(ctx, inc);
	char *path = S_include_path(file, href);
	char *real = path != NULL ? realpath(path, NULL) : NULL;
	xmlDoc *x = NULL;
	if (path != NULL && real == NULL) {
		S_err(ctx, inc, "cannot read include '%s': %s", href,
		      strerror(errno));
		goto cleanup;
	}
	if (real == NULL || !S_inside_root(ctx, real)) {
		S_err(ctx, inc, "include '%s' leaves the directory of %s", href,
		      ctx->doc->file);
		goto cleanup;
	}
	if (S_in_chain(chain, real)) {
		S_err(ctx, inc, "include '%s' includes itself", href);
		goto cleanup;
	}
	if (depth >= S_MAX_INCLUDE_DEPTH || ctx->includes >= S_MAX_INCLUDES) {
		S_err(ctx, inc, "include '%s': more than %d levels or %d includes",
		      href, S_MAX_INCLUDE_DEPTH, S_MAX_INCLUDES);
		goto cleanup;
	}
	ctx->includes++;
	x = S_include_load(ctx, inc, href, path, real);
	if (x == NULL || xmlDocGetRootElement(x) == NULL)
		goto cleanup;
	x->_private = (void *)doc_intern_file(ctx->doc, path);
	xmlNode *root = xmlDocGetRootElement(x);
	if (S_is_xi(root, "include")) {
		S_err(ctx, root, "the root element may not be an <xi:include>");
		goto cleanup;
	}
	struct S_chain link = { real, chain };
	S_expand(ctx, root, &link, depth + 1);
	ctx->err_file = file;
	ctx->err_line = S_line(inc);
	S_include_select(ctx, inc, x, href, xpointer);
cleanup:
	xmlFreeDoc(x);
	free(real);
	free(path);
}

/* Replaces the xi:include element inc by what it names. */
static void S_include(struct S_ctx *ctx, xmlNode *inc, const struct S_chain *chain,
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
static void S_expand(struct S_ctx *ctx, xmlNode *n, const struct S_chain *chain,
                     int depth)
{
	xmlNode *c = n->children;
	while (c != NULL) {
		/* What an include splices in goes before it, already expanded. */
		xmlNode *next = c->next;
		if (S_is_xi(c, "include"))
			S_include(ctx, c, chain, depth);
		else if (c->type == XML_ELEMENT_NODE)
			S_expand(ctx, c, chain, depth);
		c = next;
	}
}

/* ------------------------------------------------------------------ */
/* Text and numbers                                                     */

static bool S_is_ws(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static bool S_is_text(const xmlNode *n)
{
	return n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE;
}

static const char *S_content(const xmlNode *n)
{
	return n->content != NULL ? (const char *)n->content : "";
}

static bool S_blank(const char *s)
{
	for (; *s != '\0'; s++)
		if (!S_is_ws(*s))
			return false;
	return true;
}

/* Appends s to o folding white space runs into one blank; *blank says
 * whether the output so far ends in a blank (or is empty, which trims the
 * start), so runs fold across text nodes and spans too. */
static char *S_fold_into(char *o, const char *s, bool *blank)
{
	for (; *s != '\0'; s++) {
		if (!S_is_ws(*s)) {
			*o++ = *s;
			*blank = false;
		} else if (!*blank) {
			*o++ = ' ';
			*blank = true;
		}
	}
	*o = '\0';
	return o;
}

/* s folded and trimmed, in the arena. */
static const char *S_fold(struct arena *a, const char *s)
{
	char *out = arena_alloc(a, strlen(s) + 1);
	bool blank = true;
	char *o = S_fold_into(out, s, &blank);
	if (o > out && o[-1] == ' ')
		o[-1] = '\0';
	return out;
}

static const char *S_skip_ws(const char *s)
{
	while (S_is_ws(*s))
		s++;
	return s;
}

enum S_num { S_NUM_OK, S_NUM_BAD, S_NUM_RANGE };

/* Powers of ten that a double holds exactly. */
static const double S_POW10[] = {
	1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
	1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
};

/* Up to 19 significant digits as an integer and the power of ten that
 * scales them; returns the end of the digits. */
static const char *S_digits(const char *p, uint64_t *mant, int *exp10,
                            int *ndigits)
{
	int kept = 0;
	bool frac = false;
	for (;; p++) {
		if (*p == '.' && !frac) {
			frac = true;
			continue;
		}
		if (*p < '0' || *p > '9')
			return p;
		unsigned dg = (unsigned)(*p - '0');
		++*ndigits;
		if (*mant == 0 && dg == 0) {
			*exp10 -= frac;
		} else if (kept < 19) {
			*mant = *mant * 10 + dg;
			kept++;
			*exp10 -= frac;
		} else {
			*exp10 += !frac;   /* a dropped integer digit still scales */
		}
	}
}

/* xs:decimal to double, digit by digit rather than by strtod, whose
 * decimal point follows the locale.  Exact (one rounding) for up to
 * 15 significant digits and 22 decimals; within an ulp beyond. */
static enum S_num S_decimal(const char *s, double *out)
{
	const char *p = S_skip_ws(s);
	bool neg = false;
	if (*p == '+' || *p == '-')
		neg = *p++ == '-';
	uint64_t mant = 0;
	int exp10 = 0, ndigits = 0;
	p = S_digits(p, &mant, &exp10, &ndigits);
	if (ndigits == 0 || *S_skip_ws(p) != '\0')
		return S_NUM_BAD;
	double v;
	if (mant <= (UINT64_C(1) << 53) && exp10 >= -22 && exp10 <= 22)
		v = exp10 < 0 ? (double)mant / S_POW10[-exp10]
		              : (double)mant * S_POW10[exp10];
	else
		v = (double)((long double)mant * powl(10.0L, exp10));
	if (!isfinite(v))
		return S_NUM_RANGE;
	*out = neg ? -v : v;
	return S_NUM_OK;
}

/* A small integer, for the format attribute. */
static bool S_integer(const char *s, long *out)
{
	const char *p = S_skip_ws(s);
	bool neg = false;
	if (*p == '+' || *p == '-')
		neg = *p++ == '-';
	long v = 0;
	int n = 0;
	for (; *p >= '0' && *p <= '9'; p++, n++) {
		if (v > 100000000)
			return false;
		v = v * 10 + (*p - '0');
	}
	if (n == 0 || *S_skip_ws(p) != '\0')
		return false;
	*out = neg ? -v : v;
	return true;
}

/* ------------------------------------------------------------------ */
/* Elements and attributes                                              */

/* Whether n is our element name (no namespace). */
static bool S_named(const xmlNode *n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && n->ns == NULL &&
	       strcmp(S_nm(n), name) == 0;
}

static size_t S_count(const xmlNode *n, const char *name)
{
	size_t k = 0;
	for (const xmlNode *c = n->children; c != NULL; c = c->next)
		k += S_named(c, name);
	return k;
}

/* The format has no namespace, so a namespaced element is unknown even
 * when its local name is one of ours: say which namespace. */
static void S_unknown(struct S_ctx *ctx, const xmlNode *parent, const xmlNode *c)
{
	const xmlNs *ns = c->ns;
	const char *prefix = ns != NULL && ns->prefix != NULL
	                     ? (const char *)ns->prefix : NULL;
	S_err(ctx, c, "unknown element <%s%s%s>%s%s%s in <%s>",
	      prefix != NULL ? prefix : "", prefix != NULL ? ":" : "", S_nm(c),
	      ns != NULL ? " (namespace '" : "",
	      ns != NULL && ns->href != NULL ? (const char *)ns->href : "",
	      ns != NULL ? "')" : "", S_nm(parent));
}

/* Where the first non-blank character of text node t in parent is.
 * libxml2 gives a text node the line where its first chunk ends (the
 * whole text when it is ASCII), so count back from there. */
static struct srcpos S_text_pos(const struct S_ctx *ctx, const xmlNode *parent,
                                const xmlNode *t)
{
	struct srcpos pos = S_pos(ctx, parent);
	long line = xmlGetLineNo(t);
	const char *s = S_content(t);
	while (*s != '\0' && S_is_ws(*s))
		s++;
	for (; *s != '\0'; s++)
		line -= *s == '\n';
	if (line > pos.line)
		pos.line = line;
	return pos;
}

/* The next element child from c on; containers hold elements only, so
 * text on the way is an error (white space, comments and PIs are fine). */
static xmlNode *S_elem(struct S_ctx *ctx, const xmlNode *parent, xmlNode *c)
{
	for (; c != NULL; c = c->next) {
		if (c->type == XML_ELEMENT_NODE)
			return c;
		if (S_is_text(c) && !S_blank(S_content(c))) {
			S_err_at(ctx, S_text_pos(ctx, parent, c),
			         "text is not allowed in <%s>", S_nm(parent));
		} else if (c->type == XML_ENTITY_REF_NODE) {
			S_err(ctx, parent, "entity references are not allowed");
		}
	}
	return NULL;
}

/* Elements that may hold no children at all. */
static void S_no_children(struct S_ctx *ctx, xmlNode *n)
{
	for (xmlNode *c = S_elem(ctx, n, n->children); c != NULL;
	     c = S_elem(ctx, n, c->next))
		S_unknown(ctx, n, c);
}

static bool S_attr_allowed(const xmlAttr *a, const char *const *allowed)
{
	if (a->ns != NULL)
		/* xml:base (which includes add), xml:lang, xml:id; xsi: for
		 * editors that validate against the schema. */
		return a->ns->href != NULL &&
		       (strcmp((const char *)a->ns->href,
		               (const char *)XML_XML_NAMESPACE) == 0 ||
		        strcmp((const char *)a->ns->href, S_XSI_NS) == 0);
	for (; *allowed != NULL; allowed++)
		if (strcmp((const char *)a->name, *allowed) == 0)
			return true;
	return false;
}

static void S_check_attrs(struct S_ctx *ctx, const xmlNode *n,
                          const char *const *allowed)
{
	for (const xmlAttr *a = n->properties; a != NULL; a = a->next)
		if (!S_attr_allowed(a, allowed))
			S_err(ctx, n, "unknown attribute '%s' on <%s>",
			      (const char *)a->name, S_nm(n));
}

/* The value of attribute name (no namespace) in the arena, or NULL. */
static const char *S_attr(struct S_ctx *ctx, const xmlNode *n, const char *name)
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

static const char *S_req_attr(struct S_ctx *ctx, const xmlNode *n,
                              const char *name)
{
	const char *v = S_attr(ctx, n, name);
	if (v == NULL)
		S_err(ctx, n, "<%s> needs a '%s' attribute", S_nm(n), name);
	return v;
}

/* Parses value as attribute name's number, with an error when it is not. */
static bool S_num_value(struct S_ctx *ctx, const xmlNode *n, const char *name,
                        const char *value, double *out)
{
	switch (S_decimal(value, out)) {
	case S_NUM_OK:
		return true;
	case S_NUM_RANGE:
		S_err(ctx, n, "attribute '%s' of <%s>: '%s' is too large",
		      name, S_nm(n), value);
		return false;
	case S_NUM_BAD:
		break;
	}
	S_err(ctx, n, "attribute '%s' of <%s>: '%s' is not a decimal number",
	      name, S_nm(n), value);
	return false;
}

/* A number attribute; *out keeps its default when absent or malformed. */
static void S_num_attr(struct S_ctx *ctx, const xmlNode *n, const char *name,
                       bool required, double *out)
{
	const char *v = required ? S_req_attr(ctx, n, name) : S_attr(ctx, n, name);
	if (v != NULL)
		S_num_value(ctx, n, name, v, out);
}

/* The index of attribute name's value in choices, def when absent or not
 * one of them (then with an error that lists what would do). */
static int S_choice(struct S_ctx *ctx, const xmlNode *n, const char *name,
                    const char *const *choices, const char *expected, int def)
{
	const char *v = S_attr(ctx, n, name);
	if (v == NULL)
		return def;
	for (int i = 0; choices[i] != NULL; i++)
		if (strcmp(v, choices[i]) == 0)
			return i;
	S_err(ctx, n, "attribute '%s' of <%s>: '%s' is not %s", name, S_nm(n),
	      v, expected);
	return def;
}

/* The text of n with white space folded and trimmed; n holds text only. */
static const char *S_text(struct S_ctx *ctx, xmlNode *n)
{
	size_t len = 0;
	for (xmlNode *c = n->children; c != NULL; c = c->next) {
		if (S_is_text(c))
			len += strlen(S_content(c));
		else if (c->type == XML_ELEMENT_NODE)
			S_err(ctx, c, "<%s> may hold only text, not <%s>",
			      S_nm(n), S_nm(c));
		else if (c->type == XML_ENTITY_REF_NODE)
			S_err(ctx, n, "entity references are not allowed");
	}
	char *out = arena_alloc(ctx->doc->arena, len + 1), *o = out;
	bool blank = true;
	for (xmlNode *c = n->children; c != NULL; c = c->next)
		if (S_is_text(c))
			o = S_fold_into(o, S_content(c), &blank);
	if (o > out && o[-1] == ' ')
		o[-1] = '\0';
	return out;
}

/* A child element holding one text, once: name, version, rationale, ... */
struct S_field {
	const char *name;
	const char **slot;
};

/* Fills the field c is, if it is one of fields; false when it is none. */
static bool S_text_field(struct S_ctx *ctx, const xmlNode *parent, xmlNode *c,
                         const struct S_field *fields, size_t nfields)
{
	for (size_t i = 0; i < nfields; i++) {
		if (!S_named(c, fields[i].name))
			continue;
		S_check_attrs(ctx, c, S_NO_ATTRS);
		if (*fields[i].slot != NULL)
			S_err(ctx, c, "<%s> appears twice in <%s>", S_nm(c),
			      S_nm(parent));
		else
			*fields[i].slot = S_text(ctx, c);
		return true;
	}
	return false;
}

/* "<framework> 'x' has no <name>", or without the id when it has none. */
static void S_missing(struct S_ctx *ctx, const xmlNode *n, const char *id,
                      const char *child)
{
	if (id != NULL)
		S_err(ctx, n, "<%s> '%s' has no <%s>", S_nm(n), id, child);
	else
		S_err(ctx, n, "<%s> has no <%s>", S_nm(n), child);
}

/* ------------------------------------------------------------------ */
/* Block content                                                        */

/* An upper bound of the spans of n: its text nodes, at any depth. */
static size_t S_count_text(const xmlNode *n)
{
	size_t k = 0;
	for (const xmlNode *c = n->children; c != NULL; c = c->next)
		k += S_is_text(c) ? 1
		     : c->type == XML_ELEMENT_NODE ? S_count_text(c) : 0;
	return k;
}

static void S_spans(struct S_ctx *ctx, xmlNode *n, unsigned style,
                    struct para *p, bool *blank)
{
	struct arena *a = ctx->doc->arena;
	for (xmlNode *c = n->children; c != NULL; c = c->next) {
		if (S_is_text(c)) {
			const char *t = S_content(c);
			char *s = arena_alloc(a, strlen(t) + 1);
			S_fold_into(s, t, blank);
			p->spans[p->nspans++] = (struct span){ s, style };
		} else if (S_named(c, "b") || S_named(c, "i")) {
			S_check_attrs(ctx, c, S_NO_ATTRS);
			S_spans(ctx, c, style | (S_named(c, "b") ? SPAN_BOLD
			                                         : SPAN_ITALIC),
			        p, blank);
		} else if (c->type == XML_ELEMENT_NODE) {
			S_unknown(ctx, n, c);
		} else if (c->type == XML_ENTITY_REF_NODE) {
			S_err(ctx, n, "entity references are not allowed");
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

static void S_para(struct S_ctx *ctx, xmlNode *n, enum para_kind kind,
                   struct para *p)
{
	S_check_attrs(ctx, n, S_NO_ATTRS);
	p->kind = kind;
	p->pos = S_pos(ctx, n);
	p->spans = arena_array(ctx->doc->arena, S_count_text(n), sizeof *p->spans);
	bool blank = true;
	S_spans(ctx, n, SPAN_PLAIN, p, &blank);
	S_tidy_spans(ctx->doc->arena, p);
}

static void S_list_items(struct S_ctx *ctx, xmlNode *list, struct block *b)
{
	S_check_attrs(ctx, list, S_NO_ATTRS);
	for (xmlNode *c = S_elem(ctx, list, list->children); c != NULL;
	     c = S_elem(ctx, list, c->next)) {
		if (S_named(c, "item"))
			S_para(ctx, c, PARA_ITEM, &b->paras[b->nparas++]);
		else
			S_unknown(ctx, list, c);
	}
}

/* <p> and <list> children of n; the caller checks n's attributes. */
static void S_block(struct S_ctx *ctx, xmlNode *n, struct block *b)
{
	size_t cap = S_count(n, "p");
	for (const xmlNode *c = n->children; c != NULL; c = c->next)
		if (S_named(c, "list"))
			cap += S_count(c, "item");
	b->paras = arena_array(ctx->doc->arena, cap, sizeof *b->paras);
	b->nparas = 0;
	for (xmlNode *c = S_elem(ctx, n, n->children); c != NULL;
	     c = S_elem(ctx, n, c->next)) {
		if (S_named(c, "p"))
			S_para(ctx, c, PARA_TEXT, &b->paras[b->nparas++]);
		else if (S_named(c, "list"))
			S_list_items(ctx, c, b);
		else
			S_unknown(ctx, n, c);
	}
}

/* ------------------------------------------------------------------ */
/* Lists of one kind of element                                         */

typedef void S_item_fn(struct S_ctx *ctx, xmlNode *n, void *item);

/* The <child> elements of container n, each filled by fn, in the arena. */
static void *S_items(struct S_ctx *ctx, xmlNode *n, const char *child,
                     size_t size, S_item_fn *fn, size_t *count)
{
	S_check_attrs(ctx, n, S_NO_ATTRS);
	char *items = arena_array(ctx->doc->arena, S_count(n, child), size);
	size_t k = 0;
	for (xmlNode *c = S_elem(ctx, n, n->children); c != NULL;
	     c = S_elem(ctx, n, c->next)) {
		if (S_named(c, child))
			fn(ctx, c, items + k++ * size);
		else
			S_unknown(ctx, n, c);
	}
	*count = k;
	return items;
}

/* ------------------------------------------------------------------ */
/* Scales                                                               */

static void S_level(struct S_ctx *ctx, xmlNode *n, void *out)
{
	static const char *const attrs[] = { "id", "score", "label", NULL };
	struct level *l = out;
	l->pos = S_pos(ctx, n);
	S_check_attrs(ctx, n, attrs);
	l->id = S_req_attr(ctx, n, "id");
	S_num_attr(ctx, n, "score", true, &l->score);
	l->label = S_attr(ctx, n, "label");
	if (l->label == NULL)
		l->label = l->id;
	S_no_children(ctx, n);
}

static void S_ordinal_scale(struct S_ctx *ctx, xmlNode *n, struct scale *s)
{
	static const char *const numeric_only[] = { "better", "unit", NULL };
	for (size_t i = 0; numeric_only[i] != NULL; i++)
		if (xmlHasNsProp(n, BAD_CAST numeric_only[i], NULL) != NULL)
			S_err(ctx, n, "attribute '%s' of <scale> applies to "
			      "numeric scales only", numeric_only[i]);
	s->kind = SCALE_ORDINAL;
	s->levels = arena_array(ctx->doc->arena, S_count(n, "level"),
	                        sizeof *s->levels);
	for (xmlNode *c = S_elem(ctx, n, n->children); c != NULL;
	     c = S_elem(ctx, n, c->next)) {
		if (S_named(c, "level"))
			S_level(ctx, c, &s->levels[s->nlevels++]);
		else
			S_unknown(ctx, n, c);
	}
	for (size_t i = 0; i < s->nlevels; i++) {
		double v = s->levels[i].score;
		if (i == 0 || v < s->min)
			s->min = v;
		if (i == 0 || v > s->max)
			s->max = v;
	}
}

static void S_numeric_scale(struct S_ctx *ctx, xmlNode *n, struct scale *s)
{
	static const char *const better[] = { "higher", "lower", NULL };
	s->kind = SCALE_NUMERIC;
	S_num_attr(ctx, n, "min", true, &s->min);
	S_num_attr(ctx, n, "max", true, &s->max);
	s->lower_better = S_choice(ctx, n, "better", better,
	                           "'higher' or 'lower'", 0) == 1;
	s->unit = S_attr(ctx, n, "unit");
	S_no_children(ctx, n);
}

/* Ordinal when it has levels, numeric when it has min/max. */
static void S_scale(struct S_ctx *ctx, xmlNode *n, void *out)
{
	static const char *const attrs[] = { "id", "min", "max", "better",
	                                     "unit", NULL };
	struct scale *s = out;
	s->pos = S_pos(ctx, n);
	S_check_attrs(ctx, n, attrs);
	s->id = S_req_attr(ctx, n, "id");
	const char *id = s->id != NULL ? s->id : "";
	bool levels = S_count(n, "level") > 0;
	bool bounds = xmlHasNsProp(n, BAD_CAST "min", NULL) != NULL ||
	              xmlHasNsProp(n, BAD_CAST "max", NULL) != NULL;
	if (levels && bounds)
		S_err(ctx, n, "<scale> '%s' has both <level> children and "
		      "min/max attributes", id);
	else if (!levels && !bounds)
		S_err(ctx, n, "<scale> '%s' has neither <level> children nor "
		      "min/max attributes", id);
	if (bounds && !levels)
		S_numeric_scale(ctx, n, s);
	else
		S_ordinal_scale(ctx, n, s);
}

/* ------------------------------------------------------------------ */
/* Frameworks and criteria                                              */

static void S_framework(struct S_ctx *ctx, xmlNode *n, void *out)
{
	static const char *const attrs[] = { "id", NULL };
	struct framework *f = out;
	const struct S_field fields[] = {
		{ "name", &f->name }, { "version", &f->version },
		{ "license", &f->license }, { "url", &f->url },
		{ "pricing", &f->pricing }, { "summary", &f->summary },
	};
	f->pos = S_pos(ctx, n);
	S_check_attrs(ctx, n, attrs);
	f->id = S_req_attr(ctx, n, "id");
	for (xmlNode *c = S_elem(ctx, n, n->children); c != NULL;
	     c = S_elem(ctx, n, c->next))
		if (!S_text_field(ctx, n, c, fields, sizeof fields / sizeof *fields))
			S_unknown(ctx, n, c);
	if (f->name == NULL)
		S_missing(ctx, n, f->id, "name");
}

/* level or value, "unknown" for either; the text is the table cell. */
static void S_rating(struct S_ctx *ctx, xmlNode *n, struct rating *r)
{
	static const char *const attrs[] = { "framework", "level", "value", NULL };
	r->pos = S_pos(ctx, n);
	r->framework_ix = r->level_ix = MODEL_NO_INDEX;
	S_check_attrs(ctx, n, attrs);
	r->framework = S_req_attr(ctx, n, "framework");
	const char *level = S_attr(ctx, n, "level");
	const char *value = S_attr(ctx, n, "value");
	if (level != NULL && value != NULL)
		S_err(ctx, n, "<rating> has both 'level' and 'value'");
	else if (level == NULL && value == NULL)
		S_err(ctx, n, "<rating> needs a 'level' or 'value' attribute");
	r->raw = level != NULL ? level : value;
	r->unknown = r->raw != NULL && strcmp(r->raw, "unknown") == 0;
	if (level == NULL && value != NULL && !r->unknown)
		S_num_value(ctx, n, "value", value, &r->value);
	r->text = S_text(ctx, n);
}

static void S_criterion(struct S_ctx *ctx, xmlNode *n, void *out)
{
	static const char *const attrs[] = { "id", "scale", "category", NULL };
	struct criterion *c = out;
	const struct S_field fields[] = {
		{ "name", &c->name }, { "description", &c->description },
	};
	c->pos = S_pos(ctx, n);
	c->scale_ix = MODEL_NO_INDEX;
	c->rating_of = NULL;
	S_check_attrs(ctx, n, attrs);
	c->id = S_req_attr(ctx, n, "id");
	c->scale = S_req_attr(ctx, n, "scale");
	c->category = S_attr(ctx, n, "category");
	c->ratings = arena_array(ctx->doc->arena, S_count(n, "rating"),
	                         sizeof *c->ratings);
	for (xmlNode *e = S_elem(ctx, n, n->children); e != NULL;
	     e = S_elem(ctx, n, e->next)) {
		if (S_named(e, "rating"))
			S_rating(ctx, e, &c->ratings[c->nratings++]);
		else if (!S_text_field(ctx, n, e, fields,
		                       sizeof fields / sizeof *fields))
			S_unknown(ctx, n, e);
	}
	if (c->name == NULL)
		S_missing(ctx, n, c->id, "name");
}

/* ------------------------------------------------------------------ */
/* Scenarios and profiles                                               */

static void S_weight(struct S_ctx *ctx, xmlNode *n, struct weight *w)
{
	static const char *const attrs[] = { "criterion", "value", NULL };
	w->pos = S_pos(ctx, n);
	w->criterion_ix = MODEL_NO_INDEX;
	S_check_attrs(ctx, n, attrs);
	w->criterion = S_req_attr(ctx, n, "criterion");
	S_num_attr(ctx, n, "value", true, &w->value);
	S_no_children(ctx, n);
}

/* Bounds stay as written; numeric ones are parsed too (an ordinal min
 * names a level, which check.c resolves). */
static void S_require(struct S_ctx *ctx, xmlNode *n, struct require *r)
{
	static const char *const attrs[] = { "criterion", "min", "max", NULL };
	r->pos = S_pos(ctx, n);
	r->criterion_ix = r->min_level_ix = MODEL_NO_INDEX;
	S_check_attrs(ctx, n, attrs);
	r->criterion = S_req_attr(ctx, n, "criterion");
	r->min_raw = S_attr(ctx, n, "min");
	r->max_raw = S_attr(ctx, n, "max");
	r->min = -INFINITY;
	r->max = INFINITY;
	if (r->min_raw == NULL && r->max_raw == NULL)
		S_err(ctx, n, "<require> needs a 'min' or 'max' attribute");
	if (r->min_raw != NULL)
		(void)S_decimal(r->min_raw, &r->min);
	if (r->max_raw != NULL)
		(void)S_decimal(r->max_raw, &r->max);
	S_no_children(ctx, n);
}

static void S_scenario(struct S_ctx *ctx, xmlNode *n, void *out)
{
	static const char *const attrs[] = { "id", NULL };
	struct scenario *s = out;
	struct arena *a = ctx->doc->arena;
	const struct S_field fields[] = {
		{ "name", &s->name }, { "rationale", &s->rationale },
	};
	s->pos = S_pos(ctx, n);
	S_check_attrs(ctx, n, attrs);
	s->id = S_req_attr(ctx, n, "id");
	s->weights = arena_array(a, S_count(n, "weight"), sizeof *s->weights);
	s->requires = arena_array(a, S_count(n, "require"), sizeof *s->requires);
	for (xmlNode *c = S_elem(ctx, n, n->children); c != NULL;
	     c = S_elem(ctx, n, c->next)) {
		if (S_named(c, "weight"))
			S_weight(ctx, c, &s->weights[s->nweights++]);
		else if (S_named(c, "require"))
			S_require(ctx, c, &s->requires[s->nrequires++]);
		else if (!S_text_field(ctx, n, c, fields,
		                       sizeof fields / sizeof *fields))
			S_unknown(ctx, n, c);
	}
	if (s->name == NULL)
		S_missing(ctx, n, s->id, "name");
}

static void S_use(struct S_ctx *ctx, xmlNode *n, struct use *u)
{
	static const char *const attrs[] = { "scenario", "share", NULL };
	u->pos = S_pos(ctx, n);
	u->scenario_ix = MODEL_NO_INDEX;
	u->share = 1;
	S_check_attrs(ctx, n, attrs);
	u->scenario = S_req_attr(ctx, n, "scenario");
	S_num_attr(ctx, n, "share", false, &u->share);
	S_no_children(ctx, n);
}

static void S_exclude(struct S_ctx *ctx, xmlNode *n, struct exclude *e)
{
	static const char *const attrs[] = { "framework", "reason", NULL };
	e->pos = S_pos(ctx, n);
	e->framework_ix = MODEL_NO_INDEX;
	S_check_attrs(ctx, n, attrs);
	e->framework = S_req_attr(ctx, n, "framework");
	e->reason = S_attr(ctx, n, "reason");
	S_no_children(ctx, n);
}

/* The repeated children of a profile, or false when c is none of them. */
static bool S_profile_child(struct S_ctx *ctx, xmlNode *c, struct profile *p)
{
	if (S_named(c, "use"))
		S_use(ctx, c, &p->uses[p->nuses++]);
	else if (S_named(c, "weight"))
		S_weight(ctx, c, &p->weights[p->nweights++]);
	else if (S_named(c, "require"))
		S_require(ctx, c, &p->requires[p->nrequires++]);
	else if (S_named(c, "exclude"))
		S_exclude(ctx, c, &p->excludes[p->nexcludes++]);
	else
		return false;
	return true;
}

static void S_profile(struct S_ctx *ctx, xmlNode *n, void *out)
{
	static const char *const attrs[] = { "id", "own-share", NULL };
	struct profile *p = out;
	struct arena *a = ctx->doc->arena;
	const struct S_field fields[] = {
		{ "name", &p->name }, { "description", &p->description },
	};
	p->pos = S_pos(ctx, n);
	p->own_share = 1;
	S_check_attrs(ctx, n, attrs);
	p->id = S_req_attr(ctx, n, "id");
	S_num_attr(ctx, n, "own-share", false, &p->own_share);
	p->uses = arena_array(a, S_count(n, "use"), sizeof *p->uses);
	p->weights = arena_array(a, S_count(n, "weight"), sizeof *p->weights);
	p->requires = arena_array(a, S_count(n, "require"), sizeof *p->requires);
	p->excludes = arena_array(a, S_count(n, "exclude"), sizeof *p->excludes);
	for (xmlNode *c = S_elem(ctx, n, n->children); c != NULL;
	     c = S_elem(ctx, n, c->next))
		if (!S_profile_child(ctx, c, p) &&
		    !S_text_field(ctx, n, c, fields, sizeof fields / sizeof *fields))
			S_unknown(ctx, n, c);
	if (p->name == NULL)
		S_missing(ctx, n, p->id, "name");
}

/* ------------------------------------------------------------------ */
/* Sections, meta, report and the top level                            */

static void S_section(struct S_ctx *ctx, xmlNode *n, void *out)
{
	static const char *const attrs[] = { "id", "title", "place", NULL };
	static const char *const places[] = { "after-verdict", "after-features",
	                                      "appendix", NULL };
	struct section *s = out;
	s->pos = S_pos(ctx, n);
	S_check_attrs(ctx, n, attrs);
	s->id = S_req_attr(ctx, n, "id");
	const char *title = S_req_attr(ctx, n, "title");
	s->title = title != NULL ? S_fold(ctx->doc->arena, title) : NULL;
	s->place = (enum section_place)S_choice(ctx, n, "place", places,
		"'after-verdict', 'after-features' or 'appendix'",
		PLACE_APPENDIX);
	S_block(ctx, n, &s->body);
}

static void S_logo(struct S_ctx *ctx, xmlNode *n)
{
	static const char *const attrs[] = { "src", NULL };
	struct meta *m = &ctx->doc->meta;
	m->logo_pos = S_pos(ctx, n);
	S_check_attrs(ctx, n, attrs);
	if (m->logo != NULL)
		S_err(ctx, n, "<logo> appears twice in <meta>");
	else
		m->logo = S_req_attr(ctx, n, "src");
	S_no_children(ctx, n);
}

static void S_meta(struct S_ctx *ctx, xmlNode *n)
{
	struct meta *m = &ctx->doc->meta;
	const struct S_field fields[] = {
		{ "author", &m->author }, { "organisation", &m->organisation },
		{ "date", &m->date },
	};
	S_check_attrs(ctx, n, S_NO_ATTRS);
	for (xmlNode *c = S_elem(ctx, n, n->children); c != NULL;
	     c = S_elem(ctx, n, c->next)) {
		if (S_named(c, "logo")) {
			S_logo(ctx, c);
			continue;
		}
		if (S_named(c, "date") && m->date == NULL)
			m->date_pos = S_pos(ctx, c);
		if (!S_text_field(ctx, n, c, fields, sizeof fields / sizeof *fields))
			S_unknown(ctx, n, c);
	}
}

static void S_report(struct S_ctx *ctx, xmlNode *n)
{
	static const char *const attrs[] = { "paper", "orientation", "close-call",
	                                     "accent", NULL };
	static const char *const papers[] = { "A4", "Letter", NULL };
	static const char *const orients[] = { "portrait", "landscape", NULL };
	struct report_opts *r = &ctx->doc->report;
	r->pos = S_pos(ctx, n);
	S_check_attrs(ctx, n, attrs);
	r->paper = (enum paper)S_choice(ctx, n, "paper", papers,
	                                "'A4' or 'Letter'", PAPER_A4);
	r->landscape = S_choice(ctx, n, "orientation", orients,
	                        "'portrait' or 'landscape'", 0) == 1;
	const char *cc = S_attr(ctx, n, "close-call");
	if (cc != NULL && S_num_value(ctx, n, "close-call", cc, &r->close_call))
		r->has_close_call = true;
	r->accent = S_attr(ctx, n, "accent");
	S_no_children(ctx, n);
}

static void S_title(struct S_ctx *ctx, xmlNode *n)
{
	S_check_attrs(ctx, n, S_NO_ATTRS);
	ctx->doc->title = S_text(ctx, n);
}

static void S_subtitle(struct S_ctx *ctx, xmlNode *n)
{
	S_check_attrs(ctx, n, S_NO_ATTRS);
	ctx->doc->subtitle = S_text(ctx, n);
}

static void S_bottom_line(struct S_ctx *ctx, xmlNode *n)
{
	S_check_attrs(ctx, n, S_NO_ATTRS);
	ctx->doc->bottom_line = S_text(ctx, n);
}

static void S_intro(struct S_ctx *ctx, xmlNode *n)
{
	S_check_attrs(ctx, n, S_NO_ATTRS);
	S_block(ctx, n, &ctx->doc->intro);
}

static void S_scales(struct S_ctx *ctx, xmlNode *n)
{
	struct doc *d = ctx->doc;
	d->scales = S_items(ctx, n, "scale", sizeof *d->scales, S_scale,
	                    &d->nscales);
}

static void S_frameworks(struct S_ctx *ctx, xmlNode *n)
{
	struct doc *d = ctx->doc;
	d->frameworks = S_items(ctx, n, "framework", sizeof *d->frameworks,
	                        S_framework, &d->nframeworks);
}

static void S_criteria(struct S_ctx *ctx, xmlNode *n)
{
	struct doc *d = ctx->doc;
	d->criteria = S_items(ctx, n, "criterion", sizeof *d->criteria,
	                      S_criterion, &d->ncriteria);
}

static void S_scenarios(struct S_ctx *ctx, xmlNode *n)
{
	struct doc *d = ctx->doc;
	d->scenarios = S_items(ctx, n, "scenario", sizeof *d->scenarios,
	                       S_scenario, &d->nscenarios);
}

static void S_profiles(struct S_ctx *ctx, xmlNode *n)
{
	struct doc *d = ctx->doc;
	d->profiles = S_items(ctx, n, "profile", sizeof *d->profiles,
	                      S_profile, &d->nprofiles);
}

static void S_sections(struct S_ctx *ctx, xmlNode *n)
{
	struct doc *d = ctx->doc;
	d->sections = S_items(ctx, n, "section", sizeof *d->sections,
	                      S_section, &d->nsections);
}

/* The children of <comparison>, each allowed once. */
static const struct {
	const char *name;
	bool required;
	void (*fn)(struct S_ctx *ctx, xmlNode *n);
} S_TOP[] = {
	{ "title", true, S_title },
	{ "subtitle", false, S_subtitle },
	{ "meta", false, S_meta },
	{ "intro", false, S_intro },
	{ "scales", true, S_scales },
	{ "frameworks", true, S_frameworks },
	{ "criteria", true, S_criteria },
	{ "scenarios", true, S_scenarios },
	{ "profiles", true, S_profiles },
	{ "sections", false, S_sections },
	{ "bottom-line", false, S_bottom_line },
	{ "report", false, S_report },
};

#define S_NTOP (sizeof S_TOP / sizeof *S_TOP)

/* False when the format is not 1: the rest would be read by the wrong
 * rules, and a flood of errors about it would help no one. */
static bool S_format(struct S_ctx *ctx, xmlNode *n)
{
	const char *f = S_req_attr(ctx, n, "format");
	long v = 0;
	if (f == NULL)
		return true;
	if (S_integer(f, &v))
		ctx->doc->format = (int)v;
	if (S_integer(f, &v) && v == 1)
		return true;
	S_err(ctx, n, "unsupported format '%s' (this tool reads format 1)", f);
	return false;
}

static void S_top_child(struct S_ctx *ctx, xmlNode *root, xmlNode *c,
                        bool seen[S_NTOP])
{
	for (size_t i = 0; i < S_NTOP; i++) {
		if (!S_named(c, S_TOP[i].name))
			continue;
		if (seen[i]) {
			S_err(ctx, c, "<%s> appears twice in <comparison>", S_nm(c));
		} else {
			seen[i] = true;
			S_TOP[i].fn(ctx, c);
		}
		return;
	}
	S_unknown(ctx, root, c);
}

static void S_comparison(struct S_ctx *ctx, xmlNode *root)
{
	static const char *const attrs[] = { "id", "format", NULL };
	struct doc *doc = ctx->doc;
	doc->pos = S_pos(ctx, root);
	doc->report.pos = doc->meta.date_pos = doc->meta.logo_pos = doc->pos;
	if (!S_named(root, "comparison")) {
		S_err(ctx, root, "the root element must be <comparison>, in no "
		      "namespace");
		return;
	}
	S_check_attrs(ctx, root, attrs);
	doc->id = S_req_attr(ctx, root, "id");
	if (!S_format(ctx, root))
		return;
	bool seen[S_NTOP] = { false };
	for (xmlNode *c = S_elem(ctx, root, root->children); c != NULL;
	     c = S_elem(ctx, root, c->next))
		S_top_child(ctx, root, c, seen);
	for (size_t i = 0; i < S_NTOP; i++)
		if (S_TOP[i].required && !seen[i])
			S_missing(ctx, root, NULL, S_TOP[i].name);
}

/* ------------------------------------------------------------------ */
/* Entry points                                                         */

static size_t S_max_bytes(const struct load_opts *opts)
{
	return opts != NULL && opts->max_bytes != 0 ? opts->max_bytes
	                                             : LOAD_DEFAULT_MAX_BYTES;
}

/* Parses, expands includes and walks; libxml2's error handlers point at
 * ctx for the whole of it and are put back afterwards. */
static struct doc *S_load(const char *buf, size_t len, const char *name,
                          size_t max_bytes, struct diags *d)
{
	xmlInitParser();
	xmlGenericErrorFunc old_generic = xmlGenericError;
	void *old_generic_ctx = xmlGenericErrorContext;
	xmlStructuredErrorFunc old_structured = xmlStructuredError;
	void *old_structured_ctx = xmlStructuredErrorContext;
	struct S_ctx ctx = { .d = d, .max_bytes = max_bytes, .bytes = len };
	ctx.doc = doc_new(name);
	xmlSetGenericErrorFunc(&ctx, S_on_generic_error);
	xmlSetStructuredErrorFunc(&ctx, S_on_xml_error);

	xmlDoc *x = S_parse(&ctx, buf, len, ctx.doc->file);
	xmlNode *root = x != NULL ? xmlDocGetRootElement(x) : NULL;
	if (root == NULL) {
		doc_free(ctx.doc);
		ctx.doc = NULL;
		goto cleanup;
	}
	if (S_is_xi(root, "include")) {
		S_err(&ctx, root, "the root element may not be an <xi:include>");
		goto cleanup;
	}
	/* NULL for a name that is not a file (load_memory). */
	char *real = realpath(name, NULL);
	struct S_chain top = { real, NULL };
	S_expand(&ctx, root, &top, 0);
	free(real);
	S_comparison(&ctx, root);
cleanup:
	xmlFreeDoc(x);
	free(ctx.root_real);
	xmlSetGenericErrorFunc(old_generic_ctx, old_generic);
	xmlSetStructuredErrorFunc(old_structured_ctx, old_structured);
	return ctx.doc;
}

struct doc *load_memory(const char *buf, size_t len, const char *name,
                        const struct load_opts *opts, struct diags *d)
{
	size_t max = S_max_bytes(opts);
	if (name == NULL)
		name = "(memory)";
	if (len > max) {
		diags_add(d, DIAG_ERROR, name, 1, "file is larger than %zu bytes",
		          max);
		return NULL;
	}
	if (len == 0 || buf == NULL) {
		diags_add(d, DIAG_ERROR, name, 1, "file is empty");
		return NULL;
	}
	return S_load(buf, len, name, max, d);
}

struct doc *load_file(const char *path, const struct load_opts *opts,
                      struct diags *d)
{
	size_t max = S_max_bytes(opts);
	char *buf = NULL;
	size_t len = 0;
	int err = 0;
	switch (S_read_file(path, max, &buf, &len, &err)) {
	case S_READ_OK:
		break;
	case S_READ_TOO_BIG:
		diags_add(d, DIAG_ERROR, path, 1, "file is larger than %zu bytes",
		          max);
		return NULL;
	case S_READ_FAILED:
		diags_add(d, DIAG_ERROR, path, 1, "cannot read: %s", strerror(err));
		return NULL;
	}
	struct doc *doc = load_memory(buf, len, path, opts, d);
	free(buf);
	return doc;
}
