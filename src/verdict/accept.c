/* accept.c - acceptability (SPEC 6.7): the xoshiro256** generator
 * (verdict_rng_*) and the sampling of weights and unknown ratings.
 * verdict.h says why it draws the same numbers everywhere. */
#include "verdict_int.h"

#include <math.h>
#include <stdint.h>

#include "arena.h"

static uint64_t S_rotl(uint64_t x, int k)
{
	return (x << k) | (x >> (64 - k));
}

void verdict_rng_seed(struct verdict_rng *r, uint64_t seed)
{
	/* splitmix64 spreads any seed, 0 included, over the four words, as
	 * xoshiro's authors advise (a state of all zeros would stay zero) */
	for (int i = 0; i < 4; i++) {
		uint64_t z = (seed += UINT64_C(0x9e3779b97f4a7c15));
		z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
		z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
		r->s[i] = z ^ (z >> 31);
	}
}

/* xoshiro256** 1.0, as published at https://prng.di.unimi.it/ */
uint64_t verdict_rng_next(struct verdict_rng *r)
{
	uint64_t *s = r->s;
	uint64_t out = S_rotl(s[1] * 5, 7) * 9, t = s[1] << 17;
	s[2] ^= s[0];
	s[3] ^= s[1];
	s[1] ^= s[2];
	s[0] ^= s[3];
	s[2] ^= t;
	s[3] = S_rotl(s[3], 45);
	return out;
}

double verdict_rng_unit(struct verdict_rng *r)
{
	/* a 53-bit integer converts exactly and 2^-53 scales it exactly */
	return (double)(verdict_rng_next(r) >> 11) * 0x1.0p-53;
}

size_t verdict_rng_below(struct verdict_rng *r, size_t n)
{
	return (size_t)(((verdict_rng_next(r) >> 32) * (uint64_t)n) >> 32);
}

/* An unknown rating to draw in every sample: the k-th qualified
 * framework's on the i-th weighted criterion, whose scale is s. */
struct accept_cell {
	size_t k, i;
	const struct scale *s;
};

/* One profile's sampling, reduced to its weighted criteria c_i and its
 * qualified frameworks f_k (ranking order).  With factors x_i, SPEC 6.7's
 * renormalised weights are x_i W_i / sum_j x_j W_j, so a sample scores
 *     score(f_k) = 100 sum_i x_i p[k][i] / sum_i x_i W_i,  p[k][i] = W_i u(f_k, c_i):
 * p is worked out once, and a sample costs one pass over it plus a draw
 * for each factor and each unknown cell. */
struct accept {
	size_t m, nq;
	double *w;                  /* [m] W_i */
	double *p;                  /* [nq * m], p[k m + i]; 0 where unknown */
	struct accept_cell *cells;
	size_t ncells;
	double *x;                  /* [m] this sample's factors */
	double *score;              /* [nq] this sample's scores */
	uint64_t *wins;             /* [nq * nq]: wins[k nq + t - 1] counts the
	                               samples in which f_k shared first place
	                               with t - 1 others */
};

static void S_accept_init(const struct doc *doc, const double *u, const struct verdict *v,
                          struct accept *ac, struct arena *tmp)
{
	size_t nf = doc->nframeworks, nc = doc->ncriteria, nq = v->nqualified, m = 0;
	size_t *crit = arena_array(tmp, nc ? nc : 1, sizeof *crit);
	for (size_t c = 0; c < nc; c++)
		if (v->weights[c] > 0)
			crit[m++] = c;
	*ac = (struct accept){ .m = m, .nq = nq };
	ac->w = arena_array(tmp, m ? m : 1, sizeof *ac->w);
	ac->p = arena_array(tmp, nq * (m ? m : 1), sizeof *ac->p);
	ac->cells = arena_array(tmp, nq * (m ? m : 1), sizeof *ac->cells);
	ac->x = arena_array(tmp, m ? m : 1, sizeof *ac->x);
	ac->score = arena_array(tmp, nq, sizeof *ac->score);
	ac->wins = arena_array(tmp, nq * nq, sizeof *ac->wins);
	for (size_t i = 0; i < m; i++) {
		size_t c = crit[i];
		ac->w[i] = v->weights[c];
		for (size_t k = 0; k < nq; k++) {
			size_t f = v->ranking[k].framework;
			if (model_rating(doc, c, f)->unknown)
				ac->cells[ac->ncells++] = (struct accept_cell){
					k, i, &doc->scales[doc->criteria[c].scale_ix] };
			else
				ac->p[k * m + i] = ac->w[i] * u[c * nf + f];
		}
	}
}

/* u of a rating drawn uniformly over scale s: a level with equal
 * probability (normalised as verdict_normalise() does), or a value
 * uniform in [min, max), whose u is uniform in [0, 1) whichever way
 * the scale is better. */
static double S_draw_u(const struct scale *s, struct verdict_rng *rng)
{
	if (s->kind != SCALE_ORDINAL)
		return verdict_rng_unit(rng);
	size_t l = verdict_rng_below(rng, s->nlevels);
	return (s->levels[l].score - s->min) / (s->max - s->min);
}

/* Draws one sample and counts who comes first.  Draw order, fixed: the
 * factors in criterion order, then the unknown cells (criterion, then
 * ranking order). */
static void S_accept_sample(struct accept *ac, struct verdict_rng *rng)
{
	/* restrict: the sums below stay out of memory (every access to these
	 * arrays in here goes through these names) */
	double *restrict x = ac->x, *restrict score = ac->score;
	const double *restrict w = ac->w;
	size_t m = ac->m, nq = ac->nq, tied = 0;
	double total = 0, best = -INFINITY;
	for (size_t i = 0; i < m; i++) {
		x[i] = VERDICT_ACCEPT_LOW + verdict_rng_unit(rng);
		total += x[i] * w[i];
	}
	/* each score a sum in criterion order, kept in a register: summed
	 * through memory, a chain of stores and loads took most of the time */
	for (size_t k = 0; k < nq; k++) {
		const double *restrict p = &ac->p[k * m];
		double sum = 0;
		for (size_t i = 0; i < m; i++)
			sum += x[i] * p[i];
		score[k] = sum;
	}
	for (size_t j = 0; j < ac->ncells; j++) {
		const struct accept_cell *cl = &ac->cells[j];
		score[cl->k] += x[cl->i] * w[cl->i] * S_draw_u(cl->s, rng);
	}
	for (size_t k = 0; k < nq; k++) {
		score[k] = total > 0 ? 100 * score[k] / total : 0;
		best = score[k] > best ? score[k] : best;
	}
	/* scores within VERDICT_SCORE_EPS count as equal, as in the ranking */
	for (size_t k = 0; k < nq; k++)
		tied += score[k] >= best - VERDICT_SCORE_EPS;
	for (size_t k = 0; k < nq; k++)
		if (score[k] >= best - VERDICT_SCORE_EPS)
			ac->wins[k * nq + tied - 1]++;
}

/* SPEC 6.7: the share of VERDICT_ACCEPT_SAMPLES samples in which each
 * qualified framework comes first, a t-way tie counting 1/t to each. */
void vd_acceptability(const struct doc *doc, const double *u, struct verdict *v,
                      struct arena *a)
{
	if (v->nqualified < 2)
		return;
	struct arena *tmp = arena_new();
	struct accept ac;
	S_accept_init(doc, u, v, &ac, tmp);
	struct verdict_rng rng;
	verdict_rng_seed(&rng, VERDICT_ACCEPT_SEED);
	for (size_t n = 0; n < VERDICT_ACCEPT_SAMPLES; n++)
		S_accept_sample(&ac, &rng);
	v->has_acceptability = true;
	v->accept_unknowns = ac.ncells;
	v->acceptability = arena_array(a, doc->nframeworks, sizeof *v->acceptability);
	for (size_t k = 0; k < ac.nq; k++) {
		/* one division per tie size: a share every sample ties in is
		 * exactly 1/t */
		double share = 0;
		for (size_t t = 1; t <= ac.nq; t++)
			share += (double)ac.wins[k * ac.nq + t - 1] / ((double)t * VERDICT_ACCEPT_SAMPLES);
		v->acceptability[v->ranking[k].framework] = share;
	}
	arena_free(tmp);
}
