#!/usr/bin/env python3
"""store_entry.py CACHE-DIR SOURCE
                   [truncate|garbage|foreign|version|facts|facts-rehash|findings]

Finds the entry of the summary store in CACHE-DIR whose unit's main file
ends with SOURCE and prints its path; with a mode, damages it first:
truncate cuts it in the middle, garbage replaces it with bytes that are not
JSON, foreign with JSON that is not an entry, version sets another format
version, facts flips the bytes of the second half of the unit's encoded
facts (kept beside the entry; the entry is untouched), facts-rehash does that and also updates the facts'
hash (what only a deliberate edit does: the link's reader must cope),
findings replaces a stored finding's location with a number. Exit status 1 when no entry (or more than one) matches.
"""
import glob
import json
import os
import sys
import zlib


def main():
    if len(sys.argv) not in (3, 4):
        sys.stderr.write(__doc__)
        return 2
    cache, source = sys.argv[1], sys.argv[2]
    mode = sys.argv[3] if len(sys.argv) == 4 else None
    found = []
    for path in sorted(glob.glob(os.path.join(cache, "units", "*.json"))):
        with open(path) as f:
            entry = json.load(f)
        if entry.get("file", "").endswith(source):
            found.append((path, entry))
    if len(found) != 1:
        sys.stderr.write("store_entry: %d entries of %s in %s\n"
                         % (len(found), source, cache))
        return 1
    path, entry = found[0]
    with open(path) as f:
        text = f.read()
    if mode == "truncate":
        text = text[: len(text) // 2]
    elif mode == "garbage":
        text = "\x7fELF not a store entry\n"
    elif mode == "foreign":
        text = json.dumps({"name": "some other tool", "entries": [1, 2]})
    elif mode == "version":
        entry["version"] = 999
        text = json.dumps(entry)
    elif mode in ("facts", "facts-rehash"):
        # The store keeps a unit's encoded facts beside its entry.
        record = entry["record"]
        facts_path = os.path.splitext(path)[0] + ".facts"
        with open(facts_path, "rb") as f:
            data = bytearray(f.read())
        # The string table comes first: a byte in the middle is structure.
        for i in range(len(data) // 2, len(data)):
            data[i] ^= 0x5A
        with open(facts_path, "wb") as f:
            f.write(bytes(data))
        if mode == "facts-rehash":
            record["factsHash"] = "%X" % zlib.crc32(bytes(data))
        text = json.dumps(entry)
    elif mode == "findings":
        findings = entry["record"]["converted"]["findings"]
        findings[0]["at"] = 42
        text = json.dumps(entry)
    elif mode is not None:
        sys.stderr.write("store_entry: unknown mode %s\n" % mode)
        return 2
    with open(path, "w") as f:
        f.write(text)
    print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
