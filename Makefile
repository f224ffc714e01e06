# SPDX-License-Identifier: GPL-2.0
#
# tlshake: the TLS handshake in the kernel, handed to kTLS.
#
#   make              the module (against KDIR) and the tlshake tool
#   make check        every test: KUnit and scenarios on the test, debug
#                     and distro guest kernels, checkpatch, sparse
#   make check-quick  the test kernel only
#   make demo         a guest showing tlshake at work
#   make fuzz         the parsers under libFuzzer, bounded
#   make bench        handshakes, primitives, memory and throughput,
#                     tlshake beside OpenSSL in a test guest (not a test)
#   make deps         the Debian packages all of this needs
#
# KDIR defaults to the project's own test kernel, built on first use from
# Debian's linux-source-6.1; Debian's headers work too:
#   make KDIR=/usr/src/linux-headers-$(uname -r)

TOP	:= $(CURDIR)
BUILD	:= $(TOP)/.build
TESTING	:= $(TOP)/tools/testing/tlshake

DISTRO_KVER := $(shell dpkg-query -W -f='$${Depends}' linux-image-amd64 2>/dev/null | \
		 sed -n 's/^linux-image-\([^ ,]*\).*/\1/p')

KDIR_test	:= $(BUILD)/kernel/test
KDIR_debug	:= $(BUILD)/kernel/debug
KDIR_distro	:= /usr/src/linux-headers-$(DISTRO_KVER)
BZIMAGE_test	:= $(KDIR_test)/arch/x86/boot/bzImage
BZIMAGE_debug	:= $(KDIR_debug)/arch/x86/boot/bzImage
BZIMAGE_distro	:= /boot/vmlinuz-$(DISTRO_KVER)

KDIR	?= $(KDIR_test)

DEB_PACKAGES := build-essential python3 rsync qemu-system-x86 linux-source-6.1 \
	linux-image-amd64 linux-headers-amd64 busybox-static openssl gnutls-bin \
	flex bison libelf-dev libssl-dev bc cpio kmod sparse clang \
	libclang-rt-14-dev valgrind keyutils

.PHONY: all module tool progs clean deps check check-quick demo fuzz bench \
	kernel-test kernel-debug kernel-distro vm-prereqs

all: module tool

module: $(if $(filter $(KDIR_test),$(KDIR)),kernel-test)
	$(MAKE) -C $(KDIR) M=$(TOP) modules

tool:
	$(MAKE) -C tools/tlshake

# Test programs the scenarios run in the guest.
progs:
	$(MAKE) -C $(TESTING)/progs OUT=$(BUILD)/progs

# Guest kernels.  build.sh rebuilds only when its inputs changed.
kernel-test kernel-debug: kernel-%:
	@$(TESTING)/kernel/build.sh $* $(BUILD)

kernel-distro:
	@test -f $(BZIMAGE_distro) -a -d $(KDIR_distro) || \
		{ echo "Debian's kernel or headers missing: make deps" >&2; exit 1; }

# The module for each guest kernel, built in a copy of the tree so that
# builds for different kernels do not share objects.  Files are compared
# by content, and a changed one takes the time of its copy: kept, the
# source's time could be older than an object built from the file before,
# which would then pass for up to date.  What a build in the tree itself
# (make module) leaves there is not copied: its modules.order would name
# the tree's objects, built for another kernel.
$(BUILD)/module/%/.built: kernel-% FORCE
	@mkdir -p $(@D)
	@rsync -a --no-times --checksum --delete --exclude '*.o' --exclude '*.ko' --exclude '.*.cmd' \
		--exclude 'wp_*.h' --exclude ffdhe_kat.h --exclude p256_table.h \
		--exclude '*.mod*' --exclude modules.order --exclude Module.symvers \
		$(TOP)/Kbuild $(TOP)/net $(TOP)/include $(@D)/
	@mkdir -p $(@D)/tools/testing/tlshake
	@rsync -a --no-times --checksum --delete $(TESTING)/vectors \
		$(@D)/tools/testing/tlshake/
	@$(MAKE) -s -C $(KDIR_$*) M=$(@D) CONFIG_DEBUG_INFO_BTF_MODULES= modules >&2
	@touch $@

$(BUILD)/initramfs/base-%.cpio.gz: $(TESTING)/initramfs.sh $(TESTING)/guest/init
	@mkdir -p $(@D)
	@echo "  INITRD  $*" >&2
	@$(TESTING)/initramfs.sh $@ $(if $(filter distro,$*),$(DISTRO_KVER))

# What tools/testing/tlshake/vm needs for KERNEL=test|debug|distro; the
# paths are left in $(BUILD)/vm-KERNEL.env for it to read.
vm-prereqs: $(BUILD)/module/$(KERNEL)/.built $(BUILD)/initramfs/base-$(KERNEL).cpio.gz
	@$(MAKE) -s tool progs >&2
	@printf 'VM_BZIMAGE=%s\nVM_MODDIR=%s\nVM_BASE_INITRD=%s\nVM_TOOL=%s\nVM_PROGS=%s\n' \
		$(BZIMAGE_$(KERNEL)) $(BUILD)/module/$(KERNEL)/net/tlshake \
		$(BUILD)/initramfs/base-$(KERNEL).cpio.gz \
		$(TOP)/tools/tlshake/tlshake $(BUILD)/progs > $(BUILD)/vm-$(KERNEL).env

check: deps-present
	@$(TESTING)/check test debug distro

check-quick: deps-present
	@$(TESTING)/check test

demo: deps-present
	@$(TESTING)/demo

fuzz:
	$(MAKE) -C $(TESTING)/fuzz run

bench: deps-present
	@$(TESTING)/bench/bench

deps:
	apt-get update -q
	DEBIAN_FRONTEND=noninteractive apt-get install -y -q $(DEB_PACKAGES)

.PHONY: deps-present
deps-present:
	@dpkg-query -W -f='$${Status}\n' $(DEB_PACKAGES) 2>/dev/null | \
		grep -c 'ok installed' | grep -qx $(words $(DEB_PACKAGES)) || \
		$(MAKE) deps

clean:
	$(MAKE) -C $(KDIR) M=$(TOP) clean 2>/dev/null || true
	$(MAKE) -C tools/tlshake clean
	rm -rf $(BUILD)/module $(BUILD)/initramfs $(BUILD)/progs $(BUILD)/check \
		$(BUILD)/bench

.PHONY: FORCE
FORCE:
