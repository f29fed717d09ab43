#!/usr/bin/env bash
# The compilation-database step of sinkguard's GitHub Action (action.yml):
# runs the compile-commands-command input, INPUT_COMPILE_COMMANDS_COMMAND,
# with bash in the current directory (the workspace), then checks that
# <build-dir>/compile_commands.json (INPUT_BUILD_DIR, default build)
# exists. The command is the workflow author's, as a `run:` step's would
# be; it comes through the environment, not the step's code.
set -euo pipefail
build_dir=${INPUT_BUILD_DIR:-build}
command=${INPUT_COMPILE_COMMANDS_COMMAND:-}
if [[ -n $command ]]; then
  printf 'sinkguard-action: running the compile-commands-command: %s\n' "$command"
  bash -euo pipefail -c "$command"
fi
if [[ ! -f $build_dir/compile_commands.json ]]; then
  # A workflow command's data escaped as the runner reads it.
  message="$build_dir/compile_commands.json does not exist: give the compile-commands-command input (e.g. cmake -S . -B $build_dir -DCMAKE_EXPORT_COMPILE_COMMANDS=ON), or make it in an earlier step"
  message=${message//'%'/%25}
  message=${message//$'\r'/%0D}
  message=${message//$'\n'/%0A}
  printf '::error title=sinkguard::%s\n' "$message"
  exit 2
fi
echo "sinkguard-action: $build_dir/compile_commands.json is there"
