import json, sys
b = json.load(open(sys.argv[1])); cs = [json.load(open(p)) for p in sys.argv[2:]]
for k in b:
    if "identity_attack" in b[k]:
        print(k.ljust(6), b[k]["identity_attack"], *["%.4f(%+.4f)" % (c[k]["identity_attack"], c[k]["identity_attack"] - b[k]["identity_attack"]) for c in cs],
              "| tox", b[k].get("toxic"), *[c[k].get("toxic") for c in cs])
for c in cs:
    s = sum(c[k]["identity_attack"] - b[k]["identity_attack"] for k in ("A_it", "A_nl", "B_it", "B_nl"))
    print("rule1 sum %+.4f" % s)
