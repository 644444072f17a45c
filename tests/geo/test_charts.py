"""Chart builders: translated labels, Indonesian separators, no-data figure."""

import pandas as pd

from geo.charts import bar_figure, empty_figure, share_figure, stacked_trend_figure, trend_figure


def test_trend_figure_labels_and_separators():
    frame = pd.DataFrame({"year": [2022, 2023], "count": [1210, 1500]})
    fig = trend_figure(frame, "id", value_label="Penempatan", title="Tren")
    assert fig.layout.separators == ",."
    assert fig.layout.xaxis.title.text == "Tahun"
    assert fig.layout.yaxis.title.text == ""  # written across above the axis (never clipped)
    assert [a.text for a in fig.layout.annotations] == ["Penempatan"]
    assert list(fig.data[0].y) == [1210, 1500]
    assert trend_figure(frame, "en", value_label="Placements").layout.xaxis.title.text == "Year"


def test_bar_figure_sorted_and_renamed():
    frame = pd.DataFrame({"village": ["a", "b"], "count": [5, 9]})
    fig = bar_figure(
        frame, "village", "en", value_label="Placements", column_label="Village", names={"a": "Lontar"}
    )
    assert list(fig.data[0].y) == ["Lontar", "b"]
    assert list(fig.data[0].x) == [5, 9]


def test_stacked_trend_groups_small_ones_as_other():
    frame = pd.DataFrame({"year": [2023] * 4, "channel": ["a", "b", "c", "d"], "count": [10, 8, 2, 1]})
    fig = stacked_trend_figure(frame, "channel", "id", value_label="Laporan", by_label="Jalur", top=2)
    names = {trace.name for trace in fig.data}
    assert names == {"a", "b", "Lainnya"}
    # the legend sits at the figure's foot (a fraction of the plot landed on the year labels)
    assert fig.layout.legend.yref == "container" and fig.layout.legend.yanchor == "bottom"


def test_empty_data_says_no_data():
    fig = trend_figure(pd.DataFrame(columns=["year", "count"]), "id", value_label="x")
    assert fig.layout.annotations[0].text == "Tidak ada data"
    assert (
        share_figure(pd.DataFrame({"k": ["a"], "count": [0]}), "k", "en").layout.annotations[0].text
        == "No data"
    )
    assert empty_figure("en").layout.annotations[0].text == "No data"


def test_value_axes_show_full_grouped_numbers():
    """Value ticks read "5.000" in Indonesian (Plotly's default wrote "5k" and "1000")."""
    frame = pd.DataFrame({"year": [2023, 2024], "count": [27942, 27901]})
    trend = trend_figure(frame, "id", value_label="Penempatan")
    assert trend.layout.yaxis.tickformat == ",~f" and trend.layout.xaxis.tickformat == "d"
    bars = bar_figure(
        pd.DataFrame({"destination": ["TAIWAN"], "count": [2202]}),
        "destination",
        "id",
        value_label="Penempatan",
        column_label="Negara",
    )
    assert bars.layout.xaxis.tickformat == ",~f"
    stacked = stacked_trend_figure(
        pd.DataFrame({"year": [2023], "channel": ["calo"], "count": [1500]}),
        "channel",
        "id",
        value_label="Laporan",
        by_label="Jalur",
    )
    assert stacked.layout.yaxis.tickformat == ",~f" and stacked.layout.xaxis.tickformat == "d"


def test_a_donut_hover_names_no_column_key():
    """The sector and KUR donuts said "sector=…<br>count=…" and "kur_credit=…" on hover."""
    frame = pd.DataFrame({"kur_credit": ["True", "False"], "count": [3, 9]})
    figure = share_figure(frame, "kur_credit", "id", names={"True": "Ya", "False": "Tidak"})
    hover = figure.data[0].hovertemplate
    assert "kur_credit" not in hover and "count" not in hover and "%{label}" in hover
    assert list(figure.data[0].labels) == ["Tidak", "Ya"]
