#!/usr/bin/env bash
# The last step of sinkguard's GitHub Action (action.yml): exits with the
# scan's exit code, SINKGUARD_STATUS (scan.sh's status output), after the
# summary and the upload ran, with an error annotation that says why the
# job fails. SINKGUARD_FAIL_ON is the fail-on input, for the message.
set -euo pipefail
status=${SINKGUARD_STATUS:-}
fail_on=${SINKGUARD_FAIL_ON:-warning}
case $status in
  0) echo "sinkguard: no finding at or above '$fail_on'" ;;
  1) echo "::error title=sinkguard::findings at or above '$fail_on' (see the job summary and code scanning)" ;;
  2) echo "::error title=sinkguard::usage or configuration error (see the scan step's log)" ;;
  3) echo "::error title=sinkguard::some files could not be analysed (see the scan step's log and the job summary)" ;;
  '') echo "::error title=sinkguard::the scan did not run"; status=2 ;;
  *[!0-9]*) echo "::error title=sinkguard::the scan's status is not a number: $status"; status=2 ;;
  *) echo "::error title=sinkguard::the scan failed (exit $status)" ;;
esac
exit "$status"
