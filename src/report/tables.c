/* tables.c - the feature, scenario and profile tables, the bottom
 * line and the methodology. */
#include "report_int.h"

#include <string.h>

#include "arena.h"
#include "explain.h"
#include "numfmt.h"

#define FULL "\xE2\x97\x8F"     /* the level symbols: filled, empty and dotted */
#define EMPTY "\xE2\x97\x8B"     /* circles (fonts/unicodes.txt: Geometric Shapes) */
#define DOTTED "\xE2\x97\x8C"
#define TEAMS_LISTED 12          /* SPEC 6.6: more teams are counted, not listed */
#define NUMERIC_STEPS 5         /* a numeric rating drawn as a scale of 5 levels */

/* A cell of a bold first line and italic further lines (NULL: none). */
static struct lcell S_cell2(struct rb *b, const char *head, const char *more)
{
	struct lcell c = report_cell(b, head, LFONT_BOLD);
	if (more != NULL && *more) {
		struct lrun *r = arena_array(b->a, 2, sizeof *r);
		r[0] = (struct lrun){ head, LFONT_BOLD };
		r[1] = (struct lrun){ arena_printf(b->a, "\n%s", more), LFONT_ITALIC };
		c.runs = r;
		c.nruns = 2;
	}
	return c;
}

const char *report_level_marks(size_t pos, size_t n, bool unknown, struct arena *a)
{
	n = n < 2 ? 2 : n;
	pos = pos > n - 1 ? n - 1 : pos;
	char *s = arena_alloc(a, (n - 1) * strlen(FULL) + 1), *at = s;
	for (size_t i = 0; i + 1 < n; i++) {
		const char *mark = unknown ? DOTTED : i < pos ? FULL : EMPTY;
		memcpy(at, mark, strlen(mark));
		at += strlen(mark);
	}
	*at = '\0';
	return s;
}

/* The level of framework f on criterion c as report_level_marks() draws
 * it, so that it reads without colour: an ordinal level by its rank among
 * the scale's distinct scores, a numeric value (normalised u) on
 * NUMERIC_STEPS steps. */
static const char *S_dots(struct rb *b, size_t c, size_t f, double u)
{
	const struct rating *r = model_rating(b->doc, c, f);
	const struct scale *sc = &b->doc->scales[b->doc->criteria[c].scale_ix];
	if (sc->kind != SCALE_ORDINAL) {
		size_t pos = (size_t)numfmt_units(u * (NUMERIC_STEPS - 1), 0);
		return report_level_marks(u > 0 ? pos : 0, NUMERIC_STEPS, r->unknown, b->a);
	}
	size_t pos = 0, n = 0;
	for (size_t i = 0; i < sc->nlevels; i++) {
		bool first = true;      /* the first level with its score */
		for (size_t j = 0; j < i; j++)
			first = first && sc->levels[j].score != sc->levels[i].score;
		n += first;
		pos += first && !r->unknown && sc->levels[i].score < sc->levels[r->level_ix].score;
	}
	return report_level_marks(pos, n, r->unknown, b->a);
}

static struct lcolor S_tint(double u, bool unknown)
{
	if (unknown)
		return (struct lcolor){ 0.90, 0.90, 0.90 };
	if (u >= 0.75)
		return (struct lcolor){ 0.85, 0.94, 0.85 };
	if (u >= 0.4)
		return (struct lcolor){ 0.99, 0.96, 0.82 };
	return (struct lcolor){ 0.98, 0.87, 0.84 };
}

/* A rating: its text, then its level in words and circles. */
static struct lcell S_rating_cell(struct rb *b, size_t c, size_t f)
{
	const struct rating *r = model_rating(b->doc, c, f);
	double u = b->rs->u[c * b->doc->nframeworks + f];
	const char *label = explain_rating(b->doc, c, f, b->a);
	const char *level = arena_printf(b->a, "%s %s", label, S_dots(b, c, f, u));
	struct lrun *runs = arena_array(b->a, 3, sizeof *runs);
	size_t n = 0;
	if (r->text != NULL && *r->text && strcmp(r->text, label) != 0)
		runs[n++] = (struct lrun){ arena_printf(b->a, "%s\n", report_x(b, r->text)),
		                           LFONT_REGULAR };
	runs[n++] = (struct lrun){ level, LFONT_ITALIC };
	/* SPEC 6.3: its sources as [n], numbered in order of first use, and
	 * whether it is stale */
	const char *cites = "";
	for (size_t k = 0; k < r->nsource_ix && b->cite != NULL; k++) {
		size_t s = r->source_ix[k];
		if (b->cite[s] == 0) {
			b->cited[b->ncited++] = s;
			b->cite[s] = b->ncited;
		}
		cites = arena_printf(b->a, "%s[%zu]", cites, b->cite[s]);
	}
	const char *stale = r->stale ? arena_printf(b->a, "stale: %s", r->date) : "";
	if (*cites || *stale) {
		runs[n++] = (struct lrun){ arena_printf(b->a, "\n%s%s%s", cites,
		                                        *cites && *stale ? " " : "", stale),
		                           r->stale ? LFONT_BOLD : LFONT_REGULAR };
	}
	return (struct lcell){ .runs = runs, .nruns = n, .has_bg = true,
	                       .bg = S_tint(u, r->unknown) };
}

void report_features(struct rb *b)
{
	const struct doc *doc = b->doc;
	size_t nf = doc->nframeworks, ncols = nf + 1, nrows = 0;
	report_h1(b, "Feature comparison");
	b->cite = arena_array(b->a, doc->nsources ? doc->nsources : 1, sizeof *b->cite);
	b->cited = arena_array(b->a, doc->nsources ? doc->nsources : 1, sizeof *b->cited);
	b->ncited = 0;
	struct lcell *head = arena_array(b->a, ncols, sizeof *head);
	head[0] = report_cell(b, "Criterion", LFONT_BOLD);
	for (size_t f = 0; f < nf; f++) {
		const struct framework *fw = &doc->frameworks[f];
		const char *name = fw->version ? arena_printf(b->a, "%s %s", fw->name, fw->version)
		                               : fw->name;
		head[f + 1] = report_cell(b, name, LFONT_BOLD);
		head[f + 1].link = fw->url;
	}
	struct lrow *rows = arena_array(b->a, 2 * doc->ncriteria, sizeof *rows);
	bool *done = arena_array(b->a, doc->ncriteria, sizeof *done);
	/* Categories in order of first appearance, their criteria in order. */
	for (size_t c0 = 0; c0 < doc->ncriteria; c0++) {
		if (done[c0])
			continue;
		const char *cat = doc->criteria[c0].category;
		if (cat != NULL) {
			struct lcell *g = arena_alloc(b->a, sizeof *g);
			*g = report_cell(b, report_x(b, cat), LFONT_BOLD);
			rows[nrows++] = (struct lrow){ .kind = LROW_GROUP, .cells = g };
		}
		for (size_t c = c0; c < doc->ncriteria; c++) {
			const char *cc = doc->criteria[c].category;
			if (done[c] || (cat == NULL) != (cc == NULL) || (cat && strcmp(cat, cc) != 0))
				continue;
			done[c] = true;
			struct lcell *cells = arena_array(b->a, ncols, sizeof *cells);
			const struct criterion *cr = &doc->criteria[c];
			cells[0] = S_cell2(b, cr->name,
			                   cr->description ? report_x(b, cr->description) : NULL);
			for (size_t f = 0; f < nf; f++)
				cells[f + 1] = S_rating_cell(b, c, f);
			rows[nrows++] = (struct lrow){ .kind = LROW_NORMAL, .cells = cells };
		}
	}
	struct ltable t = report_table(b, ncols, head, rows, nrows);
	report_grouped(b, &t, 1, COL_MIN);
	report_note(b, "Each cell gives the rating's text, then its level in words and as "
	            "circles, one for each step of its scale, filled up to the level (on a scale "
	            "of four levels " FULL FULL FULL " is the best, " FULL EMPTY EMPTY " the "
	            "second, " EMPTY EMPTY EMPTY " the worst; " DOTTED DOTTED DOTTED " unknown; a "
	            "numeric value on five steps); the colour repeats it (green high, yellow "
	            "middle, red low, grey unknown). Framework names link to their web sites.");
	if (b->ncited > 0)
		report_note(b, "Numbers in brackets cite the sources listed under \"Sources\" at "
		            "the end of this report.");
	if (doc->report.stale_months > 0)
		report_note(b, arena_printf(b->a, "\"stale\" marks a rating dated (when it was "
		            "judged, else by its latest source) more than %ld months before %s, "
		            "the comparison's date.", doc->report.stale_months,
		            doc->meta.date ? doc->meta.date : b->rs->generated));
}

void report_sources(struct rb *b)
{
	if (b->ncited == 0)
		return;
	report_h1(b, "Sources");
	struct lcell *head = arena_array(b->a, 3, sizeof *head);
	head[0] = report_cell(b, "#", LFONT_BOLD);
	head[1] = report_cell(b, "Source", LFONT_BOLD);
	head[2] = report_cell(b, "Date", LFONT_BOLD);
	struct lrow *rows = arena_array(b->a, b->ncited, sizeof *rows);
	for (size_t k = 0; k < b->ncited; k++) {
		const struct source *s = &b->doc->sources[b->cited[k]];
		struct lcell *cells = arena_array(b->a, 3, sizeof *cells);
		cells[0] = report_cell(b, arena_printf(b->a, "[%zu]", k + 1), LFONT_REGULAR);
		const char *title = s->title != NULL && *s->title ? s->title : s->id;
		struct lrun *r = arena_array(b->a, 2, sizeof *r);
		r[0] = (struct lrun){ title, LFONT_REGULAR };
		r[1] = (struct lrun){ s->url ? arena_printf(b->a, "\n%s", s->url) : "",
		                      LFONT_ITALIC };
		cells[1] = (struct lcell){ .runs = r, .nruns = s->url ? 2 : 1, .link = s->url };
		cells[2] = report_cell(b, s->date ? s->date : DASH, LFONT_REGULAR);
		rows[k] = (struct lrow){ .kind = LROW_NORMAL, .cells = cells };
	}
	struct ltable t = report_table(b, 3, head, rows, b->ncited);
	layout_table(b->f, &t);
}

static const char *S_short(struct rb *b, const struct verdict *v)
{
	return report_say(b, explain_short(b->doc, v, b->a));
}

void report_scenarios(struct rb *b)
{
	const struct doc *doc = b->doc;
	report_h1(b, "Scenario verdicts: choose \xE2\x80\xA6 when");
	struct lcell *head = arena_array(b->a, 3, sizeof *head);
	head[0] = report_cell(b, "Scenario", LFONT_BOLD);
	head[1] = report_cell(b, "Verdict", LFONT_BOLD);
	head[2] = report_cell(b, "Scores", LFONT_BOLD);
	struct lrow *rows = arena_array(b->a, doc->nscenarios ? doc->nscenarios : 1, sizeof *rows);
	for (size_t s = 0; s < doc->nscenarios; s++) {
		const struct scenario *sc = &doc->scenarios[s];
		const struct verdict *v = b->rs->scenarios[s];
		struct lcell *cells = arena_array(b->a, 3, sizeof *cells);
		cells[0] = S_cell2(b, sc->name, sc->rationale ? report_x(b, sc->rationale) : NULL);
		cells[1] = report_cell(b, S_short(b, v), LFONT_REGULAR);
		cells[2] = report_cell(b, report_scores(b, v), LFONT_REGULAR);
		rows[s] = (struct lrow){ .kind = LROW_NORMAL, .cells = cells };
	}
	struct ltable t = report_table(b, 3, head, rows, doc->nscenarios);
	layout_table(b->f, &t);
}

/* The overview's "comes first in" cell (SPEC 6.7): the winner's share;
 * for a close call, the first-ranked framework's, named. */
static const char *S_share(struct rb *b, const struct verdict *v)
{
	if (!v->has_acceptability)
		return DASH;
	size_t f = v->ranking[0].framework;
	const char *share = explain_share(v->acceptability[f], b->a);
	return v->kind == VERDICT_WINNER ? share
	                                 : arena_printf(b->a, "%s: %s", report_fw(b, f), share);
}

/* Every profile's verdict, each row an outline entry under the heading. */
void report_profile_table(struct rb *b)
{
	const struct doc *doc = b->doc;
	report_h1(b, "Verdict per team profile");
	struct lcell *head = arena_array(b->a, 5, sizeof *head);
	head[0] = report_cell(b, "Team profile", LFONT_BOLD);
	head[1] = report_cell(b, "Verdict", LFONT_BOLD);
	head[2] = report_cell(b, "Scores", LFONT_BOLD);
	head[3] = report_cell(b, "Stability", LFONT_BOLD);
	head[4] = report_cell(b, "Comes first in", LFONT_BOLD);
	struct lrow *rows = arena_array(b->a, doc->nprofiles ? doc->nprofiles : 1, sizeof *rows);
	size_t n = 0;
	for (size_t p = 0; p < doc->nprofiles; p++) {
		const struct verdict *v = b->rs->profiles[p];
		if (v == NULL)
			continue;
		const char *stab = verdict_stability_name(v->stability);
		const char *dq = report_say(b, explain_disqualified(doc, v, b->a));
		struct lcell *cells = arena_array(b->a, 5, sizeof *cells);
		cells[0] = S_cell2(b, doc->profiles[p].name, doc->profiles[p].description
		                   ? report_x(b, doc->profiles[p].description) : NULL);
		cells[1] = report_cell(b, dq ? arena_printf(b->a, "%s. %s", S_short(b, v), dq)
		                             : S_short(b, v), LFONT_REGULAR);
		cells[2] = report_cell(b, report_scores(b, v), LFONT_REGULAR);
		cells[3] = report_cell(b, stab ? stab : DASH, LFONT_REGULAR);
		cells[4] = report_cell(b, S_share(b, v), LFONT_REGULAR);
		rows[n++] = (struct lrow){ .kind = LROW_NORMAL, .cells = cells,
		                           .outline = doc->profiles[p].name };
	}
	struct ltable t = report_table(b, 5, head, rows, n);
	t.outline_level = 1;
	layout_table(b->f, &t);
	report_note(b, arena_printf(b->a, "Comes first in: how often the recommended framework "
	            "(for a close call, the one named) scores highest among %d,%03d weightings, "
	            "each of the team's weights varied at random within \xC2\xB1" "50 %% and "
	            "unknown ratings given random values; a dash when fewer than two frameworks "
	            "qualify.", VERDICT_ACCEPT_SAMPLES / 1000, VERDICT_ACCEPT_SAMPLES % 1000));
}

/* Every team's verdict, one bullet each. */
static void S_team_list(struct rb *b)
{
	const struct doc *doc = b->doc;
	for (size_t p = 0; p < doc->nprofiles; p++) {
		if (b->rs->profiles[p] == NULL)
			continue;
		struct lrun runs[2] = { { arena_printf(b->a, "%s: ", doc->profiles[p].name), LFONT_BOLD },
		                        { S_short(b, b->rs->profiles[p]), LFONT_REGULAR } };
		struct para_style ps = { .size = BODY, .color = report_black, .indent = 14,
		                         .bullet = "\xE2\x80\xA2" };
		layout_paragraph(b->f, runs, 2, &ps);
		layout_gap(b->f, 2);
	}
}

/* SPEC 6.6: beyond TEAMS_LISTED teams a team's report counts the verdicts
 * instead of listing them, so that it does not grow with the number of
 * teams: "Across 200 teams: Atlas for 81, Borealis for 64; 30 close
 * calls; 25 with none." Winners by count, most first (ties: declaration
 * order); a part with a count of 0 is left out. */
static void S_team_tally(struct rb *b)
{
	const struct doc *doc = b->doc;
	size_t nf = doc->nframeworks, teams = 0, close = 0, none = 0;
	size_t *wins = arena_array(b->a, nf, sizeof *wins);
	for (size_t p = 0; p < doc->nprofiles; p++) {
		const struct verdict *v = b->rs->profiles[p];
		if (v == NULL)
			continue;
		teams++;
		if (v->kind == VERDICT_WINNER)
			wins[v->ranking[0].framework]++;
		close += v->kind == VERDICT_CLOSE;
		none += v->kind == VERDICT_NONE;
	}
	const char *won = "";     /* "Atlas for 81, Borealis for 64" */
	for (size_t k = 0; k < nf; k++) {
		size_t best = nf;
		for (size_t f = 0; f < nf; f++)
			if (wins[f] > 0 && (best == nf || wins[f] > wins[best]))
				best = f;
		if (best == nf)
			break;
		won = arena_printf(b->a, "%s%s%s for %zu", won, *won ? ", " : "",
		                   report_fw(b, best), wins[best]);
		wins[best] = 0;
	}
	const char *s = arena_printf(b->a, "Across %zu team%s: %s", teams, teams == 1 ? "" : "s",
	                             won);
	if (close)
		s = arena_printf(b->a, "%s%s%zu close call%s", s, *won ? "; " : "", close,
		                 close == 1 ? "" : "s");
	if (none)
		s = arena_printf(b->a, "%s%s%zu with none", s, *won || close ? "; " : "", none);
	report_para(b, arena_printf(b->a, "%s. The overview report gives each team's verdict.",
	                            s), LFONT_REGULAR, BODY, report_black);
}

void report_bottom_line(struct rb *b)
{
	const struct doc *doc = b->doc;
	report_h1(b, "Bottom line");
	for (size_t f = 0; f < doc->nframeworks; f++) {
		const char *list = report_say(b, explain_strength_list(doc, b->rs->u, f, b->a));
		if (list == NULL)
			continue;
		struct lrun runs[2] = { { arena_printf(b->a, "Choose %s", report_fw(b, f)),
		                          LFONT_BOLD },
		                        { arena_printf(b->a, " if you prioritise %s.", list),
		                          LFONT_REGULAR } };
		struct para_style ps = { .size = BODY + 0.5, .color = report_black };
		layout_paragraph(b->f, runs, 2, &ps);
		layout_gap(b->f, 3);
	}
	layout_gap(b->f, 4);
	if (b->profile != MODEL_NO_INDEX && doc->nprofiles > TEAMS_LISTED)
		S_team_tally(b);
	else
		S_team_list(b);
	if (doc->bottom_line && report_shown(b, doc->bottom_line_when)) {
		layout_gap(b->f, 6);
		report_para(b, report_x(b, doc->bottom_line), LFONT_REGULAR, BODY, report_black);
	}
}

void report_methodology(struct rb *b)
{
	const char *const text[] = {
		"Each rating is normalised to a value between 0 and 1: on a scale of levels, "
		"(score \xE2\x88\x92 lowest score) / (highest \xE2\x88\x92 lowest); on a numeric scale, "
		"the position of the value between the scale's minimum and maximum, reversed when "
		"lower is better. An unknown rating counts as 0.",
		"A scenario's weights are divided by their total. A team profile mixes the scenarios "
		"it uses, each in proportion to its share, together with the team's own weights "
		"(their share is own-share), so that all weights add up to 100 %.",
		"A framework's score is 100 \xC3\x97 the weighted sum of its normalised ratings. A "
		"framework that fails a requirement of a used scenario or of the profile, or that the "
		"profile excludes, is disqualified but keeps its score for reference.",
		"The margin is the difference between the two best qualified scores. Below the "
		"close-call threshold the verdict is a close call, not a winner.",
		arena_printf(b->a, "Sensitivity: each criterion's weight is changed alone, the others "
		             "rescaled in proportion, to find the weight at which a challenger draws "
		             "level. The smallest such change classifies the verdict: robust (%s "
		             "points or more, or none exists), moderate, or fragile (under %s).",
		             numfmt_trimmed(b->a, VERDICT_ROBUST_PP, 2),
		             numfmt_trimmed(b->a, VERDICT_FRAGILE_PP, 2)),
		"How sure: for a team with at least two qualified frameworks, 10,000 weightings are "
		"drawn. In each, every one of the team's weights is multiplied by its own random "
		"factor between 0.5 and 1.5 (up to 50 % more or less) and the weights are rescaled "
		"to add up to 100 % again; every unknown rating is given a random value of its "
		"scale, each level equally likely. A framework's share is the part of these "
		"weightings in which it scores highest among the qualified frameworks; a tie is "
		"split equally. The draws come from a fixed, seeded generator, so the same input "
		"always gives the same shares. A share measures how much the verdict rests on the "
		"exact weights, not the chance that a framework is the right choice. It does not "
		"cover ratings that are known but wrong, nor the requirements: a disqualified "
		"framework stays out whatever the weights.",
	};
	_Static_assert(VERDICT_ACCEPT_SAMPLES == 10000, "the text above says 10,000");
	size_t n = sizeof text / sizeof *text;
	struct para_style body = { .size = SMALL + 0.5, .color = report_black };
	struct para_style trailer = { .size = SMALL, .color = report_grey };
	/* SPEC 6.4: every file read with its SHA-256; with includes, the
	 * fingerprint over them all first. */
	const struct doc_file *files = b->doc->files;
	size_t nfiles = b->rs->fingerprint != NULL && b->doc->nfiles > 1 ? b->doc->nfiles : 0;
	struct lrun run = { nfiles == 0
		? arena_printf(b->a, "Generated by verdict %s from %s (SHA-256 %s).",
		               b->rs->version, b->rs->input_name, b->rs->sha256)
		: arena_printf(b->a, "Generated by verdict %s from %s (fingerprint %s) and the "
		               "files it includes; every file read, with its SHA-256 (paths "
		               "after the first relative to the input's directory):",
		               b->rs->version, b->rs->input_name, b->rs->fingerprint),
		LFONT_ITALIC };
	struct lrun *lines = arena_array(b->a, nfiles ? nfiles : 1, sizeof *lines);
	double lines_h = 0;
	for (size_t i = 0; i < nfiles; i++) {
		lines[i] = (struct lrun){ arena_printf(b->a, "%s  SHA-256 %s", files[i].path,
		                                       files[i].sha256), LFONT_REGULAR };
		lines_h += layout_paragraph_height(b->f, &lines[i], 1, &trailer) + 1;
	}
	layout_page_break(b->f);      /* an appendix, on a page of its own */
	report_h1(b, "Methodology");
	for (size_t i = 0; i < n; i++) {
		struct lrun r = { text[i], LFONT_REGULAR };
		/* The last paragraph keeps the trailer with it on its page. */
		if (i + 1 == n)
			layout_keep(b->f, layout_paragraph_height(b->f, &r, 1, &body) + 4 +
			            layout_paragraph_height(b->f, &run, 1, &trailer) + lines_h);
		layout_paragraph(b->f, &r, 1, &body);
		layout_gap(b->f, 4);
	}
	layout_paragraph(b->f, &run, 1, &trailer);
	for (size_t i = 0; i < nfiles; i++) {
		layout_gap(b->f, 1);
		layout_paragraph(b->f, &lines[i], 1, &trailer);
	}
}
