#!/usr/bin/env python3
"""Generates a caseload CSV for `urenwijzer impact` (Haarlem: haarlem-ciz -> haarlem-2021).

Deterministic for a seed. Used for examples/haarlem-clienten.csv (small) and
the benchmark (500,000 households):

    python3 bench/impact/generate.py --households 500000 > /tmp/caseload.csv
"""
import argparse
import random
import sys

WIJKEN = ["Centrum", "Noord", "Oost", "Schalkwijk", "Zuid-West"]
AANBIEDERS = ["Aanbieder A", "Aanbieder B", "Aanbieder C"]
HEADER = [
    "id", "municipality", "provider", "wijk", "heeft_indicatie", "indicatie_startdatum",
    "hulp_sinds", "volwassen_huisgenoot", "huisgenoot_kan_huishouden_doen", "kinderen_onder_5", "kinderen_5_tot_12",
    "kinderen_13_tot_17", "slaapkamers_in_gebruik", "kan_zelf_strijken",
]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--households", type=int, default=40)
    ap.add_argument("--seed", type=int, default=2020)
    ap.add_argument("--delimiter", default=";")
    a = ap.parse_args()
    rnd = random.Random(a.seed)
    yn = lambda b: "ja" if b else "nee"
    out = sys.stdout
    d = a.delimiter
    out.write(d.join(HEADER) + "\n")
    for i in range(a.households):
        current = rnd.random() < 0.75
        start = f"{rnd.randint(2015, 2020)}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}" if current else ""
        adult = rnd.random() < 0.3
        kids = [rnd.choice([0, 0, 0, 1, 2]) for _ in range(3)]
        row = [
            f"hh{i:06d}", "haarlem", rnd.choice(AANBIEDERS), rnd.choice(WIJKEN), yn(current), start,
            start, yn(adult), yn(rnd.random() < 0.5) if adult else "", *map(str, kids),
            str(rnd.randint(1, 5)), yn(rnd.random() < 0.4),
        ]
        out.write(d.join(row) + "\n")


if __name__ == "__main__":
    main()
