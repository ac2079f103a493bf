#!/usr/bin/env bash
# Runs every MentorFlow test against real components, on a fresh machine or a used one:
#   1. installs the npm emulators from package-lock.json and Debian's chromium when missing,
#   2. starts Azurite, the Cosmos DB server and maildev on free loopback ports,
#   3. runs `dotnet test` on the solution with their endpoints in MENTORFLOW_TEST_* variables,
#   4. stops what it started (also on failure or Ctrl-C) and prints "N passed, N failed, N skipped".
# Extra arguments go to `dotnet test`, e.g. ./test.sh --filter FullyQualifiedName~Cosmos
set -Eeuo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"
root=$PWD
run_dir=$(mktemp -d "${TMPDIR:-/tmp}/mentorflow-test.XXXXXX")
started_pids=()

say() { printf '==> %s\n' "$*"; }
fail() { printf 'test.sh: %s\n' "$*" >&2; exit 1; }

stop_started() {
  local pid
  if [ "${#started_pids[@]}" -eq 0 ] && [ -n "${build_servers_stopped:-}" ]; then return 0; fi
  for pid in "${started_pids[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${started_pids[@]}"; do
    # Give each up to 10 s to exit, then force it.
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  started_pids=()
  # The build leaves compiler and MSBuild servers behind; a test run leaves nothing running.
  dotnet build-server shutdown >/dev/null 2>&1 || true
  build_servers_stopped=1
}
on_exit() {
  local rc=$?
  stop_started
  # Keep the emulator and test logs when something failed.
  if [ "$rc" -eq 0 ]; then rm -rf "$run_dir"; else echo "Logs kept in $run_dir" >&2; fi
  exit "$rc"
}
trap on_exit EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# --- 1. tools and packages -------------------------------------------------------------------
command -v dotnet >/dev/null || fail "dotnet is not installed: install the .NET SDK named in global.json."
command -v node >/dev/null && command -v npm >/dev/null || fail "node and npm are not installed: apt-get install nodejs npm."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export MSBUILDDISABLENODEREUSE=1

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "Installing the emulators from package-lock.json (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
fi

chromium=${MENTORFLOW_TEST_CHROMIUM:-/usr/bin/chromium}
if [ ! -x "$chromium" ]; then
  say "Installing Debian's chromium for the browser tests (apt-get)"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends chromium fonts-liberation >/dev/null
  [ -x "$chromium" ] || fail "chromium did not install at $chromium: install it (apt-get install chromium) or set MENTORFLOW_TEST_CHROMIUM."
fi

# --- 2. emulators on free loopback ports -----------------------------------------------------
# Asks the OS for n distinct free ports on 127.0.0.1 (all held open at once, so they differ).
free_ports() {
  node -e '
    const net = require("net"); const n = Number(process.argv[1]); const servers = [];
    const next = () => { if (servers.length === n) { console.log(servers.map(s => s.address().port).join(" ")); servers.forEach(s => s.close()); return; }
      const s = net.createServer(); servers.push(s); s.listen(0, "127.0.0.1", next); };
    next();' "$1"
}

# Waits until every port answers, or the process dies, or 60 s pass.
wait_for_ports() {
  local name=$1 pid=$2 log=$3; shift 3
  local port
  for _ in $(seq 1 600); do
    kill -0 "$pid" 2>/dev/null || { echo "$name exited while starting; its log ($log):" >&2; tail -n 20 "$log" >&2; return 1; }
    local all=1
    for port in "$@"; do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { all=0; break; }; done
    [ "$all" -eq 1 ] && return 0
    sleep 0.1
  done
  echo "$name did not listen on port(s) $* within 60 s; its log ($log):" >&2
  tail -n 20 "$log" >&2
  return 1
}

# Starts one emulator; a port taken between choosing and binding makes it retry on new ports.
start_emulator() {
  local name=$1 port_count=$2 launcher=$3
  local attempt ports pid log
  for attempt in 1 2 3; do
    read -r -a ports <<<"$(free_ports "$port_count")"
    log="$run_dir/$name.$attempt.log"
    "$launcher" "${ports[@]}" >"$log" 2>&1 &
    pid=$!
    started_pids+=("$pid")
    if wait_for_ports "$name" "$pid" "$log" "${ports[@]}"; then
      say "$name is listening on 127.0.0.1 port(s) ${ports[*]}"
      emulator_ports=("${ports[@]}")
      return 0
    fi
    kill "$pid" 2>/dev/null || true
  done
  fail "$name would not start after 3 attempts (logs in $run_dir). Check that node_modules is complete: rm -rf node_modules && ./test.sh"
}

launch_azurite() {
  mkdir -p "$run_dir/azurite" && cd "$run_dir/azurite"
  exec "$root/node_modules/.bin/azurite" --silent --skipApiVersionCheck --disableTelemetry --inMemoryPersistence \
    --blobHost 127.0.0.1 --blobPort "$1" \
    --queueHost 127.0.0.1 --queuePort "$2" --tableHost 127.0.0.1 --tablePort "$3"
}
launch_cosmos() { exec node_modules/.bin/cosmosdb-server --host 127.0.0.1 --port "$1"; }
launch_maildev() {
  mkdir -p "$run_dir/mail"
  exec node_modules/.bin/maildev --ip 127.0.0.1 --web-ip 127.0.0.1 --smtp "$1" --web "$2" --mail-directory "$run_dir/mail" --silent
}

say "Starting the emulators"
emulator_ports=()
start_emulator azurite 3 launch_azurite
account_key="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
export MENTORFLOW_TEST_AZURITE="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$account_key;BlobEndpoint=http://127.0.0.1:${emulator_ports[0]}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:${emulator_ports[1]}/devstoreaccount1;TableEndpoint=http://127.0.0.1:${emulator_ports[2]}/devstoreaccount1;"
start_emulator cosmosdb-server 1 launch_cosmos
export MENTORFLOW_TEST_COSMOS="https://127.0.0.1:${emulator_ports[0]}/"
export AZURE_COSMOS_USE_QUERY_PLAN_INTEROP_LINUX=true
start_emulator maildev 2 launch_maildev
export MENTORFLOW_TEST_SMTP="smtp://127.0.0.1:${emulator_ports[0]}"
export MENTORFLOW_TEST_MAILDEV="http://127.0.0.1:${emulator_ports[1]}"
export MENTORFLOW_TEST_CHROMIUM="$chromium"

# --- 3. the tests ----------------------------------------------------------------------------
say "Building and running the tests (dotnet test MentorFlow.sln)"
set +e
dotnet test "$root/MentorFlow.sln" --blame-hang-timeout 10m --blame-hang-dump-type none "$@" 2>&1 | tee "$run_dir/dotnet-test.log"
test_rc=${PIPESTATUS[0]}
set -e

# --- 4. stop, then sum up --------------------------------------------------------------------
say "Stopping the emulators"
stop_started

# VSTest prints one line per test project: "Passed!  - Failed: 0, Passed: 5, Skipped: 0, Total: 5, ..."
read -r passed failed skipped projects < <(awk '
  match($0, /Failed: *[0-9]+, Passed: *[0-9]+, Skipped: *[0-9]+, Total:/) {
    line = substr($0, RSTART, RLENGTH); gsub(/[^0-9]+/, " ", line); split(line, n, " ");
    f += n[1]; p += n[2]; s += n[3]; projects++ }
  END { printf "%d %d %d %d\n", p, f, s, projects }' "$run_dir/dotnet-test.log")
expected_projects=$(find tests -name '*.Tests.csproj' | wc -l)
# A project whose tests a --filter excluded reports that instead of a summary line.
filtered_out=$(grep -c 'No test matches the given testcase filter' "$run_dir/dotnet-test.log" || true)
projects=$((projects + filtered_out))

if [ "$projects" -lt "$expected_projects" ]; then
  echo "Only $projects of $expected_projects test projects reported results: the build failed or a test host crashed (see above)." >&2
  [ "$test_rc" -ne 0 ] || test_rc=1
fi
if [ "$test_rc" -eq 0 ] && [ "$failed" -gt 0 ]; then test_rc=1; fi
echo "$passed passed, $failed failed, $skipped skipped"
exit "$test_rc"
