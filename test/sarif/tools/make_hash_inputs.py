#!/usr/bin/env python3
"""make_hash_inputs.py OUT: writes the 24 files of line-hash-node.test."""
import os
import random
import sys


def main():
    out = sys.argv[1]
    files = {
        "bom.c": b"\xef\xbb\xbfint main(void) {\r\n  return 0;\r\n}\r\n",
        "invalid.c": b"bad \xff\xfe \xc3 \xe2\x82 \xf0\x9f\x98 end\n"
                     b"\xc0\xaf overlong \xed\xa0\x80 surrogate\n",
        "astral.c": "/* \U0001F600 caf\u00e9 \u65e5\u672c */\n".encode() * 3,
        "long.c": b"x" * 250 + b"\n" + b"y" * 99 + b"\n\n",
        "blank.c": b" \t \r \n\r\n\t\n   ",
        "truncated.c": b"end \xf4\x90\x80\x80 \xe2",
    }
    rng = random.Random(20240601)
    alphabet = [b"a", b" ", b"\t", b"\n", b"\r", b"\xc3\xa9", b"\xff",
                b"\xe2\x82", b"\xf0\x9f\x98\x80", b"\xed\xa0\x80", b"{",
                b"\xc0\xaf", b"\xe6\x97\xa5"]
    for k in range(16):
        n = rng.randint(0, 4000)
        files["random%02d.c" % k] = b"".join(rng.choice(alphabet)
                                             for _ in range(n))
    for k in range(2):
        files["large%d.c" % k] = b"".join(rng.choice(alphabet)
                                          for _ in range(150000))
    for name, data in files.items():
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)


if __name__ == "__main__":
    main()
