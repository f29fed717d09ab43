#!/usr/bin/env python3
"""make_encoding_project.py OUT

Writes the sources of test/sarif/encoding.test, which split-file cannot
hold: a file with CRLF line endings and invalid UTF-8 in a string literal
under a directory with spaces and non-ASCII characters, the same file with
LF endings (lf.c), a file whose name is not UTF-8, and the compilation
database (OUT/build/compile_commands.json, written byte for byte).
"""
import os
import sys

SOURCE = [
    b"int system(const char *);",
    b"char *strcpy(char *, const char *);",
    b"char *strcat(char *, const char *);",
    b"void f(const char *name) {",
    b"  char cmd[64];",
    b'  strcpy(cmd, "ls ");',
    b'  strcat(cmd, name + (sizeof "\xff\xfe caf\xc3\xa9" - 8));',
    "  /* café \U0001F600 */ system(cmd);".encode(),
    b"}",
]

NOT_UTF8 = b"""char *strcat(char *, const char *);
int system(const char *);
void g(const char *arg) { char cmd[64] = "ls "; strcat(cmd, arg);
  system(cmd); }
"""


def main():
    out = os.fsencode(sys.argv[1])
    crlf_dir = os.path.join(out, "dir with space/ünï".encode())
    os.makedirs(crlf_dir, exist_ok=True)
    crlf = os.path.join(crlf_dir, b"a b.c")
    with open(crlf, "wb") as f:
        f.write(b"\r\n".join(SOURCE) + b"\r\n")
    with open(os.path.join(out, b"lf.c"), "wb") as f:
        f.write(b"\n".join(SOURCE) + b"\n")
    bad = os.path.join(out, b"bad\xff.c")
    with open(bad, "wb") as f:
        f.write(NOT_UTF8)
    db = b"[\n"
    db += (b'{"directory": "%s", "file": "%s", "arguments": ["cc", "-c", "%s"]},\n'
           % (crlf_dir, crlf, crlf))
    db += (b'{"directory": "%s", "file": "bad\xff.c", "arguments": ["cc", "-c", "bad\xff.c"]}\n'
           % out)
    db += b"]\n"
    with open(os.path.join(out, b"build", b"compile_commands.json"), "wb") as f:
        f.write(db)


if __name__ == "__main__":
    main()
