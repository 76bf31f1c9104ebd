/* load.c - format 1 XML into a struct doc: the entry points and the order
 * of the steps, the root and format checks, and libxml2's error handlers
 * for the whole of a load.
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

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/xmlIO.h>
#include <libxml/xmlerror.h>

#include "arena.h"
#include "fsutil.h"

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
                          size_t max_bytes, const char *sha, struct diags *d)
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
	/* SPEC 6.4: the named file is the first file read. */
	char own[65];
	if (sha == NULL || sha[0] == '\0') {
		fs_sha256_hex(buf, len, own);
		sha = own;
	}
	model_add_file(ctx.doc, ctx.doc->file, sha);
	xmlSetGenericErrorFunc(&ctx, S_on_generic_error);
	xmlSetStructuredErrorFunc(&ctx, S_on_xml_error);
	xmlSetExternalEntityLoader(S_no_loading);

	xmlDoc *x = load_parse(&ctx, buf, len, ctx.doc->file);
	xmlNode *root = x != NULL ? xmlDocGetRootElement(x) : NULL;
	if (root == NULL || !S_root(&ctx, root) || !S_steps(&ctx, x, root, name)) {
		model_free(ctx.doc);
		ctx.doc = NULL;
	} else {
		char fp[65];
		model_fingerprint(ctx.doc->files, ctx.doc->nfiles, fp);
		ctx.doc->fingerprint = arena_strdup(ctx.doc->arena, fp);
	}
	xmlFreeDoc(x);
	free(ctx.root_real);
	free(ctx.incomplete);
	xmlSetExternalEntityLoader(old_loader);
	xmlSetGenericErrorFunc(old_generic_ctx, old_generic);
	xmlSetStructuredErrorFunc(old_structured_ctx, old_structured);
	return ctx.doc;
}

/* load_memory with the SHA-256 of buf when known (NULL: computed). */
static struct doc *S_memory(const char *buf, size_t len, const char *name,
                            const struct load_opts *opts, const char *sha,
                            struct diags *d)
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
	return S_load(buf, len, name, max, sha, d);
}

struct doc *load_memory(const char *buf, size_t len, const char *name,
                        const struct load_opts *opts, struct diags *d)
{
	return S_memory(buf, len, name, opts, NULL, d);
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
	struct doc *doc = S_memory(buf, len, path, opts, sha, d);
	free(buf);
	return doc;
}
