#!/usr/bin/env bash
# Issue 12's figures, each beside its same-run baseline: decode and aggregate (jackson beside the strict readers),
# the pipeline beside the bare ring, the seed scenarios beside the ring and the in-process work, the engine latency
# beside the ring and the clock-gap probe, recovery. About 15 minutes; outputs bench/results/$PREFIX*.txt.
set -uo pipefail
source "$(dirname "$0")/run-lib.sh"

run jmh-decode-aggregate java -jar "$jar" DecodeAggregateBenchmark -prof gc
run jmh-pipeline-ring java -jar "$jar" 'PipelineBenchmark|RingBaselineBenchmark' -p waitStrategy=blocking,spin-park \
  -p journal=on,off -p stageThreads=1 -prof gc
run seed-scenarios "${harness[@]}" io.liqvol.bench.SeedScenariosHarness --runs 5 --wait blocking,spin-park,busy-spin
run seed-scenarios-no-probe "${harness[@]}" io.liqvol.bench.SeedScenariosHarness --runs 5 --probe off \
  --wait blocking,spin-park,busy-spin
run engine-latency-100k "${harness[@]}" io.liqvol.bench.EngineLatencyHarness --rate 100000 --seconds 20 \
  --warmup-seconds 10 --stage-threads 1 --wait blocking,spin-park
run jmh-recovery java -jar "$jar" JournalRecoveryBenchmark -wi 1 -i 3
