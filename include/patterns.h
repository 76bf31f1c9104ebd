/* patterns.h - the PCRE2 patterns of format 1, compiled once.
 *
 * The only module that includes PCRE2.  A struct patterns is made once per
 * run by the CLI and shared read-only by every stage (match data is made
 * per call, so concurrent use is safe). */
#ifndef VERDICT_PATTERNS_H
#define VERDICT_PATTERNS_H

#include <stdbool.h>
#include <stddef.h>

struct patterns;

/* NULL only if a built-in pattern fails to compile (a bug). */
struct patterns *patterns_new(void);
void patterns_free(struct patterns *p);

bool patterns_is_id(const struct patterns *p, const char *s);
bool patterns_is_colour(const struct patterns *p, const char *s);
bool patterns_is_url(const struct patterns *p, const char *s);

/* A YYYY-MM-DD that names a real calendar day. */
bool patterns_is_date(const struct patterns *p, const char *s);

/* A compiled user pattern (the --profile filter); NULL with a message in
 * err (owned by the caller, free()) when it does not compile. */
struct user_regex;
struct user_regex *patterns_user_new(const char *pattern, char **err);
bool patterns_user_match(const struct user_regex *r, const char *s);
void patterns_user_free(struct user_regex *r);

/* One {{ name }} placeholder found in a text. */
struct placeholder {
	size_t start, end;          /* byte range of the whole {{ ... }} */
	size_t name_start, name_end;   /* the name without blanks */
};

/* Finds the first placeholder at or after byte offset from; false when
 * there is none. */
bool patterns_next_placeholder(const struct patterns *p, const char *text,
                               size_t from, struct placeholder *out);

/* The placeholder names format 1 knows: the one table that the checks,
 * the report and the message listing them all read.  Two kinds hold a
 * framework id: framework.<id>.name and framework.<id>.version. */
enum patterns_ph {
	PATTERNS_PH_TITLE,          /* comparison.title */
	PATTERNS_PH_DATE,           /* date */
	PATTERNS_PH_PROFILE_NAME,   /* profile.name */
	PATTERNS_PH_PROFILE_ID,     /* profile.id */
	PATTERNS_PH_WINNER,         /* winner.name */
	PATTERNS_PH_RUNNER_UP,      /* runner-up.name */
	PATTERNS_PH_MARGIN,         /* margin */
	PATTERNS_PH_LEADERS,        /* leaders: "A, B and C" */
	PATTERNS_PH_RECOMMENDATION, /* recommendation: the verdict box's sentence */
	PATTERNS_PH_STABILITY,      /* stability: robust, moderate or fragile */
	PATTERNS_PH_FW_NAME,        /* framework.<id>.name */
	PATTERNS_PH_FW_VERSION,     /* framework.<id>.version */
	PATTERNS_PH_COUNT           /* the number of kinds; also "none" */
};

/* kind's name as a message lists it, "<id>" standing for the id:
 * "comparison.title", "framework.<id>.version". */
const char *patterns_ph_name(enum patterns_ph kind);

/* Where kind has a value, as enum when_case bits (model.h): winner.name
 * only in a winner's report (WHEN_WINNER), runner-up.name and margin in a
 * winner's or a close call's, leaders, recommendation and profile.* in
 * every profile's report, stability in a winner's; the others
 * everywhere (WHEN_ALWAYS).  A report may still lack a value where this
 * says there is one: runner-up.name and margin when only one framework
 * qualifies. */
unsigned patterns_ph_cases(enum patterns_ph kind);

/* The kind placeholder name (len bytes, blanks trimmed) asks for, or
 * PATTERNS_PH_COUNT.  For a framework kind the id is the *id_len bytes at
 * name + *id_at, anything between "framework." and ".name"/".version"
 * (ids may hold dots): not checked here, a lookup of a bad id finds
 * nothing.  Example: "framework.a.b.version" gives PATTERNS_PH_FW_VERSION
 * and the id "a.b". */
enum patterns_ph patterns_ph_kind(const char *name, size_t len, size_t *id_at,
                                  size_t *id_len);

/* True when name (len bytes) is a placeholder name format 1 knows,
 * including that a framework kind's id is an id (not that it exists). */
bool patterns_is_placeholder_name(const struct patterns *p, const char *name,
                                  size_t len);

#endif
