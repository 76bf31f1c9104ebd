/* utf8.h - decoding, validating and encoding UTF-8, the one copy.
 *
 * Two rules, because the callers need two: input files must be strict
 * UTF-8 (RFC 3629), while the writers only need to step over text that
 * has already passed that check without splitting a character.  Nothing
 * here allocates or prints. */
#ifndef VERDICT_UTF8_H
#define VERDICT_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define UTF8_REPLACEMENT 0xFFFDu   /* U+FFFD, what callers show for a bad byte */
#define UTF8_MAX 4                 /* bytes in the longest sequence */

enum utf8_rule {
	/* RFC 3629: lead bytes C2..F4, continuation bytes, and no overlong
	 * forms, surrogates (U+D800..U+DFFF) or code points above U+10FFFF. */
	UTF8_STRICT,
	/* The shape only: a lead byte C2..F4 followed by the continuation
	 * bytes it announces; overlong E0/F0 forms, surrogates and F4 90..BF
	 * (up to 0x13FFFF) decode as whatever value their bits hold. */
	UTF8_LAX,
};

/* Decodes the sequence at s, of which n bytes may be read, into *cp and
 * returns its length (1 to 4).  Returns 0 and sets *cp to U+FFFD when s
 * does not start a sequence under rule, or the sequence needs more than n
 * bytes.  A NUL byte is U+0000 of length 1.  For a NUL-terminated string n
 * may be SIZE_MAX: no byte after the first non-continuation byte is read.
 * Example: "\xC3\xA9" gives 2 and U+00E9; "\xE0\x80\x80" gives 0 under
 * UTF8_STRICT (overlong) and 3 and U+0000 under UTF8_LAX. */
size_t utf8_decode(const unsigned char *s, size_t n, enum utf8_rule rule, uint32_t *cp);

/* The length lead byte c announces by its high bits alone, checking
 * nothing: 1 below C0 (continuation bytes too), 2 for C0..DF, 3 for
 * E0..EF, 4 for F0..FF.  For cutting text already known to be UTF-8 at
 * character boundaries; the caller keeps the result within its buffer. */
size_t utf8_lead_len(unsigned char c);

/* The number of bytes to step over at s: utf8_decode's length, or 1 where
 * no sequence starts, so that a loop visits every byte once. */
size_t utf8_step(const unsigned char *s, size_t n, enum utf8_rule rule);

/* True when the n bytes at s are strict UTF-8 (NUL bytes included, as
 * U+0000).  Otherwise false, and *bad (may be NULL) is the offset of the
 * first byte that starts no valid sequence: a caller counts the newlines
 * before it to report the line. */
bool utf8_validate(const unsigned char *s, size_t n, size_t *bad);

/* Writes cp as UTF-8 into out (not NUL-terminated) and returns the length:
 * 1 below U+0080, 2 below U+0800, 3 below U+10000, else 4.  Values up to
 * 0x1FFFFF are written in the 4-byte shape (so what UTF8_LAX decoded
 * round-trips); above that nothing is written and 0 is returned. */
size_t utf8_encode(uint32_t cp, unsigned char out[UTF8_MAX]);

#endif
