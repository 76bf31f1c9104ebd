/* utf8.c - decoding, validating and encoding UTF-8, the one copy. */
#include "utf8.h"

/* The length a lead byte announces, or 0 for a byte no sequence starts
 * with: a continuation byte, C0/C1 (only ever overlong) or F5..FF. */
static size_t S_lead_len(unsigned char c)
{
	return c < 0x80 ? 1 : c >= 0xC2 && c <= 0xDF ? 2
	     : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
}

/* RFC 3629's table 3.7, as limits on the value: the least value each
 * length may encode (no overlongs), no surrogates, nothing past U+10FFFF. */
static bool S_strict_ok(uint32_t v, size_t len)
{
	static const uint32_t least[] = { 0, 0, 0x80, 0x800, 0x10000 };
	return v >= least[len] && v <= 0x10FFFF && (v < 0xD800 || v > 0xDFFF);
}

size_t utf8_decode(const unsigned char *s, size_t n, enum utf8_rule rule, uint32_t *cp)
{
	*cp = UTF8_REPLACEMENT;
	size_t len = n > 0 ? S_lead_len(s[0]) : 0;
	if (len == 0 || len > n)
		return 0;
	uint32_t v = len == 1 ? s[0] : s[0] & (0x3Fu >> (len - 1));
	/* Byte by byte, so that a NUL (never a continuation byte) stops it. */
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		v = v << 6 | (s[i] & 0x3Fu);
	}
	if (rule == UTF8_STRICT && !S_strict_ok(v, len))
		return 0;
	*cp = v;
	return len;
}

size_t utf8_lead_len(unsigned char c)
{
	return c < 0xC0 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

size_t utf8_step(const unsigned char *s, size_t n, enum utf8_rule rule)
{
	uint32_t cp;
	size_t len = utf8_decode(s, n, rule, &cp);
	return len > 0 ? len : 1;
}

bool utf8_validate(const unsigned char *s, size_t n, size_t *bad)
{
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t len = utf8_decode(s + i, n - i, UTF8_STRICT, &cp);
		if (len == 0) {
			if (bad != NULL)
				*bad = i;
			return false;
		}
		i += len;
	}
	return true;
}

size_t utf8_encode(uint32_t cp, unsigned char out[UTF8_MAX])
{
	if (cp < 0x80) {
		out[0] = (unsigned char)cp;
		return 1;
	}
	size_t len = cp < 0x800 ? 2 : cp < 0x10000 ? 3 : cp <= 0x1FFFFF ? 4 : 0;
	if (len == 0)
		return 0;
	/* Continuation bytes from the last, six bits each, then the lead
	 * byte's marker (C0, E0, F0) over what is left. */
	for (size_t i = len - 1; i > 0; i--, cp >>= 6)
		out[i] = (unsigned char)(0x80 | (cp & 0x3F));
	out[0] = (unsigned char)(((0xFF00u >> len) & 0xFF) | cp);
	return len;
}
