/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Checks of the values userspace gives the SOL_TLSHAKE options.  Pure code
 * (see pure.h): a value in, 0 or -EINVAL out.
 */
#ifndef _NET_TLSHAKE_SOCKOPT_CHECK_H
#define _NET_TLSHAKE_SOCKOPT_CHECK_H

#include "pure.h"

int tlshake_check_code_points(const u16 *list, unsigned int count);
int tlshake_check_server_name(const char *name, unsigned int len);
int tlshake_check_alpn(const u8 *list, unsigned int len);
int tlshake_check_der_sequence(const u8 *der, unsigned int len);
int tlshake_check_cert_list(const u8 *list, unsigned int len);
int tlshake_check_session(const u8 *session, unsigned int len);

#endif /* _NET_TLSHAKE_SOCKOPT_CHECK_H */
