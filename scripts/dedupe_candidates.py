#!/usr/bin/env python3
"""Draw candidate pairs for the dedupe evaluation set (data/dedupe_eval/README.md).

Reads the Teddy Cup 2020 C messages (../shared/data/teddy2020c, never copied into
the repository) and writes candidate pairs, each with the strategy that drew it,
to stdout as CSV: id_a,id_b,strategy,jaccard. The pairs are then judged by a
person reading both messages; this script only decides which pairs are read.

Strategies (fixed seed, so the draw is reproducible):
  same_user    two messages by the same user (any file)
  high_overlap different users, character 3-gram Jaccard >= 0.30
  mid_place    different users, Jaccard in [0.08, 0.30) and a shared place name
  place_low    different users, a shared place name, Jaccard < 0.08
  type_other   different users, Jaccard in [0.15, 0.30), no shared place name
"""
import csv
import itertools
import random
import re
import sys
from collections import defaultdict

DATA = sys.argv[1] if len(sys.argv) > 1 else "../shared/data/teddy2020c"
FILES = ["messages_votes.csv", "messages_replies.csv", "messages_unlabelled.csv", "labelled_train.csv"]
PLACE = re.compile(r"([\u4e00-\u9fa5A-Za-z0-9]{2,8}?(?:小区|花园|家园|公寓|新村|新城|苑|中学|小学|学校|幼儿园|医院|广场|大厦|市场|公司|厂|村|社区))")
STOP_PLACE = {"我们小区", "这个小区", "该小区", "本小区", "小区", "我们村", "本村", "该村", "我村", "这个村", "学校", "公司", "该公司", "我们公司", "医院", "社区", "农村"}


def shingles(text, n=3):
    s = re.sub(r"[^\u4e00-\u9fa5A-Za-z0-9]", "", text)
    return {s[i:i + n] for i in range(max(0, len(s) - n + 1))}


def main():
    msgs = {}
    for f in FILES:
        with open(f"{DATA}/{f}", encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                if row["id"] not in msgs:
                    msgs[row["id"]] = row
    ids = sorted(msgs, key=int)
    sh = {i: shingles(msgs[i]["title"] + msgs[i]["detail"]) for i in ids}
    places = {i: {p for p in PLACE.findall(msgs[i]["title"] + msgs[i]["detail"]) if p not in STOP_PLACE} for i in ids}

    # Exact Jaccard of every pair sharing a rare shingle (document frequency <= 50).
    df = defaultdict(list)
    for i in ids:
        for g in sh[i]:
            df[g].append(i)
    jac = {}
    for g, lst in df.items():
        if len(lst) > 50 or len(lst) < 2:
            continue
        for a, b in itertools.combinations(lst, 2):
            if (a, b) in jac:
                continue
            inter = len(sh[a] & sh[b])
            jac[(a, b)] = inter / max(1, len(sh[a] | sh[b]))

    def j(a, b):
        a, b = sorted((a, b), key=int)
        return jac.get((a, b), 0.0)

    rnd = random.Random(12)
    out = {}

    def add(a, b, why):
        a, b = sorted((a, b), key=int)
        if a != b and (a, b) not in out:
            out[(a, b)] = why

    by_user = defaultdict(list)
    for i in ids:
        by_user[msgs[i]["user"]].append(i)
    users = sorted(u for u, l in by_user.items() if len(l) > 1)
    same = []
    for u in users:
        pairs = list(itertools.combinations(by_user[u], 2))
        rnd.shuffle(pairs)
        same += pairs[:3]
    rnd.shuffle(same)
    for a, b in same[:130]:
        add(a, b, "same_user")

    diff = [(a, b) for (a, b) in jac if msgs[a]["user"] != msgs[b]["user"]]
    diff.sort(key=lambda p: (int(p[0]), int(p[1])))
    high = [p for p in diff if jac[p] >= 0.30]
    mid_place = [p for p in diff if 0.08 <= jac[p] < 0.30 and places[p[0]] & places[p[1]]]
    type_other = [p for p in diff if 0.15 <= jac[p] < 0.30 and not places[p[0]] & places[p[1]]]
    by_place = defaultdict(list)
    for i in ids:
        for p in places[i]:
            by_place[p].append(i)
    place_low = []
    for p in sorted(by_place):
        lst = by_place[p]
        if 2 <= len(lst) <= 40:
            for a, b in itertools.combinations(lst, 2):
                if msgs[a]["user"] != msgs[b]["user"] and j(a, b) < 0.08:
                    place_low.append((a, b))
    for name, pool, k in [("high_overlap", high, 80), ("mid_place", mid_place, 70),
                          ("place_low", place_low, 50), ("type_other", type_other, 40)]:
        rnd.shuffle(pool)
        for a, b in pool[:k]:
            add(a, b, name)
        print(f"{name}: pool {len(pool)}", file=sys.stderr)

    w = csv.writer(sys.stdout, lineterminator="\n")
    w.writerow(["id_a", "id_b", "strategy", "jaccard"])
    for (a, b), why in out.items():
        w.writerow([a, b, why, f"{j(a, b):.3f}"])


if __name__ == "__main__":
    main()
