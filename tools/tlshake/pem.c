// SPDX-License-Identifier: GPL-2.0
/*
 * PEM files (RFC 7468): certificates and private keys are read as the DER
 * between "-----BEGIN LABEL-----" and "-----END LABEL-----" lines, in
 * base64; certificates are written back the same way.
 */

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "tlshake.h"

void buf_add(struct buf *b, const void *data, size_t len)
{
	if (b->len + len > b->size) {
		size_t size = b->size ? b->size : 4096;

		while (size < b->len + len)
			size *= 2;
		b->data = realloc(b->data, size);
		if (!b->data) {
			warnx("out of memory");
			exit(EXIT_IO);
		}
		b->size = size;
	}
	memcpy(b->data + b->len, data, len);
	b->len += len;
}

void buf_free(struct buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = 0;
	b->size = 0;
}

/**
 * read_file - read a whole file
 * @path: its name
 * @out: where to append its bytes
 *
 * Return: 0, or -1 after a message.
 */
int read_file(const char *path, struct buf *out)
{
	char chunk[4096];
	FILE *f = fopen(path, "r");
	size_t n;

	if (!f) {
		warnx("%s: %s", path, strerror(errno));
		return -1;
	}
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_add(out, chunk, n);
	if (ferror(f)) {
		warnx("%s: %s", path, strerror(errno));
		fclose(f);
		return -1;
	}
	fclose(f);
	return 0;
}

/* A file's text, NUL-terminated. */
static int read_text(const char *path, struct buf *out)
{
	if (read_file(path, out))
		return -1;
	buf_add(out, "", 1);
	return 0;
}

static int b64_value(char c)
{
	if (c >= 'A' && c <= 'Z')
		return c - 'A';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 26;
	if (c >= '0' && c <= '9')
		return c - '0' + 52;
	if (c == '+')
		return 62;
	if (c == '/')
		return 63;
	return -1;
}

/* Decode base64 text between @p and @end, skipping white space. */
static int b64_decode(const char *p, const char *end, struct buf *out)
{
	unsigned int acc = 0, bits = 0, pad = 0;

	for (; p < end; p++) {
		int v;

		if (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')
			continue;
		if (*p == '=') {
			pad++;
			continue;
		}
		v = b64_value(*p);
		if (v < 0 || pad)
			return -1;
		acc = acc << 6 | v;
		bits += 6;
		if (bits >= 8) {
			uint8_t byte = acc >> (bits - 8);

			bits -= 8;
			buf_add(out, &byte, 1);
		}
	}
	return pad > 2 || bits >= 6 ? -1 : 0;
}

/**
 * struct pem_block - one block of a PEM file
 * @label: what follows "BEGIN " (e.g. "CERTIFICATE"), NUL-terminated
 * @headers: whether RFC 1421 headers ("Proc-Type: ...") precede the data
 * @der: the decoded contents
 */
struct pem_block {
	char label[64];
	bool headers;
	struct buf der;
};

/* Find the next block at or after *@pos in the NUL-terminated @text and
 * decode it.  Returns 1 for a block, 0 at the end, -1 on a broken one.
 */
static int pem_next(const char *text, size_t *pos, struct pem_block *blk,
		    const char *path)
{
	const char *begin, *label, *label_end, *body, *end;
	char end_line[96];

	begin = strstr(text + *pos, "-----BEGIN ");
	if (!begin)
		return 0;
	label = begin + strlen("-----BEGIN ");
	label_end = strstr(label, "-----");
	if (!label_end || label_end - label >= (long)sizeof(blk->label) ||
	    memchr(label, '\n', label_end - label)) {
		warnx("%s: a broken BEGIN line", path);
		return -1;
	}
	memcpy(blk->label, label, label_end - label);
	blk->label[label_end - label] = '\0';

	body = strchr(label_end, '\n');
	snprintf(end_line, sizeof(end_line), "-----END %s-----", blk->label);
	end = body ? strstr(body, end_line) : NULL;
	if (!end) {
		warnx("%s: no '%s'", path, end_line);
		return -1;
	}

	/* RFC 1421 headers end at an empty line; their presence marks a
	 * legacy encrypted key.
	 */
	blk->headers = false;
	if (memchr(body, ':', end - body)) {
		const char *blank = strstr(body, "\n\n");

		if (!blank)
			blank = strstr(body, "\n\r\n");
		if (blank && blank < end) {
			blk->headers = true;
			body = blank + 1;
		}
	}

	blk->der.len = 0;
	if (b64_decode(body, end, &blk->der) || !blk->der.len) {
		warnx("%s: bad base64 in a %s block", path, blk->label);
		return -1;
	}
	*pos = end + strlen(end_line) - text;
	return 1;
}

/**
 * pem_read_certs_opt - read the certificates of a PEM file
 * @path: the file
 * @list: receives them, each preceded by its 3-byte length
 * @count: receives how many there were
 * @quiet_missing: return 1 without a message if there is none
 *
 * Return: 0, 1 if there is no certificate and @quiet_missing, or -1 after
 * a message if the file cannot be read, is broken or holds no certificate.
 */
int pem_read_certs_opt(const char *path, struct buf *list, unsigned int *count,
		       bool quiet_missing)
{
	struct pem_block blk = { .der = { 0 } };
	struct buf text = { 0 };
	size_t pos = 0;
	int ret;

	*count = 0;
	if (read_text(path, &text))
		return -1;
	while ((ret = pem_next((char *)text.data, &pos, &blk, path)) > 0) {
		uint8_t len[3];

		if (strcmp(blk.label, "CERTIFICATE"))
			continue;
		len[0] = blk.der.len >> 16;
		len[1] = blk.der.len >> 8;
		len[2] = blk.der.len;
		buf_add(list, len, 3);
		buf_add(list, blk.der.data, blk.der.len);
		(*count)++;
	}
	buf_free(&blk.der);
	buf_free(&text);
	if (!ret && !*count) {
		if (quiet_missing)
			return 1;
		warnx("%s: no CERTIFICATE in it", path);
		ret = -1;
	}
	return ret < 0 ? -1 : 0;
}

/**
 * pem_read_certs - read the certificates of a PEM file
 * @path: the file
 * @list: receives them, each preceded by its 3-byte length
 * @count: receives how many there were
 *
 * Return: 0, or -1 after a message if the file cannot be read or holds no
 * certificate.
 */
int pem_read_certs(const char *path, struct buf *list, unsigned int *count)
{
	return pem_read_certs_opt(path, list, count, false);
}

/**
 * pem_read_key - read the private key of a PEM file
 * @path: the file (it may hold certificates as well)
 * @der: receives the key, DER: PKCS#8, SEC1 or PKCS#1 as the file had it
 * @quiet_missing: return 1 without a message if there is no key
 *
 * Encrypted keys are refused: the kernel takes keys in the clear.
 *
 * Return: 0, 1 if there is no key and @quiet_missing, or -1 after a message.
 */
int pem_read_key(const char *path, struct buf *der, bool quiet_missing)
{
	struct pem_block blk = { .der = { 0 } };
	struct buf text = { 0 };
	size_t pos = 0;
	int ret;

	if (read_text(path, &text))
		return -1;
	while ((ret = pem_next((char *)text.data, &pos, &blk, path)) > 0) {
		if (!strcmp(blk.label, "ENCRYPTED PRIVATE KEY") ||
		    (strstr(blk.label, "PRIVATE KEY") && blk.headers)) {
			warnx("%s: the private key is encrypted; decrypt it first (openssl pkey -in %s -out PLAIN.pem)",
			      path, path);
			ret = -1;
			break;
		}
		if (!strcmp(blk.label, "PRIVATE KEY") ||
		    !strcmp(blk.label, "EC PRIVATE KEY") ||
		    !strcmp(blk.label, "RSA PRIVATE KEY")) {
			buf_add(der, blk.der.data, blk.der.len);
			break;
		}
	}
	if (blk.der.data)
		memset(blk.der.data, 0, blk.der.size);
	memset(text.data, 0, text.size);
	buf_free(&blk.der);
	buf_free(&text);
	if (ret < 0)
		return -1;
	if (!ret) {
		if (quiet_missing)
			return 1;
		warnx("%s: no PRIVATE KEY, EC PRIVATE KEY or RSA PRIVATE KEY in it",
		      path);
		return -1;
	}
	return 0;
}

/**
 * pem_write_certs - write a certificate list as PEM
 * @f: where
 * @list: certificates, each preceded by its 3-byte length
 * @len: bytes in @list
 *
 * Return: 0, or -1 if the list is malformed.
 */
int pem_write_certs(FILE *f, const uint8_t *list, size_t len)
{
	static const char b64[] =
		"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	size_t off = 0;

	while (off + 3 <= len) {
		size_t n = (size_t)list[off] << 16 | list[off + 1] << 8 |
			   list[off + 2];
		const uint8_t *p = list + off + 3;
		size_t i, col = 0;

		if (n > len - off - 3)
			return -1;
		fputs("-----BEGIN CERTIFICATE-----\n", f);
		for (i = 0; i < n; i += 3) {
			uint32_t v = p[i] << 16;
			char out[4];

			if (i + 1 < n)
				v |= p[i + 1] << 8;
			if (i + 2 < n)
				v |= p[i + 2];
			out[0] = b64[v >> 18 & 63];
			out[1] = b64[v >> 12 & 63];
			out[2] = i + 1 < n ? b64[v >> 6 & 63] : '=';
			out[3] = i + 2 < n ? b64[v & 63] : '=';
			fwrite(out, 1, 4, f);
			col += 4;
			if (col == 64) {
				fputc('\n', f);
				col = 0;
			}
		}
		if (col)
			fputc('\n', f);
		fputs("-----END CERTIFICATE-----\n", f);
		off += 3 + n;
	}
	return off == len ? 0 : -1;
}
