/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Modular inversion by Bernstein and Yang's "safegcd" divsteps (Fast
 * constant-time gcd computation and modular inversion, 2019), in pure C.
 *
 * Numbers are processed in "signed62" form: limbs of 62 bits, the top one
 * signed, so that 62 divsteps at a time can be worked out on the low 64
 * bits alone and then applied to the whole numbers as a 2x2 matrix.
 */
#ifndef _NET_TLSHAKE_MODINV_H
#define _NET_TLSHAKE_MODINV_H

#include "pure.h"

/**
 * struct modinv256_modulus - an odd modulus below 2^256
 * @m: the modulus in signed62 form
 * @m_inv62: 1 / m mod 2^62
 */
struct modinv256_modulus {
	s64 m[5];
	u64 m_inv62;
};

void modinv256_consttime(u64 *r, const u64 *a,
			 const struct modinv256_modulus *mod);

/* Signed62 limbs a number of @nlimbs 64-bit limbs needs, sign and slack. */
#define MODINV_LIMBS(nlimbs)	((64 * (nlimbs) + 2 + 61) / 62)
/* The 64-bit words of scratch space modinv_vartime() needs. */
#define MODINV_WORKSPACE(nlimbs)	(5 * MODINV_LIMBS(nlimbs))

int modinv_vartime(u64 *r, const u64 *a, const u64 *m, unsigned int nlimbs,
		   s64 *ws);

#endif /* _NET_TLSHAKE_MODINV_H */
