/* parse.c - the safe parse: the byte scan (UTF-8, control characters,
 * the declared encoding, the limits), then libxml2 with no network, no
 * DTD, no entity ever declared, the depth and the node budget enforced.
 *
 * Its own file so that the main file and each include are parsed the
 * same way, load.c and xinclude.c both calling it and it neither. */
#include "load_int.h"

#include <limits.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>

#include <libxml/SAX2.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>

#include "arena.h"
#include "utf8.h"

/* No XML_PARSE_NOENT (entity substitution), no XML_PARSE_DTDLOAD, no
 * XML_PARSE_HUGE (libxml2's own limits on names and text stay); big
 * lines so that line numbers past 65535 stay right. */
#define S_PARSE_FLAGS (XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES)

/* Lines with bad bytes reported before the scan gives up on a file. */
#define S_MAX_BAD_LINES 10

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

/* Every bare '&' at its line, in the tool's words: libxml2 would report
 * the first only, as "xmlParseEntityRef: no name". */
static bool S_bare_amps(struct load_ctx *ctx, const char *buf, size_t len,
                        const char *file)
{
	struct load_pos at[256];
	size_t n = load_bare_amps(buf, len, at, sizeof at / sizeof at[0]);
	for (size_t i = 0; i < n && i < sizeof at / sizeof at[0]; i++)
		diags_add(ctx->d, DIAG_ERROR, file, at[i].line,
		          "bare '&' at column %ld: write it as &amp;", at[i].col);
	/* Beyond those, counted for "too many errors (N)" (the cap is lower). */
	if (n > sizeof at / sizeof at[0] && ctx->d->truncated)
		ctx->d->errors += n - sizeof at / sizeof at[0];
	return n == 0;
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
	    !S_limits(ctx, buf, len, file) ||
	    !S_bare_amps(ctx, buf, len, file))
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
