"""Chart images for slides and the brief, drawn with matplotlib from protected series.

Slides need PNGs; plotly's image export needs kaleido and a browser at run time, so charts
for exports are drawn here from the same numbers instead (works offline, no subprocess).
Hidden cells get no bar or point: their bar is left empty and labelled ``"<5"`` or ``"x"``.
"""

from __future__ import annotations

import io

import numpy as np

import i18n
from exports.static_map import pyplot  # matplotlib on Agg, imported on the first chart
from exports.view import ChartData

__all__ = ["render_chart", "BAR_COLOUR"]

BAR_COLOUR = "#bd0026"


def render_chart(
    chart: ChartData,
    lang: str = i18n.DEFAULT_LANGUAGE,
    *,
    size: tuple[int, int] = (1600, 900),
    dpi: int = 150,
    note: str = "",
) -> bytes:
    """PNG bytes of ``chart`` at exactly ``size`` pixels."""
    width, height = size
    values = chart.data.values["value"].astype(float)
    hidden = chart.data.hidden["value"].to_numpy()
    labels = chart.data.labels()["value"].to_numpy()
    shown = np.where(hidden, np.nan, values.to_numpy())
    names = [str(i) for i in values.index]

    plt = pyplot()
    from matplotlib.ticker import FuncFormatter

    fig = plt.figure(figsize=(width / dpi, height / dpi), dpi=dpi)
    try:
        ax = fig.add_axes(
            (0.25 if chart.kind == "barh" else 0.1, 0.14, 0.68 if chart.kind == "barh" else 0.85, 0.72)
        )
        fig.text(0.02, 0.94, chart.title, fontsize=15, fontweight="bold", va="center")
        fmt = lambda v: i18n.fmt_int(v, lang)  # noqa: E731
        if chart.kind == "line" and len(names) == 1:  # one year: one bar, not a lone dot
            ax.bar([0], np.nan_to_num(shown), width=0.4, color=BAR_COLOUR)
            ax.set_xticks([0], names)
            ax.set_xlim(-1, 1)
            top = np.nanmax(shown) if np.isfinite(shown).any() else 1
            ax.annotate(
                labels[0] if hidden[0] else fmt(shown[0]),
                (0, 0 if hidden[0] else shown[0]),
                textcoords="offset points",
                xytext=(0, 8),
                ha="center",
                fontsize=10,
            )
            ax.set_ylim(0, top * 1.2)
            ax.set_ylabel(chart.value_label)
        elif chart.kind == "line":
            x = np.arange(len(names))
            ax.plot(x, shown, marker="o", color=BAR_COLOUR, linewidth=2.5)
            ax.set_xticks(x, names)
            top = np.nanmax(shown) if np.isfinite(shown).any() else 1
            for xi, value, hide, label in zip(x, shown, hidden, labels, strict=True):
                text = label if hide else fmt(value)
                ax.annotate(
                    text,
                    (xi, 0 if hide else value),
                    textcoords="offset points",
                    xytext=(0, 8),
                    ha="center",
                    fontsize=10,
                )
            ax.set_ylim(0, top * 1.2)
            ax.set_ylabel(chart.value_label)
        else:
            y = np.arange(len(names))[::-1]
            ax.barh(y, np.nan_to_num(shown), color=BAR_COLOUR)
            ax.set_yticks(y, names)
            top = np.nanmax(shown) if np.isfinite(shown).any() else 1
            for yi, value, hide, label in zip(y, shown, hidden, labels, strict=True):
                text = label if hide else fmt(value)
                ax.text((0 if hide else value) + top * 0.01, yi, text, va="center", fontsize=10)
            ax.set_xlim(0, top * 1.15)
            ax.set_xlabel(chart.value_label)
        ax.spines[["top", "right"]].set_visible(False)
        axis = ax.yaxis if chart.kind == "line" else ax.xaxis
        axis.set_major_formatter(FuncFormatter(lambda v, _: fmt(v)))
        if note:
            fig.text(0.02, 0.02, note, fontsize=8, color="#444444", va="bottom")
        buf = io.BytesIO()
        fig.savefig(buf, format="png", dpi=dpi)
    finally:
        plt.close(fig)
    return buf.getvalue()
