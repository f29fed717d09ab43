#!/usr/bin/env bash
# The scan step of sinkguard's GitHub Action (action.yml): runs
#
#   sinkguard scan -p <build-dir> --format sarif -o <report> \
#     --category <category> --fail-on=<fail-on> <args>
#
# in the current directory (the workspace), and writes the step's outputs to
# $GITHUB_OUTPUT (standard output without it): sarif=<report> (when the
# report was written), findings=<results in it> and status=<sinkguard's
# exit code>. It exits 0 whatever the scan found, so that the summary and
# the upload still run; the action's last step (finish.sh) exits with the
# status.
#
# Inputs come from the environment, never from the step's code:
# INPUT_BUILD_DIR (default build), INPUT_CATEGORY (default sinkguard),
# INPUT_FAIL_ON (default warning), INPUT_ARGS (split into words as a shell
# would, quotes honoured, but nothing in it expanded or run). The report is
# $RUNNER_TEMP/sinkguard/<category>.sarif; the summary store goes to
# $RUNNER_TEMP/sinkguard/store, outside the checkout, so that a store in
# the scanned tree is never read (a --cache-dir or --no-cache in the args
# wins).
set -uo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
build_dir=${INPUT_BUILD_DIR:-build}
category=${INPUT_CATEGORY:-sinkguard}
fail_on=${INPUT_FAIL_ON:-warning}

say() { printf 'sinkguard-action: %s\n' "$*"; }
output() {
  if [[ -n ${GITHUB_OUTPUT:-} ]]; then
    printf '%s=%s\n' "$1" "$2" >>"$GITHUB_OUTPUT"
  else
    printf '%s=%s\n' "$1" "$2"
  fi
}

if [[ -n ${RUNNER_TEMP:-} ]]; then
  out_dir=$RUNNER_TEMP/sinkguard
else
  out_dir=$(mktemp -d)
fi
mkdir -p "$out_dir" || exit 2
# The category names the report: one report per category in one job.
name=$(printf '%s' "$category" | tr -c 'A-Za-z0-9._-' '-')
sarif=$out_dir/${name:-sinkguard}.sarif
rm -f "$sarif"

# The args input as words (shlex: quotes, no expansion), NUL-separated.
words=$out_dir/args
if ! python3 -c '
import os, shlex, sys
try:
    words = shlex.split(os.environ.get("INPUT_ARGS", ""))
except ValueError as e:
    sys.exit("sinkguard-action: the args input cannot be split into words: %s" % e)
sys.stdout.write("".join(w + "\0" for w in words))
' >"$words"; then
  output status 2
  exit 0
fi
mapfile -d '' -t extra <"$words"
rm -f "$words"

command=(sinkguard scan -p "$build_dir" --format sarif -o "$sarif"
         --category "$category" "--fail-on=$fail_on"
         "--cache-dir=$out_dir/store" "${extra[@]}")
# The scan's messages quote the scanned tree (file names, compiler
# errors): no line of theirs may act as a workflow command.
token=$(python3 -c 'import secrets; print(secrets.token_hex(16))')
[[ -z ${GITHUB_ACTIONS:-} ]] || echo "::stop-commands::$token"
say "running: ${command[*]}"
"${command[@]}"
status=$?
[[ -z ${GITHUB_ACTIONS:-} ]] || echo "::$token::"
say "sinkguard exited with $status"

if [[ -f $sarif ]]; then
  output sarif "$sarif"
  if findings=$(python3 "$here/summary.py" --count "$sarif"); then
    output findings "$findings"
  fi
else
  say "no report was written ($sarif)"
fi
output status "$status"
exit 0
