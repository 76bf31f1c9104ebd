#!/usr/bin/env python3
"""Writes a C file that holds a file's bytes, so the binary carries the
schema it validates against and works from any directory.

usage: schema/embed.py FILE SYMBOL > OUT.c
"""
import sys


def main():
    path, symbol = sys.argv[1], sys.argv[2]
    with open(path, "rb") as f:
        data = f.read()
    out = [f"/* Generated from {path} by schema/embed.py; do not edit. */",
           "#include <stddef.h>",
           f"extern const unsigned char {symbol}[];",
           f"extern const size_t {symbol}_len;",
           f"const unsigned char {symbol}[] = {{"]
    for i in range(0, len(data), 16):
        out.append("\t" + ", ".join(f"0x{b:02x}" for b in data[i:i + 16]) + ",")
    out.append("\t0x00\n};")
    out.append(f"const size_t {symbol}_len = {len(data)};")
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
