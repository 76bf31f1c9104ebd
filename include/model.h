/* model.h - a comparison document as plain C structs.
 *
 * load.c fills a struct doc from XML; every string and array lives in the
 * doc's arena and is freed by model_free().  References are written as ids
 * by the loader and resolved to indexes by check_doc() (the *_ix fields,
 * SIZE_MAX until then).  Every element keeps the file and line it came from
 * so that any later stage can point at it. */
#ifndef VERDICT_MODEL_H
#define VERDICT_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct arena;

#define MODEL_NO_INDEX SIZE_MAX

struct srcpos {
	const char *file;    /* interned in the doc's arena */
	long line;
};

/* Inline text run of block content: plain, <b> or <i> (or both). */
enum span_style { SPAN_PLAIN = 0, SPAN_BOLD = 1, SPAN_ITALIC = 2 };

struct span {
	const char *text;    /* white space folded; may start or end with one blank */
	unsigned style;      /* enum span_style bits */
};

/* Where a text block is shown (SPEC 6.2, attribute when): one bit per
 * case, a profile's report by its verdict kind or the overview (which has
 * no verdict).  A block without when, and text that cannot take one, is
 * shown in every case: WHEN_ALWAYS. */
enum when_case {
	WHEN_WINNER = 1, WHEN_CLOSE = 2, WHEN_NONE = 4,   /* a profile's report */
	WHEN_OVERVIEW = 8,
	WHEN_PROFILE = WHEN_WINNER | WHEN_CLOSE | WHEN_NONE,
	WHEN_ALWAYS = WHEN_PROFILE | WHEN_OVERVIEW,
};

/* A paragraph or one list item; consecutive items form one list. */
enum para_kind { PARA_TEXT, PARA_ITEM };

struct para {
	enum para_kind kind;
	struct span *spans;
	size_t nspans;
	unsigned when;     /* enum when_case bits: its own, its list's and its
	                      section's when together */
	struct srcpos pos;
};

struct block {
	struct para *paras;
	size_t nparas;
};

struct level {
	const char *id;
	const char *label;   /* defaults to the id */
	double score;
	struct srcpos pos;
};

enum scale_kind { SCALE_ORDINAL, SCALE_NUMERIC };

struct scale {
	const char *id;
	enum scale_kind kind;
	struct level *levels;   /* ordinal only, as written */
	size_t nlevels;
	double min, max;        /* numeric: as written; ordinal: lowest/highest score */
	bool lower_better;      /* numeric only */
	const char *unit;       /* numeric only, may be NULL */
	struct srcpos pos;
	bool reported;          /* the loader found its kind or bounds wrong
	                           and said so; check_doc() skips it */
};

struct framework {
	const char *id;
	const char *name;
	const char *version, *license, *url, *pricing, *summary;  /* may be NULL */
	struct srcpos pos;
};

struct rating {
	const char *framework;  /* id as written */
	size_t framework_ix;
	const char *raw;        /* level id or value as written, or "unknown" */
	bool unknown;
	size_t level_ix;        /* ordinal, resolved by check */
	double value;           /* numeric */
	const char *text;       /* the table cell, may be "" */
	struct srcpos pos;
	bool by_level;          /* written with level= (else value=, or neither) */
	const char *source;     /* SPEC 6.3: source ids as written, may be NULL */
	const char *as_of;      /* SPEC 6.3: YYYY-MM-DD as written, may be NULL */
	size_t *source_ix;      /* the resolved sources, by check_doc() */
	size_t nsource_ix;
	const char *date;       /* as_of, else the latest date of its sources,
	                           else NULL (by check_doc()) */
	bool stale;             /* dated more than stale-after months before the
	                           comparison's date (by check_doc()) */
};

/* SPEC 6.3: where a rating's evidence comes from. */
struct source {
	const char *id;
	const char *title;      /* the element's text, may be "" */
	const char *url;        /* may be NULL */
	const char *date;       /* YYYY-MM-DD as written, may be NULL */
	struct srcpos pos;
};

struct criterion {
	const char *id;
	const char *name;
	const char *description;   /* may be NULL */
	const char *category;      /* may be NULL */
	const char *scale;
	size_t scale_ix;
	struct rating *ratings;    /* as written */
	size_t nratings;
	size_t *rating_of;         /* per framework index: index into ratings, by check */
	struct srcpos pos;
};

struct weight {
	const char *criterion;
	size_t criterion_ix;
	double value;
	struct srcpos pos;
};

/* A hard constraint.  Ordinal: min names a level.  Numeric: min and/or max;
 * a bound written but not a decimal number is NAN. */
struct require {
	const char *criterion;
	size_t criterion_ix;
	const char *min_raw, *max_raw;   /* as written, NULL when absent */
	size_t min_level_ix;             /* ordinal */
	double min, max;                 /* numeric; -inf/+inf when absent */
	struct srcpos pos;
};

struct scenario {
	const char *id;
	const char *name;
	const char *rationale;      /* may be NULL */
	struct weight *weights;
	size_t nweights;
	struct require *requires;
	size_t nrequires;
	struct srcpos pos;
};

struct use {
	const char *scenario;
	size_t scenario_ix;
	double share;               /* default 1 */
	struct srcpos pos;
};

struct exclude {
	const char *framework;
	size_t framework_ix;
	const char *reason;         /* may be NULL */
	struct srcpos pos;
};

struct profile {
	const char *id;
	const char *name;
	const char *description;    /* may be NULL */
	double own_share;           /* default 1 */
	struct use *uses;
	size_t nuses;
	struct weight *weights;
	size_t nweights;
	struct require *requires;
	size_t nrequires;
	struct exclude *excludes;
	size_t nexcludes;
	struct srcpos pos;
};

enum section_place { PLACE_AFTER_VERDICT, PLACE_AFTER_FEATURES, PLACE_APPENDIX };

struct section {
	const char *id;
	const char *title;
	enum section_place place;   /* default PLACE_APPENDIX */
	unsigned when;              /* enum when_case bits, default WHEN_ALWAYS */
	struct block body;
	struct srcpos pos;
};

enum paper { PAPER_A4, PAPER_LETTER };

struct report_opts {
	enum paper paper;           /* default A4 */
	bool landscape;             /* default portrait */
	bool has_close_call;
	double close_call;          /* default 2.0 */
	const char *accent;         /* "#rrggbb", may be NULL */
	const char *stale_after;    /* months as written, may be NULL (SPEC 6.3) */
	long stale_months;          /* parsed by check_doc(); 0 when none */
	struct srcpos pos;
};

enum logo_format { LOGO_NONE, LOGO_PNG, LOGO_JPEG };

/* The largest logo file read; a larger one is not shown (check_logo). */
#define MODEL_LOGO_MAX_BYTES ((size_t)16 << 20)

struct meta {
	const char *author, *organisation, *date, *logo;   /* may be NULL */
	struct srcpos date_pos, logo_pos;
	/* The logo's file as a path usable from the working directory (the
	 * src resolved against the file that names it) and its kind by its
	 * first bytes; set only when the loader found it safe and readable. */
	const char *logo_path;
	enum logo_format logo_format;
	/* The logo's bytes, read once from the very descriptor the loader
	 * checked: later stages probe and embed these and never reopen the
	 * path, so a file swapped after the check is never read.  In the
	 * arena; NULL when the file has more than MODEL_LOGO_MAX_BYTES
	 * (logo_too_big). */
	const unsigned char *logo_data;
	size_t logo_len;
	bool logo_too_big;
};

/* A text that placeholders may appear in, and where it was written; or,
 * in doc.whens, a when attribute as written. */
struct text_ref {
	const char *text;
	struct srcpos pos;
	unsigned when;      /* the cases it may be shown in (enum when_case) */
	bool can_when;      /* it is in an element that takes when */
};

/* SPEC 6.4: a file the load read, the named file or an included one. */
struct doc_file {
	const char *path;     /* the named file as given on the command line;
	                         an included file relative to its directory */
	const char *sha256;   /* 64 lower-case hex digits */
};

struct doc {
	struct arena *arena;        /* owns everything below */
	const char *file;           /* the file named on the command line */
	struct doc_file *files;     /* SPEC 6.4: every file read, the named one
	                               first, then includes in the order first
	                               read (each once) */
	size_t nfiles;
	const char *fingerprint;    /* SPEC 6.4: files[0].sha256 when nothing is
	                               included, else model_fingerprint(); NULL
	                               until the load sets it */
	const char *id;
	int format;
	const char *title;
	const char *subtitle;       /* may be NULL */
	struct meta meta;
	struct block intro;
	struct scale *scales;
	size_t nscales;
	struct framework *frameworks;
	size_t nframeworks;
	struct source *sources;     /* SPEC 6.3, may be none */
	size_t nsources;
	struct criterion *criteria;
	size_t ncriteria;
	struct scenario *scenarios;
	size_t nscenarios;
	struct profile *profiles;
	size_t nprofiles;
	struct section *sections;
	size_t nsections;
	const char *bottom_line;    /* may be NULL */
	unsigned bottom_line_when;  /* enum when_case bits, default WHEN_ALWAYS */
	struct report_opts report;
	struct srcpos pos;          /* the root element */
	const char *today;          /* the generation date YYYY-MM-DD, set by the
	                               caller before check_doc(): the comparison's
	                               date when meta/date is absent (SPEC 6.3);
	                               may be NULL */
	struct text_ref *texts;     /* every text, in document order (model_add_text) */
	size_t ntexts;
	struct text_ref *whens;     /* every when attribute (model_add_when) */
	size_t nwhens;
};

/* An empty doc with its arena; the loader fills it. */
struct doc *model_new(const char *file);

/* Frees the doc and everything it owns (NULL is fine). */
void model_free(struct doc *doc);

/* Interns a file name in the doc's arena (one copy per distinct name). */
const char *model_intern_file(struct doc *doc, const char *file);

/* Appends a file read (SPEC 6.4) to doc->files, copying both strings into
 * the doc's arena; the caller keeps each file to one entry. */
void model_add_file(struct doc *doc, const char *path, const char *sha256);

/* The fingerprint of n files (SPEC 6.4) as 64 hex digits plus NUL into
 * out: files[0].sha256 when n is 1, else the SHA-256 of one line
 * "<sha256>  <path>\n" per file, in order (what sha256sum prints for those
 * paths).  n 0 gives "". */
void model_fingerprint(const struct doc_file *files, size_t n, char out[65]);

/* Records text (already in the doc's arena) as written at pos, so that
 * check_doc() can look for placeholders in every text. */
void model_add_text(struct doc *doc, const char *text, struct srcpos pos);

/* The same for a text in an element that takes when and is shown in the
 * cases when (enum when_case bits). */
void model_add_text_when(struct doc *doc, const char *text, struct srcpos pos,
                         unsigned when);

/* Records a when attribute as written at pos, for check_doc() to read
 * its tokens. */
void model_add_when(struct doc *doc, const char *raw, struct srcpos pos);

/* The when tokens of format 1, NULL-terminated: "winner", "close",
 * "none", "profile", "overview"; in a when attribute they are separated
 * by any of MODEL_WHEN_BLANKS. */
extern const char *const model_when_tokens[];
#define MODEL_WHEN_BLANKS " \t\n\r"

/* The bit of the token in the len bytes at s (1 for "winner", 2 for
 * "close", ... 16 for "overview", in model_when_tokens' order), 0 when it
 * is none of them. */
unsigned model_when_token(const char *s, size_t len);

/* The cases (enum when_case bits) a when attribute raw shows its element
 * in, unknown tokens ignored: "winner" gives WHEN_WINNER, "overview"
 * WHEN_OVERVIEW, "close profile" WHEN_CLOSE, "winner overview" nothing
 * (the overview has no verdict); NULL or no token gives WHEN_ALWAYS. */
unsigned model_when_cases(const char *raw);

/* s as it may appear between quotes in a message: control characters
 * written as \xNN or U+NNNN, and cut after 60 characters with "..."
 * (a message must stay one readable line, whatever the input holds).
 * In the doc's arena; NULL gives "". */
const char *model_shown(struct doc *doc, const char *s);

/* Lookups by id; MODEL_NO_INDEX when absent. */
size_t model_framework_ix(const struct doc *doc, const char *id);
size_t model_criterion_ix(const struct doc *doc, const char *id);
size_t model_scale_ix(const struct doc *doc, const char *id);
size_t model_scenario_ix(const struct doc *doc, const char *id);
size_t model_level_ix(const struct scale *scale, const char *id);

/* The rating of framework f in criterion c after check_doc(). */
const struct rating *model_rating(const struct doc *doc, size_t c, size_t f);

#endif
