/* fontdir.c - where the fonts are: --font-dir, the source tree, the share
 * directory of an installed verdict; never the system's full DejaVu faces.
 *
 * The only file compiled with the installation's folders (the Makefile
 * rebuilds it when PREFIX changes): VERDICT_SHARE_DIR, where make install
 * puts the fonts, and VERDICT_SOURCE_DIR, the tree the binary was built in,
 * whose fonts/ make report uses. */
#include <stdbool.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

#ifndef VERDICT_SHARE_DIR
#define VERDICT_SHARE_DIR "/usr/local/share/verdict"
#endif

const char *cli_share_dir(void)
{
	return VERDICT_SHARE_DIR;
}

/* Whether the working directory is the source tree this binary was built
 * in (the same folder, whatever path leads there). */
static bool S_in_source_tree(void)
{
#ifdef VERDICT_SOURCE_DIR
	struct stat here, src;
	return stat(".", &here) == 0 && stat(VERDICT_SOURCE_DIR, &src) == 0 &&
	       here.st_dev == src.st_dev && here.st_ino == src.st_ino;
#else
	return false;
#endif
}

const char *cli_font_dir(const char *given)
{
	if (given != NULL)
		return given;
	if (S_in_source_tree() && access("fonts/DejaVuSans.ttf", R_OK) == 0)
		return "fonts";
	return VERDICT_SHARE_DIR;
}
