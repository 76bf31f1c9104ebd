/* rank.c - ranking and the verdict kind: the order of the frameworks,
 * the margin, winner, close call or none, and the leaders.  The main
 * verdict and every what-if go through vd_classify() (verdict.c says
 * why).
 *
 * A helper of verdict.c and whatif.c; it calls none of them back. */
#include "verdict_int.h"

#include <math.h>

/* Stable insertion: a goes before b when its group is better, or its score
 * is higher by more than VERDICT_SCORE_EPS; otherwise declaration order. */
static bool S_before(const struct ranked *a, const struct ranked *b)
{
	if (a->qualified != b->qualified)
		return a->qualified;
	return a->score > b->score + VERDICT_SCORE_EPS;
}

static void S_rank(struct ranked *r, size_t n)
{
	for (size_t i = 1; i < n; i++) {
		struct ranked x = r[i];
		size_t j = i;
		while (j > 0 && S_before(&x, &r[j - 1])) {
			r[j] = r[j - 1];
			j--;
		}
		r[j] = x;
	}
}

/* Ranks v->ranking (scores and qualified set, in declaration order) and
 * sets nqualified, the margin, the kind and the leaders (room for every
 * framework).  The main verdict and every what-if go through here. */
void vd_classify(struct verdict *v, double close_call)
{
	size_t nf = v->nframeworks;
	v->nqualified = 0;
	for (size_t f = 0; f < nf; f++)
		v->nqualified += v->ranking[f].qualified;
	S_rank(v->ranking, nf);
	v->has_margin = v->nqualified >= 2;
	/* Scores within VERDICT_SCORE_EPS keep declaration order, so the
	 * difference can be a hair below 0: that is a tie. */
	v->margin = v->has_margin ? fmax(0, v->ranking[0].score - v->ranking[1].score) : 0;
	v->nleaders = 0;
	/* Margins within VERDICT_SCORE_EPS of the threshold count as reaching
	 * it, as scores that close count as equal; so do the leaders' gaps. */
	if (v->nqualified == 0) {
		v->kind = VERDICT_NONE;
	} else if (v->nqualified == 1 || v->margin >= close_call - VERDICT_SCORE_EPS) {
		v->kind = VERDICT_WINNER;
		v->leaders[v->nleaders++] = v->ranking[0].framework;
	} else {
		v->kind = VERDICT_CLOSE;
		for (size_t k = 0; k < v->nqualified; k++)
			if (v->ranking[0].score - v->ranking[k].score < close_call - VERDICT_SCORE_EPS)
				v->leaders[v->nleaders++] = v->ranking[k].framework;
	}
}

size_t verdict_winner(const struct verdict *v)
{
	return v->kind == VERDICT_WINNER ? v->ranking[0].framework : MODEL_NO_INDEX;
}
