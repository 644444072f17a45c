"""Planner scores: components add up, weights change the ranking as documented, exports."""

import io

import openpyxl
import pandas as pd
import pytest

from geo.priority import DEFAULT_WEIGHTS, indicators, score, to_csv_bytes, to_xlsx_bytes

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


def test_exports_hide_small_counts_and_use_labels():
    ranked = score(table(), DEFAULT_WEIGHTS)
    csv = to_csv_bytes(ranked, {"placements": "Penempatan"}, threshold=5).decode("utf-8-sig")
    frame = pd.read_csv(io.StringIO(csv), dtype=str)
    assert "Penempatan" in frame.columns
    assert frame.set_index("code").loc[A, "reports"] == "<5"
    assert frame.set_index("code").loc[A, "Penempatan"] == "100"
    # the hidden count's score component and the village's score would give it away: both hidden
    assert frame.set_index("code").loc[A, "c_reports"] == "x"
    assert frame.set_index("code").loc[A, "score"] == "x"
    counts = frame[["Penempatan", "reports", "enterprises", "groups"]]
    assert ((frame["score"] == "x") == (counts == "<5").any(axis=1)).all()
    plain = pd.read_csv(io.StringIO(to_csv_bytes(ranked, threshold=1).decode("utf-8-sig")), dtype=str)
    assert not (plain == "x").any().any()  # nothing hidden, nothing suppressed
    book = openpyxl.load_workbook(io.BytesIO(to_xlsx_bytes(ranked, threshold=5)))
    rows = list(book.active.values)
    assert rows[0][:4] == ("rank", "code", "name", "score") and len(rows) == 4


def test_exports_list_villages_with_hidden_counts_last_without_rank():
    """A hidden count's village sits between two shown scores in the ranking, which bounds its
    score: in exports that leave the office such villages follow the ranked ones, unranked."""
    codes = [f"36.04.13.{2001 + i}" for i in range(6)]
    frame = pd.DataFrame(
        {
            "placements": [120.0, 3.0, 60.0, 45.0, 2.0, 30.0],
            "reports": [10.0, 20.0, 0.0, 6.0, 8.0, 0.0],
            "distance_km": [2.0, 3.0, 15.0, 7.0, 9.0, 1.0],
            "enterprises": [0.0, 0.0, 5.0, 0.0, 0.0, 12.0],
            "groups": [0.0, 0.0, 0.0, 0.0, 0.0, 0.0],
        },
        index=pd.Index(codes, name="code"),
    )
    ranked = score(frame, DEFAULT_WEIGHTS)
    assert ranked["code"].tolist().index(codes[1]) < 5  # ranked above others before suppression
    out = pd.read_csv(io.StringIO(to_csv_bytes(ranked, threshold=5).decode("utf-8-sig")), dtype=str)
    hidden = out["score"] == "x"
    assert out.loc[hidden, "code"].tolist() == [codes[1], codes[4]]  # placements 3 and 2, code order
    assert (out.loc[hidden, "rank"] == "x").all() and not (out.loc[~hidden, "rank"] == "x").any()
    assert out.index[hidden].min() > out.index[~hidden].max()
    shown = ranked[~ranked["code"].isin([codes[1], codes[4]])]
    assert out.loc[~hidden, "code"].tolist() == shown["code"].tolist()  # the others keep their order
    assert out.loc[~hidden, "rank"].astype(int).tolist() == [1, 2, 3, 4]  # no gap where one was
    internal = pd.read_csv(io.StringIO(to_csv_bytes(ranked).decode("utf-8-sig")), dtype=str)
    assert internal["code"].tolist() == ranked["code"].tolist()  # kept in the office: all ranked


def test_exports_state_their_period_first():
    """The planner's CSV and workbook said nothing of the years their scores add up."""
    ranked = score(table(), DEFAULT_WEIGHTS)
    note = ["Periode: 2021–2024 (penempatan dan laporan dijumlahkan)"]
    csv = to_csv_bytes(ranked, threshold=5, note=note).decode("utf-8-sig")
    assert csv.splitlines()[0] == f"# {note[0]}"
    frame = pd.read_csv(io.StringIO(csv), dtype=str, comment="#")
    assert frame.columns[:2].tolist() == ["rank", "code"] and len(frame) == 3
    book = openpyxl.load_workbook(
        io.BytesIO(to_xlsx_bytes(ranked, threshold=5, note=note, note_sheet="Catatan"))
    )
    assert book.sheetnames[1] == "Catatan"
    assert [row[0] for row in book["Catatan"].values] == ["Catatan", note[0]]
