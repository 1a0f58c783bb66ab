#!/usr/bin/env bash
# Smoke test of the packaged app (run by .ci/run after `./mvnw -B -Ppackage package
# -Dpackage.types=app-image`): the packaged binary answers on the command line, fills and reads a
# notebook, runs a note's Java through its own runtime's remote JShell (the sample's Java 21 demo:
# the runtime is the build machine's newest JDK), takes arguments of any length Linux allows, exports
# the site, opens its window on the notebook (under Xvfb when there is no display), starts the
# window and the command line from their AOT caches, and (without a graphics device) starts the window
# on the software renderer without loading Mesa.
set -euo pipefail
cd "$(dirname "$0")/.."
image=${1:-target/package/image/talkbook}
talkbook=$image/bin/talkbook
work=$(mktemp -d)
cleanup() {
  [[ -n ${moved:-} && -d $moved ]] && mv "$moved" "$image"
  [[ -n ${xvfb:-} ]] && { kill "$xvfb" 2>/dev/null || true; }
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "smoke test FAILED: $*" >&2; exit 1; }
ok() { echo "ok: $*"; }

[[ -x $talkbook ]] || fail "no packaged binary at $talkbook (build it with ./mvnw -B -Ppackage package)"

out=$("$talkbook" --version) || fail "talkbook --version exited with $?"
grep -q '^Talkbook ' <<<"$out" || fail "talkbook --version printed: $out"
ok "talkbook --version: $(head -1 <<<"$out")"
# The launcher's heap options for commands (a young generation as a share of the heap, huge pages
# on request) must leave a user's smaller first heap startable and print nothing of their own: a
# fixed young size at or above -Xms left the archived heap objects no room ("Unable to use AOT cache").
out=$(TALKBOOK_JAVA_OPTIONS=-Xms32m "$talkbook" --version 2>&1) \
  || fail "talkbook --version with TALKBOOK_JAVA_OPTIONS=-Xms32m exited with $?: $out"
[[ $(head -1 <<<"$out") == "Talkbook "* ]] || fail "talkbook --version with -Xms32m printed: $out"
ok "a command starts with a first heap of 32 MB, printing only its version"

nb=$work/smoke.talkbook
"$talkbook" --notebook "$nb" sample >/dev/null || fail "talkbook sample"
talks=$("$talkbook" --notebook "$nb" talks) || fail "talkbook talks"
grep -q 'Virtual threads in practice' <<<"$talks" || fail "the sample's talks were not listed: $talks"
hits=$("$talkbook" --notebook "$nb" search 'sqlite') || fail "talkbook search"
grep -qi 'sqlite' <<<"$hits" || fail "search found nothing: $hits"
ok "command line: sample notebook made, listed and searched"

ran=$("$talkbook" --notebook "$nb" run 'Live coding without fear') || fail "talkbook run: $ran"
grep -q 'Total: 90 min' <<<"$ran" || fail "the Java block did not run through the remote JShell: $ran"
ok "a Java block ran through the packaged runtime's remote JShell"

java_version=$("$image/lib/runtime/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
((java_version >= 25)) || fail "the packaged runtime is Java $java_version; it is built from JDK 25 or newer"
ran=$("$talkbook" --notebook "$nb" run 'Virtual threads in practice' 2>&1) \
  || fail "talkbook run of the virtual-threads demo exited with $?: $ran"
grep -q 'block 1 of 1' <<<"$ran" || fail "the virtual-threads demo did not run: $ran"
! grep -qi 'error' <<<"$ran" || fail "the virtual-threads demo (Java 21) failed on the packaged runtime: $ran"
ok "the sample's virtual-threads demo (Java 21) ran on the packaged runtime's Java $java_version"

# jpackage's Linux launcher died with SIGSEGV on about 64 KB of arguments (JDK-8380085); the
# launcher script passes them on. 120,000 characters: near Linux's limit for one argument (128 KB).
long=$(head -c 120000 /dev/zero | tr '\0' 'q')
# No talk matches it: exit code 1, as grep's (anything else is a failure).
rc=0
hits=$("$talkbook" --notebook "$nb" search "$long" 2>&1) || rc=$?
((rc == 1)) || fail "a 120,000-character argument: exit $rc, not 1 (no talk matches): ${hits:0:300}"
grep -q 'No talk matches' <<<"$hits" || fail "a 120,000-character argument: ${hits:0:300}"
ok "a 120,000-character argument reaches the command"

"$talkbook" --notebook "$nb" export site --out "$work/site" >/dev/null || fail "talkbook export site"
[[ -s $work/site/index.html ]] || fail "export site wrote no index.html"
ok "site exported: $(find "$work/site" -name '*.html' | wc -l) pages"

# Live share: the URL first, the page served (Jetty in the jlinked runtime), stopped by SIGTERM.
"$talkbook" --notebook "$nb" share 'Live coding without fear' >"$work/share.out" 2>"$work/share.err" &
share=$!
for _ in $(seq 1 100); do [[ -s $work/share.out ]] && break; sleep 0.2; done
url=$(head -1 "$work/share.out")
[[ $url == http://127.0.0.1:*/*/ ]] || { cat "$work/share.err" >&2; kill "$share"; fail "talkbook share printed no URL: $url"; }
page=$(curl -fsS "$url" 2>/dev/null || wget -qO- "$url" 2>/dev/null || true)
kill "$share"
wait "$share" || true
if [[ -n $page ]]; then
  grep -q 'Live coding without fear' <<<"$page" || fail "the shared page does not show the talk"
fi
grep -q 'Sharing stopped.' "$work/share.err" || { cat "$work/share.err" >&2; fail "talkbook share did not stop cleanly"; }
ok "talkbook share served the talk at $url and stopped on SIGTERM"

# The window: the start-up probe prints talkbook-shown once the window is up, then exits.
if [[ -z ${DISPLAY:-} ]]; then
  command -v Xvfb >/dev/null || fail "no display and no Xvfb (apt-get install xvfb)"
  # Xvfb picks a free display itself and writes its number to the pipe once it accepts clients
  # (as build.sh does): a fixed :98 taken by another X server made this Xvfb exit at once, the
  # window used the other server, and the clean-up's kill of the dead Xvfb failed the test.
  displays=$(mktemp -u)
  mkfifo "$displays"
  Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$displays" >/dev/null 2>&1 &
  xvfb=$!
  read -r -t 30 number <"$displays" || number=
  rm -f "$displays"
  [[ -n $number ]] || fail "Xvfb did not start"
  export DISPLAY=:$number
fi
# The AOT caches: build.sh makes them on Linux with a display or Xvfb, which CI always has.
# -XX:AOTMode=on makes the JVM refuse to start when its cache does not fit.
for cache in window cli; do
  [[ -s $image/lib/app/$cache.aot ]] || fail "no AOT cache lib/app/$cache.aot in the image (see build.sh's output)"
done
TALKBOOK_JAVA_OPTIONS=-XX:AOTMode=on "$talkbook" --notebook "$nb" info >/dev/null 2>"$work/aot.err" \
  || { cat "$work/aot.err" >&2; fail "the command line's AOT cache does not load"; }
ok "the command line starts from its AOT cache"

XDG_CONFIG_HOME="$work/config" TALKBOOK_JAVA_OPTIONS="-XX:AOTMode=on -Dtalkbook.startupProbe=true -Djava.util.prefs.userRoot=$work/prefs" \
  timeout 180 "$talkbook" --notebook "$nb" >"$work/window.out" 2>"$work/window.err" || true
shown=$(sed -n 's/^talkbook-shown //p' "$work/window.out")
[[ -n $shown ]] || { cat "$work/window.out" "$work/window.err" >&2; fail "the window did not open (from its AOT cache)"; }
ok "window opened on the notebook in ${shown%% *} ms (${shown##* } ms of processor time), from its AOT cache"
first=$(sed -n 's/^talkbook-repl-first //p' "$work/window.out")
[[ $first == *" 2" ]] || { cat "$work/window.out" "$work/window.err" >&2; fail "the window's REPL gave no 1+1: $first"; }
ok "the window's REPL answered 1+1 at ${first% *} ms after start"

# Installed, the image is not where it was built (the .deb's /opt/talkbook): the window's REPL must
# start from the image's own jars, though its AOT cache was made in the build's folder.
moved=$(dirname "$image")/moved-$$
mv "$image" "$moved"
XDG_CONFIG_HOME="$work/config" TALKBOOK_JAVA_OPTIONS="-XX:AOTMode=on -Dtalkbook.startupProbe=true -Djava.util.prefs.userRoot=$work/prefs" \
  timeout 180 "$moved/bin/talkbook" --notebook "$nb" >"$work/moved.out" 2>"$work/moved.err" || true
mv "$moved" "$image"
moved=
first=$(sed -n 's/^talkbook-repl-first //p' "$work/moved.out")
[[ $first == *" 2" ]] || { cat "$work/moved.out" "$work/moved.err" >&2; fail "moved from where it was built, the window's REPL gave no 1+1: $first"; }
ok "moved from where it was built, the window's REPL still answered 1+1"

# Without a graphics device (CI, a VM, Xvfb) the window starts on JavaFX's software renderer with
# GTK's OpenGL off (launcher.sh, ui.SoftwareRendering): Mesa (software OpenGL, ~55 MB resident) is
# never loaded. Checked while the window is up: its pipeline, its environment and its mappings.
if [[ ! -e /dev/dri && ! -e /dev/nvidiactl ]]; then
  XDG_CONFIG_HOME="$work/config" TALKBOOK_JAVA_OPTIONS="-Dprism.verbose=true -Dtalkbook.startupProbe=true -Djava.util.prefs.userRoot=$work/prefs" \
    "$talkbook" --notebook "$nb" >"$work/sw.out" 2>&1 &
  window=$! # the JVM itself (the launcher execs it; no `timeout` in between): the probe ends it
  for _ in $(seq 1 900); do grep -q '^talkbook-shown ' "$work/sw.out" && break; sleep 0.2; done
  grep -q '^talkbook-shown ' "$work/sw.out" || { cat "$work/sw.out" >&2; kill "$window"; fail "the window did not open on the software renderer"; }
  environment=$(tr '\0' '\n' <"/proc/$window/environ")
  mapped=$(cat "/proc/$window/maps")
  wait "$window" || true
  grep -q '^Prism pipeline init order: sw *$' "$work/sw.out" || { cat "$work/sw.out" >&2; fail "no graphics device, but JavaFX tried its OpenGL pipeline first"; }
  grep -qx 'GDK_GL=disable' <<<"$environment" || fail "no graphics device, but the launcher left GTK's OpenGL on"
  ! grep -qE 'libLLVM|swrast_dri|libGLX_mesa' <<<"$mapped" || fail "no graphics device, but Mesa was loaded: $(grep -oE '[^/]*(libLLVM|swrast_dri|libGLX_mesa)[^ ]*' <<<"$mapped" | sort -u | tr '\n' ' ')"
  ok "no graphics device: the window started on the software renderer without loading Mesa"
fi
echo "smoke test passed"
