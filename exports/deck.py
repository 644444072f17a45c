"""A PowerPoint deck of the current view (python-pptx), small counts already protected.

Slides, in order: title (area, period, data sources), map, key figures, top villages, then one
slide per chart, and for the journey (returns) the flows: a Sankey out and back and the flow
maps. Pictures are the static PNGs of :mod:`exports.static_map` and
:mod:`exports.static_chart`, so the deck opens anywhere without internet.
"""

from __future__ import annotations

import io
from collections.abc import Mapping

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.util import Emu, Inches, Pt

import i18n
from exports.static_chart import render_chart
from exports.static_map import view_map
from exports.view import ExportView

__all__ = ["SLIDE_SIZE", "IMAGE_SIZE", "render_images", "build_deck", "slide_kinds"]

#: 16:9 slides (13.33 × 7.5 in), the PowerPoint default.
SLIDE_SIZE = (Inches(13.333), Inches(7.5))
#: Pixel size of the map and chart pictures (16:9, sharp on a 1920×1080 projector).
IMAGE_SIZE = (1600, 900)
ACCENT = RGBColor(0x80, 0x00, 0x26)
GREY = RGBColor(0x55, 0x55, 0x55)


def render_images(
    view: ExportView, size: tuple[int, int] = IMAGE_SIZE, source: str | None = None
) -> dict[str, bytes]:
    """PNG bytes of the map (``"map"``) and of each chart (``"chart-<key>"``), in slide order."""
    sources = source if source is not None else ", ".join(view.sources)
    images = {
        "map": view_map(view, size, source=sources),
    }
    for chart in view.charts:
        images[f"chart-{chart.key}"] = render_chart(chart, view.lang, size=size, note=view.suppression_note)
    if view.flows:
        from exports.static_flows import flow_map_png, sankey_png

        for flow in view.flows:
            if flow.kind in ("left", "back"):
                images[f"flows-{flow.kind}"] = sankey_png(
                    flow, view.lang, size=size, note=view.suppression_note
                )
        for flow in view.flows:
            if flow.kind in ("left", "problem") and len(flow.points):
                images[f"flowmap-{flow.kind}"] = flow_map_png(
                    flow, view.lang, size=size, note=view.suppression_note
                )
    return images


def _flow_pictures(view: ExportView) -> list[str]:
    """The flow pictures of ``view``, in slide order (the keys :func:`render_images` makes)."""
    out = [f"flows-{f.kind}" for f in view.flows if f.kind in ("left", "back")]
    return out + [f"flowmap-{f.kind}" for f in view.flows if f.kind in ("left", "problem") and len(f.points)]


def slide_kinds(view: ExportView) -> list[str]:
    """The slides :func:`build_deck` makes for ``view``, in order (for tests and the page)."""
    charts = [f"chart-{c.key}" for c in view.charts]
    return ["title", "map", "key_figures", "top_villages", *charts, *_flow_pictures(view)]


def _text(
    slide,
    left,
    top,
    width,
    height,
    text: str,
    size: int,
    *,
    bold: bool = False,
    colour: RGBColor | None = None,
    align=None,
):
    box = slide.shapes.add_textbox(left, top, width, height)
    frame = box.text_frame
    frame.word_wrap = True
    para = frame.paragraphs[0]
    para.text = text
    if align is not None:
        para.alignment = align
    font = para.runs[0].font if para.runs else para.font
    font.size = Pt(size)
    font.bold = bold
    if colour is not None:
        font.color.rgb = colour
    return box


def _footer(slide, view: ExportView) -> None:
    width, height = SLIDE_SIZE
    text = view.suppression_note
    if view.demo:
        text = view.t("export.deck.demo") + " · " + text
    _text(slide, Inches(0.4), height - Inches(0.45), width - Inches(0.8), Inches(0.35), text, 10, colour=GREY)


def _title(slide, text: str) -> None:
    _text(
        slide,
        Inches(0.4),
        Inches(0.25),
        SLIDE_SIZE[0] - Inches(0.8),
        Inches(0.8),
        text,
        28,
        bold=True,
        colour=ACCENT,
    )


def _picture_slide(deck, view: ExportView, png: bytes) -> None:
    """A slide filled by one picture (the picture carries its own title and legend)."""
    slide = deck.slides.add_slide(deck.slide_layouts[6])
    width, height = SLIDE_SIZE
    top = Inches(0.15)
    avail_h = height - top - Inches(0.55)
    pic_w = min(width - Inches(0.8), Emu(int(avail_h * IMAGE_SIZE[0] / IMAGE_SIZE[1])))
    left = Emu(int((width - pic_w) / 2))
    slide.shapes.add_picture(io.BytesIO(png), left, top, width=pic_w)
    _footer(slide, view)


def build_deck(view: ExportView, images: Mapping[str, bytes] | None = None, top: int = 10) -> bytes:
    """The deck as ``.pptx`` bytes. ``images`` from :func:`render_images` (made when not given)."""
    images = dict(images) if images is not None else render_images(view)
    deck = Presentation()
    deck.slide_width, deck.slide_height = SLIDE_SIZE
    width, height = SLIDE_SIZE

    # 1. Title
    slide = deck.slides.add_slide(deck.slide_layouts[6])
    _text(
        slide,
        Inches(0.8),
        Inches(2.0),
        width - Inches(1.6),
        Inches(1.2),
        f"{view.layer_title} — {view.area_name}",
        40,
        bold=True,
        colour=ACCENT,
    )
    _text(
        slide,
        Inches(0.8),
        Inches(3.3),
        width - Inches(1.6),
        Inches(0.7),
        view.t("export.deck.subtitle", area=view.area_name, period=view.period),
        24,
    )
    _text(
        slide,
        Inches(0.8),
        Inches(4.3),
        width - Inches(1.6),
        Inches(1.0),
        view.t("export.deck.sources", sources=", ".join(view.sources) or "–"),
        16,
        colour=GREY,
    )
    _text(
        slide,
        Inches(0.8),
        Inches(5.2),
        width - Inches(1.6),
        Inches(0.5),
        view.t("export.deck.made", date=i18n.fmt_date(view.as_of, view.lang)),
        14,
        colour=GREY,
    )
    _footer(slide, view)

    # 2. Map
    _picture_slide(deck, view, images["map"])

    # 3. Key figures: a grid of three columns.
    slide = deck.slides.add_slide(deck.slide_layouts[6])
    _title(slide, f"{view.t('export.deck.key_figures')} — {view.area_name}, {view.period}")
    cols = 3 if len(view.key_figures) <= 6 else 4  # the journey's eight figures: two rows of four
    box_w = (width - Inches(0.8)) / cols
    for i, figure in enumerate(view.key_figures):
        left = Inches(0.4) + Emu(int(box_w * (i % cols)))
        top_ = Inches(1.4) + Inches(2.6) * (i // cols)
        _text(slide, left, top_, Emu(int(box_w)) - Inches(0.2), Inches(0.5), figure.label, 16, colour=GREY)
        _text(
            slide,
            left,
            top_ + Inches(0.5),
            Emu(int(box_w)) - Inches(0.2),
            Inches(1.0),
            figure.text,
            28 if figure.no_data else 44,
            bold=True,
            colour=GREY if figure.no_data else ACCENT,
        )
        if figure.change:
            _text(
                slide,
                left,
                top_ + Inches(1.5),
                Emu(int(box_w)) - Inches(0.2),
                Inches(0.5),
                figure.change,
                14,
                colour=GREY,
            )
    if view.notes:  # what the figures cover, where it is not the whole area and period
        rows = (len(view.key_figures) + cols - 1) // cols
        _text(
            slide,
            Inches(0.4),
            Inches(1.4) + Inches(2.6) * rows,
            width - Inches(0.8),
            Inches(0.9),
            " ".join(view.notes),
            12,
            colour=GREY,
        )
    _footer(slide, view)

    # 4. Top villages
    slide = deck.slides.add_slide(deck.slide_layouts[6])
    _title(slide, f"{view.t('export.deck.top_villages')} — {view.area_name}, {view.period}")
    table = view.village_table_text(top=top, columns=view.slide_columns())
    table.insert(0, view.t("export.rank"), [str(i + 1) for i in range(len(table))])
    rows, ncols = len(table) + 1, len(table.columns)
    shape = slide.shapes.add_table(
        rows, ncols, Inches(0.4), Inches(1.2), width - Inches(0.8), Inches(0.4) * rows
    )
    grid = shape.table
    for j, header in enumerate(table.columns):
        grid.cell(0, j).text = str(header)
    for i, (_, row) in enumerate(table.iterrows(), start=1):
        for j, value in enumerate(row):
            grid.cell(i, j).text = str(value)
    for i in range(rows):
        for j in range(ncols):
            for para in grid.cell(i, j).text_frame.paragraphs:
                for run in para.runs:
                    run.font.size = Pt(12 if i else 11)
    _footer(slide, view)

    # 5+. Charts, then the journey's flows
    for chart in view.charts:
        _picture_slide(deck, view, images[f"chart-{chart.key}"])
    for key in _flow_pictures(view):
        _picture_slide(deck, view, images[key])

    out = io.BytesIO()
    deck.save(out)
    return out.getvalue()


def _table_slide(deck, view, title: str, table, *, font: int = 12) -> None:
    """A slide with a title and one table of text (already protected)."""
    width, _ = SLIDE_SIZE
    slide = deck.slides.add_slide(deck.slide_layouts[6])
    _title(slide, title)
    rows, ncols = len(table) + 1, len(table.columns)
    shape = slide.shapes.add_table(
        rows, ncols, Inches(0.4), Inches(1.2), width - Inches(0.8), Inches(0.4) * rows
    )
    grid = shape.table
    for j, header in enumerate(table.columns):
        grid.cell(0, j).text = str(header)
    for i, (_, row) in enumerate(table.iterrows(), start=1):
        for j, value in enumerate(row):
            grid.cell(i, j).text = str(value)
    for i in range(rows):
        for j in range(ncols):
            for para in grid.cell(i, j).text_frame.paragraphs:
                for run in para.runs:
                    run.font.size = Pt(font if i else font - 1)
    return slide


def sites_slide_kinds(view) -> list[str]:
    """The slides :func:`build_sites_deck` makes, in order."""
    return ["title", *(["map"] if view.map_areas is not None else []), "key_figures", "sites", "method"]


def build_sites_deck(view, map_png: bytes | None = None) -> bytes:
    """Where the next service points should go (:class:`exports.sites.SitesView`) as ``.pptx``:
    title, the map of distances with the points and the proposed sites, the reach figures, the
    sites with what each adds (the greedy answer beside them), the method and its limits."""
    from exports.sites import sites_map

    width, _ = SLIDE_SIZE
    deck = Presentation()
    deck.slide_width, deck.slide_height = SLIDE_SIZE
    slide = deck.slides.add_slide(deck.slide_layouts[6])
    _text(
        slide,
        Inches(0.8),
        Inches(2.0),
        width - Inches(1.6),
        Inches(1.6),
        view.title,
        36,
        bold=True,
        colour=ACCENT,
    )
    _text(slide, Inches(0.8), Inches(3.7), width - Inches(1.6), Inches(0.7), view.subtitle, 22)
    _text(
        slide,
        Inches(0.8),
        Inches(4.5),
        width - Inches(1.6),
        Inches(1.0),
        view.t("export.deck.sources", sources=", ".join(view.sources) or "–"),
        16,
        colour=GREY,
    )
    _text(
        slide,
        Inches(0.8),
        Inches(5.3),
        width - Inches(1.6),
        Inches(0.5),
        view.t("export.deck.made", date=i18n.fmt_date(view.as_of, view.lang)),
        14,
        colour=GREY,
    )
    _footer(slide, view)
    png = map_png if map_png is not None else sites_map(view, IMAGE_SIZE)
    if png is not None:
        _picture_slide(deck, view, png)
    # the reach figures of the area and the share with the new sites
    slide = deck.slides.add_slide(deck.slide_layouts[6])
    _title(slide, f"{view.t('export.deck.key_figures')} — {view.area_name}, {view.period}")
    box_w = (width - Inches(0.8)) / 2
    for i, figure in enumerate(view.key_figures):
        left = Inches(0.4) + Emu(int(box_w * (i % 2)))
        top_ = Inches(1.3) + Inches(2.4) * (i // 2)
        _text(slide, left, top_, Emu(int(box_w)) - Inches(0.2), Inches(0.5), figure.label, 16, colour=GREY)
        _text(
            slide,
            left,
            top_ + Inches(0.5),
            Emu(int(box_w)) - Inches(0.2),
            Inches(1.0),
            figure.text,
            44,
            bold=True,
            colour=ACCENT,
        )
    _text(
        slide,
        Inches(0.4),
        Inches(6.2),
        width - Inches(0.8),
        Inches(0.5),
        view.t("where.radius_note", km=view.radius_km, type=view.kind_label),
        12,
        colour=GREY,
    )
    _footer(slide, view)
    # the sites, and the greedy answer for comparison
    slide = _table_slide(
        deck, view, view.t("where.sites_title", n=view.n, type=view.kind_label), view.table()
    )
    _text(
        slide,
        Inches(0.4),
        min(Inches(1.4) + Inches(0.4) * (len(view.table()) + 1), Inches(5.9)),
        width - Inches(0.8),
        Inches(1.0),
        "\n".join(
            [
                view.t(
                    "where.shares",
                    before=view.shares["before"],
                    after=view.shares["after"],
                    greedy=view.shares["greedy_after"],
                ),
                view.status_text,
            ]
        ),
        14,
    )
    _footer(slide, view)
    slide = _table_slide(deck, view, view.t("where.greedy_title"), view.table("greedy"), font=11)
    _text(
        slide, Inches(0.4), Inches(5.6), width - Inches(0.8), Inches(1.2), view.method_note, 12, colour=GREY
    )
    _footer(slide, view)
    out = io.BytesIO()
    deck.save(out)
    return out.getvalue()
