#!/usr/bin/env python3
"""Drives a language server over stdio and prints the diagnostics it
publishes for one file, one per line:

  <line>:<col>-<endline>:<endcol> <severity> [<source>/<code>] <message>

(1-based lines and columns, as in compiler output.)

Usage: lsp_diagnostics.py --server CMD --root DIR --file F [--timeout S]

It sends initialize, initialized and textDocument/didOpen, then waits for a
textDocument/publishDiagnostics for the file's URI that contains at least one
clang-tidy diagnostic (clangd publishes compiler diagnostics first and
clang-tidy's with them once the AST is built) or until the timeout, and shuts
the server down. Exit status 1 when nothing was published in time.
"""

import argparse
import json
import os
import pathlib
import select
import shlex
import subprocess
import sys
import time


class Server:
    def __init__(self, cmd, cwd):
        self.proc = subprocess.Popen(cmd, stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, cwd=cwd)
        self.next_id = 1
        self.buffer = b""

    def send(self, method, params, request=True):
        msg = {"jsonrpc": "2.0", "method": method, "params": params}
        if request:
            msg["id"] = self.next_id
            self.next_id += 1
        body = json.dumps(msg).encode("utf-8")
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()
        return msg.get("id")

    def read(self, deadline):
        """The next message, or None at the deadline."""
        fd = self.proc.stdout.fileno()
        while True:
            header_end = self.buffer.find(b"\r\n\r\n")
            if header_end >= 0:
                length = 0
                for line in self.buffer[:header_end].split(b"\r\n"):
                    name, _, value = line.partition(b":")
                    if name.strip().lower() == b"content-length":
                        length = int(value.strip())
                start = header_end + 4
                if len(self.buffer) >= start + length:
                    body = self.buffer[start:start + length]
                    self.buffer = self.buffer[start + length:]
                    return json.loads(body)
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return None
            ready, _, _ = select.select([fd], [], [], remaining)
            if not ready:
                return None
            chunk = os.read(fd, 65536)
            if not chunk:
                return None
            self.buffer += chunk

    def close(self):
        try:
            self.send("shutdown", None)
            self.send("exit", None, request=False)
            self.proc.wait(timeout=10)
        except Exception:
            self.proc.kill()


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--server", required=True)
    p.add_argument("--root", required=True)
    p.add_argument("--file", required=True)
    p.add_argument("--timeout", type=float, default=120)
    args = p.parse_args()

    root = pathlib.Path(args.root).resolve()
    path = pathlib.Path(args.file).resolve()
    uri = path.as_uri()
    language = "cpp" if path.suffix in (".cpp", ".cc", ".cxx") else "c"

    server = Server(shlex.split(args.server), str(root))
    server.send("initialize", {
        "processId": os.getpid(),
        "rootUri": root.as_uri(),
        "capabilities": {"textDocument": {"publishDiagnostics": {}}},
    })
    deadline = time.monotonic() + args.timeout
    server.send("initialized", {}, request=False)
    server.send("textDocument/didOpen", {"textDocument": {
        "uri": uri, "languageId": language, "version": 1,
        "text": path.read_text(encoding="utf-8")}}, request=False)

    latest = None
    while True:
        msg = server.read(deadline)
        if msg is None:
            break
        if msg.get("method") != "textDocument/publishDiagnostics":
            continue
        params = msg["params"]
        # The first publish may be for the .clangd file itself.
        if params.get("uri") != uri:
            continue
        latest = params["diagnostics"]
        if any(d.get("source") == "clang-tidy" for d in latest):
            break
    server.close()
    stderr = server.proc.stderr.read().decode("utf-8", "replace")

    if latest is None:
        sys.stderr.write("no diagnostics published for %s within %ss\n"
                         "server stderr:\n%s" % (uri, args.timeout, stderr))
        return 1
    severities = {1: "error", 2: "warning", 3: "information", 4: "hint"}
    for d in latest:
        r = d["range"]
        print("%d:%d-%d:%d %s [%s/%s] %s" % (
            r["start"]["line"] + 1, r["start"]["character"] + 1,
            r["end"]["line"] + 1, r["end"]["character"] + 1,
            severities.get(d.get("severity"), "?"), d.get("source", ""),
            d.get("code", ""), d["message"].splitlines()[0]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
