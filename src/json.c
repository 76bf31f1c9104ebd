/* json.c - the JSON summary (SPEC section 4). */
#include "json.h"

#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "change.h"
#include "oom.h"
#include "utf8.h"

void json_string(FILE *out, const char *s)
{
	const unsigned char *p = (const unsigned char *)(s ? s : "");
	fputc('"', out);
	while (*p) {
		uint32_t cp;
		size_t n = utf8_decode(p, SIZE_MAX, UTF8_STRICT, &cp);
		if (n == 0) {                     /* a stray byte: U+FFFD */
			fputs("\\ufffd", out);
			p++;
			continue;
		}
		/* U+2028 and U+2029 are valid JSON but end a line in JavaScript */
		if (cp == 0x2028 || cp == 0x2029) {
			fputs(cp == 0x2028 ? "\\u2028" : "\\u2029", out);
			p += n;
			continue;
		}
		if (n > 1) {
			fwrite(p, 1, n, out);
			p += n;
			continue;
		}
		switch (*p) {
		case '"': fputs("\\\"", out); break;
		case '\\': fputs("\\\\", out); break;
		case '\n': fputs("\\n", out); break;
		case '\r': fputs("\\r", out); break;
		case '\t': fputs("\\t", out); break;
		default:
			if (*p < 0x20 || *p == 0x7F)
				fprintf(out, "\\u%04x", *p);
			else
				fputc(*p, out);
		}
		p++;
	}
	fputc('"', out);
}

void json_number(FILE *out, double x)
{
	if (!isfinite(x)) {              /* never in a valid result; JSON has no inf */
		fputs("null", out);
		return;
	}
	if (x == 0)
		x = 0.0;                 /* no negative zero */
	/* Printed and read back in the C locale, whatever the caller's
	 * LC_NUMERIC says: a decimal comma is not JSON. */
	locale_t c = newlocale(LC_NUMERIC_MASK, "C", (locale_t)0);
	locale_t old = c != (locale_t)0 ? uselocale(c) : (locale_t)0;
	char buf[40];
	for (int prec = 15; prec <= 17; prec++) {
		snprintf(buf, sizeof buf, "%.*g", prec, x);
		if (strtod(buf, NULL) == x)
			break;
	}
	if (c != (locale_t)0) {
		uselocale(old);
		freelocale(c);
	}
	fputs(buf, out);
}

static void S_key(FILE *out, const char *key)
{
	json_string(out, key);
	fputs(": ", out);
}

static void S_diags(FILE *out, const struct diags *d, enum diag_level level)
{
	fputc('[', out);
	size_t n = 0;
	for (size_t i = 0; d != NULL && i < d->count; i++) {
		const struct diag *g = &d->items[i];
		if (g->level != level)
			continue;
		fputs(n++ ? ",\n        {" : "\n        {", out);
		S_key(out, "file");
		json_string(out, g->file);
		fputs(", ", out);
		S_key(out, "line");
		fprintf(out, "%ld, ", g->line);
		S_key(out, "message");
		json_string(out, g->message);
		fputc('}', out);
	}
	fputs(n ? "\n      ]" : "]", out);
}

static void S_ids(FILE *out, const struct doc *doc, const size_t *fw, size_t n)
{
	fputc('[', out);
	for (size_t i = 0; i < n; i++) {
		if (i)
			fputs(", ", out);
		json_string(out, doc->frameworks[fw[i]].id);
	}
	fputc(']', out);
}

/* The keys a scenario and a profile share: verdict to ranking. */
static void S_verdict(FILE *out, const struct doc *doc, const struct verdict *v)
{
	size_t w = verdict_winner(v);
	S_key(out, "verdict");
	json_string(out, verdict_kind_name(v->kind));
	fputs(", ", out);
	S_key(out, "winner");
	if (w == MODEL_NO_INDEX)
		fputs("null", out);
	else
		json_string(out, doc->frameworks[w].id);
	fputs(", ", out);
	S_key(out, "leaders");
	S_ids(out, doc, v->leaders, v->nleaders);
	fputs(", ", out);
	S_key(out, "margin");
	if (v->has_margin)
		json_number(out, v->margin);
	else
		fputs("null", out);
	fputs(",\n          ", out);
	S_key(out, "ranking");
	fputc('[', out);
	for (size_t k = 0; k < v->nframeworks; k++) {
		const struct ranked *r = &v->ranking[k];
		fputs(k ? ",\n            {" : "\n            {", out);
		S_key(out, "framework");
		json_string(out, doc->frameworks[r->framework].id);
		fputs(", ", out);
		S_key(out, "score");
		json_number(out, r->score);
		fputs(", ", out);
		S_key(out, "qualified");
		fputs(r->qualified ? "true, " : "false, ", out);
		S_key(out, "disqualified_by");
		fputc('[', out);
		for (size_t i = 0; i < r->ndisqualified; i++) {
			if (i)
				fputs(", ", out);
			json_string(out, r->disqualified_by[i]);
		}
		fputs("]}", out);
	}
	fputs("]", out);
}

/* A framework's id, or null for MODEL_NO_INDEX. */
static void S_fw_or_null(FILE *out, const struct doc *doc, size_t f)
{
	if (f == MODEL_NO_INDEX)
		fputs("null", out);
	else
		json_string(out, doc->frameworks[f].id);
}

/* Beyond SPEC section 4, documented in docs/json.md. */
static void S_unknowns(FILE *out, const struct doc *doc, const struct unknowns *uk)
{
	S_key(out, "unknowns");
	fputc('{', out);
	S_key(out, "holds");
	fputs(uk->holds ? "true, " : "false, ", out);
	S_key(out, "best_case_winner");
	S_fw_or_null(out, doc, uk->best_winner);
	fputs(", ", out);
	S_key(out, "worst_case_winner");
	S_fw_or_null(out, doc, uk->worst_winner);
	fputc('}', out);
}

static void S_rating_flip(FILE *out, const struct doc *doc, const struct verdict *v)
{
	S_key(out, "rating_flip");
	if (!v->has_rating_flip) {
		fputs("null", out);
		return;
	}
	const struct rating_flip *rf = &v->rating_flip;
	const struct criterion *cr = &doc->criteria[rf->criterion];
	const struct scale *s = &doc->scales[cr->scale_ix];
	fputc('{', out);
	S_key(out, "framework");
	json_string(out, doc->frameworks[rf->framework].id);
	fputs(", ", out);
	S_key(out, "criterion");
	json_string(out, cr->id);
	fputs(", ", out);
	S_key(out, "from");
	json_string(out, s->levels[rf->from_level].id);
	fputs(", ", out);
	S_key(out, "to");
	json_string(out, s->levels[rf->to_level].id);
	fputc('}', out);
}

/* SPEC 6.7: the qualified frameworks' shares, in ranking order. */
static void S_acceptability(FILE *out, const struct doc *doc, const struct verdict *v)
{
	S_key(out, "acceptability");
	if (!v->has_acceptability) {
		fputs("null", out);
		return;
	}
	fputc('{', out);
	for (size_t k = 0; k < v->nqualified; k++) {
		size_t f = v->ranking[k].framework;
		fputs(k ? ", " : "", out);
		S_key(out, doc->frameworks[f].id);
		json_number(out, v->acceptability[f]);
	}
	fputc('}', out);
}

/* SPEC 6.5: what changed since the baseline; null without one. */
static void S_change(FILE *out, const struct change *ch)
{
	S_key(out, "change");
	if (ch == NULL) {
		fputs("null", out);
		return;
	}
	if (ch->is_new) {
		fputs("{\"new\": true}", out);
		return;
	}
	const struct baseline_profile *b = ch->before;
	fputc('{', out);
	S_key(out, "since");
	json_string(out, ch->since);
	fputs(", ", out);
	S_key(out, "verdict_changed");
	fputs(ch->verdict_changed ? "true" : "false", out);
	fputs(",\n            ", out);
	S_key(out, "before");
	fputc('{', out);
	S_key(out, "verdict");
	json_string(out, b->verdict);
	fputs(", ", out);
	S_key(out, "winner");
	if (b->winner)
		json_string(out, b->winner);
	else
		fputs("null", out);
	fputs(", ", out);
	S_key(out, "leaders");
	fputc('[', out);
	for (size_t i = 0; i < b->nleaders; i++) {
		fputs(i ? ", " : "", out);
		json_string(out, b->leaders[i]);
	}
	fputs("], ", out);
	S_key(out, "margin");
	if (b->has_margin)
		json_number(out, b->margin);
	else
		fputs("null", out);
	fputs("},\n            ", out);
	S_key(out, "causes");
	fputc('[', out);
	for (size_t i = 0; i < ch->ncauses; i++) {
		const struct change_cause *c = &ch->causes[i];
		fputs(i ? ",\n              {" : "\n              {", out);
		S_key(out, "kind");
		json_string(out, change_kind_name(c->kind));
		if (c->criterion != NULL) {
			fputs(", ", out);
			S_key(out, "criterion");
			json_string(out, c->criterion);
		}
		if (c->framework != NULL) {
			fputs(", ", out);
			S_key(out, "framework");
			json_string(out, c->framework);
		}
		if (c->kind == CHANGE_RATING || c->kind == CHANGE_WEIGHT) {
			bool lv = c->kind == CHANGE_RATING;
			fputs(", ", out);
			S_key(out, "before");
			if (lv && c->level_before)
				json_string(out, c->level_before);
			else
				json_number(out, c->num_before);
			fputs(", ", out);
			S_key(out, "after");
			if (lv && c->level_after)
				json_string(out, c->level_after);
			else
				json_number(out, c->num_after);
		}
		if (c->kind == CHANGE_CONSTRAINT) {
			/* the disqualifications then and now, as arrays */
			const char *lists[2] = { c->level_before, c->level_after };
			for (int k = 0; k < 2; k++) {
				fputs(", ", out);
				S_key(out, k ? "after" : "before");
				fputc('[', out);
				const char *s = lists[k];
				for (bool first = true; s != NULL && *s; first = false) {
					const char *e = strchr(s, '\n');
					size_t n = e ? (size_t)(e - s) : strlen(s);
					char *one = strndup(s, n);
					if (one == NULL)
						oom_abort();
					fputs(first ? "" : ", ", out);
					json_string(out, one);
					free(one);
					s += n + (e != NULL);
				}
				fputc(']', out);
			}
		}
		fputs(", ", out);
		S_key(out, "effect");
		if (c->has_effect)
			json_number(out, c->effect);
		else
			fputs("null", out);
		fputc('}', out);
	}
	fputs(ch->ncauses ? "\n            ]}" : "]}", out);
}

/* SPEC 6.5: every rating as written, with its u. */
static void S_ratings(FILE *out, const struct doc *doc, const double *u)
{
	S_key(out, "ratings");
	fputc('{', out);
	size_t nf = doc != NULL ? doc->nframeworks : 0, nc = 0;
	for (size_t c = 0; u != NULL && c < doc->ncriteria; c++) {
		const struct criterion *cr = &doc->criteria[c];
		const struct scale *s = &doc->scales[cr->scale_ix];
		fputs(nc++ ? ",\n        " : "\n        ", out);
		S_key(out, cr->id);
		fputc('{', out);
		size_t n = 0;
		for (size_t f = 0; f < nf; f++) {
			const struct rating *r = model_rating(doc, c, f);
			if (r == NULL)
				continue;
			fputs(n++ ? ", " : "", out);
			S_key(out, doc->frameworks[f].id);
			fputc('{', out);
			if (r->unknown || s->kind == SCALE_ORDINAL) {
				S_key(out, "level");
				json_string(out, r->unknown ? "unknown" : s->levels[r->level_ix].id);
			} else {
				S_key(out, "value");
				json_number(out, r->value);
			}
			fputs(", ", out);
			S_key(out, "u");
			json_number(out, u[c * nf + f]);
			fputc('}', out);
		}
		fputc('}', out);
	}
	fputs(nc ? "\n      }" : "}", out);
}

static void S_profile(FILE *out, const struct doc *doc, size_t p,
                      const struct verdict *v, const char *pdf)
{
	S_key(out, "id");
	json_string(out, doc->profiles[p].id);
	fputs(", ", out);
	S_verdict(out, doc, v);
	fputs(",\n          ", out);
	S_key(out, "weights");
	fputc('{', out);
	for (size_t c = 0; c < doc->ncriteria; c++) {
		fputs(c ? ", " : "", out);
		json_string(out, doc->criteria[c].id);
		fputs(": ", out);
		json_number(out, v->weights[c]);
	}
	fputs("},\n          ", out);
	S_key(out, "critical");
	if (v->has_critical) {
		fputc('{', out);
		S_key(out, "criterion");
		json_string(out, doc->criteria[v->critical.criterion].id);
		fputs(", ", out);
		S_key(out, "challenger");
		json_string(out, doc->frameworks[v->critical.challenger].id);
		fputs(", ", out);
		S_key(out, "weight");
		json_number(out, v->critical.weight);
		fputs(", ", out);
		S_key(out, "tie_weight");
		json_number(out, v->critical.tie_weight);
		fputc('}', out);
	} else {
		fputs("null", out);
	}
	fputs(", ", out);
	S_key(out, "stability");
	const char *st = verdict_stability_name(v->stability);
	if (st)
		json_string(out, st);
	else
		fputs("null", out);
	fputs(", ", out);
	S_key(out, "pdf");
	if (pdf)
		json_string(out, pdf);
	else
		fputs("null", out);
	fputs(",\n          ", out);
	S_unknowns(out, doc, &v->unknowns);
	fputs(", ", out);
	S_rating_flip(out, doc, v);
	fputs(",\n          ", out);
	S_acceptability(out, doc, v);
}

static void S_input(FILE *out, const struct json_input *in)
{
	const struct doc *doc = in->doc;
	bool ok = in->valid && doc != NULL;
	fputs("    {", out);
	S_key(out, "file");
	json_string(out, in->file);
	fputs(", ", out);
	S_key(out, "sha256");
	if (in->sha256)
		json_string(out, in->sha256);
	else
		fputs("null", out);
	fputs(",\n      ", out);
	/* SPEC 6.4: every file read, and the fingerprint over them. */
	S_key(out, "files");
	if (in->files != NULL) {
		fputc('[', out);
		for (size_t i = 0; i < in->nfiles; i++) {
			fputs(i ? ", {" : "{", out);
			S_key(out, "path");
			json_string(out, in->files[i].path);
			fputs(", ", out);
			S_key(out, "sha256");
			json_string(out, in->files[i].sha256);
			fputc('}', out);
		}
		fputc(']', out);
	} else {
		fputs("null", out);
	}
	fputs(",\n      ", out);
	S_key(out, "fingerprint");
	if (in->files != NULL && in->fingerprint != NULL)
		json_string(out, in->fingerprint);
	else
		fputs("null", out);
	fputs(",\n      ", out);
	S_key(out, "id");
	if (doc && doc->id)
		json_string(out, doc->id);
	else
		fputs("null", out);
	fputs(", ", out);
	S_key(out, "valid");
	fputs(ok ? "true" : "false", out);
	fputs(", ", out);
	S_key(out, "generated");
	if (in->generated)
		json_string(out, in->generated);
	else
		fputs("null", out);
	fputs(",\n      ", out);
	S_key(out, "errors");
	S_diags(out, in->diags, DIAG_ERROR);
	fputs(",\n      ", out);
	S_key(out, "warnings");
	S_diags(out, in->diags, DIAG_WARNING);
	fputs(",\n      ", out);
	S_key(out, "scenarios");
	fputc('[', out);
	for (size_t s = 0; ok && s < doc->nscenarios; s++) {
		fputs(s ? ",\n        {" : "\n        {", out);
		S_key(out, "id");
		json_string(out, doc->scenarios[s].id);
		fputs(", ", out);
		S_verdict(out, doc, in->scenarios[s]);
		fputc('}', out);
	}
	fputs(ok && doc->nscenarios ? "\n      ],\n      " : "],\n      ", out);
	S_ratings(out, doc, ok ? in->u : NULL);
	fputs(",\n      ", out);
	S_key(out, "profiles");
	fputc('[', out);
	size_t n = 0;
	for (size_t p = 0; ok && p < doc->nprofiles; p++) {
		if (in->profiles[p] == NULL)
			continue;
		fputs(n++ ? ",\n        {" : "\n        {", out);
		S_profile(out, doc, p, in->profiles[p], in->pdf ? in->pdf[p] : NULL);
		fputs(",\n          ", out);
		S_change(out, in->changes ? in->changes[p] : NULL);
		fputc('}', out);
	}
	fputs(n ? "\n      ],\n      " : "],\n      ", out);
	/* SPEC 6.6: the overview is a report like the others, with its path. */
	S_key(out, "overview_pdf");
	if (ok && in->overview_pdf)
		json_string(out, in->overview_pdf);
	else
		fputs("null", out);
	fputc('}', out);
}

bool json_write(FILE *out, const struct json_input *in, size_t n, const char *version)
{
	fputs("{\"tool\": \"verdict\", \"version\": ", out);
	json_string(out, version);
	fputs(", \"format\": 1,\n  \"inputs\": [", out);
	for (size_t i = 0; i < n; i++) {
		fputs(i ? ",\n" : "\n", out);
		S_input(out, &in[i]);
	}
	fputs(n ? "\n  ]}\n" : "]}\n", out);
	return fflush(out) == 0 && !ferror(out);
}
