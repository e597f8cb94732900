#!/usr/bin/env bash
# Makes sure Chromium and its WebDriver are installed, for the test that renders the HTML access
# report in a real browser (tests/Nexudus.Salto.IntegrationTests/AccessReportBrowserTests.cs).
#
#   eng/ci/ensure-chromium.sh
#
# Does nothing when /usr/bin/chromium is already there. Otherwise installs Debian's `chromium` and
# `chromium-driver` packages with apt-get: directly when running as root, through sudo otherwise
# (sudo must not ask for a password: it runs non-interactively). Prints the Chromium version on
# stdout and exits 0 when the browser is ready; exits non-zero, with the reason on stderr, when it
# cannot be installed. CI does not skip the browser test: a missing browser fails the run.
set -euo pipefail

die() { echo "ensure-chromium.sh: $*" >&2; exit 1; }

chromium=/usr/bin/chromium

if [ ! -x "$chromium" ]; then
  if [ "$(id -u)" -eq 0 ]; then
    as_root=()
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    as_root=(sudo -n)
  else
    die "Chromium is not installed at $chromium and this user cannot install it (not root, and no password-less sudo). Install it with: sudo apt-get install -y chromium chromium-driver"
  fi
  command -v apt-get >/dev/null 2>&1 || die "Chromium is not installed at $chromium and apt-get was not found: install the chromium and chromium-driver packages for this system"
  echo "ensure-chromium.sh: installing Chromium (apt-get install -y chromium chromium-driver)" >&2
  export DEBIAN_FRONTEND=noninteractive
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q >&2 || die "apt-get update failed"
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends chromium chromium-driver >&2 \
    || die "apt-get install chromium chromium-driver failed"
  [ -x "$chromium" ] || die "the chromium package was installed but $chromium does not exist"
fi

"$chromium" --version 2>/dev/null || die "$chromium is installed but does not run ($chromium --version failed)"
