#!/usr/bin/env bash
# Start-up benchmark: median wall time (hyperfine) and peak RSS (GNU time) of the commands pipelines run most, each
# as a ratio to a bare-JVM floor (one class that reads the store file and prints it). Not a test: run it on a quiet
# machine and copy its table into the README ("Start-up time").
#
#   bench/startup.sh            JDK 17 (JAVA_HOME or the java on PATH), and Temurin 25 when installed
#   bench/startup.sh --peers    also the Azure CLI (Debian's azure-cli) and the CLI for Microsoft 365 (npm), installed
#                               on first use; both can only say "logged out" here (no route to Microsoft)
#
# Needs hyperfine and GNU time (apt-get install hyperfine time). Builds m365 if needed; starts the Entra emulator
# (bin/emulator) unless one answers on port 8400; signs in with a password (a delegated login with a refresh token)
# in a temporary config dir.
set -euo pipefail
cd "$(dirname "$0")/.."

jdk25=${BENCH_JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64}
runs=${BENCH_RUNS:-20}
port=8400
peers=false
[ "${1:-}" = --peers ] && peers=true
for tool in hyperfine /usr/bin/time python3; do
  command -v "$tool" >/dev/null || { echo "bench/startup.sh needs $tool: apt-get install hyperfine time python3" >&2; exit 2; }
done

[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q -DskipTests package

work=$(mktemp -d)
emulator_pid=""
cleanup() {
  if [ -n "$emulator_pid" ]; then kill "$emulator_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
  bin/emulator "$port" >"$work/emulator.log" 2>&1 &
  emulator_pid=$!
  for _ in $(seq 1 120); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
    sleep 1
  done
fi

export AZURE_AUTHORITY_HOST=http://127.0.0.1:$port M365_CONFIG_DIR=$work/config
M365_STORE_KEY=$(head -c 32 /dev/urandom | base64)
export M365_STORE_KEY
printf '%s' alice-password-1 | bin/m365 login --authType password --userName alice@contoso.onmicrosoft.com \
  --password - --tenant contoso.onmicrosoft.com --output none
bin/m365 get-access-token --output none                       # ARM, cached from here on

# The floor: a bare JVM that reads the store file and prints it.
mkdir -p "$work/floor"
cat > "$work/floor/Floor.java" <<'EOF'
public class Floor {
    public static void main(String[] args) throws Exception {
        System.out.write(java.nio.file.Files.readAllBytes(java.nio.file.Path.of(args[0])));
        System.out.flush();
    }
}
EOF
javac -d "$work/floor" "$work/floor/Floor.java"

# name|command — run without a shell, so the figures are m365's (and the launcher's), not bash's.
rows=()
add_jvm_rows() { # label java_home
  local label=$1 home=$2 env="env JAVA_HOME=$2"
  rows+=("$label: bare-JVM floor (read store, print)|$home/bin/java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto -cp $work/floor Floor $M365_CONFIG_DIR/store.enc")
  rows+=("$label: m365 --version|$env bin/m365 --version")
  rows+=("$label: m365 status|$env bin/m365 status")
  rows+=("$label: m365 get-access-token (cached)|$env bin/m365 get-access-token")
  rows+=("$label: m365 get-access-token --new (refresh, emulator)|$env bin/m365 get-access-token --new")
  rows+=("$label: m365 status, fast lane off (Quarkus boot)|$env M365_FAST_LANE=off bin/m365 status")
}
jdk17=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}
add_jvm_rows "JDK $("$jdk17/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p;q')" "$jdk17"
if [ -x "$jdk25/bin/java" ]; then
  env JAVA_HOME="$jdk25" bin/m365 --version >/dev/null      # makes its AOT cache once
  add_jvm_rows "JDK 25" "$jdk25"
fi

if $peers; then
  command -v az >/dev/null || { sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo; $sudo apt-get install -y -qq azure-cli >/dev/null; }
  [ -x bench/.peers/node_modules/.bin/m365 ] || npm install --silent --no-audit --no-fund --prefix bench/.peers @pnp/cli-microsoft365@11.11.0
  rows+=("peer: az account show (Azure CLI 2.45, logged out)|env AZURE_CONFIG_DIR=$work/az az account show")
  rows+=("peer: m365 status (CLI for Microsoft 365 11.11, logged out)|env CLIMICROSOFT365_NOUPDATE=1 bench/.peers/node_modules/.bin/m365 status")
fi

table=$work/table.md
echo "| Command | Median | Mean ± σ | Peak RSS | × floor |" > "$table"
echo "|---|---:|---:|---:|---:|" >> "$table"
floor=""
for row in "${rows[@]}"; do
  name=${row%%|*}
  command=${row#*|}
  # shellcheck disable=SC2086
  hyperfine -N -i --warmup 3 --runs "$runs" --style none --export-json "$work/run.json" -n "$name" "$command" >/dev/null
  # shellcheck disable=SC2086
  /usr/bin/time -v -o "$work/time.txt" $command >/dev/null 2>&1 || true
  rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time.txt")
  read -r median mean stddev < <(python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"][0]; print(r["median"]*1000, r["mean"]*1000, r["stddev"]*1000)' "$work/run.json")
  case $name in *floor*) floor=$median ;; esac
  ratio=$(python3 -c "print(f'{$median / ${floor:-$median}:.1f}')")
  printf '| %s | %.0f ms | %.0f ± %.0f ms | %s MB | %s |\n' "$name" "$median" "$mean" "$stddev" "$(( ${rss:-0} / 1024 ))" "$ratio" >> "$table"
done

echo "Measured $(date -u +%Y-%m-%d) on $(nproc) cores, $(sed -n 's/^model name\s*: //p;' /proc/cpuinfo | head -1), $(uname -sr):"
echo
cat "$table"
