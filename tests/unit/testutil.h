/* testutil.h - small helpers shared by the unit tests. */
#ifndef VERDICT_TESTUTIL_H
#define VERDICT_TESTUTIL_H

#include <locale.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "diag.h"
#include "load.h"

/* Loads an inline document (a string literal) as "test.xml". */
#define LOAD_STR(s, d) load_memory((s), sizeof(s) - 1, "test.xml", NULL, (d))

/* Whether d holds a diagnostic at line (0: any) containing text. */
static inline bool tu_has(const struct diags *d, long line, const char *text)
{
	for (size_t i = 0; i < d->count; i++)
		if ((line == 0 || d->items[i].line == line) &&
		    strstr(d->items[i].message, text) != NULL)
			return true;
	return false;
}

/* Prints the diagnostics to stderr, so a failing test shows why. */
static inline void tu_dump(const struct diags *d)
{
	for (size_t i = 0; i < d->count; i++)
		fprintf(stderr, "  %s:%ld: %s: %s\n", d->items[i].file,
		        d->items[i].line,
		        d->items[i].level == DIAG_ERROR ? "error" : "warning",
		        d->items[i].message);
}

/* Asserts (cmocka) that d holds such a diagnostic, dumping d if not. */
#define TU_ASSERT_DIAG(d, line, text)                              \
	do {                                                       \
		if (!tu_has((d), (line), (text)))                  \
			tu_dump(d);                                \
		assert_true(tu_has((d), (line), (text)));          \
	} while (0)

/* Asserts that d holds no errors, dumping d if it does. */
#define TU_ASSERT_NO_ERRORS(d)                                     \
	do {                                                       \
		if ((d)->errors != 0)                              \
			tu_dump(d);                                \
		assert_int_equal((d)->errors, 0);                  \
	} while (0)

/* Switches to a locale whose decimal separator is a comma (numbers in
 * PDFs and JSON must not follow it); false when none is installed.  The
 * test sets LC_ALL back to "C" when done. */
static inline bool tu_comma_locale(void)
{
	static const char *const comma[] = { "de_DE.UTF-8", "de_DE.utf8", "fr_FR.UTF-8",
	                                     "fr_FR.utf8", "ru_RU.UTF-8", "nl_NL.UTF-8" };
	for (size_t i = 0; i < sizeof comma / sizeof *comma; i++)
		if (setlocale(LC_ALL, comma[i]) != NULL)
			return true;
	return false;
}

/* Enters a decimal-comma locale or skips the test (cmocka). */
#define TU_COMMA_LOCALE_OR_SKIP()                                          \
	do {                                                               \
		if (!tu_comma_locale()) {                                  \
			print_message("no decimal-comma locale installed; skipped\n"); \
			skip();                                            \
		}                                                          \
	} while (0)

#endif
