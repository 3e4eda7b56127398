#!/usr/bin/env bash
# Installs the Debian packages Casus needs to build, test and check its outputs.
# Idempotent: silent when everything is present; installs only what is missing.
# Usage: scripts/setup.sh [--with-office] [--with-bench] [--with-fuzz]
#   --with-office adds LibreOffice for DOCX checks; --with-bench adds what bench/run.sh needs;
#   --with-fuzz adds clang and its libFuzzer runtime for tests/fuzz/run.sh
set -euo pipefail

packages=(
  build-essential cmake pkg-config
  libxlsxwriter-dev libhpdf-dev libkainjow-mustache-dev libpugixml-dev
  libpoco-dev libcli11-dev catch2 libssl-dev libsqlite3-dev zlib1g-dev libqpdf-dev
  fonts-liberation2
  poppler-utils qpdf unzip libxml2-utils python3 python3-openpyxl sqlite3
)
if [[ " $* " == *" --with-office "* || "${CASUS_WITH_OFFICE:-0}" == "1" ]]; then
  packages+=(libreoffice-writer-nogui)
fi
if [[ " $* " == *" --with-bench "* ]]; then
  packages+=(python3-xlsxwriter python3-reportlab)
fi
if [[ " $* " == *" --with-fuzz "* ]]; then
  packages+=(clang libclang-rt-14-dev)
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

echo "setup: installing ${#missing[@]} missing package(s): ${missing[*]}" >&2
sudo_cmd=()
if [[ $(id -u) -ne 0 ]]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo_cmd=(sudo -n)
  else
    echo "setup: cannot install packages: not running as root and no password-less sudo." >&2
    echo "setup: ask an administrator to run: apt-get install ${missing[*]}" >&2
    exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
if ! "${sudo_cmd[@]}" apt-get update -qq >/dev/null 2>&1; then
  echo "setup: apt-get update failed (no network or no reachable Debian mirror)." >&2
  echo "setup: the missing packages are: ${missing[*]}" >&2
  exit 1
fi
if ! "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/tmp/casus-setup.log 2>&1; then
  echo "setup: apt-get install failed; see /tmp/casus-setup.log" >&2
  tail -n 5 /tmp/casus-setup.log >&2
  exit 1
fi
echo "setup: done" >&2
