"""A one-page PDF brief (fpdf2) of an area: headline figures, map, top villages, a sentence per layer.

Everything shown comes from the protected :class:`~exports.view.ExportView`, so small counts
appear as ``"<5"`` here exactly as in the deck and the tables. The layout is fixed to fit one
A4 page; long text is shortened rather than spilling onto a second page.
"""

from __future__ import annotations

import io
from pathlib import Path

from fpdf import FPDF
from PIL import Image

import i18n
from exports.static_map import view_map
from exports.view import ExportView

__all__ = ["build_brief", "MAP_SIZE"]


def _font_dir() -> Path:
    """matplotlib's bundled DejaVu fonts (matplotlib is imported when a brief is built)."""
    import matplotlib

    return Path(matplotlib.get_data_path()) / "fonts" / "ttf"


#: Pixel size of the map picture (fits the A4 text width at ~200 dpi).
MAP_SIZE = (1500, 820)
ACCENT = (128, 0, 38)
GREY = (85, 85, 85)


def _pdf() -> FPDF:
    pdf = FPDF(orientation="P", unit="mm", format="A4")
    pdf.set_auto_page_break(False)
    pdf.set_margins(14, 12, 14)
    fonts = _font_dir()
    pdf.add_font("DejaVu", "", fonts / "DejaVuSans.ttf")
    pdf.add_font("DejaVu", "B", fonts / "DejaVuSans-Bold.ttf")
    pdf.add_page()
    return pdf


def build_brief(view: ExportView, map_png: bytes | None = None, top: int = 5) -> bytes:
    """The brief as PDF bytes (one A4 page). ``map_png`` is made from the view when not given."""
    if map_png is None:
        map_png = view_map(view, MAP_SIZE)
    pdf = _pdf()
    width = pdf.epw

    pdf.set_font("DejaVu", "B", 17)
    pdf.set_text_color(*ACCENT)
    pdf.cell(width, 9, view.t("export.brief.title", area=view.area_name), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", "", 9.5)
    pdf.set_text_color(*GREY)
    subtitle = f"{view.layer_title} · {view.period} · " + view.t(
        "export.deck.made", date=i18n.fmt_date(view.as_of, view.lang)
    )
    if view.demo:
        subtitle = view.t("export.deck.demo") + " · " + subtitle
    pdf.cell(width, 5, subtitle, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)

    # Headline figures: three per row (the journey's eight: four per row).
    cols = 3 if len(view.key_figures) <= 6 else 4
    shown = view.key_figures[: 2 * cols]
    box_w = width / cols
    y0 = pdf.get_y()
    for i, figure in enumerate(shown):
        x = pdf.l_margin + box_w * (i % cols)
        y = y0 + 17 * (i // cols)
        pdf.set_xy(x, y)
        pdf.set_font("DejaVu", "", 8)
        pdf.set_text_color(*GREY)
        pdf.cell(box_w - 2, 4, _fit(pdf, figure.label, box_w - 2))
        pdf.set_xy(x, y + 4)
        pdf.set_font("DejaVu", "B", 11 if figure.no_data else 15)
        pdf.set_text_color(*(GREY if figure.no_data else ACCENT))
        pdf.cell(box_w - 2, 7, figure.text)
        if figure.change:
            pdf.set_xy(x, y + 11)
            pdf.set_font("DejaVu", "", 7.5)
            pdf.set_text_color(*GREY)
            pdf.cell(box_w - 2, 4, _fit(pdf, figure.change, box_w - 2))
    rows = (len(shown) + cols - 1) // cols
    pdf.set_xy(pdf.l_margin, y0 + 17 * rows + 1)
    if view.notes:  # what the figures cover, where it is not the whole area and period
        pdf.set_font("DejaVu", "", 7.5)
        pdf.set_text_color(*GREY)
        pdf.multi_cell(width, 3.6, " ".join(view.notes), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(1)

    # Map
    with Image.open(io.BytesIO(map_png)) as picture:
        map_w_px, map_h_px = picture.size
    map_h = min(width * map_h_px / map_w_px, 80.0 if view.flows else 110.0)
    map_w = map_h * map_w_px / map_h_px
    pdf.image(io.BytesIO(map_png), x=pdf.l_margin + (width - map_w) / 2, y=pdf.get_y(), w=map_w, h=map_h)
    pdf.set_y(pdf.get_y() + map_h + 2)

    # Where they go (the journey): per country, left, returned, problem returns
    if view.flows:
        _countries(pdf, view, width)

    # Top villages
    pdf.set_text_color(0, 0, 0)
    pdf.set_font("DejaVu", "B", 11)
    pdf.cell(width, 6, view.t("export.deck.top_villages"), new_x="LMARGIN", new_y="NEXT")
    table = view.village_table_text(top=top, columns=view.slide_columns()[:6])
    table.insert(0, view.t("export.rank"), [str(i + 1) for i in range(len(table))])
    header = [str(name) for name in table.columns]
    cells = [[str(value) for value in values] for _, values in table.iterrows()]
    widths = _column_widths(pdf, header, cells, width)
    with pdf.table(col_widths=widths, text_align="LEFT", line_height=4.6, first_row_as_headings=True) as grid:
        header = grid.row()
        for name in table.columns:
            header.cell(str(name))
        for _, values in table.iterrows():
            row = grid.row()
            for value in values:
                row.cell(str(value))
    pdf.ln(2)

    # One sentence per layer
    pdf.set_font("DejaVu", "B", 11)
    pdf.cell(width, 6, view.t("export.brief.layers"), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", "", 9)
    bottom = pdf.h - 22
    for sentence in view.sentences:
        if pdf.get_y() > bottom:
            break
        pdf.multi_cell(width, 4.6, "• " + sentence, new_x="LMARGIN", new_y="NEXT")

    # Footer: suppression note and sources.
    pdf.set_xy(pdf.l_margin, pdf.h - 17)
    pdf.set_font("DejaVu", "", 7)
    pdf.set_text_color(*GREY)
    footer = (
        view.suppression_note + " " + view.t("export.deck.sources", sources=", ".join(view.sources) or "–")
    )
    pdf.multi_cell(width, 3.4, footer)
    return bytes(pdf.output())


def _countries(pdf: FPDF, view: ExportView, width: float) -> None:
    """The journey's countries as the flow tables show them (protected): left, returned, problem."""
    from exports.journey import country_table

    table = country_table(view.flows, view.lang)
    if table.empty:
        return
    pdf.set_text_color(0, 0, 0)
    pdf.set_font("DejaVu", "B", 11)
    pdf.cell(width, 6, view.t("export.flows.title"), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", "", 8)
    headers = [view.t(f"export.flows.{k}") for k in ("country", "left", "returned", "problem")]
    with pdf.table(
        col_widths=[width * 0.4, width * 0.2, width * 0.2, width * 0.2],
        text_align="LEFT",
        line_height=4.2,
        first_row_as_headings=True,
    ) as grid:
        row = grid.row()
        for name in headers:
            row.cell(name)
        for _, values in table.iterrows():
            row = grid.row()
            for value in values:
                row.cell(str(value))
    pdf.ln(2)


def _column_widths(pdf: FPDF, header: list[str], cells: list[list[str]], width: float) -> list[float]:
    """Column widths (mm) in which no word is broken: each column at least as wide as its
    longest word (header in bold, cells), the rest of ``width`` shared by how much more each
    column's whole texts need. When even the longest words do not fit, the font shrinks (to
    6.5 pt); the font is left set for the table.

    A header such as *Kabupaten/Kota* or *Non-procedural reports* was cut mid-word
    ("Kabupaten/Ko|ta") in fixed widths.
    """
    pad = 2 * pdf.c_margin + 0.6

    def measure(size: float) -> tuple[list[float], list[float]]:
        least, whole = [], []
        for i, name in enumerate(header):
            column = [row[i] for row in cells]
            pdf.set_font("DejaVu", "B", size)
            head_words = max((pdf.get_string_width(w) for w in name.split()), default=0.0)
            head_all = pdf.get_string_width(name)
            pdf.set_font("DejaVu", "", size)
            words = max((pdf.get_string_width(w) for text in column for w in text.split()), default=0.0)
            texts = max((pdf.get_string_width(text) for text in column), default=0.0)
            least.append(max(head_words, words) + pad)
            whole.append(max(head_all, texts) + pad)
        return least, whole

    size = 8.0
    least, whole = measure(size)
    while sum(least) > width and size > 6.5:
        size -= 0.5
        least, whole = measure(size)
    pdf.set_font("DejaVu", "", size)
    spare = width - sum(least)
    if spare <= 0:
        return [width * w / sum(least) for w in least]
    wants = [max(b - a, 0.0) for a, b in zip(least, whole, strict=True)]
    need = sum(wants)
    if need >= spare:
        return [a + spare * w / need for a, w in zip(least, wants, strict=True)]
    extra = (spare - need) / len(least)
    return [b + extra if b > a else a + extra for a, b in zip(least, whole, strict=True)]


def _fit(pdf: FPDF, text: str, width: float) -> str:
    """``text`` shortened with an ellipsis to fit ``width`` mm in the current font."""
    if pdf.get_string_width(text) <= width:
        return text
    while text and pdf.get_string_width(text + "…") > width:
        text = text[:-1]
    return text + "…"


def build_sites_brief(view, map_png: bytes | None = None) -> bytes:
    """Where the next service points should go (:class:`exports.sites.SitesView`) on one A4
    page: the reach figures, the map, the sites with what each adds, the greedy answer, the
    solver's status and the method."""
    from exports.sites import sites_map

    pdf = _pdf()
    width = pdf.epw
    pdf.set_font("DejaVu", "B", 15)
    pdf.set_text_color(*ACCENT)
    pdf.multi_cell(width, 7, view.title, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", "", 9.5)
    pdf.set_text_color(*GREY)
    subtitle = f"{view.subtitle} · " + view.t("export.deck.made", date=i18n.fmt_date(view.as_of, view.lang))
    if view.demo:
        subtitle = view.t("export.deck.demo") + " · " + subtitle
    pdf.multi_cell(width, 5, subtitle, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1)
    cols = 4
    box_w = width / cols
    y0 = pdf.get_y()
    for i, figure in enumerate(view.key_figures[:cols]):
        x = pdf.l_margin + box_w * i
        pdf.set_xy(x, y0)
        pdf.set_font("DejaVu", "", 7.5)
        pdf.set_text_color(*GREY)
        pdf.cell(box_w - 2, 4, _fit(pdf, figure.label, box_w - 2))
        pdf.set_xy(x, y0 + 4)
        pdf.set_font("DejaVu", "B", 14)
        pdf.set_text_color(*ACCENT)
        pdf.cell(box_w - 2, 7, figure.text)
    pdf.set_xy(pdf.l_margin, y0 + 13)
    png = map_png if map_png is not None else sites_map(view, MAP_SIZE)
    if png is not None:
        with Image.open(io.BytesIO(png)) as picture:
            map_w_px, map_h_px = picture.size
        map_h = min(width * map_h_px / map_w_px, 95.0)
        map_w = map_h * map_w_px / map_h_px
        pdf.image(io.BytesIO(png), x=pdf.l_margin + (width - map_w) / 2, y=pdf.get_y(), w=map_w, h=map_h)
        pdf.set_y(pdf.get_y() + map_h + 2)
    for title, table in (
        (view.t("where.sites_title", n=view.n, type=view.kind_label), view.table()),
        (view.t("where.greedy_title"), view.table("greedy")),
    ):
        pdf.set_text_color(0, 0, 0)
        pdf.set_font("DejaVu", "B", 10.5)
        pdf.cell(width, 6, title, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("DejaVu", "", 8)
        widths = [10, 40, 36, 36, 30, width - 152]
        with pdf.table(
            col_widths=widths, text_align="LEFT", line_height=4.4, first_row_as_headings=True
        ) as grid:
            header = grid.row()
            for name in table.columns:
                header.cell(str(name))
            for _, values in table.iterrows():
                row = grid.row()
                for value in values:
                    row.cell(str(value))
        pdf.ln(1.5)
    pdf.set_font("DejaVu", "", 9)
    shares = view.t(
        "where.shares",
        before=view.shares["before"],
        after=view.shares["after"],
        greedy=view.shares["greedy_after"],
    )
    for line in (shares, view.status_text, view.method_note):
        if pdf.get_y() > pdf.h - 30:
            break
        pdf.multi_cell(width, 4.4, line, new_x="LMARGIN", new_y="NEXT")
    pdf.set_xy(pdf.l_margin, pdf.h - 17)
    pdf.set_font("DejaVu", "", 7)
    pdf.set_text_color(*GREY)
    pdf.multi_cell(
        width,
        3.4,
        view.suppression_note + " " + view.t("export.deck.sources", sources=", ".join(view.sources) or "–"),
    )
    return bytes(pdf.output())
