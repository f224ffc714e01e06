#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
#
# Read the guest's output of make bench (guest.sh), print the table and
# write every figure as JSON.
#
#   report.py RAW.txt OUT.json

import json
import sys

def ratio(a, b):
    return a / b if b else float("nan")


def parse(lines):
    res = {"handshakes": [], "primitives": [], "native_primitives": [],
           "memory": None, "throughput": {}}
    kprim = {}
    for line in lines:
        tag, _, rest = line.rstrip("\n").partition(" ")
        if tag == "hs":
            res["handshakes"].append(json.loads(rest))
        elif tag in ("floor", "native") and \
                not rest.startswith("operation/s"):
            # "NAME  TLSHAKE  OPENSSL  RATIO", NAME may hold spaces
            words = rest.split()
            res["primitives" if tag == "floor" else
                "native_primitives"].append({
                "operation": " ".join(words[:-3]),
                "tlshake_per_second": float(words[-3]),
                "openssl_per_second": float(words[-2]),
                "ratio": float(words[-1])})
        elif tag == "kprim":
            # "IMPL NAME OPS NS", the best of several runs kept; anything
            # else is a failure's message
            words = rest.split()
            if len(words) == 4 and words[2].isdigit() and \
                    words[3].isdigit() and int(words[3]):
                r = kprim.setdefault(words[1], {})
                r[words[0]] = max(r.get(words[0], 0),
                                  int(words[2]) * 1e9 / int(words[3]))
            else:
                print(f"report.py: {rest}", file=sys.stderr)
        elif tag == "memory":
            res["memory"] = json.loads(rest)
        elif tag == "throughput":
            r = json.loads(rest)
            res["throughput"][r["impl"]] = r
    res["kernel_primitives"] = {
        name: {"tlshake_per_second": r["tlshake"],
               "openssl_per_second": r["openssl"],
               "ratio": ratio(r["tlshake"], r["openssl"])}
        for name, r in kprim.items() if "tlshake" in r and "openssl" in r}
    return res


# What the module's own P-256 and RSA code set out to reach natively,
# as a fraction of OpenSSL's rate.
NATIVE_TARGETS = {
    "P-256 keygen": 0.8,
    "P-256 ECDH": 0.8,
    "P-256 ECDSA sign": 0.8,
    "P-256 ECDSA verify": 0.8,
    "RSA-2048 sign": 0.7,
}


# The operations tlshake_bench.ko (kernel) and evpfloor (OpenSSL) time,
# under the names both print.
KPRIM = [
    ("x25519", "X25519 keygen+derive"),
    ("p256-ecdh", "P-256 keygen+derive"),
    ("ffdhe2048", "FFDHE-2048 keygen+derive"),
    ("ecdsa-p256-sign", "ECDSA P-256 sign"),
    ("ecdsa-p256-verify", "ECDSA P-256 verify"),
    ("ecdsa-p256-pubkey", "P-256 public key set-up"),
    ("rsa2048-pss-sign", "RSA-2048 PSS sign"),
    ("rsa2048-pss-verify", "RSA-2048 PSS verify"),
    ("rsa2048-pkcs1-verify", "RSA-2048 PKCS#1 verify"),
    ("rsa2048-privkey", "RSA-2048 private key set-up"),
    ("rsa2048-pubkey", "RSA-2048 public key set-up"),
    ("hkdf-extract", "HKDF-Extract SHA-256"),
    ("hkdf-expand-label", "HKDF-Expand-Label SHA-256"),
    ("tls13-key-schedule", "TLS 1.3 key schedule, one end"),
    ("transcript", "Transcript hash, one end"),
    ("aes128gcm-4096", "AES-128-GCM 4 KiB record"),
    ("aes128gcm-64", "AES-128-GCM 64 B record"),
    ("aes128gcm-key", "AES-128-GCM key set-up"),
    ("chacha20poly1305-4096", "ChaCha20-Poly1305 4 KiB"),
    ("chacha20poly1305-64", "ChaCha20-Poly1305 64 B"),
    ("chacha20poly1305-key", "ChaCha20-Poly1305 key set-up"),
]

# The cryptography of one handshake, both ends, as (operation, count): a
# key pair and a derivation at each end; the server's CertificateVerify
# signed, the client checking it and the leaf's certificate (the CA signs
# with PKCS#1 v1.5); each end's key schedule and transcript hash; the
# handshake keys set up in both directions at both ends; the server's
# encrypted flight and the client's Finished, each sealed and opened.  Key set-up from DER is left
# out: when it happens depends on what each implementation caches.
COMMON = [("tls13-key-schedule", 2), ("transcript", 2),
          ("aes128gcm-key", 4), ("aes128gcm-4096", 1), ("aes128gcm-64", 1)]
HS_CRYPTO = {
    ("x25519", "ec256"): [("x25519", 2), ("ecdsa-p256-sign", 1),
                          ("ecdsa-p256-verify", 2)] + COMMON,
    ("x25519", "rsa2048"): [("x25519", 2), ("rsa2048-pss-sign", 1),
                            ("rsa2048-pss-verify", 1),
                            ("rsa2048-pkcs1-verify", 1)] + COMMON,
    ("p256", "ec256"): [("p256-ecdh", 2), ("ecdsa-p256-sign", 1),
                        ("ecdsa-p256-verify", 2)] + COMMON,
}


def kprim_table(res):
    kp = res["kernel_primitives"]
    if not kp:
        return []
    out = ["", "Primitives in the kernel, operations per second: tlshake's"
           " interfaces (tlshake_bench.ko) beside OpenSSL (EVP) in the same"
           " guest; a record is sealed and opened"]
    out.append(f"{'operation':<30} {'tlshake':>10} {'OpenSSL':>10} "
               f"{'ratio':>6}")
    for name, label in KPRIM:
        p = kp.get(name)
        if p:
            out.append(f"{label:<30} {p['tlshake_per_second']:>10.0f} "
                       f"{p['openssl_per_second']:>10.0f} "
                       f"{p['ratio']:>6.2f}")
    return out


def hs_crypto_table(res, cases):
    kp = res["kernel_primitives"]
    out = ["", "One handshake at a time, ms: the whole handshake (1 / rate)"
           " against its cryptography, both ends, from",
           "the primitives above (2 key exchanges, 1 signature, 2"
           " verifications, 2 key schedules,",
           "2 transcript hashes, 4 AEAD key set-ups, 2 records); overhead ="
           " handshake / cryptography"]
    out.append(f"{'group + certificate':<22} {'tlshake hs':>10} "
               f"{'crypto':>7} {'overhead':>8}  {'openssl hs':>10} "
               f"{'crypto':>7} {'overhead':>8}")
    res["handshake_crypto"] = []
    for (group, cert), ops in HS_CRYPTO.items():
        r = cases.get((group, cert, 1), {})
        if "tlshake" not in r or "openssl" not in r or \
                any(name not in kp for name, _ in ops):
            continue
        t_cr = sum(n * 1e3 / kp[name]["tlshake_per_second"]
                   for name, n in ops)
        o_cr = sum(n * 1e3 / kp[name]["openssl_per_second"]
                   for name, n in ops)
        t_hs = 1e3 / r["tlshake"]["per_second"]
        o_hs = 1e3 / r["openssl"]["per_second"]
        out.append(f"{case_name(group, cert):<22} {t_hs:>10.1f} "
                   f"{t_cr:>7.1f} {t_hs / t_cr:>8.2f}  {o_hs:>10.1f} "
                   f"{o_cr:>7.1f} {o_hs / o_cr:>8.2f}")
        res["handshake_crypto"].append({
            "group": group, "cert": cert,
            "tlshake_handshake_ms": t_hs, "tlshake_crypto_ms": t_cr,
            "tlshake_overhead": t_hs / t_cr,
            "openssl_handshake_ms": o_hs, "openssl_crypto_ms": o_cr,
            "openssl_overhead": o_hs / o_cr})
    return out


def case_name(group, cert):
    return f"{'X25519' if group == 'x25519' else 'P-256'} + " \
           f"{'ECDSA P-256' if cert == 'ec256' else 'RSA-2048'}"


def table(res):
    out = []
    cases = {}
    for h in res["handshakes"]:
        r = h["result"]
        key = (h["group"], h["cert"], r["concurrency"])
        cases.setdefault(key, {})[r["impl"]] = r
    out.append("Full TLS 1.3 handshakes over loopback (TLS_AES_128_GCM_SHA256,"
               " client verifies a CA-signed chain)")
    out.append(f"{'group + certificate':<22} {'conc':>4}  "
               f"{'tlshake hs/s':>12} {'openssl hs/s':>12} {'ratio':>6}  "
               f"{'median ms t/o':>15}  {'p99 ms t/o':>17}  fail t/o")
    for (group, cert, conc), r in cases.items():
        t, o = r.get("tlshake"), r.get("openssl")
        if not t or not o:
            continue
        out.append(f"{case_name(group, cert):<22} {conc:>4}  "
                   f"{t['per_second']:>12.2f} {o['per_second']:>12.2f} "
                   f"{ratio(t['per_second'], o['per_second']):>6.2f}  "
                   f"{t['median_ms']:>7.1f}/{o['median_ms']:<7.1f}  "
                   f"{t['p99_ms']:>8.1f}/{o['p99_ms']:<8.1f}  "
                   f"{t['failures']}/{o['failures']}")
        r["ratio"] = ratio(t["per_second"], o["per_second"])
    res["handshake_ratios"] = [
        {"group": g, "cert": c, "concurrency": n,
         "tlshake_over_openssl": r.get("ratio")}
        for (g, c, n), r in cases.items()]

    out.append("")
    out.append("Primitives, operations per second: tlshake's own P-256 and"
               " RSA code built for userspace, beside OpenSSL (EVP) in one"
               " process")
    out.append(f"{'operation':<22} {'tlshake':>10} {'OpenSSL':>10} "
               f"{'ratio':>6}")
    for p in res["primitives"]:
        out.append(f"{p['operation']:<22} {p['tlshake_per_second']:>10.0f} "
                   f"{p['openssl_per_second']:>10.0f} {p['ratio']:>6.2f}")

    if res["native_primitives"]:
        out.append("")
        out.append("The same natively on the host, unemulated, against the"
                   " targets of P-256 at 0.8 and RSA-2048 signing at 0.7")
        out.append(f"{'operation':<22} {'tlshake':>10} {'OpenSSL':>10} "
                   f"{'ratio':>6}  target")
        for p in res["native_primitives"]:
            target = NATIVE_TARGETS.get(p["operation"])
            mark = "" if target is None else \
                f"  {target:.1f} {'met' if p['ratio'] >= target else 'not met'}"
            out.append(f"{p['operation']:<22} "
                       f"{p['tlshake_per_second']:>10.0f} "
                       f"{p['openssl_per_second']:>10.0f} "
                       f"{p['ratio']:>6.2f}{mark}")

    out += kprim_table(res)
    out += hs_crypto_table(res, cases)

    m = res["memory"]
    if m:
        out.append("")
        out.append(f"Kernel memory (Slab), bytes per connection, "
                   f"{m['connections']} connections "
                   f"({m['failures']} failed):")
        out.append(f"  idle connected socket pair       "
                   f"{m['idle_socket_bytes']:>8}")
        out.append(f"  tlshake handshake parked, extra  "
                   f"{m['parked_handshake_bytes']:>8}")
        out.append(f"  both ends handed to kTLS, extra  "
                   f"{m['after_handoff_bytes']:>8}")

    t = res["throughput"]
    if "tlshake" in t and "openssl" in t:
        out.append("")
        a, b = t["tlshake"], t["openssl"]
        out.append(f"Bulk transfer, {a['mib']} MiB, X25519 + ECDSA P-256, "
                   f"AES-128-GCM: tlshake (kTLS) {a['mib_per_second']:.1f} "
                   f"MiB/s, OpenSSL {b['mib_per_second']:.1f} MiB/s, ratio "
                   f"{ratio(a['mib_per_second'], b['mib_per_second']):.2f}")
    if "tlshake-sendfile" in t and "tlshake" in t:
        a, f = t["tlshake"], t["tlshake-sendfile"]
        out.append(f"sendfile() through kTLS, {f['mib']} MiB: "
                   f"{f['mib_per_second']:.1f} MiB/s, "
                   f"{ratio(f['mib_per_second'], a['mib_per_second']):.2f} "
                   f"of tlshake's write()s")
    return "\n".join(out)


def main():
    with open(sys.argv[1]) as f:
        res = parse(f)
    text = table(res)
    print(text)
    with open(sys.argv[2], "w") as f:
        json.dump(res, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
