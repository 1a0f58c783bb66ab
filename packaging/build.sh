#!/usr/bin/env bash
# Builds Talkbook's native packages with jlink and jpackage of the newest JDK on this machine (JDK 25
# or later, found by packaging/find-jdk.sh; the code itself is built for Java 17 by Maven's JDK).
# Run by
#   ./mvnw -B -Ppackage package            (app image, plus the .deb/.dmg/.msi of this system)
#   ./mvnw -B -Ppackage package -Dpackage.types=app-image   (app image only)
# after Maven has put the app jar in target/ and its dependencies in target/package/deps
# (JavaFX's jars, which jlink takes as modules, in target/package/javafx).
# Output: target/package/runtime (the jlinked runtime), target/package/image/talkbook (the app
# image), target/package/installer/* (the installer). On Linux the app image's bin/talkbook is a
# launcher script (packaging/linux/launcher.sh), and when a display is there (or Xvfb) the image gets
# two AOT caches, lib/app/window.aot and lib/app/cli.aot, recorded from training starts.
set -euo pipefail
cd "$(dirname "$0")/.."

version=${1:?usage: build.sh VERSION [TYPES]}
types=${2:-default}
out=target/package
app_version=${version%%-*} # jpackage wants numbers only: 0.1.0-SNAPSHOT -> 0.1.0

case "$(uname -s)" in
  Linux) os=linux; default_type=deb; sqlite_os=Linux; sqlite_lib=libsqlitejdbc.so ;;
  Darwin) os=macos; default_type=dmg; sqlite_os=Mac; sqlite_lib=libsqlitejdbc.dylib ;;
  MINGW* | MSYS* | CYGWIN* | Windows_NT) os=windows; default_type=msi; sqlite_os=Windows; sqlite_lib=sqlitejdbc.dll ;;
  *) echo "build.sh: no packaging for $(uname -s)" >&2; exit 1 ;;
esac
case "$(uname -m)" in
  x86_64 | amd64 | AMD64) sqlite_arch=x86_64 ;;
  aarch64 | arm64) sqlite_arch=aarch64 ;;
  *) echo "build.sh: no packaging for the $(uname -m) processor" >&2; exit 1 ;;
esac
[[ $types == default ]] && types="app-image,$default_type"

step() { printf '\n== %s\n' "$*"; }

jdk=$(packaging/find-jdk.sh)
step "runtime (jlink of $jdk: $("$jdk/bin/java" -version 2>&1 | head -1))"
rm -rf "$out/runtime" "$out/image" "$out/installer" "$out/input" "$out/deb-image"
fx_modules=$(ls "$out"/javafx/*-"$os"*.jar | paste -sd "$(if [[ $os == windows ]]; then echo ';'; else echo ':'; fi)")
# The modules: JavaFX 21 (its jars from Maven Central are modular; JavaFX 21 runs on Java 17 and
# later), the JDK's own that the app uses, and what remote JShell needs (jdk.jshell, jdk.jdi and
# jdk.jdwp.agent to start and stop the snippet JVM, jdk.zipfs for the compiler to read classpath
# jars), and java.naming for //DEPS (the Maven resolver's HTTPS client checks host names with
# javax.naming.ldap). No --strip-native-commands: remote JShell starts bin/java. No --compress: it costs about a
# second on every start (WebKit's library is unpacked each time). A JDK without jmods (Temurin 25)
# links from its own run-time image (JEP 493).
# --generate-cds-archive: the JDK classes archive (the default CDS), used when no AOT cache fits.
# JavaFX's jars carry their native libraries (WebKit's is 121 MB) as plain resources: linked as they
# are, they land inside lib/modules and JavaFX copies each one out to ~/.openjfx/cache, reading and
# comparing all of it, on every start (a second of processor time, and 119 MB of lib/modules resident
# in the window). They are left out of the modules and put where the JDK's own libraries lie, where
# JavaFX loads them from first.
case $os in
  linux) native_glob='*.so'; native_dir=lib; native_pattern='regex:/javafx\.[a-z]+/[^/]+\.so' ;;
  macos) native_glob='*.dylib'; native_dir=lib; native_pattern='regex:/javafx\.[a-z]+/[^/]+\.dylib' ;;
  windows) native_glob='*.dll'; native_dir=bin; native_pattern='regex:/javafx\.[a-z]+/[^/]+\.dll' ;;
esac
"$jdk/bin/jlink" --module-path "$fx_modules" \
  --add-modules javafx.controls,javafx.web,java.sql,java.logging,java.desktop,java.management,java.naming,java.net.http,java.prefs,jdk.jshell,jdk.jdi,jdk.jdwp.agent,jdk.zipfs,jdk.unsupported,jdk.xml.dom,jdk.jsobject,jdk.localedata \
  --include-locales en,de,fr,es,it,nl,pt,ja,zh \
  --exclude-resources "$native_pattern" \
  --strip-debug --no-header-files --no-man-pages --generate-cds-archive \
  --output "$out/runtime"
for jar in "$out"/javafx/*-"$os"*.jar; do
  unzip -q -j -o "$jar" "$native_glob" -x '*/*' -d "$out/runtime/$native_dir" || (($? == 11)) # 11: none in it
done

step "app image (jpackage)"
mkdir -p "$out/input/native"
cp "$out"/deps/*.jar "$out/input/"
cp "target/talkbook-$version.jar" "$out/input/"
# picocli's jar holds Java 5 class files, which an AOT cache cannot keep linked ("Old class has been
# linked"): every command loaded and verified its 170 classes from the jar, the old way, about 0.1 s
# of processor time a start. The same sources (picocli's -sources jar, copied by Maven) compiled for
# Java 17 go in its place, under the same name, and into the cache.
picocli_sources=$(ls "$out"/sources/picocli-*-sources.jar)
picocli_jar=$(basename "${picocli_sources%-sources.jar}.jar")
rm -rf "$out/picocli" && mkdir -p "$out/picocli/src" "$out/picocli/classes"
unzip -q -o "$picocli_sources" 'picocli/*.java' -d "$out/picocli/src"
"$jdk/bin/javac" --release 17 -nowarn -encoding UTF-8 -d "$out/picocli/classes" "$out"/picocli/src/picocli/*.java
unzip -q -o "$out/deps/$picocli_jar" META-INF/MANIFEST.MF -d "$out/picocli"
grep -v '^Multi-Release:' "$out/picocli/META-INF/MANIFEST.MF" >"$out/picocli/MANIFEST.MF"
rm "$out/input/$picocli_jar"
"$jdk/bin/jar" --create --file "$out/input/$picocli_jar" --manifest "$out/picocli/MANIFEST.MF" \
  -C "$out/picocli/classes" .
# SQLite's native library, unpacked once here rather than out of the jar on every start.
sqlite_jar=$(ls "$out"/deps/sqlite-jdbc-*.jar)
unzip -q -j -o "$sqlite_jar" "org/sqlite/native/$sqlite_os/$sqlite_arch/$sqlite_lib" -d "$out/input/native"
# The JVM options, one a line in packaging/java-options.
java_options=()
while IFS= read -r line; do
  [[ -z $line || $line == \#* ]] && continue
  java_options+=("${line//@SQLITE_LIB@/$sqlite_lib}")
done <packaging/java-options
common=(--name talkbook --app-version "$app_version" --vendor "Talkbook"
  --description "Notes at talks and live Java for the people who give them"
  --copyright "Talkbook contributors" --input "$out/input" --main-jar "talkbook-$version.jar"
  --main-class dev.talkbook.Launcher --runtime-image "$out/runtime")
for o in "${java_options[@]}"; do common+=(--java-options "$o"); done
# shellcheck disable=SC2046 # the option file holds one option (and its value) per line
"$jdk/bin/jpackage" --type app-image --dest "$out/image" "${common[@]}" \
  $(grep -v -e '^#' -e '^--file-associations' -e '^--linux-' -e '^--win-' -e '^--mac-package-name' -e '^--resource-dir' "packaging/$os/jpackage.options" | grep '^--icon')
if [[ $os == linux ]]; then image="$out/image/talkbook"
elif [[ $os == macos ]]; then image="$out/image/talkbook.app"
else image="$out/image/talkbook"; fi

if [[ $os == linux ]]; then
  step "launcher (bin/talkbook)"
  # jpackage's native launcher crashes on arguments of 64 KB and more (see launcher.sh): the
  # launcher is a script that starts the runtime's java with the same options and class path.
  cfg="$image/lib/app/talkbook.cfg"
  class_path=$(sed -n 's/^app.classpath=//p' "$cfg" | paste -sd:)
  # The jars commands read resources from go right after the main jar: a resource is looked for in
  # each jar of the class path in turn, and each jar looked in is opened and its directory read
  # (the AOT cache spares the jars of the classes it holds, not these). sqlite-jdbc reads its
  # version from its own jar as it opens a notebook, and `export site` copies highlight.js's and
  # lunr's files: at the end of the class path they opened 60 jars first, 20-30 ms of every start.
  first=
  rest=
  IFS=: read -ra jars <<<"$class_path"
  for jar in "${jars[@]:1}"; do
    case ${jar##*/} in
      sqlite-jdbc-*.jar | highlightjs-*.jar | lunr-*.jar) first+=:$jar ;;
      *) rest+=:$jar ;;
    esac
  done
  class_path=${jars[0]}$first$rest
  options=
  for o in "${java_options[@]}"; do options+=" \"$o\""; done
  script=$(<packaging/linux/launcher.sh)
  script=${script//@CLASS_PATH@/$class_path}
  script=${script//@JAVA_OPTIONS@/${options# }}
  printf '%s\n' "$script" >"$image/bin/talkbook"
  chmod 755 "$image/bin/talkbook"
fi

step "AOT caches"
# Two training starts of the packaged app record what a start loads and links (JDK 25's AOT cache,
# JEP 483/514/515): the window on a sample notebook with its last talk open, and a command. Linux
# only, and the window needs a display (Xvfb will do); without one the image goes without caches and
# starts with the JDK's classes archive. The caches hold the jars' relative places, sizes and times:
# they fit wherever the image is copied or installed (the .deb) as long as the files keep their times.
# Xvfb picks a free display number itself and writes it to the pipe (-displayfd) once it accepts
# clients: a fixed number was shared by two builds running at once, and the first to finish took
# the display away from the other's training start, which left a truncated window.aot.
if [[ $os == linux && -z ${DISPLAY:-} ]] && command -v Xvfb >/dev/null; then
  displays=$(mktemp -u)
  mkfifo "$displays"
  Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$displays" >/dev/null 2>&1 &
  xvfb=$!
  trap 'kill $xvfb 2>/dev/null || true' EXIT
  read -r -t 30 number <"$displays" || number=
  rm -f "$displays"
  [[ -n $number ]] && export DISPLAY=:$number
fi

# bigtrain TALKBOOK NOTEBOOK DIR: the notebook's Markdown (the sample's one event) as 4 events of 60
# talks in DIR (each talk copied 12 times, numbered; each event over two days, half its talks on
# each), for the command line's training: the export and import of a notebook shaped like a real one.
bigtrain() {
  local talkbook=$1 notebook=$2 dir=$3 src e i f day
  "$talkbook" --notebook "$notebook" export markdown --out "$dir.md"
  src=$(ls -d "$dir".md/*/ | head -1)
  for e in 1 2 3 4; do
    mkdir -p "$dir/event-$e"
    sed -e "s/^title: .*/title: Training evening $e/" -e "s/^date: .*/date: 2026-0$e-1$e/" \
      -e "s/^end_date: .*/end_date: 2026-0$e-1$((e + 1))/" "$src/_index.md" >"$dir/event-$e/_index.md"
    for i in $(seq 1 12); do
      # the first six copies on the event's first day, the others on its second, at the sample's
      # times: an event over two days is listed by day (ProgrammeDays), a path every export of a
      # conference takes, whose classes and lambdas were otherwise made at every such export
      day=$((10 + e + (i > 6 ? 1 : 0)))
      for f in "$src"/[0-9]*.md; do
        sed -e "2s/^title: \(.*\)/title: \1 $i/" -e "s/^event: .*/event: Training evening $e/" \
          -e "s/^date: [0-9-]*T/date: 2026-0$e-${day}T/" "$f" >"$dir/event-$e/$i-${f##*/}"
      done
    done
  done
  # One talk with raw HTML: the sanitizer is built only for such notes (the sample has none), and
  # its classes should be in the cache for the notebooks that have them.
  f=$(ls "$dir/event-1"/1-[0-9]*.md | head -1)
  printf '\nPress <kbd>Ctrl</kbd>+<kbd>S</kbd> to save.\n' >>"$f"
}

# train IMAGE: writes IMAGE/lib/app/window.aot and IMAGE/lib/app/cli.aot.
train() {
  local image=$1 work talkbook=$1/bin/talkbook app=$1/lib/app
  work=$(mktemp -d)
  rm -f "$app"/*.aot
  "$talkbook" --notebook "$work/train.talkbook" sample >/dev/null
  # Remember a talk as the last one open, so the start shows notes, highlighting and the preview.
  local notebook=$work/train.talkbook hash=0 i c
  for ((i = 0; i < ${#notebook}; i++)); do # Java's String.hashCode of the (ASCII) path
    printf -v c '%d' "'${notebook:i:1}"
    hash=$(((31 * hash + c) & 0xFFFFFFFF))
  done
  # The window's settings file (ui.common.Settings) in a config folder of this run's own.
  mkdir -p "$work/config/talkbook" "$work/prefs"
  printf 'lastTalk.%x=1\n' "$hash" >"$work/config/talkbook/settings.properties"
  local -x XDG_CONFIG_HOME=$work/config
  # The window: the start-up probe exits three seconds after the window shows the notes (and the
  # REPL answered 1+1); the JVM then writes the cache.
  TALKBOOK_JAVA_OPTIONS="-XX:AOTCacheOutput=$app/window.aot -Djava.util.prefs.userRoot=$work/prefs -Dtalkbook.startupProbe=true" \
    "$talkbook" --notebook "$notebook" >"$work/window.log" 2>&1 || true
  # The command line: a search, which opens the notebook, reads it and prints, like most commands,
  # then an export of the site (commonmark, the sanitizer, the site's pages), in one JVM
  # (dev.talkbook.cli.TrainingRun), so the cache holds what both load: a re-export of 10,000 talks
  # after one edit took 1.14 -> 1.07 s of processor time, 0.81 -> 0.73 s wall (medians of 5, load
  # 4), the search the same (docs/benchmarks.md). Then an import of Markdown and an export of a
  # notebook of 240 talks in 4 events (the sample's talks, copied; bigtrain below): the sample's
  # 5 talks in one event leave paths of the export out of the cache that every real site takes
  # (an event's notes read together, its talks sorted, headings and dates the sample lacks), whose
  # classes and lambdas were then loaded, linked and spun at every export. Should that run leave
  # no cache, the search alone trains it, as before.
  bigtrain "$talkbook" "$notebook" "$work/big" >"$work/big.log" 2>&1 || true
  TALKBOOK_JAVA_OPTIONS="-XX:AOTCacheOutput=$app/cli.aot -Dtalkbook.trainingRun=true" \
    "$talkbook" --notebook "$notebook" search sqlite \
    --then --notebook "$notebook" export site --out "$work/site" \
    --then --notebook "$work/big.talkbook" import markdown "$work/big" \
    --then --notebook "$work/big.talkbook" export site --out "$work/big-site" >"$work/cli.log" 2>&1 || true
  if [[ ! -s $app/cli.aot ]]; then
    TALKBOOK_JAVA_OPTIONS="-XX:AOTCacheOutput=$app/cli.aot" \
      "$talkbook" --notebook "$notebook" search sqlite >>"$work/cli.log" 2>&1 || true
  fi
  local kind
  for kind in window cli; do
    if [[ -s $app/$kind.aot ]]; then
      echo "$image: $kind.aot $(du -h "$app/$kind.aot" | cut -f1)"
    else
      echo "$image: no $kind.aot (the training start did not finish):"
      cat "$work/$kind.log"
    fi
  done
  rm -rf "$work"
}

if [[ $os == linux && -n ${DISPLAY:-} ]]; then
  train "$(cd "$image" && pwd)"
else
  echo "no AOT caches: they are made on Linux with a display (or Xvfb) only"
fi

IFS=, read -ra wanted <<<"$types"
for type in "${wanted[@]}"; do
  [[ $type == app-image ]] && continue
  step "installer: $type"
  # shellcheck disable=SC2046
  "$jdk/bin/jpackage" --type "$type" --dest "$out/installer" --app-image "$image" --name talkbook \
    --app-version "$app_version" --vendor "Talkbook" \
    --description "Notes at talks and live Java for the people who give them" \
    $(grep -v -e '^#' "packaging/$os/jpackage.options")
  if [[ $type == deb ]] && compgen -G "$image/lib/app/*.aot" >/dev/null; then
    # jpackage stamps the copied files with the time of copying, and an AOT cache checks each jar's
    # time: give the packaged files back the times the caches were made with.
    deb=$(ls "$out"/installer/*.deb)
    unpacked=$(mktemp -d)
    dpkg-deb -R "$deb" "$unpacked/root"
    (cd "$image" && find . -type f) | while IFS= read -r f; do
      if [[ -e $unpacked/root/opt/talkbook/$f ]]; then touch -r "$image/$f" "$unpacked/root/opt/talkbook/$f"; fi
    done
    fakeroot dpkg-deb -b "$unpacked/root" "$deb" >/dev/null
    rm -rf "$unpacked"
  fi
done

step "done"
du -sh "$out/runtime" "$image" "$out"/installer/* 2>/dev/null || true
