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
    res = {"handshakes": [], "primitives": [], "memory": None,
           "throughput": {}}
    for line in lines:
        tag, _, rest = line.rstrip("\n").partition(" ")
        if tag == "hs":
            res["handshakes"].append(json.loads(rest))
        elif tag == "floor" and not rest.startswith("operation/s"):
            # "NAME  TLSHAKE  OPENSSL  RATIO", NAME may hold spaces
            words = rest.split()
            res["primitives"].append({
                "operation": " ".join(words[:-3]),
                "tlshake_per_second": float(words[-3]),
                "openssl_per_second": float(words[-2]),
                "ratio": float(words[-1])})
        elif tag == "memory":
            res["memory"] = json.loads(rest)
        elif tag == "throughput":
            r = json.loads(rest)
            res["throughput"][r["impl"]] = r
    return res


# The public-key operations of one handshake, client and server together:
# (operation, count, the operation tlshake does it with).  The client
# verifies the leaf's certificate (under the CA's key) and the
# CertificateVerify (under the leaf's key), both keys new to it.
FLOORS = {
    ("p256", "ec256"): [("P-256 keygen", 2, "P-256 keygen"),
                        ("P-256 ECDH", 2, "P-256 ECDH"),
                        ("P-256 ECDSA sign", 1, "P-256 ECDSA sign"),
                        ("P-256 ECDSA verify", 2, "(key not cached)")],
    ("x25519", "rsa2048"): [("RSA-2048 sign", 1, "RSA-2048 sign"),
                            ("RSA-2048 verify", 2, "RSA-2048 verify")],
    ("x25519", "ec256"): [("P-256 ECDSA sign", 1, "P-256 ECDSA sign"),
                          ("P-256 ECDSA verify", 2, "(key not cached)")],
}


def floor_table(res, cases, floor):
    out = ["", "One handshake at a time, ms: the whole handshake (1 / rate) "
           "against its public-key",
           "operations (from the primitives above; X25519 not included)"]
    out.append(f"{'group + certificate':<22} {'tlshake hs':>10} "
               f"{'its crypto':>10} {'rest':>7}  {'openssl hs':>10} "
               f"{'its crypto':>10} {'rest':>7}")
    res["crypto_floor_ms"] = []
    for (group, cert), ops in FLOORS.items():
        r = cases.get((group, cert, 1), {})
        if "tlshake" not in r or "openssl" not in r or \
                any(o[0] not in floor or o[2] not in floor for o in ops):
            continue
        t_cr = sum(n * 1e3 / floor[ours]["tlshake_per_second"]
                   for _, n, ours in ops)
        o_cr = sum(n * 1e3 / floor[name]["openssl_per_second"]
                   for name, n, _ in ops)
        t_hs = 1e3 / r["tlshake"]["per_second"]
        o_hs = 1e3 / r["openssl"]["per_second"]
        name = f"{'X25519' if group == 'x25519' else 'P-256'} + " \
               f"{'ECDSA P-256' if cert == 'ec256' else 'RSA-2048'}"
        out.append(f"{name:<22} {t_hs:>10.1f} {t_cr:>10.1f} "
                   f"{t_hs - t_cr:>7.1f}  {o_hs:>10.1f} {o_cr:>10.1f} "
                   f"{o_hs - o_cr:>7.1f}")
        res["crypto_floor_ms"].append({
            "group": group, "cert": cert,
            "tlshake_handshake_ms": t_hs, "tlshake_crypto_ms": t_cr,
            "openssl_handshake_ms": o_hs, "openssl_crypto_ms": o_cr})
    return out


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
        name = f"{'X25519' if group == 'x25519' else 'P-256'} + " \
               f"{'ECDSA P-256' if cert == 'ec256' else 'RSA-2048'}"
        out.append(f"{name:<22} {conc:>4}  {t['per_second']:>12.2f} "
                   f"{o['per_second']:>12.2f} "
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
    floor = {p["operation"]: p for p in res["primitives"]}
    for p in res["primitives"]:
        out.append(f"{p['operation']:<22} {p['tlshake_per_second']:>10.0f} "
                   f"{p['openssl_per_second']:>10.0f} {p['ratio']:>6.2f}")

    out += floor_table(res, cases, floor)

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
