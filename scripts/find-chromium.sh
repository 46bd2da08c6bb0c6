#!/usr/bin/env bash
# Sourced by ./verify: makes sure Debian's chromium and chromium-driver are there for the console's browser tests,
# (and a Chinese font for the screenshots) installing them with apt-get when missing (as root, or with sudo when that needs no password). Exports
# POLICYBOT_CHROMEDRIVER and POLICYBOT_CHROMIUM when found; otherwise the browser tests skip and say why.
# POLICYBOT_NO_BROWSER_INSTALL=1 turns the install off.

policybot_chromium_found() {
  [ -x /usr/bin/chromedriver ] && { [ -x /usr/bin/chromium ] || [ -x /usr/bin/chromium-browser ]; }
}

if { ! policybot_chromium_found || [ ! -d /usr/share/fonts/truetype/wqy ]; } && [ "${POLICYBOT_NO_BROWSER_INSTALL:-}" != 1 ] && command -v apt-get >/dev/null 2>&1; then
  sudo=""
  if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo="sudo -n"; else sudo="none"; fi
  fi
  if [ "$sudo" != none ]; then
    echo "Installing chromium and chromium-driver for the console's browser tests (apt-get) ..." >&2
    ( export DEBIAN_FRONTEND=noninteractive
      $sudo apt-get install -y -q --no-install-recommends chromium chromium-driver fonts-wqy-zenhei >/dev/null 2>&1 \
        || { $sudo apt-get update -q >/dev/null 2>&1 \
             && $sudo apt-get install -y -q --no-install-recommends chromium chromium-driver fonts-wqy-zenhei >/dev/null 2>&1; } ) \
      || echo "Could not install chromium with apt-get; the browser tests will be skipped." >&2
  else
    echo "chromium is missing and apt-get needs root; the browser tests will be skipped." >&2
  fi
fi

if policybot_chromium_found; then
  export POLICYBOT_CHROMEDRIVER=/usr/bin/chromedriver
  if [ -x /usr/bin/chromium ]; then export POLICYBOT_CHROMIUM=/usr/bin/chromium; else export POLICYBOT_CHROMIUM=/usr/bin/chromium-browser; fi
fi
