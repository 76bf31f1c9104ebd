/* schema.c - the embedded XML Schema (schema/verdict-1.xsd) applied to
 * the expanded, pruned tree, with libxml2's messages said in ours.
 *
 * After the shape step the structure is one the schema accepts, so what
 * the schema reports is about attributes and values: unknown attributes,
 * required ones missing, numbers that are not decimals, words outside a
 * fixed set.  Its complaint about an element the shape step already found
 * incomplete is dropped (same mistake, already said); any other complaint
 * about structure would mean the two disagree, and is reported as it is
 * rather than lost. */
#include "load_int.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>

#include "arena.h"

struct S_state {
	struct load_ctx *ctx;
	/* The last unknown attribute we suggested a name for: the schema's
	 * "required attribute missing" about that name is the same mistake. */
	const xmlNode *hint_node;
	const char *hint;
};

/* The attribute name in a libxml2 message "Element 'x', attribute 'y': ...",
 * in the arena; NULL when the message names none. */
static const char *S_attr_name(struct load_ctx *ctx, const char *msg)
{
	const char *p = msg != NULL ? strstr(msg, ", attribute '") : NULL;
	if (p == NULL)
		return NULL;
	p += strlen(", attribute '");
	const char *end = strstr(p, "':");
	if (end == NULL)
		return NULL;
	return arena_strndup(ctx->doc->arena, p, (size_t)(end - p));
}

/* An attribute named "{uri}local" by libxml2, as written ("x:local"). */
static const char *S_attr_shown(struct load_ctx *ctx, const xmlNode *n,
                                const char *name)
{
	if (name[0] != '{')
		return load_show(ctx, name);
	const char *close = strchr(name, '}');
	if (close == NULL)
		return load_show(ctx, name);
	for (const xmlAttr *a = n->properties; a != NULL; a = a->next)
		if (a->ns != NULL && a->ns->prefix != NULL && a->ns->href != NULL &&
		    strcmp((const char *)a->name, close + 1) == 0 &&
		    strncmp((const char *)a->ns->href, name + 1,
		            (size_t)(close - name - 1)) == 0)
			return arena_printf(ctx->doc->arena, "%s:%s",
			                    load_show(ctx, (const char *)a->ns->prefix),
			                    load_show(ctx, close + 1));
	return load_show(ctx, name);
}

/* " 'id'" for an element that has an id, for messages. */
static const char *S_id_of(struct load_ctx *ctx, const xmlNode *n)
{
	xmlChar *id = xmlGetNoNsProp(n, BAD_CAST "id");
	if (id == NULL)
		return "";
	const char *s = arena_printf(ctx->doc->arena, " '%s'",
	                             load_show(ctx, (const char *)id));
	xmlFree(id);
	return s;
}

static void S_unknown_attr(struct S_state *st, const xmlNode *n, const char *name)
{
	struct load_ctx *ctx = st->ctx;
	const char *elem = (const char *)n->name;
	const char *hint = name[0] != '{'
	                   ? load_suggest(name, load_shape_attrs(elem)) : NULL;
	if (hint != NULL && xmlHasNsProp(n, BAD_CAST hint, NULL) != NULL)
		hint = NULL;
	if (hint != NULL) {
		load_err(ctx, n, "unknown attribute '%s' on <%s>; did you mean "
		         "'%s'?", load_show(ctx, name), elem, hint);
		st->hint_node = n;
		st->hint = hint;
	} else {
		load_err(ctx, n, "unknown attribute '%s' on <%s>",
		         S_attr_shown(ctx, n, name), elem);
	}
}

static void S_missing_attr(struct S_state *st, const xmlNode *n, const char *name)
{
	struct load_ctx *ctx = st->ctx;
	if (st->hint_node == n && strcmp(st->hint, name) == 0)
		return;
	load_err(ctx, n, "<%s>%s has no '%s' attribute", (const char *)n->name,
	         S_id_of(ctx, n), load_show(ctx, name));
}

/* A value the schema's type refused. */
static void S_bad_value(struct load_ctx *ctx, const xmlError *e, const xmlNode *n)
{
	const char *attr = S_attr_name(ctx, e->message);
	const char *value = load_show(ctx, e->str1 != NULL ? e->str1 : "");
	const char *where = attr != NULL
		? arena_printf(ctx->doc->arena, "attribute '%s' of <%s>",
		               load_show(ctx, attr), (const char *)n->name)
		: arena_printf(ctx->doc->arena, "<%s>", (const char *)n->name);
	const char *msg = e->message != NULL ? e->message : "";
	double v;
	if (e->code == XML_SCHEMAV_CVC_ENUMERATION_VALID && e->str2 != NULL)
		load_err(ctx, n, "%s: '%s' is not one of %s", where, value,
		         load_show(ctx, e->str2));
	else if (strstr(msg, "'RatingValue'") != NULL)
		load_err(ctx, n, "%s: '%s' is neither a decimal number nor "
		         "'unknown'", where, value);
	else if (strstr(msg, "'Decimal'") != NULL &&
	         load_decimal(e->str1 != NULL ? e->str1 : "", &v) != LOAD_NUM_BAD)
		load_err(ctx, n, "%s: '%s' has more digits than the 24 this "
		         "tool reads", where, value);
	else if (strstr(msg, "'Decimal'") != NULL)
		load_err(ctx, n, "%s: '%s' is not a decimal number (like 2, 0.5 "
		         "or -1.25; no exponent)", where, value);
	else if (strstr(msg, "'xs:integer'") != NULL)
		load_err(ctx, n, "%s: '%s' is not a whole number", where, value);
	else
		load_err(ctx, n, "%s: '%s' is not a valid value", where, value);
}

/* libxml2's own words, without its "Element 'x': " prefix. */
static void S_as_is(struct load_ctx *ctx, const xmlError *e, const xmlNode *n)
{
	const char *msg = e->message != NULL ? e->message : "schema error";
	const char *colon = strncmp(msg, "Element '", 9) == 0 ? strstr(msg, "': ") : NULL;
	const char *text = colon != NULL ? colon + 3 : msg;
	size_t len = strlen(text);
	while (len > 0 && (text[len - 1] == '\n' || text[len - 1] == ' '))
		len--;
	char *one = arena_strndup(ctx->doc->arena, text, len);
	for (char *p = one; *p != '\0'; p++)
		if (*p == '\n')
			*p = ' ';
	if (n != NULL)
		load_err(ctx, n, "<%s>: %s", (const char *)n->name, one);
	else
		diags_add(ctx->d, DIAG_ERROR, ctx->doc->file,
		          e->line > 0 ? e->line : 1, "%s", one);
}

static int S_cmp_ptr(const void *a, const void *b)
{
	uintptr_t x = (uintptr_t)*(const xmlNode *const *)a;
	uintptr_t y = (uintptr_t)*(const xmlNode *const *)b;
	return x < y ? -1 : x > y;
}

/* ctx->incomplete is sorted before validation starts. */
static bool S_is_incomplete(const struct load_ctx *ctx, const xmlNode *n)
{
	return ctx->nincomplete > 0 &&
	       bsearch(&n, ctx->incomplete, ctx->nincomplete,
	               sizeof *ctx->incomplete, S_cmp_ptr) != NULL;
}

static void S_on_error(void *data, xmlErrorPtr e)
{
	struct S_state *st = data;
	struct load_ctx *ctx = st->ctx;
	if (e == NULL || e->level == XML_ERR_NONE)
		return;
	const xmlNode *n = e->node;
	if (n != NULL && n->type == XML_ATTRIBUTE_NODE)
		n = n->parent;
	if (n == NULL || n->type != XML_ELEMENT_NODE) {
		S_as_is(ctx, e, NULL);
		return;
	}
	switch (e->code) {
	case XML_SCHEMAV_CVC_COMPLEX_TYPE_3_2_1:
	case XML_SCHEMAV_CVC_COMPLEX_TYPE_3_2_2:
		S_unknown_attr(st, n, e->str1 != NULL ? e->str1 : "?");
		break;
	case XML_SCHEMAV_CVC_COMPLEX_TYPE_4:
		S_missing_attr(st, n, e->str1 != NULL ? e->str1 : "?");
		break;
	case XML_SCHEMAV_CVC_ENUMERATION_VALID:
	case XML_SCHEMAV_CVC_DATATYPE_VALID_1_2_1:
	case XML_SCHEMAV_CVC_DATATYPE_VALID_1_2_2:
	case XML_SCHEMAV_CVC_DATATYPE_VALID_1_2_3:
	case XML_SCHEMAV_CVC_ATTRIBUTE_3:
	case XML_SCHEMAV_CVC_FACET_VALID:
	case XML_SCHEMAV_CVC_PATTERN_VALID:
		S_bad_value(ctx, e, n);
		break;
	case XML_SCHEMAV_ELEMENT_CONTENT:
	case XML_SCHEMAV_CVC_COMPLEX_TYPE_2_1:
	case XML_SCHEMAV_CVC_COMPLEX_TYPE_2_2:
	case XML_SCHEMAV_CVC_COMPLEX_TYPE_2_3:
	case XML_SCHEMAV_CVC_COMPLEX_TYPE_2_4:
		if (!S_is_incomplete(ctx, n))
			S_as_is(ctx, e, n);
		break;
	default:
		S_as_is(ctx, e, n);
		break;
	}
}

/* A schema that does not compile is a bug of ours, said at the file. */
static void S_on_schema_error(void *data, xmlErrorPtr e)
{
	struct load_ctx *ctx = data;
	if (e != NULL && e->level >= XML_ERR_ERROR)
		diags_add(ctx->d, DIAG_ERROR, ctx->doc->file, 1,
		          "internal error: the built-in schema: %s",
		          e->message != NULL ? e->message : "?");
}

void load_schema(struct load_ctx *ctx, xmlDoc *x)
{
	xmlSchemaParserCtxt *pc = xmlSchemaNewMemParserCtxt(
		(const char *)load_schema_xsd, (int)load_schema_xsd_len);
	xmlSchema *schema = NULL;
	xmlSchemaValidCtxt *vc = NULL;
	if (pc == NULL)
		goto fail;
	xmlSchemaSetParserStructuredErrors(pc, S_on_schema_error, ctx);
	schema = xmlSchemaParse(pc);
	vc = schema != NULL ? xmlSchemaNewValidCtxt(schema) : NULL;
	if (vc == NULL)
		goto fail;
	if (ctx->nincomplete > 1)
		qsort(ctx->incomplete, ctx->nincomplete, sizeof *ctx->incomplete,
		      S_cmp_ptr);
	struct S_state st = { .ctx = ctx };
	xmlSchemaSetValidStructuredErrors(vc, S_on_error, &st);
	if (xmlSchemaValidateDoc(vc, x) < 0)
		diags_add(ctx->d, DIAG_ERROR, ctx->doc->file, 1,
		          "internal error: schema validation failed to run");
	goto done;
fail:
	diags_add(ctx->d, DIAG_ERROR, ctx->doc->file, 1,
	          "internal error: the built-in schema cannot be used");
done:
	xmlSchemaFreeValidCtxt(vc);
	xmlSchemaFree(schema);
	xmlSchemaFreeParserCtxt(pc);
}
