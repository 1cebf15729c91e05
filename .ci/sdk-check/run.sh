#!/usr/bin/env bash
# SDK check: starts the packaged CareClock (target/careclock-*.jar) on a free port with a fresh
# embedded database and freshly generated API credentials, without the demo data (the seed's script
# sets a portal up itself; the demo's clinic types, with a waiting room, differ from the seed's on
# purpose and a create under an existing name with other settings is refused, as Stream does), installs the
# pinned Node SDK, runs check.mjs twice (the second run proves the setup script can run again),
# and stops the app. Needs java (or JAVA_HOME), node and npm on the PATH, and a packaged app
# (./mvnw package). Exits non-zero when the check fails or the app does not come up.
#
# Environment (all optional):
#   SDK_CHECK_START_TIMEOUT  seconds to wait for the app to be ready (default 240)
# The Node.js that .ci/run installs for the frontend build is preferred when present.
set -euo pipefail

cached_node="${XDG_CACHE_HOME:-$HOME/.cache}/careclock-node/dist/bin"
if [[ -x "$cached_node/node" ]]; then
  PATH="$cached_node:$PATH"
fi
if ! node -e "process.exit(Number(process.versions.node.split('.')[0]) >= 18 ? 0 : 1)" 2>/dev/null; then
  echo "sdk-check: needs Node.js 18 or newer (and npm) on the PATH" >&2
  exit 2
fi

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
timeout="${SDK_CHECK_START_TIMEOUT:-240}"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"

jar="$(ls "$root"/target/careclock-*.jar 2>/dev/null | head -n 1 || true)"
if [[ -z "$jar" ]]; then
  echo "sdk-check: no target/careclock-*.jar; build it first with ./mvnw package" >&2
  exit 2
fi

echo "sdk-check: installing the pinned SDK"
(cd "$here" && npm ci --no-audit --no-fund --loglevel=error)

port="$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"
key="check-$(node -e "console.log(require('crypto').randomBytes(6).toString('hex'))")"
secret="$(node -e "console.log(require('crypto').randomBytes(32).toString('hex'))")"
work="$(mktemp -d)"
log="$work/app.log"
pid=""

stop() {
  local status=$?
  if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 30); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 1
    done
    if kill -0 "$pid" 2>/dev/null; then
      echo "sdk-check: the app did not stop in 30 s; killing it" >&2
      kill -9 "$pid" 2>/dev/null || true
    fi
    wait "$pid" 2>/dev/null || true
  fi
  if [[ $status -ne 0 && -f "$log" ]]; then
    echo "sdk-check: last lines of the app's log:" >&2
    tail -n 60 "$log" >&2
  fi
  rm -rf "$work"
  exit $status
}
trap stop EXIT

echo "sdk-check: starting $(basename "$jar") on port $port"
CARECLOCK_API_KEY="$key" CARECLOCK_API_SECRET="$secret" "$java" -jar "$jar" \
  --server.port="$port" \
  --spring.datasource.url="jdbc:h2:file:$work/db" \
  --careclock.demo.enabled=false \
  >"$log" 2>&1 &
pid=$!

# Ready means: start-up finished (demo data written) and the server answers HTTP.
base="http://127.0.0.1:$port"
ready=""
for _ in $(seq 1 "$timeout"); do
  if ! kill -0 "$pid" 2>/dev/null; then
    echo "sdk-check: the app exited during start-up" >&2
    exit 1
  fi
  if grep -q "Started CareClockApplication" "$log" \
     && node -e "fetch('$base/login').then(r=>process.exit(r.status<500?0:1),()=>process.exit(1))"; then
    ready=yes
    break
  fi
  sleep 1
done
if [[ -z "$ready" ]]; then
  echo "sdk-check: the app was not ready after $timeout s" >&2
  exit 1
fi

export CARECLOCK_BASE_URL="$base" CARECLOCK_API_KEY="$key" CARECLOCK_API_SECRET="$secret"
for run in 1 2; do
  echo "sdk-check: run $run"
  (cd "$here" && node check.mjs)
done
echo "sdk-check: passed"
