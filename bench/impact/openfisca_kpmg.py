#!/usr/bin/env python3
"""The KPMG norm (kpmg-2019, schoon en leefbaar huis) in OpenFisca, vectorised,
over the same generated households as `cargo bench -p rules-core --bench impact_engine`.

Prints households per second of `simulation.calculate` (one thread) and the
total minutes per year, which must equal the Rust total. Needs `openfisca-core`
(pip). Run by bench/impact/run.sh.
"""
import sys
import time

import numpy as np
from openfisca_core.entities import build_entity
from openfisca_core.parameters import ParameterNode
from openfisca_core.periods import DateUnit
from openfisca_core.simulation_builder import SimulationBuilder
from openfisca_core.taxbenefitsystems import TaxBenefitSystem
from openfisca_core.variables import Variable

Huishouden = build_entity(key="huishouden", plural="huishoudens", label="Huishouden", is_person=True)

# The package's values, in hours per year (norms/kpmg-2019/package.json).
HOURS = {
    "basis_volledige_overname": 108,
    "aftrek_eigen_mogelijkheden": 23,
    "toeslag_enige_extra_inspanning": 26,
    "toeslag_veel_extra_inspanning": 52,
    "toeslag_samenstelling_huishouden": 26,
    "per_extra_kamer_in_gebruik": 16,
    "per_extra_kamer_niet_in_gebruik": 4,
}


def variable(name, kind):
    return type(name, (Variable,), {
        "value_type": kind, "entity": Huishouden, "definition_period": DateUnit.YEAR, "label": name,
    })


class minuten_per_jaar(Variable):
    value_type = int
    entity = Huishouden
    definition_period = DateUnit.YEAR
    label = "Exacte minuten hulp per jaar"

    def formula(huishouden, period, parameters):
        p = parameters(period).kpmg
        em = huishouden("eigen_mogelijkheden", period)
        b = huishouden("beperkingen", period)  # 0 geen, 1 enig, 2 veel
        sh = huishouden("samenstelling_huishouden", period)
        kin = huishouden("extra_kamers_in_gebruik", period)
        kniet = huishouden("extra_kamers_niet_in_gebruik", period)
        uren = (
            p.basis_volledige_overname
            + (b == 1) * p.toeslag_enige_extra_inspanning
            + (b == 2) * p.toeslag_veel_extra_inspanning
            + sh * p.toeslag_samenstelling_huishouden
            + kin * p.per_extra_kamer_in_gebruik
            + kniet * p.per_extra_kamer_niet_in_gebruik
            - em * p.aftrek_eigen_mogelijkheden
        )
        return np.maximum(uren, 0) * 60


class KPMG(TaxBenefitSystem):
    def __init__(self):
        super().__init__([Huishouden])
        for name, kind in [("eigen_mogelijkheden", bool), ("beperkingen", int), ("samenstelling_huishouden", bool),
                           ("extra_kamers_in_gebruik", int), ("extra_kamers_niet_in_gebruik", int)]:
            self.add_variable(variable(name, kind))
        self.add_variable(minuten_per_jaar)
        data = {"kpmg": {k: {"values": {"2021-01-01": v}} for k, v in HOURS.items()}}
        self.parameters = ParameterNode("", data=data)


def splitmix64(i):
    z = (i + np.uint64(1)) * np.uint64(0x9E3779B97F4A7C15)
    z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    return z ^ (z >> np.uint64(31))


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 500_000
    with np.errstate(over="ignore"):
        h = splitmix64(np.arange(n, dtype=np.uint64))
    inputs = {
        "eigen_mogelijkheden": (h & np.uint64(1)).astype(bool),
        "beperkingen": ((h >> np.uint64(1)) % np.uint64(3)).astype(np.int32),
        "samenstelling_huishouden": ((h >> np.uint64(3)) & np.uint64(1)).astype(bool),
        "extra_kamers_in_gebruik": ((h >> np.uint64(4)) % np.uint64(21)).astype(np.int32),
        "extra_kamers_niet_in_gebruik": ((h >> np.uint64(9)) % np.uint64(21)).astype(np.int32),
    }
    system = KPMG()
    best, best_cpu, total = float("inf"), float("inf"), None
    for _ in range(5):
        sim = SimulationBuilder().build_default_simulation(system, count=n)
        for k, v in inputs.items():
            sim.set_input(k, "2025", v)
        start, cpu = time.perf_counter(), time.thread_time()
        result = sim.calculate("minuten_per_jaar", "2025")
        best = min(best, time.perf_counter() - start)
        best_cpu = min(best_cpu, time.thread_time() - cpu)
        total = int(result.astype(np.int64).sum())
    print(f"openfisca-core: {n} huishoudens, {n / best:,.0f} per seconde wandklok, {n / best_cpu:,.0f} per "
          f"CPU-seconde (calculate, beste van 5), totaal {total} minuten per jaar")


if __name__ == "__main__":
    main()
