"""The man page and the bash completion against --help: the same options,
parsed from each; the man page linted by man(1) and by mandoc(1) when they
are installed (a loud SKIP otherwise)."""
import os
import re
import shutil
import subprocess

from e2e import ROOT, check, run, skip, test

MAN = os.path.join(ROOT, "docs", "verdict.1")
COMPLETION = os.path.join(ROOT, "contrib", "verdict.bash-completion")
OPT = re.compile(r"(?<![\w-])--?[A-Za-z][\w-]*")


def help_options(aliases=None):
    """{option: takes a value} from the option column of --help; aliases,
    when a list, gets each option's set of spellings ({-o, --output})."""
    rc, out, se = run("--help")
    check(rc == 0, f"--help exit {rc}: {se}")
    opts = {}
    for line in out.splitlines():
        field = re.split(r"\s{2,}", line.strip())[0]
        if not field.startswith("-"):
            continue
        # "-o, --output DIR", "--help, --version", "-q, --quiet"
        names = []
        for part in field.split(","):
            words = part.split()
            for i, w in enumerate(words):
                if OPT.fullmatch(w):
                    names.append(w)
                    opts[w] = i + 1 < len(words) and not words[i + 1].startswith("-")
        if aliases is not None:
            short = [n for n in names if not n.startswith("--")]
            if len(short) == 1 and len(names) == 2:
                aliases.append(set(names))
            else:
                aliases += [{n} for n in names]
    check(len(opts) >= 10, f"too few options parsed from --help: {sorted(opts)}")
    return opts


def man_source():
    with open(MAN, encoding="utf-8") as f:
        return f.read()


def man_section(src, name):
    m = re.search(r"^\.Sh " + re.escape(name) + r"\n(.*?)(?=^\.Sh |\Z)", src, re.M | re.S)
    check(m is not None, f"verdict.1: no section {name}")
    return m.group(1)


def man_fl(line):
    """The options a macro line names with Fl: 'Fl o' is -o, 'Fl -output'
    --output, 'Fl qv' -q and -v, 'Fl -help | -version' both."""
    found = []
    for m in re.finditer(r"\bFl\s+(\S+)((?:\s+\|\s+-[\w-]+)*)", line):
        arg = m.group(1)
        if arg.startswith("-"):
            found.append("-" + arg)
        else:
            found += ["-" + c for c in arg]
        found += ["-" + a for a in re.findall(r"\|\s+(-[\w-]+)", m.group(2))]
    return found


@test
def man_page_lists_exactly_the_options_of_help(tmp):
    groups = []
    want = set(help_options(groups))
    src = man_source()
    desc = man_section(src, "DESCRIPTION")
    listed = [o for line in desc.splitlines() if line.startswith(".It ") for o in man_fl(line)]
    check(len(listed) == len(set(listed)), f"an option described twice: {sorted(listed)}")
    check(set(listed) == want,
          f"man page DESCRIPTION lacks {sorted(want - set(listed))}, "
          f"has extra {sorted(set(listed) - want)}")
    synopsis = {o for line in man_section(src, "SYNOPSIS").splitlines() for o in man_fl(line)}
    lacking = [sorted(g) for g in groups if not g & synopsis]
    check(not lacking and synopsis <= want,
          f"man page SYNOPSIS lacks {lacking}, has extra {sorted(synopsis - want)}")
    for name in ("NAME", "ENVIRONMENT", "FILES", "EXIT STATUS", "EXAMPLES", "SEE ALSO"):
        man_section(src, name)
    check("SOURCE_DATE_EPOCH" in man_section(src, "ENVIRONMENT"), "no SOURCE_DATE_EPOCH")
    status = man_section(src, "EXIT STATUS")
    for code in ("0", "1", "2", "3"):
        check(re.search(r"^\.It " + code + "$", status, re.M), f"exit status {code} missing")
    check("stopped by signal" in status, "no word on death by signal")
    check(re.search(r"^\S+ \S+ \S+ \S+ \S+ .*verdict", man_section(src, "EXAMPLES"), re.M),
          "no cron line in EXAMPLES")


@test
def completion_offers_exactly_the_options_of_help(tmp):
    opts = help_options()
    with open(COMPLETION, encoding="utf-8") as f:
        src = f.read()
    m = re.search(r"compgen -W '([^']*)'", src)
    check(m is not None, "no compgen -W '...' word list in the completion")
    words = m.group(1).split()
    check(len(words) == len(set(words)), f"an option offered twice: {words}")
    check(set(words) == set(opts),
          f"completion lacks {sorted(set(opts) - set(words))}, "
          f"has extra {sorted(set(words) - set(opts))}")
    # every option that takes a value is handled on its own, so that its
    # value is not completed as an input file
    cases = set()
    for pat in re.findall(r"^\s*([-\w |]+)\)\s*$", src, re.M):
        cases |= {w.strip() for w in pat.split("|")}
    for o, takes_value in opts.items():
        if takes_value:
            check(o in cases, f"completion: {o} takes a value but has no case of its own")
    for o in ("-o", "--output", "--font-dir") + (("--init",) if "--init" in opts else ()):
        block = re.search(r"^\s*[-\w |]*(?<![\w-])" + re.escape(o) + r"(?![\w-])[-\w |]*\)(.*?);;",
                          src, re.M | re.S)
        check(block is not None and "_filedir -d" in block.group(1),
              f"completion: {o} does not complete directories")
    check(re.search(r"_filedir\s+xml", src), "completion: inputs are not *.xml")
    if shutil.which("bash"):
        p = subprocess.run(["bash", "-n", COMPLETION], capture_output=True, text=True)
        check(p.returncode == 0, f"bash -n: {p.stderr}")


@test
def man_page_lints_with_man(tmp):
    if shutil.which("man") is None:
        skip("man is not installed (Debian: man-db): verdict.1 not linted with man --warnings")
    env = dict(os.environ, MANWIDTH="80", LC_ALL="C.UTF-8", MANPAGER="cat", PAGER="cat")
    p = subprocess.run(["man", "--warnings", "-l", MAN], capture_output=True, text=True,
                       env=env, timeout=60)
    check(p.returncode == 0, f"man exit {p.returncode}: {p.stderr}")
    check(p.stderr == "", f"man --warnings:\n{p.stderr}")
    check("EXIT STATUS" in p.stdout and "--shard" in p.stdout, "man rendered no page")


@test
def man_page_lints_with_mandoc(tmp):
    if shutil.which("mandoc") is None:
        skip("mandoc is not installed: verdict.1 not linted with mandoc -T lint")
    # -W warning: mandoc's STYLE notes (a SEE ALSO page not installed here)
    # are not faults of the page
    p = subprocess.run(["mandoc", "-T", "lint", "-W", "warning", MAN], capture_output=True,
                       text=True, timeout=60)
    check(p.returncode == 0 and p.stdout == "" and
          all("outdated mandoc.db" in line for line in p.stderr.splitlines()),
          f"mandoc -T lint (exit {p.returncode}):\n{p.stdout}{p.stderr}")


BASH_COMPLETION = "/usr/share/bash-completion/bash_completion"


@test
def completion_completes_options_inputs_and_directories(tmp):
    if shutil.which("bash") is None or not os.path.exists(BASH_COMPLETION):
        skip(f"bash-completion is not installed ({BASH_COMPLETION}): completion not run")
    for d in ("in", "in/sub", "out"):
        os.makedirs(os.path.join(tmp, d))
    for f in ("in/a.xml", "in/b.txt", "in/sub/c.xml"):
        open(os.path.join(tmp, f), "w").close()
    script = f"""
source {BASH_COMPLETION}
source {COMPLETION}
t() {{
    COMP_WORDS=("$@"); COMP_CWORD=$((${{#COMP_WORDS[@]}} - 1))
    COMP_LINE="${{COMP_WORDS[*]}}"; COMP_POINT=${{#COMP_LINE}}; COMPREPLY=()
    _verdict verdict "${{COMP_WORDS[-1]}}" "${{COMP_WORDS[-2]}}"
    printf '%s\\n' "${{COMPREPLY[@]}}" | sort | tr '\\n' ' '; echo
}}
t verdict --sh
t verdict in/
t verdict -o in/
t verdict --font-dir in/
t verdict -j ''
"""
    p = subprocess.run(["bash", "-c", script], cwd=tmp, capture_output=True, text=True,
                       timeout=60)
    check(p.returncode == 0, f"bash: {p.stderr}")
    got = [line.strip() for line in p.stdout.splitlines()]
    check(got == ["--shard", "in/a.xml in/sub", "in/sub", "in/sub", ""],
          f"completions: {got}; {p.stderr}")
