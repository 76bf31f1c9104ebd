/* verdict_parts.c - the parts of a profile's report about its verdict:
 * the verdict box, why, and what would change the verdict. */
#include "report_int.h"

#include <math.h>

#include "arena.h"
#include "change.h"
#include "explain.h"
#include "numfmt.h"

#define CHART_MAX 12            /* criteria drawn in the contributions chart */

static const struct lcolor S_against = { 0.80, 0.38, 0.30 };

static const char *S_criterion(const struct rb *b, size_t c)
{
	return b->doc->criteria[c].name;
}

/* A weight as a percentage, as explain.c writes it (numfmt.h). */
static const char *S_pct(struct arena *a, double w)
{
	return numfmt_pct(a, w);
}

/* A signed number of points with a true minus sign, as explain.c's
 * contributions: "+8.2", "−0.08". */
static const char *S_signed(struct arena *a, double v)
{
	return numfmt_points(a, v, true);
}

/* A paragraph of a bold lead-in and regular text. */
static void S_para2(struct rb *b, const char *lead, const char *text, double size)
{
	struct lrun runs[2] = { { lead, LFONT_BOLD }, { text, LFONT_REGULAR } };
	struct para_style st = { .size = size, .color = report_black };
	layout_paragraph(b->f, runs, 2, &st);
}

/* ---- the verdict box -------------------------------------------------------- */

/* SPEC 6.3: how many of the ratings that count for the team (every
 * framework's, on each criterion its weights use) are stale; NULL
 * without stale-after. */
static const char *S_freshness(struct rb *b, const struct verdict *v)
{
	const struct doc *doc = b->doc;
	if (doc->report.stale_months <= 0)
		return NULL;
	size_t counted = 0, stale = 0, undated = 0;
	for (size_t c = 0; c < doc->ncriteria && c < v->ncriteria; c++) {
		if (!(v->weights[c] > 0))
			continue;
		for (size_t f = 0; f < doc->nframeworks; f++) {
			const struct rating *r = model_rating(doc, c, f);
			if (r == NULL)
				continue;
			counted++;
			stale += r->stale;
			undated += r->date == NULL;
		}
	}
	const char *date = doc->meta.date ? doc->meta.date : b->rs->generated;
	const char *what = stale == 0 ? arena_printf(b->a, "none of the %zu ratings", counted)
	                 : arena_printf(b->a, "%zu of the %zu ratings", stale, counted);
	const char *nodate = undated == 0 ? ""
	                   : arena_printf(b->a, " %zu of them %s no date.", undated,
	                                  undated == 1 ? "has" : "have");
	return arena_printf(b->a, "%s this team's weights use %s stale (dated more than %ld "
	                    "months before %s; marked \"stale\" in the feature table).%s",
	                    what, stale <= 1 ? "is" : "are", doc->report.stale_months, date,
	                    nodate);
}

void report_verdict_box(struct rb *b, const struct verdict *v)
{
	const struct doc *doc = b->doc;
	struct box_para p[16];
	struct lrun runs[16][2];
	size_t n = 0;
	const char *kind = v->kind == VERDICT_WINNER ? "VERDICT" : v->kind == VERDICT_CLOSE
	                   ? "VERDICT: CLOSE CALL" : "VERDICT: NO FRAMEWORK QUALIFIES";
#define PUSH(t1, f1, t2, f2, sz, col, gap)                                          \
	do {                                                                        \
		runs[n][0] = (struct lrun){ (t1), (f1) };                           \
		runs[n][1] = (struct lrun){ (t2), (f2) };                           \
		p[n] = (struct box_para){ runs[n], (t2) ? 2 : 1,                    \
		                          { .size = (sz), .color = (col) }, (gap) }; \
		n++;                                                                \
	} while (0)
	PUSH(kind, LFONT_BOLD, NULL, LFONT_REGULAR, SMALL, b->accent, 3);
	PUSH(report_say(b, explain_recommendation(doc, v, b->a)), LFONT_BOLD, NULL, LFONT_REGULAR,
	     12.5, report_black, 6);
	PUSH("Scores: ", LFONT_BOLD, report_scores(b, v), LFONT_REGULAR, BODY, report_black, 2);
	if (v->has_margin)
		PUSH("Margin: ", LFONT_BOLD, arena_printf(b->a, "%s points (close-call threshold "
		     "%s)", numfmt_points(b->a, v->margin, false), numfmt_score(b->a, v->close_call)),
		     LFONT_REGULAR, BODY, report_black, 2);
	const char *stab = verdict_stability_name(v->stability);
	const char *flip = report_say(b, explain_flip(doc, v, b->a));
	if (stab != NULL)
		PUSH("Stability: ", LFONT_BOLD, flip ? arena_printf(b->a, "%s. %s", stab, flip) : stab,
		     LFONT_REGULAR, BODY, report_black, 2);
	/* a close call: where its leaders differ and what each would need;
	 * none: which single constraint dropped lets whom in */
	const char *differ = report_say(b, explain_separators(doc, v, b->a));
	if (differ)
		PUSH("Where they differ: ", LFONT_BOLD, differ, LFONT_REGULAR, BODY, report_black, 2);
	const char *needs = report_say(b, explain_close_needs(doc, b->rs->u, v, b->a));
	if (needs)
		PUSH("What it would take: ", LFONT_BOLD, needs, LFONT_REGULAR, BODY, report_black, 2);
	const char *relax = report_say(b, explain_relaxations(doc, v, b->a));
	if (relax)
		PUSH("To qualify: ", LFONT_BOLD, relax, LFONT_REGULAR, BODY, report_black, 2);
	const char *sure = report_say(b, explain_acceptability(doc, v, b->a));
	if (sure)
		PUSH("How sure: ", LFONT_BOLD, sure, LFONT_REGULAR, BODY, report_black, 2);
	const char *dq = report_say(b, explain_disqualified(doc, v, b->a));
	if (dq)
		PUSH("Disqualified: ", LFONT_BOLD, dq, LFONT_REGULAR, BODY, report_black, 2);
	const char *unknown = report_say(b, explain_unknowns(doc, v, b->a));
	if (unknown)
		PUSH("Caveat: ", LFONT_BOLD, unknown, LFONT_REGULAR, BODY, report_black, 2);
	const char *fresh = S_freshness(b, v);
	if (fresh)
		PUSH("Freshness: ", LFONT_BOLD, fresh, LFONT_REGULAR, BODY, report_black, 2);
	/* SPEC 6.5: one line on what changed since the baseline */
	const struct change *ch = b->rs->changes ? b->rs->changes[b->profile] : NULL;
	const char *since = change_line(doc, v, ch, b->a);
	if (since)
		PUSH(since, ch->verdict_changed ? LFONT_BOLD : LFONT_REGULAR, NULL, LFONT_REGULAR,
		     BODY, report_black, 2);
#undef PUSH
	struct box_style st = { .fill = b->accent_light, .border = b->accent, .padding = 10 };
	layout_box(b->f, p, n, &st);
}

/* ---- why -------------------------------------------------------------------- */

static void S_score_bars(struct rb *b, const struct verdict *v)
{
	struct bar *bars = arena_array(b->a, v->nframeworks, sizeof *bars);
	for (size_t k = 0; k < v->nframeworks; k++) {
		const struct ranked *r = &v->ranking[k];
		bars[k] = (struct bar){ report_fw(b, r->framework), r->score,
		                        arena_printf(b->a, "%s%s", numfmt_score(b->a, r->score),
		                                     r->qualified ? "" : " (disq.)"),
		                        r->qualified ? (k == 0 ? b->accent : report_mix(b->accent, 0.45))
		                                     : (struct lcolor){ 0.7, 0.7, 0.7 } };
	}
	layout_bars(b->f, bars, v->nframeworks, 100, BODY);
}

/* The diverging chart of what each criterion adds to the margin between
 * the first two: the largest contributions each way, largest first. */
static void S_contrib_chart(struct rb *b, const struct verdict *v)
{
	size_t A = v->ranking[0].framework, B = v->ranking[1].framework;
	size_t nc = b->doc->ncriteria;
	size_t *pos = arena_array(b->a, nc, sizeof *pos), *neg = arena_array(b->a, nc, sizeof *neg);
	size_t np = verdict_reasons(v, true, pos, nc), nn = verdict_reasons(v, false, neg, nc);
	if (np + nn == 0) {
		report_para(b, arena_printf(b->a, "No criterion separates %s and %s: their scores "
		            "differ by less than 0.1 points.", report_fw(b, A), report_fw(b, B)),
		            LFONT_REGULAR, BODY, report_black);
		return;
	}
	/* Share the chart's rows between the two sides, the rest summed up. */
	size_t kp = np, kn = nn;
	while (kp + kn > CHART_MAX)
		*(kp > kn ? &kp : &kn) -= 1;
	struct dbar *bars = arena_array(b->a, kp + kn, sizeof *bars);
	double max_abs = 0, rest = 0;
	for (size_t i = 0; i < kp + kn; i++) {
		size_t c = i < kp ? pos[i] : neg[kn - 1 - (i - kp)];
		bars[i] = (struct dbar){ S_criterion(b, c), v->contrib[c], S_signed(b->a, v->contrib[c]) };
		max_abs = fabs(v->contrib[c]) > max_abs ? fabs(v->contrib[c]) : max_abs;
	}
	for (size_t i = kp; i < np; i++)
		rest += v->contrib[pos[i]];
	for (size_t i = kn; i < nn; i++)
		rest += v->contrib[neg[i]];
	struct diverging_style st = {
		.title = arena_printf(b->a, "What each criterion adds to the margin of %s points "
		                      "between %s and %s:", numfmt_points(b->a, v->margin, false),
		                      report_fw(b, A), report_fw(b, B)),
		.title_size = BODY,
		.size = SMALL + 0.5, .pos = b->accent, .neg = S_against,
		.neg_caption = arena_printf(b->a, "\xE2\x86\x90 favours %s", report_fw(b, B)),
		.pos_caption = arena_printf(b->a, "favours %s \xE2\x86\x92", report_fw(b, A)),
	};
	layout_diverging(b->f, bars, kp + kn, max_abs, &st);
	if (kp + kn < np + nn)
		report_note(b, arena_printf(b->a, "%zu more criteria with smaller contributions "
		            "add %s points in all; the table below lists every one.",
		            np + nn - kp - kn, S_signed(b->a, rest)));
}

/* SPEC 6.7: how often each qualified framework comes first when the
 * weights vary within +-50 % and unknown ratings take random values, as
 * bars in the colours of the score chart. */
static void S_accept_chart(struct rb *b, const struct verdict *v)
{
	size_t nq = v->nqualified;
	struct bar *bars = arena_array(b->a, nq, sizeof *bars);
	for (size_t k = 0; k < nq; k++) {
		size_t f = v->ranking[k].framework;
		bars[k] = (struct bar){ report_fw(b, f), 100 * v->acceptability[f],
		                        explain_share(v->acceptability[f], b->a),
		                        k == 0 ? b->accent : report_mix(b->accent, 0.45) };
	}
	struct lrun cap = { arena_printf(b->a, "How often each framework comes first among "
	                                 "%d,%03d weightings, each weight of this team multiplied "
	                                 "by its own random factor between 0.5 and 1.5%s:",
	                                 VERDICT_ACCEPT_SAMPLES / 1000, VERDICT_ACCEPT_SAMPLES % 1000,
	                                 v->accept_unknowns ? " and each unknown rating given a "
	                                 "random value of its scale" : ""), LFONT_REGULAR };
	struct para_style ps = { .size = BODY, .color = report_black };
	/* the caption stays with its chart, which is never split */
	layout_keep(b->f, layout_paragraph_height(b->f, &cap, 1, &ps) + 4 +
	            layout_bars_height(b->f, bars, nq, SMALL + 0.5));
	layout_paragraph(b->f, &cap, 1, &ps);
	layout_gap(b->f, 4);
	layout_bars(b->f, bars, nq, 100, SMALL + 0.5);
	/* a label wrapped on several lines reaches a point or so below its row */
	layout_gap(b->f, 4);
	report_note(b, "A share counts weightings, not chances that a framework is right: "
	            "ties are shared, ratings are taken as given and the requirements as "
	            "fixed.");
}

/* The table of weights and of the points each criterion gives each
 * framework (100 x weight x normalised rating), with the lead of the first
 * over the second; criteria without weight are left out. */
static void S_weights_table(struct rb *b, const struct verdict *v)
{
	const struct doc *doc = b->doc;
	size_t nf = v->nframeworks, key = v->has_margin ? 3 : 2, ncols = key + nf;
	struct lcell *head = arena_array(b->a, ncols, sizeof *head);
	head[0] = report_cell(b, "Criterion", LFONT_BOLD);
	head[1] = report_cell(b, "Weight", LFONT_BOLD);
	if (v->has_margin)
		head[2] = report_cell(b, arena_printf(b->a, "%s lead", explain_possessive(
		                      report_fw(b, v->ranking[0].framework), b->a)), LFONT_BOLD);
	for (size_t k = 0; k < nf; k++)
		head[key + k] = report_cell(b, report_fw(b, v->ranking[k].framework), LFONT_BOLD);
	struct lrow *rows = arena_array(b->a, doc->ncriteria + 1, sizeof *rows);
	size_t nrows = 0, unweighted = 0;
	for (size_t c = 0; c < doc->ncriteria; c++) {
		if (v->weights[c] <= 0) {
			unweighted++;
			continue;
		}
		struct lcell *cells = arena_array(b->a, ncols, sizeof *cells);
		cells[0] = report_cell(b, S_criterion(b, c), LFONT_REGULAR);
		cells[1] = report_cell(b, S_pct(b->a, v->weights[c]), LFONT_REGULAR);
		if (v->has_margin)
			cells[2] = report_cell(b, S_signed(b->a, v->contrib[c]), LFONT_BOLD);
		for (size_t k = 0; k < nf; k++) {
			size_t f = v->ranking[k].framework;
			double pts = 100 * v->weights[c] * b->rs->u[c * doc->nframeworks + f];
			cells[key + k] = report_cell(b, numfmt_score(b->a, pts),
			                             LFONT_REGULAR);
		}
		rows[nrows++] = (struct lrow){ .kind = LROW_NORMAL, .cells = cells };
	}
	struct lcell *total = arena_array(b->a, ncols, sizeof *total);
	total[0] = report_cell(b, "Score", LFONT_BOLD);
	total[1] = report_cell(b, "100 %", LFONT_BOLD);
	if (v->has_margin)
		total[2] = report_cell(b, S_signed(b->a, v->margin), LFONT_BOLD);
	for (size_t k = 0; k < nf; k++)
		total[key + k] = report_cell(b, numfmt_score(b->a, v->ranking[k].score),
		                             LFONT_BOLD);
	for (size_t k = 0; k < ncols; k++)
		total[k].has_bg = true, total[k].bg = b->accent_light;
	rows[nrows++] = (struct lrow){ .kind = LROW_NORMAL, .cells = total };
	report_para(b, "The weight of each criterion for this team and the points it gives "
	            "each framework (weight \xC3\x97 normalised rating \xC3\x97 100); a "
	            "framework's score is the sum of its column.", LFONT_REGULAR, BODY,
	            report_black);
	layout_gap(b->f, 4);
	struct ltable t = report_table(b, ncols, head, rows, nrows);
	report_grouped(b, &t, key, COL_MIN_NUMBERS);
	if (unweighted)
		report_note(b, arena_printf(b->a, "%zu criteri%s no weight for this team and %s "
		            "left out.", unweighted, unweighted == 1 ? "on has" : "a have",
		            unweighted == 1 ? "is" : "are"));
}

void report_why(struct rb *b, const struct verdict *v)
{
	report_h1(b, "Why");
	S_score_bars(b, v);
	layout_gap(b->f, 8);
	const char *why = report_say(b, explain_why(b->doc, v, b->a));
	if (why != NULL) {
		report_para(b, why, LFONT_REGULAR, BODY, report_black);
		layout_gap(b->f, 8);
	}
	if (v->has_margin) {
		S_contrib_chart(b, v);
		layout_gap(b->f, 8);
	}
	if (v->has_acceptability) {
		S_accept_chart(b, v);
		layout_gap(b->f, 8);
	}
	S_weights_table(b, v);
}

/* How many points framework f is behind the first of the ranking. */
static double S_gap(const struct verdict *v, size_t f)
{
	for (size_t k = 0; k < v->nframeworks; k++)
		if (v->ranking[k].framework == f)
			return v->ranking[0].score - v->ranking[k].score;
	return 0;
}

void report_change(struct rb *b, const struct verdict *v)
{
	report_h1(b, "What would change the verdict");
	const char *flip = report_say(b, explain_flip(b->doc, v, b->a));
	if (flip == NULL && v->kind == VERDICT_CLOSE) {
		const char *differ = report_say(b, explain_separators(b->doc, v, b->a));
		const char *needs = report_say(b, explain_close_needs(b->doc, b->rs->u, v, b->a));
		flip = differ && needs ? arena_printf(b->a, "%s %s", differ, needs)
		                       : differ ? differ : needs;
	}
	S_para2(b, "Weights: ", flip ? flip
	        : "No framework qualifies, so no change of weights can produce a winner; only "
	          "a change of requirements or ratings can.", BODY);
	const char *relax = report_say(b, explain_relaxations(b->doc, v, b->a));
	if (relax != NULL) {
		layout_gap(b->f, 3);
		S_para2(b, "Requirements: ", relax, BODY);
	}
	if (v->has_critical) {
		const struct critical *c = &v->critical;
		/* the weights as the sentence above writes them */
		struct numfmt_pair w = numfmt_pct_pair(b->a, c->weight, c->tie_weight);
		layout_gap(b->f, 3);
		S_para2(b, "In figures: ", arena_printf(b->a, "%s weighs %s now and would need %s "
		        "for a tie, a change of %s percentage points; %s is %s points behind.",
		        S_criterion(b, c->criterion), w.from, w.to, w.change,
		        report_fw(b, c->challenger),
		        numfmt_points(b->a, S_gap(v, c->challenger), false)), BODY);
	}
	const char *rating = report_say(b, explain_rating_flip(b->doc, v, b->a));
	if (rating != NULL) {
		layout_gap(b->f, 3);
		S_para2(b, "Ratings: ", rating, BODY);
	}
	const char *unknown = report_say(b, explain_unknowns(b->doc, v, b->a));
	if (unknown != NULL) {
		layout_gap(b->f, 3);
		S_para2(b, "Unknown ratings: ", unknown, BODY);
	}
	if (v->kind == VERDICT_CLOSE)
		report_note(b, "Each weight is raised alone, the others rescaled in proportion; "
		            "the change named is the smallest that does it. A close call has no "
		            "winner until one leads by the close-call threshold.");
	if (v->kind == VERDICT_WINNER)
		report_note(b, arena_printf(b->a, "Each weight is changed alone, the others "
		            "rescaled in proportion; %s Robust means at least %s percentage points, "
		            "fragile under %s. A rating change moves one rating one level up or "
		            "down its scale.", v->has_critical
		            ? "the criterion named needs the smallest change to produce a tie."
		            : "criteria on which two frameworks are rated the same are left out, "
		              "since weighing them more can never make the two draw level.",
		            numfmt_trimmed(b->a, VERDICT_ROBUST_PP, 2),
		            numfmt_trimmed(b->a, VERDICT_FRAGILE_PP, 2)));
}

/* ---- what changed since the baseline (SPEC 6.5) ------------------------------ */

void report_since(struct rb *b, const struct verdict *v)
{
	const struct change *ch = b->rs->changes ? b->rs->changes[b->profile] : NULL;
	if (ch == NULL || ch->is_new)
		return;
	const struct doc *doc = b->doc;
	report_h1(b, arena_printf(b->a, "What changed since %s", change_date(ch->since, b->a)));
	report_para(b, change_line(doc, v, ch, b->a), LFONT_REGULAR, BODY, report_black);
	if (ch->ncauses == 0) {
		layout_gap(b->f, 3);
		report_para(b, "No rating, weight, framework or requirement that this team's verdict "
		            "rests on has changed.", LFONT_REGULAR, BODY, report_black);
		return;
	}
	if (v->has_margin) {
		layout_gap(b->f, 3);
		report_note(b, arena_printf(b->a, "Each change's effect is its share, in points, of "
		            "the change of the gap between %s and %s (now first and second); "
		            "weight moves under half a percentage point are not listed.",
		            report_fw(b, v->ranking[0].framework),
		            report_fw(b, v->ranking[1].framework)));
	}
	for (size_t i = 0; i < ch->ncauses; i++) {
		const struct change_cause *c = &ch->causes[i];
		const char *t = change_cause_text(doc, c, b->a);
		if (c->has_effect)
			t = arena_printf(b->a, "%s (%s points)", t, numfmt_points(b->a, c->effect, true));
		layout_gap(b->f, 2);
		report_para(b, arena_printf(b->a, "\xE2\x80\xA2 %s.", t), LFONT_REGULAR, BODY,
		            report_black);
	}
}

void report_changed_teams(struct rb *b)
{
	const struct report_set *rs = b->rs;
	if (rs->changes == NULL)
		return;
	const char *since = NULL, *list = NULL;
	size_t n = 0;
	for (size_t p = 0; p < b->doc->nprofiles; p++) {
		const struct change *ch = rs->changes[p];
		if (ch == NULL || ch->is_new)
			continue;
		since = ch->since;
		if (!ch->verdict_changed)
			continue;
		const char *name = b->doc->profiles[p].name ? b->doc->profiles[p].name
		                                            : b->doc->profiles[p].id;
		list = list ? arena_printf(b->a, "%s, %s", list, name) : name;
		n++;
	}
	if (since == NULL)
		return;
	const char *date = change_date(since, b->a);
	report_para(b, n ? arena_printf(b->a, "Changed since %s: the verdict for %s (%zu of %zu "
	                                "teams).", date, list, n, b->doc->nprofiles)
	                 : arena_printf(b->a, "No team's verdict has changed since %s.", date),
	            LFONT_BOLD, BODY, report_black);
	layout_gap(b->f, 6);
}
