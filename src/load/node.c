/* node.c - the positions and messages every step of the load stage uses.
 *
 * Its own file so that every other file of the stage builds on it and it
 * calls none of them back. */
#include "load_int.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "xstr.h"

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
