# SPDX-License-Identifier: MIT
#
# setup.sh -- sourced by demo.sh and check.sh: installs what is missing
# (with apt-get when run as root on Debian/Ubuntu, otherwise it prints the
# exact command), then configures and builds teitag in build/.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
jobs=$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 2)

# Debian packages needed to build; callers may add to EXTRA_PACKAGES.
BUILD_PACKAGES="gcc g++ make autoconf automake libtool pkg-config libicu-dev libxml2-dev libutf8proc-dev check"

missing_packages() {
  for p in $BUILD_PACKAGES ${EXTRA_PACKAGES:-}; do
    dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q 'install ok installed' || printf '%s ' "$p"
  done
}

install_missing() {
  if ! command -v dpkg-query >/dev/null 2>&1; then
    echo "teitag: not a Debian-like system; make sure these are installed:" >&2
    echo "  a C99 compiler, GNU make, autoconf, automake, libtool, pkg-config," >&2
    echo "  ICU (icu-uc, icu-i18n), libxml2, utf8proc and Check development files" >&2
    return 0
  fi
  missing=$(missing_packages)
  [ -z "$missing" ] && return 0
  if [ "$(id -u)" -eq 0 ]; then
    echo "teitag: installing $missing"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    # shellcheck disable=SC2086
    apt-get install -y -qq --no-install-recommends $missing >/dev/null
  else
    echo "teitag: missing packages; install them with:" >&2
    echo "  sudo apt-get install $missing" >&2
    exit 1
  fi
}

# configure_build DIR [CONFIGURE-OPTIONS...]: configures DIR out of tree
# (again when its options changed) and builds it.
configure_build() {
  dir=$1
  shift
  if [ ! -x configure ] || [ configure.ac -nt configure ] || [ Makefile.am -nt configure ]; then
    ./autogen.sh >/dev/null 2>&1 || { echo "teitag: autogen.sh failed" >&2; ./autogen.sh; exit 1; }
  fi
  mkdir -p "$dir"
  stamp="$dir/.configure-options"
  if [ ! -f "$dir/Makefile" ] || [ "$(cat "$stamp" 2>/dev/null)" != "$*" ] || [ configure -nt "$dir/Makefile" ]; then
    (cd "$dir" && "$top/configure" --quiet "$@") || { echo "teitag: configure failed; see $dir/config.log" >&2; exit 1; }
    echo "$*" >"$stamp"
  fi
  make -C "$dir" -j"$jobs" >"$dir/build.log" 2>&1 || { tail -40 "$dir/build.log" >&2; echo "teitag: build failed; see $dir/build.log" >&2; exit 1; }
}
