#!/bin/bash
# Writes resources/dev/talkbook/ui/first-frame-classes.txt: the classes the FX thread loads from the
# class path before the first notes are shown (ClassPreload loads them on a thread of its own while
# the toolkit starts). Run from the project after `./mvnw -q compile`, with a display ($DISPLAY, Xvfb
# will do) and a notebook whose last talk the window opens: tools/first-frame-classes.sh NOTEBOOK
set -euo pipefail
notebook=${1:?usage: tools/first-frame-classes.sh NOTEBOOK}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
./mvnw -q dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" >/dev/null
# JFR's jdk.ClassLoad events (off in the shipped settings) with the loading thread.
sed -e '/<event name="jdk.ClassLoad">/,/<\/event>/ s/>false</>true</' \
  -e '/<event name="jdk.ClassLoad">/,/<\/event>/ s/<setting name="threshold">[^<]*</<setting name="threshold">0 ms</' \
  "$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")/lib/jfr/default.jfc" >"$work/load.jfc"
java -XX:StartFlightRecording="settings=$work/load.jfc,filename=$work/start.jfr" \
  -Dtalkbook.startupProbe=true -Dtalkbook.preload=false -cp "target/classes:$(cat "$work/cp.txt")" \
  dev.talkbook.Launcher --notebook "$notebook" >/dev/null
out=resources/dev/talkbook/ui/first-frame-classes.txt
{
  sed -n '1,/^[^#]/p' "$out" | grep '^#'
  # The FX thread (GTK's main loop thread, so named when JFR first sees it), class-path classes
  # (not the JDK's, not lambdas), up to the probe's first line (Probes: the notes are shown).
  jfr print --events jdk.ClassLoad --stack-depth 1 "$work/start.jfr" | awk '
    /^jdk.ClassLoad/ { cls = ""; loader = ""; thread = "" }
    /loadedClass = / { cls = $3 }
    /definingClassLoader = / { loader = $3 }
    /eventThread = / { thread = $3 }
    /^}/ {
      if (thread != "\"GtkNativeMainLoopThread\"") next
      if (cls ~ /^dev\.talkbook\.core\.common\.Probes/) exit
      if (loader ~ /AppClassLoader/ && cls !~ /\$\$Lambda/ && !seen[cls]++) print cls
    }'
} >"$work/list.txt"
mv "$work/list.txt" "$out"
echo "$(grep -vc '^#' "$out") classes in $out"
