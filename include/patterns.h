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

/* True when name (len bytes) is a placeholder name format 1 knows; for
 * framework.<id>.name/version the id is not checked here. */
bool patterns_is_placeholder_name(const struct patterns *p, const char *name,
                                  size_t len);

#endif
