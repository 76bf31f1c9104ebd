#!/usr/bin/env python3
"""End-to-end test runner: imports every tests/e2e/test_*.py, runs each
function decorated with @test in a fresh temporary directory, and prints
'e2e: N passed, N failed' (and how many were skipped, when some were).

usage: tests/e2e/run.py BINARY [TEST-NAME...]
"""
import importlib.util
import os
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import e2e  # noqa: E402


def main():
    e2e.BIN = os.path.abspath(sys.argv[1])
    only = sys.argv[2:]
    here = os.path.dirname(os.path.abspath(__file__))
    for name in sorted(os.listdir(here)):
        if name.startswith("test_") and name.endswith(".py"):
            spec = importlib.util.spec_from_file_location(name[:-3], os.path.join(here, name))
            spec.loader.exec_module(importlib.util.module_from_spec(spec))
    passed = failed = skipped = 0
    for fn in e2e.TESTS:
        if only and fn.__name__ not in only:
            continue
        tmp = tempfile.mkdtemp(prefix="verdict-e2e-")
        try:
            fn(tmp)
            passed += 1
            print(f"ok    {fn.__module__}.{fn.__name__}")
        except e2e.Skip as why:
            skipped += 1
            print(f"SKIP  {fn.__module__}.{fn.__name__}: {why}")
        except Exception as ex:  # report and go on: every test runs
            failed += 1
            print(f"FAIL  {fn.__module__}.{fn.__name__}: {ex}")
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
    print(f"e2e: {passed} passed, {failed} failed" +
          (f", {skipped} SKIPPED (see above)" if skipped else ""))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
