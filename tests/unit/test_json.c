/* test_json.c - the JSON summary (SPEC section 4) read back by a strict
 * JSON reader written here (RFC 8259: grammar, escapes, surrogate pairs,
 * valid UTF-8), never by comparing strings alone. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <locale.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "check.h"
#include "diag.h"
#include "jread.h"
#include "json.h"
#include "load.h"
#include "model.h"
#include "patterns.h"
#include "testutil.h"
#include "verdict.h"

/* ---------------------------------------------------------------------- */
/* Reading back: the strict reader of src/util/jread.c */

/* The whole text as one JSON value, or NULL (with the reason printed). */
static struct jread_val *S_parse(const char *text, size_t len, struct arena *a)
{
	size_t at;
	const char *why;
	struct jread_val *v = jread_parse(text, len, a, &at, &why);
	if (v == NULL)
		print_error("JSON error at byte %zu: %s\n%s\n", at, why, text);
	return v;
}

/* ---- looking things up ---- */

static const struct jread_val *S_get(const struct jread_val *o, const char *key)
{
	assert_int_equal(o->type, JREAD_OBJ);
	for (size_t i = 0; i < o->n; i++)
		if (strcmp(o->keys[i], key) == 0)
			return o->items[i];
	fail_msg("no key '%s'", key);
	return NULL;
}

static const struct jread_val *S_at(const struct jread_val *arr, size_t i)
{
	assert_int_equal(arr->type, JREAD_ARR);
	assert_true(i < arr->n);
	return arr->items[i];
}

static void S_keys(const struct jread_val *o, size_t n, const char *const want[])
{
	assert_int_equal(o->type, JREAD_OBJ);
	assert_int_equal(o->n, n);
	for (size_t i = 0; i < n; i++)
		assert_string_equal(o->keys[i], want[i]);
}

static void S_is_str(const struct jread_val *v, const char *want)
{
	assert_int_equal(v->type, JREAD_STR);
	assert_string_equal(v->text, want);
}

static void S_is_num(const struct jread_val *v, double want)
{
	assert_int_equal(v->type, JREAD_NUM);
	if (v->num != want)
		fail_msg("%s read back as %.17g, want %.17g", v->text, v->num, want);
}

static void S_is_null(const struct jread_val *v)
{
	assert_int_equal(v->type, JREAD_NULL);
}

/* ---- writing into memory ---- */

struct mem {
	char *buf;
	size_t len;
	FILE *f;
};

static void S_open(struct mem *m)
{
	m->buf = NULL;
	m->len = 0;
	m->f = open_memstream(&m->buf, &m->len);
	assert_non_null(m->f);
}

static void S_close(struct mem *m)
{
	assert_int_equal(fclose(m->f), 0);
}

/* ---------------------------------------------------------------------- */
/* Strings */

/* Writes s with json_string() and parses it back. */
static const struct jread_val *S_roundtrip(const char *s, struct arena *a, char **raw)
{
	struct mem m;
	S_open(&m);
	json_string(m.f, s);
	S_close(&m);
	*raw = arena_strndup(a, m.buf, m.len);
	free(m.buf);
	const struct jread_val *v = S_parse(*raw, strlen(*raw), a);
	assert_non_null(v);
	assert_int_equal(v->type, JREAD_STR);
	return v;
}

static void test_string_escapes(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	char *raw;
	/* every character that must be escaped, and some that must not */
	static const char nasty[] = "q\"b\\s/n\nr\rt\tb\bf\fx\x01y\x1fz\x7f"
	                            "\xCE\x91\xCE\xBB\xCF\x86\xCE\xB1 "      /* Greek */
	                            "\xD0\x91\xD0\xB5\xD1\x82\xD0\xB0 "      /* Cyrillic */
	                            "\xF0\x9F\x93\x88 "                      /* U+1F4C8 */
	                            "ls\xE2\x80\xA8ps\xE2\x80\xA9";          /* U+2028/9 */
	const struct jread_val *v = S_roundtrip(nasty, a, &raw);
	assert_int_equal(v->len, strlen(nasty));
	assert_memory_equal(v->text, nasty, strlen(nasty));
	/* no raw control character, DEL or line separator is left ... */
	for (const unsigned char *p = (const unsigned char *)raw; *p; p++)
		assert_true(*p >= 0x20 && *p != 0x7F);
	assert_null(strstr(raw, "\xE2\x80\xA8"));
	assert_non_null(strstr(raw, "\\u2028"));
	assert_non_null(strstr(raw, "\\u007f"));
	/* ... and other non-ASCII stays UTF-8, not \u escapes */
	assert_non_null(strstr(raw, "\xCE\x91\xCE\xBB\xCF\x86\xCE\xB1"));
	assert_non_null(strstr(raw, "\xF0\x9F\x93\x88"));

	v = S_roundtrip("", a, &raw);
	assert_int_equal(v->len, 0);
	v = S_roundtrip(NULL, a, &raw);                   /* NULL writes "" */
	assert_string_equal(raw, "\"\"");
	arena_free(a);
}

static void test_string_invalid_utf8(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	char *raw;
	/* Each byte that does not start a valid sequence becomes U+FFFD
	 * (EF BF BD) and the reading goes on at the next byte:
	 *   FF             stray byte                        -> 1 x FFFD
	 *   C0 AF          overlong '/'                      -> 2 x FFFD (AF is a stray)
	 *   ED A0 80       a surrogate                       -> 3 x FFFD
	 *   F4 90 80 80    above U+10FFFF                    -> 4 x FFFD
	 *   E2 82          truncated at the end              -> 2 x FFFD */
	const struct jread_val *v = S_roundtrip("a\xFF" "b\xC0\xAF" "c\xED\xA0\x80" "d\xF4\x90\x80\x80"
	                                   "e\xE2\x82", a, &raw);
#define R "\xEF\xBF\xBD"
	assert_string_equal(v->text, "a" R "b" R R "c" R R R "d" R R R R "e" R R);
#undef R
	arena_free(a);
}

/* ---------------------------------------------------------------------- */
/* Numbers */

static const char *S_num_text(double x, struct arena *a)
{
	struct mem m;
	S_open(&m);
	json_number(m.f, x);
	S_close(&m);
	char *s = arena_strndup(a, m.buf, m.len);
	free(m.buf);
	return s;
}

static void test_numbers(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	static const double xs[] = {
		0.1, 1.0 / 3, 100, 0.125, 2.0 / 3 * 100, 0.1 + 0.2, 1e-300, 5e-324,
		1.7976931348623157e308, 123456789012345680.0, -37.07077387632944, 1e21, 1e-7,
	};
	for (size_t i = 0; i < sizeof xs / sizeof *xs; i++) {
		const char *s = S_num_text(xs[i], a);
		const struct jread_val *v = S_parse(s, strlen(s), a);
		assert_non_null(v);                       /* JSON number grammar */
		S_is_num(v, xs[i]);                       /* unrounded: reads back exactly */
	}
	/* the shortest of 15, 16, 17 significant digits that reads back */
	assert_string_equal(S_num_text(0.1, a), "0.1");
	assert_string_equal(S_num_text(100, a), "100");
	assert_string_equal(S_num_text(0.125, a), "0.125");
	/* 1/3 = 0.333333333333333314829616256...: 15 digits read back as
	 * another double, 16 are enough */
	assert_string_equal(S_num_text(1.0 / 3, a), "0.3333333333333333");
	/* 0.1 + 0.2 = 0.3000000000000000444: 17 digits are needed */
	assert_string_equal(S_num_text(0.1 + 0.2, a), "0.30000000000000004");
	/* no negative zero, no inf or nan (JSON has none) */
	assert_string_equal(S_num_text(-0.0, a), "0");
	assert_string_equal(S_num_text(INFINITY, a), "null");
	assert_string_equal(S_num_text(NAN, a), "null");
	arena_free(a);
}

/* Under a locale with a decimal comma the point stays a point. */
static void test_numbers_locale(void **state)
{
	(void)state;
	TU_COMMA_LOCALE_OR_SKIP();
	char probe[16];
	snprintf(probe, sizeof probe, "%.1f", 0.5);
	struct arena *a = arena_new();
	const char *s = S_num_text(0.5, a);
	const char *t = S_num_text(1.0 / 3, a);
	setlocale(LC_ALL, "C");
	assert_string_equal(probe, "0,5");                /* the locale really has a comma */
	assert_string_equal(s, "0.5");
	assert_string_equal(t, "0.3333333333333333");
	arena_free(a);
}

/* ---------------------------------------------------------------------- */
/* The whole summary */

/* Speed: numeric 0..100 ms, lower is better, u = (100 - v)/100;
 * docs: lo 0, mid 1, hi 2, u = score/2.
 *              alpha   beta    gamma
 *   speed      20 .8   40 .6   unknown 0
 *   docs       hi 1    mid .5  hi 1 */
static const char DOC[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	"<comparison id=\"json-test\" format=\"1\">\n"
	"<title>Quotes \"and\" \\ backslashes</title>\n"
	"<scales><scale id=\"q\"><level id=\"lo\" score=\"0\"/><level id=\"mid\" score=\"1\"/>"
	"<level id=\"hi\" score=\"2\"/></scale>\n"
	"<scale id=\"ms\" min=\"0\" max=\"100\" better=\"lower\" unit=\"ms\"/></scales>\n"
	"<frameworks><framework id=\"alpha\"><name>\xCE\x86\xCE\xBB\xCF\x86\xCE\xB1 \"A\"</name>"
	"</framework><framework id=\"beta\"><name>\xD0\x91\xD0\xB5\xD1\x82\xD0\xB0</name></framework>"
	"<framework id=\"gamma\"><name>Gamma</name></framework></frameworks>\n"
	"<criteria><criterion id=\"speed\" scale=\"ms\"><name>Speed</name>"
	"<rating framework=\"alpha\" value=\"20\"/><rating framework=\"beta\" value=\"40\"/>"
	"<rating framework=\"gamma\" value=\"unknown\"/></criterion>\n"
	"<criterion id=\"docs\" scale=\"q\"><name>Docs</name>"
	"<rating framework=\"alpha\" level=\"hi\"/><rating framework=\"beta\" level=\"mid\"/>"
	"<rating framework=\"gamma\" level=\"hi\"/></criterion></criteria>\n"
	"<scenarios><scenario id=\"fast\"><name>Fast</name><weight criterion=\"speed\" value=\"3\"/>"
	"<weight criterion=\"docs\" value=\"1\"/></scenario>\n"
	"<scenario id=\"doc\"><name>Docs</name><weight criterion=\"docs\" value=\"1\"/>"
	"<require criterion=\"speed\" max=\"50\"/></scenario></scenarios>\n"
	"<profiles><profile id=\"team\" own-share=\"1\"><name>Team</name>"
	"<use scenario=\"fast\" share=\"1\"/><weight criterion=\"docs\" value=\"1\"/>"
	"<exclude framework=\"beta\" reason=\"no\"/></profile>\n"
	"<profile id=\"skipped\"><name>Skipped</name><use scenario=\"fast\"/></profile></profiles>\n"
	"</comparison>\n";

struct judged {
	struct diags d;
	struct patterns *pat;
	struct doc *doc;
	struct arena *a;
	struct verdict *scen[2], *prof[2];
};

static void S_judge(struct judged *j)
{
	diags_init(&j->d);
	j->pat = patterns_new();
	j->doc = LOAD_STR(DOC, &j->d);
	assert_non_null(j->doc);
	bool ok = check_doc(j->doc, j->pat, &j->d);
	TU_ASSERT_NO_ERRORS(&j->d);
	assert_true(ok);
	j->a = arena_new();
	const double *u = verdict_normalise(j->doc, j->a);
	for (size_t s = 0; s < 2; s++)
		j->scen[s] = verdict_scenario(j->doc, u, s, 2.0, j->a);
	j->prof[0] = verdict_profile(j->doc, u, 0, 2.0, j->a);
	j->prof[1] = NULL;                         /* filtered out, as by --profile */
}

static void S_unjudge(struct judged *j)
{
	arena_free(j->a);
	model_free(j->doc);
	patterns_free(j->pat);
	diags_free(&j->d);
}

static void test_summary(void **state)
{
	(void)state;
	struct judged j;
	S_judge(&j);
	/* a file name that needs escaping, and an invalid input beside */
	const char *pdf[2] = { "out/json-test/team.pdf", NULL };
	struct diags bad;
	diags_init(&bad);
	diags_add(&bad, DIAG_ERROR, "bad \"x\".xml", 3, "unexpected <%s>\n\tat\x01 \"%s\"", "y", "z");
	const char sha[] = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
	struct json_input in[2] = {
		{ .file = "dir/\"odd\"\tname \xC3\xBC.xml", .sha256 = sha, .doc = j.doc,
		  .valid = true, .diags = &j.d, .scenarios = j.scen, .profiles = j.prof,
		  .pdf = pdf, .overview_pdf = "out/json-test/overview.pdf" },
		{ .file = "bad \"x\".xml", .valid = false, .diags = &bad },
	};
	/* SPEC 6.4: the files read and their fingerprint */
	const struct doc_file files[2] = {
		{ "dir/\"odd\"\tname \xC3\xBC.xml", sha },
		{ "shared/base.xml",
		  "fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210" },
	};
	char fp[65];
	model_fingerprint(files, 2, fp);
	in[0].files = files;
	in[0].nfiles = 2;
	in[0].fingerprint = fp;
	struct mem m;
	S_open(&m);
	assert_true(json_write(m.f, in, 2, "1.2.3"));
	S_close(&m);
	struct arena *a = arena_new();
	const struct jread_val *root = S_parse(m.buf, m.len, a);
	assert_non_null(root);

	S_keys(root, 4, (const char *const[]){ "tool", "version", "format", "inputs" });
	S_is_str(S_get(root, "tool"), "verdict");
	S_is_str(S_get(root, "version"), "1.2.3");
	S_is_num(S_get(root, "format"), 1);
	const struct jread_val *inputs = S_get(root, "inputs");
	assert_int_equal(inputs->n, 2);

	const struct jread_val *i0 = S_at(inputs, 0);
	S_keys(i0, 13, (const char *const[]){ "file", "sha256", "files", "fingerprint", "id",
	                                      "valid", "generated", "errors", "warnings",
	                                      "scenarios", "ratings", "profiles",
	                                      "overview_pdf" });
	S_is_null(S_get(i0, "generated"));       /* not given here */
	assert_int_equal(S_get(i0, "ratings")->type, JREAD_OBJ);
	const struct jread_val *fl = S_get(i0, "files");
	assert_int_equal(fl->n, 2);
	S_keys(S_at(fl, 0), 2, (const char *const[]){ "path", "sha256" });
	S_is_str(S_get(S_at(fl, 0), "path"), "dir/\"odd\"\tname \xC3\xBC.xml");
	S_is_str(S_get(S_at(fl, 0), "sha256"), sha);
	S_is_str(S_get(S_at(fl, 1), "path"), "shared/base.xml");
	S_is_str(S_get(i0, "fingerprint"), fp);
	S_is_str(S_get(i0, "overview_pdf"), "out/json-test/overview.pdf");
	S_is_null(S_get(S_at(inputs, 1), "overview_pdf"));
	S_is_str(S_get(i0, "file"), "dir/\"odd\"\tname \xC3\xBC.xml");
	S_is_str(S_get(i0, "sha256"), sha);
	S_is_str(S_get(i0, "id"), "json-test");
	assert_true(S_get(i0, "valid")->type == JREAD_BOOL && S_get(i0, "valid")->b);
	assert_int_equal(S_get(i0, "errors")->n, 0);
	/* scenario doc is used by no profile: one warning, with its line */
	const struct jread_val *w = S_at(S_get(i0, "warnings"), 0);
	assert_int_equal(S_get(i0, "warnings")->n, j.d.warnings);
	S_keys(w, 3, (const char *const[]){ "file", "line", "message" });
	S_is_str(S_get(w, "file"), "test.xml");
	S_is_num(S_get(w, "line"), 10);
	S_is_str(S_get(w, "message"), "scenario 'doc' is used by no profile");

	static const char *const vkeys[] = { "id", "verdict", "winner", "leaders", "margin", "ranking" };
	static const char *const rkeys[] = { "framework", "score", "qualified", "disqualified_by" };
	const struct jread_val *scen = S_get(i0, "scenarios");
	assert_int_equal(scen->n, 2);
	/* fast: W speed 3/4, docs 1/4.
	 * alpha 100 (0.75*0.8 + 0.25*1) = 85; beta 100 (0.75*0.6 + 0.25*0.5) = 57.5;
	 * gamma 100 (0 + 0.25*1) = 25; margin 27.5: alpha wins */
	const struct jread_val *s0 = S_at(scen, 0);
	S_keys(s0, 6, vkeys);
	S_is_str(S_get(s0, "id"), "fast");
	S_is_str(S_get(s0, "verdict"), "winner");
	S_is_str(S_get(s0, "winner"), "alpha");
	assert_int_equal(S_get(s0, "leaders")->n, 1);
	S_is_str(S_at(S_get(s0, "leaders"), 0), "alpha");
	S_is_num(S_get(s0, "margin"), j.scen[0]->margin);   /* exactly the double */
	assert_true(fabs(S_get(s0, "margin")->num - 27.5) < 1e-9);
	const struct jread_val *rk = S_get(s0, "ranking");
	assert_int_equal(rk->n, 3);
	static const char *const fast_order[] = { "alpha", "beta", "gamma" };
	static const double fast_score[] = { 85, 57.5, 25 };
	for (size_t k = 0; k < 3; k++) {
		const struct jread_val *e = S_at(rk, k);
		S_keys(e, 4, rkeys);
		S_is_str(S_get(e, "framework"), fast_order[k]);
		S_is_num(S_get(e, "score"), j.scen[0]->ranking[k].score);
		assert_true(fabs(S_get(e, "score")->num - fast_score[k]) < 1e-9);
		assert_true(S_get(e, "qualified")->b);
		assert_int_equal(S_get(e, "disqualified_by")->n, 0);
	}
	/* doc: W docs 1: alpha 100, beta 50, gamma 100 but gamma's unknown
	 * speed fails speed <= 50: alpha, beta qualify; alpha by 50 */
	const struct jread_val *s1 = S_at(scen, 1);
	S_is_str(S_get(s1, "winner"), "alpha");
	S_is_num(S_get(s1, "margin"), 50);
	const struct jread_val *g = S_at(S_get(s1, "ranking"), 2);
	S_is_str(S_get(g, "framework"), "gamma");
	S_is_num(S_get(g, "score"), 100);                    /* keeps its score */
	assert_true(S_get(g, "qualified")->type == JREAD_BOOL && !S_get(g, "qualified")->b);
	assert_int_equal(S_get(g, "disqualified_by")->n, 1);
	S_is_str(S_at(S_get(g, "disqualified_by"), 0), "require:speed<=50");

	/* team: S = share 1 + own-share 1 = 2;
	 * W speed = 1/2 * 3/4 = 0.375; docs = 1/2 * 1/4 + 1/2 * 1 = 0.625.
	 * alpha 100 (0.375*0.8 + 0.625) = 92.5; gamma 100 (0 + 0.625) = 62.5;
	 * beta 100 (0.375*0.6 + 0.625*0.5) = 53.75, excluded.  Margin 30. */
	const struct jread_val *profs = S_get(i0, "profiles");
	assert_int_equal(profs->n, 1);                       /* "skipped" is left out */
	const struct jread_val *p = S_at(profs, 0);
	S_keys(p, 14, (const char *const[]){ "id", "verdict", "winner", "leaders", "margin",
	                                     "ranking", "weights", "critical", "stability",
	                                     "pdf", "unknowns", "rating_flip", "acceptability",
	                                     "change" });
	S_is_null(S_get(p, "change"));           /* no baseline */
	S_is_str(S_get(p, "id"), "team");
	S_is_str(S_get(p, "winner"), "alpha");
	assert_true(fabs(S_get(p, "margin")->num - 30) < 1e-9);
	rk = S_get(p, "ranking");
	S_is_str(S_get(S_at(rk, 1), "framework"), "gamma");
	S_is_str(S_get(S_at(rk, 2), "framework"), "beta");
	assert_true(fabs(S_get(S_at(rk, 2), "score")->num - 53.75) < 1e-9);
	S_is_str(S_at(S_get(S_at(rk, 2), "disqualified_by"), 0), "exclude");
	const struct jread_val *wt = S_get(p, "weights");
	S_keys(wt, 2, (const char *const[]){ "speed", "docs" });
	S_is_num(S_get(wt, "speed"), 0.375);
	S_is_num(S_get(wt, "docs"), 0.625);
	/* Sensitivity, A alpha, B gamma: D = 0.375*0.8 + 0 = 0.3
	 *   speed: Delta 0.8, R = (0.3 - 0.3)/0.625 = 0, x = 0, |x - W| = 0.375
	 *   docs:  Delta 0,   R = 0.3/0.375 = 0.8, x = 1, |x - W| = 0.375
	 * a tie: speed, declared first; 37.5 points: robust */
	const struct jread_val *cr = S_get(p, "critical");
	S_keys(cr, 4, (const char *const[]){ "criterion", "challenger", "weight", "tie_weight" });
	S_is_str(S_get(cr, "criterion"), "speed");
	S_is_str(S_get(cr, "challenger"), "gamma");
	S_is_num(S_get(cr, "weight"), 0.375);
	S_is_num(S_get(cr, "tie_weight"), 0);
	S_is_str(S_get(p, "stability"), "robust");
	S_is_str(S_get(p, "pdf"), "out/json-test/team.pdf");
	/* Unknowns: gamma's speed.  Worst case for alpha: gamma's speed at 1,
	 * gamma = 62.5 + 37.5 = 100 beats 92.5 by 7.5: gamma.  Best: alpha. */
	const struct jread_val *uk = S_get(p, "unknowns");
	S_keys(uk, 3, (const char *const[]){ "holds", "best_case_winner", "worst_case_winner" });
	assert_true(S_get(uk, "holds")->type == JREAD_BOOL && !S_get(uk, "holds")->b);
	S_is_str(S_get(uk, "best_case_winner"), "alpha");
	S_is_str(S_get(uk, "worst_case_winner"), "gamma");
	/* Rating flip: docs is the one ordinal criterion (W 0.625, a level is
	 * u 0.5: 31.25 points).  alpha hi -> mid: 61.25 < gamma 62.5, a close
	 * call; gamma is at the top; beta is excluded whatever it scores. */
	const struct jread_val *rf = S_get(p, "rating_flip");
	S_keys(rf, 4, (const char *const[]){ "framework", "criterion", "from", "to" });
	S_is_str(S_get(rf, "framework"), "alpha");
	S_is_str(S_get(rf, "criterion"), "docs");
	S_is_str(S_get(rf, "from"), "hi");
	S_is_str(S_get(rf, "to"), "mid");
	/* Acceptability (SPEC 6.7), the qualified in ranking order: alpha and
	 * gamma are level on docs, so the factors cancel out and alpha comes
	 * first when gamma's unknown speed draws u below alpha's 0.8: 80 %. */
	const struct jread_val *ac = S_get(p, "acceptability");
	S_keys(ac, 2, (const char *const[]){ "alpha", "gamma" });
	assert_true(fabs(S_get(ac, "alpha")->num - 0.8) < 0.015);
	assert_true(fabs(S_get(ac, "alpha")->num + S_get(ac, "gamma")->num - 1) < 1e-12);

	/* the invalid input: its error, nulls and empty lists */
	const struct jread_val *i1 = S_at(inputs, 1);
	S_keys(i1, 13, (const char *const[]){ "file", "sha256", "files", "fingerprint", "id",
	                                      "valid", "generated", "errors", "warnings",
	                                      "scenarios", "ratings", "profiles",
	                                      "overview_pdf" });
	assert_int_equal(S_get(i1, "ratings")->n, 0);
	S_is_null(S_get(i1, "sha256"));
	S_is_null(S_get(i1, "files"));
	S_is_null(S_get(i1, "fingerprint"));
	S_is_null(S_get(i1, "id"));
	assert_true(S_get(i1, "valid")->type == JREAD_BOOL && !S_get(i1, "valid")->b);
	const struct jread_val *e = S_at(S_get(i1, "errors"), 0);
	S_is_str(S_get(e, "file"), "bad \"x\".xml");
	S_is_num(S_get(e, "line"), 3);
	S_is_str(S_get(e, "message"), "unexpected <y>\n\tat\x01 \"z\"");
	assert_int_equal(S_get(i1, "warnings")->n, 0);
	assert_int_equal(S_get(i1, "scenarios")->type, JREAD_ARR);
	assert_int_equal(S_get(i1, "scenarios")->n, 0);
	assert_int_equal(S_get(i1, "profiles")->n, 0);

	free(m.buf);
	arena_free(a);
	diags_free(&bad);
	S_unjudge(&j);
}

/* Nulls where SPEC section 4 wants them: no winner, no margin, no
 * critical, no stability, no rating flip; and no inputs at all. */
static void test_summary_nulls(void **state)
{
	(void)state;
	struct judged j;
	S_judge(&j);
	/* a threshold of 40 makes team (margin 30) a close call between
	 * alpha (92.5) and gamma (62.5, 30 < 40 behind) */
	const double *u = verdict_normalise(j.doc, j.a);
	j.prof[0] = verdict_profile(j.doc, u, 0, 40.0, j.a);
	struct json_input in = { .file = "t.xml", .doc = j.doc, .valid = true, .diags = &j.d,
	                         .scenarios = j.scen, .profiles = j.prof };
	struct mem m;
	S_open(&m);
	assert_true(json_write(m.f, &in, 1, "1"));
	S_close(&m);
	struct arena *a = arena_new();
	const struct jread_val *root = S_parse(m.buf, m.len, a);
	assert_non_null(root);
	const struct jread_val *p = S_at(S_get(S_at(S_get(root, "inputs"), 0), "profiles"), 0);
	S_is_str(S_get(p, "verdict"), "close");
	S_is_null(S_get(p, "winner"));
	assert_int_equal(S_get(p, "leaders")->n, 2);
	S_is_str(S_at(S_get(p, "leaders"), 0), "alpha");
	S_is_str(S_at(S_get(p, "leaders"), 1), "gamma");
	S_is_null(S_get(p, "critical"));
	S_is_null(S_get(p, "stability"));
	S_is_null(S_get(p, "pdf"));
	S_is_null(S_get(p, "rating_flip"));
	/* best case for alpha: nothing of its own is unknown: still close;
	 * worst case: gamma 100 vs alpha 92.5, 7.5 < 40 behind: close too */
	const struct jread_val *uk = S_get(p, "unknowns");
	assert_true(S_get(uk, "holds")->b);
	S_is_null(S_get(uk, "best_case_winner"));
	S_is_null(S_get(uk, "worst_case_winner"));
	free(m.buf);

	S_open(&m);
	assert_true(json_write(m.f, NULL, 0, "1"));
	S_close(&m);
	root = S_parse(m.buf, m.len, a);
	assert_non_null(root);
	assert_int_equal(S_get(root, "inputs")->type, JREAD_ARR);
	assert_int_equal(S_get(root, "inputs")->n, 0);
	free(m.buf);
	arena_free(a);
	S_unjudge(&j);
}

/* The reader itself must refuse what is not JSON, or the tests above
 * could pass on broken output. */
static void test_reader_is_strict(void **state)
{
	(void)state;
	static const char *const bad[] = {
		"", "{", "[1,]", "{\"a\":1,}", "{'a':1}", "01", "1.", ".5", "1e", "+1",
		"\"a\nb\"", "\"\\x\"", "\"\\ud800\"", "\"\\udc00x\"", "\"\xFF\"", "nul",
		"{\"a\":1,\"a\":2}", "[1 2]", "0,5", "1 1", "NaN", "-0,5",
	};
	static const char *const good[] = {
		"0", "-0", "1.5e-7", "[]", "{}", "\"\\ud83d\\udcc8\"", " [ null , true ] ",
		"{\"a\":{\"b\":[1,2,{\"c\":\"\\u00fc\"}]}}",
	};
	struct arena *a = arena_new();
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		size_t at;
		const char *why = NULL;
		if (jread_parse(bad[i], strlen(bad[i]), a, &at, &why) != NULL)
			fail_msg("accepted %s", bad[i]);
		assert_non_null(why);
	}
	for (size_t i = 0; i < sizeof good / sizeof *good; i++)
		assert_non_null(S_parse(good[i], strlen(good[i]), a));
	struct jread_val *v = (struct jread_val *)S_parse("\"\\ud83d\\udcc8\"", 14, a);
	assert_string_equal(v->text, "\xF0\x9F\x93\x88");
	arena_free(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_reader_is_strict),
		cmocka_unit_test(test_string_escapes),
		cmocka_unit_test(test_string_invalid_utf8),
		cmocka_unit_test(test_numbers),
		cmocka_unit_test(test_numbers_locale),
		cmocka_unit_test(test_summary),
		cmocka_unit_test(test_summary_nulls),
	};
	return cmocka_run_group_tests_name("json", tests, NULL, NULL);
}
