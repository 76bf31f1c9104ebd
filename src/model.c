/* model.c - the document's lifetime and lookups by id. */
#include "model.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "fsutil.h"
#include "oom.h"
#include "utf8.h"

struct interned {
	struct interned *next;
	const char *name;
};

/* The list of interned names and the room for texts hang off the doc
 * through private fields. */
struct doc_private {
	struct doc doc;
	struct interned *files;
	size_t texts_cap, whens_cap, files_cap;
};

struct doc *model_new(const char *file)
{
	struct arena *a = arena_new();
	struct doc_private *p = arena_alloc(a, sizeof *p);
	p->doc.arena = a;
	p->doc.format = 0;
	p->doc.report.paper = PAPER_A4;
	p->doc.report.close_call = 2.0;
	p->doc.bottom_line_when = WHEN_ALWAYS;
	p->doc.file = model_intern_file(&p->doc, file != NULL ? file : "");
	p->doc.pos.file = p->doc.file;
	p->doc.pos.line = 1;
	return &p->doc;
}

void model_free(struct doc *doc)
{
	if (doc != NULL)
		arena_free(doc->arena);
}

const char *model_intern_file(struct doc *doc, const char *file)
{
	struct doc_private *p = (struct doc_private *)doc;
	for (struct interned *i = p->files; i != NULL; i = i->next)
		if (strcmp(i->name, file) == 0)
			return i->name;
	struct interned *i = arena_alloc(doc->arena, sizeof *i);
	i->name = arena_strdup(doc->arena, file);
	i->next = p->files;
	p->files = i;
	return i->name;
}

void model_add_file(struct doc *doc, const char *path, const char *sha256)
{
	struct doc_private *p = (struct doc_private *)doc;
	if (doc->nfiles == p->files_cap) {
		size_t c = p->files_cap ? p->files_cap * 2 : 8;
		struct doc_file *t = arena_array(doc->arena, c, sizeof *t);
		if (doc->nfiles > 0)
			memcpy(t, doc->files, doc->nfiles * sizeof *t);
		doc->files = t;
		p->files_cap = c;
	}
	doc->files[doc->nfiles++] = (struct doc_file){
		arena_strdup(doc->arena, path), arena_strdup(doc->arena, sha256) };
}

void model_fingerprint(const struct doc_file *files, size_t n, char out[65])
{
	out[0] = '\0';
	if (n == 0)
		return;
	if (n == 1) {
		snprintf(out, 65, "%s", files[0].sha256);
		return;
	}
	size_t len = 0;
	for (size_t i = 0; i < n; i++)
		len += strlen(files[i].sha256) + 2 + strlen(files[i].path) + 1;
	char *text = malloc(len + 1), *o = text;
	if (text == NULL)
		oom_abort();
	for (size_t i = 0; i < n; i++)
		o += sprintf(o, "%s  %s\n", files[i].sha256, files[i].path);
	fs_sha256_hex(text, len, out);
	free(text);
}

/* Appends r to the list *list of *n entries with room for *cap. */
static void S_push(struct doc *doc, struct text_ref **list, size_t *n, size_t *cap,
                   struct text_ref r)
{
	if (*n == *cap) {
		/* Arena memory is not given back: doubling wastes at most half. */
		size_t c = *cap ? *cap * 2 : 64;
		struct text_ref *t = arena_array(doc->arena, c, sizeof *t);
		if (*n > 0)
			memcpy(t, *list, *n * sizeof *t);
		*list = t;
		*cap = c;
	}
	(*list)[(*n)++] = r;
}

void model_add_text(struct doc *doc, const char *text, struct srcpos pos)
{
	struct doc_private *p = (struct doc_private *)doc;
	if (text != NULL)
		S_push(doc, &doc->texts, &doc->ntexts, &p->texts_cap,
		       (struct text_ref){ text, pos, WHEN_ALWAYS, false });
}

void model_add_text_when(struct doc *doc, const char *text, struct srcpos pos,
                         unsigned when)
{
	struct doc_private *p = (struct doc_private *)doc;
	if (text != NULL)
		S_push(doc, &doc->texts, &doc->ntexts, &p->texts_cap,
		       (struct text_ref){ text, pos, when, true });
}

void model_add_when(struct doc *doc, const char *raw, struct srcpos pos)
{
	struct doc_private *p = (struct doc_private *)doc;
	if (raw != NULL)
		S_push(doc, &doc->whens, &doc->nwhens, &p->whens_cap,
		       (struct text_ref){ raw, pos, WHEN_ALWAYS, true });
}

/* In the order of their bits: three verdict kinds, then two documents. */
const char *const model_when_tokens[] = { "winner", "close", "none", "profile",
                                          "overview", NULL };

unsigned model_when_token(const char *s, size_t len)
{
	for (unsigned k = 0; model_when_tokens[k] != NULL; k++)
		if (strlen(model_when_tokens[k]) == len && memcmp(model_when_tokens[k], s, len) == 0)
			return 1u << k;
	return 0;
}

unsigned model_when_cases(const char *raw)
{
	unsigned tokens = 0;
	for (const char *s = raw != NULL ? raw : ""; *s != '\0';) {
		size_t len = strcspn(s, MODEL_WHEN_BLANKS);
		tokens |= model_when_token(s, len);
		s += len;
		s += strspn(s, MODEL_WHEN_BLANKS);
	}
	unsigned verdicts = tokens & WHEN_PROFILE, docs = tokens >> 3;
	unsigned cases = 0;
	if (docs == 0 || docs & 1u)
		cases |= verdicts != 0 ? verdicts : WHEN_PROFILE;
	if ((docs == 0 || docs & 2u) && verdicts == 0)
		cases |= WHEN_OVERVIEW;
	return cases;
}

/* The bytes model_shown copies as one character, or 1 for a byte it
 * escapes: a UTF8_LAX sequence; and, as it always did, a lead byte that no
 * UTF-8 has (F5..F7 taken as 4 bytes, F8..FF as 3) when continuation bytes
 * follow.  Such bytes only reach it in a file name given on the command
 * line: the loader rejects them inside a document. */
static size_t S_char_len(const unsigned char *p)
{
	if (*p < 0xF5)
		return utf8_step(p, SIZE_MAX, UTF8_LAX);
	size_t len = *p < 0xF8 ? 4 : 3;
	for (size_t k = 1; k < len; k++)
		if ((p[k] & 0xC0) != 0x80)
			return 1;
	return len;
}

#define SHOWN_MAX 60   /* characters */

const char *model_shown(struct doc *doc, const char *s)
{
	if (s == NULL)
		return "";
	/* Worst case per character: "\xNN" or "U+NNNN" for 1-2 bytes, or a
	 * 4-byte sequence copied. */
	char *out = arena_alloc(doc->arena, SHOWN_MAX * 6 + 4), *o = out;
	const unsigned char *p = (const unsigned char *)s;
	for (size_t n = 0; *p != '\0'; n++) {
		if (n == SHOWN_MAX) {
			memcpy(o, "...", 3);
			o += 3;
			break;
		}
		size_t len = S_char_len(p);
		if (len == 1 && (*p < 0x20 || *p >= 0x7F)) {
			o += sprintf(o, "\\x%02X", *p);
		} else if (len == 2 && p[0] == 0xC2 && p[1] < 0xA0) {
			o += sprintf(o, "U+%04X", p[1]);   /* C1 control */
		} else {
			memcpy(o, p, len);
			o += len;
		}
		p += len;
	}
	*o = '\0';
	return out;
}

#define FIND(arr, n, key)                                        \
	do {                                                     \
		for (size_t i_ = 0; (key) != NULL && i_ < (n); i_++) \
			if ((arr)[i_].id != NULL &&              \
			    strcmp((arr)[i_].id, (key)) == 0)    \
				return i_;                       \
		return MODEL_NO_INDEX;                           \
	} while (0)

size_t model_framework_ix(const struct doc *doc, const char *id)
{
	FIND(doc->frameworks, doc->nframeworks, id);
}

size_t model_criterion_ix(const struct doc *doc, const char *id)
{
	FIND(doc->criteria, doc->ncriteria, id);
}

size_t model_scale_ix(const struct doc *doc, const char *id)
{
	FIND(doc->scales, doc->nscales, id);
}

size_t model_scenario_ix(const struct doc *doc, const char *id)
{
	FIND(doc->scenarios, doc->nscenarios, id);
}

size_t model_level_ix(const struct scale *scale, const char *id)
{
	FIND(scale->levels, scale->nlevels, id);
}

const struct rating *model_rating(const struct doc *doc, size_t c, size_t f)
{
	const struct criterion *cr = &doc->criteria[c];
	if (cr->rating_of == NULL || cr->rating_of[f] == MODEL_NO_INDEX)
		return NULL;
	return &cr->ratings[cr->rating_of[f]];
}
