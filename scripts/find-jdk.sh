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
  # A build script does not change the machine unless asked: POLICYBOT_INSTALL_JDK=1 lets it use apt-get.
  if [ "${POLICYBOT_INSTALL_JDK:-}" = 1 ] && command -v apt-get >/dev/null 2>&1; then
    sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo
    echo "No JDK >= 21 found; POLICYBOT_INSTALL_JDK=1: $sudo apt-get install -y openjdk-25-jdk-headless (else -21-)" >&2
    $sudo apt-get update -q >&2 || true
    for pkg in openjdk-25-jdk-headless openjdk-21-jdk-headless; do
      $sudo apt-get install -y -q "$pkg" >&2 && break
    done
  fi
  JAVA_HOME=$(policybot_find_jdk) || {
    cat >&2 <<'EOT'
PolicyBot needs a JDK >= 21 and none was found (looked at POLICYBOT_JAVA_HOME, JAVA_HOME, the java on the PATH
and /usr/lib/jvm). Set JAVA_HOME to one, or install one, e.g. on Debian 13 / Ubuntu 24.04:
  sudo apt-get update && sudo apt-get install -y openjdk-21-jdk-headless
(older distributions: Temurin 21 or 25 from https://adoptium.net), or run again with POLICYBOT_INSTALL_JDK=1
to let this script run apt-get for you.
EOT
    return 1 2>/dev/null || exit 1
  }
fi
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"
