#!/bin/sh
# Regenerates configure and Makefile.in from configure.ac and Makefile.am.
# Needs autoconf, automake, libtool and pkg-config (for pkg.m4).
set -e
cd "$(dirname "$0")"
exec autoreconf -fi
