/* test_change.c - --baseline (SPEC 6.5): the summary read back by
 * baseline.c, and the causes and effects of change.c on a worked example
 * whose figures are reckoned by hand below. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "baseline.h"
#include "change.h"
#include "check.h"
#include "diag.h"
#include "json.h"
#include "load.h"
#include "model.h"
#include "patterns.h"
#include "testutil.h"
#include "verdict.h"

/* Two frameworks, two criteria on one scale (u: lo 0, mid 0.5, hi 1);
 * the profile weighs x and y as its scenario does.  THEN: x 1, y 1; a hi
 * on x and mid on y, b lo and hi: W 0.5 / 0.5, a 75, b 50.  NOW: a mid on
 * x, y weighs 3: W 0.25 / 0.75, a 50, b 75, so b wins now. */
#define DOC_HEAD                                                                          \
	"<comparison id=\"chg\" format=\"1\"><title>t</title>\n"                              \
	"<scales><scale id=\"q\"><level id=\"lo\" score=\"0\"/><level id=\"mid\" score=\"1\"/>" \
	"<level id=\"hi\" score=\"2\"/></scale></scales>\n"                                    \
	"<frameworks><framework id=\"a\"><name>Alpha</name></framework>"                       \
	"<framework id=\"b\"><name>Beta</name></framework></frameworks>\n"
#define DOC_TAIL(ax, wy)                                                                  \
	"<criteria><criterion id=\"x\" scale=\"q\"><name>Ex</name>"                            \
	"<rating framework=\"a\" level=\"" ax "\"/><rating framework=\"b\" level=\"lo\"/>"     \
	"</criterion>\n<criterion id=\"y\" scale=\"q\"><name>Why</name>"                       \
	"<rating framework=\"a\" level=\"mid\"/><rating framework=\"b\" level=\"hi\"/>"        \
	"</criterion></criteria>\n"                                                            \
	"<scenarios><scenario id=\"s\"><name>S</name><weight criterion=\"x\" value=\"1\"/>"    \
	"<weight criterion=\"y\" value=\"" wy "\"/></scenario></scenarios>\n"                  \
	"<profiles><profile id=\"p\"><name>P</name><use scenario=\"s\"/></profile></profiles>" \
	"</comparison>\n"

static const char THEN[] = DOC_HEAD DOC_TAIL("hi", "1");
static const char NOW[] = DOC_HEAD DOC_TAIL("mid", "3");

struct judged {
	struct diags d;
	struct patterns *pat;
	struct doc *doc;
	struct arena *a;
	double *u;
	struct verdict *scen[1], *prof[1];
};

static void S_judge(struct judged *j, const char *text, size_t len)
{
	diags_init(&j->d);
	j->pat = patterns_new();
	j->doc = load_memory(text, len, "test.xml", NULL, &j->d);
	assert_non_null(j->doc);
	bool ok = check_doc(j->doc, j->pat, &j->d);
	TU_ASSERT_NO_ERRORS(&j->d);
	assert_true(ok);
	j->a = arena_new();
	j->u = verdict_normalise(j->doc, j->a);
	j->scen[0] = verdict_scenario(j->doc, j->u, 0, 2.0, j->a);
	j->prof[0] = verdict_profile(j->doc, j->u, 0, 2.0, j->a);
}

static void S_unjudge(struct judged *j)
{
	arena_free(j->a);
	model_free(j->doc);
	patterns_free(j->pat);
	diags_free(&j->d);
}

/* The summary of j, as --json writes it, read back. */
static const struct baseline *S_summary(struct judged *j, struct arena *a, char **buf)
{
	size_t len = 0;
	FILE *f = open_memstream(buf, &len);
	assert_non_null(f);
	struct json_input in = { .file = "t.xml", .doc = j->doc, .valid = true, .diags = &j->d,
	                         .scenarios = j->scen, .profiles = j->prof,
	                         .generated = "2026-11-01", .u = j->u };
	assert_true(json_write(f, &in, 1, "1"));
	fclose(f);
	const char *err = NULL;
	const struct baseline *b = baseline_parse(*buf, len, a, &err);
	if (b == NULL)
		fail_msg("%s\n%s", err, *buf);
	return b;
}

static void test_reads_back(void **state)
{
	(void)state;
	struct judged j;
	S_judge(&j, THEN, sizeof THEN - 1);
	struct arena *a = arena_new();
	char *buf = NULL;
	const struct baseline *b = S_summary(&j, a, &buf);
	const struct baseline_input *bi = baseline_input(b, "chg");
	assert_non_null(bi);
	assert_null(baseline_input(b, "other"));
	assert_string_equal(bi->generated, "2026-11-01");
	const struct baseline_rating *r = baseline_rating(bi, "x", "a");
	assert_non_null(r);
	assert_string_equal(r->level, "hi");
	assert_true(r->u == 1.0);
	assert_true(baseline_rating(bi, "y", "a")->u == 0.5);
	const struct baseline_profile *p = baseline_profile(bi, "p");
	assert_non_null(p);
	assert_string_equal(p->verdict, "winner");
	assert_string_equal(p->winner, "a");
	assert_true(fabs(p->margin - 25) < 1e-9);
	assert_true(baseline_weight(p, "x") == 0.5 && baseline_weight(p, "y") == 0.5);
	assert_true(isnan(baseline_weight(p, "z")));
	/* the same verdict again: nothing changed */
	struct change *ch = change_compute(j.doc, j.u, j.prof[0], bi, p, a);
	assert_false(ch->is_new);
	assert_false(ch->verdict_changed);
	assert_int_equal(ch->ncauses, 0);
	assert_string_equal(change_line(j.doc, j.prof[0], ch, a),
	                    "Unchanged since 1 Nov 2026; margin 25.0 \u2192 25.0.");
	assert_true(change_compute(j.doc, j.u, j.prof[0], bi, NULL, a)->is_new);
	assert_null(change_line(j.doc, j.prof[0], change_compute(j.doc, j.u, j.prof[0], bi, NULL,
	                                                         a), a));
	/* every cut-short summary is refused, none crashes the reader (the
	 * whole, less its final newline, is still JSON) */
	size_t len = strlen(buf);
	for (size_t n = 0; n + 1 < len; n++) {
		struct arena *t = arena_new();
		const char *err = NULL;
		if (baseline_parse(buf, n, t, &err) != NULL)
			fail_msg("a summary cut at byte %zu was accepted", n);
		arena_free(t);
	}
	/* and every key's value replaced by null is refused or read, never a crash */
	for (char *k = strstr(buf, "\": "); k != NULL; k = strstr(k + 1, "\": ")) {
		char *copy = strdup(buf);
		assert_non_null(copy);
		size_t at = (size_t)(k - buf) + 3;
		struct arena *t = arena_new();
		const char *err = NULL;
		char *text = arena_printf(t, "%.*snull%s", (int)at, copy,
		                          copy + at + strcspn(copy + at, ",}]"));
		(void)baseline_parse(text, strlen(text), t, &err);
		arena_free(t);
		free(copy);
	}
	free(buf);
	arena_free(a);
	S_unjudge(&j);
}

static void test_effects(void **state)
{
	(void)state;
	struct judged then, now;
	S_judge(&then, THEN, sizeof THEN - 1);
	S_judge(&now, NOW, sizeof NOW - 1);
	struct arena *a = arena_new();
	char *buf = NULL;
	const struct baseline_input *bi = baseline_input(S_summary(&then, a, &buf), "chg");
	struct change *ch = change_compute(now.doc, now.u, now.prof[0], bi,
	                                   baseline_profile(bi, "p"), a);
	assert_true(ch->verdict_changed);
	/* now A = b, B = a.  rating (x, a), a is B: -100 * 0.25 * (0.5 - 1) =
	 * 12.5; weight x: 100 * (0.25 - 0.5) * (0 - 1) = 25; weight y: 100 *
	 * (0.75 - 0.5) * (1 - 0.5) = 12.5; the gap went from -25 to 25. */
	assert_int_equal(ch->ncauses, 3);
	const struct change_cause *c = ch->causes;
	assert_int_equal(c[0].kind, CHANGE_WEIGHT);
	assert_string_equal(c[0].criterion, "x");
	assert_true(fabs(c[0].effect - 25) < 1e-9);
	assert_int_equal(c[1].kind, CHANGE_RATING);
	assert_string_equal(c[1].framework, "a");
	assert_string_equal(c[1].level_before, "hi");
	assert_string_equal(c[1].level_after, "mid");
	assert_true(fabs(c[1].effect - 12.5) < 1e-9);
	assert_int_equal(c[2].kind, CHANGE_WEIGHT);
	assert_string_equal(c[2].criterion, "y");
	assert_true(fabs(c[2].effect - 12.5) < 1e-9);
	double sum = c[0].effect + c[1].effect + c[2].effect;
	assert_true(fabs(sum - (now.prof[0]->margin - (-25.0))) < 1e-9);
	assert_string_equal(change_line(now.doc, now.prof[0], ch, a),
	                    "Changed since 1 Nov 2026: Alpha by 25.0 then, Beta by 25.0 now, "
	                    "mainly because the weight of Ex fell from 50 % to 25 %.");
	free(buf);
	arena_free(a);
	S_unjudge(&now);
	S_unjudge(&then);
}

static void test_rejects(void **state)
{
	(void)state;
	static const char *const bad[] = {
		"", "nope", "{", "[]", "{\"tool\": \"verdict\"}",
		"{\"tool\": \"other\", \"version\": \"1\", \"format\": 1, \"inputs\": []}",
		"{\"tool\": \"verdict\", \"version\": \"1\", \"format\": 2, \"inputs\": []}",
		/* no generated, no ratings: a summary from before SPEC 6.5 */
		"{\"tool\": \"verdict\", \"version\": \"1\", \"format\": 1, \"inputs\": "
		"[{\"id\": \"x\", \"profiles\": []}]}",
		"{\"tool\": \"verdict\", \"version\": \"1\", \"format\": 1, \"inputs\": "
		"[{\"id\": \"x\", \"generated\": \"1 Nov\", \"ratings\": {}, \"profiles\": []}]}",
		"{\"tool\": \"verdict\", \"version\": \"1\", \"format\": 1, \"inputs\": []} x",
		"{\"tool\": \"verdict\", \"tool\": \"verdict\", \"format\": 1, \"inputs\": []}",
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		struct arena *a = arena_new();
		const char *err = NULL;
		if (baseline_parse(bad[i], strlen(bad[i]), a, &err) != NULL)
			fail_msg("accepted: %s", bad[i]);
		assert_non_null(err);
		arena_free(a);
	}
	struct arena *a = arena_new();
	const char *err = NULL;
	static const char ok[] = "{\"tool\": \"verdict\", \"version\": \"1\", \"format\": 1, "
	                         "\"inputs\": [{\"id\": null, \"generated\": \"2026-11-01\", "
	                         "\"ratings\": {}, \"profiles\": []}]}";
	const struct baseline *b = baseline_parse(ok, sizeof ok - 1, a, &err);
	assert_non_null(b);
	assert_int_equal(b->ninputs, 1);
	assert_null(baseline_input(b, "x"));
	arena_free(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_reads_back),
		cmocka_unit_test(test_effects),
		cmocka_unit_test(test_rejects),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
