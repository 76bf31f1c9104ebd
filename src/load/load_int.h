/* load_int.h - what the files of the load stage share; private to them.
 *
 * The load stage reads a file in steps, one file each:
 *
 *   load.c          the entry points: read, check the root and its
 *                   format, run the steps below in order; libxml2's
 *                   error handlers for the whole of it
 *   parse.c         scan the bytes (UTF-8, control characters, the
 *                   declared encoding, the limits), parse safely, keep
 *                   to the node budget
 *   xinclude.c      expand xi:include with the same safe parser
 *   shape.c         which elements may hold which, how often, and text:
 *                   reports and prunes what does not belong
 *   schema.c        schema/verdict-1.xsd (embedded): attributes and values
 *   walk.c          the pruned, validated tree into the model
 *   paths.c         files the input names (includes, the logo): confined
 *                   to the input's directory tree, regular files only
 *
 * on helpers that call no step:
 *
 *   node.c          positions and messages, which every file uses; it
 *                   calls no other file of the stage
 *   text.c          text folding, where a text starts, numbers
 *   prescan.c       the limits on the raw bytes, for parse.c
 *
 * Nothing calls load.c back.  Each rule is reported by exactly one step
 * (see docs/format.md, "Who reports what").
 *
 * Which file an element came from: elements spliced in by an include
 * carry their file name (interned in the doc's arena) in xmlNode._private,
 * and the xmlDoc of an included file carries it too; every other element
 * inherits it from its nearest tagged ancestor, and untagged trees belong
 * to the file named by the caller.  Element lines past 65535 are kept in
 * xmlNode.psvi (libxml2 keeps 16 bits; the schema validator leaves psvi
 * alone unless asked to fill it, which we never do). */
#ifndef VERDICT_LOAD_INT_H
#define VERDICT_LOAD_INT_H

#include <stdbool.h>
#include <stddef.h>

#include <libxml/tree.h>

#include "diag.h"
#include "load.h"
#include "model.h"

#define LOAD_XI_NS "http://www.w3.org/2001/XInclude"
#define LOAD_XSI_NS "http://www.w3.org/2001/XMLSchema-instance"

/* Elements nested deeper than this are refused while parsing: format 1
 * needs about ten levels, and everything downstream recurses. */
#define LOAD_MAX_DEPTH 64
#define LOAD_MAX_INCLUDE_DEPTH 16
#define LOAD_MAX_INCLUDES 256
/* The tree may hold one element, attribute or namespace declaration per
 * this many bytes of the size cap (1,048,576 at 32 MiB): the memory a
 * document takes follows its nodes, not its bytes. */
#define LOAD_BYTES_PER_NODE 32

/* The state of one load_file()/load_memory() call. */
struct load_ctx {
	struct doc *doc;
	struct diags *d;
	size_t max_bytes;          /* for the main file and its includes together */
	size_t bytes;              /* read so far */
	size_t max_nodes;          /* elements + attributes + namespaces, all files */
	size_t nodes;              /* parsed or spliced so far */
	unsigned includes;         /* processed so far */
	const char *err_file;      /* for libxml2 errors that name no file */
	long err_line;             /* for libxml2 errors that have no line */
	const char *err_prefix;    /* put before libxml2's messages, or NULL */
	bool saw_entity;           /* in the parse under way */
	bool stopped;              /* the parse under way was stopped by us */
	bool fatal;                /* ... has had a fatal error (the rest is noise) */
	bool spent;                /* the node budget ran out: nothing is judged */
	char *root_real;           /* realpath of the main file's directory */
	/* The realpaths of the included files recorded in doc->files so far
	 * (SPEC 6.4), each once; in the doc's arena. */
	const char **reals;
	size_t nreals, reals_cap;
	const char *root_shown;    /* that directory as the user wrote it */
	/* Elements the shape step found incomplete (a required child
	 * missing): the schema's own complaint about them is not repeated. */
	const xmlNode **incomplete;
	size_t nincomplete, incomplete_cap;
};

/* ---- node.c: positions and messages ------------------------------------- */

/* The file element n came from (see the top of this file). */
const char *load_file_of(const struct load_ctx *ctx, const xmlNode *n);

/* n's line, right past 65535 too. */
long load_line(const xmlNode *n);

struct srcpos load_pos(const struct load_ctx *ctx, const xmlNode *n);

void load_err(struct load_ctx *ctx, const xmlNode *n, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void load_err_at(struct load_ctx *ctx, struct srcpos pos, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* s made safe and short for a message (model_shown). */
const char *load_show(struct load_ctx *ctx, const char *s);

/* Whether n is the element name of format 1 (in no namespace). */
bool load_named(const xmlNode *n, const char *name);

/* Whether n is the XInclude element local. */
bool load_is_xi(const xmlNode *n, const char *local);

/* n's name as written ("x:foo" with a prefix), in the doc's arena. */
const char *load_qname(struct load_ctx *ctx, const xmlNode *n);

/* ---- parse.c ------------------------------------------------------------ */

/* Parses buf as file: scans the bytes, then libxml2 with no network, no
 * DTD, entity declarations refused, depth and node budget enforced.  NULL
 * when it is not usable (the reasons are in the diags). */
xmlDoc *load_parse(struct load_ctx *ctx, const char *buf, size_t len,
                   const char *file);

/* Adds k nodes to the budget; false (with an error at n, the first time)
 * past it, after which the load gives up. */
bool load_spend(struct load_ctx *ctx, const xmlNode *n, size_t k);

/* ---- paths.c ------------------------------------------------------------ */

enum load_read { LOAD_READ_OK, LOAD_READ_TOO_BIG, LOAD_READ_FAILED, LOAD_READ_OUTSIDE };

/* Reads a regular file (never a FIFO or device) of at most cap bytes into
 * a malloc'd buffer; *err is an errno value on LOAD_READ_FAILED.  path is
 * a realpath load_resolve checked; the file is read from the descriptor
 * checked to be that file: not a link, regular, and (on Linux) inside the
 * tree, else LOAD_READ_OUTSIDE (say so with load_outside). */
enum load_read load_read_file(const struct load_ctx *ctx, const char *path,
                              size_t cap, char **buf, size_t *len, int *err);

/* The error at at that href (what: "include", "logo") leads outside the
 * main file's directory tree (after load_resolve has found the tree). */
void load_outside(struct load_ctx *ctx, const xmlNode *at, const char *what,
                  const char *href);

/* href (as in an include or a logo's src) resolved against the file
 * element at came from, refused with an error at at when it is a URL,
 * absolute, missing or outside the main file's directory tree.  Returns
 * the path as usable from the working directory (malloc'd) and its
 * realpath in *real (malloc'd); NULL after an error.  what names the
 * thing in messages ("include", "logo"). */
char *load_resolve(struct load_ctx *ctx, const xmlNode *at, const char *what,
                   const char *href, char **real);

/* Checks <logo src> at n and fills doc->meta.logo_path/logo_format and
 * the logo's bytes (logo_data/logo_len, or logo_too_big), read from the
 * descriptor it checked. */
void load_logo(struct load_ctx *ctx, const xmlNode *n, const char *src);

/* ---- xinclude.c --------------------------------------------------------- */

/* Replaces every xi:include below root by what it names; real is the
 * realpath of the file root was read from (NULL when not a file). */
void load_expand(struct load_ctx *ctx, xmlNode *root, const char *real);

/* ---- shape.c ------------------------------------------------------------ */

/* Checks and prunes the element structure below root (a <comparison>). */
void load_shape(struct load_ctx *ctx, xmlNode *root);

/* The attributes element name may have (NULL-terminated; an empty list
 * for names format 1 does not know): for suggestions. */
const char *const *load_shape_attrs(const char *name);

/* The name among candidates (NULL-terminated) to suggest for word under
 * suggest.h's SUGGEST_NAMES rule, or NULL. */
const char *load_suggest(const char *word, const char *const *candidates);

/* ---- schema.c ----------------------------------------------------------- */

/* Validates x against the embedded schema; reports in the tool's words. */
void load_schema(struct load_ctx *ctx, xmlDoc *x);

/* The embedded schema/verdict-1.xsd (build/gen/schema_xsd.c). */
extern const unsigned char load_schema_xsd[];
extern const size_t load_schema_xsd_len;

/* ---- walk.c ------------------------------------------------------------- */

/* Fills ctx->doc from the pruned, validated tree below root. */
void load_walk(struct load_ctx *ctx, xmlNode *root);

/* ---- text.c ------------------------------------------------------------- */

bool load_is_ws(char c);
bool load_is_text(const xmlNode *n);
const char *load_content(const xmlNode *n);
bool load_blank(const char *s);

/* Appends s to o folding white space runs into one blank; *blank says
 * whether the output so far ends in a blank (or is empty, which trims
 * the start).  Returns the new end (NUL-terminated). */
char *load_fold_into(char *o, const char *s, bool *blank);

/* s folded and trimmed, in the arena. */
const char *load_fold(struct arena *a, const char *s);

/* The text of n (text children only), folded and trimmed, in the arena. */
const char *load_text(struct load_ctx *ctx, const xmlNode *n);

/* Where the first non-blank character of text node t (a child of parent) is. */
struct srcpos load_text_pos(const struct load_ctx *ctx, const xmlNode *parent,
                            const xmlNode *t);

enum load_num { LOAD_NUM_OK, LOAD_NUM_BAD, LOAD_NUM_RANGE };

/* xs:decimal to double, whatever the locale. */
enum load_num load_decimal(const char *s, double *out);

/* A small whole number (the format attribute). */
bool load_integer(const char *s, long *out);

/* ---- prescan.c ---------------------------------------------------------- */

/* No format 1 element has more than 10 attributes; room for xmlns and
 * xsi ones.  libxml2 checks duplicates pairwise, so this keeps a hostile
 * start tag from taking hours. */
#define LOAD_MAX_ATTRIBUTES 64
/* One text (between tags, or a CDATA section) or attribute value, in
 * bytes as written: libxml2's own limit, which it does not apply when it
 * parses from memory. */
#define LOAD_MAX_TEXT 10000000   /* the messages say "10,000,000 bytes" */
/* A whole start tag: libxml2 gives up on one near LOAD_MAX_TEXT with an
 * "internal error"; refused a little before, in the tool's words. */
#define LOAD_MAX_TAG (LOAD_MAX_TEXT - 1000)

enum load_excess_kind {
	LOAD_EXCESS_NONE, LOAD_EXCESS_ATTRIBUTES, LOAD_EXCESS_VALUE, LOAD_EXCESS_TAG,
	LOAD_EXCESS_TEXT
};

struct load_excess {
	enum load_excess_kind kind;
	long line;              /* where the tag, value or text starts */
	const char *name;       /* the element's name as written, in buf (not */
	size_t name_len;        /* NUL-terminated); NULL for text */
};

/* Scans the raw bytes for the first excess over the limits above, in one
 * linear pass; false with *out filled when there is one. */
bool load_prescan(const char *buf, size_t len, struct load_excess *out);

/* Where a byte is: its line, and its column in characters (1-based). */
struct load_pos {
	long line, col;
};

/* The '&'s in text and attribute values that start no reference (name;
 * #digits; #xhex;), which libxml2 reports only the first of, obscurely:
 * their count, and where the first max of them are in at[].  One linear
 * pass, skipping comments, CDATA sections, processing instructions and
 * declarations. */
size_t load_bare_amps(const char *buf, size_t len, struct load_pos *at, size_t max);

#endif
