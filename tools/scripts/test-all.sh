#!/usr/bin/env bash
# The whole test suite: system packages, build, lint (module boundaries), then
# every jest suite (unit, real-PostgreSQL, end-to-end). Ends with the line
# `tests: N passed, N failed`.
set -uo pipefail
cd "$(dirname "$0")/../.."
export NX_NO_CLOUD=true NX_DAEMON=false NX_SKIP_NX_CACHE=true
mkdir -p test-artifacts

bash tools/scripts/ensure-system.sh || { echo "tests: 0 passed, 1 failed"; exit 1; }
bash tools/scripts/ensure-browser.sh || { echo "tests: 0 passed, 1 failed"; exit 1; }
npm run --silent build || { echo "build failed"; echo "tests: 0 passed, 1 failed"; exit 1; }
npm run --silent lint || { echo "lint failed"; echo "tests: 0 passed, 1 failed"; exit 1; }

rm -f test-artifacts/faults-summary.txt
npx jest --ci --forceExit --json --outputFile=test-artifacts/jest.json "$@"
status=$?
[ -f test-artifacts/faults-summary.txt ] && cat test-artifacts/faults-summary.txt
node -e '
  const r = require("./test-artifacts/jest.json");
  const failedSuites = r.testResults.filter((s) => s.status === "failed" && s.assertionResults.length === 0).length;
  console.log(`tests: ${r.numPassedTests} passed, ${r.numFailedTests + failedSuites} failed`);
' || echo "tests: 0 passed, 1 failed"
exit $status
