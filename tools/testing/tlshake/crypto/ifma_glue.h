/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The userspace side of the IFMA code's dispatch: the tests choose which
 * path runs.
 */
#ifndef _TLSHAKE_TEST_IFMA_GLUE_H
#define _TLSHAKE_TEST_IFMA_GLUE_H

#include <stdbool.h>

/* Whether the CPU has AVX-512 IFMA and VL, and the OS saves their state. */
bool ifma_glue_cpu(void);

/* Take the IFMA path wherever the CPU allows it (the default), or never. */
void ifma_glue_enable(bool on);

#endif /* _TLSHAKE_TEST_IFMA_GLUE_H */
