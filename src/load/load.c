/* load.c - format 1 XML into a struct doc: the entry points, the byte scan,
 * the safe parse and the positions and messages every step uses.
 *
 * The order of the steps (load_int.h names the files): read; scan the
 * bytes; parse with no network, no DTD loading and no entity ever
 * declared; check the root and its format; expand includes; check and
 * prune the element structure; validate attributes and values against
 * the embedded schema; walk the tree into the model.  The xmlDoc is freed
 * before returning, so nothing downstream sees libxml2. */
/* realpath() is XSI, beyond the POSIX level the Makefile asks for. */
#define _XOPEN_SOURCE 700

#include "load_int.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/SAX2.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlIO.h>
#include <libxml/xmlerror.h>

#include "arena.h"
#include "fsutil.h"
#include "utf8.h"
#include "xstr.h"

/* No XML_PARSE_NOENT (entity substitution), no XML_PARSE_DTDLOAD, no
 * XML_PARSE_HUGE (libxml2's own limits on names and text stay); big
 * lines so that line numbers past 65535 stay right. */
#define S_PARSE_FLAGS (XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES)

/* Lines with bad bytes reported before the scan gives up on a file. */
#define S_MAX_BAD_LINES 10

/* ------------------------------------------------------------------ */
/* Positions and messages                                               */

const char *load_file_of(const struct load_ctx *ctx, const xmlNode *n)
{
	for (; n != NULL; n = n->parent)
		if (n->_private != NULL)
			return n->_private;
	return ctx->doc->file;
}

long load_line(const xmlNode *n)
{
	if (n->type == XML_ELEMENT_NODE && n->line == 65535 && n->psvi != NULL)
		return (long)(intptr_t)n->psvi;
	return xmlGetLineNo(n);
}

struct srcpos load_pos(const struct load_ctx *ctx, const xmlNode *n)
{
	long line = load_line(n);
	return (struct srcpos){ load_file_of(ctx, n), line > 0 ? line : 1 };
}

/* libxml2 gives a text node the line where its first chunk ends (the
 * whole text when it is ASCII), so count back from there. */
struct srcpos load_text_pos(const struct load_ctx *ctx, const xmlNode *parent,
                            const xmlNode *t)
{
	struct srcpos pos = load_pos(ctx, parent);
	long line = xmlGetLineNo(t);
	const char *s = load_content(t);
	while (*s != '\0' && load_is_ws(*s))
		s++;
	for (; *s != '\0'; s++)
		line -= *s == '\n';
	if (line > pos.line)
		pos.line = line;
	return pos;
}

/* diags_add has no va_list form, so format here first. */
static void S_verr(struct load_ctx *ctx, struct srcpos pos, const char *fmt,
                   va_list ap) __attribute__((format(printf, 3, 0)));
static void S_verr(struct load_ctx *ctx, struct srcpos pos, const char *fmt,
                   va_list ap)
{
	char *msg = xstr_vprintf(fmt, ap);
	diags_add(ctx->d, DIAG_ERROR, pos.file, pos.line, "%s", msg);
	free(msg);
}

void load_err_at(struct load_ctx *ctx, struct srcpos pos, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	S_verr(ctx, pos, fmt, ap);
	va_end(ap);
}

void load_err(struct load_ctx *ctx, const xmlNode *n, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	S_verr(ctx, load_pos(ctx, n), fmt, ap);
	va_end(ap);
}

const char *load_show(struct load_ctx *ctx, const char *s)
{
	return model_shown(ctx->doc, s);
}

bool load_named(const xmlNode *n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && n->ns == NULL &&
	       strcmp((const char *)n->name, name) == 0;
}

bool load_is_xi(const xmlNode *n, const char *local)
{
	return n->type == XML_ELEMENT_NODE && n->ns != NULL &&
	       n->ns->href != NULL &&
	       strcmp((const char *)n->ns->href, LOAD_XI_NS) == 0 &&
	       strcmp((const char *)n->name, local) == 0;
}

const char *load_qname(struct load_ctx *ctx, const xmlNode *n)
{
	const char *name = load_show(ctx, (const char *)n->name);
	if (n->ns == NULL || n->ns->prefix == NULL)
		return name;
	return arena_printf(ctx->doc->arena, "%s:%s",
	                    load_show(ctx, (const char *)n->ns->prefix), name);
}

/* ------------------------------------------------------------------ */
/* libxml2's errors                                                     */

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

/* Structured error handler of the parser and of XPointer: every error
 * becomes a diagnostic (the schema step has its own). */
static void S_on_xml_error(void *data, xmlErrorPtr e)
{
	struct load_ctx *ctx = data;
	if (e == NULL || e->level == XML_ERR_NONE)
		return;
	/* A reference to an entity we refused to declare was reported at the
	 * declaration; after we stopped the parser, the rest is noise. */
	if ((ctx->saw_entity && (e->code == XML_ERR_UNDECLARED_ENTITY ||
	                         e->code == XML_WAR_UNDECLARED_ENTITY)) ||
	    ctx->stopped)
		return;
	/* After the first fatal error libxml2 goes on reporting what follows
	 * from it ("Extra content at the end of the document"...); so does
	 * XPointer ("object(s) left on the eval stack"). */
	if ((e->domain == XML_FROM_PARSER && e->level == XML_ERR_FATAL) ||
	    ctx->err_prefix != NULL) {
		if (ctx->fatal)
			return;
		ctx->fatal = true;
	}
	const char *file = e->file != NULL ? e->file : ctx->err_file;
	long line = e->line > 0 ? e->line : ctx->err_line;
	enum diag_level level = e->level == XML_ERR_WARNING ? DIAG_WARNING : DIAG_ERROR;
	if ((e->code == XML_ERR_UNDECLARED_ENTITY || e->code == XML_WAR_UNDECLARED_ENTITY) &&
	    e->str1 != NULL) {
		diags_add(ctx->d, DIAG_ERROR, file, line, "entity &%s; is not defined "
		          "(format 1 files use only &amp; &lt; &gt; &quot; &apos; and "
		          "character references)", load_show(ctx, e->str1));
		return;
	}
	if (e->message != NULL && (strstr(e->message, "length too long") != NULL ||
	                           strstr(e->message, "huge text node") != NULL)) {
		diags_add(ctx->d, level, file, line, "a name, attribute value or text "
		          "is longer than the parser takes (10,000,000 bytes)");
		return;
	}
	char *msg = S_one_line(e->message != NULL ? e->message : "XML error");
	diags_add(ctx->d, level, file, line, "%s%s",
	          ctx->err_prefix != NULL ? ctx->err_prefix : "",
	          msg != NULL ? msg : "XML error");
	free(msg);
}

/* Some corners of libxml2 print through the generic handler directly. */
static void S_on_generic_error(void *data, const char *msg, ...)
{
	(void)data;
	(void)msg;
}

/* Nothing outside the files we read ourselves is ever opened: a DTD, an
 * external entity or a schema import would come through here. */
static xmlParserInputPtr S_no_loading(const char *url, const char *id,
                                      xmlParserCtxtPtr p)
{
	(void)url;
	(void)id;
	(void)p;
	return NULL;
}

/* ------------------------------------------------------------------ */
/* The bytes: UTF-8, control characters, the declared encoding          */

/* Characters a format 1 file may not hold even where XML allows them:
 * C0 controls but tab and newlines (XML forbids them too, but says so in
 * its own words), DEL, the C1 controls (usually Windows-1252 text read as
 * Latin-1) and the non-characters U+FFFE/U+FFFF. */
static bool S_bad_char(uint32_t cp)
{
	return (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') ||
	       (cp >= 0x7F && cp <= 0x9F) || cp == 0xFFFE || cp == 0xFFFF;
}

/* Reports each line with invalid UTF-8 or a control character (the first
 * problem of a line), up to S_MAX_BAD_LINES; false when there was any. */
static bool S_scan(struct load_ctx *ctx, const char *buf, size_t len,
                   const char *file)
{
	const unsigned char *p = (const unsigned char *)buf;
	if (len >= 2 && ((p[0] == 0xFE && p[1] == 0xFF) || (p[0] == 0xFF && p[1] == 0xFE))) {
		diags_add(ctx->d, DIAG_ERROR, file, 1,
		          "the file is UTF-16; format 1 files are UTF-8");
		return false;
	}
	long line = 1, bad_line = 0;
	int bad = 0;
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t n = utf8_decode(p + i, len - i, UTF8_STRICT, &cp);
		if (n == 1 && cp == 0) {
			diags_add(ctx->d, DIAG_ERROR, file, line,
			          "NUL byte: this is not a text file");
			return false;
		}
		if ((n == 0 || S_bad_char(cp)) && line != bad_line) {
			if (++bad > S_MAX_BAD_LINES) {
				diags_add(ctx->d, DIAG_ERROR, file, line,
				          "more lines with invalid bytes; "
				          "is this a text file?");
				return false;
			}
			bad_line = line;
			if (n == 0)
				diags_add(ctx->d, DIAG_ERROR, file, line,
				          "invalid UTF-8 (byte 0x%02X); format 1 "
				          "files are UTF-8", p[i]);
			else if (cp >= 0x80 && cp <= 0x9F)
				diags_add(ctx->d, DIAG_ERROR, file, line,
				          "control character U+%04X (text pasted "
				          "from Windows-1252?)", (unsigned)cp);
			else
				diags_add(ctx->d, DIAG_ERROR, file, line,
				          "control character U+%04X is not allowed",
				          (unsigned)cp);
		}
		line += p[i] == '\n';
		i += n > 0 ? n : 1;
	}
	return bad == 0;
}

/* The encoding="..." of the XML declaration, if any and not UTF-8, is an
 * error: libxml2 would convert, and format 1 is UTF-8. */
static bool S_declared_encoding(struct load_ctx *ctx, const char *buf,
                                size_t len, const char *file)
{
	size_t start = len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
	if (len - start < 6 || memcmp(buf + start, "<?xml", 5) != 0 ||
	    !load_is_ws(buf[start + 5]))
		return true;
	const char *end = memchr(buf + start, '>', len - start);
	if (end == NULL)
		return true;   /* not well-formed: the parser will say so */
	size_t decl = (size_t)(end - buf);
	const char *enc = NULL;
	for (size_t i = start + 5; i + 8 < decl; i++)
		if (memcmp(buf + i, "encoding", 8) == 0 && load_is_ws(buf[i - 1])) {
			enc = buf + i + 8;
			break;
		}
	if (enc == NULL)
		return true;
	while (enc < end && (load_is_ws(*enc) || *enc == '='))
		enc++;
	if (enc >= end || (*enc != '"' && *enc != '\''))
		return true;
	char quote = *enc++;
	const char *close = memchr(enc, quote, (size_t)(end - enc));
	if (close == NULL)
		return true;
	size_t n = (size_t)(close - enc);
	if ((n == 5 && strncasecmp(enc, "UTF-8", 5) == 0) ||
	    (n == 4 && strncasecmp(enc, "UTF8", 4) == 0))
		return true;
	char *name = arena_strndup(ctx->doc->arena, enc, n);
	diags_add(ctx->d, DIAG_ERROR, file, 1,
	          "the file declares encoding '%s'; format 1 files are UTF-8",
	          load_show(ctx, name));
	return false;
}

/* Attributes per element and the length of one text, before libxml2
 * spends quadratic time or unbounded memory on them (see prescan.c). */
static bool S_limits(struct load_ctx *ctx, const char *buf, size_t len,
                     const char *file)
{
	struct load_excess e;
	if (load_prescan(buf, len, &e))
		return true;
	size_t shown = e.name_len < 200 ? e.name_len : 200;
	const char *name = e.name == NULL ? ""
	                 : load_show(ctx, arena_strndup(ctx->doc->arena, e.name, shown));
	if (e.kind == LOAD_EXCESS_ATTRIBUTES)
		diags_add(ctx->d, DIAG_ERROR, file, e.line,
		          "<%s> has more than %d attributes; no format 1 element has "
		          "more than 10", name, LOAD_MAX_ATTRIBUTES);
	else if (e.kind == LOAD_EXCESS_VALUE)
		diags_add(ctx->d, DIAG_ERROR, file, e.line,
		          "an attribute value of <%s> is longer than the parser takes "
		          "(10,000,000 bytes)", name);
	else if (e.kind == LOAD_EXCESS_TAG)
		diags_add(ctx->d, DIAG_ERROR, file, e.line,
		          "the start tag of <%s> with its attributes is longer than the "
		          "parser takes (10,000,000 bytes)", name);
	else
		diags_add(ctx->d, DIAG_ERROR, file, e.line,
		          "a text is longer than the parser takes (10,000,000 bytes)");
	return false;
}

/* ------------------------------------------------------------------ */
/* Parsing                                                              */

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

bool load_spend(struct load_ctx *ctx, const xmlNode *n, size_t k)
{
	if (!ctx->spent && ctx->nodes + k <= ctx->max_nodes) {
		ctx->nodes += k;
		return true;
	}
	if (!ctx->spent)
		load_err(ctx, n, "the document has more than %zu elements and "
		         "attributes (raise --max-bytes to allow larger inputs)",
		         ctx->max_nodes);
	ctx->spent = true;
	return false;
}

/* Stops the parse with one error of ours at line. */
static void S_stop(xmlParserCtxt *p, long line, const char *msg)
{
	struct load_ctx *ctx = p->_private;
	diags_add(ctx->d, DIAG_ERROR, ctx->err_file, line, "%s", msg);
	ctx->stopped = true;
	xmlStopParser(p);
}

/* SAX hook around libxml2's own: the element's line becomes that of its
 * "<" (a start tag cannot hold a raw "<"), not of the ">" ending it; the
 * depth and the node budget are enforced before anything is built. */
static void S_on_start(void *pctx, const xmlChar *localname,
                       const xmlChar *prefix, const xmlChar *uri,
                       int nb_namespaces, const xmlChar **namespaces,
                       int nb_attributes, int nb_defaulted,
                       const xmlChar **attributes)
{
	xmlParserCtxt *p = pctx;
	struct load_ctx *ctx = p->_private;
	if (ctx->stopped)
		return;
	long line = S_line_back(p, "<");
	if (p->nodeNr >= LOAD_MAX_DEPTH) {
		S_stop(p, line, arena_printf(ctx->doc->arena, "elements are "
		       "nested more than %d deep", LOAD_MAX_DEPTH));
		return;
	}
	size_t k = 1 + (size_t)nb_attributes + (size_t)nb_namespaces;
	if (ctx->nodes + k > ctx->max_nodes || ctx->spent) {
		S_stop(p, line, arena_printf(ctx->doc->arena, "the document has "
		       "more than %zu elements and attributes (raise "
		       "--max-bytes to allow larger inputs)", ctx->max_nodes));
		return;
	}
	ctx->nodes += k;
	xmlSAX2StartElementNs(pctx, localname, prefix, uri, nb_namespaces,
	                      namespaces, nb_attributes, nb_defaulted,
	                      attributes);
	if (p->node == NULL || line <= 0)
		return;
	if (line < 65535)
		p->node->line = (unsigned short)line;
	else
		p->node->psvi = (void *)(intptr_t)line;   /* see load_line */
}

/* SAX hooks for comments and processing instructions: format 1 has no
 * use for them, so they are not kept (a file of millions of comments
 * costs parsing time only, no memory). */
static void S_on_comment(void *pctx, const xmlChar *value)
{
	(void)pctx;
	(void)value;
}

static void S_on_pi(void *pctx, const xmlChar *target, const xmlChar *data)
{
	(void)pctx;
	(void)target;
	(void)data;
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
	struct load_ctx *ctx = p->_private;
	ctx->saw_entity = true;
	diags_add(ctx->d, DIAG_ERROR, ctx->err_file, S_line_back(p, "<!ENTITY"),
	          "entity declarations are not allowed (format 1 files "
	          "declare no entities)");
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

xmlDoc *load_parse(struct load_ctx *ctx, const char *buf, size_t len,
                   const char *file)
{
	if (len > INT_MAX) {
		diags_add(ctx->d, DIAG_ERROR, file, 1,
		          "file is larger than %d bytes", INT_MAX);
		return NULL;
	}
	if (!S_scan(ctx, buf, len, file) ||
	    !S_declared_encoding(ctx, buf, len, file) ||
	    !S_limits(ctx, buf, len, file))
		return NULL;
	xmlParserCtxt *p = xmlNewParserCtxt();
	if (p == NULL) {
		diags_add(ctx->d, DIAG_ERROR, file, 1, "out of memory");
		return NULL;
	}
	p->_private = ctx;
	p->sax->entityDecl = S_on_entity;
	p->sax->unparsedEntityDecl = S_on_unparsed_entity;
	p->sax->startElementNs = S_on_start;
	p->sax->comment = S_on_comment;
	p->sax->processingInstruction = S_on_pi;
	ctx->saw_entity = false;
	ctx->stopped = false;
	ctx->fatal = false;
	ctx->err_file = file;
	ctx->err_line = 1;
	size_t errors = ctx->d->errors;
	xmlDoc *x = xmlCtxtReadMemory(p, buf, (int)len, file, NULL,
	                              S_PARSE_FLAGS);
	xmlFreeParserCtxt(p);
	if (ctx->stopped) {
		xmlFreeDoc(x);
		x = NULL;
	}
	ctx->stopped = false;
	if (x == NULL && ctx->d->errors == errors)
		diags_add(ctx->d, DIAG_ERROR, file, 1, "not well-formed XML");
	return x;
}

/* ------------------------------------------------------------------ */
/* The root and its format                                              */

/* False when the document cannot be read as format 1 at all: another
 * root, or another format (the rest would be read by the wrong rules,
 * and a flood of errors about it would help no one).  A missing format
 * is the schema's to report. */
static bool S_root(struct load_ctx *ctx, xmlNode *root)
{
	struct doc *doc = ctx->doc;
	doc->pos = load_pos(ctx, root);
	doc->report.pos = doc->meta.date_pos = doc->meta.logo_pos = doc->pos;
	if (load_is_xi(root, "include")) {
		load_err(ctx, root, "the root element may not be an <xi:include>");
		return false;
	}
	if (!load_named(root, "comparison")) {
		load_err(ctx, root, "the root element is <%s>; format 1 files "
		         "have <comparison>, in no namespace",
		         load_qname(ctx, root));
		return false;
	}
	doc->format = 1;
	xmlChar *f = xmlGetNoNsProp(root, BAD_CAST "format");
	if (f == NULL)
		return true;
	long v = 0;
	bool ok = load_integer((const char *)f, &v) && v == 1;
	if (!ok) {
		doc->format = load_integer((const char *)f, &v) &&
		              v > INT_MIN && v < INT_MAX ? (int)v : -1;
		load_err(ctx, root, "unsupported format '%s' (this tool reads "
		         "format 1)", load_show(ctx, (const char *)f));
	}
	xmlFree(f);
	return ok;
}

/* ------------------------------------------------------------------ */
/* Entry points                                                         */

static size_t S_max_bytes(const struct load_opts *opts)
{
	return opts != NULL && opts->max_bytes != 0 ? opts->max_bytes
	                                             : LOAD_DEFAULT_MAX_BYTES;
}

/* The steps between parsing and the model; false when the document was
 * too big to go on with. */
static bool S_steps(struct load_ctx *ctx, xmlDoc *x, xmlNode *root,
                    const char *name)
{
	/* NULL for a name that is not a file (load_memory). */
	char *real = realpath(name, NULL);
	load_expand(ctx, root, real);
	free(real);
	if (ctx->spent)
		return false;
	load_shape(ctx, root);
	load_schema(ctx, x);
	load_walk(ctx, root);
	return true;
}

/* Parses and runs the steps; libxml2's error handlers and entity loader
 * point at ctx for the whole of it and are put back afterwards. */
static struct doc *S_load(const char *buf, size_t len, const char *name,
                          size_t max_bytes, struct diags *d)
{
	xmlInitParser();
	xmlGenericErrorFunc old_generic = xmlGenericError;
	void *old_generic_ctx = xmlGenericErrorContext;
	xmlStructuredErrorFunc old_structured = xmlStructuredError;
	void *old_structured_ctx = xmlStructuredErrorContext;
	xmlExternalEntityLoader old_loader = xmlGetExternalEntityLoader();
	struct load_ctx ctx = {
		.d = d, .max_bytes = max_bytes, .bytes = len,
		.max_nodes = max_bytes / LOAD_BYTES_PER_NODE,
	};
	if (ctx.max_nodes < 16)
		ctx.max_nodes = 16;
	ctx.doc = model_new(name);
	xmlSetGenericErrorFunc(&ctx, S_on_generic_error);
	xmlSetStructuredErrorFunc(&ctx, S_on_xml_error);
	xmlSetExternalEntityLoader(S_no_loading);

	xmlDoc *x = load_parse(&ctx, buf, len, ctx.doc->file);
	xmlNode *root = x != NULL ? xmlDocGetRootElement(x) : NULL;
	if (root == NULL || !S_root(&ctx, root) || !S_steps(&ctx, x, root, name)) {
		model_free(ctx.doc);
		ctx.doc = NULL;
	}
	xmlFreeDoc(x);
	free(ctx.root_real);
	free(ctx.incomplete);
	xmlSetExternalEntityLoader(old_loader);
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
		diags_add(d, DIAG_ERROR, name, 1, "file is larger than %zu bytes "
		          "(raise the limit with --max-bytes)", max);
		return NULL;
	}
	size_t blank = 0;
	while (buf != NULL && blank < len && load_is_ws(buf[blank]))
		blank++;
	if (len == 0 || buf == NULL || blank == len) {
		diags_add(d, DIAG_ERROR, name, 1, blank > 0 ? "file is empty (white "
		          "space only)" : "file is empty");
		return NULL;
	}
	return S_load(buf, len, name, max, d);
}

struct doc *load_file(const char *path, const struct load_opts *opts,
                      struct diags *d)
{
	size_t max = S_max_bytes(opts);
	char *sha = opts != NULL ? opts->sha256 : NULL;
	char *buf = NULL, *err = NULL;
	size_t len = 0;
	bool too_big;
	if (sha != NULL)
		sha[0] = '\0';
	/* fs_read, not load_read_file: the user may name a pipe. */
	if (!fs_read(path, max, &buf, &len, &too_big, &err)) {
		if (too_big)
			diags_add(d, DIAG_ERROR, path, 1, "file is larger than %zu bytes "
			          "(raise the limit with --max-bytes)", max);
		else
			diags_add(d, DIAG_ERROR, path, 1, "%s", err);
		free(err);
		return NULL;
	}
	if (sha != NULL)
		fs_sha256_hex(buf, len, sha);
	struct doc *doc = load_memory(buf, len, path, opts, d);
	free(buf);
	return doc;
}
