"""Planner scores: components add up, weights change the ranking as documented, exports."""

import io

import numpy as np
import openpyxl
import pandas as pd
import pytest

import i18n
from exports.files import ranking_csv, ranking_xlsx
from geo.priority import (
    COUNT_COLUMNS,
    DEFAULT_WEIGHTS,
    RANKING_COLUMNS,
    indicators,
    protect_ranking,
    ranking_headers,
    score,
)

A, B, C = "36.04.13.2001", "36.04.13.2002", "36.04.13.2003"


def table() -> pd.DataFrame:
    """A: many placements, few reports; B: few placements, many reports; C: middle, far away."""
    return pd.DataFrame(
        {
            "placements": [100.0, 10.0, 50.0],
            "reports": [1.0, 20.0, 5.0],
            "distance_km": [2.0, 3.0, 15.0],
            "enterprises": [0.0, 0.0, 4.0],
            "groups": [0.0, 1.0, 0.0],
        },
        index=pd.Index([A, B, C], name="code"),
    )


def order(weights) -> list[str]:
    return score(table(), weights)["code"].tolist()


def test_weights_change_the_ranking():
    assert order({"placements": 5, "reports": 1})[0] == A
    assert order({"placements": 1, "reports": 5})[0] == B
    assert order({"distance_km": 5, "placements": 1})[0] == C
    assert order({"enterprises": 1})[0] == C


def test_components_add_up_to_score_and_range():
    ranked = score(table(), DEFAULT_WEIGHTS, names={A: "Alpha"})
    parts = ranked[[c for c in ranked.columns if c.startswith("c_")]].sum(axis=1)
    assert parts.to_numpy() == pytest.approx(ranked["score"].to_numpy())
    assert ranked["score"].between(0, 100).all()
    assert ranked["rank"].tolist() == [1, 2, 3]
    assert ranked.set_index("code").loc[A, "name"] == "Alpha"
    # a village top on every weighted indicator would score 100
    only = score(table(), {"placements": 2})
    assert only["score"].iloc[0] == pytest.approx(100.0) and only["code"].iloc[0] == A


def test_missing_distance_scores_as_farthest_and_is_flagged():
    t = table()
    t.loc[A, "distance_km"] = float("nan")
    ranked = score(t, {"distance_km": 1}).set_index("code")
    assert ranked.loc[A, "c_distance_km"] == pytest.approx(100.0)
    assert ranked.loc[A, "missing"] == "distance_km"


def test_bad_weights_are_rejected():
    with pytest.raises(ValueError, match="placements, reports"):
        score(table(), {"population": 1})
    with pytest.raises(ValueError, match="positive"):
        score(table(), {"placements": -1})


def test_indicators_from_layers_excluding_covered_villages():
    layers = {
        "placements": pd.DataFrame({"village": [A, B, C], "year": [2023, 2023, 2022], "count": [5, 7, 9]}),
        "reports": pd.DataFrame({"village": [B], "year": [2023], "count": [3], "persons": [4]}),
        "programmes": pd.DataFrame({"village": [A], "programme": ["KKBM"], "active": [True], "count": [1]}),
        "enterprises": pd.DataFrame({"village": [B], "count": [2], "cooperative": [True]}),
    }
    distances = pd.DataFrame({"code": [A, B, C], "nearest": [A, A, A], "km": [0.0, 4.0, 9.0]})
    out = indicators(layers, distances, years=(2023, 2023))
    assert out.index.tolist() == [B]  # A has a programme; C has no data in 2023
    assert out.loc[B, ["placements", "reports", "distance_km", "enterprises", "groups"]].tolist() == [
        7,
        3,
        4,
        2,
        2,
    ]
    both = indicators(layers, distances, exclude_covered=False)
    assert set(both.index) == {A, B, C} and both.loc[A, "groups"] == 1


def _read_csv(data: bytes) -> pd.DataFrame:
    return pd.read_csv(io.BytesIO(data), dtype=str, comment="#", encoding="utf-8-sig", keep_default_na=False)


def test_exports_hide_small_counts_keep_rank_and_score_and_use_labels():
    ranked = score(table(), DEFAULT_WEIGHTS)
    frame = _read_csv(ranking_csv(ranked, "id", threshold=5))
    h = ranking_headers("id")
    assert frame.columns.tolist() == [h[c] for c in RANKING_COLUMNS]
    by_code = frame.set_index(h["code"])
    assert by_code.loc[A, h["reports"]] == "<5"
    assert by_code.loc[A, h["placements"]] == "100"
    assert by_code.loc[A, h["c_reports"]] == "x"  # the hidden count's part of the score
    # rank and score are the page's, in the page's order
    assert frame[h["code"]].tolist() == ranked["code"].tolist()
    assert frame[h["rank"]].astype(int).tolist() == [1, 2, 3]
    assert frame[h["score"]].astype(float).tolist() == ranked["score"].round(1).tolist()
    plain = _read_csv(ranking_csv(ranked, "id"))
    assert not (plain == "x").any().any() and not (plain == "<5").any().any()  # kept in the office
    book = openpyxl.load_workbook(io.BytesIO(ranking_xlsx(ranked, "en", threshold=5)))
    rows = list(book.active.values)
    assert rows[0][:3] == ("Rank", "Village", "Score") and len(rows) == 4


def test_missing_data_is_named_in_words_never_by_key():
    t = table()
    t.loc[B, "distance_km"] = float("nan")
    ranked = score(t, DEFAULT_WEIGHTS)
    for lang in ("id", "en"):
        text = ranking_csv(ranked, lang, threshold=5).decode("utf-8-sig")
        assert "distance_km" not in text
        assert i18n.t("planner.ind.distance_km", lang) in text


def _villages(n: int = 12, seed: int = 3) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    codes = [f"36.04.13.{2001 + i}" for i in range(n)]
    return pd.DataFrame(
        {
            "placements": rng.choice([0, 1, 2, 3, 4, 8, 15, 40, 90], n).astype(float),
            "reports": rng.choice([0, 1, 2, 3, 6, 12], n).astype(float),
            "distance_km": rng.uniform(0.5, 30, n).round(2),
            "enterprises": rng.choice([0, 1, 2, 5, 9], n).astype(float),
            "groups": rng.choice([0, 1, 3, 6], n).astype(float),
        },
        index=pd.Index(codes, name="code"),
    )


@pytest.mark.parametrize("seed", [1, 2, 3, 4, 5])
def test_a_hidden_count_cannot_be_worked_out_from_the_shown_score(seed):
    """For every hidden count, another value fits everything the file shows: the village's score
    (to one decimal) and its shown indicators. Found by scoring the village again with every value
    its hidden cells could take (beside the real villages, which fix each column's largest value),
    not by the rule's own sums."""
    frame = _villages(seed=seed)
    ranked = score(frame, DEFAULT_WEIGHTS)
    p = protect_ranking(ranked, 5)
    codes = p.values["code"]
    shown, hidden, primary = (x.set_axis(codes) for x in (p.values, p.hidden, p.primary))
    assert (p.values["rank"] == ranked["rank"]).all() and (codes == ranked["code"]).all()
    checked = 0
    for code in codes[hidden[list(COUNT_COLUMNS)].any(axis=1).to_numpy()]:
        small = [k for k in COUNT_COLUMNS if primary.loc[code, k] and ranked[f"c_{k}"].max() > 0]
        spare = [
            k for k in ("distance_km", *COUNT_COLUMNS) if hidden.loc[code, k] and not primary.loc[code, k]
        ]
        if not small:
            continue
        options = {k: range(1, 5) for k in small}
        for k in spare:  # a complement may be anything up to its column's largest value
            top = float(frame[k].max())
            options[k] = np.linspace(0, top, 2001) if k == "distance_km" else range(int(top) + 1)
        grid = pd.MultiIndex.from_product(list(options.values()), names=list(options)).to_frame(index=False)
        trials = pd.DataFrame({k: frame.loc[code, k] for k in frame.columns}, index=grid.index)
        trials[list(options)] = grid.to_numpy(dtype=float)
        trials.index = [f"trial{i}" for i in range(len(trials))]
        again = score(pd.concat([frame, trials]), DEFAULT_WEIGHTS).set_index("code")
        fit = again.loc[trials.index, "score"].round(1).to_numpy() == shown.loc[code, "score"]
        for k in small:
            values = set(trials.loc[fit, k].astype(int))
            assert int(frame.loc[code, k]) in values  # the true value fits, of course
            assert len(values) >= 2, (code, k, values, spare)
            checked += 1
    assert checked  # the data has hidden counts that weigh in the score


def test_a_score_resting_on_a_hidden_count_alone_is_hidden_but_keeps_its_rank():
    frame = _villages(seed=2)
    ranked = score(frame, {"placements": 1})
    p = protect_ranking(ranked, 5)
    small = p.primary["placements"]
    assert small.any()
    assert (p.hidden["score"] == small).all()
    assert p.values["rank"].tolist() == list(range(1, len(frame) + 1))


def test_exports_state_their_period_first():
    """The planner's CSV and workbook said nothing of the years their scores add up."""
    ranked = score(table(), DEFAULT_WEIGHTS)
    note = ["Periode: 2021–2024 (penempatan dan laporan dijumlahkan)"]
    csv = ranking_csv(ranked, "id", threshold=5, note=note).decode("utf-8-sig")
    assert csv.splitlines()[0] == f"# {note[0]}"
    frame = _read_csv(csv.encode("utf-8-sig"))
    assert frame.columns[:2].tolist() == ["Peringkat", "Desa/Kelurahan"] and len(frame) == 3
    book = openpyxl.load_workbook(io.BytesIO(ranking_xlsx(ranked, "id", threshold=5, note=note)))
    assert book.sheetnames == ["Peringkat desa", "Catatan"]
    assert [row[0] for row in book["Catatan"].values] == ["Catatan", note[0]]


def test_the_service_distance_hides_a_small_count_unless_it_is_missing():
    """The distance over land to a service point counts no one: in a village with a hidden count
    it is the complement hidden first. Without a land route it counts as the farthest, which the
    reader knows, so hiding it would hide nothing: the score is hidden instead."""
    frame = pd.DataFrame(
        {
            "placements": [3.0, 100.0, 50.0],
            "reports": [0.0, 0.0, 0.0],
            "distance_km": [1.0, 2.0, 3.0],
            "service_km": [10.0, 20.0, 40.0],
            "enterprises": [0.0, 0.0, 0.0],
            "groups": [0.0, 0.0, 0.0],
        },
        index=pd.Index([A, B, C], name="code"),
    )
    weights = {"placements": 1, "service_km": 1}
    p = protect_ranking(score(frame, weights), 5)
    row = p.values.index[p.values["code"] == A][0]
    assert p.primary.at[row, "placements"]
    assert p.hidden.at[row, "service_km"] and p.hidden.at[row, "c_service_km"]
    assert not p.hidden.at[row, "score"]
    assert not p.hidden.at[row, "distance_km"]  # weight 0: hiding it would change nothing
    frame.loc[A, "service_km"] = np.nan
    p = protect_ranking(score(frame, weights), 5)
    row = p.values.index[p.values["code"] == A][0]
    assert not p.hidden.at[row, "service_km"] and p.hidden.at[row, "score"]
