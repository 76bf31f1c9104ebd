/* test_explain.c - the sentences of src/explain.c on documents loaded and
 * checked as the tool does.  Every number in a sentence is worked out in
 * the comment above it; numbers print rounded half away from zero. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <locale.h>
#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "check.h"
#include "diag.h"
#include "explain.h"
#include "load.h"
#include "model.h"
#include "patterns.h"
#include "testutil.h"
#include "verdict.h"

#define MINUS "\xE2\x88\x92"

struct fixture {
	struct diags d;
	struct patterns *pat;
	struct doc *doc;
	struct arena *a;
	const double *u;
};

static int S_setup(void **state)
{
	struct fixture *fx = calloc(1, sizeof *fx);
	if (fx == NULL)
		return -1;
	diags_init(&fx->d);
	fx->pat = patterns_new();
	fx->a = arena_new();
	*state = fx;
	return fx->pat ? 0 : -1;
}

static int S_teardown(void **state)
{
	struct fixture *fx = *state;
	model_free(fx->doc);
	patterns_free(fx->pat);
	arena_free(fx->a);
	diags_free(&fx->d);
	free(fx);
	return 0;
}

#define LOAD(fx, xml) S_load((fx), (xml), sizeof(xml) - 1)

static void S_load(struct fixture *fx, const char *xml, size_t len)
{
	fx->doc = load_memory(xml, len, "test.xml", NULL, &fx->d);
	assert_non_null(fx->doc);
	bool ok = check_doc(fx->doc, fx->pat, &fx->d);
	TU_ASSERT_NO_ERRORS(&fx->d);
	assert_true(ok);
	fx->u = verdict_normalise(fx->doc, fx->a);
}

static const struct verdict *S_scen(struct fixture *fx, const char *id, double close_call)
{
	size_t s = model_scenario_ix(fx->doc, id);
	assert_true(s != MODEL_NO_INDEX);
	return verdict_scenario(fx->doc, fx->u, s, close_call, fx->a);
}

static const struct verdict *S_prof(struct fixture *fx, const char *id, double close_call)
{
	for (size_t p = 0; p < fx->doc->nprofiles; p++)
		if (strcmp(fx->doc->profiles[p].id, id) == 0)
			return verdict_profile(fx->doc, fx->u, p, close_call, fx->a);
	fail_msg("no profile %s", id);
	return NULL;
}

/* ---------------------------------------------------------------------- */
/* Doc S: two frameworks on numeric criteria, for the sensitivity sentence.
 * eight: 0..8, u = v/8.
 *                  Alpha  Beta   u(Alpha) u(Beta)
 *   p  Portability   8     5      1        0.625
 *   q  Quality       0     5      0        0.625
 *   q2 Quality 2     0     5      0        0.625
 *   p2 Portability 2 8     5      1        0.625
 *   g1 GPU           8     8      1        1
 *   h1 Hiring        8     0      1        0
 *   h2 Hosting       8     0      1        0
 *   g2 Graphs        8     8      1        1
 *   c  Cost          0     8      0        1
 *   r  Reach         8     6.4    1        0.8 */
#define CRIT(id, name, a, b)                                                       \
	"<criterion id=\"" id "\" scale=\"eight\"><name>" name "</name>"           \
	"<rating framework=\"a\" value=\"" a "\"/><rating framework=\"b\" value=\"" b "\"/>" \
	"</criterion>\n"
#define SCEN2(id, name, c1, w1, c2, w2)                                            \
	"<scenario id=\"" id "\"><name>" name "</name>"                            \
	"<weight criterion=\"" c1 "\" value=\"" w1 "\"/>"                          \
	"<weight criterion=\"" c2 "\" value=\"" w2 "\"/></scenario>\n"

static const char DOC_S[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	"<comparison id=\"s\" format=\"1\"><title>S</title>\n"
	"<scales><scale id=\"eight\" min=\"0\" max=\"8\"/></scales>\n"
	"<frameworks><framework id=\"a\"><name>Alpha</name></framework>"
	"<framework id=\"b\"><name>Beta</name></framework></frameworks>\n"
	"<criteria>\n"
	CRIT("p", "Portability", "8", "5") CRIT("q", "Quality", "0", "5")
	CRIT("q2", "Quality 2", "0", "5") CRIT("p2", "Portability 2", "8", "5")
	CRIT("g1", "GPU", "8", "8") CRIT("h1", "Hiring", "8", "0")
	CRIT("h2", "Hosting", "8", "0") CRIT("g2", "Graphs", "8", "8")
	CRIT("c", "Cost", "0", "8") CRIT("r", "Reach", "8", "6.4")
	"</criteria>\n<scenarios>\n"
	SCEN2("fell", "Fell", "p", "3", "q", "1")
	SCEN2("rose", "Rose", "p2", "3", "q2", "1")
	SCEN2("all", "All", "g1", "9", "h1", "1")
	SCEN2("out", "Out", "h2", "1", "g2", "9")
	SCEN2("robust", "Robust", "h1", "1", "h2", "1")
	SCEN2("tiny", "Tiny", "c", "166", "r", "834")
	SCEN2("small", "Small", "h2", "1", "g2", "1999")
	"<scenario id=\"same\"><name>Same</name><weight criterion=\"g1\" value=\"14\"/>"
	"<weight criterion=\"h1\" value=\"1\"/><weight criterion=\"h2\" value=\"1\"/></scenario>\n"
	"<scenario id=\"even\"><name>Even</name><weight criterion=\"g1\" value=\"1\"/></scenario>\n"
	"</scenarios>\n"
	"<profiles><profile id=\"team\"><name>The team</name><use scenario=\"fell\"/></profile>"
	"</profiles>\n"
	"</comparison>\n";

static void test_flip_fell_and_rose(void **state)
{
	struct fixture *fx = *state;
	LOAD(fx, DOC_S);
	/* fell: W p 0.75, q 0.25; Alpha 75, Beta 62.5 (margin 12.5).
	 * D = 0.125.  p: Delta 0.375, R = (0.125 - 0.28125)/0.25 = -0.625,
	 * x = 0.625, |x - W| = 0.125.  q: Delta -0.625, R = 0.375, x = 0.375,
	 * |x - W| = 0.125.  A tie: p, declared first.  75 % to 62.5 % (shown
	 * 63 %), 12.5 points: moderate; the sentence says 12, the difference of
	 * the two numbers it prints. */
	const struct verdict *v = S_scen(fx, "fell", 2.0);
	assert_string_equal(explain_flip(fx->doc, v, fx->a),
	                    "Beta would draw level if the weight of Portability fell from 75 % "
	                    "to 63 % (12 percentage points), so the verdict is moderate.");
	assert_string_equal(explain_recommendation(fx->doc, v, fx->a),
	                    "Choose Alpha for Fell: it scores 75.0 out of 100, 12.5 points "
	                    "ahead of Beta.");
	/* the profile using fell alone says the same for the team */
	v = S_prof(fx, "team", 2.0);
	assert_string_equal(explain_recommendation(fx->doc, v, fx->a),
	                    "Choose Alpha: for The team it scores 75.0 out of 100, 12.5 points "
	                    "ahead of Beta.");
	/* rose: the same numbers with q2 declared before p2: q2 at 25 % would
	 * have to rise to 37.5 % (shown 38 %) */
	v = S_scen(fx, "rose", 2.0);
	assert_string_equal(explain_flip(fx->doc, v, fx->a),
	                    "Beta would draw level if the weight of Quality 2 rose from 25 % "
	                    "to 38 % (13 percentage points), so the verdict is moderate.");
}

static void test_flip_edge_cases(void **state)
{
	struct fixture *fx = *state;
	LOAD(fx, DOC_S);
	/* all: W g1 0.9, h1 0.1; Alpha 100, Beta 90.  g1: Delta 0, skipped
	 * (SPEC 6.1; it would give x = 1, |x - W| = 0.1, and come first in
	 * declaration order); h1: R = 0, x = 0, |x - W| = 0.1.  10 points:
	 * moderate. */
	const struct verdict *v = S_scen(fx, "all", 2.0);
	assert_string_equal(explain_flip(fx->doc, v, fx->a),
	                    "Beta would draw level if Hiring were left out altogether (its "
	                    "weight falling from 10 % to 0 %, 10 percentage points), so the "
	                    "verdict is moderate.");
	/* out: the same with the leading criterion (h2) declared first: x = 0 */
	v = S_scen(fx, "out", 2.0);
	assert_string_equal(explain_flip(fx->doc, v, fx->a),
	                    "Beta would draw level if Hosting were left out altogether (its "
	                    "weight falling from 10 % to 0 %, 10 percentage points), so the "
	                    "verdict is moderate.");
	/* robust: Alpha leads on both; for each, R = (1 - 0.5)/0.5 = 1 =
	 * Delta: no tie weight at all */
	v = S_scen(fx, "robust", 2.0);
	assert_false(v->has_critical);
	assert_string_equal(explain_flip(fx->doc, v, fx->a),
	                    "No single weight change makes Beta draw level.");
	/* same: W g1 0.875 (Delta 0), h1 and h2 0.0625 each (Delta 1);
	 * Alpha 100, Beta 87.5.  g1 is skipped (SPEC 6.1: before, x = 1 and
	 * 12.5 points, moderate); h1 and h2: R = (0.125 - 0.0625)/0.9375 =
	 * 1/15 > 0, x = R/(R - 1) < 0.  No pair is left: robust. */
	v = S_scen(fx, "same", 2.0);
	assert_false(v->has_critical);
	assert_int_equal(v->stability, STABILITY_ROBUST);
	assert_string_equal(explain_flip(fx->doc, v, fx->a),
	                    "No single weight change makes Beta draw level.");
	/* tiny: W c 0.166, r 0.834.  Alpha 100 (0.834) = 83.4, Beta 100
	 * (0.166 + 0.834*0.8) = 83.32: margin 0.08, a winner at threshold 0.
	 * c: Delta -1, R = (0.0008 + 0.166)/0.834 = 0.2, x = 0.2/1.2 = 1/6;
	 * r gives the same point; c first.  16.6 % and 16.67 % both show as
	 * 17 %, so one decimal: 16.6 % to 16.7 %; 0.067 points: fragile. */
	v = S_scen(fx, "tiny", 0.0);
	assert_int_equal(v->stability, STABILITY_FRAGILE);
	assert_string_equal(explain_flip(fx->doc, v, fx->a),
	                    "Beta would draw level if the weight of Cost rose from 16.6 % to "
	                    "16.7 % (0.1 percentage points), so the verdict is fragile.");
	/* a margin under 0.095 points shows two decimals */
	assert_string_equal(explain_recommendation(fx->doc, v, fx->a),
	                    "Choose Alpha for Tiny: it scores 83.4 out of 100, 0.08 points ahead "
	                    "of Beta.");
	/* small: W h2 1/2000 = 0.0005, g2 0.9995.  Alpha 100, Beta 99.95:
	 * margin 0.05, shown with two decimals as one would read 0.1.  h2:
	 * x = 0 (R = 0), |x - W| = 0.0005; g2: x = 1, the same gap: h2 first.
	 * 0.05 % has two decimals (under 0.1 %), so has the change. */
	v = S_scen(fx, "small", 0.0);
	assert_string_equal(explain_recommendation(fx->doc, v, fx->a),
	                    "Choose Alpha for Small: it scores 100.0 out of 100, 0.05 points "
	                    "ahead of Beta.");
	assert_string_equal(explain_flip(fx->doc, v, fx->a),
	                    "Beta would draw level if Hosting were left out altogether (its "
	                    "weight falling from 0.05 % to 0 %, 0.05 percentage points), so the "
	                    "verdict is fragile.");
	assert_string_equal(explain_why(fx->doc, v, fx->a),
	                    "Alpha's lead over Beta comes from Hosting (+0.05 points). Beta is not "
	                    "ahead of Alpha on any criterion that counts here.");
	/* even: W g1 1: both 100; a winner at threshold 0 by declaration
	 * order alone */
	v = S_scen(fx, "even", 0.0);
	assert_int_equal(v->kind, VERDICT_WINNER);
	assert_string_equal(explain_recommendation(fx->doc, v, fx->a),
	                    "Choose Alpha for Even: it ties with Beta at 100.0 out of 100 and "
	                    "comes first in the order of listing.");
	assert_string_equal(explain_flip(fx->doc, v, fx->a),
	                    "Alpha is level with Beta on points, so the slightest change in "
	                    "Beta's favour would overturn the verdict.");
	assert_string_equal(explain_reasons_against(fx->doc, v, 3, fx->a),
	                    "Beta is not ahead of Alpha on any criterion that counts here.");
	assert_null(explain_reasons_for(fx->doc, v, 3, fx->a));
	/* numeric criteria only: no rating can move by a level */
	assert_string_equal(explain_rating_flip(fx->doc, v, fx->a),
	                    "No change of a single rating by one level would change the verdict.");
}

/* ---------------------------------------------------------------------- */
/* Doc C: three frameworks, ordinal and numeric criteria, requires,
 * excludes and an unknown rating.
 * q: limited 1, fair 2, good 3, great 4, excellent 5: u = (score - 1)/4
 * ms: 0..200, lower is better: u = (200 - v)/200
 *                                  PyTorch       TensorFlow    JAX
 *   debug  Debugging               excellent 1   fair .25      good .5
 *   mobile Mobile Deployment       limited 0     excellent 1   fair .25
 *   graph  Computational Graph     excellent 1   good .5       great .75
 *   lat    Latency (ms)            40 .8         60 .7         unknown 0
 *   docs   Documentation           good .5       great .75     good .5 */
#define RATE3(pt, tf, jx)                                                          \
	"<rating framework=\"pt\" " pt "/><rating framework=\"tf\" " tf "/>"       \
	"<rating framework=\"jx\" " jx "/>"

static const char DOC_C[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	"<comparison id=\"c\" format=\"1\"><title>C</title>\n"
	"<scales><scale id=\"q\"><level id=\"limited\" score=\"1\" label=\"Limited\"/>"
	"<level id=\"fair\" score=\"2\" label=\"Fair\"/><level id=\"good\" score=\"3\" label=\"Good\"/>"
	"<level id=\"great\" score=\"4\" label=\"Great\"/>"
	"<level id=\"excellent\" score=\"5\" label=\"Excellent\"/></scale>\n"
	"<scale id=\"ms\" min=\"0\" max=\"200\" better=\"lower\" unit=\"ms\"/></scales>\n"
	"<frameworks><framework id=\"pt\"><name>PyTorch</name></framework>"
	"<framework id=\"tf\"><name>TensorFlow</name></framework>"
	"<framework id=\"jx\"><name>JAX</name></framework></frameworks>\n"
	"<criteria>\n"
	"<criterion id=\"debug\" scale=\"q\"><name>Debugging</name>"
	RATE3("level=\"excellent\"", "level=\"fair\"", "level=\"good\"") "</criterion>\n"
	"<criterion id=\"mobile\" scale=\"q\"><name>Mobile Deployment</name>"
	RATE3("level=\"limited\"", "level=\"excellent\"", "level=\"fair\"") "</criterion>\n"
	"<criterion id=\"graph\" scale=\"q\"><name>Computational Graph</name>"
	RATE3("level=\"excellent\"", "level=\"good\"", "level=\"great\"") "</criterion>\n"
	"<criterion id=\"lat\" scale=\"ms\"><name>Latency</name>"
	RATE3("value=\"40\"", "value=\"60\"", "value=\"unknown\"") "</criterion>\n"
	"<criterion id=\"docs\" scale=\"q\"><name>Documentation</name>"
	RATE3("level=\"good\"", "level=\"great\"", "level=\"good\"") "</criterion>\n"
	"</criteria>\n<scenarios>\n"
	"<scenario id=\"research\"><name>Research</name><weight criterion=\"debug\" value=\"2\"/>"
	"<weight criterion=\"graph\" value=\"1\"/><weight criterion=\"docs\" value=\"1\"/></scenario>\n"
	"<scenario id=\"mobile\"><name>Mobile</name><weight criterion=\"mobile\" value=\"3\"/>"
	"<weight criterion=\"lat\" value=\"1\"/><require criterion=\"lat\" max=\"100\"/></scenario>\n"
	"<scenario id=\"close\"><name>Close</name><weight criterion=\"docs\" value=\"1\"/>"
	"<weight criterion=\"graph\" value=\"1\"/></scenario>\n"
	"<scenario id=\"lead\"><name>Lead</name><weight criterion=\"debug\" value=\"1\"/>"
	"<weight criterion=\"graph\" value=\"1\"/></scenario>\n"
	"<scenario id=\"q-flip\"><name>Q</name><weight criterion=\"graph\" value=\"1\"/>"
	"<weight criterion=\"debug\" value=\"1\"/><require criterion=\"docs\" min=\"good\"/></scenario>\n"
	"</scenarios>\n<profiles>\n"
	"<profile id=\"p-only\"><name>Mobile team</name><use scenario=\"mobile\"/>"
	"<exclude framework=\"tf\" reason=\"No Google contract\"/></profile>\n"
	"<profile id=\"p-none\"><name>Nobody</name><use scenario=\"mobile\"/>"
	"<exclude framework=\"pt\"/><exclude framework=\"tf\"/></profile>\n"
	"<profile id=\"latency\" own-share=\"3\"><name>Latency team</name>"
	"<use scenario=\"research\"/><weight criterion=\"lat\" value=\"1\"/></profile>\n"
	"</profiles>\n"
	"</comparison>\n";

static void test_winner_why(void **state)
{
	struct fixture *fx = *state;
	LOAD(fx, DOC_C);
	/* latency: S = 1 + own-share 3 = 4; research (debug 1/2, graph 1/4,
	 * docs 1/4) at 1/4, lat at 3/4:
	 * W debug 0.125, graph 0.0625, docs 0.0625, lat 0.75.
	 * PyTorch    100 (0.125 + 0.0625 + 0.03125 + 0.6)        = 81.875
	 * TensorFlow 100 (0.03125 + 0.03125 + 0.046875 + 0.525)  = 63.4375
	 * JAX        100 (0.0625 + 0.046875 + 0.03125 + 0)       = 14.0625
	 * margin 18.4375 (81.9 and 18.4 shown).
	 * Contributions, PyTorch vs TensorFlow: debug 100*0.125*0.75 = 9.375,
	 * graph 100*0.0625*0.5 = 3.125, lat 100*0.75*0.1 = 7.5,
	 * docs 100*0.0625*(-0.25) = -1.5625 (sum 18.4375). */
	const struct verdict *v = S_prof(fx, "latency", 2.0);
	assert_string_equal(explain_recommendation(fx->doc, v, fx->a),
	                    "Choose PyTorch: for Latency team it scores 81.9 out of 100, 18.4 "
	                    "points ahead of TensorFlow.");
	assert_string_equal(explain_short(fx->doc, v, fx->a), "PyTorch, by 18.4 points");
	assert_string_equal(explain_reasons_for(fx->doc, v, 3, fx->a),
	                    "PyTorch's lead over TensorFlow comes from Debugging (+9.4 points), "
	                    "Latency (+7.5) and Computational Graph (+3.1).");
	assert_string_equal(explain_reasons_for(fx->doc, v, 2, fx->a),
	                    "PyTorch's lead over TensorFlow comes mainly from Debugging (+9.4 "
	                    "points) and Latency (+7.5).");
	assert_null(explain_reasons_for(fx->doc, v, 0, fx->a));
	assert_string_equal(explain_reasons_against(fx->doc, v, 3, fx->a),
	                    "TensorFlow does better on Documentation (" MINUS "1.6 points).");
	assert_string_equal(explain_why(fx->doc, v, fx->a),
	                    "PyTorch's lead over TensorFlow comes from Debugging (+9.4 points), "
	                    "Latency (+7.5) and Computational Graph (+3.1). TensorFlow does "
	                    "better on Documentation (" MINUS "1.6 points).");
	/* Sensitivity: the critical pair is (docs, TensorFlow): D = 0.184375,
	 * R = (D + 0.0625*0.25)/0.9375 = 16/75, x = (16/75)/(16/75 + 1/4) =
	 * 64/139 = 0.4604; 6.25 % (shown 6.3 %) to 46 %, 39.8 points: robust
	 * (printed 39.7, the difference of 46 and 6.3).
	 * (Every other pair has x* outside [0, 1] or further; JAX's docs,
	 * Delta 0, is no pair at all: SPEC 6.1.) */
	assert_string_equal(explain_flip(fx->doc, v, fx->a),
	                    "TensorFlow would draw level if the weight of Documentation rose "
	                    "from 6.3 % to 46 % (39.7 percentage points), so the verdict is robust.");
	/* One level is 0.25 of u: 3.125 points on debug, 1.5625 on graph and
	 * docs; the margin is 18.4: no single step flips it. */
	assert_string_equal(explain_rating_flip(fx->doc, v, fx->a),
	                    "No change of a single rating by one level would change the verdict.");
	/* JAX's latency (W 0.75) is unknown.  At its best JAX scores
	 * 14.0625 + 75 = 89.0625 > 81.875: JAX would win. */
	assert_string_equal(explain_unknowns(fx->doc, v, fx->a),
	                    "1 rating that counts here is unknown (JAX's Latency) and scored as the worst "
	                    "possible, so the verdict depends on it: if it turned out as badly "
	                    "as possible for PyTorch, JAX would win.");
	assert_null(explain_disqualified(fx->doc, v, fx->a));
}

static void test_rating_flips(void **state)
{
	struct fixture *fx = *state;
	LOAD(fx, DOC_C);
	/* research: W debug 0.5, graph 0.25, docs 0.25.
	 * PyTorch 100 (0.5 + 0.25 + 0.125) = 87.5; TensorFlow 100 (0.125 +
	 * 0.125 + 0.1875) = 43.75; JAX 100 (0.25 + 0.1875 + 0.125) = 56.25.
	 * Threshold 30: PyTorch wins by 31.25.  One level: 12.5 points on
	 * debug, 6.25 on graph and docs; any 6.25 step for PyTorch or JAX
	 * leaves 25 < 30, a close call.  First: graph (declared before docs),
	 * PyTorch (ranked first), down: Excellent to Great. */
	const struct verdict *v = S_scen(fx, "research", 30.0);
	assert_string_equal(explain_rating_flip(fx->doc, v, fx->a),
	                    "The smallest rating change that alters the verdict: if PyTorch's "
	                    "Computational Graph were “Great” instead of “Excellent” (" MINUS "6.3 "
	                    "points), it would be too close to call.");
	/* q-flip: W graph 0.5, debug 0.5, docs >= good required.
	 * PyTorch 100 (0.5 + 0.5) = 100, JAX 100 (0.375 + 0.25) = 62.5,
	 * TensorFlow 100 (0.25 + 0.125) = 37.5.  PyTorch's docs one level
	 * down (Good to Fair) fails the require: a change of 0 points, the
	 * smallest possible; JAX then wins. */
	v = S_scen(fx, "q-flip", 2.0);
	assert_string_equal(explain_rating_flip(fx->doc, v, fx->a),
	                    "The smallest rating change that alters the verdict: if PyTorch's "
	                    "Documentation were “Fair” instead of “Good”, PyTorch would fail a "
	                    "requirement and JAX would win.");
	/* the why of research at threshold 2: PyTorch vs JAX,
	 * debug 100*0.5*0.5 = 25, graph 100*0.25*0.25 = 6.25, docs 0 */
	v = S_scen(fx, "research", 2.0);
	assert_string_equal(explain_why(fx->doc, v, fx->a),
	                    "PyTorch's lead over JAX comes from Debugging (+25.0 points) and "
	                    "Computational Graph (+6.3). JAX is not ahead of PyTorch on any "
	                    "criterion that counts here.");
	assert_null(explain_unknowns(fx->doc, v, fx->a));   /* lat weighs nothing here */
	/* lead: W debug 0.5, graph 0.5.  PyTorch 100, JAX 62.5, TensorFlow
	 * 37.5.  PyTorch leads both on both: JAX, Delta .5 and .25, D = .375:
	 * debug R = .25, x < 0; graph R = .5, x = 2.  TensorFlow, Delta .75
	 * and .5, D = .625: debug R = .5, x < 0; graph R = .75, x = 3.  No
	 * pair: robust, the runner-up named first. */
	v = S_scen(fx, "lead", 2.0);
	assert_false(v->has_critical);
	assert_string_equal(explain_flip(fx->doc, v, fx->a),
	                    "No single weight change makes JAX or any other framework draw "
	                    "level.");
}

static void test_single_and_disqualified(void **state)
{
	struct fixture *fx = *state;
	LOAD(fx, DOC_C);
	/* mobile: W mobile 0.75, lat 0.25; lat <= 100 ms required.
	 * PyTorch 100 (0 + 0.25*0.8) = 20; TensorFlow 100 (0.75 + 0.175) =
	 * 92.5; JAX 100 (0.1875 + 0) = 18.75, its unknown latency fails.
	 * p-only also excludes TensorFlow: PyTorch alone qualifies. */
	const struct verdict *v = S_prof(fx, "p-only", 2.0);
	assert_string_equal(explain_recommendation(fx->doc, v, fx->a),
	                    "Choose PyTorch: it is the only framework that meets every requirement "
	                    "of Mobile team (scoring 20.0 out of 100).");
	assert_string_equal(explain_short(fx->doc, v, fx->a), "PyTorch, the only one qualified");
	assert_string_equal(explain_disqualified(fx->doc, v, fx->a),
	                    "TensorFlow is ruled out: Mobile team excludes it (No Google contract). "
	                    "JAX is ruled out: Latency must be at most 100 ms but is unknown.");
	assert_string_equal(explain_flip(fx->doc, v, fx->a),
	                    "Only PyTorch meets every requirement, so no change of weights can "
	                    "alter the verdict; only a change of requirements or ratings can.");
	assert_null(explain_why(fx->doc, v, fx->a));
	/* JAX's latency at its best meets the require and scores 18.75 + 25
	 * = 43.75 > 20: JAX would win. */
	assert_string_equal(explain_unknowns(fx->doc, v, fx->a),
	                    "1 rating that counts here is unknown (JAX's Latency) and scored as the worst "
	                    "possible, so the verdict depends on it: if it turned out as badly "
	                    "as possible for PyTorch, JAX would win.");

	/* the scenario alone: TensorFlow wins by 72.5, and still would with
	 * JAX at 43.75 */
	v = S_scen(fx, "mobile", 2.0);
	assert_string_equal(explain_disqualified(fx->doc, v, fx->a),
	                    "JAX is ruled out: Latency must be at most 100 ms but is unknown.");
	assert_string_equal(explain_unknowns(fx->doc, v, fx->a),
	                    "1 rating that counts here is unknown (JAX's Latency) and scored as the worst "
	                    "possible; the verdict holds whatever it turns out to be.");
}

static void test_none_and_close(void **state)
{
	struct fixture *fx = *state;
	LOAD(fx, DOC_C);
	/* p-none: PyTorch and TensorFlow excluded, JAX fails lat <= 100 */
	const struct verdict *v = S_prof(fx, "p-none", 2.0);
	assert_int_equal(v->kind, VERDICT_NONE);
	assert_string_equal(explain_recommendation(fx->doc, v, fx->a),
	                    "No framework meets every requirement of Nobody, so none can be "
	                    "recommended until a requirement is relaxed.");
	assert_string_equal(explain_short(fx->doc, v, fx->a), "No framework qualifies");
	assert_null(explain_flip(fx->doc, v, fx->a));
	assert_null(explain_rating_flip(fx->doc, v, fx->a));
	assert_null(explain_why(fx->doc, v, fx->a));
	/* ranked by score: TensorFlow 92.5, PyTorch 20, JAX 18.75; no reason
	 * given for the excludes */
	assert_string_equal(explain_disqualified(fx->doc, v, fx->a),
	                    "TensorFlow is ruled out: Nobody excludes it. PyTorch is ruled out: "
	                    "Nobody excludes it. JAX is ruled out: Latency must be at most 100 ms "
	                    "but is unknown.");
	/* first: TensorFlow (excluded).  With JAX's latency at its best JAX
	 * qualifies alone and wins. */
	assert_string_equal(explain_unknowns(fx->doc, v, fx->a),
	                    "1 rating that counts here is unknown (JAX's Latency) and scored as the worst "
	                    "possible, so the verdict depends on it: if it turned out as badly "
	                    "as possible for TensorFlow, JAX would win.");

	/* close: W docs 0.5, graph 0.5.  PyTorch 100 (0.25 + 0.5) = 75,
	 * TensorFlow 100 (0.375 + 0.25) = 62.5, JAX 100 (0.25 + 0.375) = 62.5.
	 * Threshold 20: 12.5 < 20, all three lead (TensorFlow before JAX, by
	 * declaration). */
	v = S_scen(fx, "close", 20.0);
	assert_int_equal(v->kind, VERDICT_CLOSE);
	assert_string_equal(explain_recommendation(fx->doc, v, fx->a),
	                    "Too close to call for Close: PyTorch (75.0), TensorFlow (62.5) and "
	                    "JAX (62.5) are within 20.0 points of each other, so the choice "
	                    "rests on the criteria that separate them.");
	assert_string_equal(explain_short(fx->doc, v, fx->a),
	                    "Close call: PyTorch, TensorFlow and JAX");
	assert_null(explain_flip(fx->doc, v, fx->a));
	assert_null(explain_rating_flip(fx->doc, v, fx->a));
	/* PyTorch vs TensorFlow: graph 100*0.5*0.5 = 25, docs 100*0.5*(-0.25)
	 * = -12.5 */
	assert_string_equal(explain_why(fx->doc, v, fx->a),
	                    "PyTorch's lead over TensorFlow comes from Computational Graph (+25.0 "
	                    "points). TensorFlow does better on Documentation (" MINUS "12.5 points).");
}

static void test_strengths(void **state)
{
	struct fixture *fx = *state;
	LOAD(fx, DOC_C);
	/* leads over the best other:
	 *   PyTorch: debug 1 - 0.5 = 0.5, graph 1 - 0.75 = 0.25, lat 0.8 - 0.7 = 0.1
	 *   TensorFlow: mobile 1 - 0.25 = 0.75, docs 0.75 - 0.5 = 0.25
	 *   JAX: none */
	assert_string_equal(explain_strengths(fx->doc, fx->u, 0, fx->a),
	                    "Choose PyTorch if you prioritise Debugging, Computational Graph "
	                    "and Latency.");
	assert_string_equal(explain_strengths(fx->doc, fx->u, 1, fx->a),
	                    "Choose TensorFlow if you prioritise Mobile Deployment and "
	                    "Documentation.");
	assert_null(explain_strengths(fx->doc, fx->u, 2, fx->a));
	assert_string_equal(explain_strength_list(fx->doc, fx->u, 1, fx->a),
	                    "Mobile Deployment and Documentation");
	assert_null(explain_strength_list(fx->doc, fx->u, 2, fx->a));
}

/* Numbers never take the locale's decimal comma. */
static void test_numbers_ignore_locale(void **state)
{
	struct fixture *fx = *state;
	LOAD(fx, DOC_C);
	const struct verdict *v = S_prof(fx, "latency", 2.0);
	TU_COMMA_LOCALE_OR_SKIP();
	const char *s = explain_recommendation(fx->doc, v, fx->a);
	setlocale(LC_ALL, "C");
	assert_string_equal(s, "Choose PyTorch: for Latency team it scores 81.9 out of 100, 18.4 "
	                       "points ahead of TensorFlow.");
}

/* ---------------------------------------------------------------------- */
/* How sure (SPEC 6.7).  Shares that sampling cannot blur: a lead no
 * weighting or unknown value can undo (100 %), a framework tied with
 * every other in every sample (50 %), a first-ranked framework that a
 * drawn unknown beats in every sample (0 %).
 *   up: 0..10, higher better.  lead: PyTorch 10, TensorFlow 0 (W 0.9);
 *   side: PyTorch 0, TensorFlow unknown (W 0.1): TensorFlow gets at most
 *   1.5 * 0.1 < 0.5 * 0.9, so PyTorch wins every sample.
 *   flat: both 5.  low: PyTorch 0, TensorFlow unknown: tied at 0 as
 *   scored (PyTorch first by order of listing), TensorFlow ahead as soon
 *   as its unknown is drawn above 0. */
static const char DOC_A[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	"<comparison id=\"a\" format=\"1\"><title>A</title>\n"
	"<scales><scale id=\"up\" min=\"0\" max=\"10\"/></scales>\n"
	"<frameworks><framework id=\"pt\"><name>PyTorch</name></framework>"
	"<framework id=\"tf\"><name>TensorFlow</name></framework></frameworks>\n<criteria>\n"
	"<criterion id=\"lead\" scale=\"up\"><name>Lead</name><rating framework=\"pt\" "
	"value=\"10\"/><rating framework=\"tf\" value=\"0\"/></criterion>\n"
	"<criterion id=\"side\" scale=\"up\"><name>Side</name><rating framework=\"pt\" "
	"value=\"0\"/><rating framework=\"tf\" value=\"unknown\"/></criterion>\n"
	"<criterion id=\"flat\" scale=\"up\"><name>Flat</name><rating framework=\"pt\" "
	"value=\"5\"/><rating framework=\"tf\" value=\"5\"/></criterion>\n"
	"</criteria>\n<scenarios>\n"
	"<scenario id=\"sure\"><name>Sure</name><weight criterion=\"lead\" value=\"9\"/>"
	"<weight criterion=\"side\" value=\"1\"/></scenario>\n"
	"<scenario id=\"even\"><name>Even</name><weight criterion=\"flat\" value=\"1\"/></scenario>\n"
	"<scenario id=\"low\"><name>Low</name><weight criterion=\"side\" value=\"1\"/></scenario>\n"
	"</scenarios>\n<profiles>\n"
	"<profile id=\"sure\"><name>Sure</name><use scenario=\"sure\"/></profile>\n"
	"<profile id=\"even\"><name>Even</name><use scenario=\"even\"/></profile>\n"
	"<profile id=\"low\"><name>Low</name><use scenario=\"low\"/></profile>\n"
	"<profile id=\"solo\"><name>Solo</name><use scenario=\"sure\"/>"
	"<exclude framework=\"tf\"/></profile>\n"
	"</profiles></comparison>\n";

static void test_acceptability(void **state)
{
	struct fixture *fx = *state;
	LOAD(fx, DOC_A);
	assert_string_equal(explain_acceptability(fx->doc, S_prof(fx, "sure", 2.0), fx->a),
	                    "PyTorch comes first in 100 % of weightings within \xC2\xB1" "50 % of "
	                    "this team's weights and over every value the unknown ratings could "
	                    "take.");
	assert_string_equal(explain_acceptability(fx->doc, S_prof(fx, "even", 2.0), fx->a),
	                    "PyTorch comes first in 50 % of weightings within \xC2\xB1" "50 % of "
	                    "this team's weights.");
	assert_string_equal(explain_acceptability(fx->doc, S_prof(fx, "low", 0.0), fx->a),
	                    "PyTorch comes first in 0 % of weightings within \xC2\xB1" "50 % of "
	                    "this team's weights and over every value the unknown ratings could "
	                    "take; TensorFlow in 100 %.");
	/* nothing to say for a single qualified framework or a scenario */
	assert_null(explain_acceptability(fx->doc, S_prof(fx, "solo", 2.0), fx->a));
	assert_null(explain_acceptability(fx->doc, S_scen(fx, "sure", 2.0), fx->a));
	/* whole from 1 % to 99 %, one decimal outside, 0 and 100 only when exact */
	static const struct { double share; const char *text; } cases[] = {
		{ 0, "0 %" }, { 0.0004, "under 0.1 %" }, { 0.004, "0.4 %" }, { 0.0095, "1.0 %" },
		{ 0.01, "1 %" }, { 0.125, "13 %" }, { 0.97, "97 %" }, { 0.9849, "98 %" },
		{ 0.985, "99 %" }, { 0.99, "99.0 %" }, { 0.9962, "99.6 %" },
		{ 0.99951, "over 99.9 %" }, { 1, "100 %" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
		assert_string_equal(explain_share(cases[i].share, fx->a), cases[i].text);
}


/* Issue 10, item 4: what separates a close call's leaders and what each
 * would need; which single constraint dropped lets someone qualify when
 * nothing does. */
static void test_close_and_none_explained(void **state)
{
	struct fixture *fx = *state;
	LOAD(fx, DOC_C);
	/* close, threshold 20: W docs 0.5, graph 0.5; PyTorch 75, TensorFlow
	 * 62.5, JAX 62.5.  PyTorch vs TensorFlow: graph +25, docs -12.5. */
	const struct verdict *v = S_scen(fx, "close", 20.0);
	assert_string_equal(explain_separators(fx->doc, v, fx->a),
	                    "PyTorch and TensorFlow differ most on Computational Graph (PyTorch "
	                    "+25.0 points) and Documentation (TensorFlow +12.5).");
	/* TensorFlow, docs at x (graph 1 - x): vs PyTorch 0.25x - 0.5(1 - x)
	 * >= 0 at x >= 2/3; vs JAX 0.25x - 0.25(1 - x) >= 0 at x >= 1/2; so
	 * 2/3 (from 50 %, 16.7 points more).  On graph it is behind both.
	 * PyTorch, graph at x, a lead of 0.2: vs TensorFlow 0.5x - 0.25(1 - x)
	 * >= 0.2 at x >= 0.6; vs JAX 0.25x + 0 >= 0.2 at x >= 0.8; so 0.8. */
	struct verdict_need nd;
	size_t tf = v->ranking[1].framework, pt = v->ranking[0].framework;
	assert_true(verdict_need(fx->doc, fx->u, v, tf, 0, &nd));
	assert_string_equal(fx->doc->criteria[nd.criterion].id, "docs");
	assert_true(fabs(nd.new_weight - 2.0 / 3) < 1e-9);
	assert_true(verdict_need(fx->doc, fx->u, v, pt, 20, &nd));
	assert_string_equal(fx->doc->criteria[nd.criterion].id, "graph");
	assert_true(fabs(nd.new_weight - 0.8) < 1e-9);
	assert_string_equal(explain_close_needs(fx->doc, fx->u, v, fx->a),
	                    "TensorFlow would take the lead if the weight of Documentation rose "
	                    "from 50 % to over 67 % (17 percentage points more); PyTorch would "
	                    "lead by the close-call threshold of 20.0 points, and win, if the "
	                    "weight of Computational Graph rose from 50 % to 80 % (30 "
	                    "percentage points more).");
	assert_null(explain_relaxations(fx->doc, v, fx->a));

	/* p-none: TensorFlow 92.5 and PyTorch 20 excluded, JAX 18.75 fails
	 * Latency <= 100 (unknown).  Each constraint dropped alone lets in
	 * exactly one: ordered by ranking, TensorFlow, PyTorch, JAX. */
	v = S_prof(fx, "p-none", 2.0);
	assert_null(explain_separators(fx->doc, v, fx->a));
	assert_null(explain_close_needs(fx->doc, fx->u, v, fx->a));
	struct relaxation rx[4];
	assert_int_equal(verdict_relaxations(fx->doc, v, rx, 4, fx->a), 3);
	assert_non_null(rx[0].exclude);
	assert_string_equal(rx[0].exclude->framework, "tf");
	assert_non_null(rx[2].require);
	assert_string_equal(rx[2].require->criterion, "lat");
	assert_int_equal(rx[2].nqualify, 1);
	assert_int_equal(verdict_relaxations(fx->doc, v, rx, 1, fx->a), 1);
	assert_string_equal(rx[0].exclude->framework, "tf");
	assert_string_equal(explain_relaxations(fx->doc, v, fx->a),
	                    "Dropping a single constraint would let a framework qualify. Lifting "
	                    "the exclusion of TensorFlow would let it qualify and be recommended, "
	                    "scoring 92.5. Lifting the exclusion of PyTorch would let it qualify "
	                    "and be recommended, scoring 20.0. Without the requirement that "
	                    "Latency be at most 100 ms, JAX would qualify and be recommended, "
	                    "scoring 18.8.");
}


/* A name ending in s, a level label with a comma, unknown ratings named
 * by framework.  ten: 0..10.
 *                 GitHub Actions   Jenkins
 *   speed  Speed      unknown         5
 *   scale  Scale      unknown      unknown
 *   dep    Deploys      10            0
 *   host   Hosting    Cloud only   On-prem, needs vendor connection */
static const char DOC_W[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	"<comparison id=\"w\" format=\"1\"><title>W</title>\n"
	"<scales><scale id=\"ten\" min=\"0\" max=\"10\"/>"
	"<scale id=\"where\"><level id=\"cloud\" score=\"1\" label=\"Cloud only\"/>"
	"<level id=\"onprem\" score=\"2\" label=\"On-prem, needs vendor connection\"/></scale>"
	"</scales>\n"
	"<frameworks><framework id=\"gha\"><name>GitHub Actions</name></framework>"
	"<framework id=\"jk\"><name>Jenkins</name></framework></frameworks>\n"
	"<criteria>\n"
	"<criterion id=\"speed\" scale=\"ten\"><name>Speed</name>"
	"<rating framework=\"gha\" value=\"unknown\"/><rating framework=\"jk\" value=\"5\"/>"
	"</criterion>\n"
	"<criterion id=\"scale\" scale=\"ten\"><name>Scale</name>"
	"<rating framework=\"gha\" value=\"unknown\"/><rating framework=\"jk\" value=\"unknown\"/>"
	"</criterion>\n"
	"<criterion id=\"dep\" scale=\"ten\"><name>Deploys</name>"
	"<rating framework=\"gha\" value=\"10\"/><rating framework=\"jk\" value=\"0\"/>"
	"</criterion>\n"
	"<criterion id=\"host\" scale=\"where\"><name>Hosting</name>"
	"<rating framework=\"gha\" level=\"cloud\"/><rating framework=\"jk\" level=\"onprem\"/>"
	"</criterion>\n"
	"</criteria>\n<scenarios>\n"
	"<scenario id=\"s\"><name>Self-hosted</name><weight criterion=\"speed\" value=\"1\"/>"
	"<weight criterion=\"scale\" value=\"1\"/><weight criterion=\"dep\" value=\"1\"/>"
	"<require criterion=\"host\" min=\"onprem\"/></scenario>\n"
	"<scenario id=\"d\"><name>Deploys</name><weight criterion=\"dep\" value=\"1\"/>"
	"</scenario>\n"
	"</scenarios>\n<profiles><profile id=\"p\"><name>P</name><use scenario=\"s\"/>"
	"<use scenario=\"d\"/></profile></profiles>\n"
	"</comparison>\n";

static void test_wording(void **state)
{
	struct fixture *fx = *state;
	LOAD(fx, DOC_W);
	const struct verdict *v = S_scen(fx, "s", 2.0);
	assert_string_equal(explain_disqualified(fx->doc, v, fx->a),
	                    "GitHub Actions is ruled out: Hosting must be at least \u201COn-prem, "
	                    "needs vendor connection\u201D but is \u201CCloud only\u201D.");
	/* Jenkins alone qualifies; at its worst (its Scale 0) GitHub Actions
	 * still fails Hosting: the verdict holds.  Three count, grouped by
	 * framework. */
	assert_string_equal(explain_unknowns(fx->doc, v, fx->a),
	                    "3 ratings that count here are unknown (GitHub Actions' Speed and "
	                    "Scale; Jenkins' Scale) and scored as the worst possible; the verdict "
	                    "holds whatever they turn out to be.");
	/* d: Deploys alone, 100 to 0 */
	v = S_scen(fx, "d", 2.0);
	assert_string_equal(explain_reasons_for(fx->doc, v, 3, fx->a),
	                    "GitHub Actions' lead over Jenkins comes from Deploys (+100.0 points).");
}

/* Issue 10, item 5: possessives and lists as people write them. */
static void test_wording_helpers(void **state)
{
	struct fixture *fx = *state;
	assert_string_equal(explain_possessive("GitHub Actions", fx->a), "GitHub Actions'");
	assert_string_equal(explain_possessive("PyTorch", fx->a), "PyTorch's");
	assert_string_equal(explain_possessive("AWS", fx->a), "AWS's");
	const char *item[] = { "A", "B, with a comma", "C" };
	assert_string_equal(explain_join(item, 0, fx->a), "");
	assert_string_equal(explain_join(item, 1, fx->a), "A");
	assert_string_equal(explain_join(item, 2, fx->a), "A and B, with a comma");
	assert_string_equal(explain_join(item, 3, fx->a), "A, B, with a comma and C");
}

#define T(f) cmocka_unit_test_setup_teardown(f, S_setup, S_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_flip_fell_and_rose),
		T(test_flip_edge_cases),
		T(test_winner_why),
		T(test_rating_flips),
		T(test_single_and_disqualified),
		T(test_none_and_close),
		T(test_strengths),
		T(test_numbers_ignore_locale),
		T(test_acceptability),
		T(test_close_and_none_explained),
		T(test_wording_helpers),
		T(test_wording),
	};
	return cmocka_run_group_tests_name("explain", tests, NULL, NULL);
}
