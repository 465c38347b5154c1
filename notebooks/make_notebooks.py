"""Writes the committed notebooks (without outputs). Edit the cells here, then run: python3 make_notebooks.py"""
import json


def md(text):
    return {"cell_type": "markdown", "metadata": {}, "source": text.strip("\n").splitlines(True)}


def code(text):
    return {"cell_type": "code", "metadata": {}, "execution_count": None, "outputs": [], "source": text.strip("\n").splitlines(True)}


SETUP = code("""
%matplotlib inline
import matplotlib
import matplotlib.pyplot as plt
import pandas as pd
from tuopin_sql import query

plt.rcParams["figure.figsize"] = (9, 4)
pd.set_option("display.width", 140)
""")

NOTEBOOKS = {
    "01_incidence_and_exits.ipynb": [
        md("""
# Poverty incidence and exits over time (贫困发生率与脱贫人数)

Registered poor persons, incidence (poor persons / rural registered population) and exits by year,
for the nation, the three regions (east / central / west) and the provinces. Source: `curated.incidence`
and `curated.exits`; definitions in `docs/statistics.md`.
"""),
        SETUP,
        md("""
## What the columns mean (数据字典)

Every column of every table is described in `ref.data_dictionary` (also `docs/data-dictionary.md`),
rendered from the code: meaning in English and Chinese, unit and source.
"""),
        code("""
columns = query(\"\"\"
    SELECT column_name, data_type, description_zh, description_en, unit
    FROM ref.data_dictionary WHERE qualified_table = 'curated.incidence' ORDER BY position\"\"\")
assert len(columns) > 0 and (columns.description_en.str.len() > 0).all(), columns
columns
"""),
        md("## The nation"),
        code("""
nation = query(\"\"\"
    SELECT i.reporting_year, i.poor_persons, i.poor_households, i.rural_population, i.incidence_rate,
           e.exited_persons, e.new_persons, e.returned_persons
    FROM curated.incidence i JOIN curated.exits e
      ON e.level = i.level AND e.area_code = i.area_code AND e.reporting_year = i.reporting_year
    WHERE i.level = 'NATION' ORDER BY i.reporting_year\"\"\")
nation
"""),
        code("""
# The registered poor population falls every year until the last year of the campaign.
assert len(nation) >= 2, "the warehouse holds fewer than two years"
assert (nation.poor_persons.diff().dropna() < 0).all(), nation
ax = (nation.set_index("reporting_year").incidence_rate * 100).plot(marker="o", title="National poverty incidence (%)")
ax.set_ylabel("%")
"""),
        md("## By region (东部 / 中部 / 西部)"),
        code("""
region = query(\"\"\"
    SELECT area_code AS region, reporting_year, poor_persons, incidence_rate
    FROM curated.incidence WHERE level = 'REGION' ORDER BY region, reporting_year\"\"\")
ax = (region.pivot(index="reporting_year", columns="region", values="incidence_rate") * 100).plot(marker="o", title="Incidence by region (%)")
ax.set_ylabel("%")
"""),
        code("""
# Totals reconcile: the regions add up to the nation in every year.
by_year = region.groupby("reporting_year").poor_persons.sum()
assert (by_year.values == nation.set_index("reporting_year").poor_persons.loc[by_year.index].values).all()
"""),
        md("## Exits by year"),
        code("""
exits = query(\"\"\"
    SELECT area_code AS region, reporting_year, exited_persons
    FROM curated.exits WHERE level = 'REGION' ORDER BY reporting_year\"\"\")
exits.pivot(index="reporting_year", columns="region", values="exited_persons").plot.bar(stacked=True, title="Persons exiting poverty, by region")
"""),
        md("## Provinces in the last year"),
        code("""
last = int(nation.reporting_year.max())
prov = query(f\"\"\"
    SELECT i.area_code, d.name, i.poor_persons, i.rural_population, i.incidence_rate
    FROM curated.incidence i JOIN ref.divisions d ON d.code = i.area_code AND d.level = 'PROVINCE'
    WHERE i.level = 'PROVINCE' AND i.reporting_year = {last - 1}
    ORDER BY i.incidence_rate DESC\"\"\")
prov.head(22)
"""),
        code("""
ax = (prov.set_index("area_code").incidence_rate * 100).plot.bar(title=f"Incidence by province, {last - 1} (%)")
ax.set_ylabel("%")
"""),
    ],
    "02_county_delisting.ipynb": [
        md("""
# County de-listing (贫困县摘帽), disagreement flags and the exit-quality list

`curated.county_status` compares each poor county's incidence (and, where a survey exists, its
wrong-exit, missed-identification and approval rates) with its threshold, and flags every
disagreement with the officially announced de-listing year. `curated.exit_quality` lists the
households that exited while failing the exit standard (the inspection list, 督查验收).
"""),
        SETUP,
        code("""
status = query(\"\"\"
    SELECT area_code, reporting_year, incidence_rate, threshold, eligible, announced_delisted_year, status, flags
    FROM curated.county_status\"\"\")
print(len(status), "county-years")
status.groupby(["reporting_year", "status"]).size().unstack(fill_value=0)
"""),
        md("## Announced de-listings by cohort year"),
        code("""
announced = status.drop_duplicates("area_code").dropna(subset=["announced_delisted_year"])
cohorts = announced.groupby(announced.announced_delisted_year.astype(int)).size()
cohorts.plot.bar(title="Poor counties by announced de-listing year")
cohorts
"""),
        md("## Disagreements between the rule and the announcements"),
        code("""
# "flags" is also a pandas attribute, hence the brackets.
flagged = status[status["flags"].astype(str) != "[]"]
flagged.groupby("flags").size().sort_values(ascending=False).head(20)
"""),
        md("## Incidence against the threshold in the cohort year"),
        code("""
cohort_year = status[status.reporting_year == status.announced_delisted_year]
ax = cohort_year.plot.scatter(x="threshold", y="incidence_rate", alpha=0.4, title="Incidence in the announced de-listing year vs threshold")
ax.plot([0.015, 0.035], [0.015, 0.035], color="grey", linestyle="--")
"""),
        md("## The exit-quality (inspection) list"),
        code("""
quality = query(\"\"\"
    SELECT reporting_year, county_code, household_id, persons, per_capita_income, poverty_line, failed_criteria
    FROM curated.exit_quality ORDER BY reporting_year, county_code, household_id\"\"\")
print(len(quality), "questionable exits")
quality.groupby("reporting_year").size().plot.bar(title="Questionable exits by year")
"""),
        code("""
quality.head(20)
"""),
    ],
    "03_poverty_measures.ipynb": [
        md("""
# Poverty measures: Foster–Greer–Thorbecke and Alkire–Foster

Among registered persons: FGT0 (headcount share below the line), FGT1 (poverty gap), FGT2
(severity) of per-capita income against each year's line, and the "two assurances and three
guarantees" (两不愁三保障) as an Alkire–Foster multidimensional index (H, A, M0). Source:
`curated.poverty_measures`; indicators, weights and the cut-off k are in `conf/local.conf`.
"""),
        SETUP,
        code("""
m = query(\"\"\"
    SELECT level, area_code, reporting_year, fgt0, fgt1, fgt2, af_h, af_a, af_m0
    FROM curated.poverty_measures WHERE level IN ('NATION', 'REGION') ORDER BY level, area_code, reporting_year\"\"\")
m[m.level == "NATION"]
"""),
        code("""
nation = m[m.level == "NATION"].set_index("reporting_year")
# The measures are ordered as the theory says: severity <= gap <= headcount, and M0 = H x A.
assert (nation.fgt2 <= nation.fgt1 + 1e-12).all() and (nation.fgt1 <= nation.fgt0 + 1e-12).all()
# A (intensity among the poor) is undefined when nobody is multidimensionally poor; M0 is then 0.
assert ((nation.af_m0 - nation.af_h * nation.af_a.fillna(0)).abs() < 1e-9).all()
nation[["fgt0", "fgt1", "fgt2"]].plot(marker="o", title="FGT measures, nation")
"""),
        code("""
region = m[m.level == "REGION"]
region.pivot(index="reporting_year", columns="area_code", values="af_m0").plot(marker="o", title="Alkire–Foster M0 by region")
"""),
    ],
}

for name, cells in NOTEBOOKS.items():
    nb = {
        "cells": cells,
        "metadata": {
            "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
            "language_info": {"name": "python"},
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    for i, c in enumerate(nb["cells"]):
        c["id"] = "%s-%02d" % (name.split("_")[0], i)
    with open(name, "w", encoding="utf-8") as f:
        json.dump(nb, f, ensure_ascii=False, indent=1)
        f.write("\n")
    print("wrote", name)
