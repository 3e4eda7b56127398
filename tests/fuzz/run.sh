#!/bin/sh
# Builds the libFuzzer targets for the CSV and XML readers with clang and runs
# each for a short time (default 20 s; first argument overrides). Not part of ctest.
# Usage: tests/fuzz/run.sh [SECONDS]
set -eu
SECONDS_PER_TARGET="${1:-20}"
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
OUT="${ROOT}/build/fuzz"
mkdir -p "$OUT"
CXX="${CXX:-clang++}"
FLAGS="-std=c++20 -g -O1 -fsanitize=fuzzer,address,undefined -I${ROOT}/engine"
CORE="${ROOT}/engine/core/text_encoding.cc"
for target in csv xml; do
  case "$target" in
    csv) SOURCES="${ROOT}/tests/fuzz/csv_fuzz.cc ${ROOT}/engine/ingest/csv_reader.cc $CORE" ;;
    xml) SOURCES="${ROOT}/tests/fuzz/xml_fuzz.cc ${ROOT}/engine/ingest/xml_reader.cc $CORE" ;;
  esac
  echo "building ${target}_fuzz"
  # shellcheck disable=SC2086
  $CXX $FLAGS $SOURCES -o "$OUT/${target}_fuzz" -lpugixml -lPocoFoundation
  mkdir -p "$OUT/corpus-$target"
  cp "${ROOT}/tests/fuzz/corpus/$target/"* "$OUT/corpus-$target/"
  echo "running ${target}_fuzz for ${SECONDS_PER_TARGET} s"
  "$OUT/${target}_fuzz" -max_total_time="$SECONDS_PER_TARGET" -max_len=65536 -rss_limit_mb=1024 \
    "$OUT/corpus-$target" 2>&1 | tail -n 3
done
echo "fuzzing done: no crashes"
