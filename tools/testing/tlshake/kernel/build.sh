#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Build a guest kernel for tlshake's tests from Debian's linux-source-6.1.
#
#   build.sh test|debug BUILDDIR
#
# The kernel lands in BUILDDIR/kernel/FLAVOR (an O= object tree usable as
# KDIR for module builds).  It is rebuilt only when its inputs change: the
# config fragments, this script, or the source package's version.

set -euo pipefail

flavor=$1
builddir=$(realpath -m "$2")
here=$(dirname "$(realpath "$0")")
tarball=/usr/src/linux-source-6.1.tar.xz
srcdir=$builddir/src/linux-source-6.1
objdir=$builddir/kernel/$flavor

case $flavor in
test)	fragments="$here/test.config" ;;
debug)	fragments="$here/test.config $here/debug.config" ;;
*)	echo "build.sh: unknown kernel flavor '$flavor'" >&2; exit 2 ;;
esac

[ -f "$tarball" ] || { echo "build.sh: $tarball missing (make deps)" >&2; exit 1; }

srcver=$(dpkg-query -W -f='${Version}' linux-source-6.1)
stamp=$( (echo "$srcver"; cat "$0" $fragments) | sha256sum | cut -d' ' -f1)

if [ -f "$objdir/.tlshake-stamp" ] && [ "$(cat "$objdir/.tlshake-stamp")" = "$stamp" ] &&
   [ -f "$objdir/arch/x86/boot/bzImage" ]; then
	exit 0
fi

if [ ! -f "$srcdir/.tlshake-version" ] || [ "$(cat "$srcdir/.tlshake-version")" != "$srcver" ]; then
	echo "  UNPACK  linux-source-6.1 ($srcver)"
	rm -rf "$srcdir"
	mkdir -p "$builddir/src"
	tar -C "$builddir/src" -xf "$tarball"
	echo "$srcver" > "$srcdir/.tlshake-version"
fi

echo "  KERNEL  $flavor (a few minutes)"
mkdir -p "$objdir"
rm -f "$objdir/.tlshake-stamp" "$objdir/arch/x86/boot/bzImage"
make -s -C "$srcdir" O="$objdir" tinyconfig >/dev/null
cat $fragments >> "$objdir/.config"
make -s -C "$srcdir" O="$objdir" olddefconfig >/dev/null 2>&1

# Kconfig drops options whose dependencies are unmet without a word.  The
# last fragment to name an option decides its value.
missing=0
while IFS= read -r line; do
	opt=${line%%=*}
	case $line in
	*=n)	! grep -q "^$opt=" "$objdir/.config" ;;
	*)	grep -qx "$line" "$objdir/.config" ;;
	esac || { echo "build.sh: $line did not survive olddefconfig" >&2; missing=1; }
done < <(cat $fragments | grep '^CONFIG_' | tac | awk -F= '!seen[$1]++')
[ $missing = 0 ] || exit 1

make -s -C "$srcdir" O="$objdir" -j"$(nproc)" bzImage modules 2>&1 |
	grep -v -e '^$' || true
[ -f "$objdir/arch/x86/boot/bzImage" ] || { echo "build.sh: kernel build failed" >&2; exit 1; }
echo "$stamp" > "$objdir/.tlshake-stamp"
