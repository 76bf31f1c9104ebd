/* test_load.c - the loader on small inline documents. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "check.h"
#include "load.h"
#include "model.h"
#include "pdf.h"
#include "testutil.h"

#define HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"

/* Everything a valid document needs, from the <comparison> line on; X is
 * put in first, so with HEAD before it its lines start at 3. */
#define BODY(x)                                                         \
	"<comparison id=\"cmp\" format=\"1\">\n" x                      \
	"<title>T</title>\n"                                            \
	"<scales><scale id=\"q\"><level id=\"g\" score=\"1\"/>"         \
	"<level id=\"b\" score=\"0\"/></scale></scales>\n"              \
	"<frameworks><framework id=\"a\"><name>A</name></framework>"    \
	"<framework id=\"b\"><name>B</name></framework></frameworks>\n" \
	"<criteria><criterion id=\"c\" scale=\"q\"><name>C</name>"      \
	"<rating framework=\"a\" level=\"g\"/>"                         \
	"<rating framework=\"b\" level=\"b\"/></criterion></criteria>\n" \
	"<scenarios><scenario id=\"s\"><name>S</name>"                  \
	"<weight criterion=\"c\" value=\"1\"/></scenario></scenarios>\n" \
	"<profiles><profile id=\"p\"><name>P</name>"                    \
	"<use scenario=\"s\"/></profile></profiles>\n"                  \
	"</comparison>\n"

#define DOC(x) HEAD BODY(x)

static const char MINIMAL[] =
	HEAD                                                                 /* 1 */
	"<comparison id=\"ml-2026\" format=\"1\">\n"                         /* 2 */
	"  <title>  PyTorch   vs\n"                                          /* 3 */
	"   TensorFlow </title>\n"                                           /* 4 */
	"  <scales>\n"                                                       /* 5 */
	"    <scale id=\"quality\">\n"                                       /* 6 */
	"      <level id=\"good\" score=\"3\" label=\"Good\"/>\n"            /* 7 */
	"      <level id=\"limited\" score=\"1\"/>\n"                        /* 8 */
	"    </scale>\n"                                                     /* 9 */
	"    <scale id=\"ms\" min=\"0\" max=\"200\" better=\"lower\" unit=\"ms\"/>\n" /* 10 */
	"  </scales>\n"                                                      /* 11 */
	"  <frameworks>\n"                                                   /* 12 */
	"    <framework id=\"pt\"><name>PyTorch</name><version>2.9</version></framework>\n" /* 13 */
	"    <framework id=\"tf\"><name>TensorFlow</name></framework>\n"     /* 14 */
	"  </frameworks>\n"                                                  /* 15 */
	"  <criteria>\n"                                                     /* 16 */
	"    <criterion id=\"debug\" scale=\"quality\" category=\"Dev\">\n"  /* 17 */
	"      <name>Debugging</name>\n"                                     /* 18 */
	"      <rating framework=\"pt\" level=\"good\">  Excellent\n"        /* 19 */
	"        (Pythonic)  </rating>\n"                                    /* 20 */
	"      <rating framework=\"tf\" level=\"unknown\"/>\n"               /* 21 */
	"    </criterion>\n"                                                 /* 22 */
	"    <criterion id=\"p99\" scale=\"ms\">\n"                          /* 23 */
	"      <name>Latency</name>\n"                                       /* 24 */
	"      <rating framework=\"pt\" value=\"41.5\"/>\n"                  /* 25 */
	"      <rating framework=\"tf\" value=\"unknown\">not measured</rating>\n" /* 26 */
	"    </criterion>\n"                                                 /* 27 */
	"  </criteria>\n"                                                    /* 28 */
	"  <scenarios>\n"                                                    /* 29 */
	"    <scenario id=\"research\"><name>Research</name>\n"              /* 30 */
	"      <rationale>Fast\tprototyping</rationale>\n"                   /* 31 */
	"      <weight criterion=\"debug\" value=\"5\"/>\n"                  /* 32 */
	"      <require criterion=\"p99\" max=\"100\"/>\n"                   /* 33 */
	"      <require criterion=\"debug\" min=\"good\"/>\n"                /* 34 */
	"    </scenario>\n"                                                  /* 35 */
	"  </scenarios>\n"                                                   /* 36 */
	"  <profiles>\n"                                                     /* 37 */
	"    <profile id=\"acme\"><name>ACME</name>\n"                       /* 38 */
	"      <use scenario=\"research\"/>\n"                               /* 39 */
	"      <use scenario=\"other\" share=\"2.5\"/>\n"                    /* 40 */
	"      <weight criterion=\"p99\" value=\"0.5\"/>\n"                  /* 41 */
	"      <exclude framework=\"tf\" reason=\"No contract\"/>\n"         /* 42 */
	"    </profile>\n"                                                   /* 43 */
	"  </profiles>\n"                                                    /* 44 */
	"</comparison>\n";                                                   /* 45 */

static void test_minimal_document(void **state)
{
	(void)state;
	struct diags d;
	diags_init(&d);
	struct doc *doc = LOAD_STR(MINIMAL, &d);
	assert_non_null(doc);
	TU_ASSERT_NO_ERRORS(&d);
	assert_int_equal(d.warnings, 0);
	assert_string_equal(doc->file, "test.xml");
	assert_string_equal(doc->id, "ml-2026");
	assert_int_equal(doc->format, 1);
	assert_int_equal(doc->pos.line, 2);
	assert_string_equal(doc->title, "PyTorch vs TensorFlow");
	assert_null(doc->subtitle);
	assert_null(doc->bottom_line);
	assert_int_equal(doc->intro.nparas, 0);
	assert_int_equal(doc->nsections, 0);

	assert_int_equal(doc->nframeworks, 2);
	assert_string_equal(doc->frameworks[0].id, "pt");
	assert_string_equal(doc->frameworks[0].name, "PyTorch");
	assert_string_equal(doc->frameworks[0].version, "2.9");
	assert_null(doc->frameworks[0].license);
	assert_int_equal(doc->frameworks[0].pos.line, 13);
	assert_string_equal(doc->frameworks[0].pos.file, "test.xml");
	assert_string_equal(doc->frameworks[1].name, "TensorFlow");
	assert_int_equal(doc->frameworks[1].pos.line, 14);

	assert_int_equal(doc->ncriteria, 2);
	const struct criterion *c = &doc->criteria[0];
	assert_string_equal(c->id, "debug");
	assert_string_equal(c->scale, "quality");
	assert_string_equal(c->category, "Dev");
	assert_string_equal(c->name, "Debugging");
	assert_null(c->description);
	assert_int_equal(c->pos.line, 17);
	assert_true(c->scale_ix == MODEL_NO_INDEX);
	assert_null(c->rating_of);
	assert_null(doc->criteria[1].category);

	assert_int_equal(doc->nscenarios, 1);
	const struct scenario *s = &doc->scenarios[0];
	assert_string_equal(s->name, "Research");
	assert_string_equal(s->rationale, "Fast prototyping");
	assert_int_equal(s->nweights, 1);
	assert_string_equal(s->weights[0].criterion, "debug");
	assert_true(s->weights[0].value == 5.0);
	assert_true(s->weights[0].criterion_ix == MODEL_NO_INDEX);
	assert_int_equal(s->weights[0].pos.line, 32);
	assert_int_equal(s->nrequires, 2);
	assert_null(s->requires[0].min_raw);
	assert_string_equal(s->requires[0].max_raw, "100");
	assert_true(s->requires[0].max == 100.0);
	assert_true(isinf(s->requires[0].min) && s->requires[0].min < 0);
	assert_string_equal(s->requires[1].min_raw, "good");
	assert_true(isnan(s->requires[1].min));   /* a level, not a number */
	assert_true(isinf(s->requires[1].max) && s->requires[1].max > 0);
	assert_true(s->requires[1].min_level_ix == MODEL_NO_INDEX);

	assert_int_equal(doc->nprofiles, 1);
	const struct profile *p = &doc->profiles[0];
	assert_string_equal(p->id, "acme");
	assert_true(p->own_share == 1.0);
	assert_int_equal(p->nuses, 2);
	assert_true(p->uses[0].share == 1.0);
	assert_true(p->uses[1].share == 2.5);
	assert_string_equal(p->uses[1].scenario, "other");
	assert_true(p->uses[1].scenario_ix == MODEL_NO_INDEX);
	assert_int_equal(p->nweights, 1);
	assert_true(p->weights[0].value == 0.5);
	assert_int_equal(p->nrequires, 0);
	assert_int_equal(p->nexcludes, 1);
	assert_string_equal(p->excludes[0].framework, "tf");
	assert_string_equal(p->excludes[0].reason, "No contract");
	assert_int_equal(p->excludes[0].pos.line, 42);

	assert_int_equal(doc->report.paper, PAPER_A4);
	assert_false(doc->report.landscape);
	assert_false(doc->report.has_close_call);
	assert_true(doc->report.close_call == 2.0);
	assert_null(doc->report.accent);
	model_free(doc);
	diags_free(&d);
}

static void test_scales(void **state)
{
	(void)state;
	struct diags d;
	diags_init(&d);
	struct doc *doc = LOAD_STR(MINIMAL, &d);
	assert_non_null(doc);
	assert_int_equal(doc->nscales, 2);
	const struct scale *q = &doc->scales[0];
	assert_string_equal(q->id, "quality");
	assert_int_equal(q->kind, SCALE_ORDINAL);
	assert_int_equal(q->nlevels, 2);
	assert_string_equal(q->levels[0].id, "good");
	assert_string_equal(q->levels[0].label, "Good");
	assert_true(q->levels[0].score == 3.0);
	assert_int_equal(q->levels[0].pos.line, 7);
	assert_string_equal(q->levels[1].label, "limited");   /* the id */
	assert_true(q->min == 1.0 && q->max == 3.0);
	const struct scale *ms = &doc->scales[1];
	assert_int_equal(ms->kind, SCALE_NUMERIC);
	assert_int_equal(ms->nlevels, 0);
	assert_true(ms->min == 0.0 && ms->max == 200.0);
	assert_true(ms->lower_better);
	assert_string_equal(ms->unit, "ms");
	assert_int_equal(ms->pos.line, 10);
	model_free(doc);
	diags_free(&d);
}

static void test_ratings(void **state)
{
	(void)state;
	struct diags d;
	diags_init(&d);
	struct doc *doc = LOAD_STR(MINIMAL, &d);
	assert_non_null(doc);
	const struct criterion *c = &doc->criteria[0];
	assert_int_equal(c->nratings, 2);
	assert_string_equal(c->ratings[0].framework, "pt");
	assert_string_equal(c->ratings[0].raw, "good");
	assert_false(c->ratings[0].unknown);
	assert_string_equal(c->ratings[0].text, "Excellent (Pythonic)");
	assert_int_equal(c->ratings[0].pos.line, 19);
	assert_true(c->ratings[0].framework_ix == MODEL_NO_INDEX);
	assert_true(c->ratings[0].level_ix == MODEL_NO_INDEX);
	assert_true(c->ratings[1].unknown);
	assert_string_equal(c->ratings[1].raw, "unknown");
	assert_string_equal(c->ratings[1].text, "");
	const struct criterion *n = &doc->criteria[1];
	assert_false(n->ratings[0].unknown);
	assert_true(n->ratings[0].value == 41.5);
	assert_string_equal(n->ratings[0].raw, "41.5");
	assert_true(n->ratings[1].unknown);
	assert_string_equal(n->ratings[1].text, "not measured");
	model_free(doc);
	diags_free(&d);
}

static void test_block_content(void **state)
{
	(void)state;
	static const char xml[] = DOC(
		"<intro>\n"                                              /* 3 */
		"  <p>a <b>b</b> c</p>\n"                                /* 4 */
		"  <p>  x <i>y <b> z</b></i>\n"                          /* 5 */
		"  </p>\n"                                               /* 6 */
		"  <list><item>one</item>\n"                             /* 7 */
		"    <item> two <!-- c --> too </item></list>\n"         /* 8 */
		"</intro>\n"                                             /* 9 */
		"<sections>\n"                                           /* 10 */
		"  <section id=\"s1\" title=\" Pricing  Comparison\"><p>P</p></section>\n" /* 11 */
		"  <section id=\"s2\" title=\"T\" place=\"after-features\"/>\n"  /* 12 */
		"</sections>\n"                                          /* 13 */
		"<bottom-line>  Choose\n wisely. </bottom-line>\n");     /* 14 */
	struct diags d;
	diags_init(&d);
	struct doc *doc = LOAD_STR(xml, &d);
	assert_non_null(doc);
	TU_ASSERT_NO_ERRORS(&d);
	const struct block *b = &doc->intro;
	assert_int_equal(b->nparas, 4);

	const struct para *p = &b->paras[0];
	assert_int_equal(p->kind, PARA_TEXT);
	assert_int_equal(p->pos.line, 4);
	assert_int_equal(p->nspans, 3);
	assert_string_equal(p->spans[0].text, "a ");
	assert_int_equal(p->spans[0].style, SPAN_PLAIN);
	assert_string_equal(p->spans[1].text, "b");
	assert_int_equal(p->spans[1].style, SPAN_BOLD);
	assert_string_equal(p->spans[2].text, " c");
	assert_int_equal(p->spans[2].style, SPAN_PLAIN);

	p = &b->paras[1];
	assert_int_equal(p->nspans, 3);
	assert_string_equal(p->spans[0].text, "x ");
	assert_string_equal(p->spans[1].text, "y ");
	assert_int_equal(p->spans[1].style, SPAN_ITALIC);
	assert_string_equal(p->spans[2].text, "z");   /* blank folded, trimmed */
	assert_int_equal(p->spans[2].style, SPAN_BOLD | SPAN_ITALIC);

	assert_int_equal(b->paras[2].kind, PARA_ITEM);
	assert_int_equal(b->paras[2].nspans, 1);
	assert_string_equal(b->paras[2].spans[0].text, "one");
	assert_int_equal(b->paras[3].kind, PARA_ITEM);
	assert_int_equal(b->paras[3].pos.line, 8);
	assert_int_equal(b->paras[3].nspans, 1);   /* joined across the comment */
	assert_string_equal(b->paras[3].spans[0].text, "two too");

	assert_int_equal(doc->nsections, 2);
	assert_string_equal(doc->sections[0].id, "s1");
	assert_string_equal(doc->sections[0].title, "Pricing Comparison");
	assert_int_equal(doc->sections[0].place, PLACE_APPENDIX);
	assert_int_equal(doc->sections[0].body.nparas, 1);
	assert_string_equal(doc->sections[0].body.paras[0].spans[0].text, "P");
	assert_int_equal(doc->sections[1].place, PLACE_AFTER_FEATURES);
	assert_int_equal(doc->sections[1].body.nparas, 0);
	assert_int_equal(doc->sections[1].pos.line, 12);
	assert_string_equal(doc->bottom_line, "Choose wisely.");
	model_free(doc);
	diags_free(&d);
}

static void test_meta_and_report(void **state)
{
	(void)state;
	static const char xml[] = DOC(
		"<subtitle>Sub</subtitle>\n"                             /* 3 */
		"<meta><author>Group</author>\n"                         /* 4 */
		"  <date>2026-11-23</date>\n"                            /* 5 */
		"  <organisation>Org</organisation></meta>\n"            /* 6 */
		"<report paper=\"Letter\" orientation=\"landscape\"\n"   /* 7 */
		"        close-call=\"3.5\" accent=\"#1f4e79\"/>\n");    /* 8 */
	struct diags d;
	diags_init(&d);
	struct doc *doc = LOAD_STR(xml, &d);
	assert_non_null(doc);
	TU_ASSERT_NO_ERRORS(&d);
	assert_string_equal(doc->subtitle, "Sub");
	assert_string_equal(doc->meta.author, "Group");
	assert_string_equal(doc->meta.date, "2026-11-23");
	assert_int_equal(doc->meta.date_pos.line, 5);
	assert_string_equal(doc->meta.organisation, "Org");
	assert_null(doc->meta.logo);
	assert_null(doc->meta.logo_path);
	assert_int_equal(doc->report.paper, PAPER_LETTER);
	assert_true(doc->report.landscape);
	assert_true(doc->report.has_close_call);
	assert_true(doc->report.close_call == 3.5);
	assert_string_equal(doc->report.accent, "#1f4e79");
	assert_int_equal(doc->report.pos.line, 7);
	model_free(doc);
	diags_free(&d);
}

static void test_profile_defaults_and_shares(void **state)
{
	(void)state;
	static const char xml[] = DOC("") ;
	struct diags d;
	diags_init(&d);
	struct doc *doc = LOAD_STR(xml, &d);
	assert_non_null(doc);
	TU_ASSERT_NO_ERRORS(&d);
	assert_true(doc->profiles[0].own_share == 1.0);
	assert_true(doc->profiles[0].uses[0].share == 1.0);
	assert_false(doc->report.has_close_call);
	assert_true(doc->report.close_call == 2.0);
	model_free(doc);
	diags_free(&d);
}

static void test_unknown_element_and_attribute(void **state)
{
	(void)state;
	static const char xml[] = DOC(
		"<colour/>\n"                                            /* 3 */
		"<report paper=\"A4\"\n"                                 /* 4 */
		"  colour=\"red\" xml:lang=\"en\"/>\n");                 /* 5 */
	struct diags d;
	diags_init(&d);
	struct doc *doc = LOAD_STR(xml, &d);
	assert_non_null(doc);
	TU_ASSERT_DIAG(&d, 3, "unknown element <colour> in <comparison>");
	TU_ASSERT_DIAG(&d, 4, "unknown attribute 'colour' on <report>");
	assert_int_equal(d.errors, 2);   /* xml:lang is fine */
	assert_string_equal(d.items[0].file, "test.xml");
	model_free(doc);
	diags_free(&d);
}

static void test_malformed_decimals(void **state)
{
	(void)state;
	static const char xml[] = HEAD
		"<comparison id=\"c\" format=\"1\"><scenarios>\n"        /* 2 */
		"<scenario id=\"s\"><name>S</name>\n"                    /* 3 */
		"<weight criterion=\"a\" value=\"1e3\"/>\n"              /* 4 */
		"<weight criterion=\"b\" value=\"nan\"/>\n"              /* 5 */
		"<weight criterion=\"c\" value=\"1,5\"/>\n"              /* 6 */
		"<weight criterion=\"d\" value=\" 2.50 \"/>\n"           /* 7 */
		"<weight criterion=\"e\" value=\"-.5\"/>\n"              /* 8 */
		"<weight criterion=\"f\" value=\"+3.\"/>\n"              /* 9 */
		"<weight criterion=\"g\" value=\"inf\"/>\n"              /* 10 */
		"<weight criterion=\"h\" value=\"0.1\"/>\n"              /* 11 */
		"<weight criterion=\"i\" value=\".\"/>\n"                /* 12 */
		"</scenario></scenarios>\n"
		"<profiles><profile id=\"p\"><name>P</name>\n"           /* 14 */
		"<use scenario=\"s\" share=\"abc\"/></profile></profiles>\n" /* 15 */
		"</comparison>\n";
	struct diags d;
	diags_init(&d);
	struct doc *doc = LOAD_STR(xml, &d);
	assert_non_null(doc);
	TU_ASSERT_DIAG(&d, 4, "attribute 'value' of <weight>: '1e3' is not a decimal number");
	TU_ASSERT_DIAG(&d, 5, "'nan' is not a decimal number");
	TU_ASSERT_DIAG(&d, 6, "'1,5' is not a decimal number");
	TU_ASSERT_DIAG(&d, 10, "'inf' is not a decimal number");
	TU_ASSERT_DIAG(&d, 12, "'.' is not a decimal number");
	TU_ASSERT_DIAG(&d, 15, "attribute 'share' of <use>: 'abc' is not a decimal number");
	assert_false(tu_has(&d, 7, "decimal"));
	const struct weight *w = doc->scenarios[0].weights;
	assert_int_equal(doc->scenarios[0].nweights, 9);
	assert_true(w[3].value == 2.5);
	assert_true(w[4].value == -0.5);
	assert_true(w[5].value == 3.0);
	assert_true(w[7].value == 0.1);   /* correctly rounded, as strtod */
	assert_true(doc->profiles[0].uses[0].share == 1.0);   /* kept default */
	model_free(doc);
	diags_free(&d);
}

/* The decimal point is '.', whatever LC_NUMERIC says.  Without a
 * decimal-comma locale there is nothing to show: skipped, and said so. */
static void test_decimal_ignores_locale(void **state)
{
	(void)state;
	TU_COMMA_LOCALE_OR_SKIP();
	char probe[16];
	snprintf(probe, sizeof probe, "%.1f", 0.5);
	struct diags d;
	diags_init(&d);
	struct doc *doc = LOAD_STR(MINIMAL, &d);
	setlocale(LC_ALL, "C");
	assert_string_equal(probe, "0,5");   /* the locale really has a comma */
	assert_non_null(doc);
	TU_ASSERT_NO_ERRORS(&d);
	assert_true(doc->criteria[1].ratings[0].value == 41.5);
	assert_true(doc->profiles[0].uses[1].share == 2.5);
	model_free(doc);
	diags_free(&d);
}

static void test_format_2(void **state)
{
	(void)state;
	static const char xml[] = HEAD
		"<comparison id=\"c\"\n"
		"  format=\"2\"><whatever/></comparison>\n";
	struct diags d;
	diags_init(&d);
	struct doc *doc = LOAD_STR(xml, &d);
	assert_null(doc);   /* not read by format 1 rules at all */
	TU_ASSERT_DIAG(&d, 2, "unsupported format '2' (this tool reads format 1)");
	assert_int_equal(d.errors, 1);
	diags_free(&d);
}

static void test_wrong_root(void **state)
{
	(void)state;
	static const char xml[] = HEAD "<comparisons/>\n";
	struct diags d;
	diags_init(&d);
	assert_null(LOAD_STR(xml, &d));
	TU_ASSERT_DIAG(&d, 2, "the root element is <comparisons>");
	assert_int_equal(d.errors, 1);
	diags_free(&d);
}

/* The shape step: every structural mistake, each once, at its line. */
static void test_structure_errors(void **state)
{
	(void)state;
	static const char xml[] = HEAD
		"<comparison id=\"c\" format=\"1\">\n"                   /* 2 */
		"<title>T</title><title>U</title>\n"                     /* 3 */
		"<frameworks>\n"                                         /* 4 */
		"  stray text\n"                                         /* 5 */
		"  <framework id=\"x\"><version>1</version></framework>\n" /* 6 */
		"  <framework id=\"y\"><name>Y <b>bold</b></name></framework>\n" /* 7 */
		"</frameworks>\n"                                        /* 8 */
		"<criteria><criterion id=\"k\">\n"                       /* 9 */
		"  <name>K</name><rating framework=\"x\"/></criterion></criteria>\n" /* 10 */
		"<scales><scale id=\"both\" min=\"0\" max=\"1\"><level id=\"a\" score=\"1\"/></scale>\n" /* 11 */
		"  <scale id=\"none\"/></scales>\n"                      /* 12 */
		"<scenarios><scenario id=\"s\"><nmae>S</nmae><weight criterion=\"k\" value=\"1\"/>\n" /* 13 */
		"  <level id=\"q\"/><weight criterion=\"k\" value=\"1\"><b/></weight></scenario></scenarios>\n" /* 14 */
		"</comparison>\n";
	struct diags d;
	diags_init(&d);
	struct doc *doc = LOAD_STR(xml, &d);
	assert_non_null(doc);
	TU_ASSERT_DIAG(&d, 3, "<title> appears twice in <comparison> (first at line 3)");
	assert_string_equal(doc->title, "T");
	TU_ASSERT_DIAG(&d, 5, "text is not allowed in <frameworks>");
	TU_ASSERT_DIAG(&d, 6, "<framework> 'x' has no <name>");
	TU_ASSERT_DIAG(&d, 7, "<name> may hold only text, not <b>");
	assert_string_equal(doc->frameworks[1].name, "Y");   /* <b> pruned */
	TU_ASSERT_DIAG(&d, 9, "<criterion> 'k' has no 'scale' attribute");   /* schema */
	TU_ASSERT_DIAG(&d, 10, "<rating> needs a 'level' or a 'value' attribute");
	TU_ASSERT_DIAG(&d, 11, "<scale> 'both' has both <level> children and min/max");
	TU_ASSERT_DIAG(&d, 12, "<scale> 'none' has neither <level> children nor min/max");
	TU_ASSERT_DIAG(&d, 13, "unknown element <nmae> in <scenario>; did you mean <name>?");
	assert_string_equal(doc->scenarios[0].name, "S");   /* read as <name> */
	TU_ASSERT_DIAG(&d, 14, "<level> is not allowed in <scenario>");
	TU_ASSERT_DIAG(&d, 14, "<weight> may hold no elements, not <b>");
	TU_ASSERT_DIAG(&d, 2, "<comparison> has no <profiles>");
	assert_int_equal(d.errors, 12);   /* all of them, each once, in one pass */
	assert_int_equal(doc->scenarios[0].nweights, 2);
	model_free(doc);
	diags_free(&d);
}

/* The schema step: attributes and values, reworded, each once. */
static void test_schema_errors(void **state)
{
	(void)state;
	static const char xml[] = DOC(
		"<report paper=\"A5\" orientation=\"sideways\" close-call=\"2,5\"\n" /* 3 */
		"  acent=\"#ffffff\"/>\n"                                    /* 4 */
		"<sections><section id=\"x\" title=\"T\" place=\"apendix\" style=\"b\"/>\n" /* 5 */
		"<section title=\"U\" xmlns:z=\"urn:z\" z:foo=\"1\"/></sections>\n"); /* 6 */
	struct diags d;
	diags_init(&d);
	struct doc *doc = LOAD_STR(xml, &d);
	assert_non_null(doc);
	TU_ASSERT_DIAG(&d, 3, "attribute 'paper' of <report>: 'A5' is not one of 'A4', 'Letter'");
	TU_ASSERT_DIAG(&d, 3, "attribute 'orientation' of <report>: 'sideways' is not one of");
	TU_ASSERT_DIAG(&d, 3, "attribute 'close-call' of <report>: '2,5' is not a decimal number");
	TU_ASSERT_DIAG(&d, 3, "unknown attribute 'acent' on <report>; did you mean 'accent'?");
	TU_ASSERT_DIAG(&d, 5, "attribute 'place' of <section>: 'apendix' is not one of "
	               "'after-verdict', 'after-features', 'appendix'");
	TU_ASSERT_DIAG(&d, 5, "unknown attribute 'style' on <section>");
	TU_ASSERT_DIAG(&d, 6, "<section> has no 'id' attribute");
	TU_ASSERT_DIAG(&d, 6, "unknown attribute 'z:foo' on <section>");
	assert_int_equal(d.errors, 8);
	/* What failed keeps its default. */
	assert_int_equal(doc->report.paper, PAPER_A4);
	assert_false(doc->report.has_close_call);
	assert_int_equal(doc->sections[0].place, PLACE_APPENDIX);
	assert_null(doc->sections[1].id);
	model_free(doc);
	diags_free(&d);
}

/* A misspelt required attribute is one mistake, said once. */
static void test_attribute_typo_said_once(void **state)
{
	(void)state;
	static const char xml[] = DOC(
		"<meta><logo scr=\"x.png\"/></meta>\n");                 /* 3 */
	struct diags d;
	diags_init(&d);
	struct doc *doc = LOAD_STR(xml, &d);
	assert_non_null(doc);
	TU_ASSERT_DIAG(&d, 3, "unknown attribute 'scr' on <logo>; did you mean 'src'?");
	assert_int_equal(d.errors, 1);   /* not also "<logo> has no 'src'" */
	model_free(doc);
	diags_free(&d);
}

/* Counts: 2 to 12 frameworks, at least one criterion, scenario, profile. */
static void test_counts(void **state)
{
	(void)state;
	char fw[4096] = "";
	for (int i = 0; i < 13; i++) {
		char one[96];
		snprintf(one, sizeof one, "<framework id=\"f%d\"><name>F</name></framework>\n", i);
		strcat(fw, one);
	}
	char xml[8192];
	snprintf(xml, sizeof xml, HEAD
		"<comparison id=\"c\" format=\"1\"><title>T</title>\n"   /* 2 */
		"<scales/><frameworks>\n%s</frameworks>\n"               /* 3, 4.. */
		"<criteria/>\n<scenarios/><profiles/></comparison>\n", fw);
	struct diags d;
	diags_init(&d);
	struct doc *doc = load_memory(xml, strlen(xml), "n.xml", NULL, &d);
	assert_non_null(doc);
	TU_ASSERT_DIAG(&d, 16, "<frameworks> holds more than 12 <framework>");
	TU_ASSERT_DIAG(&d, 18, "<criteria> has no <criterion>; it needs at least one");
	TU_ASSERT_DIAG(&d, 19, "<scenarios> has no <scenario>; it needs at least one");
	TU_ASSERT_DIAG(&d, 19, "<profiles> has no <profile>; it needs at least one");
	assert_int_equal(d.errors, 4);
	assert_int_equal(doc->nframeworks, 13);   /* kept, so nothing dangles */
	model_free(doc);
	diags_free(&d);

	static const char one[] = HEAD
		"<comparison id=\"c\" format=\"1\"><title>T</title><scales/>\n"
		"<frameworks><framework id=\"a\"><name>A</name></framework></frameworks>\n" /* 3 */
		"<criteria><criterion id=\"c\" scale=\"s\"><name>C</name></criterion></criteria>\n"
		"<scenarios><scenario id=\"s\"><name>S</name></scenario></scenarios>\n"
		"<profiles><profile id=\"p\"><name>P</name></profile></profiles></comparison>\n";
	diags_init(&d);
	doc = LOAD_STR(one, &d);
	assert_non_null(doc);
	TU_ASSERT_DIAG(&d, 3, "<frameworks> has only 1 <framework>; it needs at least 2");
	assert_int_equal(d.errors, 1);
	model_free(doc);
	diags_free(&d);
}

static void test_entity_declaration_rejected(void **state)
{
	(void)state;
	static const char xml[] = HEAD
		"<!DOCTYPE comparison [\n"                               /* 2 */
		"  <!-- a comment -->\n"                                 /* 3 */
		"  <!ENTITY who\n"                                       /* 4 */
		"     \"someone\">\n"                                    /* 5 */
		"]>\n"                                                   /* 6 */
		"<comparison id=\"c\" format=\"1\"><title>T</title></comparison>\n";
	struct diags d;
	diags_init(&d);
	struct doc *doc = LOAD_STR(xml, &d);
	TU_ASSERT_DIAG(&d, 4, "entity declarations are not allowed");
	assert_non_null(doc);   /* never referenced, so the rest was read */
	TU_ASSERT_DIAG(&d, 7, "<comparison> has no <scales>");
	model_free(doc);
	diags_free(&d);
}

static void test_external_entity_rejected(void **state)
{
	(void)state;
	static const char xml[] = HEAD
		"<!DOCTYPE comparison [\n"                               /* 2 */
		"  <!ENTITY xxe SYSTEM \"file:///etc/passwd\">\n"        /* 3 */
		"]>\n"
		"<comparison id=\"c\" format=\"1\"><title>&xxe;</title></comparison>\n";
	struct diags d;
	diags_init(&d);
	struct doc *doc = LOAD_STR(xml, &d);
	assert_null(doc);
	TU_ASSERT_DIAG(&d, 3, "entity declarations are not allowed");
	assert_int_equal(d.errors, 1);   /* not also "Entity 'xxe' not defined" */
	diags_free(&d);
}

static void test_doctype_tolerated(void **state)
{
	(void)state;
	static const char plain[] = HEAD "<!DOCTYPE comparison>\n" BODY("");
	static const char sys[] = HEAD
		"<!DOCTYPE comparison SYSTEM \"http://example.invalid/verdict.dtd\" [\n"
		"  <!-- nothing declared -->\n"
		"  <!ELEMENT comparison ANY>\n"
		"]>\n" BODY("");
	struct diags d;
	diags_init(&d);
	struct doc *doc = LOAD_STR(plain, &d);
	assert_non_null(doc);
	TU_ASSERT_NO_ERRORS(&d);
	assert_int_equal(doc->pos.line, 3);
	model_free(doc);
	diags_free(&d);

	/* The external DTD is neither fetched nor an error. */
	diags_init(&d);
	doc = LOAD_STR(sys, &d);
	assert_non_null(doc);
	TU_ASSERT_NO_ERRORS(&d);
	assert_string_equal(doc->title, "T");
	assert_int_equal(doc->nframeworks, 2);
	model_free(doc);
	diags_free(&d);
}

static void test_billion_laughs(void **state)
{
	(void)state;
	static const char xml[] = HEAD
		"<!DOCTYPE lolz [\n"
		" <!ENTITY lol \"lol\">\n"                               /* 3 */
		" <!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
		" <!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">\n"
		" <!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n"
		" <!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">\n"
		" <!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">\n"
		" <!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\">\n"
		" <!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\">\n"
		" <!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\">\n"
		" <!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">\n"
		"]>\n"
		"<comparison id=\"c\" format=\"1\"><title>&lol9;</title></comparison>\n";
	struct diags d;
	diags_init(&d);
	/* A hang guard, not a speed test: expanding the entities would take
	 * hours; refusing their declarations takes microseconds. */
	alarm(60);
	struct doc *doc = LOAD_STR(xml, &d);
	alarm(0);
	assert_null(doc);
	assert_int_equal(d.errors, 10);   /* one per declaration, nothing else */
	TU_ASSERT_DIAG(&d, 3, "entity declarations are not allowed");
	TU_ASSERT_DIAG(&d, 12, "entity declarations are not allowed");
	diags_free(&d);
}

static void test_empty_input(void **state)
{
	(void)state;
	struct diags d;
	diags_init(&d);
	assert_null(load_memory("", 0, "e.xml", NULL, &d));
	assert_int_equal(d.errors, 1);
	assert_int_equal(d.items[0].line, 1);
	assert_string_equal(d.items[0].file, "e.xml");
	assert_string_equal(d.items[0].message, "file is empty");
	diags_free(&d);

	/* Only white space: libxml2 finds no document. */
	diags_init(&d);
	assert_null(load_memory("\n\n", 2, "e.xml", NULL, &d));
	assert_true(d.errors >= 1);
	diags_free(&d);
}

static void test_size_cap(void **state)
{
	(void)state;
	struct load_opts opts = { .max_bytes = 10 };
	struct diags d;
	diags_init(&d);
	static const char xml[] = "<comparison id=\"c\" format=\"1\"/>";
	assert_null(load_memory(xml, sizeof xml - 1, "big.xml", &opts, &d));
	assert_int_equal(d.errors, 1);
	assert_int_equal(d.items[0].line, 1);
	assert_string_equal(d.items[0].message,
	                    "file is larger than 10 bytes (raise the limit with --max-bytes)");
	diags_free(&d);

	/* The same through a file, refused by its size. */
	char path[] = "/tmp/verdict-test-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, xml, sizeof xml - 1), (ssize_t)(sizeof xml - 1));
	close(fd);
	diags_init(&d);
	assert_null(load_file(path, &opts, &d));
	TU_ASSERT_DIAG(&d, 1, "file is larger than 10 bytes");
	diags_free(&d);
	opts.max_bytes = sizeof xml - 1;   /* exactly at the cap is fine */
	diags_init(&d);
	struct doc *doc = load_file(path, &opts, &d);
	assert_non_null(doc);
	assert_false(tu_has(&d, 0, "larger"));
	model_free(doc);
	diags_free(&d);
	unlink(path);
}

static void test_missing_file(void **state)
{
	(void)state;
	struct diags d;
	diags_init(&d);
	assert_null(load_file("/nonexistent/verdict.xml", NULL, &d));
	TU_ASSERT_DIAG(&d, 1, "cannot read");
	diags_free(&d);
}

static void test_malformed_xml(void **state)
{
	(void)state;
	static const char xml[] = HEAD
		"<comparison id=\"c\" format=\"1\">\n"
		"<title>x</titel>\n"                                     /* 3 */
		"</comparison>\n";
	struct diags d;
	diags_init(&d);
	assert_null(LOAD_STR(xml, &d));
	TU_ASSERT_DIAG(&d, 3, "mismatch");
	assert_string_equal(d.items[0].file, "test.xml");
	/* One line, no trailing newline from libxml2. */
	assert_null(strchr(d.items[0].message, '\n'));
	diags_free(&d);
}

static void test_invalid_utf8(void **state)
{
	(void)state;
	static const char xml[] = HEAD
		"<comparison id=\"c\" format=\"1\">\n"
		"<title>ok</title>\n"
		"<subtitle>caf\xc3\x28</subtitle>\n"                     /* 4 */
		"</comparison>\n";
	struct diags d;
	diags_init(&d);
	assert_null(LOAD_STR(xml, &d));
	TU_ASSERT_DIAG(&d, 4, "UTF-8");
	assert_null(strchr(d.items[0].message, '\n'));
	diags_free(&d);
}

/* ------------------------------------------------------------------ */
/* XInclude, on files in a temporary directory                          */

struct tmpdir {
	char dir[64];
	char *paths[8];   /* malloc'd */
	int n;
};

static const char *tmp_write(struct tmpdir *t, const char *name, const char *text)
{
	size_t size = strlen(t->dir) + strlen(name) + 2;
	char *p = malloc(size);
	assert_non_null(p);
	snprintf(p, size, "%s/%s", t->dir, name);
	t->paths[t->n++] = p;
	FILE *f = fopen(p, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
	return p;
}

static void tmp_remove(struct tmpdir *t)
{
	while (t->n > 0) {
		unlink(t->paths[--t->n]);
		free(t->paths[t->n]);
	}
	char sub[128];
	snprintf(sub, sizeof sub, "%s/shared", t->dir);
	rmdir(sub);
	rmdir(t->dir);
}

static void tmp_make(struct tmpdir *t)
{
	memset(t, 0, sizeof *t);
	strcpy(t->dir, "/tmp/verdict-xi-XXXXXX");
	assert_non_null(mkdtemp(t->dir));
	char sub[128];
	snprintf(sub, sizeof sub, "%s/shared", t->dir);
	assert_int_equal(mkdir(sub, 0700), 0);
}

#define XI "xmlns:xi=\"http://www.w3.org/2001/XInclude\""

static void test_xinclude(void **state)
{
	(void)state;
	struct tmpdir t;
	tmp_make(&t);
	tmp_write(&t, "shared/common.xml",
		"<common " XI ">\n"                                      /* 1 */
		"<frameworks>\n"                                         /* 2 */
		"  <framework id=\"a\"><name>A</name></framework>\n"    /* 3 */
		"  <xi:include href=\"fw-b.xml\"/>\n"                    /* 4 */
		"</frameworks>\n"
		"<ignored/>\n"
		"</common>\n");
	tmp_write(&t, "shared/fw-b.xml",
		"\n\n<framework id=\"b\">\n"                             /* 3 */
		"  <name>B</name>\n"
		"</framework>\n");
	const char *main_path = tmp_write(&t, "main.xml",
		HEAD
		"<comparison id=\"c\" format=\"1\" " XI ">\n"            /* 2 */
		"<title>T</title>\n"                                     /* 3 */
		"<xi:include href=\"shared/common.xml\"\n"               /* 4 */
		"   xpointer=\"xpointer(/common/frameworks)\"/>\n"
		"<scales><scale id=\"q\"><level id=\"g\" score=\"1\"/>"
		"<level id=\"b\" score=\"0\"/></scale></scales>\n"
		"<criteria><criterion id=\"c\" scale=\"q\"><name>C</name>"
		"<rating framework=\"a\" level=\"g\"/>"
		"<rating framework=\"b\" level=\"b\"/></criterion></criteria>\n"
		"<scenarios><scenario id=\"s\"><name>S</name>"
		"<weight criterion=\"c\" value=\"1\"/></scenario></scenarios>\n"
		"<profiles><profile id=\"p\"><name>P</name>"
		"<use scenario=\"s\"/></profile></profiles>\n"
		"</comparison>\n");
	struct diags d;
	diags_init(&d);
	struct doc *doc = load_file(main_path, NULL, &d);
	assert_non_null(doc);
	TU_ASSERT_NO_ERRORS(&d);
	assert_int_equal(doc->nframeworks, 2);
	char common[160], fwb[160];
	snprintf(common, sizeof common, "%s/shared/common.xml", t.dir);
	snprintf(fwb, sizeof fwb, "%s/shared/fw-b.xml", t.dir);
	assert_string_equal(doc->frameworks[0].name, "A");
	assert_string_equal(doc->frameworks[0].pos.file, common);
	assert_int_equal(doc->frameworks[0].pos.line, 3);
	assert_string_equal(doc->frameworks[1].name, "B");
	assert_string_equal(doc->frameworks[1].pos.file, fwb);
	assert_int_equal(doc->frameworks[1].pos.line, 3);
	assert_string_equal(doc->pos.file, main_path);
	/* SPEC 6.4: every file read, once, in the order first read; the
	 * includes relative to the main file's directory */
	assert_int_equal(doc->nfiles, 3);
	assert_string_equal(doc->files[0].path, main_path);
	assert_string_equal(doc->files[1].path, "shared/common.xml");
	assert_string_equal(doc->files[2].path, "shared/fw-b.xml");
	char fp[65];
	model_fingerprint(doc->files, doc->nfiles, fp);
	assert_string_equal(doc->fingerprint, fp);
	assert_string_not_equal(doc->fingerprint, doc->files[0].sha256);
	model_free(doc);
	diags_free(&d);
	tmp_remove(&t);
}

/* SPEC 6.4: the fingerprint is what sha256sum prints for the lines
 * "<sha256>  <path>" (computed with printf ... | sha256sum), and the
 * file's own SHA-256 when there is one file. */
static void test_fingerprint(void **state)
{
	(void)state;
	const char *a = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
	const char *b = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
	const struct doc_file files[2] = { { "x.xml", a }, { "shared/y z.xml", b } };
	char fp[65];
	model_fingerprint(files, 2, fp);
	assert_string_equal(fp, "ee9028fbcd8ce3f8beb49bf50f1e2b16d17aa172acc704e4f913ba3e371af803");
	model_fingerprint(files, 1, fp);
	assert_string_equal(fp, a);
	model_fingerprint(files, 0, fp);
	assert_string_equal(fp, "");
	/* a load with no include: the fingerprint is the file's SHA-256 */
	struct diags d;
	diags_init(&d);
	const char *x = HEAD "<comparison id=\"c\" format=\"1\"><title>T</title></comparison>\n";
	struct doc *doc = load_memory(x, strlen(x), "m.xml", NULL, &d);
	assert_non_null(doc);
	assert_int_equal(doc->nfiles, 1);
	assert_string_equal(doc->files[0].path, "m.xml");
	assert_non_null(doc->fingerprint);
	assert_string_equal(doc->fingerprint, doc->files[0].sha256);
	assert_int_equal(strlen(doc->fingerprint), 64);
	model_free(doc);
	diags_free(&d);
}

static void test_xinclude_errors(void **state)
{
	(void)state;
	struct tmpdir t;
	tmp_make(&t);
	tmp_write(&t, "shared/ent.xml",
		"<!DOCTYPE x [\n"
		"<!ENTITY e \"boom\">\n"                                 /* 2 */
		"]>\n<subtitle>S</subtitle>\n");
	tmp_write(&t, "shared/loop.xml",
		"<meta " XI ">\n<xi:include href=\"loop.xml\"/></meta>\n"); /* 2 */
	tmp_write(&t, "shared/bad-fw.xml",
		"<frameworks>\n"
		"<framework id=\"z\" colour=\"red\"><name>Z</name></framework>\n" /* 2 */
		"</frameworks>\n");
	const char *main_path = tmp_write(&t, "main.xml",
		HEAD
		"<comparison id=\"c\" format=\"1\" " XI ">\n"            /* 2 */
		"<xi:include href=\"../outside.xml\"/>\n"                /* 3 */
		"<xi:include href=\"/etc/passwd\"/>\n"                   /* 4 */
		"<xi:include href=\"http://example.invalid/x.xml\"/>\n"  /* 5 */
		"<xi:include href=\"shared/%2e%2e/%2e%2e/x.xml\"/>\n"    /* 6 */
		"<xi:include href=\"shared/ent.xml\"/>\n"                /* 7 */
		"<xi:include href=\"shared/loop.xml\"/>\n"               /* 8 */
		"<xi:include href=\"shared/missing.xml\"/>\n"            /* 9 */
		"<frameworks><xi:include href=\"shared/bad-fw.xml\"\n"   /* 10 */
		"  xpointer=\"xpointer(/frameworks/framework)\"/></frameworks>\n"
		"<xi:include href=\"shared/bad-fw.xml\" xpointer=\"nothing\"/>\n" /* 12 */
		"<xi:include/>\n"                                         /* 13 */
		"</comparison>\n");
	struct diags d;
	diags_init(&d);
	struct doc *doc = load_file(main_path, NULL, &d);
	assert_non_null(doc);
	char msg[256];
	snprintf(msg, sizeof msg, "include '../outside.xml' is outside %s/, the "
	         "directory of %s; files an input names may not leave it", t.dir, main_path);
	TU_ASSERT_DIAG(&d, 3, msg);
	TU_ASSERT_DIAG(&d, 4, "include '/etc/passwd' is an absolute path");
	TU_ASSERT_DIAG(&d, 5, "include 'http://example.invalid/x.xml' is a URL; only "
	               "files inside the input's directory are read, never the network");
	TU_ASSERT_DIAG(&d, 6, "include 'shared/%2e%2e/%2e%2e/x.xml' is outside");
	TU_ASSERT_DIAG(&d, 2, "entity declarations are not allowed");
	TU_ASSERT_DIAG(&d, 2, "include 'loop.xml' includes the file it is in");
	TU_ASSERT_DIAG(&d, 9, "cannot read include 'shared/missing.xml'");
	TU_ASSERT_DIAG(&d, 2, "unknown attribute 'colour' on <framework>");
	TU_ASSERT_DIAG(&d, 12, "xpointer 'nothing' selects no element");
	TU_ASSERT_DIAG(&d, 13, "<xi:include> needs an 'href' attribute");
	TU_ASSERT_DIAG(&d, 10, "<frameworks> has only 1 <framework>; it needs at least 2");
	TU_ASSERT_DIAG(&d, 2, "<comparison> has no <title>");
	assert_int_equal(d.errors, 16);   /* also no scales, criteria, ... */
	/* What could be included was: the subtitle, the meta, a framework. */
	assert_string_equal(doc->subtitle, "S");
	assert_int_equal(doc->nframeworks, 1);
	assert_string_equal(doc->frameworks[0].id, "z");
	/* Each error names the file its element came from. */
	char ent[160], bad[160], loop[160];
	snprintf(ent, sizeof ent, "%s/shared/ent.xml", t.dir);
	snprintf(bad, sizeof bad, "%s/shared/bad-fw.xml", t.dir);
	snprintf(loop, sizeof loop, "%s/shared/loop.xml", t.dir);
	for (size_t i = 0; i < d.count; i++) {
		const char *m = d.items[i].message, *f = d.items[i].file;
		if (strstr(m, "entity declarations") != NULL)
			assert_string_equal(f, ent);
		else if (strstr(m, "'colour'") != NULL)
			assert_string_equal(f, bad);
		else if (strstr(m, "includes the file it is in") != NULL)
			assert_string_equal(f, loop);
		else
			assert_string_equal(f, main_path);
	}
	assert_string_equal(doc->frameworks[0].pos.file, bad);
	model_free(doc);
	diags_free(&d);
	tmp_remove(&t);
}

/* A logo resolves against the file its element came from, and its kind
 * comes from its first bytes. */
static void test_logo(void **state)
{
	(void)state;
	struct tmpdir t;
	tmp_make(&t);
	tmp_write(&t, "shared/logo.jpg", "\xFF\xD8\xFF\xE0 not really a JPEG beyond its signature");
	tmp_write(&t, "shared/png.bin", "\x89PNG\r\n\x1A\n and the rest");
	tmp_write(&t, "shared/meta.xml",
		"<meta><author>Shared</author><logo src=\"logo.jpg\"/></meta>\n");
	const char *first = tmp_write(&t, "a.xml",
		HEAD "<comparison id=\"cmp\" format=\"1\" " XI ">\n"
		"<xi:include href=\"shared/meta.xml\"/>\n"
		"<title>T</title>\n"
		"<scales><scale id=\"q\"><level id=\"g\" score=\"1\"/><level id=\"b\" score=\"0\"/></scale></scales>\n"
		"<frameworks><framework id=\"a\"><name>A</name></framework>"
		"<framework id=\"b\"><name>B</name></framework></frameworks>\n"
		"<criteria><criterion id=\"c\" scale=\"q\"><name>C</name>"
		"<rating framework=\"a\" level=\"g\"/><rating framework=\"b\" level=\"b\"/></criterion></criteria>\n"
		"<scenarios><scenario id=\"s\"><name>S</name><weight criterion=\"c\" value=\"1\"/></scenario></scenarios>\n"
		"<profiles><profile id=\"p\"><name>P</name><use scenario=\"s\"/></profile></profiles>\n"
		"</comparison>\n");
	struct diags d;
	diags_init(&d);
	struct doc *doc = load_file(first, NULL, &d);
	assert_non_null(doc);
	TU_ASSERT_NO_ERRORS(&d);
	char want[200];
	snprintf(want, sizeof want, "%s/shared/logo.jpg", t.dir);
	assert_string_equal(doc->meta.logo, "logo.jpg");
	assert_string_equal(doc->meta.logo_path, want);
	assert_int_equal(doc->meta.logo_format, LOGO_JPEG);
	snprintf(want, sizeof want, "%s/shared/meta.xml", t.dir);
	assert_string_equal(doc->meta.logo_pos.file, want);
	assert_int_equal(doc->meta.logo_pos.line, 1);
	model_free(doc);
	diags_free(&d);

	/* The same from memory, named by its path, with a PNG by signature
	 * whatever its name says. */
	static const char xml[] = DOC("<meta><logo src=\"shared/png.bin\"/></meta>\n");
	char name[200];
	snprintf(name, sizeof name, "%s/b.xml", t.dir);
	diags_init(&d);
	doc = load_memory(xml, sizeof xml - 1, name, NULL, &d);
	assert_non_null(doc);
	TU_ASSERT_NO_ERRORS(&d);
	snprintf(want, sizeof want, "%s/shared/png.bin", t.dir);
	assert_string_equal(doc->meta.logo_path, want);
	assert_int_equal(doc->meta.logo_format, LOGO_PNG);
	model_free(doc);
	diags_free(&d);
	tmp_remove(&t);
}

static void test_xinclude_self(void **state)
{
	(void)state;
	struct tmpdir t;
	tmp_make(&t);
	const char *main_path = tmp_write(&t, "self.xml",
		"<comparison id=\"c\" format=\"1\" " XI ">\n"
		"<xi:include href=\"self.xml\" xpointer=\"xpointer(/comparison/title)\"/>\n"
		"</comparison>\n");
	struct diags d;
	diags_init(&d);
	struct doc *doc = load_file(main_path, NULL, &d);
	assert_non_null(doc);
	TU_ASSERT_DIAG(&d, 2, "include 'self.xml' includes the file it is in");
	assert_string_equal(d.items[0].file, main_path);
	model_free(doc);
	diags_free(&d);
	tmp_remove(&t);
}

/* libxml2 keeps element lines in 16 bits; ours must not wrap or drift. */
static void test_big_line_numbers(void **state)
{
	(void)state;
	static const char head[] = HEAD "<comparison id=\"c\" format=\"1\">\n";
	static const char tail[] = "<report\n colour=\"x\"/>\n</comparison>\n";
	size_t blank = 70000, len = strlen(head) + blank + strlen(tail);
	char *buf = malloc(len + 1);
	assert_non_null(buf);
	strcpy(buf, head);
	memset(buf + strlen(head), '\n', blank);
	strcpy(buf + strlen(head) + blank, tail);
	struct diags d;
	diags_init(&d);
	struct doc *doc = load_memory(buf, len, "big.xml", NULL, &d);
	free(buf);
	assert_non_null(doc);
	TU_ASSERT_DIAG(&d, 70003, "unknown attribute 'colour' on <report>");
	assert_int_equal(doc->report.pos.line, 70003);
	model_free(doc);
	diags_free(&d);
}

/* ------------------------------------------------------------------ */
/* The logo is read once, at load, from the descriptor that was checked */

/* A path in t's directory, removed by tmp_remove. */
static const char *S_tmp_path(struct tmpdir *t, const char *name)
{
	size_t size = strlen(t->dir) + strlen(name) + 2;
	char *p = malloc(size);
	assert_non_null(p);
	snprintf(p, size, "%s/%s", t->dir, name);
	t->paths[t->n++] = p;
	return p;
}

/* The n bytes at data into a new file name in t. */
static const char *S_tmp_bytes(struct tmpdir *t, const char *name, const void *data, size_t n)
{
	const char *p = S_tmp_path(t, name);
	FILE *f = fopen(p, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, n, f), n);
	assert_int_equal(fclose(f), 0);
	return p;
}

/* Loads DOC(<meta><logo src=src/></meta>) as t's main.xml. */
static struct doc *S_load_logo(struct tmpdir *t, const char *src, struct diags *d)
{
	char xml[2048];
	snprintf(xml, sizeof xml, DOC("<meta><logo src=\"%s\"/></meta>\n"), src);
	const char *main_path = tmp_write(t, "main.xml", xml);
	diags_init(d);
	struct doc *doc = load_file(main_path, NULL, d);
	assert_non_null(doc);
	return doc;
}

/* The model holds the logo's bytes exactly, and the check stage probes
 * those: the file may be gone (or swapped) after the load. */
static void test_logo_bytes_in_model(void **state)
{
	(void)state;
	/* A 3 x 1 RGB PNG, NUL bytes and all. */
	static const char png[] =
		"\x89\x50\x4E\x47\x0D\x0A\x1A\x0A\x00\x00\x00\x0D\x49\x48\x44\x52"
		"\x00\x00\x00\x03\x00\x00\x00\x01\x08\x02\x00\x00\x00\x94\x82\x83"
		"\xE3\x00\x00\x00\x0D\x49\x44\x41\x54\x78\xDA\x63\xF8\xCF\xC0\x00"
		"\x41\x00\x11\xF8\x02\xFE\x3C\xBB\xFD\xA6\x00\x00\x00\x00\x49\x45"
		"\x4E\x44\xAE\x42\x60\x82";
	size_t n = sizeof png - 1;
	struct tmpdir t;
	tmp_make(&t);
	const char *logo = S_tmp_bytes(&t, "shared/logo.png", png, n);
	struct diags d;
	struct doc *doc = S_load_logo(&t, "shared/logo.png", &d);
	TU_ASSERT_NO_ERRORS(&d);
	assert_int_equal(doc->meta.logo_format, LOGO_PNG);
	assert_false(doc->meta.logo_too_big);
	assert_int_equal(doc->meta.logo_len, n);
	assert_memory_equal(doc->meta.logo_data, png, n);
	assert_int_equal(unlink(logo), 0);
	double w = 0, h = 0;
	assert_true(check_logo(doc, pdf_image_probe, &w, &h, &d));
	assert_true(w == 3 && h == 1);
	assert_int_equal(d.count, 0);
	model_free(doc);
	diags_free(&d);
	tmp_remove(&t);
}

/* A FIFO is refused at once: opened without waiting for a writer, then
 * found not to be a regular file. */
static void test_logo_fifo_refused_without_hanging(void **state)
{
	(void)state;
	struct tmpdir t;
	tmp_make(&t);
	assert_int_equal(mkfifo(S_tmp_path(&t, "shared/fifo.png"), 0600), 0);
	alarm(10);   /* a hang is a failure (SIGALRM), not a stuck test run */
	struct diags d;
	struct doc *doc = S_load_logo(&t, "shared/fifo.png", &d);
	alarm(0);
	TU_ASSERT_DIAG(&d, 3, "logo 'shared/fifo.png' is not a regular file");
	assert_null(doc->meta.logo_path);
	assert_null(doc->meta.logo_data);
	model_free(doc);
	diags_free(&d);
	tmp_remove(&t);
}

/* A logo over MODEL_LOGO_MAX_BYTES is kept out of memory; the check says
 * it is not shown, in the words the renderer used to say it. */
static void test_logo_too_big(void **state)
{
	(void)state;
	struct tmpdir t;
	tmp_make(&t);
	const char *big = S_tmp_bytes(&t, "shared/big.png", "\x89PNG\r\n\x1A\n", 8);
	assert_int_equal(truncate(big, (off_t)MODEL_LOGO_MAX_BYTES + 1), 0);
	struct diags d;
	struct doc *doc = S_load_logo(&t, "shared/big.png", &d);
	TU_ASSERT_NO_ERRORS(&d);
	assert_true(doc->meta.logo_too_big);
	assert_null(doc->meta.logo_data);
	double w, h;
	assert_false(check_logo(doc, pdf_image_probe, &w, &h, &d));
	char want[256];
	snprintf(want, sizeof want, "logo not shown: shared/big.png: %s is larger than "
	         "16777216 bytes", big);
	TU_ASSERT_DIAG(&d, 3, want);
	model_free(doc);
	diags_free(&d);
	tmp_remove(&t);
}

/* SPEC 6.2: when= into the model as the cases each block is shown in, a
 * section's and a list's when applying to what they hold; unknown tokens
 * are left to check_doc() (recorded in doc->whens), and ignored here. */
static void test_when_bitmask(void **state)
{
	(void)state;
	static const char xml[] = DOC(
		"<sections><section id=\"x\" title=\"X\" when=\"profile\">\n"   /* 3 */
		"<p when=\" winner\tclose \">a</p>\n"                               /* 4 */
		"<list when=\"close none\"><item>b</item><item when=\"none\">c</item></list>\n"
		"<p when=\"overview\">d</p><p when=\"winer profile\">e</p></section>\n"  /* 6 */
		"<section id=\"y\" title=\"Y\"><p>f</p><p when=\"winner overview\">g</p>"
		"</section></sections>\n"                                             /* 7 */
		"<bottom-line when=\"overview\">h</bottom-line>\n");
	struct diags d;
	diags_init(&d);
	struct doc *doc = LOAD_STR(xml, &d);
	assert_non_null(doc);
	TU_ASSERT_NO_ERRORS(&d);
	assert_int_equal(doc->nsections, 2);
	const struct section *x = &doc->sections[0], *y = &doc->sections[1];
	assert_int_equal(x->when, WHEN_PROFILE);
	assert_int_equal(x->body.nparas, 5);
	assert_int_equal(x->body.paras[0].when, WHEN_WINNER | WHEN_CLOSE);
	assert_int_equal(x->body.paras[1].when, WHEN_CLOSE | WHEN_NONE);
	assert_int_equal(x->body.paras[2].when, WHEN_NONE);
	assert_int_equal(x->body.paras[3].when, 0);            /* overview, in a profile section */
	assert_int_equal(x->body.paras[4].when, WHEN_PROFILE); /* the typo is check's to report */
	assert_int_equal(y->when, WHEN_ALWAYS);
	assert_int_equal(y->body.paras[0].when, WHEN_ALWAYS);
	assert_int_equal(y->body.paras[1].when, 0);            /* the overview has no verdict */
	assert_int_equal(doc->bottom_line_when, WHEN_OVERVIEW);
	assert_int_equal(doc->nwhens, 8);
	assert_string_equal(doc->whens[5].text, "winer profile");
	assert_int_equal(doc->whens[5].pos.line, 6);
	assert_int_equal(model_when_cases(NULL), WHEN_ALWAYS);
	assert_int_equal(model_when_cases("  "), WHEN_ALWAYS);
	assert_int_equal(model_when_cases("close profile overview"), WHEN_CLOSE);
	assert_int_equal(model_when_cases("profile overview"), WHEN_ALWAYS);
	diags_free(&d);
	model_free(doc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_minimal_document),
		cmocka_unit_test(test_scales),
		cmocka_unit_test(test_ratings),
		cmocka_unit_test(test_block_content),
		cmocka_unit_test(test_meta_and_report),
		cmocka_unit_test(test_profile_defaults_and_shares),
		cmocka_unit_test(test_unknown_element_and_attribute),
		cmocka_unit_test(test_malformed_decimals),
		cmocka_unit_test(test_decimal_ignores_locale),
		cmocka_unit_test(test_format_2),
		cmocka_unit_test(test_wrong_root),
		cmocka_unit_test(test_structure_errors),
		cmocka_unit_test(test_schema_errors),
		cmocka_unit_test(test_attribute_typo_said_once),
		cmocka_unit_test(test_counts),
		cmocka_unit_test(test_entity_declaration_rejected),
		cmocka_unit_test(test_external_entity_rejected),
		cmocka_unit_test(test_doctype_tolerated),
		cmocka_unit_test(test_billion_laughs),
		cmocka_unit_test(test_empty_input),
		cmocka_unit_test(test_size_cap),
		cmocka_unit_test(test_missing_file),
		cmocka_unit_test(test_malformed_xml),
		cmocka_unit_test(test_invalid_utf8),
		cmocka_unit_test(test_xinclude),
		cmocka_unit_test(test_fingerprint),
		cmocka_unit_test(test_xinclude_errors),
		cmocka_unit_test(test_xinclude_self),
		cmocka_unit_test(test_logo),
		cmocka_unit_test(test_big_line_numbers),
		cmocka_unit_test(test_logo_bytes_in_model),
		cmocka_unit_test(test_logo_fifo_refused_without_hanging),
		cmocka_unit_test(test_logo_too_big),
		cmocka_unit_test(test_when_bitmask),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
