/* init.c - verdict --init DIR: a starter comparison and a client overlay.
 *
 * Writes DIR/comparison.xml (every element of format 1 once, each with a
 * short comment) and DIR/client.xml (a client overlay that takes the
 * shared parts of comparison.xml with XInclude), both valid with --strict.
 * Creates DIR when missing; refuses to overwrite either file, checking
 * both before writing either, so a refused run changes nothing.  The
 * texts name the schema for editors (xsi:noNamespaceSchemaLocation):
 * verdict-1.xsd in cli_share_dir(), where make install puts
 * schema/verdict-1.xsd. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "fsutil.h"
#include "oom.h"
#include "xstr.h"

/* Where the texts name the schema: the copy make install puts in the
 * share directory. */
#define S_MARK "@SCHEMA@"

/* comparison.xml: every element of format 1 once. */
static const char *const S_COMPARISON[] = {
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
	"<!--\n",
	"  A starter comparison for verdict, format 1: every element once, with a\n",
	"  word on each.  Replace the examples with your own; element order inside\n",
	"  a parent is free.  To check it, run verdict on it with -v and the\n",
	"  check option: no output means it is valid.\n",
	"\n",
	"  Editors can validate as you type against the schema that\n",
	"  xsi:noNamespaceSchemaLocation names below: the copy make install puts\n",
	"  in verdict's share directory (schema/verdict-1.xsd in its sources),\n",
	"    @SCHEMA@\n",
	"  verdict itself ignores the attribute and uses its built-in copy.\n",
	"-->\n",
	"<comparison id=\"my-comparison\" format=\"1\"\n",
	"            xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n",
	"            xsi:noNamespaceSchemaLocation=\"@SCHEMA@\">\n",
	"  <!-- id: lower-case letters, digits, . _ -; it names the output folder -->\n",
	"  <title>Alpha or Beta for our services</title>\n",
	"  <subtitle>A comparison prepared on {{date}}</subtitle>\n",
	"  <meta>\n",
	"    <author>Your name</author>\n",
	"    <organisation>Your organisation</organisation>\n",
	"    <date>2026-01-15</date>\n",
	"    <!-- <logo src=\"logo.png\"/>  a PNG or JPEG, relative to this file -->\n",
	"  </meta>\n",
	"\n",
	"  <!-- text blocks: <p> paragraphs and <list>s of <item>s, with <b> and <i> -->\n",
	"  <intro>\n",
	"    <p>This comparison weighs <b>Alpha</b> against <i>Beta</i>.</p>\n",
	"    <list>\n",
	"      <item>Ratings come from our own tests.</item>\n",
	"    </list>\n",
	"  </intro>\n",
	"\n",
	"  <!-- a scale is ordinal (levels with scores) or numeric (min and max) -->\n",
	"  <scales>\n",
	"    <scale id=\"quality\">\n",
	"      <level id=\"poor\" score=\"0\" label=\"Poor\"/>\n",
	"      <level id=\"fair\" score=\"1\" label=\"Fair\"/>\n",
	"      <level id=\"good\" score=\"2\" label=\"Good\"/>\n",
	"      <level id=\"great\" score=\"3\" label=\"Great\"/>\n",
	"    </scale>\n",
	"    <scale id=\"ms\" min=\"0\" max=\"500\" better=\"lower\" unit=\"ms\"/>\n",
	"  </scales>\n",
	"\n",
	"  <!-- 2 to 12 frameworks; only <name> is required -->\n",
	"  <frameworks>\n",
	"    <framework id=\"alpha\">\n",
	"      <name>Alpha</name>\n",
	"      <version>1.0</version>\n",
	"      <license>MIT</license>\n",
	"      <url>https://example.org/alpha</url>\n",
	"      <pricing>Free; support from 100 EUR a month.</pricing>\n",
	"      <summary>The established choice.</summary>\n",
	"    </framework>\n",
	"    <framework id=\"beta\">\n",
	"      <name>Beta</name>\n",
	"    </framework>\n",
	"  </frameworks>\n",
	"\n",
	"  <!-- where ratings come from: the reports cite them as [1] and list\n",
	"       them in a Sources appendix; url and date are optional -->\n",
	"  <sources>\n",
	"    <source id=\"alpha-guide\" url=\"https://example.org/alpha/docs\"\n",
	"            date=\"2025-11-02\">Alpha user guide</source>\n",
	"  </sources>\n",
	"\n",
	"  <!-- one rating per framework per criterion: level= on an ordinal scale,\n",
	"       value= on a numeric one, or value=\"unknown\"; source: one or more\n",
	"       source ids; as-of: when it was judged (else its sources' date) -->\n",
	"  <criteria>\n",
	"    <criterion id=\"docs\" scale=\"quality\" category=\"Team\">\n",
	"      <name>Documentation</name>\n",
	"      <description>How quickly a newcomer finds answers.</description>\n",
	"      <rating framework=\"alpha\" level=\"great\" source=\"alpha-guide\"\n",
	"              as-of=\"2026-01-10\">Tutorials and a full reference</rating>\n",
	"      <rating framework=\"beta\" level=\"fair\"/>\n",
	"    </criterion>\n",
	"    <criterion id=\"latency\" scale=\"ms\" category=\"Performance\">\n",
	"      <name>Latency</name>\n",
	"      <rating framework=\"alpha\" value=\"120\"/>\n",
	"      <rating framework=\"beta\" value=\"unknown\"/>\n",
	"    </criterion>\n",
	"  </criteria>\n",
	"\n",
	"  <!-- a scenario: weights (relative, any total above 0) and requirements -->\n",
	"  <scenarios>\n",
	"    <scenario id=\"interactive\">\n",
	"      <name>Interactive services</name>\n",
	"      <rationale>Users wait on every call.</rationale>\n",
	"      <weight criterion=\"latency\" value=\"3\"/>\n",
	"      <weight criterion=\"docs\" value=\"1\"/>\n",
	"      <require criterion=\"latency\" max=\"400\"/>\n",
	"    </scenario>\n",
	"    <scenario id=\"internal\">\n",
	"      <name>Internal tools</name>\n",
	"      <weight criterion=\"docs\" value=\"1\"/>\n",
	"    </scenario>\n",
	"  </scenarios>\n",
	"\n",
	"  <!-- a team: scenarios it uses (share: default 1), its own weights\n",
	"       (counted with own-share, default 1), requirements and exclusions -->\n",
	"  <profiles>\n",
	"    <profile id=\"web-team\" own-share=\"1\">\n",
	"      <name>Web team</name>\n",
	"      <description>Runs the public site.</description>\n",
	"      <use scenario=\"interactive\" share=\"2\"/>\n",
	"      <use scenario=\"internal\"/>\n",
	"      <weight criterion=\"docs\" value=\"1\"/>\n",
	"      <require criterion=\"docs\" min=\"fair\"/>\n",
	"      <exclude framework=\"beta\" reason=\"not yet approved by security\"/>\n",
	"    </profile>\n",
	"    <profile id=\"data-team\">\n",
	"      <name>Data team</name>\n",
	"      <use scenario=\"internal\"/>\n",
	"    </profile>\n",
	"  </profiles>\n",
	"\n",
	"  <!-- place: after-verdict, after-features or appendix;\n",
	"       when: winner, close, none (the verdict), profile, overview (the report) -->\n",
	"  <sections>\n",
	"    <section id=\"costs\" title=\"Costs\" place=\"after-features\">\n",
	"      <p when=\"winner profile\">{{winner.name}} is what {{profile.name}} should adopt.</p>\n",
	"      <p when=\"close\">{{leaders}} are too close to call; look at the costs.</p>\n",
	"      <list when=\"overview\">\n",
	"        <item>Alpha: licences are free.</item>\n",
	"      </list>\n",
	"    </section>\n",
	"  </sections>\n",
	"\n",
	"  <bottom-line>Choose by the criteria that matter to your team.</bottom-line>\n",
	"\n",
	"  <!-- paper: A4 or Letter; close-call: the margin (points) under which\n",
	"       the leaders are too close to call; stale-after: months after\n",
	"       which a rating's date makes it stale (a warning, and marked) -->\n",
	"  <report paper=\"A4\" orientation=\"portrait\" close-call=\"2\" accent=\"#1f5fa8\"\n",
	"          stale-after=\"12\"/>\n",
	"</comparison>\n",
	NULL
};

/* client.xml: an overlay taking the shared parts of comparison.xml. */
static const char *const S_CLIENT[] = {
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
	"<!--\n",
	"  A client overlay: this team's own file, built on comparison.xml.  The\n",
	"  shared parts (scales, frameworks, criteria with ratings, scenarios) come\n",
	"  from there with XInclude, so a rating fixed there is fixed for every\n",
	"  client; this file holds only what is the client's own: its id (its\n",
	"  reports get their own folder), title, branding, teams and texts.\n",
	"  Includes resolve against this file and may not leave its directory tree.\n",
	"  To check it, run verdict on it with -v and the check option.\n",
	"  (xmllint needs its xinclude option to expand the includes first.)\n",
	"\n",
	"  The schema for editors (schema/verdict-1.xsd in verdict's sources):\n",
	"    @SCHEMA@\n",
	"-->\n",
	"<comparison id=\"my-client\" format=\"1\"\n",
	"            xmlns:xi=\"http://www.w3.org/2001/XInclude\"\n",
	"            xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n",
	"            xsi:noNamespaceSchemaLocation=\"@SCHEMA@\">\n",
	"  <title>Alpha or Beta for Example Corp</title>\n",
	"  <meta>\n",
	"    <organisation>Example Corp</organisation>\n",
	"  </meta>\n",
	"\n",
	"  <!-- whole lists from the shared file -->\n",
	"  <xi:include href=\"comparison.xml\" xpointer=\"xpointer(/comparison/scales)\"/>\n",
	"  <xi:include href=\"comparison.xml\" xpointer=\"xpointer(/comparison/frameworks)\"/>\n",
	"  <xi:include href=\"comparison.xml\" xpointer=\"xpointer(/comparison/sources)\"/>\n",
	"  <xi:include href=\"comparison.xml\" xpointer=\"xpointer(/comparison/criteria)\"/>\n",
	"\n",
	"  <!-- or single elements: only the scenarios this client needs -->\n",
	"  <scenarios>\n",
	"    <xi:include href=\"comparison.xml\"\n",
	"                xpointer=\"xpointer(/comparison/scenarios/scenario[@id='interactive'])\"/>\n",
	"  </scenarios>\n",
	"\n",
	"  <profiles>\n",
	"    <profile id=\"shop-team\">\n",
	"      <name>Online shop team</name>\n",
	"      <use scenario=\"interactive\"/>\n",
	"    </profile>\n",
	"  </profiles>\n",
	"\n",
	"  <report paper=\"Letter\" accent=\"#b22222\"/>\n",
	"</comparison>\n",
	NULL
};

/* The lines of text joined into one malloc'd string, each S_MARK replaced
 * by schema; *len its length. */
static char *S_join(const char *const *lines, const char *schema, size_t *len)
{
	size_t n = 0, mark = strlen(S_MARK), slen = strlen(schema);
	for (size_t i = 0; lines[i] != NULL; i++)
		n += strlen(lines[i]) + slen;   /* at most one mark a line */
	char *buf = malloc(n + 1);
	if (buf == NULL)
		oom_abort();
	size_t at = 0;
	for (size_t i = 0; lines[i] != NULL; i++) {
		const char *line = lines[i], *m = strstr(line, S_MARK);
		if (m != NULL) {
			memcpy(buf + at, line, (size_t)(m - line));
			at += (size_t)(m - line);
			memcpy(buf + at, schema, slen);
			at += slen;
			line = m + mark;
		}
		size_t k = strlen(line);
		memcpy(buf + at, line, k);
		at += k;
	}
	buf[at] = '\0';
	*len = at;
	return buf;
}

int cli_init(const char *dir, int verbosity)
{
	static const struct { const char *name; const char *const *lines; } files[] = {
		{ "comparison.xml", S_COMPARISON },
		{ "client.xml", S_CLIENT },
	};
	enum { NFILES = sizeof files / sizeof files[0] };
	char *paths[NFILES] = { NULL };
	char *err = NULL, *schema = xstr_printf("%s/verdict-1.xsd", cli_share_dir());
	int status = 0;
	size_t dlen = strlen(dir);
	const char *sep = dlen > 0 && dir[dlen - 1] == '/' ? "" : "/";
	for (size_t i = 0; i < NFILES; i++)
		paths[i] = xstr_printf("%s%s%s", dir, sep, files[i].name);
	/* refuse before writing anything: a refused run changes nothing */
	for (size_t i = 0; i < NFILES; i++) {
		struct stat st;
		if (lstat(paths[i], &st) == 0) {
			fprintf(stderr, "verdict: error: %s exists; not overwritten\n", paths[i]);
			status = CLI_EXIT_SYSTEM;
		} else if (errno != ENOENT && errno != ENOTDIR) {
			fprintf(stderr, "verdict: error: %s: %s\n", paths[i], strerror(errno));
			status = CLI_EXIT_SYSTEM;
		}
	}
	if (status == 0 && !fs_mkdirs(dir, &err)) {
		fprintf(stderr, "verdict: error: %s\n", err ? err : dir);
		status = CLI_EXIT_SYSTEM;
	}
	for (size_t i = 0; status == 0 && i < NFILES; i++) {
		size_t len;
		char *text = S_join(files[i].lines, schema, &len);
		bool ok = fs_write_atomic(paths[i], text, len, &err);
		free(text);
		if (!ok) {
			fprintf(stderr, "verdict: error: %s\n", err ? err : paths[i]);
			status = CLI_EXIT_SYSTEM;
		} else if (verbosity > 0) {
			fprintf(stderr, "verdict: wrote %s\n", paths[i]);
		}
	}
	free(err);
	free(schema);
	for (size_t i = 0; i < NFILES; i++)
		free(paths[i]);
	return status;
}
