#!/usr/bin/env bash
# Load test of GET /api/route on the default network with wrk, on 127.0.0.1 only, bounded in time.
# Starts its own server (karvan-cli/target/karvan.jar, built if missing), warms it up, runs wrk,
# reads memory before and after (RSS, and heap after a full GC via jcmd), stops the server and
# prints a Markdown summary. Usage: karvan-server/load/route-load.sh [DURATION_S] [CONNECTIONS] [MIX]
# MIX: route (default: GET /api/route, 8 OD pairs) or mixed (routes GET and POST, alternatives,
# place search, network summary, health, CSV; see mixed.lua).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
duration="${1:-60}"
conns="${2:-16}"
mix="${3:-route}"
case "$mix" in
  route) lua="$here/route-paths.lua"; what="8 OD pairs round robin" ;;
  mixed) lua="$here/mixed.lua"; what="mixed: 50 % route GET, 15 % route POST, 10 % alternatives, 10 % places, 15 % info/health/CSV" ;;
  *) echo "MIX is route or mixed" >&2; exit 2 ;;
esac
threads="${WRK_THREADS:-2}"
[ "$duration" -le 600 ] || { echo "duration is capped at 600 s" >&2; exit 2; }
command -v wrk >/dev/null || { echo "wrk not found (apt-get install wrk)" >&2; exit 2; }
jar="$root/karvan-cli/target/karvan.jar"
if [ ! -f "$jar" ]; then
  (cd "$root" && ./mvnw -B -q -DskipTests -Dspotless.check.skip=true -pl karvan-cli -am package)
fi
work="$(mktemp -d)"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
base="http://127.0.0.1:$port"
# LOAD_SERVE_ARGS: more arguments for karvan serve, e.g. "--network DIR" to compare networks.
java ${LOAD_JAVA_OPTS:--Xmx512m} -jar "$jar" serve --port "$port" --db "jdbc:sqlite:$work/load.db" ${LOAD_SERVE_ARGS:-} \
  >"$work/server.out" 2>"$work/server.err" &
pid=$!
cleanup() { kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
for _ in $(seq 1 120); do
  curl -fsS "$base/api/health" >/dev/null 2>&1 && break
  sleep 0.5
done
curl -fsS "$base/api/health" >/dev/null

heap_mb() {  # heap used after a full GC, MB
  jcmd "$pid" GC.run >/dev/null 2>&1 || true
  sleep 1
  curl -fsS "$base/metrics" | awk '/^jvm_memory_used_bytes\{area="heap"/ {s+=$NF} END {printf "%.1f", s/1048576}'
}
rss_mb() { ps -o rss= -p "$pid" | awk '{printf "%.1f", $1/1024}'; }

# Warm-up (JIT), not measured.
wrk -t"$threads" -c"$conns" -d10s -s "$lua" "$base" >/dev/null
rss_before="$(rss_mb)"; heap_before="$(heap_mb)"
cpu_ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }  # server user + system time, clock ticks
cpu_before="$(cpu_ticks)"
wrk -t"$threads" -c"$conns" -d"${duration}s" --latency -s "$lua" "$base" | tee "$work/wrk.txt"
cpu_after="$(cpu_ticks)"
rss_after="$(rss_mb)"; heap_after="$(heap_mb)"
errors_http="$(curl -fsS "$base/metrics" | awk '/^karvan_http_requests_seconds_count/ && !/status="2[0-9][0-9]"/ {s+=$NF} END {print s+0}')"
errors_by="$(curl -fsS "$base/metrics" | awk '/^karvan_http_requests_seconds_count/ && !/status="2[0-9][0-9]"/ {match($0, /path="[^"]*"/); p=substr($0, RSTART+6, RLENGTH-7); match($0, /status="[^"]*"/); st=substr($0, RSTART+8, RLENGTH-9); printf "%s%s %s x%d", sep, st, p, $NF; sep="; "}')"

rps="$(awk '/Requests\/sec/ {print $2}' "$work/wrk.txt")"
p50="$(awk '$1=="50%" {print $2}' "$work/wrk.txt")"
p99="$(awk '$1=="99%" {print $2}' "$work/wrk.txt")"
total="$(awk '/requests in/ {print $1}' "$work/wrk.txt")"
non2xx="$(awk '/Non-2xx/ {print $NF}' "$work/wrk.txt")"
sockerr="$(awk '/Socket errors/ {print $0}' "$work/wrk.txt")"
# The server's own CPU time per request (all its threads), which the other processes on the
# machine change far less than they change requests/s.
cpu_us="$(awk -v a="$cpu_before" -v b="$cpu_after" -v n="$total" -v hz="$(getconf CLK_TCK)" \
  'BEGIN {if (n > 0) printf "%.0f", (b - a) / hz * 1e6 / n; else print "-"}')"
cat <<SUMMARY

| measure | value |
|---|---|
| run | ${duration} s, wrk ${threads} threads, ${conns} connections, ${what}, after a 10 s warm-up |
| requests | ${total} |
| requests/s | ${rps} |
| latency p50 / p99 | ${p50} / ${p99} |
| server CPU per request | ${cpu_us} µs |
| errors | non-2xx: ${non2xx:-0}; server-side non-2xx (all paths, warm-up included): ${errors_http}${errors_by:+ (${errors_by})}; socket: ${sockerr:-none} |
| RSS before / after | ${rss_before} MB / ${rss_after} MB |
| heap used after full GC, before / after | ${heap_before} MB / ${heap_after} MB |
SUMMARY
