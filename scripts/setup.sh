#!/usr/bin/env bash
# Sets up a fresh machine of our kind (Node 20 + npm, root, Debian): pnpm, Debian's Chromium (for
# browser tests; never a downloaded browser), Redis (for the shared rate-limit tests), then the
# workspace's packages from the committed lockfile. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

command -v pnpm >/dev/null 2>&1 || npm i -g pnpm@10

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]} from Debian"
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"
fi

pnpm install --frozen-lockfile
