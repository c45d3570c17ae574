# Shared by the bench/run-*.sh scripts: run NAME COMMAND... writes the command, its output and the machine's load
# before and after to bench/results/$PREFIX$NAME.txt. Build first: mvn -B -q -pl bench -am package -DskipTests
cd "$(dirname "${BASH_SOURCE[0]}")/.."
out=bench/results
mkdir -p "$out"
jar=bench/target/benchmarks.jar
harness=(java --add-exports java.base/jdk.internal.misc=ALL-UNNAMED -cp "$jar")

run() {
  local name=$1; shift
  { echo "\$ $*"; echo "start: $(date -u +%FT%TZ) $(uptime)"; "$@" 2>&1 | grep -v '^\(WARNING\|INFO\|[A-Z][a-z][a-z] [0-9]*, 20\)'; echo "end: $(date -u +%FT%TZ) $(uptime)"; } > "$out/${PREFIX:-}$name.txt"
}
