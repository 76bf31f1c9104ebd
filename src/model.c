/* model.c - the document's lifetime and lookups by id. */
#include "model.h"

#include <stdlib.h>
#include <string.h>

#include "arena.h"

struct interned {
	struct interned *next;
	const char *name;
};

/* The list of interned names hangs off the doc through a private field. */
struct doc_private {
	struct doc doc;
	struct interned *files;
};

struct doc *doc_new(const char *file)
{
	struct arena *a = arena_new();
	struct doc_private *p = arena_alloc(a, sizeof *p);
	p->doc.arena = a;
	p->doc.format = 0;
	p->doc.report.paper = PAPER_A4;
	p->doc.report.close_call = 2.0;
	p->doc.file = doc_intern_file(&p->doc, file != NULL ? file : "");
	p->doc.pos.file = p->doc.file;
	p->doc.pos.line = 1;
	return &p->doc;
}

void doc_free(struct doc *doc)
{
	if (doc != NULL)
		arena_free(doc->arena);
}

const char *doc_intern_file(struct doc *doc, const char *file)
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

#define FIND(arr, n, key)                                        \
	do {                                                     \
		for (size_t i_ = 0; (key) != NULL && i_ < (n); i_++) \
			if ((arr)[i_].id != NULL &&              \
			    strcmp((arr)[i_].id, (key)) == 0)    \
				return i_;                       \
		return MODEL_NO_INDEX;                           \
	} while (0)

size_t doc_framework_ix(const struct doc *doc, const char *id)
{
	FIND(doc->frameworks, doc->nframeworks, id);
}

size_t doc_criterion_ix(const struct doc *doc, const char *id)
{
	FIND(doc->criteria, doc->ncriteria, id);
}

size_t doc_scale_ix(const struct doc *doc, const char *id)
{
	FIND(doc->scales, doc->nscales, id);
}

size_t doc_scenario_ix(const struct doc *doc, const char *id)
{
	FIND(doc->scenarios, doc->nscenarios, id);
}

size_t scale_level_ix(const struct scale *scale, const char *id)
{
	FIND(scale->levels, scale->nlevels, id);
}

const struct rating *doc_rating(const struct doc *doc, size_t c, size_t f)
{
	const struct criterion *cr = &doc->criteria[c];
	if (cr->rating_of == NULL || cr->rating_of[f] == MODEL_NO_INDEX)
		return NULL;
	return &cr->ratings[cr->rating_of[f]];
}
