// SPDX-License-Identifier: GPL-2.0
/*
 * tlshake: a TLS client and server whose handshake runs in the kernel.
 */

#include <stdio.h>
#include <string.h>

static void usage(FILE *out)
{
	fprintf(out,
		"usage: tlshake COMMAND [OPTIONS]\n"
		"\n"
		"A TLS client and server whose handshake runs in the kernel\n"
		"(tlshake.ko) and whose records are then carried by kTLS.\n"
		"\n"
		"  tlshake --help       this text\n");
}

int main(int argc, char **argv)
{
	if (argc == 2 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))) {
		usage(stdout);
		return 0;
	}
	usage(stderr);
	return 2;
}
