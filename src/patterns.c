/* patterns.c - PCRE2 patterns for ids, dates, colours, URLs, placeholders. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "patterns.h"

#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model.h"

enum { P_ID, P_COLOUR, P_URL, P_DATE, P_PLACEHOLDER, P_COUNT };

/* SPEC section 1 fixes the id and colour patterns; the rest are ours. */
static const char *const S_sources[P_COUNT] = {
	[P_ID] = "^[a-z0-9][a-z0-9._-]{0,63}$",
	[P_COLOUR] = "^#[0-9A-Fa-f]{6}$",
	/* http(s), a host name (letters of any script, digits, dots and
	 * hyphens) or an IPv6 literal, a port, then no blanks or <>" */
	[P_URL] = "^(?i:https?)://(?:[\\p{L}\\p{N}](?:[\\p{L}\\p{N}.-]*[\\p{L}\\p{N}])?"
	          "|\\[[0-9A-Fa-f:.]+\\])"
	          "(?::[0-9]{1,5})?(?:[/?#][^\\s<>\"]*)?$",
	[P_DATE] = "^([0-9]{4})-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$",
	/* The blanks around the name are trimmed in C: "\\s*([^{}]*?)\\s*"
	 * would backtrack quadratically over a long run of blanks. */
	[P_PLACEHOLDER] = "\\{\\{([^{}]*)\\}\\}",
};

/* The placeholder names (SPEC section 1), in the order messages list
 * them; S_ID_MARK stands for a framework id. */
#define S_ID_MARK "<id>"
static const char *const S_ph_names[PATTERNS_PH_COUNT] = {
	[PATTERNS_PH_TITLE] = "comparison.title",
	[PATTERNS_PH_DATE] = "date",
	[PATTERNS_PH_PROFILE_NAME] = "profile.name",
	[PATTERNS_PH_PROFILE_ID] = "profile.id",
	[PATTERNS_PH_WINNER] = "winner.name",
	[PATTERNS_PH_RUNNER_UP] = "runner-up.name",
	[PATTERNS_PH_MARGIN] = "margin",
	[PATTERNS_PH_LEADERS] = "leaders",
	[PATTERNS_PH_RECOMMENDATION] = "recommendation",
	[PATTERNS_PH_STABILITY] = "stability",
	[PATTERNS_PH_FW_NAME] = "framework." S_ID_MARK ".name",
	[PATTERNS_PH_FW_VERSION] = "framework." S_ID_MARK ".version",
};

/* Where each has a value (SPEC 6.2). */
static const unsigned S_ph_cases[PATTERNS_PH_COUNT] = {
	[PATTERNS_PH_TITLE] = WHEN_ALWAYS,
	[PATTERNS_PH_DATE] = WHEN_ALWAYS,
	[PATTERNS_PH_PROFILE_NAME] = WHEN_PROFILE,
	[PATTERNS_PH_PROFILE_ID] = WHEN_PROFILE,
	[PATTERNS_PH_WINNER] = WHEN_WINNER,
	[PATTERNS_PH_RUNNER_UP] = WHEN_WINNER | WHEN_CLOSE,
	[PATTERNS_PH_MARGIN] = WHEN_WINNER | WHEN_CLOSE,
	[PATTERNS_PH_LEADERS] = WHEN_PROFILE,
	[PATTERNS_PH_RECOMMENDATION] = WHEN_PROFILE,
	[PATTERNS_PH_STABILITY] = WHEN_WINNER,
	[PATTERNS_PH_FW_NAME] = WHEN_ALWAYS,
	[PATTERNS_PH_FW_VERSION] = WHEN_ALWAYS,
};

struct patterns {
	pcre2_code *code[P_COUNT];
};

struct user_regex {
	pcre2_code *code;
};

void patterns_free(struct patterns *p)
{
	if (p == NULL)
		return;
	for (int i = 0; i < P_COUNT; i++)
		pcre2_code_free(p->code[i]);
	free(p);
}

struct patterns *patterns_new(void)
{
	struct patterns *p = calloc(1, sizeof *p);
	if (p == NULL)
		return NULL;
	for (int i = 0; i < P_COUNT; i++) {
		int err;
		PCRE2_SIZE off;
		/* DOLLAR_ENDONLY: "$" must not match before a final
		 * newline ("abc\n" is no id). */
		p->code[i] = pcre2_compile((PCRE2_SPTR)S_sources[i],
		                           PCRE2_ZERO_TERMINATED,
		                           PCRE2_UTF | PCRE2_DOLLAR_ENDONLY,
		                           &err, &off, NULL);
		if (p->code[i] == NULL) {
			patterns_free(p);
			return NULL;
		}
	}
	return p;
}

/* Matches code against len bytes of s from offset; fills ovector pairs. */
static int S_match(const pcre2_code *code, const char *s, size_t len,
                   size_t offset, size_t *ov, int pairs)
{
	pcre2_match_data *md = pcre2_match_data_create_from_pattern(code, NULL);
	if (md == NULL)
		return -1;
	int rc = pcre2_match(code, (PCRE2_SPTR)s, len, offset, 0, md, NULL);
	if (rc > 0 && ov != NULL) {
		PCRE2_SIZE *v = pcre2_get_ovector_pointer(md);
		for (int i = 0; i < 2 * pairs; i++)
			ov[i] = v[i];
	}
	pcre2_match_data_free(md);
	return rc;
}

static bool S_is(const struct patterns *p, int which, const char *s)
{
	return s != NULL && S_match(p->code[which], s, strlen(s), 0, NULL, 0) > 0;
}

bool patterns_is_id(const struct patterns *p, const char *s)
{
	return S_is(p, P_ID, s);
}

bool patterns_is_colour(const struct patterns *p, const char *s)
{
	return S_is(p, P_COLOUR, s);
}

bool patterns_is_url(const struct patterns *p, const char *s)
{
	return S_is(p, P_URL, s);
}

bool patterns_is_date(const struct patterns *p, const char *s)
{
	if (!S_is(p, P_DATE, s))
		return false;
	int y = atoi(s), m = atoi(s + 5), d = atoi(s + 8);
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	int max = days[m - 1] + (m == 2 && leap);
	return d <= max;
}

bool patterns_next_placeholder(const struct patterns *p, const char *text,
                               size_t from, struct placeholder *out)
{
	size_t len = strlen(text);
	size_t ov[4];
	if (from > len || S_match(p->code[P_PLACEHOLDER], text, len, from, ov, 2) <= 0)
		return false;
	out->start = ov[0];
	out->end = ov[1];
	size_t a = ov[2], b = ov[3];
	while (a < b && strchr(" \t\n\v\f\r", text[a]) != NULL)
		a++;
	while (b > a && strchr(" \t\n\v\f\r", text[b - 1]) != NULL)
		b--;
	out->name_start = a;
	out->name_end = b;
	return true;
}

const char *patterns_ph_name(enum patterns_ph kind)
{
	return (unsigned)kind < PATTERNS_PH_COUNT ? S_ph_names[kind] : NULL;
}

unsigned patterns_ph_cases(enum patterns_ph kind)
{
	return (unsigned)kind < PATTERNS_PH_COUNT ? S_ph_cases[kind] : WHEN_ALWAYS;
}

/* Whether name (len bytes) has the form of table entry pattern: equal to
 * it, or, where the entry holds S_ID_MARK, the same text before and after
 * with the id between (its place into *id_at, *id_len). */
static bool S_ph_form(const char *pattern, const char *name, size_t len,
                      size_t *id_at, size_t *id_len)
{
	const char *mark = strstr(pattern, S_ID_MARK);
	if (mark == NULL)
		return strlen(pattern) == len && memcmp(pattern, name, len) == 0;
	size_t pre = (size_t)(mark - pattern);
	const char *post = mark + strlen(S_ID_MARK);
	size_t npost = strlen(post);
	/* The text after the id starts with a dot and holds no other: the id
	 * is what comes before the last dot. */
	if (len < pre + npost || memcmp(name, pattern, pre) != 0 ||
	    memcmp(name + len - npost, post, npost) != 0)
		return false;
	*id_at = pre;
	*id_len = len - pre - npost;
	return true;
}

enum patterns_ph patterns_ph_kind(const char *name, size_t len, size_t *id_at,
                                  size_t *id_len)
{
	*id_at = *id_len = 0;
	for (int k = 0; k < PATTERNS_PH_COUNT; k++)
		if (S_ph_form(S_ph_names[k], name, len, id_at, id_len))
			return (enum patterns_ph)k;
	return PATTERNS_PH_COUNT;
}

bool patterns_is_placeholder_name(const struct patterns *p, const char *name,
                                  size_t len)
{
	size_t at, n;
	enum patterns_ph kind = patterns_ph_kind(name, len, &at, &n);
	if (kind != PATTERNS_PH_FW_NAME && kind != PATTERNS_PH_FW_VERSION)
		return kind != PATTERNS_PH_COUNT;
	return S_match(p->code[P_ID], name + at, n, 0, NULL, 0) > 0;
}

struct user_regex *patterns_user_new(const char *pattern, char **err)
{
	int code;
	PCRE2_SIZE off;
	*err = NULL;
	pcre2_code *c = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED,
	                              PCRE2_UTF, &code, &off, NULL);
	if (c == NULL) {
		PCRE2_UCHAR buf[256];
		pcre2_get_error_message(code, buf, sizeof buf);
		size_t n = strlen((char *)buf) + 64;
		*err = malloc(n);
		if (*err != NULL)
			snprintf(*err, n, "%s at offset %zu", (char *)buf, (size_t)off);
		return NULL;
	}
	struct user_regex *r = malloc(sizeof *r);
	if (r == NULL) {
		pcre2_code_free(c);
		return NULL;
	}
	r->code = c;
	return r;
}

bool patterns_user_match(const struct user_regex *r, const char *s)
{
	return S_match(r->code, s, strlen(s), 0, NULL, 0) > 0;
}

void patterns_user_free(struct user_regex *r)
{
	if (r != NULL) {
		pcre2_code_free(r->code);
		free(r);
	}
}
