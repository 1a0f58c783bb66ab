#!/usr/bin/env bash
# Builds Talkbook's native packages with the JDK's jlink and jpackage. Run by
#   ./mvnw -B -Ppackage package            (app image, plus the .deb/.dmg/.msi of this system)
#   ./mvnw -B -Ppackage package -Dpackage.types=app-image   (app image only)
# after Maven has put the app jar in target/ and its dependencies in target/package/deps
# (JavaFX's jars, which jlink takes as modules, in target/package/javafx).
# Output: target/package/runtime (the jlinked runtime), target/package/image/talkbook (the app
# image), target/package/installer/* (the installer), and talkbook.jsa inside the app image (an
# AppCDS archive of the classes a start loads) when a display is there to start the app once.
set -euo pipefail
cd "$(dirname "$0")/.."

version=${1:?usage: build.sh VERSION [TYPES]}
types=${2:-default}
out=target/package
app_version=${version%%-*} # jpackage wants numbers only: 0.1.0-SNAPSHOT -> 0.1.0

case "$(uname -s)" in
  Linux) os=linux; default_type=deb ;;
  Darwin) os=macos; default_type=dmg ;;
  MINGW* | MSYS* | CYGWIN* | Windows_NT) os=windows; default_type=msi ;;
  *) echo "build.sh: no packaging for $(uname -s)" >&2; exit 1 ;;
esac
[[ $types == default ]] && types="app-image,$default_type"

step() { printf '\n== %s\n' "$*"; }

step "runtime (jlink)"
rm -rf "$out/runtime" "$out/image" "$out/installer" "$out/input" "$out/deb-image"
fx_modules=$(ls "$out"/javafx/*-"$os"*.jar | paste -sd "$(if [[ $os == windows ]]; then echo ';'; else echo ':'; fi)")
# The modules: JavaFX, the JDK's own that the app uses, and what remote JShell needs (jdk.jshell,
# jdk.jdi and jdk.jdwp.agent to start and stop the snippet JVM, jdk.zipfs for the compiler to read
# classpath jars). No --strip-native-commands: remote JShell starts bin/java. No --compress=2: it
# costs about a second on every start (WebKit's library is unpacked each time).
# --generate-cds-archive: the JDK classes archive (the default CDS), which the app archive builds on.
jlink --module-path "$fx_modules" \
  --add-modules javafx.controls,javafx.web,java.sql,java.logging,java.desktop,java.management,java.naming,java.net.http,java.prefs,jdk.jshell,jdk.jdi,jdk.jdwp.agent,jdk.zipfs,jdk.unsupported,jdk.xml.dom,jdk.jsobject,jdk.crypto.ec,jdk.localedata \
  --include-locales en,de,fr,es,it,nl,pt,ja,zh \
  --strip-debug --no-header-files --no-man-pages --generate-cds-archive \
  --output "$out/runtime"

step "app image (jpackage)"
mkdir -p "$out/input"
cp "$out"/deps/*.jar "$out/input/"
cp "target/talkbook-$version.jar" "$out/input/"
common=(--name talkbook --app-version "$app_version" --vendor "Talkbook"
  --description "Notes at talks and live Java for the people who give them"
  --copyright "Talkbook contributors" --input "$out/input" --main-jar "talkbook-$version.jar"
  --main-class dev.talkbook.Launcher --runtime-image "$out/runtime"
  --java-options "-Xss2m" --java-options "-XX:+UseSerialGC" --java-options "-Xmx1g")
# shellcheck disable=SC2046 # the option file holds one option (and its value) per line
jpackage --type app-image --dest "$out/image" "${common[@]}" \
  $(grep -v -e '^#' -e '^--file-associations' -e '^--linux-' -e '^--win-' -e '^--mac-package-name' -e '^--resource-dir' "packaging/$os/jpackage.options" | grep '^--icon')
if [[ $os == linux ]]; then image="$out/image/talkbook"; launcher="$image/bin/talkbook"; cfg="$image/lib/app/talkbook.cfg"
elif [[ $os == macos ]]; then image="$out/image/talkbook.app"; launcher="$image/Contents/MacOS/talkbook"; cfg="$image/Contents/app/talkbook.cfg"
else image="$out/image/talkbook"; launcher="$image/talkbook.exe"; cfg="$image/app/talkbook.cfg"; fi

step "class-data sharing archive"
# Start the packaged app once on a sample notebook and keep the classes it loaded (JDK 17's dynamic
# AppCDS). Linux only, and it needs a display (Xvfb will do); without one the image simply goes
# without an archive. JDK 17 records the jars' paths in the archive and ignores it anywhere else, so
# the app image gets one for where it stands and the .deb one for /opt/talkbook, made in a private
# mount namespace (unshare) where the image is mounted at that path.
if [[ $os == linux && -z ${DISPLAY:-} ]] && command -v Xvfb >/dev/null; then
  Xvfb :97 -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
  xvfb=$!
  trap 'kill $xvfb 2>/dev/null || true' EXIT
  export DISPLAY=:97
  sleep 1
fi

# archive IMAGE_DIR [INSTALLED_AT]: writes IMAGE_DIR/lib/app/talkbook.jsa for an image that will run
# from INSTALLED_AT (default: where it is) and names it in the launcher's configuration.
archive() {
  local image=$1 at=${2:-$1}
  local work
  work=$(mktemp -d)
  "$image/bin/talkbook" --notebook "$work/cds.talkbook" sample >/dev/null
  # Remember a talk as the last one open, so the start shows notes, highlighting and the preview.
  local notebook=$work/cds.talkbook hash=0 i c
  for ((i = 0; i < ${#notebook}; i++)); do # Java's String.hashCode of the (ASCII) path
    printf -v c '%d' "'${notebook:i:1}"
    hash=$(((31 * hash + c) & 0xFFFFFFFF))
  done
  mkdir -p "$work/prefs/.java/.userPrefs/dev/talkbook/window"
  printf '%s\n' '<?xml version="1.0" encoding="UTF-8" standalone="no"?>' \
    '<!DOCTYPE map SYSTEM "http://java.sun.com/dtd/preferences.dtd">' \
    '<map MAP_XML_VERSION="1.0">' "  <entry key=\"lastTalk:$(printf '%x' "$hash")\" value=\"1\"/>" \
    '</map>' >"$work/prefs/.java/.userPrefs/dev/talkbook/window/prefs.xml"
  local classpath
  classpath=$(sed -n 's/^app.classpath=//p' "$image/lib/app/talkbook.cfg" | sed "s#\$APPDIR#$at/lib/app#g" | paste -sd:)
  # The probe exits three seconds after the window shows the notes; the archive is written then.
  local dump=("$at/lib/runtime/bin/java" -XX:ArchiveClassesAtExit="$at/lib/app/talkbook.jsa"
    -Xss2m -XX:+UseSerialGC -Xmx1g -Djava.util.prefs.userRoot="$work/prefs"
    -Dtalkbook.startupProbe=true -cp "$classpath" dev.talkbook.Launcher --notebook "$work/cds.talkbook")
  if [[ $at == "$image" ]]; then
    "${dump[@]}" >"$work/probe.log" 2>&1 || true
  else
    local parent
    parent=$(dirname "$at")
    unshare --mount --map-root-user bash -c '
      set -e
      mount -t tmpfs tmpfs "$1"
      mkdir -p "$2"
      mount --bind "$3" "$2"
      shift 3
      exec "$@"' _ "$parent" "$at" "$(cd "$image" && pwd)" "${dump[@]}" >"$work/probe.log" 2>&1 || true
  fi
  if [[ -s $image/lib/app/talkbook.jsa ]]; then
    # -Xlog:cds*=off: should the archive not fit (the image moved), start without it, silently.
    sed -i 's/^\[JavaOptions\]$/[JavaOptions]\njava-options=-XX:SharedArchiveFile=$APPDIR\/talkbook.jsa\njava-options=-Xlog:cds*=off/' "$image/lib/app/talkbook.cfg"
    echo "$image: talkbook.jsa $(du -h "$image/lib/app/talkbook.jsa" | cut -f1) for $at"
  else
    echo "$image: no class-data archive (the start did not finish):"
    cat "$work/probe.log"
  fi
  rm -rf "$work"
}

can_archive=false
if [[ $os == linux && -n ${DISPLAY:-} ]]; then
  can_archive=true
  archive "$(cd "$image" && pwd)"
else
  echo "no class-data archive: it is made on Linux with a display (or Xvfb) only"
fi

IFS=, read -ra wanted <<<"$types"
for type in "${wanted[@]}"; do
  [[ $type == app-image ]] && continue
  step "installer: $type"
  from=$image
  if [[ $type == deb ]]; then
    # The .deb installs to /opt/talkbook: its archive is made for that place.
    from=$out/deb-image/talkbook
    rm -rf "$out/deb-image" && mkdir -p "$out/deb-image" && cp -a "$image" "$from"
    rm -f "$from/lib/app/talkbook.jsa"
    sed -i -e '/SharedArchiveFile/d' -e '/Xlog:cds/d' "$from/lib/app/talkbook.cfg"
    $can_archive && archive "$from" /opt/talkbook
  fi
  # shellcheck disable=SC2046
  jpackage --type "$type" --dest "$out/installer" --app-image "$from" --name talkbook \
    --app-version "$app_version" --vendor "Talkbook" \
    --description "Notes at talks and live Java for the people who give them" \
    $(grep -v -e '^#' "packaging/$os/jpackage.options")
  if [[ $type == deb && -s $from/lib/app/talkbook.jsa ]]; then
    # jpackage stamps the copied files with the time of copying, and the archive checks each jar's
    # time: give the packaged files back the times the archive was made with.
    deb=$(ls "$out"/installer/*.deb)
    unpacked=$(mktemp -d)
    dpkg-deb -R "$deb" "$unpacked/root"
    (cd "$from" && find . -type f) | while IFS= read -r f; do
      [[ -e $unpacked/root/opt/talkbook/$f ]] && touch -r "$from/$f" "$unpacked/root/opt/talkbook/$f"
    done
    fakeroot dpkg-deb -b "$unpacked/root" "$deb" >/dev/null
    rm -rf "$unpacked"
  fi
done

step "done"
du -sh "$out/runtime" "$image" "$out"/installer/* 2>/dev/null || true
