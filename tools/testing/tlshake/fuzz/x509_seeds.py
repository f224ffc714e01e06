#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Write the X.509 harnesses' seeds from the test certificates.

    x509_seeds.py CERTDIR SEEDDIR

SEEDDIR/x509/ gets every CERTDIR/*.der; SEEDDIR/x509_path/ gets the chains
of make-test-certs.sh, framed as fuzz_x509_path.c reads them.
"""
import os
import sys

# (anchors, chain): the chains of the KUnit suite, good and bad.
CHAINS = [
    (["p256-root"], ["p256-leaf", "p256-int"]),
    (["p384-root"], ["p384-leaf", "p384-int"]),
    (["rsa-root"], ["rsa-leaf", "rsa-int"]),
    (["rsa-root"], ["pss-leaf", "pss-int"]),
    (["p256-root"], ["p256-leaf", "p256-root", "p256-int"]),
    (["p256-int"], ["p256-leaf"]),
    (["self"], ["self"]),
    (["p256-root"], ["pathlen-leaf", "sub-int", "p256-int"]),
    (["p256-root"], ["noca-leaf", "noca-int"]),
    (["p256-root"], ["other-leaf", "other-root"]),
    (["rsa-root", "other-root", "p256-root"],
     ["san", "rsa-int", "p384-int", "p256-int"]),
]


def framed(certdir, names):
    out = b""
    for name in names:
        with open(os.path.join(certdir, name + ".der"), "rb") as f:
            der = f.read()
        out += len(der).to_bytes(3, "big") + der
    return out


def main(argv):
    if len(argv) != 3:
        sys.exit(__doc__)
    certdir, seeddir = argv[1], argv[2]
    os.makedirs(os.path.join(seeddir, "x509"), exist_ok=True)
    os.makedirs(os.path.join(seeddir, "x509_path"), exist_ok=True)
    for name in sorted(os.listdir(certdir)):
        if name.endswith(".der"):
            with open(os.path.join(certdir, name), "rb") as f:
                data = f.read()
            with open(os.path.join(seeddir, "x509", name), "wb") as f:
                f.write(data)
    for i, (anchors, chain) in enumerate(CHAINS):
        data = bytes([len(anchors), 0xff]) + framed(certdir, anchors) + \
            framed(certdir, chain)
        with open(os.path.join(seeddir, "x509_path", "chain%d" % i),
                  "wb") as f:
            f.write(data)


if __name__ == "__main__":
    main(sys.argv)
