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
    "04_cooperation_assessment.ipynb": [
        md("""
# East-West cooperation assessment (东西部扶贫协作考核)

Per pairing of `ref.pairings` (an eastern helper province or city and the western province or
prefecture it helps), side and year: five aspect scores, a weighted total, a grade (好 / 较好 / 一般 /
较差) and a rank among the peers (the pairings of the same side and year). The **HELPER** row assesses
the eastern side, the **HELPED** row the western side. Every score traces back to its indicator
values (`curated.cooperation_indicators`); who assesses whom is `curated.cooperation_roster`.
Indicators, normalisation, weights, cut-offs and the rotation are described in `docs/cooperation.md`
and configured under `tuopin.cooperation` in `conf/local.conf`.

`query()` returns doubles rounded to 6 significant digits, so the checks that need full precision
(sums within 1e-6, ranks) are computed in Spark SQL; pandas only displays.
"""),
        SETUP,
        code("""
pd.set_option("display.max_rows", 80)
pd.set_option("display.max_colwidth", 80)
GRADES = ["好", "较好", "一般", "较差"]  # best first
GRADE_EN = {"好": "good", "较好": "fairly good", "一般": "average", "较差": "poor"}
GRADE_COLOUR = {"好": "tab:green", "较好": "tab:olive", "一般": "tab:orange", "较差": "tab:red"}
ASPECTS = ["score_poverty_reduction", "score_labour", "score_industry", "score_talent", "score_funding"]
"""),
        md("## What the columns mean (数据字典)"),
        code("""
TABLES = ["curated.cooperation_assessment", "curated.cooperation_indicators", "curated.cooperation_roster"]
columns = query(\"\"\"
    SELECT qualified_table, column_name, data_type, description_zh, description_en, unit
    FROM ref.data_dictionary
    WHERE qualified_table IN ('curated.cooperation_assessment', 'curated.cooperation_indicators', 'curated.cooperation_roster')
    ORDER BY qualified_table, position\"\"\")
assert set(columns.qualified_table) == set(TABLES), set(TABLES) - set(columns.qualified_table)
assert (columns.description_en.str.len() > 0).all(), columns
columns
"""),
        md("""
## Grades, totals and ranks per pairing and year

One row per pairing, side and year, with the pairing's names from `ref.pairings`. The code of a
pairing (`helper_code→helped_code`) labels the charts.
"""),
        code("""
a = query(\"\"\"
    SELECT a.reporting_year, a.side, a.helper_code, p.helper_name, a.helped_code, p.helped_name,
           a.score_poverty_reduction, a.score_labour, a.score_industry, a.score_talent, a.score_funding,
           a.total, a.grade, a.rank, a.peers
    FROM curated.cooperation_assessment a
    LEFT JOIN ref.pairings p ON p.helper_code = a.helper_code AND p.helped_code = a.helped_code
    ORDER BY a.reporting_year, a.side, a.rank, a.helper_code, a.helped_code\"\"\")
a["pairing"] = a.helper_code + "→" + a.helped_code
years = sorted(int(y) for y in a.reporting_year.unique())
last = years[-1]
print(len(a), "rows:", a.pairing.nunique(), "pairings,", sorted(a.side.unique()), "years", years)
"""),
        code("""
# Every row is a pairing of ref.pairings, assessed on both sides every year. A row with a total has one
# of the four grades and a rank; a row whose helped area had no registered poor at the start of the
# year cannot be assessed: no total, grade or rank (docs/cooperation.md, "What cannot be assessed").
assert len(a) > 0, "curated.cooperation_assessment is empty: run ./tuopin assess"
assert a.helper_name.notna().all(), a[a.helper_name.isna()]
assert set(a.side) == {"HELPER", "HELPED"}, set(a.side)
assert (a.groupby(["reporting_year", "pairing"]).side.nunique() == 2).all()
graded = a[a.total.notna()].copy()
assert graded.grade.notna().all() and set(graded.grade) <= set(GRADES), set(graded.grade) - set(GRADES)
assert a[a.total.isna()].grade.isna().all() and a[a.total.isna()]["rank"].isna().all()
scores = a[ASPECTS + ["total"]]
assert (scores.isna() | ((scores >= 0) & (scores <= 100))).all().all()
# Ranks within a side-year go from 1 up to the number of graded rows, and peers is that number.
ranks = graded.groupby(["reporting_year", "side"]).agg(rows=("rank", "size"), first=("rank", "min"), worst=("rank", "max"),
                                                       peers_min=("peers", "min"), peers_max=("peers", "max"))
assert (ranks["first"] == 1).all() and (ranks.worst <= ranks.rows).all(), ranks
assert (ranks.peers_min == ranks.rows).all() and (ranks.peers_max == ranks.rows).all(), ranks
print("rows not assessable (no poor at the start of the year):", int(a.total.isna().sum()), "of", len(a))
# One set of cut-offs: within a side-year, a better grade never has a lower total than a worse one.
graded["grade_order"] = graded.grade.map(GRADES.index)
for (year, side), rows in graded.groupby(["reporting_year", "side"]):
    bounds = rows.groupby("grade_order").total.agg(["min", "max"]).sort_index()
    assert (bounds["min"].values[:-1] >= bounds["max"].values[1:]).all(), (year, side, bounds)
# The totals each grade spans (the cut-offs lie in the gaps; defaults 85 / 70 / 55).
graded.groupby("grade").total.agg(["count", "min", "max"]).reindex([g for g in GRADES if g in set(graded.grade)])
"""),
        md("### The last year, both sides"),
        code("""
def side_table(year):
    rows = a[a.reporting_year == year]
    helper = rows[rows.side == "HELPER"].set_index("pairing")
    helped = rows[rows.side == "HELPED"].set_index("pairing")
    table = helper[["helper_name", "helped_name", "total", "grade", "rank"]].join(
        helped[["total", "grade", "rank"]], lsuffix="_helper", rsuffix="_helped")
    return table.sort_values(["rank_helper", "rank_helped"])

side_table(last)
"""),
        md("### Grades of every pairing over the years"),
        code("""
a.pivot_table(index=["pairing", "helper_name", "helped_name"], columns=["side", "reporting_year"],
              values="grade", aggfunc="first")
"""),
        md("""
## The five aspect scores, helper and helped side

减贫成效 poverty reduction, 劳务协作 labour, 产业合作 industry, 人才支援 talent, 资金支持 funding. Both
sides of a pairing are judged on the same indicators of the pairing against the same number of peers
(`docs/cooperation.md`), so their aspect scores normally coincide; the sides differ in the aspect
weights, hence in their totals, grades and ranks.
"""),
        code("""
aspects = a.pivot_table(index=["reporting_year", "pairing"], columns="side", values=ASPECTS)
gap = max((aspects[(s, "HELPER")] - aspects[(s, "HELPED")]).abs().max() for s in ASPECTS)
print("largest difference between the helper's and the helped side's aspect score:", gap)
last_aspects = a[a.reporting_year == last].pivot_table(index="pairing", columns="side", values=ASPECTS + ["total"])
last_aspects.reindex(side_table(last).index).round(1)
"""),
        code("""
# The aspect profile of every pairing in the last year (rows in the order of the helper ranking).
order = side_table(last).index
heat = last_aspects.reindex(order)
heat = pd.concat([heat[[(s, "HELPER") for s in ASPECTS]].droplevel(1, axis=1),
                  heat[("total", "HELPER")].rename("total HELPER"), heat[("total", "HELPED")].rename("total HELPED")], axis=1)
heat.columns = [c.replace("score_", "").replace("_", " ") for c in heat.columns]
fig, ax = plt.subplots(figsize=(9, 11))
im = ax.imshow(heat.values, aspect="auto", cmap="viridis", vmin=0, vmax=100)
ax.set_xticks(range(len(heat.columns)), heat.columns, rotation=30, ha="right")
ax.set_yticks(range(len(heat.index)), heat.index, fontsize=8)
for (i, j), v in pd.DataFrame(heat.values).stack().items():
    ax.text(j, i, "%.0f" % v, ha="center", va="center", fontsize=7, color="white" if v < 60 else "black")
fig.colorbar(im, ax=ax, label="points (0-100)")
ax.set_title(f"Aspect scores and totals by pairing, {last}")
fig.tight_layout()
"""),
        code("""
# The configured weights: aspect weights per side, indicator weights within each aspect, as applied to
# the rows whose every indicator could be assessed (the others re-spread them, docs/cooperation.md).
weights = query(f\"\"\"
    WITH whole AS (
      SELECT helper_code, helped_code, side, reporting_year FROM curated.cooperation_indicators
      WHERE reporting_year = {last} GROUP BY helper_code, helped_code, side, reporting_year HAVING bool_and(assessable))
    SELECT DISTINCT i.side, i.aspect, i.indicator, i.indicator_weight, i.aspect_weight
    FROM curated.cooperation_indicators i JOIN whole USING (helper_code, helped_code, side, reporting_year)\"\"\")
assert len(weights) > 0, "no pairing of the last year could be assessed on every indicator"
assert (weights.groupby(["side", "aspect", "indicator"]).size() == 1).all(), "weights differ between pairings"
aspect_weights = weights.drop_duplicates(["side", "aspect"]).pivot(index="aspect", columns="side", values="aspect_weight")
assert ((aspect_weights.sum() - 1).abs() < 1e-5).all(), aspect_weights
aspect_weights
"""),
        md("## Total score over the years"),
        code("""
fig, axes = plt.subplots(1, 2, figsize=(12, 10), sharey=True)
for ax, side in zip(axes, ["HELPER", "HELPED"]):
    totals = a[a.side == side].pivot(index="pairing", columns="reporting_year", values="total").loc[order]
    im = ax.imshow(totals.values, aspect="auto", cmap="viridis", vmin=0, vmax=100)
    ax.set_xticks(range(len(totals.columns)), totals.columns, rotation=45)
    ax.set_yticks(range(len(totals.index)), totals.index, fontsize=8)
    ax.set_title(f"Total score, {side} side")
    ax.set_xlabel("reporting year")
fig.colorbar(im, ax=axes, label="total (0-100)", shrink=0.6)
"""),
        code("""
# The five best pairings of the last year (helper side) against the spread of all pairings.
helper_totals = a[a.side == "HELPER"].pivot(index="reporting_year", columns="pairing", values="total")
ax = helper_totals.plot(color="lightgrey", legend=False, linewidth=1, title="Total score over the years, HELPER side")
helper_totals[list(order[:5])].plot(ax=ax, marker="o", linewidth=2)
handles, labels = ax.get_legend_handles_labels()
ax.legend(handles[-5:], labels[-5:], title=f"best 5 in {last}", fontsize=8, loc="upper left")
ax.set_xlabel("reporting year")
ax.set_ylabel("total (0-100)")
"""),
        code("""
# The ranking of the last year, per side, coloured by grade.
fig, axes = plt.subplots(1, 2, figsize=(12, 9))
for ax, side in zip(axes, ["HELPER", "HELPED"]):
    rows = graded[(graded.reporting_year == last) & (graded.side == side)].sort_values("rank", ascending=False)
    ax.barh(rows.pairing, rows.total, color=rows.grade.map(GRADE_COLOUR))
    ax.tick_params(axis="y", labelsize=8)
    ax.set_xlim(0, 100)
    ax.set_xlabel("total (0-100)")
    ax.set_title(f"Ranking {last}, {side} side")
axes[1].legend(handles=[matplotlib.patches.Patch(color=GRADE_COLOUR[g], label=GRADE_EN[g]) for g in GRADES], loc="lower right")
fig.tight_layout()
"""),
        md("## Grade distribution per year"),
        code("""
dist = graded.groupby(["side", "reporting_year", "grade"]).size().unstack(fill_value=0).reindex(columns=GRADES, fill_value=0)
assert (dist.sum(axis=1) == graded.groupby(["side", "reporting_year"]).size()).all()
dist.assign(not_assessed=a[a.total.isna()].groupby(["side", "reporting_year"]).size()).fillna({"not_assessed": 0}).astype(int)
"""),
        code("""
fig, axes = plt.subplots(1, 2, figsize=(12, 4), sharey=True)
for ax, side in zip(axes, ["HELPER", "HELPED"]):
    d = dist.loc[side].rename(columns=GRADE_EN)
    d.plot.bar(stacked=True, ax=ax, color=[GRADE_COLOUR[g] for g in GRADES], legend=False,
               title=f"Grades per year, {side} side")
    ax.set_xlabel("reporting year")
    ax.set_ylabel("pairings")
axes[1].legend(title="grade", bbox_to_anchor=(1.02, 1), loc="upper left")
"""),
        md("""
In the first reporting year there is no year before, so the two poverty-reduction indicators
(`exit_rate`, `incidence_fall`) are missing for every pairing: they are not assessable, and that
year is graded on the four input aspects, re-weighted. A helped area with no registered poor at the
start of a year cannot be assessed at all. Rows not assessable and raw values missing, per year and
indicator (a file not delivered leaves the raw value missing but the row assessable: it scores 0):
"""),
        code("""
missing = query(\"\"\"
    SELECT reporting_year, indicator, count(*) AS rows, count(raw_value) AS delivered,
           count_if(NOT assessable) AS not_assessable
    FROM curated.cooperation_indicators
    GROUP BY reporting_year, indicator HAVING count(raw_value) < count(*) OR count_if(NOT assessable) > 0
    ORDER BY reporting_year, indicator\"\"\")
missing
"""),
        md("""
## Tracing one pairing's score back to its indicator values

The pairing ranked first on the helper side in the last year. For each indicator:
`value` = `raw_value` × 10,000 / `poor_base` (or the rate itself), `normalised` = min(100, 100 ×
`value` / `benchmark`), where `benchmark` is the configured quantile of the peers' values
(`docs/cooperation.md`), `contribution` = `aspect_weight` × `indicator_weight` × `normalised`; the aspect score is
the sum of `indicator_weight` × `normalised` over its indicators, the total the sum of the
contributions.
"""),
        code("""
best = a[(a.reporting_year == last) & (a.side == "HELPER")].sort_values(["rank", "helper_code", "helped_code"]).iloc[0]
hc, dc = best.helper_code, best.helped_code
print(f"{best.helper_name} → {best.helped_name} ({best.pairing}), {last}: total {best.total}, grade {best.grade}, rank {best['rank']}")
ind = query(f\"\"\"
    SELECT side, aspect, indicator, raw_value, poor_base, value, benchmark, normalised,
           indicator_weight, aspect_weight, contribution
    FROM curated.cooperation_indicators
    WHERE helper_code = '{hc}' AND helped_code = '{dc}' AND reporting_year = {last}
    ORDER BY side, aspect, indicator\"\"\")
assert set(ind.side) == {"HELPER", "HELPED"} and (ind.groupby("side").size() == len(weights) // 2).all(), ind
print("poor base of the helped area (registered poor at the end of the year before):", int(ind.poor_base.max()), "persons")
ind[ind.side == "HELPER"]
"""),
        code("""
# The aspect scores and the total rebuilt from the indicator rows (display precision), next to the stored ones.
helper_ind = ind[ind.side == "HELPER"].assign(weighted=lambda d: d.indicator_weight * d.normalised)
rebuilt = helper_ind.groupby("aspect").agg(score_rebuilt=("weighted", "sum"), contributions=("contribution", "sum"))
rebuilt["score_stored"] = [best["score_" + aspect.lower()] for aspect in rebuilt.index]
rebuilt.loc["TOTAL"] = [None, rebuilt.contributions.sum(), best.total]
rebuilt
"""),
        code("""
# At full precision, in Spark: the contributions of each side sum to its stored total.
traced = query(f\"\"\"
    SELECT a.side, a.total, i.contributions, a.total - i.contributions AS difference, i.indicators
    FROM curated.cooperation_assessment a
    JOIN (SELECT side, sum(contribution) AS contributions, count(*) AS indicators
          FROM curated.cooperation_indicators
          WHERE helper_code = '{hc}' AND helped_code = '{dc}' AND reporting_year = {last} GROUP BY side) i
      ON i.side = a.side
    WHERE a.helper_code = '{hc}' AND a.helped_code = '{dc}' AND a.reporting_year = {last}\"\"\")
assert len(traced) == 2 and (traced.difference.abs() < 1e-6).all(), traced
traced
"""),
        code("""
contrib = helper_ind.sort_values(["aspect", "contribution"])
aspect_colour = dict(zip(sorted(contrib.aspect.unique()), plt.rcParams["axes.prop_cycle"].by_key()["color"]))
fig, ax = plt.subplots(figsize=(9, 5))
ax.barh(contrib.indicator, contrib.contribution, color=contrib.aspect.map(aspect_colour))
ax.legend(handles=[matplotlib.patches.Patch(color=c, label=s) for s, c in aspect_colour.items()], fontsize=8)
ax.set_xlabel("contribution to the total (points)")
ax.set_title(f"{best.pairing} HELPER {last}: contributions sum to the total {contrib.contribution.sum():.2f}")
fig.tight_layout()
"""),
        code("""
# One step further back: the delivered line behind the funding indicators (silver, with its source file and line).
line = query(f\"\"\"
    SELECT reporting_year, helper_code, helped_code, fiscal_aid, social_donations, _batch_id, _source_file, _line
    FROM silver.cooperation_funds
    WHERE helper_code = '{hc}' AND helped_code = '{dc}' AND reporting_year = {last}\"\"\")
raw = helper_ind.set_index("indicator").raw_value
if len(line) == 1:
    assert line.fiscal_aid.iloc[0] == raw["fiscal_aid"] and line.social_donations.iloc[0] == raw["social_donations"], (line, raw)
else:
    assert len(line) == 0 and pd.isna(raw["fiscal_aid"]), line  # not delivered: the indicator is missing
line
"""),
        md("""
## Checks over every row (in Spark, at full precision)

For every pairing, side and year: the contributions sum to the total within 1e-6, each aspect score
is the weighted sum of its normalised indicators, each contribution is aspect weight × indicator
weight × normalised, each normalised value is min(100, 100 × value / benchmark) with the benchmark
never above the best peer's value, the best peer of every indicator scores 100 (unless every peer
has 0), and the rank is the position of the total among the peers (equal totals share a rank).
"""),
        code("""
checks = query(\"\"\"
    WITH t AS (
      SELECT helper_code, helped_code, side, reporting_year, sum(contribution) AS contributions
      FROM curated.cooperation_indicators GROUP BY helper_code, helped_code, side, reporting_year),
    s AS (
      SELECT helper_code, helped_code, side, reporting_year, aspect,
             sum(indicator_weight * normalised) AS score,
             max(abs(contribution - aspect_weight * indicator_weight * normalised)) AS contribution_error
      FROM curated.cooperation_indicators GROUP BY helper_code, helped_code, side, reporting_year, aspect),
    b AS (
      SELECT side, reporting_year, indicator, max(peer_max) AS peer_max, max(normalised) AS best
      FROM curated.cooperation_indicators GROUP BY side, reporting_year, indicator),
    r AS (
      SELECT rank, rank() OVER (PARTITION BY side, reporting_year ORDER BY total DESC) AS expected
      FROM curated.cooperation_assessment)
    SELECT
      (SELECT count(*) FROM curated.cooperation_assessment) AS assessed_rows,
      (SELECT count(*) FROM curated.cooperation_assessment a LEFT JOIN t USING (helper_code, helped_code, side, reporting_year)
        WHERE t.contributions IS NULL) AS rows_without_indicators,
      (SELECT max(abs(a.total - t.contributions)) FROM curated.cooperation_assessment a
        JOIN t USING (helper_code, helped_code, side, reporting_year)) AS total_error,
      (SELECT max(abs(s.score - CASE s.aspect WHEN 'POVERTY_REDUCTION' THEN a.score_poverty_reduction
                                              WHEN 'LABOUR' THEN a.score_labour WHEN 'INDUSTRY' THEN a.score_industry
                                              WHEN 'TALENT' THEN a.score_talent WHEN 'FUNDING' THEN a.score_funding END))
        FROM curated.cooperation_assessment a JOIN s USING (helper_code, helped_code, side, reporting_year)) AS aspect_score_error,
      (SELECT count(DISTINCT aspect) FROM s) AS aspects,
      (SELECT count(*) FROM s WHERE aspect NOT IN ('POVERTY_REDUCTION', 'LABOUR', 'INDUSTRY', 'TALENT', 'FUNDING')) AS unknown_aspects,
      (SELECT max(contribution_error) FROM s) AS contribution_error,
      (SELECT count(*) FROM b WHERE (peer_max > 0 AND abs(best - 100) > 1e-6) OR (peer_max = 0 AND best <> 0)) AS indicators_without_best,
      (SELECT max(abs(normalised - CASE WHEN assessable AND benchmark > 0
                                        THEN least(100D, 100 * greatest(coalesce(value, 0D), 0D) / benchmark) ELSE 0D END))
        FROM curated.cooperation_indicators) AS normalised_error,
      (SELECT count(*) FROM curated.cooperation_indicators WHERE benchmark > peer_max + 1e-9) AS benchmarks_above_best,
      (SELECT count(*) FROM r WHERE rank <> expected) AS rank_mismatches\"\"\")
c = checks.iloc[0]
assert c.assessed_rows == len(a) and c.rows_without_indicators == 0, c
assert c.total_error < 1e-6, c
assert c.aspect_score_error < 1e-6 and c.aspects == 5 and c.unknown_aspects == 0, c
assert c.contribution_error < 1e-6, c
assert c.indicators_without_best == 0, c
assert c.normalised_error < 1e-6 and c.benchmarks_above_best == 0, c
assert c.rank_mismatches == 0, c
checks.T
"""),
        md("""
## The cross-assessment roster (交叉考核)

Each year every province of the rotation assesses another one: its team assesses both sides of
every pairing whose helper lies in the assessed province. The rotation (order, base year) is
`tuopin.cooperation.roster`; nobody assesses itself, and over n − 1 years each province assesses
every other one once.
"""),
        code("""
roster = query(\"\"\"
    SELECT r.reporting_year, r.assessor_code, da.name AS assessor_name, r.assessed_code, dd.name AS assessed_name,
           r.rotation_offset, r.pairings
    FROM curated.cooperation_roster r
    LEFT JOIN ref.divisions da ON da.code = r.assessor_code AND da.level = 'PROVINCE'
    LEFT JOIN ref.divisions dd ON dd.code = r.assessed_code AND dd.level = 'PROVINCE'
    ORDER BY r.reporting_year, r.assessor_code\"\"\")
pairings = query("SELECT helper_province_code, helper_code, helper_name, helped_code, helped_name FROM ref.pairings")
assert sorted(roster.reporting_year.unique()) == years, (sorted(roster.reporting_year.unique()), years)
for year, rows in roster.groupby("reporting_year"):
    # A rotation: every province assesses exactly one other and is assessed exactly once, by one offset.
    assert rows.assessor_code.is_unique and set(rows.assessor_code) == set(rows.assessed_code), rows
    assert (rows.assessor_code != rows.assessed_code).all(), rows
    assert rows.rotation_offset.nunique() == 1, rows
# pairings = the pairings of ref.pairings whose helper lies in the assessed province.
per_province = pairings.groupby("helper_province_code").size()
assert (roster.pairings.values == roster.assessed_code.map(per_province).fillna(0).values).all(), roster
n = roster.assessor_code.nunique()
if len(years) <= n - 1:  # consecutive years fewer than n: no assessor meets the same province twice
    assert not roster.duplicated(["assessor_code", "assessed_code"]).any(), roster
roster[roster.reporting_year == last]
"""),
        code("""
# What each team assesses in the last year: the assessed province's pairings with both sides' results.
teams = (roster[roster.reporting_year == last][["assessor_code", "assessor_name", "assessed_code", "assessed_name"]]
         .merge(pairings, left_on="assessed_code", right_on="helper_province_code")
         .assign(pairing=lambda d: d.helper_code + "→" + d.helped_code)
         .merge(side_table(last).drop(columns=["helper_name", "helped_name"]), left_on="pairing", right_index=True, how="left"))
assert len(teams) == len(pairings), (len(teams), len(pairings))
teams[["assessor_name", "assessed_name", "pairing", "helper_name", "helped_name",
       "total_helper", "grade_helper", "rank_helper", "total_helped", "grade_helped", "rank_helped"]]
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
