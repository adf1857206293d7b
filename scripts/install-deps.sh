#!/usr/bin/env bash
# Installs everything the build, the tests and the web front end need, from
# Debian 12's packages (and npm for web/). Safe to run again: it skips what is there.
set -euo pipefail

PACKAGES=(
  build-essential cmake ninja-build ccache pkg-config git
  libboost1.81-dev libboost-url1.81-dev
  nlohmann-json3-dev libspdlog-dev libcli11-dev libtomlplusplus-dev
  libsqlite3-dev sqlite3 libsodium-dev
  libpq-dev postgresql-15
  libxlsxwriter-dev
  libfasttext-dev libopencc-dev libopencc-data libicu-dev libxapian-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  clang-14 libfuzzer-14-dev
  curl wrk
)
if [ "${HOTLINE_BROWSER_TESTS:-1}" = 1 ]; then PACKAGES+=(chromium fonts-noto-cjk); fi
command -v node >/dev/null 2>&1 || PACKAGES+=(nodejs npm)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
