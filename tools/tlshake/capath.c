// SPDX-License-Identifier: GPL-2.0
/*
 * --CApath: the trust anchors of a directory of PEM files, such as
 * /etc/ssl/certs.  The files read are those named *.pem or *.crt and the
 * hashed names c_rehash and update-ca-certificates give (8 hex digits, a
 * dot, a number), symbolic links included.  A certificate met twice, as
 * through a file and a hashed link to it or in a bundle as well, is taken
 * once.
 */

#define _GNU_SOURCE
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "tlshake.h"

static bool has_suffix(const char *name, const char *suffix)
{
	size_t n = strlen(name), m = strlen(suffix);

	return n > m && !strcmp(name + n - m, suffix);
}

/* HHHHHHHH.N: a certificate's subject hash and a sequence number. */
static bool is_hashed_name(const char *name)
{
	int i;

	for (i = 0; i < 8; i++)
		if (!isxdigit((unsigned char)name[i]))
			return false;
	if (name[8] != '.' || !name[9])
		return false;
	for (i = 9; name[i]; i++)
		if (!isdigit((unsigned char)name[i]))
			return false;
	return true;
}

static int capath_filter(const struct dirent *d)
{
	return has_suffix(d->d_name, ".pem") || has_suffix(d->d_name, ".crt") ||
	       is_hashed_name(d->d_name);
}

/* Whether the certificate list @list holds @der. */
static bool list_has(const struct buf *list, const uint8_t *der, size_t len)
{
	size_t off = 0;

	while (off + 3 <= list->len) {
		size_t n = (size_t)list->data[off] << 16 |
			   list->data[off + 1] << 8 | list->data[off + 2];

		if (n == len && !memcmp(list->data + off + 3, der, len))
			return true;
		off += 3 + n;
	}
	return false;
}

/* Add the certificates of @certs that @list does not hold yet. */
static unsigned int add_new(struct buf *list, const struct buf *certs)
{
	unsigned int added = 0;
	size_t off = 0;

	while (off + 3 <= certs->len) {
		const uint8_t *entry = certs->data + off;
		size_t n = (size_t)entry[0] << 16 | entry[1] << 8 | entry[2];

		if (!list_has(list, entry + 3, n)) {
			buf_add(list, entry, 3 + n);
			added++;
		}
		off += 3 + n;
	}
	return added;
}

/**
 * capath_read_certs - read the certificates of a directory's PEM files
 * @dir: the directory
 * @list: receives them, each preceded by its 3-byte length, after what it
 *	holds already; none is added twice
 * @count: receives how many were added
 *
 * Files that hold no certificate are skipped; so are files that cannot be
 * read or are broken, after a message.
 *
 * Return: 0, or -1 after a message if the directory cannot be read or
 * none of its files holds a certificate.
 */
int capath_read_certs(const char *dir, struct buf *list, unsigned int *count)
{
	struct dirent **names;
	struct buf certs = { 0 };
	unsigned int n, seen = 0;
	int i, num;

	*count = 0;
	num = scandir(dir, &names, capath_filter, alphasort);
	if (num < 0) {
		warnx("%s: %s", dir, strerror(errno));
		return -1;
	}
	for (i = 0; i < num; i++) {
		struct stat st;
		char *path;

		if (asprintf(&path, "%s/%s", dir, names[i]->d_name) < 0) {
			warnx("out of memory");
			exit(EXIT_IO);
		}
		/* Links are followed; what they lead to must be a file. */
		if (!stat(path, &st) && S_ISREG(st.st_mode)) {
			certs.len = 0;
			if (!pem_read_certs_opt(path, &certs, &n, true)) {
				seen += n;
				*count += add_new(list, &certs);
			}
		}
		free(path);
		free(names[i]);
	}
	free(names);
	buf_free(&certs);
	if (!seen) {
		warnx("%s: no certificate in its *.pem, *.crt or hashed files",
		      dir);
		return -1;
	}
	return 0;
}
