#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Turn a Wycheproof JSON file into a C header of test vectors for KUnit.

    wycheproof2c.py FILE NAME FIELD... > out.h

Each FIELD is SOURCE:TYPE[=CNAME]. SOURCE is a test key (tcId, msg, ...) or
a dotted path into the test's group, prefixed with "group." (group.keySize,
group.publicKey.uncompressed, ...). TYPE is one of
  hex     bytes: a pointer `const u8 *CNAME` and `unsigned int CNAME_len`
  int     an `int`
  result  the verdict: WP_VALID, WP_INVALID or WP_ACCEPTABLE
  flags   the test's flags as one string, comma-separated, `const char *`
CNAME defaults to SOURCE with "group." dropped and dots turned to '_'.

Optional --where SOURCE=VALUE filters groups or tests (repeatable), e.g.
--where group.keySize=128.

The header defines `struct NAME_vector` and `NAME_vectors[]`; the result
enum is emitted once per translation unit.
"""
import json
import sys


def lookup(group, test, source):
    if source.startswith("group."):
        obj = group
        for part in source[len("group."):].split("."):
            obj = obj[part]
        return obj
    return test[source]


def c_bytes(hexstr):
    data = bytes.fromhex(hexstr)
    if not data:
        return '(const u8 *)""', 0
    body = ",".join("0x%02x" % b for b in data)
    return "(const u8[]){%s}" % body, len(data)


def main(argv):
    wheres = []
    args = []
    it = iter(argv[1:])
    for a in it:
        if a == "--where":
            src, val = next(it).split("=", 1)
            wheres.append((src, val))
        else:
            args.append(a)
    if len(args) < 3:
        sys.exit(__doc__)
    path, name, specs = args[0], args[1], args[2:]
    fields = []
    for spec in specs:
        src, typ = spec.split(":", 1)
        cname = None
        if "=" in typ:
            typ, cname = typ.split("=", 1)
        if cname is None:
            cname = src[len("group."):] if src.startswith("group.") else src
            cname = cname.replace(".", "_")
        if typ not in ("hex", "int", "result", "flags"):
            sys.exit("unknown type " + typ)
        fields.append((src, typ, cname))

    with open(path) as f:
        doc = json.load(f)

    out = []
    out.append("/* Generated from %s by wycheproof2c.py: do not edit. */"
               % path.rsplit("/", 1)[-1])
    out.append("#ifndef WP_RESULT_DEFINED\n#define WP_RESULT_DEFINED")
    out.append("enum wp_result { WP_VALID, WP_INVALID, WP_ACCEPTABLE };")
    out.append("#endif")
    out.append("struct %s_vector {" % name)
    for src, typ, cname in fields:
        if typ == "hex":
            out.append("\tconst u8 *%s;\n\tunsigned int %s_len;" % (cname, cname))
        elif typ == "int":
            out.append("\tint %s;" % cname)
        elif typ == "flags":
            out.append("\tconst char *%s;" % cname)
        else:
            out.append("\tenum wp_result %s;" % cname)
    out.append("};")
    out.append("static const struct %s_vector %s_vectors[] = {" % (name, name))
    verdicts = {"valid": "WP_VALID", "invalid": "WP_INVALID",
                "acceptable": "WP_ACCEPTABLE"}
    for group in doc["testGroups"]:
        for test in group["tests"]:
            if any(str(lookup(group, test, s)) != v for s, v in wheres):
                continue
            parts = []
            for src, typ, cname in fields:
                val = lookup(group, test, src)
                if typ == "hex":
                    expr, n = c_bytes(val)
                    parts.append(".%s = %s, .%s_len = %d" % (cname, expr, cname, n))
                elif typ == "int":
                    parts.append(".%s = %d" % (cname, int(val)))
                elif typ == "flags":
                    parts.append('.%s = "%s"' % (cname, ",".join(val)))
                else:
                    parts.append(".%s = %s" % (cname, verdicts[val]))
            out.append("\t{ %s }," % ", ".join(parts))
    out.append("};")
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main(sys.argv)
