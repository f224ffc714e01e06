#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Build the base initramfs of a tlshake test guest:
#
#   initramfs.sh OUTPUT.cpio.gz [DISTRO-KERNEL-VERSION]
#
# It holds busybox, kmod, Debian's openssl and gnutls tools and keyctl
# with their libraries, and the guest's /init.  Given a Debian kernel version, it also
# holds the modules of that kernel a handshake may need, with a depmod
# index.  The module under test, the tlshake tool and the test scripts are
# added per run by the vm script, as a second cpio archive.

set -euo pipefail

out=$(realpath -m "$1")
kver=${2:-}
here=$(dirname "$(realpath "$0")")
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT

mkdir -p "$root"/{bin,sbin,etc,proc,sys,dev,tmp,run,root,usr/bin,usr/lib/ssl,lib64,lib/modules}

cp /bin/busybox "$root/bin/busybox"
for applet in $("$root/bin/busybox" --list); do
	[ "$applet" = busybox ] && continue
	ln -sf busybox "$root/bin/$applet"
done

copy_with_libs() {
	local bin=$1 lib
	cp -L "$bin" "$root$bin"
	for lib in $(ldd "$bin" | grep -o '/[^ ]*'); do
		mkdir -p "$root$(dirname "$lib")"
		cp -L "$lib" "$root$lib"
	done
}

mkdir -p "$root/usr/bin" "$root/bin"
for bin in /usr/bin/openssl /usr/bin/gnutls-cli /usr/bin/gnutls-serv \
	   /usr/bin/certtool /usr/bin/keyctl /bin/kmod; do
	copy_with_libs "$bin"
done
for tool in modprobe insmod rmmod lsmod depmod modinfo; do
	ln -sf /bin/kmod "$root/sbin/$tool"
	rm -f "$root/bin/$tool"
done
cp /usr/lib/ssl/openssl.cnf "$root/usr/lib/ssl/openssl.cnf"

echo "root:x:0:0:root:/root:/bin/sh" > "$root/etc/passwd"
echo "root:x:0:" > "$root/etc/group"
printf '127.0.0.1 localhost\n::1 localhost\n' > "$root/etc/hosts"
cp "$here/guest/init" "$root/init"
chmod 755 "$root/init"

if [ -n "$kver" ]; then
	src=/lib/modules/$kver
	dst=$root/lib/modules/$kver
	mkdir -p "$dst/kernel"
	for d in crypto arch/x86/crypto lib/crypto net/tls \
		 drivers/net/veth.ko drivers/net/ethernet/intel/e1000; do
		mkdir -p "$dst/kernel/$(dirname "$d")"
		cp -r "$src/kernel/$d" "$dst/kernel/$d"
	done
	cp "$src"/modules.builtin "$src"/modules.builtin.modinfo \
	   "$src"/modules.order "$dst/"
	depmod -b "$root" "$kver"
fi

(cd "$root" && find . -print0 | cpio --null -o -H newc --quiet) | gzip -1 > "$out.tmp"
mv "$out.tmp" "$out"
