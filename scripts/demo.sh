#!/usr/bin/env bash
# Sets up (Debian packages), builds, and runs `casus demo`: the committed
# synthetic sample -> a fresh store -> every output the engine makes -> outputs/.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$(nproc)" --target casus
./build/casus demo "$@"
