#!/bin/sh
# Builds the libFuzzer targets with clang (ASan + UBSan) and runs each for a
# short time (default 10 s; the first argument overrides). Not part of ctest;
# .ci/run calls it when clang is available.
#   csv       the streaming CSV reader          xml       the XML export reader
#   mapping   a partner mapping file            config    each configuration file
#   template  Mustache template + markup parser
# Usage: tests/fuzz/run.sh [SECONDS] [TARGET...]
set -eu
SECONDS_PER_TARGET="${1:-10}"
[ $# -gt 0 ] && shift
TARGETS="${*:-csv xml mapping config template}"
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
OUT="${ROOT}/build/fuzz"
mkdir -p "$OUT"
CXX="${CXX:-clang++}"
FLAGS="-std=c++20 -g -O1 -fsanitize=fuzzer,address,undefined -I${ROOT}/engine -DCASUS_SOURCE_DIR=\"${ROOT}\""
CORE="${ROOT}/engine/core/*.cc"
CONFIG="${ROOT}/engine/config/*.cc ${ROOT}/engine/model/*.cc $CORE"
LIBS="-lpugixml -lPocoFoundation -lcrypto"
for target in $TARGETS; do
  corpus="$OUT/corpus-$target"
  mkdir -p "$corpus"
  case "$target" in
    csv) SOURCES="${ROOT}/tests/fuzz/csv_fuzz.cc ${ROOT}/engine/ingest/csv_reader.cc ${ROOT}/engine/core/text_encoding.cc"
         cp "${ROOT}/tests/fuzz/corpus/csv/"* "$corpus/" ;;
    xml) SOURCES="${ROOT}/tests/fuzz/xml_fuzz.cc ${ROOT}/engine/ingest/xml_reader.cc ${ROOT}/engine/core/text_encoding.cc"
         cp "${ROOT}/tests/fuzz/corpus/xml/"* "$corpus/" ;;
    mapping) SOURCES="${ROOT}/tests/fuzz/config_fuzz.cc $CONFIG -DCASUS_FUZZ_MAPPING"
         cp "${ROOT}/config/partners/"*.xml "$corpus/" ;;
    config) SOURCES="${ROOT}/tests/fuzz/config_fuzz.cc $CONFIG"
         # Seeds: the selector byte (0..8, in the target's file order) + the shipped file.
         i=0
         for f in settings framework toolkit escalation monitoring audiences fields regisseurs; do
           { printf "\\$(printf %03o $i)"; cat "${ROOT}/config/$f.xml"; } > "$corpus/$f.seed"
           i=$((i + 1))
         done
         { printf "\\010"; cat "${ROOT}/data/districts.csv"; } > "$corpus/districts.seed" ;;
    template) SOURCES="${ROOT}/tests/fuzz/template_fuzz.cc ${ROOT}/engine/render/template_renderer.cc
                       ${ROOT}/engine/render/markup_parser.cc ${ROOT}/engine/render/document.cc $CORE"
         find "${ROOT}/templates" -name '*.mustache' -size -64k | while read -r f; do
           cp "$f" "$corpus/$(echo "$f" | tr '/' '_')"
         done ;;
    *) echo "unknown fuzz target: $target" >&2; exit 2 ;;
  esac
  echo "building ${target}_fuzz"
  # shellcheck disable=SC2086
  $CXX $FLAGS $SOURCES -o "$OUT/${target}_fuzz" $LIBS
  echo "running ${target}_fuzz for ${SECONDS_PER_TARGET} s"
  if ! "$OUT/${target}_fuzz" -max_total_time="$SECONDS_PER_TARGET" -max_len=65536 -rss_limit_mb=2048 \
      -artifact_prefix="$OUT/${target}-" "$corpus" > "$OUT/${target}.log" 2>&1; then
    tail -n 40 "$OUT/${target}.log"
    echo "fuzzing ${target}: failure (input saved under $OUT/${target}-*)" >&2
    exit 1
  fi
  tail -n 2 "$OUT/${target}.log"
done
echo "fuzzing done: no crashes"
