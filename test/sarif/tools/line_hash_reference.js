// line_hash_reference.js FILE
//
// An independent model of the line hash in GitHub's upload action
// (github/codeql-action, src/fingerprints.ts), written against its published
// description and test vectors, for differential tests of the driver's C++
// implementation. It reads the file the way the action does — a Node.js
// stream decoded as "utf8" — so invalid bytes, BOMs and characters outside
// the BMP reach the hash exactly as they reach the action's. Prints
// "<line>: <hash>" per line, like sinkguard-line-hashes.
"use strict";
const fs = require("fs");

const BLOCK = 100;
const MOD = 37n;
const wrap = (v) => BigInt.asUintN(64, v);
let firstMod = 1n;
for (let i = 0; i < BLOCK; i++) firstMod = wrap(firstMod * MOD);

async function main(file) {
  const window = new Array(BLOCK).fill(0);
  const lines = new Array(BLOCK).fill(-1);
  const counts = new Map();
  const out = [];
  let hash = 0n, index = 0, lineNumber = 0, lineStart = true, prevCR = false;
  const emit = () => {
    const value = hash.toString(16);
    counts.set(value, (counts.get(value) || 0) + 1);
    out[lines[index] - 1] = `${value}:${counts.get(value)}`;
    lines[index] = -1;
  };
  const update = (c) => {
    const begin = window[index];
    window[index] = c;
    hash = wrap(MOD * hash + BigInt(c) - firstMod * BigInt(begin));
    index = (index + 1) % BLOCK;
  };
  const processUnit = (c) => {
    if (c === 32 || c === 9 || (prevCR && c === 10)) {
      prevCR = false;
      return;
    }
    if (c === 13) {
      c = 10;
      prevCR = true;
    } else {
      prevCR = false;
    }
    if (lines[index] !== -1) emit();
    if (lineStart) {
      lineStart = false;
      lines[index] = ++lineNumber;
    }
    if (c === 10) lineStart = true;
    update(c);
  };
  for await (const chunk of fs.createReadStream(file, "utf8"))
    for (let i = 0; i < chunk.length; i++) processUnit(chunk.charCodeAt(i));
  processUnit(65535);
  for (let i = 0; i < BLOCK; i++) {
    if (lines[index] !== -1) emit();
    update(0);
  }
  process.stdout.write(out.map((h, i) => `${i + 1}: ${h}\n`).join(""));
}

main(process.argv[2]);
