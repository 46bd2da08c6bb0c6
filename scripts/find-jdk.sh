#!/usr/bin/env bash
# Sourced by ./policybot, ./verify and .ci/run: exports JAVA_HOME for a JDK >= 21.
# The machine's default java may be older (17 here); look in the usual places before giving up.

policybot_java_major() { # prints the feature version of "$1/bin/java", or nothing
  [ -x "$1/bin/java" ] || return 0
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n 1
}

policybot_find_jdk() {
  local candidate major
  for candidate in "${POLICYBOT_JAVA_HOME:-}" "${JAVA_HOME:-}" \
      "$(dirname "$(dirname "$(readlink -f "$(command -v java 2>/dev/null || echo /nonexistent)")")")" \
      /usr/lib/jvm/temurin-2[1-9]-jdk* /usr/lib/jvm/temurin-[3-9][0-9]-jdk* \
      /usr/lib/jvm/java-2[1-9]-openjdk* /usr/lib/jvm/java-[3-9][0-9]-openjdk* /usr/lib/jvm/*; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/javac" ] || continue
    major=$(policybot_java_major "$candidate")
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}

if ! JAVA_HOME=$(policybot_find_jdk); then
  # Last resort on Debian-like machines: install one, if the package lists have it.
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    echo "No JDK >= 21 found; trying to install one with apt-get..." >&2
    apt-get update -qq >/dev/null 2>&1 || true
    for pkg in openjdk-25-jdk-headless openjdk-21-jdk-headless; do
      apt-get install -y -qq "$pkg" >/dev/null 2>&1 && break
    done
  fi
  JAVA_HOME=$(policybot_find_jdk) || {
    echo "PolicyBot needs a JDK >= 21 and none was found. Install one (e.g. Temurin 21 or 25) and set JAVA_HOME." >&2
    return 1 2>/dev/null || exit 1
  }
fi
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"
