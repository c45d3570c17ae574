#!/usr/bin/env bash
# Every measurement of bench/README.md, in order, each output with the machine's load in bench/results/.
# Takes about 35 minutes. Build first: mvn -B -q -pl bench -am package -DskipTests
set -uo pipefail
source "$(dirname "$0")/run-lib.sh"

run jmh-decode java -jar "$jar" DecodeAggregateBenchmark -prof gc
run aggregate-cpu-time "${harness[@]}" io.liqvol.engine.AggregateCpuTimeHarness
run bucket-memory "${harness[@]}" io.liqvol.engine.BucketMemoryHarness
# The pipeline and the ring's own limit (RingBaselineBenchmark ignores -p journal) in one run, for their ratios.
run jmh-pipeline java -jar "$jar" 'PipelineBenchmark|RingBaselineBenchmark' -p waitStrategy=blocking,yielding,phased -p journal=on -p stageThreads=1,2,4 -prof gc
run jmh-pipeline-no-journal java -jar "$jar" 'PipelineBenchmark|RingBaselineBenchmark' -p waitStrategy=blocking -p journal=off -p stageThreads=1,4 -prof gc
for threads in 1 4; do
  run "engine-latency-100k-threads$threads" "${harness[@]}" io.liqvol.bench.EngineLatencyHarness --rate 100000 --seconds 20 --warmup-seconds 10 --stage-threads $threads
done
run engine-latency-100k-yielding "${harness[@]}" io.liqvol.bench.EngineLatencyHarness --rate 100000 --seconds 20 --warmup-seconds 10 --stage-threads 1 --wait yielding
run engine-latency-10k "${harness[@]}" io.liqvol.bench.EngineLatencyHarness --rate 10000 --seconds 20 --warmup-seconds 10 --stage-threads 1
run engine-latency-100k-waits "${harness[@]}" io.liqvol.bench.EngineLatencyHarness --rate 100000 --seconds 20 --warmup-seconds 10 --stage-threads 1 --wait phased,blocking,yielding,sleeping,busy-spin
for clients in 1 100 1000; do
  for rate in 1000 20000; do
    run "e2e-$clients-clients-$rate" "${harness[@]}" io.liqvol.bench.EndToEndHarness --clients $clients --rate $rate --seconds 20 --warmup-seconds 5
  done
done
run e2e-1000-clients-100 "${harness[@]}" io.liqvol.bench.EndToEndHarness --clients 1000 --rate 100 --seconds 20 --warmup-seconds 5
run e2e-send-time "${harness[@]}" io.liqvol.bench.EndToEndHarness --clients 1 --rate 10 --seconds 30 --warmup-seconds 5
run seed-scenarios "${harness[@]}" io.liqvol.bench.SeedScenariosHarness --runs 5
run seed-scenarios-waits "${harness[@]}" io.liqvol.bench.SeedScenariosHarness --runs 5 --wait phased,blocking,yielding,sleeping,busy-spin
run idle-clients "${harness[@]}" io.liqvol.bench.IdleClientsHarness --gateway-jar gateway/target/liqvol.jar --heap 512m --target 19000 --step 1000
run jmh-history java -jar "$jar" HistoryQueryBenchmark -p timeframe=1m -wi 2 -i 3
run jmh-recovery java -jar "$jar" JournalRecoveryBenchmark -wi 1 -i 3
run replication-2000-per-s "${harness[@]}" io.liqvol.bench.ReplicationHarness --rate 2000 --seconds 20 --warmup-seconds 5 --catch-up 1000000
run edge-clients-100-clients-500 "${harness[@]}" io.liqvol.bench.EdgeClientsHarness --clients 100 --rate 500 --seconds 20 --warmup-seconds 5
