// SPDX-License-Identifier: GPL-2.0
/*
 * tlshake_test: the KUnit suites of tlshake.  Each *_test.c registers its
 * own suites; this file only makes the module.
 */

#include <linux/module.h>

MODULE_DESCRIPTION("KUnit tests for tlshake");
MODULE_LICENSE("GPL");
MODULE_IMPORT_NS(EXPORTED_FOR_KUNIT_TESTING);
