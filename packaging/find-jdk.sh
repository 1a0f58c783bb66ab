#!/usr/bin/env bash
# Prints the home of the JDK that builds Talkbook's packaged runtime: the newest JDK on this machine
# with jlink and jpackage, at least JDK 25 (the packaged app's REPL runs the runtime's Java, so a
# presenter gets current Java; the AOT cache is made with JDK 25's -XX:AOTCacheOutput, JEP 514).
# The code itself still builds for release 17 with the default JDK; only packaging uses this one.
#
#   packaging/find-jdk.sh          the JDK's home on stdout, or a message on stderr and exit 1
#
# Where it looks: $TALKBOOK_PACKAGE_JDK if set (then that JDK or nothing), else $JAVA_HOME,
# /usr/lib/jvm/*, /opt/java/*, /opt/jdk*, /usr/local/jdk*, and the JDK of `javac` on the PATH.
set -euo pipefail

MIN_FEATURE=25

# feature HOME: the JDK's feature release (25 for 25.0.3) from its `release` file, or nothing.
feature() {
  local v
  v=$(sed -n 's/^JAVA_VERSION="\([0-9][0-9]*\).*/\1/p' "$1/release" 2>/dev/null) || true
  [[ $v == 1 ]] && v=8 # 1.8.0_x
  echo "$v"
}

usable() { [[ -x $1/bin/jlink && -x $1/bin/jpackage && -x $1/bin/java && -r $1/release ]]; }

if [[ -n ${TALKBOOK_PACKAGE_JDK:-} ]]; then
  jdk=$TALKBOOK_PACKAGE_JDK
  if ! usable "$jdk"; then
    echo "find-jdk: TALKBOOK_PACKAGE_JDK=$jdk is not a JDK with bin/jlink and bin/jpackage" >&2
    exit 1
  fi
  f=$(feature "$jdk")
  if ((${f:-0} < MIN_FEATURE)); then
    echo "find-jdk: TALKBOOK_PACKAGE_JDK=$jdk is JDK ${f:-?}; packaging needs JDK $MIN_FEATURE or newer" >&2
    exit 1
  fi
  echo "$jdk"
  exit 0
fi

candidates=()
[[ -n ${JAVA_HOME:-} ]] && candidates+=("$JAVA_HOME")
for d in /usr/lib/jvm/* /opt/java/* /opt/jdk* /usr/local/jdk*; do [[ -d $d ]] && candidates+=("$d"); done
if command -v javac >/dev/null; then
  candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")")
fi

best= best_feature=0 seen=() checked=" "
for d in "${candidates[@]}"; do
  d=$(readlink -f "$d")
  [[ $checked == *" $d "* ]] && continue
  checked+="$d "
  usable "$d" || continue
  f=$(feature "$d")
  [[ -n $f ]] || continue
  seen+=("$d (JDK $f)")
  if ((f > best_feature)); then best=$d best_feature=$f; fi
done

if ((best_feature < MIN_FEATURE)); then
  {
    echo "find-jdk: packaging needs a JDK $MIN_FEATURE or newer with jlink and jpackage (the packaged"
    echo "app's runtime and its AOT cache are made with it; the code itself builds for Java 17)."
    if ((${#seen[@]})); then
      printf 'Found only: %s.\n' "$(printf '%s, ' "${seen[@]}" | sed 's/, $//')"
    else
      echo "Found no JDK under \$JAVA_HOME, /usr/lib/jvm, /opt/java, /opt/jdk* or /usr/local/jdk*."
    fi
    echo "Install one (Debian: apt-get install openjdk-$MIN_FEATURE-jdk-headless where offered; or"
    echo "Eclipse Temurin $MIN_FEATURE) and, if it lies elsewhere, set TALKBOOK_PACKAGE_JDK=<its folder>."
  } >&2
  exit 1
fi
echo "$best"
