"""Data: import layer files (checked and previewed before saving), stored data, boundaries, templates, log."""

from datetime import datetime
from enum import StrEnum

import streamlit as st

import i18n
import ui
from geo.cells import neutralise
from geo.codes import Level
from geo.data_coverage import layer_level
from geo.layers import LAYERS
from loaders import accounts
from loaders.accounts import AccessDenied
from loaders.boundaries import FetchError, fetch, fetch_choices, import_upload
from loaders.boundaries import status as boundary_status
from loaders.boundary_files import BoundaryFileError
from loaders.layers import (
    MODES,
    analyse,
    commit,
    delete_version,
    log_frame,
    mapping_frame,
    match_frame,
    provinces_changed,
    replace_plan,
    report_frame,
    summary_messages,
    undo,
    undo_plan,
    versions_frame,
)
from loaders.layers.plan import coverage_lines
from loaders.settings import settings
from loaders.store import StoreError
from loaders.tabular import sheet_names
from loaders.templates import template_xlsx
from ui import auth, md_text, reads, t


class DataKeys(StrEnum):
    """Widget and session keys of this page."""

    LAYER = "data_layer"
    UPLOAD = "data_upload"
    SHEET = "data_sheet"
    MODE = "data_mode"
    SKIP = "data_skip_invalid"
    MATCH_FILTER = "data_match_filter"
    PLAN = "data_plan"
    SAVED = "data_saved"
    DELETE = "data_delete"
    BND_SWITCH = "data_bnd_switch"
    BND_PROVINCE = "data_bnd_province"
    BND_REGENCIES = "data_bnd_regencies"
    BND_FETCH = "data_bnd_fetch"
    BND_FETCHED = "data_bnd_fetched"
    BND_UPLOAD = "data_bnd_upload"
    BND_CODE_COLUMN = "data_bnd_code_column"
    BND_NAME_COLUMN = "data_bnd_name_column"
    BND_LAYER = "data_bnd_layer"
    BND_IMPORT = "data_bnd_import"
    BND_IMPORTED = "data_bnd_imported"
    SHEETS = "data_sheets"
    UPLOAD_DENIED = "data_upload_denied"
    COVER_LEVEL = "data_cover_level"
    REPLACE_OK = "data_replace_ok"
    UNDO = "data_undo"


def layer_title(name: str) -> str:
    return t(LAYERS[name].title_key)


def mode_label(mode: object) -> str:
    return t(f"data.mode_short.{mode}") if mode in MODES else str(mode or "")


def mode_choices() -> dict[str, str]:
    """The save modes as the radio offers them: "replace all" names the provinces it replaces
    when the user may change only some (a steward: rows of other provinces stay)."""
    labels = {mode: t(f"data.mode.{mode}") for mode in MODES}
    limit = accounts.write_scope()
    if limit is not None:
        labels["replace_all"] = t("data.mode.replace_all_limited", provinces=", ".join(sorted(limit)) or "-")
    return labels


def file_shown(frame):
    """The file column of a versions or log table: a version that also holds other provinces'
    rows (``partial``) names no file (its name is not the user's to see)."""
    return frame["file"].where(~frame["partial"].astype(bool), t("data.file_hidden"))


def num(value: object) -> str:
    return i18n.fmt_int(value, ui.lang()) if value is not None else "–"


def cells(frame, columns: list[str]):
    """``frame`` with ``columns`` written as the page writes counts ("1.210"), "–" where missing
    (a version that names no count, a boundary entry of the log), never "None"."""
    out = frame.astype(object)
    for column in columns:
        out[column] = [num(v) if v is not None and v == v else "–" for v in frame[column]]
    return out.where(out.notna(), "–").astype(str)  # one type per column, as Arrow sends it


def day(stamp: object) -> str:
    """An ISO time stamp of the store as a date in the interface language."""
    try:
        return i18n.fmt_date(datetime.fromisoformat(str(stamp)), ui.lang())
    except ValueError:
        return str(stamp or "–")


def listed(items: list[str], limit: int = 20) -> str:
    more = len(items) - limit
    return ", ".join(items[:limit]) + (" " + t("boundaries.more", count=num(more)) if more > 0 else "")


def show_written(provinces: dict[str, dict]) -> None:
    """One success line per province a boundary fetch or import wrote."""
    for code, meta in provinces.items():
        villages, without = meta.get("villages", 0), meta.get("without_polygon", 0)
        st.success(
            t(
                "data.boundaries.written",
                code=code,
                name=md_text(meta.get("name") or ""),
                villages=num(villages),
                with_polygon=num(villages - without),
                without=num(without),
            ),
            icon=":material/check_circle:",
        )


def workbook_sheets(upload) -> list[str]:
    """The sheets of an uploaded workbook, found once per upload (session state), never on a
    rerun. A file that fails the size and member checks
    (``check_upload``: a zip bomb, a huge declared sheet) lists none: it is never opened, and the
    import's report says why."""
    held = st.session_state.get(DataKeys.SHEETS)
    if held and held[0] == upload.file_id:
        return held[1]
    sheets = sheet_names(upload.getvalue())
    st.session_state[DataKeys.SHEETS] = (upload.file_id, sheets)
    return sheets


def may_upload(name: str) -> bool:
    """With sign-in on, only a user who may import somewhere (a steward with a grant, an admin)
    has a file read at all; a refusal is shown and recorded once per upload."""
    if auth.may_write([]):
        return True
    held = st.session_state.get(DataKeys.UPLOAD_DENIED)
    if held != name:
        try:
            accounts.authorize(accounts.Action.IMPORT, [], file=name)
        except AccessDenied:
            pass
        st.session_state[DataKeys.UPLOAD_DENIED] = name
    st.error(t("data.upload_denied", reason=auth.denied_text([])), icon=":material/block:")
    return False


def show_coverage(plan) -> None:
    """What the file speaks for (areas and years), and the level the steward may adjust it to:
    what *replace* replaces, and where a village without a row counts as 0."""
    st.markdown(f"**{t('coverage.describe.title')}**")
    levels = [Level.PROVINCE, Level.REGENCY, Level.DISTRICT, Level.VILLAGE]
    level = st.selectbox(
        t("coverage.level"),
        levels,
        index=levels.index(layer_level(plan.layer)),
        format_func=lambda lv: t(f"coverage.level.{lv.key}"),
        help=t("coverage.level.help"),
        key=f"{DataKeys.COVER_LEVEL}_{plan.layer}",
    )
    plan.cover(level)
    lines = coverage_lines(plan.coverage, ui.lang(), limit=30)
    st.dataframe({t("coverage.describe.title"): lines}, hide_index=True, width="stretch")
    st.caption(t("coverage.describe.rule"))


def show_replace_plan(seen) -> None:
    """What a write would replace or remove of the stored rows, before anything is written."""
    st.markdown(f"**{t('replace.title')}**")
    lines = seen.lines(ui.lang())
    if not seen.removes:
        st.info(lines[0], icon=":material/check:")
        return
    st.warning(lines[0], icon=":material/warning:")
    areas = seen.areas.copy()
    areas["year"] = areas["year"].map(
        lambda y: t("coverage.view.every_year") if y is None or y != y else str(y)
    )
    st.dataframe(
        cells(areas, ["rows", "total"]).rename(
            columns={
                "area": t("coverage.view.col.code"),
                "name": t("coverage.view.col.area"),
                "year": t("coverage.view.col.year"),
                "rows": t("coverage.view.col.rows"),
                "total": t("coverage.view.col.total"),
            }
        ),
        hide_index=True,
        width="stretch",
    )
    for line in lines[1 + len(areas) :]:
        st.caption(line)


def show_undo(name: str) -> None:
    """The layer's last write (or delete) and a confirmed button putting it back exactly."""
    found = undo_plan(store, name)
    if found is None or not auth.may_write(found.provinces):
        return
    st.markdown(f"**{t('undo.title')}**")
    st.caption(found.text(ui.lang()))
    sure = st.checkbox(t("undo.confirm", layer=layer_title(name)), key=f"{DataKeys.UNDO}_{name}_sure")
    if st.button(t("undo.button"), key=f"{DataKeys.UNDO}_{name}", disabled=not sure, icon=":material/undo:"):
        try:
            undo(store, name)
        except AccessDenied as err:
            st.error(err.message(ui.lang()))
            st.stop()
        except StoreError as err:
            st.error(t("common.error", message=md_text(str(err))))
            st.stop()
        st.session_state.pop(DataKeys.PLAN, None)
        st.session_state.pop(DataKeys.SAVED, None)
        done = "undo.done_delete" if found.point.get("action") == "delete" else "undo.done"
        st.toast(t(done, layer=layer_title(name), version=found.point.get("version")))
        st.rerun()


def show_coverage_view(names: list[str]) -> None:
    """What each layer holds, area × year (the stated coverage of its versions, with totals)."""
    st.caption(t("coverage.view.intro"))
    if not names:
        st.info(t("coverage.view.empty"))
    for name in names:
        table = reads.coverage_table(name)
        if table.empty:
            continue
        st.markdown(f"**{t('coverage.view.matrix', layer=layer_title(name))}**")
        table["year"] = table["year"].map(
            lambda y: t("coverage.view.every_year") if y is None or y != y else str(y)
        )
        table["total"] = table["total"].map(num)
        table["label"] = table["name"].astype(str) + " (" + table["area"].astype(str) + ")"
        grid = table.pivot_table(index="label", columns="year", values="total", aggfunc="first")
        grid = grid.where(grid.notna(), "–")
        grid.index.name = t("coverage.view.col.area")
        st.dataframe(grid.astype(str), width="stretch")


ui.demo_banner()
ui.localise_uploader()
st.title(t("data.title"))
st.caption(t("data.intro"))
store = ui.store()
tab_import, tab_status, tab_boundaries, tab_templates, tab_log, *tab_audit = st.tabs(
    [
        t("data.tab.import"),
        t("data.tab.status"),
        t("data.tab.boundaries"),
        t("data.tab.templates"),
        t("data.tab.log"),
        *([t("audit.tab")] if auth.is_admin() else []),
    ],
    # the empty-store buttons of the dashboard pages open the boundaries tab (?tab=boundaries)
    default=t("data.tab.boundaries") if st.query_params.get("tab") == "boundaries" else None,
)

with tab_import:
    left, right = st.columns([1, 2])
    layer = left.selectbox(t("data.layer"), list(LAYERS), format_func=layer_title, key=DataKeys.LAYER)
    upload = right.file_uploader(
        t("data.upload"),
        type=["xlsx", "xlsm", "xls", "ods", "csv", "txt", "tsv", "htm", "html"],
        help=t("data.upload_help"),
        key=DataKeys.UPLOAD,
    )
    if upload is not None and may_upload(upload.name):
        data = upload.getvalue()
        sheets = workbook_sheets(upload)
        sheet = None
        if len(sheets) > 1:
            # by default every sheet holding the same table is read (named in the summary)
            sheet = st.selectbox(
                t("data.sheet"),
                [None, *sheets],
                format_func=lambda s: t("data.sheet_all") if s is None else s,
                help=t("data.sheet_help"),
                key=DataKeys.SHEET,
            )
        skip = st.checkbox(t("data.skip_invalid"), key=DataKeys.SKIP)
        # The plan holds no personal data (dropped first); it lives in this session only, never in a cache.
        signature = (upload.file_id, layer, sheet, skip, store.key, store.version())
        held = st.session_state.get(DataKeys.PLAN)
        if not held or held[0] != signature:
            with st.spinner(t("data.checking")):
                plan = analyse(layer, data, upload.name, store, sheet=sheet, skip_invalid=skip)
            st.session_state[DataKeys.PLAN] = (signature, plan)
        else:
            plan = held[1]

        st.subheader(t("data.preview", file=md_text(plan.file)))
        st.caption(
            t(
                "data.read_info",
                sheet=md_text(plan.sheet or "–"),
                header=plan.header_row or "–",
                encoding=plan.encoding or "–",
                delimiter={";": ";", ",": ",", "\t": "TAB"}.get(plan.delimiter or "", "–"),
            )
        )
        cols = st.columns(6)
        cols[0].metric(t("data.rows_read"), num(plan.rows_read))
        cols[1].metric(t("data.matched"), num(plan.matched))
        cols[2].metric(t("data.ambiguous"), num(plan.ambiguous))
        cols[3].metric(t("data.unmatched"), num(plan.unmatched))
        cols[4].metric(t("data.subtotals"), num(plan.subtotals))
        cols[5].metric(t("data.invalid"), num(plan.invalid))
        map_col, note_col = st.columns([1, 1], gap="medium")
        with map_col:
            st.markdown(f"**{t('data.mapping')}**")
            mapping = mapping_frame(plan)
            mapping["field"] = mapping["field"].map(lambda f: t(f"data.field.{f}"))
            mapping["column"] = mapping["column"].map(
                lambda c: t("data.col.from_sheet") if str(c).startswith("_sheet_") else c
            )
            st.dataframe(
                mapping.rename(columns={"field": t("data.col.field"), "column": t("data.col.column")}),
                hide_index=True,
                width="stretch",
            )
        with note_col:
            if plan.dropped:
                st.warning(
                    t("data.dropped", columns=md_text(", ".join(f"'{d.column}'" for d in plan.dropped))),
                    icon=":material/lock:",
                )
            else:
                st.caption(t("data.dropped_none"))
            if plan.row_level:
                st.info(
                    t("data.row_level.service_points" if plan.layer == "service_points" else "data.row_level")
                )
            # every sheet read and not read (and why), every column not used: never silent
            lines = summary_messages(plan, ui.lang())
            if lines:  # file text (sheet and column names) shown as data, never as markdown
                st.dataframe({t("data.summary"): lines}, hide_index=True, width="stretch")
        st.markdown(f"**{t('data.report')}**")
        report = report_frame(plan, ui.lang())
        if report.empty:
            st.caption(t("data.report_empty"))
        else:
            shown = report[["row", "severity", "message"]].copy()
            shown["row"] = shown["row"].map(lambda r: "" if r is None or r != r else str(int(r)))
            shown["severity"] = shown["severity"].map(lambda s: t(f"data.severity.{s}"))
            shown = shown.rename(
                columns={
                    "row": t("data.col.row"),
                    "severity": t("data.col.severity"),
                    "message": t("data.col.message"),
                }
            )
            if len(shown) <= 30:  # st.table renders Markdown in its cells: the messages quote files
                shown[t("data.col.message")] = shown[t("data.col.message")].map(md_text)
                st.table(shown.set_index(t("data.col.row")))
            else:
                st.dataframe(
                    shown,
                    hide_index=True,
                    width="stretch",
                    column_config={t("data.col.message"): st.column_config.TextColumn(width="large")},
                )
        st.markdown(f"**{t('data.matches')}**")
        joins = match_frame(plan)
        if joins.empty:
            st.caption(t("data.matches_empty"))
        else:
            kinds = sorted(set(joins["method"].where(joins["status"] == "matched", joins["status"])))
            chosen = st.multiselect(
                t("data.matches_filter"),
                kinds,
                default=[],
                format_func=lambda m: t(f"data.method.{m}"),
                placeholder=t("data.matches_all"),
                key=DataKeys.MATCH_FILTER,
            )
            shown = joins.copy()
            shown["kind"] = shown["method"].where(shown["status"] == "matched", shown["status"])
            if chosen:
                shown = shown[shown["kind"].isin(chosen)]
            shown["kind"] = shown["kind"].map(lambda m: t(f"data.method.{m}"))
            shown["score"] = shown["score"].map(lambda v: "" if v != v else f"{v:.0f}")
            shown_columns = ["row", "kind", "score", "village", "village_name", "district", "regency"]
            if "sheet" in shown:  # a workbook read whole: the row's sheet first
                shown_columns.insert(0, "sheet")
            shown = shown[shown_columns].rename(columns={c: t(f"data.col.match_{c}") for c in shown_columns})
            st.dataframe(ui.readable(shown), hide_index=True, width="stretch")
        st.download_button(
            t("data.report_download"),
            neutralise(report_frame(plan, ui.lang(), matches=True)).to_csv(index=False).encode("utf-8-sig"),
            file_name=f"laporan_impor_{plan.file.rsplit('.', 1)[0]}.csv",
            mime="text/csv",
            icon=":material/download:",
        )
        if not plan.accepted:
            st.error(t("data.rejected"))
            row_errors = [i for i in plan.errors if i.row is not None]
            if not skip and row_errors and len(row_errors) == len(plan.errors):
                # a few rows with an unknown value (a programme type, a count): keep the others
                bad_rows = len({i.row for i in row_errors})
                st.button(
                    t("data.keep_other_rows", n=num(bad_rows), rest=num(max(plan.rows_read - bad_rows, 0))),
                    on_click=auth.guarded(lambda: st.session_state.update({DataKeys.SKIP: True})),
                    icon=":material/playlist_remove:",
                )
        else:
            summary = plan.summary()
            st.success(
                t(
                    "data.ready",
                    rows=num(summary["stored_rows"]),
                    villages=num(plan.frame["village"].nunique()),
                    total=num(summary["total"]),
                )
            )
            if plan.rejected_rows:
                st.warning(t("data.not_stored_rows", n=num(plan.rejected_rows)))
            show_coverage(plan)
            # how to save, right above what it would replace (a choice in plain words)
            mode = st.radio(
                t("data.mode"),
                MODES,
                format_func=mode_choices().get,
                help=t("data.mode.help"),
                horizontal=True,
                key=DataKeys.MODE,
            )
            saved = st.session_state.get(DataKeys.SAVED)
            if saved and saved[0] == plan.sha256:
                st.success(
                    t(
                        "data.imported",
                        layer=layer_title(plan.layer),
                        version=saved[1],
                        rows=num(len(plan.frame)),
                    )
                )
            elif ui.is_demo():
                st.info(t("data.demo_readonly"))
            elif not auth.may_write(changes := provinces_changed(plan, store, mode)):
                st.error(auth.denied_text(changes), icon=":material/block:")
            else:
                # what goes is stated before anything is written, and confirmed when anything does
                seen = replace_plan(plan, store, mode)
                show_replace_plan(seen)
                st.caption(t("data.changes", provinces=", ".join(changes)))
                sure = not seen.removes or st.checkbox(
                    t("replace.confirm", rows=num(seen.rows)),
                    key=f"{DataKeys.REPLACE_OK}_{plan.sha256[:16]}_{mode}",  # each file and mode anew
                )
                if st.button(t("data.confirm"), type="primary", icon=":material/save:", disabled=not sure):
                    try:
                        version = commit(plan, store, mode, confirmed=seen)
                    except AccessDenied as err:
                        st.error(err.message(ui.lang()), icon=":material/block:")
                        st.stop()
                    except StoreError:
                        st.error(t("replace.changed"))
                        st.session_state.pop(DataKeys.PLAN, None)
                        st.stop()
                    st.session_state[DataKeys.SAVED] = (plan.sha256, version)
                    st.session_state.pop(DataKeys.PLAN, None)
                    st.success(
                        t(
                            "data.imported",
                            layer=layer_title(plan.layer),
                            version=version,
                            rows=num(len(plan.frame)),
                        )
                    )

with tab_status:
    info = reads.layer_status()["layers"]
    if not any(row["versions"] for row in info.values()):
        st.info(t("data.status.empty"))
    table = [
        {
            t("data.col.layer"): layer_title(name),
            t("data.col.versions"): row["versions"],
            t("data.col.rows"): num(row["rows"]),
            t("data.col.villages"): num(row["villages"]),
            t("data.col.total"): num(row["total"]),
        }
        for name, row in info.items()
    ]
    st.dataframe(table, hide_index=True, width="stretch")
    for name, row in info.items():
        if not row["versions"]:
            continue
        with st.expander(t("data.versions_of", layer=layer_title(name))):
            versions = versions_frame(store, name)
            versions["mode"] = versions["mode"].map(mode_label)
            versions["file"] = file_shown(versions)
            if versions["partial"].any():
                st.caption(t("data.partial_note"))
            counts = ["rows_read", "rows_matched", "rows_rejected", "stored_rows", "total"]
            st.dataframe(
                ui.readable(cells(versions.drop(columns=["partial"]), counts), times=("written_at",)).rename(
                    columns={
                        "id": t("data.col.version"),
                        "file": t("data.col.file"),
                        "written_at": t("data.col.written"),
                        "mode": t("data.col.mode"),
                        "rows_read": t("data.rows_read"),
                        "rows_matched": t("data.col.matched"),
                        "rows_rejected": t("data.col.rejected"),
                        "stored_rows": t("data.col.rows"),
                        "total": t("data.col.total"),
                    }
                ),
                hide_index=True,
                width="stretch",
            )
            if ui.is_demo():
                continue
            pick, button = st.columns([2, 1], vertical_alignment="bottom")
            version_id = pick.selectbox(
                t("data.delete_version"), versions["id"].tolist(), key=f"{DataKeys.DELETE}_{name}"
            )
            if button.button(
                t("data.delete_button"), key=f"{DataKeys.DELETE}_{name}_go", icon=":material/delete:"
            ):
                try:
                    delete_version(store, name, int(version_id))
                except AccessDenied as err:
                    st.error(err.message(ui.lang()))
                    st.stop()
                except StoreError as err:
                    st.error(t("common.error", message=md_text(str(err))))
                    st.stop()
                st.session_state.pop(DataKeys.PLAN, None)
                st.toast(t("data.deleted", layer=layer_title(name), version=version_id))
                st.rerun()
            show_undo(name)
    st.subheader(t("coverage.tab"))  # what each layer covers, area x year
    show_coverage_view([name for name, row in info.items() if row["versions"]])

with tab_boundaries:
    # Boundaries are always written to the user's store, never to the bundled demo pack.
    target = ui.user_store()
    st.caption(t("data.boundaries.intro"))
    if ui.is_demo():
        note, switch = st.columns([3, 1], vertical_alignment="center")
        note.info(t("data.boundaries.demo_target", store=target.label), icon=":material/info:")
        switch.button(
            t("data.boundaries.switch"),
            on_click=auth.guarded(ui.use_store),
            key=DataKeys.BND_SWITCH,
            icon=":material/swap_horiz:",
        )

    st.subheader(t("data.boundaries.fetch_title"))
    # the provinces this user may write (a steward's grants; every one for an admin or sign-in off)
    provinces = {code: name for code, name in fetch_choices().items() if auth.may_write([code])}
    left, right = st.columns([1, 2])
    province = left.selectbox(
        t("data.boundaries.province"),
        list(provinces),
        index=None,
        placeholder=t("data.boundaries.province_pick"),
        format_func=lambda code: f"{code} {provinces[code]}",
        key=DataKeys.BND_PROVINCE,
    )
    regency_names = fetch_choices(province) if province else {}
    regencies = right.multiselect(
        t("data.boundaries.regencies"),
        list(regency_names),
        format_func=lambda code: f"{code} {regency_names[code]}",
        placeholder=t("data.boundaries.regencies_all"),
        help=t("data.boundaries.regencies_help"),
        disabled=province is None,
        key=DataKeys.BND_REGENCIES,
    )
    st.caption(
        t("boundaries.attribution_cli") + " · " + t("data.boundaries.archive", url=settings().archive_url)
    )
    if st.button(
        t("data.boundaries.fetch_button"),
        type="primary",
        icon=":material/download:",
        disabled=province is None,
        key=DataKeys.BND_FETCH,
    ):
        bar = st.progress(0.0)

        def progress(done: int, total: int, label: str) -> None:
            text = (
                t("data.boundaries.building")
                if done >= total
                else t("data.boundaries.progress", label=label, done=num(done), total=num(total))
            )
            bar.progress(done / total if total else 1.0, text=text)

        try:
            result = fetch(
                target,
                province=None if regencies else province,
                regencies=regencies or None,
                progress=progress,
            )
        except (FetchError, AccessDenied) as err:
            st.session_state[DataKeys.BND_FETCHED] = err
        else:
            st.session_state[DataKeys.BND_FETCHED] = result
            if isinstance(
                (st.session_state.get(DataKeys.BND_IMPORTED) or (None, None))[1], BoundaryFileError
            ):
                del st.session_state[DataKeys.BND_IMPORTED]  # a success clears the stale error
        bar.empty()
    fetched = st.session_state.get(DataKeys.BND_FETCHED)
    if isinstance(fetched, AccessDenied):
        st.error(fetched.message(ui.lang()))
    elif isinstance(fetched, FetchError):
        st.error(t("data.boundaries.fetch_failed", message=fetched.message(ui.lang())))
    elif fetched is not None:
        show_written(fetched.provinces)
        st.caption(
            t("boundaries.cli.downloaded", downloaded=num(fetched.downloaded), cached=num(fetched.cached))
        )
        if fetched.missing:
            st.warning(t("boundaries.cli.missing", items=listed(fetched.missing)))
        if fetched.unknown_codes:
            st.warning(t("boundaries.cli.unknown_codes", items=listed(fetched.unknown_codes)))

    st.subheader(t("data.boundaries.import_title"))
    boundary_file = st.file_uploader(
        t("data.boundaries.upload"),
        type=["gpkg", "zip", "geojson", "json", "parquet", "geoparquet"],
        help=t("data.boundaries.upload_help"),
        key=DataKeys.BND_UPLOAD,
    )
    code_col, name_col, layer_col = st.columns(3)
    code_column = code_col.text_input(
        t("data.boundaries.code_column"),
        placeholder=t("data.boundaries.auto"),
        help=t("data.boundaries.code_column_help"),
        key=DataKeys.BND_CODE_COLUMN,
    )
    name_column = name_col.text_input(
        t("data.boundaries.name_column"),
        placeholder=t("data.boundaries.auto"),
        help=t("data.boundaries.name_column_help"),
        key=DataKeys.BND_NAME_COLUMN,
    )
    layer_name = layer_col.text_input(
        t("data.boundaries.layer"),
        placeholder=t("data.boundaries.auto"),
        help=t("data.boundaries.layer_help"),
        key=DataKeys.BND_LAYER,
    )
    if st.button(
        t("data.boundaries.import_button"),
        type="primary",
        icon=":material/upload:",
        disabled=boundary_file is None,
        key=DataKeys.BND_IMPORT,
    ):
        try:
            with st.spinner(t("data.boundaries.importing", file=md_text(boundary_file.name))):
                imported = import_upload(
                    target,
                    boundary_file.name,
                    boundary_file.getvalue(),
                    code_column=code_column.strip() or None,
                    name_column=name_column.strip() or None,
                    layer=layer_name.strip() or None,
                    lang=ui.lang(),
                )
        except (BoundaryFileError, AccessDenied) as err:
            st.session_state[DataKeys.BND_IMPORTED] = (boundary_file.name, err)
        else:
            st.session_state[DataKeys.BND_IMPORTED] = (boundary_file.name, imported)
            if isinstance(st.session_state.get(DataKeys.BND_FETCHED), FetchError):
                del st.session_state[DataKeys.BND_FETCHED]  # a success clears the stale error
    if held := st.session_state.get(DataKeys.BND_IMPORTED):
        name, outcome = held
        if isinstance(outcome, (BoundaryFileError, AccessDenied)):
            st.error(md_text(outcome.message(ui.lang())))
        else:
            level = t(f"boundaries.level.{outcome.level.key}")
            st.caption(t("boundaries.cli.read", file=md_text(name), rows=num(outcome.rows), level=level))
            show_written(outcome.provinces)
            if outcome.problems:
                st.warning(
                    "\n".join(
                        [t("data.boundaries.problems"), *(f"- {md_text(line)}" for line in outcome.problems)]
                    )
                )

    st.subheader(t("data.boundaries.status_title"))
    st.caption(t("data.boundaries.status_where", store=target.label))
    held_boundaries = boundary_status(target)["provinces"]
    if not held_boundaries:
        st.info(t("data.boundaries.status_empty"))
    else:
        st.dataframe(
            [
                {
                    t("data.boundaries.col.province"): f"{code} {row['name'] or ''}".strip(),
                    t("data.boundaries.col.villages"): num(row["villages"]),
                    t("data.boundaries.col.without"): num(row["without_polygon"]),
                    t("data.boundaries.col.source"): row["source"] or "–",
                    t("data.boundaries.col.date"): day(row["imported_at"]),
                }
                for code, row in held_boundaries.items()
            ],
            hide_index=True,
            width="stretch",
        )

with tab_templates:
    st.caption(t("data.templates_intro"))
    for name in LAYERS:
        st.download_button(
            t("data.template_download", layer=layer_title(name)),
            template_xlsx(name),
            file_name=t("file.template", layer=name),
            mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            key=f"data_template_{name}",
            icon=":material/table_view:",
        )

with tab_log:
    log = log_frame(store)
    log["layer"] = log["layer"].map(lambda n: layer_title(n) if n in LAYERS else n)
    log["mode"] = log["mode"].map(mode_label)
    log["file"] = file_shown(log)
    if log.empty:
        st.info(t("data.log.empty"))
    else:
        if log["partial"].any():
            st.caption(t("data.partial_note"))
        st.dataframe(
            ui.readable(
                cells(
                    log.drop(columns=["sha256", "partial"]),
                    ["version", "rows_read", "rows_matched", "rows_rejected"],
                ),
                times=("at",),
            ).rename(
                columns={
                    "at": t("data.col.written"),
                    "layer": t("data.col.layer"),
                    "file": t("data.col.file"),
                    "mode": t("data.col.mode"),
                    "version": t("data.col.version"),
                    "rows_read": t("data.rows_read"),
                    "rows_matched": t("data.col.matched"),
                    "rows_rejected": t("data.col.rejected"),
                }
            ),
            hide_index=True,
            width="stretch",
        )

for tab in tab_audit:  # admins only (sign-in on)
    with tab:
        auth.audit_tab()
