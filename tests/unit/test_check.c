/* test_check.c - the semantic rules of format 1, on small loaded documents
 * and on hand-built ones where the loader would refuse the input first. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "check.h"
#include "load.h"
#include "model.h"
#include "patterns.h"
#include "testutil.h"

#define HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"

/* Loads (no load errors allowed) and checks; returns check_doc's answer. */
static bool S_check(const char *xml, struct diags *d, struct doc **out)
{
	struct patterns *pat = patterns_new();
	assert_non_null(pat);
	diags_init(d);
	struct doc *doc = load_memory(xml, strlen(xml), "c.xml", NULL, d);
	assert_non_null(doc);
	TU_ASSERT_NO_ERRORS(d);
	bool ok = check_doc(doc, pat, d);
	patterns_free(pat);
	*out = doc;
	return ok;
}

static void S_done(struct doc *doc, struct diags *d)
{
	model_free(doc);
	diags_free(d);
}

static const char VALID[] = HEAD
	"<comparison id=\"c\" format=\"1\">\n"                                   /* 2 */
	"<title>{{comparison.title}} for {{ profile.name }}</title>\n"           /* 3 */
	"<meta><date>2024-02-29</date></meta>\n"                                 /* 4 */
	"<scales><scale id=\"q\"><level id=\"hi\" score=\"2\"/><level id=\"lo\" score=\"0\"/></scale>\n"
	"<scale id=\"ms\" min=\"0\" max=\"100\" better=\"lower\"/></scales>\n"   /* 6 */
	"<frameworks><framework id=\"a.1\"><name>A</name><url>https://a.org</url></framework>\n"
	"<framework id=\"b\"><name>B {{framework.a.1.version}}</name></framework></frameworks>\n"
	"<criteria><criterion id=\"k\" scale=\"q\"><name>K</name>\n"           /* 9 */
	"<rating framework=\"a.1\" level=\"hi\"/><rating framework=\"b\" level=\"unknown\"/></criterion>\n"
	"<criterion id=\"t\" scale=\"ms\"><name>T</name>\n"                     /* 11 */
	"<rating framework=\"a.1\" value=\"0\"/><rating framework=\"b\" value=\"100\"/></criterion></criteria>\n"
	"<scenarios><scenario id=\"s\"><name>S</name><weight criterion=\"k\" value=\"1\"/>\n"
	"<require criterion=\"k\" min=\"lo\"/><require criterion=\"t\" min=\"0\" max=\"50.5\"/></scenario></scenarios>\n"
	"<profiles><profile id=\"p\" own-share=\"0\"><name>P</name><use scenario=\"s\" share=\"2\"/>\n"
	"<weight criterion=\"t\" value=\"3\"/></profile></profiles>\n"          /* 16 */
	"<report accent=\"#A0b1C2\" close-call=\"0\"/>\n"
	"</comparison>\n";

static void test_valid(void **state)
{
	(void)state;
	struct diags d;
	struct doc *doc;
	assert_true(S_check(VALID, &d, &doc));
	assert_int_equal(d.errors, 0);
	/* The title is shown in the overview too, where no profile has a name
	 * (SPEC 6.2); a title takes no when, so nothing to add is suggested. */
	assert_int_equal(d.warnings, 1);
	assert_string_equal(d.items[0].message,
	                    "{{profile.name}} has no value in the overview");
	/* Everything is linked. */
	assert_int_equal(doc->criteria[0].scale_ix, 0);
	assert_int_equal(doc->criteria[1].scale_ix, 1);
	assert_int_equal(model_rating(doc, 0, 1)->framework_ix, 1);
	assert_int_equal(model_rating(doc, 0, 0)->level_ix, 0);
	assert_int_equal(doc->scenarios[0].requires[0].min_level_ix, 1);
	assert_int_equal(doc->profiles[0].uses[0].scenario_ix, 0);
	assert_int_equal(doc->profiles[0].weights[0].criterion_ix, 1);
	assert_true(doc->scenarios[0].requires[1].max == 50.5);
	S_done(doc, &d);
}

static void test_ids(void **state)
{
	(void)state;
	static const char xml[] = HEAD
		"<comparison id=\"Bad id\" format=\"1\"><title>T</title>\n"     /* 2 */
		"<scales><scale id=\"q\"><level id=\"x\" score=\"1\"/><level id=\"y\" score=\"0\"/></scale>\n"
		"<scale id=\"q\"><level id=\"x\" score=\"1\"/><level id=\"X\" score=\"0\"/></scale></scales>\n" /* 4 */
		"<frameworks><framework id=\"a\"><name>A</name></framework>\n"  /* 5 */
		"<framework id=\"a\"><name>A2</name></framework></frameworks>\n" /* 6 */
		"<criteria><criterion id=\"k\" scale=\"q\"><name>K</name><rating framework=\"a\" level=\"x\"/></criterion>\n"
		"<criterion id=\"k\" scale=\"q\"><name>K</name><rating framework=\"a\" level=\"x\"/></criterion></criteria>\n"
		"<scenarios><scenario id=\"s\"><name>S</name><weight criterion=\"k\" value=\"1\"/></scenario>\n"
		"<scenario id=\"s\"><name>S</name><weight criterion=\"k\" value=\"1\"/></scenario></scenarios>\n"
		"<profiles><profile id=\"p\"><name>P</name><use scenario=\"s\"/></profile>\n" /* 11 */
		"<profile id=\"p\"><name>P</name><use scenario=\"s\"/></profile>\n" /* 12 */
		"<profile id=\"overview\"><name>O</name><use scenario=\"s\"/></profile></profiles>\n" /* 13 */
		"<sections><section id=\"z\" title=\"Z\"/><section id=\"z\" title=\"Z\"/></sections>\n" /* 14 */
		"</comparison>\n";
	struct diags d;
	struct doc *doc;
	assert_false(S_check(xml, &d, &doc));
	TU_ASSERT_DIAG(&d, 2, "comparison id 'Bad id' is not an id");
	TU_ASSERT_DIAG(&d, 4, "duplicate scale id 'q' (first at line 3)");
	TU_ASSERT_DIAG(&d, 4, "level id 'X' is not an id");
	TU_ASSERT_DIAG(&d, 6, "duplicate framework id 'a' (first at line 5)");
	TU_ASSERT_DIAG(&d, 8, "duplicate criterion id 'k' (first at line 7)");
	TU_ASSERT_DIAG(&d, 10, "duplicate scenario id 's' (first at line 9)");
	TU_ASSERT_DIAG(&d, 12, "duplicate profile id 'p' (first at line 11)");
	TU_ASSERT_DIAG(&d, 13, "profile id 'overview' is reserved");
	TU_ASSERT_DIAG(&d, 14, "duplicate section id 'z' (first at line 14)");
	/* The first of each duplicate is the one references resolve to. */
	assert_int_equal(doc->criteria[1].ratings[0].framework_ix, 0);
	S_done(doc, &d);
}

static void test_references_and_ratings(void **state)
{
	(void)state;
	static const char xml[] = HEAD
		"<comparison id=\"c\" format=\"1\"><title>T</title>\n"         /* 2 */
		"<scales><scale id=\"q\"><level id=\"hi\" score=\"1\"/><level id=\"lo\" score=\"0\"/></scale>\n"
		"<scale id=\"n\" min=\"-5\" max=\"5\"/></scales>\n"             /* 4 */
		"<frameworks><framework id=\"a\"><name>A</name></framework>\n"
		"<framework id=\"b\"><name>B</name></framework></frameworks>\n" /* 6 */
		"<criteria><criterion id=\"k\" scale=\"qq\"><name>K</name>\n"   /* 7 */
		"<rating framework=\"a\" level=\"hi\"/><rating framework=\"b\" level=\"lo\"/></criterion>\n"
		"<criterion id=\"m\" scale=\"q\"><name>M</name>\n"              /* 9 */
		"<rating framework=\"a\" level=\"mid\"/>\n"                     /* 10 */
		"<rating framework=\"a\" level=\"hi\"/>\n"                      /* 11 */
		"<rating framework=\"jax\" level=\"hi\"/></criterion>\n"        /* 12 */
		"<criterion id=\"v\" scale=\"n\"><name>V</name>\n"              /* 13 */
		"<rating framework=\"a\" value=\"5.0001\"/>\n"                  /* 14 */
		"<rating framework=\"b\" level=\"hi\"/></criterion>\n"          /* 15 */
		"<criterion id=\"w\" scale=\"q\"><name>W</name>\n"              /* 16 */
		"<rating framework=\"a\" value=\"1\"/><rating framework=\"b\" value=\"unknown\"/></criterion>\n"
		"</criteria>\n"
		"<scenarios><scenario id=\"s\"><name>S</name><weight criterion=\"zz\" value=\"1\"/>\n" /* 19 */
		"<weight criterion=\"m\" value=\"1\"/><require criterion=\"yy\" min=\"1\"/></scenario></scenarios>\n"
		"<profiles><profile id=\"p\"><name>P</name><use scenario=\"ss\"/>\n" /* 21 */
		"<exclude framework=\"c\"/><weight criterion=\"m\" value=\"1\"/></profile></profiles>\n" /* 22 */
		"</comparison>\n";
	struct diags d;
	struct doc *doc;
	assert_false(S_check(xml, &d, &doc));
	TU_ASSERT_DIAG(&d, 7, "criterion 'k': unknown scale 'qq'");
	TU_ASSERT_DIAG(&d, 10, "rating of 'a' in 'm': level 'mid' is not in scale 'q'");
	TU_ASSERT_DIAG(&d, 11, "criterion 'm': framework 'a' is rated twice (first at line 10)");
	TU_ASSERT_DIAG(&d, 12, "criterion 'm': rating of unknown framework 'jax'");
	TU_ASSERT_DIAG(&d, 9, "criterion 'm' has no rating for framework 'b'");
	TU_ASSERT_DIAG(&d, 14, "rating of 'a' in 'v': value 5.0001 is outside [-5, 5]");
	TU_ASSERT_DIAG(&d, 15, "rating of 'b' in 'v': scale 'n' is numeric, so the rating "
	               "takes value=, not level=");
	TU_ASSERT_DIAG(&d, 17, "rating of 'a' in 'w': scale 'q' is ordinal, so the rating "
	               "takes level=, not value=");
	TU_ASSERT_DIAG(&d, 17, "rating of 'b' in 'w': scale 'q' is ordinal");
	TU_ASSERT_DIAG(&d, 19, "scenario 's': weight of unknown criterion 'zz'");
	TU_ASSERT_DIAG(&d, 20, "scenario 's': require on unknown criterion 'yy'");
	TU_ASSERT_DIAG(&d, 21, "profile 'p' uses unknown scenario 'ss'");
	TU_ASSERT_DIAG(&d, 22, "profile 'p' excludes unknown framework 'c'");
	assert_int_equal(d.errors, 13);
	S_done(doc, &d);
}

static void test_scales(void **state)
{
	(void)state;
	static const char xml[] = HEAD
		"<comparison id=\"c\" format=\"1\"><title>T</title><scales>\n"  /* 2 */
		"<scale id=\"flat\"><level id=\"x\" score=\"1\"/><level id=\"y\" score=\"1.0\"/></scale>\n"
		"<scale id=\"one\"><level id=\"x\" score=\"1\"/></scale>\n"     /* 4 */
		"<scale id=\"dup\"><level id=\"x\" score=\"1\"/>\n"             /* 5 */
		"<level id=\"x\" score=\"2\"/><level id=\"unknown\" score=\"3\"/></scale>\n" /* 6 */
		"<scale id=\"back\" min=\"10\" max=\"1\"/>\n"                   /* 7 */
		"<scale id=\"same\" min=\"1\" max=\"1.00\"/></scales>\n"        /* 8 */
		"<frameworks><framework id=\"a\"><name>A</name></framework>\n"
		"<framework id=\"b\"><name>B</name></framework></frameworks>\n"
		"<criteria><criterion id=\"k\" scale=\"flat\"><name>K</name>\n"
		"<rating framework=\"a\" level=\"x\"/><rating framework=\"b\" level=\"y\"/></criterion></criteria>\n"
		"<scenarios><scenario id=\"s\"><name>S</name><weight criterion=\"k\" value=\"1\"/></scenario></scenarios>\n"
		"<profiles><profile id=\"p\"><name>P</name><use scenario=\"s\"/></profile></profiles>\n"
		"</comparison>\n";
	struct diags d;
	struct doc *doc;
	assert_false(S_check(xml, &d, &doc));
	TU_ASSERT_DIAG(&d, 3, "scale 'flat' cannot discriminate: every level scores 1");
	TU_ASSERT_DIAG(&d, 4, "scale 'one' needs at least 2 levels, it has 1");
	TU_ASSERT_DIAG(&d, 6, "duplicate level id 'x' in scale 'dup'");
	TU_ASSERT_DIAG(&d, 6, "'unknown' is reserved");
	TU_ASSERT_DIAG(&d, 7, "scale 'back': min (10) must be less than max (1)");
	TU_ASSERT_DIAG(&d, 8, "scale 'same': min (1) must be less than max (1)");
	assert_int_equal(d.errors, 6);
	S_done(doc, &d);
}

static void test_weights_and_shares(void **state)
{
	(void)state;
	static const char xml[] = HEAD
		"<comparison id=\"c\" format=\"1\"><title>T</title>\n"         /* 2 */
		"<scales><scale id=\"q\"><level id=\"hi\" score=\"1\"/><level id=\"lo\" score=\"0\"/></scale></scales>\n"
		"<frameworks><framework id=\"a\"><name>A</name></framework>\n"
		"<framework id=\"b\"><name>B</name></framework></frameworks>\n" /* 5 */
		"<criteria><criterion id=\"k\" scale=\"q\"><name>K</name>\n"
		"<rating framework=\"a\" level=\"hi\"/><rating framework=\"b\" level=\"lo\"/></criterion></criteria>\n"
		"<scenarios><scenario id=\"zero\"><name>Z</name><weight criterion=\"k\" value=\"0\"/></scenario>\n" /* 8 */
		"<scenario id=\"none\"><name>N</name></scenario>\n"            /* 9 */
		"<scenario id=\"neg\"><name>N</name><weight criterion=\"k\" value=\"-1\"/>\n" /* 10 */
		"<weight criterion=\"k\" value=\"2\"/></scenario></scenarios>\n" /* 11 */
		"<profiles><profile id=\"p\" own-share=\"-2\"><name>P</name>\n" /* 12 */
		"<use scenario=\"neg\" share=\"-1\"/><use scenario=\"neg\"/></profile>\n" /* 13 */
		"<profile id=\"q\"><name>Q</name><use scenario=\"zero\" share=\"0\"/>\n" /* 14 */
		"<weight criterion=\"k\" value=\"0\"/></profile>\n"            /* 15 */
		"<profile id=\"r\"><name>R</name><weight criterion=\"k\" value=\"0\"/></profile>\n" /* 16 */
		"<profile id=\"e\"><name>E</name></profile></profiles>\n"      /* 17 */
		"</comparison>\n";
	struct diags d;
	struct doc *doc;
	assert_false(S_check(xml, &d, &doc));
	TU_ASSERT_DIAG(&d, 8, "scenario 'zero': its weights total 0");
	TU_ASSERT_DIAG(&d, 9, "scenario 'none' weighs no criterion");
	TU_ASSERT_DIAG(&d, 10, "scenario 'neg': weight of 'k' is -1; weights are numbers >= 0");
	TU_ASSERT_DIAG(&d, 11, "scenario 'neg' weighs criterion 'k' twice (first at line 10)");
	TU_ASSERT_DIAG(&d, 12, "profile 'p': own-share is -2; shares are numbers >= 0");
	TU_ASSERT_DIAG(&d, 13, "profile 'p': share of 'neg' is -1; shares are numbers >= 0");
	TU_ASSERT_DIAG(&d, 13, "profile 'p' uses scenario 'neg' twice (first at line 13)");
	TU_ASSERT_DIAG(&d, 14, "profile 'q': its own weights total 0");
	TU_ASSERT_DIAG(&d, 14, "profile 'q': its mix totals 0");
	TU_ASSERT_DIAG(&d, 16, "profile 'r': its own weights total 0");
	TU_ASSERT_DIAG(&d, 17, "profile 'e' uses no scenario and has no weights of its own");
	assert_int_equal(d.errors, 11);   /* 'r' is not also told its mix is 0 */
	S_done(doc, &d);
}

static void test_requires(void **state)
{
	(void)state;
	static const char xml[] = HEAD
		"<comparison id=\"c\" format=\"1\"><title>T</title>\n"         /* 2 */
		"<scales><scale id=\"q\"><level id=\"hi\" score=\"1\"/><level id=\"lo\" score=\"0\"/></scale>\n"
		"<scale id=\"n\" min=\"0\" max=\"9\"/></scales>\n"              /* 4 */
		"<frameworks><framework id=\"a\"><name>A</name></framework>\n"
		"<framework id=\"b\"><name>B</name></framework></frameworks>\n" /* 6 */
		"<criteria><criterion id=\"k\" scale=\"q\"><name>K</name>\n"
		"<rating framework=\"a\" level=\"hi\"/><rating framework=\"b\" level=\"lo\"/></criterion>\n"
		"<criterion id=\"v\" scale=\"n\"><name>V</name>\n"
		"<rating framework=\"a\" value=\"1\"/><rating framework=\"b\" value=\"2\"/></criterion></criteria>\n"
		"<scenarios><scenario id=\"s\"><name>S</name><weight criterion=\"k\" value=\"1\"/>\n" /* 11 */
		"<require criterion=\"k\" min=\"top\"/>\n"                      /* 12 */
		"<require criterion=\"k\" max=\"lo\"/>\n"                       /* 13 */
		"<require criterion=\"v\" min=\"good\"/>\n"                     /* 14 */
		"<require criterion=\"v\" min=\"5\" max=\"4\"/>\n"              /* 15 */
		"<require criterion=\"v\" max=\"1e2\"/>\n"                      /* 16 */
		"<require criterion=\"v\" min=\"4\" max=\"4\"/></scenario></scenarios>\n" /* 17 */
		"<profiles><profile id=\"p\"><name>P</name><use scenario=\"s\"/>\n"
		"<require criterion=\"k\" min=\"hi\"/></profile></profiles>\n"
		"</comparison>\n";
	struct diags d;
	struct doc *doc;
	assert_false(S_check(xml, &d, &doc));
	TU_ASSERT_DIAG(&d, 12, "scenario 's': require on 'k': level 'top' is not in scale 'q'");
	TU_ASSERT_DIAG(&d, 13, "scenario 's': require on 'k': 'max' applies to numeric scales");
	TU_ASSERT_DIAG(&d, 14, "require on 'v': min 'good' is not a number, and scale 'n' is numeric");
	TU_ASSERT_DIAG(&d, 15, "require on 'v': min 5 is above max 4");
	TU_ASSERT_DIAG(&d, 16, "require on 'v': max '1e2' is not a number");
	assert_int_equal(d.errors, 5);
	assert_int_equal(doc->profiles[0].requires[0].min_level_ix, 0);
	S_done(doc, &d);
}

static void test_meta_and_texts(void **state)
{
	(void)state;
	static const char xml[] = HEAD
		"<comparison id=\"c\" format=\"1\"><title>T {{ title }}</title>\n" /* 2 */
		"<meta><date>2026-02-29</date><author>{{date}} {{margin}}</author></meta>\n" /* 3 */
		"<intro><p>ok {{winner.name}}</p><list><item>x <b>{{ bold }}</b></item></list></intro>\n" /* 4 */
		"<scales><scale id=\"q\"><level id=\"hi\" score=\"1\"/><level id=\"lo\" score=\"0\"/></scale></scales>\n"
		"<frameworks><framework id=\"a\"><name>A</name><url>ftp://a.org</url></framework>\n" /* 6 */
		"<framework id=\"b\"><name>B</name><summary>{{framework.c.name}}</summary></framework></frameworks>\n"
		"<criteria><criterion id=\"k\" scale=\"q\" category=\"{{cat}}\"><name>K</name>\n" /* 8 */
		"<rating framework=\"a\" level=\"hi\">{{runner-up.name}}</rating>\n"
		"<rating framework=\"b\" level=\"lo\">{{profile.idd}}</rating></criterion></criteria>\n" /* 10 */
		"<scenarios><scenario id=\"s\"><name>S</name><rationale>{{}}</rationale>\n" /* 11 */
		"<weight criterion=\"k\" value=\"1\"/></scenario></scenarios>\n"
		"<profiles><profile id=\"p\"><name>P</name><use scenario=\"s\"/></profile></profiles>\n"
		"<sections><section id=\"x\" title=\"About {{ profile.nam }}\"/></sections>\n" /* 14 */
		"<bottom-line>{{framework.a.version}} {{ framework.a.url }}</bottom-line>\n" /* 15 */
		"<report accent=\"#12345\" close-call=\"-0.5\"/>\n"             /* 16 */
		"</comparison>\n";
	struct diags d;
	struct doc *doc;
	assert_false(S_check(xml, &d, &doc));
	TU_ASSERT_DIAG(&d, 2, "unknown placeholder {{title}}");
	TU_ASSERT_DIAG(&d, 3, "date '2026-02-29' is not a real date written YYYY-MM-DD");
	TU_ASSERT_DIAG(&d, 4, "unknown placeholder {{bold}}");
	TU_ASSERT_DIAG(&d, 6, "framework 'a': url 'ftp://a.org' is not an http:// or https:// URL");
	TU_ASSERT_DIAG(&d, 7, "placeholder {{framework.c.name}} names unknown framework 'c'");
	TU_ASSERT_DIAG(&d, 10, "unknown placeholder {{profile.idd}}");
	TU_ASSERT_DIAG(&d, 11, "unknown placeholder {{}}");
	TU_ASSERT_DIAG(&d, 14, "unknown placeholder {{profile.nam}}");
	TU_ASSERT_DIAG(&d, 15, "unknown placeholder {{framework.a.url}}");
	TU_ASSERT_DIAG(&d, 16, "accent '#12345' is not a colour written #rrggbb");
	TU_ASSERT_DIAG(&d, 16, "close-call is -0.5; it must be a number >= 0");
	TU_ASSERT_DIAG(&d, 8, "unknown placeholder {{cat}}");
	assert_int_equal(d.errors, 12);
	S_done(doc, &d);
}

static void test_warnings(void **state)
{
	(void)state;
	static const char xml[] = HEAD
		"<comparison id=\"c\" format=\"1\"><title>T</title>\n"         /* 2 */
		"<scales><scale id=\"q\"><level id=\"hi\" score=\"1\"/><level id=\"lo\" score=\"0\"/></scale></scales>\n"
		"<frameworks><framework id=\"a\"><name>A</name></framework>\n"  /* 4 */
		"<framework id=\"b\"><name>B</name></framework></frameworks>\n" /* 5 */
		"<criteria><criterion id=\"k\" scale=\"q\"><name>K</name>\n"   /* 6 */
		"<rating framework=\"a\" level=\"hi\"/><rating framework=\"b\" level=\"lo\"/></criterion>\n"
		"<criterion id=\"z\" scale=\"q\"><name>Z</name>\n"             /* 8 */
		"<rating framework=\"a\" level=\"hi\"/><rating framework=\"b\" level=\"lo\"/></criterion></criteria>\n"
		"<scenarios><scenario id=\"s\"><name>S</name><weight criterion=\"k\" value=\"1\"/>\n"
		"<weight criterion=\"z\" value=\"0\"/></scenario>\n"
		"<scenario id=\"idle\"><name>I</name><weight criterion=\"k\" value=\"1\"/></scenario></scenarios>\n" /* 12 */
		"<profiles><profile id=\"p\"><name>P</name><use scenario=\"s\"/>\n"
		"<exclude framework=\"b\"/><exclude framework=\"b\"/></profile>\n"
		"<profile id=\"r\"><name>R</name><use scenario=\"s\"/><exclude framework=\"b\"/></profile>\n"
		"</profiles></comparison>\n";
	struct diags d;
	struct doc *doc;
	assert_true(S_check(xml, &d, &doc));
	assert_int_equal(d.errors, 0);
	TU_ASSERT_DIAG(&d, 8, "criterion 'z' is weighed by no scenario or profile");
	TU_ASSERT_DIAG(&d, 12, "scenario 'idle' is used by no profile");
	TU_ASSERT_DIAG(&d, 5, "framework 'b' is excluded by every profile");
	assert_int_equal(d.warnings, 3);
	for (size_t i = 0; i < d.count; i++)
		assert_int_equal(d.items[i].level, DIAG_WARNING);
	S_done(doc, &d);
}

/* Messages quote input safely: control characters escaped, long values cut. */
static void test_quoting(void **state)
{
	(void)state;
	char id[5000];
	memset(id, 'x', sizeof id - 1);
	id[sizeof id - 1] = '\0';
	char xml[8192];
	snprintf(xml, sizeof xml, "%s"
		"<comparison id=\"c\" format=\"1\"><title>T</title>\n"
		"<scales><scale id=\"q\"><level id=\"hi\" score=\"1\"/><level id=\"lo\" score=\"0\"/></scale></scales>\n"
		"<frameworks><framework id=\"a&#10;b\"><name>A</name></framework>\n"   /* 4 */
		"<framework id=\"%s\"><name>B</name></framework></frameworks>\n"      /* 5 */
		"<criteria><criterion id=\"k\" scale=\"q\"><name>K</name></criterion></criteria>\n"
		"<scenarios><scenario id=\"s\"><name>S</name><weight criterion=\"k\" value=\"1\"/></scenario></scenarios>\n"
		"<profiles><profile id=\"p\"><name>P</name><use scenario=\"s\"/></profile></profiles>\n"
		"</comparison>\n", HEAD, id);
	struct diags d;
	struct doc *doc;
	assert_false(S_check(xml, &d, &doc));
	TU_ASSERT_DIAG(&d, 4, "framework id 'a\\x0Ab' is not an id");
	TU_ASSERT_DIAG(&d, 5, "framework id 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...' is not");
	for (size_t i = 0; i < d.count; i++) {
		assert_null(strchr(d.items[i].message, '\n'));
		assert_true(strlen(d.items[i].message) < 400);
	}
	S_done(doc, &d);
}

/* What the loader never produces, but a doc built by hand might. */
static void test_hand_built(void **state)
{
	(void)state;
	struct patterns *pat = patterns_new();
	struct doc *doc = model_new("h.xml");
	doc->format = 2;
	doc->id = "h";
	struct diags d;
	diags_init(&d);
	assert_false(check_doc(doc, pat, &d));
	TU_ASSERT_DIAG(&d, 1, "unsupported format '2'");
	diags_free(&d);
	model_free(doc);
	patterns_free(pat);
}

/* A doc of n criteria, each weighed twice by one scenario and rated by
 * one unknown framework (so three errors each). */
static struct doc *S_big(size_t n)
{
	struct doc *doc = model_new("big.xml");
	struct arena *a = doc->arena;
	doc->format = 1;
	doc->id = "big";
	doc->nscales = 1;
	doc->scales = arena_array(a, 1, sizeof *doc->scales);
	doc->scales[0] = (struct scale){ .id = "q", .kind = SCALE_NUMERIC, .min = 0, .max = 1 };
	doc->nframeworks = 2;
	doc->frameworks = arena_array(a, 2, sizeof *doc->frameworks);
	doc->frameworks[0] = (struct framework){ .id = "a", .name = "A" };
	doc->frameworks[1] = (struct framework){ .id = "b", .name = "B" };
	doc->ncriteria = n;
	doc->criteria = arena_array(a, n, sizeof *doc->criteria);
	struct scenario *s = arena_array(a, 1, sizeof *s);
	s->id = "s";
	s->name = "S";
	s->nweights = 2 * n;
	s->weights = arena_array(a, 2 * n, sizeof *s->weights);
	for (size_t i = 0; i < n; i++) {
		char *id = arena_printf(a, "c%zu", i);
		struct rating *r = arena_array(a, 2, sizeof *r);
		r[0] = (struct rating){ .framework = "a", .raw = "0.5", .value = 0.5 };
		r[1] = (struct rating){ .framework = "zz", .raw = "0.5", .value = 0.5 };
		doc->criteria[i] = (struct criterion){ .id = id, .name = id, .scale = "q",
		                                       .ratings = r, .nratings = 2 };
		s->weights[2 * i] = (struct weight){ .criterion = id, .value = 1 };
		s->weights[2 * i + 1] = (struct weight){ .criterion = id, .value = 1 };
	}
	doc->nscenarios = 1;
	doc->scenarios = s;
	struct profile *p = arena_array(a, 1, sizeof *p);
	p->id = "p";
	p->name = "P";
	p->own_share = 1;
	p->nuses = 1;
	p->uses = arena_array(a, 1, sizeof *p->uses);
	p->uses[0] = (struct use){ .scenario = "s", .share = 1 };
	doc->nprofiles = 1;
	doc->profiles = p;
	return doc;
}

/* Every strcmp and strcasecmp of the library: the test binary is linked
 * with --wrap (see the Makefile), so their calls reach these first.  A
 * wrapper has no context, hence the one counter at file level. */
int __real_strcmp(const char *a, const char *b);
int __real_strcasecmp(const char *a, const char *b);
int __wrap_strcmp(const char *a, const char *b);
int __wrap_strcasecmp(const char *a, const char *b);
static size_t S_compares;

int __wrap_strcmp(const char *a, const char *b)
{
	S_compares++;
	return __real_strcmp(a, b);
}

int __wrap_strcasecmp(const char *a, const char *b)
{
	S_compares++;
	return __real_strcasecmp(a, b);
}

/* The string comparisons of checking S_big(n), keeping every error to
 * count them. */
static size_t S_count_check(const struct patterns *pat, size_t n)
{
	struct doc *doc = S_big(n);
	struct diags d;
	diags_init(&d);
	d.max_errors = 0;
	S_compares = 0;
	bool ok = check_doc(doc, pat, &d);
	size_t compares = S_compares;
	size_t errors = d.errors;
	diags_free(&d);
	model_free(doc);
	assert_false(ok);
	assert_int_equal(errors, 3 * n);   /* twice weighed, dangling, missing b */
	return compares;
}

/* Linear time, counted rather than timed (a time flakes on a busy machine
 * and under valgrind; make bench measures speed): every lookup by id
 * compares strings, so four times the criteria make about four times the
 * comparisons, where a search through every id would make sixteen. */
static void test_linear_time(void **state)
{
	(void)state;
	struct patterns *pat = patterns_new();
	size_t c1 = S_count_check(pat, 2000);
	size_t c4 = S_count_check(pat, 8000);
	patterns_free(pat);
	print_message("string comparisons: %zu for 2000 criteria, %zu for 8000\n", c1, c4);
	assert_true(c1 >= 2 * 2000);   /* the counter sees at least the weights' lookups */
	assert_true(c4 < 5 * c1);
}

/* ---- beyond the document: fonts, logo, other inputs ------------------- */

/* Fake report fonts: they draw from U+0020 to U+00FF and count lookups. */
struct S_fonts {
	size_t *lookups;
};

static bool S_fonts_have(const void *ctx, unsigned long cp)
{
	const struct S_fonts *f = ctx;
	++*f->lookups;
	return cp >= 0x20 && cp < 0x100;
}

/* Each missing character once, at its first element, in the order met,
 * with its count; controls are not looked up, astral characters say that
 * libharu draws nothing. */
static void test_glyphs(void **state)
{
	(void)state;
	struct doc *doc = model_new("g.xml");
	struct arena *a = doc->arena;
	doc->title = "Caf\xC3\xA9 \xE4\xB8\xAD\xE6\x96\x87\t\xE4\xB8\xAD";   /* é 中文 tab 中 */
	doc->nframeworks = 2;
	doc->frameworks = arena_array(a, 2, sizeof *doc->frameworks);
	doc->frameworks[0] = (struct framework){ .id = "a", .name = "\xE4\xB8\xAD" "A",
	                                         .pos = { doc->file, 4 } };
	doc->frameworks[1] = (struct framework){ .id = "b", .name = "B \xF0\x9F\x98\x80",
	                                         .pos = { doc->file, 5 } };
	size_t lookups = 0;
	struct S_fonts fonts = { &lookups };
	struct diags d;
	diags_init(&d);
	assert_int_equal(check_glyphs(doc, S_fonts_have, &fonts, &d), 3);
	assert_int_equal(d.errors, 0);
	assert_int_equal(d.warnings, 3);
	assert_int_equal(lookups, 8 + 2 + 3);   /* every character but the tab */
	assert_int_equal(d.items[0].line, 1);
	assert_string_equal(d.items[0].message,
	                    "character U+4E2D '\xE4\xB8\xAD' in the title is not in the report "
	                    "fonts; the PDFs show \xEF\xBF\xBD in its place (3 occurrences in "
	                    "this input)");
	assert_string_equal(d.items[1].message,
	                    "character U+6587 '\xE6\x96\x87' in the title is not in the report "
	                    "fonts; the PDFs show \xEF\xBF\xBD in its place");
	assert_int_equal(d.items[2].line, 5);
	assert_string_equal(d.items[2].message,
	                    "character U+1F600 '\xF0\x9F\x98\x80' in the name of framework 'b' "
	                    "is not in the report fonts (libharu draws nothing above U+FFFF); "
	                    "the PDFs show \xEF\xBF\xBD in its place");
	diags_free(&d);
	model_free(doc);
}

/* 20,000 distinct missing characters, each twice: one warning each, in
 * the order met, and one lookup per character. */
static void test_glyphs_many(void **state)
{
	(void)state;
	enum { N = 20000, FIRST = 0x4E00 };
	struct doc *doc = model_new("many.xml");
	char *text = arena_alloc(doc->arena, 2 * N * 3 + 1), *t = text;
	for (size_t k = 0; k < 2 * N; k++) {
		unsigned cp = FIRST + (unsigned)(k % N);
		*t++ = (char)(0xE0 | cp >> 12);
		*t++ = (char)(0x80 | (cp >> 6 & 0x3F));
		*t++ = (char)(0x80 | (cp & 0x3F));
	}
	doc->ncriteria = 1;
	doc->criteria = arena_array(doc->arena, 1, sizeof *doc->criteria);
	doc->criteria[0] = (struct criterion){ .id = "k", .name = "K", .description = text,
	                                       .pos = { doc->file, 9 } };
	size_t lookups = 0;
	struct S_fonts fonts = { &lookups };
	struct diags d;
	diags_init(&d);
	assert_int_equal(check_glyphs(doc, S_fonts_have, &fonts, &d), N);
	assert_int_equal(lookups, 1 + 2 * N);
	for (size_t i = 0; i < N; i += 997) {
		char want[16];
		snprintf(want, sizeof want, "U+%04X ", (unsigned)(FIRST + i));
		assert_non_null(strstr(d.items[i].message, want));
		assert_non_null(strstr(d.items[i].message, "in the description of criterion 'k'"));
		assert_non_null(strstr(d.items[i].message, "(2 occurrences in this input)"));
	}
	diags_free(&d);
	model_free(doc);
}

static bool S_probe_ok(const unsigned char *data, size_t len, double *width, double *height,
                       char **why)
{
	(void)why;
	assert_true(len == 4 && memcmp(data, "logo", 4) == 0);
	*width = 120;
	*height = 40;
	return true;
}

static bool S_probe_bad(const unsigned char *data, size_t len, double *width, double *height,
                        char **why)
{
	(void)data;
	(void)len;
	(void)width;
	(void)height;
	*why = strdup("not a PNG or JPEG");
	return false;
}

/* A logo that decodes is shown at its size; one that does not is a
 * warning at the logo; no logo, nothing to probe. */
static void test_logo(void **state)
{
	(void)state;
	struct doc *doc = model_new("l.xml");
	struct diags d;
	diags_init(&d);
	double w = 0, h = 0;
	assert_false(check_logo(doc, S_probe_bad, &w, &h, &d));
	assert_int_equal(d.count, 0);
	doc->meta.logo = "logo.png";
	doc->meta.logo_path = "art/logo.png";
	doc->meta.logo_data = (const unsigned char *)"logo";
	doc->meta.logo_len = 4;
	doc->meta.logo_pos = (struct srcpos){ doc->file, 7 };
	assert_true(check_logo(doc, S_probe_ok, &w, &h, &d));
	assert_true(w == 120 && h == 40);
	assert_int_equal(d.count, 0);
	assert_false(check_logo(doc, S_probe_bad, &w, &h, &d));
	assert_int_equal(d.warnings, 1);
	assert_int_equal(d.items[0].line, 7);
	assert_string_equal(d.items[0].message, "logo not shown: logo.png: not a PNG or JPEG");
	diags_free(&d);
	model_free(doc);
}

/* Two inputs with one comparison id: the later one is refused at its
 * root, naming the first one's file and the folder they would share. */
static void test_id_unique(void **state)
{
	(void)state;
	struct doc *x1 = model_new("a.xml"), *y = model_new("b.xml"), *x2 = model_new("c.xml");
	x1->id = "x";
	y->id = "y";
	x2->id = "x";
	x2->pos.line = 2;
	const struct doc *earlier[] = { x1, y };
	struct diags d;
	diags_init(&d);
	assert_true(check_id_unique(x1, earlier, 0, "out", &d));
	assert_true(check_id_unique(y, earlier, 1, "out", &d));
	assert_int_equal(d.count, 0);
	assert_false(check_id_unique(x2, earlier, 2, "out/", &d));
	assert_int_equal(d.errors, 1);
	assert_string_equal(d.items[0].file, "c.xml");
	assert_int_equal(d.items[0].line, 2);
	assert_string_equal(d.items[0].message,
	                    "comparison id 'x' is also the id of a.xml; their reports would "
	                    "overwrite each other in out//x");
	diags_free(&d);
	model_free(x1);
	model_free(y);
	model_free(x2);
}

/* SPEC 6.2: unknown when tokens are errors at their element, with "did
 * you mean"; a placeholder without a value where its element can be shown
 * is a warning naming the cases and the when to add, once per element,
 * judged by the effective when (a section's applies to its paragraphs). */
static void test_when(void **state)
{
	(void)state;
	static const char xml[] = HEAD
		"<comparison id=\"c\" format=\"1\"><title>T {{date}}</title>\n"   /* 2 */
		"<scales><scale id=\"q\"><level id=\"hi\" score=\"1\"/><level id=\"lo\" score=\"0\"/></scale></scales>\n"
		"<frameworks><framework id=\"a\"><name>A</name></framework>\n"
		"<framework id=\"b\"><name>B</name></framework></frameworks>\n"     /* 5 */
		"<criteria><criterion id=\"k\" scale=\"q\"><name>K</name>\n"
		"<rating framework=\"a\" level=\"hi\"/><rating framework=\"b\" level=\"lo\"/></criterion></criteria>\n"
		"<scenarios><scenario id=\"s\"><name>S</name><weight criterion=\"k\" value=\"1\"/></scenario></scenarios>\n"
		"<profiles><profile id=\"p\"><name>P</name><use scenario=\"s\"/></profile></profiles>\n" /* 9 */
		"<sections><section id=\"x\" title=\"{{leaders}}\" when=\"clsoe\">\n"  /* 10 */
		"<p>{{winner.name}} {{ winner.name }} {{margin}}</p>\n"                 /* 11 */
		"<p when=\"winner\">{{winner.name}} {{stability}} {{margin}} ok</p>\n" /* 12 */
		"<list when=\"profile\"><item>{{recommendation}} {{leaders}} {{profile.id}} ok</item>\n"
		"<item when=\"close\">{{stability}}</item></list>\n"                   /* 14 */
		"<p when=\"overview winner\">{{winner.name}}</p></section>\n"         /* 15 */
		"<section id=\"y\" title=\"Y\" when=\"profile\"><p when=\"none\">{{runner-up.name}}</p></section>\n"
		"</sections>\n"                                                         /* 17 */
		"<bottom-line when=\"profile nobody\">{{stability}}</bottom-line>\n"  /* 18 */
		"</comparison>\n";
	struct diags d;
	struct doc *doc;
	assert_false(S_check(xml, &d, &doc));
	TU_ASSERT_DIAG(&d, 10, "when: unknown token 'clsoe'; did you mean 'close'?");
	TU_ASSERT_DIAG(&d, 18, "when: unknown token 'nobody'; the tokens are winner, close, "
	               "none, profile and overview");
	TU_ASSERT_DIAG(&d, 15, "when=\"overview winner\" never shows this element (the "
	               "overview has no verdict)");
	assert_int_equal(d.errors, 2);
	TU_ASSERT_DIAG(&d, 10, "{{leaders}} has no value in the overview; add when=\"profile\"");
	TU_ASSERT_DIAG(&d, 11, "{{winner.name}} has no value when the verdict is close or "
	               "none, nor in the overview; add when=\"winner profile\"");
	TU_ASSERT_DIAG(&d, 11, "{{margin}} has no value when the verdict is none, nor in the "
	               "overview; add when=\"winner close profile\"");
	TU_ASSERT_DIAG(&d, 14, "{{stability}} has no value when the verdict is close; the "
	               "element is never shown where it has one");
	TU_ASSERT_DIAG(&d, 16, "{{runner-up.name}} has no value when the verdict is none; "
	               "the element is never shown where it has one");
	TU_ASSERT_DIAG(&d, 18, "{{stability}} has no value when the verdict is close or none; "
	               "add when=\"winner profile\"");
	assert_int_equal(d.warnings, 7);
	S_done(doc, &d);
}

/* A level not in its scale: "did you mean" for a near miss (another
 * case, a typo), else the scale's levels; in ratings and requires alike. */
static void test_level_hints(void **state)
{
	(void)state;
	char *xml = strdup(VALID);
	assert_non_null(xml);
	char *at = strstr(xml, "level=\"hi\"/><rating");
	assert_non_null(at);
	memcpy(at, "level=\"HI\"", 10);
	at = strstr(xml, "min=\"lo\"");
	assert_non_null(at);
	memcpy(at, "min=\"xy\"", 8);
	struct diags d;
	struct doc *doc;
	assert_false(S_check(xml, &d, &doc));
	TU_ASSERT_DIAG(&d, 10, "level 'HI' is not in scale 'q'; did you mean 'hi'?");
	TU_ASSERT_DIAG(&d, 14, "require on 'k': level 'xy' is not in scale 'q'; "
	               "the levels of 'q' are: hi, lo");
	assert_int_equal(d.errors, 2);
	S_done(doc, &d);
	free(xml);
}

/* SPEC 6.3: sources resolve (each named once, "did you mean" for a near
 * miss), dates are real, a rating's date is as-of else its latest
 * source's, and a rating dated more than stale-after months before
 * meta/date warns at its line and is marked stale. */
static const char SOURCES[] = HEAD
	"<comparison id=\"c\" format=\"1\"><title>T</title>\n"                   /* 2 */
	"<meta><date>2026-11-23</date></meta>\n"                                 /* 3 */
	"<scales><scale id=\"q\"><level id=\"hi\" score=\"1\"/><level id=\"lo\" score=\"0\"/></scale></scales>\n"
	"<frameworks><framework id=\"a\"><name>A</name></framework>\n"           /* 5 */
	"<framework id=\"b\"><name>B</name></framework></frameworks>\n"
	"<sources><source id=\"docs\" url=\"https://d.org\" date=\"2024-01-05\">Docs</source>\n" /* 7 */
	"<source id=\"bench\" date=\"2026-03-01\">Bench</source>\n"             /* 8 */
	"<source id=\"blog\">Blog</source></sources>\n"                          /* 9 */
	"<criteria><criterion id=\"k\" scale=\"q\"><name>K</name>\n"           /* 10 */
	"<rating framework=\"a\" level=\"hi\" source=\" docs  bench docs \"/>\n" /* 11 */
	"<rating framework=\"b\" level=\"lo\" source=\"docs\"/></criterion>\n"  /* 12 */
	"<criterion id=\"m\" scale=\"q\"><name>M</name>\n"                     /* 13 */
	"<rating framework=\"a\" level=\"hi\" source=\"blog\"/>\n"              /* 14 */
	"<rating framework=\"b\" level=\"lo\" source=\"docs\" as-of=\"2025-11-23\"/></criterion></criteria>\n" /* 15 */
	"<scenarios><scenario id=\"s\"><name>S</name><weight criterion=\"k\" value=\"1\"/>\n"
	"<weight criterion=\"m\" value=\"1\"/></scenario></scenarios>\n"
	"<profiles><profile id=\"p\"><name>P</name><use scenario=\"s\"/></profile></profiles>\n"
	"<report stale-after=\"12\"/>\n"
	"</comparison>\n";

static void test_sources(void **state)
{
	(void)state;
	struct diags d;
	struct doc *doc;
	assert_true(S_check(SOURCES, &d, &doc));
	assert_int_equal(doc->nsources, 3);
	assert_string_equal(doc->sources[0].title, "Docs");
	assert_string_equal(doc->sources[0].url, "https://d.org");
	assert_int_equal(doc->report.stale_months, 12);
	const struct rating *r = model_rating(doc, 0, 0);
	assert_int_equal(r->nsource_ix, 2);      /* docs named twice, cited once */
	assert_int_equal(r->source_ix[0], 0);
	assert_int_equal(r->source_ix[1], 1);
	assert_string_equal(r->date, "2026-03-01");   /* the latest source */
	assert_false(r->stale);
	r = model_rating(doc, 0, 1);
	assert_string_equal(r->date, "2024-01-05");
	assert_true(r->stale);
	TU_ASSERT_DIAG(&d, 12, "rating of 'b' in 'k' is stale: dated 2024-01-05, more than "
	               "12 months before the comparison's date 2026-11-23 (stale-after)");
	r = model_rating(doc, 1, 0);
	assert_null(r->date);                     /* a source without a date */
	assert_false(r->stale);
	r = model_rating(doc, 1, 1);
	assert_string_equal(r->date, "2025-11-23");   /* as-of over its source */
	assert_false(r->stale);                   /* exactly 12 months */
	assert_int_equal(d.warnings, 1);
	S_done(doc, &d);

	/* Without meta/date the comparison's date is the generation date,
	 * which the caller sets in doc->today. */
	char *xml = strdup(SOURCES);
	assert_non_null(xml);
	char *at = strstr(xml, "<meta><date>2026-11-23</date></meta>");
	assert_non_null(at);
	memset(at, ' ', strlen("<meta><date>2026-11-23</date></meta>"));
	struct patterns *pat = patterns_new();
	diags_init(&d);
	doc = load_memory(xml, strlen(xml), "c.xml", NULL, &d);
	assert_non_null(doc);
	doc->today = "2027-01-01";
	assert_true(check_doc(doc, pat, &d));
	assert_true(model_rating(doc, 0, 1)->stale);
	assert_true(model_rating(doc, 1, 1)->stale);   /* 2025-11-23: now stale */
	assert_false(model_rating(doc, 0, 0)->stale);
	assert_int_equal(d.warnings, 2);
	patterns_free(pat);
	S_done(doc, &d);
	free(xml);
}

static void test_sources_errors(void **state)
{
	(void)state;
	static const char xml[] = HEAD
		"<comparison id=\"c\" format=\"1\"><title>T</title>\n"           /* 2 */
		"<scales><scale id=\"q\"><level id=\"hi\" score=\"1\"/><level id=\"lo\" score=\"0\"/></scale></scales>\n"
		"<frameworks><framework id=\"a\"><name>A</name></framework>\n"   /* 4 */
		"<framework id=\"b\"><name>B</name></framework></frameworks>\n"
		"<sources><source id=\"vendor-docs\" url=\"ftp://x\" date=\"2026-02-29\">D</source>\n" /* 6 */
		"<source id=\"vendor-docs\">Again</source></sources>\n"         /* 7 */
		"<criteria><criterion id=\"k\" scale=\"q\"><name>K</name>\n"   /* 8 */
		"<rating framework=\"a\" level=\"hi\" source=\"vendor-doc\" as-of=\"2026-1-1\"/>\n" /* 9 */
		"<rating framework=\"b\" level=\"lo\" source=\" \"/></criterion></criteria>\n" /* 10 */
		"<scenarios><scenario id=\"s\"><name>S</name><weight criterion=\"k\" value=\"1\"/></scenario></scenarios>\n"
		"<profiles><profile id=\"p\"><name>P</name><use scenario=\"s\"/></profile></profiles>\n"
		"</comparison>\n";
	struct diags d;
	struct doc *doc;
	assert_false(S_check(xml, &d, &doc));
	TU_ASSERT_DIAG(&d, 6, "source 'vendor-docs': url 'ftp://x' is not an http:// or https:// URL");
	TU_ASSERT_DIAG(&d, 6, "source 'vendor-docs': date '2026-02-29' is not a real date written YYYY-MM-DD");
	TU_ASSERT_DIAG(&d, 7, "duplicate source id 'vendor-docs' (first at line 6)");
	TU_ASSERT_DIAG(&d, 9, "rating of 'a' in 'k': as-of '2026-1-1' is not a real date written YYYY-MM-DD");
	TU_ASSERT_DIAG(&d, 9, "rating of 'a' in 'k': unknown source 'vendor-doc'; did you mean 'vendor-docs'?");
	TU_ASSERT_DIAG(&d, 10, "rating of 'b' in 'k': source names no source");
	assert_int_equal(d.errors, 6);
	S_done(doc, &d);
}

/* "More than N months before": a month counts once its day is reached. */
static void test_is_stale(void **state)
{
	(void)state;
	assert_false(check_is_stale("2025-01-10", "2026-01-10", 12));
	assert_true(check_is_stale("2025-01-10", "2026-01-11", 12));
	assert_false(check_is_stale("2025-01-31", "2026-01-30", 12));
	assert_true(check_is_stale("2024-12-31", "2026-01-01", 12));
	assert_false(check_is_stale("2026-06-01", "2026-01-01", 1));   /* after it */
	assert_true(check_is_stale("2026-01-01", "2026-02-02", 1));
	assert_false(check_is_stale(NULL, "2026-02-02", 1));
	assert_false(check_is_stale("2020-01-01", NULL, 1));
	assert_false(check_is_stale("2020-01-01", "2026-01-01", 0));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid),
		cmocka_unit_test(test_ids),
		cmocka_unit_test(test_references_and_ratings),
		cmocka_unit_test(test_scales),
		cmocka_unit_test(test_weights_and_shares),
		cmocka_unit_test(test_requires),
		cmocka_unit_test(test_meta_and_texts),
		cmocka_unit_test(test_warnings),
		cmocka_unit_test(test_quoting),
		cmocka_unit_test(test_hand_built),
		cmocka_unit_test(test_linear_time),
		cmocka_unit_test(test_glyphs),
		cmocka_unit_test(test_glyphs_many),
		cmocka_unit_test(test_logo),
		cmocka_unit_test(test_id_unique),
		cmocka_unit_test(test_when),
		cmocka_unit_test(test_level_hints),
		cmocka_unit_test(test_sources),
		cmocka_unit_test(test_sources_errors),
		cmocka_unit_test(test_is_stale),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
