#!/usr/bin/env bash
# Our platform and Directus on the peer harness's work (../shared/bench-peer), in one run.
#   1. our side: a fresh database $OURS_DB on the same PostgreSQL; first start (FAZHI_DEMO=0, root org 330106000000
#      西湖区), the peer's org tree (bench/peer-orgs.ts), the peer's rows (gen.mjs, same seed, same ids) mapped into
#      disputes_case/disputes_party, real non-admin users made with `npx fazhi user add`, then `node bin/start.js`
#      on 127.0.0.1 and a POST /api/auth/login per user (session cookie + CSRF header, as a browser holds them)
#   2. Directus as the peer harness runs it (lib.sh peer_start; needs ../shared/bench-peer/setup.sh once)
#   3. RUNS rounds, order alternating (peer, ours | ours, peer): bench/peer-measure.mjs (the peer's measure.mjs plus
#      our target) on get_by_id, list_filtered, aggregate, create; what `create` added is deleted after each round
#   4. stops both servers (by their own PIDs), drops $OURS_DB (KEEP_DB=1 keeps it), prints ONE JSON line:
#      per side the median over the rounds of each figure, and ours/peer per operation
# Env: RUNS=3 DURATION=10 WARMUP=2 CONNECTIONS=10 SCENARIOS=get_by_id,list_filtered,aggregate,create
#      PEER_PROFILE=stock|tuned PEER_ROWS=100000 (the rows the peer database holds) DATABASE_URL (admin connection,
#      default postgres://postgres@127.0.0.1:5432/postgres) OURS_DB=fazhi_bench_peer RESULTS_FILE=(appends the line)
#      OURS_SETUP_SQL=(SQL run on our database after the load, e.g. a proposed index; reported in the JSON)
# Everything listens on 127.0.0.1; every load step and server is bounded by `timeout`.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
PEER_HARNESS=${PEER_HARNESS:-$(cd "$ROOT/../shared/bench-peer" && pwd)}
# The peer's settings and helpers (peer_start, peer_stop, peer_reset_rows, psql_peer); read, never edited.
. "$PEER_HARNESS/lib.sh"
RUNS=${RUNS:-3}
DURATION=${DURATION:-10}
WARMUP=${WARMUP:-2}
CONNECTIONS=${CONNECTIONS:-10}
SCENARIOS=${SCENARIOS:-get_by_id,list_filtered,aggregate,create}
ROWS=$PEER_ROWS
ADMIN_URL=${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}
OURS_DB=${OURS_DB:-fazhi_bench_peer}
OURS_URL=$(node -e 'const u = new URL(process.argv[1]); u.pathname = "/" + process.argv[2]; console.log(u.toString())' "$ADMIN_URL" "$OURS_DB")
OURS_ROOT_ORG="330106000000 西湖区"
OURS_PASSWORD='Bench#Peer2024'     # throw-away bench users in a loopback-only bench database
OURS_MAX_LIFETIME=${OURS_MAX_LIFETIME:-1800}
WORK=$(mktemp -d /tmp/fazhi-peer.XXXXXX)
T0=$(date +%s)

ours_log() { printf '[ours %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
# Our processes see only DATABASE_URL (not the peer's PG* variables that lib.sh exports).
OURS_ENV=(-u PGHOST -u PGPORT -u PGUSER -u PGPASSWORD -u PGDATABASE
  DATABASE_URL="$OURS_URL" FAZHI_DEMO=0 FAZHI_ROOT_ORG="$OURS_ROOT_ORG" FAZHI_SKIP_WEB_BUILD=1
  FAZHI_DATA_DIR="$WORK/data" LOG_LEVEL=warn)
ours_env() { env "${OURS_ENV[@]}" "$@"; }
psql_ours() { env -u PGHOST -u PGPORT -u PGUSER -u PGPASSWORD -u PGDATABASE psql "$1" -X -v ON_ERROR_STOP=1 -qAt "${@:2}"; }

OURS_PID=
ours_stop() {
  [ -n "$OURS_PID" ] || return 0
  local child i
  child=$(pgrep -P "$OURS_PID" 2>/dev/null || true)
  kill -TERM "$OURS_PID" 2>/dev/null || true
  for i in $(seq 1 40); do kill -0 "$OURS_PID" 2>/dev/null || break; sleep 0.25; done
  if kill -0 "$OURS_PID" 2>/dev/null; then
    [ -n "$child" ] && kill -KILL "$child" 2>/dev/null || true
    kill -KILL "$OURS_PID" 2>/dev/null || true
  fi
  wait "$OURS_PID" 2>/dev/null || true
  ours_log "our server (pid $OURS_PID) stopped"
  OURS_PID=
}
cleanup() {
  ours_stop
  peer_stop
  if [ "${KEEP_DB:-0}" != 1 ]; then
    psql_ours "$ADMIN_URL" -c "DROP DATABASE IF EXISTS $OURS_DB WITH (FORCE)" >/dev/null 2>&1 || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

[ -f "$TOOLS_DIR/node_modules/autocannon/package.json" ] || die "autocannon missing: run $PEER_HARNESS/setup.sh"
[ -f "$PEER_DIR/node_modules/@directus/api/dist/cli/run.js" ] || die "Directus missing: run $PEER_HARNESS/setup.sh"
pg_isready -q -h 127.0.0.1 -p "$PEER_DB_PORT" || die "PostgreSQL does not answer on 127.0.0.1:$PEER_DB_PORT"
peer_reset_rows
n=$(psql_peer -c "SELECT count(*) FROM disputes")
[ "$n" = "$ROWS" ] || die "the peer's disputes holds $n rows, expected $ROWS: run $PEER_HARNESS/setup.sh"

# ---- 1. our database -------------------------------------------------------------------------------------------
t_load=$(date +%s.%N)
psql_ours "$ADMIN_URL" -c "DROP DATABASE IF EXISTS $OURS_DB WITH (FORCE)" -c "CREATE DATABASE $OURS_DB" >/dev/null
(cd "$ROOT" && ours_env timeout 300 npx --no-install fazhi first-start) >"$WORK/first-start.log" 2>&1 ||
  { cat "$WORK/first-start.log" >&2; die "first start failed"; }
(cd "$ROOT" && ours_env timeout 300 node --import tsx bench/peer-orgs.ts --gen "$PEER_HARNESS/gen.mjs") >&2
t_rows=$(date +%s.%N)
# The peer's rows, byte-identical CSV (gen.mjs), staged then mapped: statuses 受理/调解中/已化解/未化解 →
# accepted/mediating/resolved/failed, resolved_on → resolved_on (已化解) or failed_on (未化解), categories onto ours,
# parties (json) → disputes_party rows (第三人 → 当事人), ids kept (get_by_id draws the same ids).
cat_case=$(node -e '
import(process.argv[1]).then(({ CATEGORY_MAP }) => console.log(
  "CASE category " + Object.entries(CATEGORY_MAP).map(([k, v]) => `WHEN '\''${k}'\'' THEN '\''${v}'\''`).join(" ") + " END"));
' "$HERE/peer-target.mjs")
psql_ours "$OURS_URL" -c "CREATE UNLOGGED TABLE bench_peer_stage (id int, org_code text, category text, status text,
  received_on date, resolved_on date, parties json, summary text)" >/dev/null
timeout 300 node "$PEER_HARNESS/gen.mjs" --count "$ROWS" --format csv |
  psql_ours "$OURS_URL" -c "\\copy bench_peer_stage FROM STDIN WITH (FORMAT csv, HEADER true)"
psql_ours "$OURS_URL" >/dev/null <<SQL
BEGIN;
INSERT INTO disputes_case (id, org_code, case_no, source, category, summary, status, received_on, accepted_on,
  mediation_on, resolved_on, failed_on, channel, created_at, updated_at)
SELECT id, org_code, to_char(received_on, 'YYYY') || '-' || substr(org_code, 7, 3) || '-B' || lpad(id::text, 6, '0'),
  '排查发现', $cat_case, summary,
  CASE status WHEN '受理' THEN 'accepted' WHEN '调解中' THEN 'mediating' WHEN '已化解' THEN 'resolved' WHEN '未化解' THEN 'failed' END,
  received_on, received_on, CASE WHEN status <> '受理' THEN received_on END,
  CASE WHEN status = '已化解' THEN resolved_on END, CASE WHEN status = '未化解' THEN resolved_on END,
  'import', received_on::timestamptz, received_on::timestamptz
FROM bench_peer_stage ORDER BY id;
INSERT INTO disputes_party (case_id, org_code, role, name, phone)
SELECT s.id, s.org_code, CASE e.p->>'role' WHEN '第三人' THEN '当事人' ELSE e.p->>'role' END, e.p->>'name', e.p->>'phone'
FROM bench_peer_stage s, json_array_elements(s.parties) WITH ORDINALITY AS e(p, n) ORDER BY s.id, e.n;
SELECT setval(pg_get_serial_sequence('disputes_case', 'id'), $ROWS);
DROP TABLE bench_peer_stage;
COMMIT;
VACUUM ANALYZE disputes_case, disputes_party;
SQL
if [ -n "${OURS_SETUP_SQL:-}" ]; then
  ours_log "extra setup on our side (not in src/): $OURS_SETUP_SQL"
  psql_ours "$OURS_URL" -c "$OURS_SETUP_SQL" -c "VACUUM ANALYZE disputes_case" >/dev/null
fi
t_rows_done=$(date +%s.%N)
check=$(psql_ours "$OURS_URL" -c "SELECT sum(n) || ' cases, ' || (SELECT count(*) FROM disputes_party) || ' parties, ' ||
  string_agg(status || '=' || n, ',' ORDER BY status) FROM (SELECT status, count(*) n FROM disputes_case GROUP BY 1) s")
ours_log "loaded: $check"

# Real non-admin users through our CLI: a county 县级监督 reads; a 县级监督 may not register, so each township's
# 经办人 does the creates of its own rows.
(
  cd "$ROOT"
  ours_env timeout 120 npx --no-install fazhi user add --username bench.jiandu --password "$OURS_PASSWORD" \
    --role 县级监督 --org 330106000000 --name 县级监督基准
  for t in 1 2 3 4 5; do
    ours_env timeout 120 npx --no-install fazhi user add --username "bench.jingban$t" --password "$OURS_PASSWORD" \
      --role 经办人 --org "33010600${t}000" --name "经办人基准$t"
  done
) >&2
load_s=$(awk -v a="$t_load" -v b="$(date +%s.%N)" 'BEGIN{printf "%.1f", b-a}')
rows_s=$(awk -v a="$t_rows" -v b="$t_rows_done" 'BEGIN{printf "%.1f", b-a}')

# ---- 2. servers ------------------------------------------------------------------------------------------------
OURS_PORT=$(node -e 'const s = require("net").createServer(); s.listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })')
OURS_BASE=http://127.0.0.1:$OURS_PORT
(cd "$ROOT" && exec env "${OURS_ENV[@]}" PORT="$OURS_PORT" HOST=127.0.0.1 timeout "$OURS_MAX_LIFETIME" node bin/start.js) \
  >>"$WORK/ours.log" 2>&1 &
OURS_PID=$!
for i in $(seq 1 120); do
  [ "$(curl -s -m 2 -o /dev/null -w '%{http_code}' "$OURS_BASE/api/health" 2>/dev/null)" = 200 ] && break
  kill -0 "$OURS_PID" 2>/dev/null || { cat "$WORK/ours.log" >&2; OURS_PID=; die "our server exited during start"; }
  [ "$i" = 120 ] && { cat "$WORK/ours.log" >&2; die "our server did not answer within 60 s"; }
  sleep 0.5
done
ours_node_pid=$(pgrep -P "$OURS_PID" | head -1 || true)
ours_log "our server up on $OURS_BASE (pid $OURS_PID, node $ours_node_pid)"

login() { # login USER -> {"cookie":…,"csrf":…}
  curl -sS -f -m 30 -D "$WORK/h.$1" -H 'content-type: application/json' \
    -d "{\"username\":\"$1\",\"password\":\"$OURS_PASSWORD\"}" "$OURS_BASE/api/auth/login" |
    node -e '
const fs = require("fs");
const body = JSON.parse(fs.readFileSync(0, "utf8"));
const m = /^set-cookie:\s*(fazhi_sid=[^;]+)/im.exec(fs.readFileSync(process.argv[1], "utf8"));
if (!m || !body.csrfToken) throw new Error("login: no session cookie or csrf token");
console.log(JSON.stringify({ cookie: m[1], csrf: body.csrfToken, user: process.argv[2] }));
' "$WORK/h.$1" "$1"
}
{
  printf '{"reader":%s,"clerks":{' "$(login bench.jiandu)"
  for t in 1 2 3 4 5; do
    [ "$t" = 1 ] || printf ','
    printf '"33010600%s":%s' "$t" "$(login "bench.jingban$t")"
  done
  printf '}}\n'
} >"$WORK/sessions.json"
ours_log "signed in: bench.jiandu (县级监督 @330106000000), bench.jingban1..5 (经办人 @3301060N000)"

peer_start
peer_node_pid=$( [ -n "$PEER_PID" ] && pgrep -P "$PEER_PID" | head -1 || true)

# ---- 3. rounds -------------------------------------------------------------------------------------------------
budget=$(( (WARMUP + DURATION + 30) * 4 + 60 ))
measure() { # measure SIDE ROUND
  local side=$1 r=$2
  if [ "$side" = peer ]; then
    log "round $r: Directus ($PEER_PROFILE)"
    TOOLS_DIR=$TOOLS_DIR timeout "$budget" node "$HERE/peer-measure.mjs" --target directus --base "$PEER_BASE" \
      --token "$PEER_TOKEN" --duration "$DURATION" --warmup "$WARMUP" --connections "$CONNECTIONS" --rows "$ROWS" \
      --scenarios "$SCENARIOS" --peer-pid "${peer_node_pid:-}" --gen "$PEER_HARNESS/gen.mjs" >"$WORK/peer.$r.json"
    created=$(psql_peer -c "SELECT count(*) FROM disputes WHERE id > $ROWS")
    peer_reset_rows
  else
    ours_log "round $r: ours"
    TOOLS_DIR=$TOOLS_DIR timeout "$budget" node "$HERE/peer-measure.mjs" --target fazhi --base "$OURS_BASE" \
      --sessions "$WORK/sessions.json" --duration "$DURATION" --warmup "$WARMUP" --connections "$CONNECTIONS" \
      --rows "$ROWS" --scenarios "$SCENARIOS" --peer-pid "${ours_node_pid:-}" --gen "$PEER_HARNESS/gen.mjs" \
      >"$WORK/ours.$r.json"
    created=$(psql_ours "$OURS_URL" -c "SELECT count(*) FROM disputes_case WHERE id > $ROWS")
    psql_ours "$OURS_URL" -c "DELETE FROM disputes_case WHERE id > $ROWS" \
      -c "SELECT setval(pg_get_serial_sequence('disputes_case', 'id'), $ROWS)" >/dev/null
    psql_ours "$OURS_URL" -c "VACUUM ANALYZE disputes_case, disputes_party" >/dev/null
  fi
  echo "$created" >"$WORK/$side.$r.created"
}
for r in $(seq 1 "$RUNS"); do
  if [ $((r % 2)) = 1 ]; then measure peer "$r"; measure ours "$r"; else measure ours "$r"; measure peer "$r"; fi
done
peer_rss_mb=$( [ -n "${peer_node_pid:-}" ] && awk '/VmHWM/ {printf "%.0f", $2/1024}' "/proc/$peer_node_pid/status" 2>/dev/null || echo null)
ours_rss_mb=$( [ -n "${ours_node_pid:-}" ] && awk '/VmHWM/ {printf "%.0f", $2/1024}' "/proc/$ours_node_pid/status" 2>/dev/null || echo null)
audit_rows=$(psql_ours "$OURS_URL" -c "SELECT count(*) FROM kernel_audit" 2>/dev/null || echo null)
ours_stop
peer_stop

# ---- 4. one JSON line ------------------------------------------------------------------------------------------
line=$(node "$HERE/peer-summary.mjs" --dir "$WORK" --runs "$RUNS" --meta "$(node -e 'console.log(JSON.stringify(Object.fromEntries(process.argv.slice(1).map((a) => a.split(/=(.*)/s).slice(0, 2)))))' \
  "peer_profile=$PEER_PROFILE" "peer_version=$(node -p "require('$PEER_DIR/node_modules/directus/package.json').version")" \
  "postgres=$(psql_peer -c 'SHOW server_version')" "rows=$ROWS" "duration=$DURATION" "warmup=$WARMUP" \
  "connections=$CONNECTIONS" "ours_db=$OURS_DB" "ours_load_s=$load_s" "ours_rows_load_s=$rows_s" \
  "ours_loaded=$check" "ours_setup_sql=${OURS_SETUP_SQL:-}" "peer_rss_mb=$peer_rss_mb" "ours_rss_mb=$ours_rss_mb" "audit_rows=$audit_rows" \
  "total_s=$(( $(date +%s) - T0 ))")")
[ -n "${RESULTS_FILE:-}" ] && echo "$line" >>"$RESULTS_FILE"
echo "$line"
