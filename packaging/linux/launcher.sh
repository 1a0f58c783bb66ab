#!/bin/sh
# Talkbook's launcher on Linux: bin/talkbook of the app image and of the .deb (/opt/talkbook/bin/talkbook).
# packaging/build.sh writes it from packaging/linux/launcher.sh in place of jpackage's native
# launcher, filling in the class path and the options of packaging/java-options.
#
# Why a script: jpackage's Linux launcher hands the JVM's configuration and the arguments from a
# child process to its parent through a pipe read with one read() (JDK-8380085, fixed after JDK 25);
# arguments of about 64 KB in all cut that copy short and the launcher dies with SIGSEGV (exit 139,
# no message). This script starts the runtime's java itself, so arguments may be as long as Linux
# allows (128 KB each, 2 MB in all; past that the shell says "Argument list too long").
#
# TALKBOOK_JAVA_OPTIONS (split at spaces) adds JVM options after Talkbook's own, e.g. -Xmx2g.
set -f # no file name patterns anywhere below

case $0 in
  */*) self=$0 ;;
  *) self=$(command -v -- "$0") ;;
esac
[ -L "$self" ] && self=$(readlink -f -- "$self")
app=$(cd -- "${self%/*}/.." && pwd -P) || exit 1
APPDIR=$app/lib/app

# The window opens when there is no command: no arguments, only --notebook PATH and --read-only, or
# a notebook file alone (a desktop opening a *.talkbook), as dev.talkbook.Launcher decides. The
# window and the command line each have an AOT cache of the classes their start uses.
mode=window
if [ $# -eq 1 ] && [ "${1#-}" = "$1" ] && [ "${1%.talkbook}" != "$1" ]; then
  :
else
  value=false
  for arg in "$@"; do
    if $value; then
      value=false
    else
      case $arg in
        --notebook) value=true ;;
        --notebook=* | --read-only) ;;
        *) mode=cli && break ;;
      esac
    fi
  done
fi
# No graphics device (a virtual machine or container without one, Xvfb): JavaFX can only find
# Mesa's software OpenGL there, refuses it and renders in software, so the window starts on its
# software renderer at once (dev.talkbook.ui.SoftwareRendering, in Java). GTK under it would still
# load Mesa to set up OpenGL as it opens the display, which JavaFX never uses: 55 MB of resident
# memory and ~0.9 s of the start on such a machine (docs/benchmarks.md). A GDK_GL of the user's stays.
if [ "$mode" = window ] && [ -z "${GDK_GL+set}" ] && [ ! -e /dev/dri ] && [ ! -e /dev/nvidiactl ]; then
  export GDK_GL=disable
fi
# shellcheck disable=SC2086 # TALKBOOK_JAVA_OPTIONS is split at spaces on purpose
set -- $TALKBOOK_JAVA_OPTIONS dev.talkbook.Launcher "$@"
# C1 alone, for commands and the window. A command is over in seconds: C1 compiles its hot code soon
# enough, and C2's compiles cost more processor time than they save (export site of 1,000 talks:
# 3.4 -> 2.0 s of processor time; 10,000 talks: 15.1 -> 12.9 s; docs/benchmarks.md). The window:
# C2's compiles at its start (replayed from the AOT cache's training profiles) took 0.5-0.9 s of
# processor time before the notes showed, more than the FX thread's own ~0.5 s, on the two cores
# the FX thread needs; without them the notes showed ~25 % sooner with a third less processor time
# (2 cores, loaded), the REPL's first result came sooner, and a keystroke in a 10,000-line note cost
# the FX thread no more (1.7-2.0 ms). User code runs in the REPL's own JVM, with C2.
# $TALKBOOK_JAVA_OPTIONS, after it, can undo it.
set -- -XX:TieredStopAtLevel=1 "$@"
# Commands only (the window's memory stays as it was): the heap on transparent huge pages where the
# kernel gives them on request (its usual "madvise" setting; where it does not, the JVM goes on
# without them, its warning kept quiet by -Xlog:pagesize=off), about half as many page faults; and
# half the heap young instead of a third (NewRatio, so it follows any -Xms), so fewer collections,
# each stopping both page threads. export site, packaged, 2 cores, 26 interleaved pairs: 10,000
# talks about 3 % less processor time and 5 % less wall; 300 and 1,000 talks unchanged
# (docs/benchmarks.md).
[ "$mode" = cli ] && set -- -XX:+UseTransparentHugePages -Xlog:pagesize=off -XX:NewRatio=1 "$@"
# -Xlog:aot=off: should the cache not fit (a jar changed), the JVM starts without it, silently.
# The window's cache loads every class its start needs as the JVM starts, so the window's own
# preloading of its first frame's classes (dev.talkbook.ui.ClassPreload) would only look them up
# again: ~20 ms of processor time on the core the toolkit's start shares (docs/benchmarks.md).
if [ -f "$APPDIR/$mode.aot" ]; then
  [ "$mode" = window ] && set -- -Dtalkbook.preload=false "$@"
  set -- "-XX:AOTCache=$APPDIR/$mode.aot" -Xlog:aot=off -Xlog:cds=off "$@"
fi

exec "$app/lib/runtime/bin/java" @JAVA_OPTIONS@ -cp "@CLASS_PATH@" "$@"
