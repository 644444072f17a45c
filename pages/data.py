"""Data: import layer files (checked and previewed before saving), stored data, templates, log."""

from enum import StrEnum

import streamlit as st

import i18n
import ui
from geo.layers import LAYERS
from loaders.columns import header_score
from loaders.layers import (
    MODES,
    analyse,
    commit,
    log_frame,
    mapping_frame,
    report_frame,
    status,
    versions_frame,
)
from loaders.store import StoreError
from loaders.tabular import guess_sheet, sheet_names
from loaders.templates import template_xlsx
from ui import t


class DataKeys(StrEnum):
    """Widget and session keys of this page."""

    LAYER = "data_layer"
    UPLOAD = "data_upload"
    SHEET = "data_sheet"
    MODE = "data_mode"
    SKIP = "data_skip_invalid"
    PLAN = "data_plan"
    SAVED = "data_saved"
    DELETE = "data_delete"


def layer_title(name: str) -> str:
    return t(LAYERS[name].title_key)


def mode_label(mode: object) -> str:
    return t(f"data.mode_short.{mode}") if mode in MODES else str(mode or "")


def num(value: object) -> str:
    return i18n.fmt_int(value, ui.lang()) if value is not None else "–"


ui.demo_banner()
st.title(t("data.title"))
st.caption(t("data.intro"))
store = ui.store()
tab_import, tab_status, tab_templates, tab_log = st.tabs(
    [t("data.tab.import"), t("data.tab.status"), t("data.tab.templates"), t("data.tab.log")]
)

with tab_import:
    left, right = st.columns([1, 2])
    layer = left.selectbox(t("data.layer"), list(LAYERS), format_func=layer_title, key=DataKeys.LAYER)
    upload = right.file_uploader(
        t("data.upload"),
        type=["xlsx", "xlsm", "xls", "csv", "txt", "tsv", "htm", "html"],
        help=t("data.upload_help"),
        key=DataKeys.UPLOAD,
    )
    if upload is not None:
        data = upload.getvalue()
        sheets = sheet_names(data)
        sheet = None
        if len(sheets) > 1:
            best = guess_sheet(data, header_score)
            sheet = st.selectbox(
                t("data.sheet"), sheets, index=sheets.index(best) if best in sheets else 0, key=DataKeys.SHEET
            )
        mode = st.radio(
            t("data.mode"),
            MODES,
            format_func=lambda m: t(f"data.mode.{m}"),
            help=t("data.mode.help"),
            horizontal=True,
            key=DataKeys.MODE,
        )
        skip = st.checkbox(t("data.skip_invalid"), key=DataKeys.SKIP)
        # The plan holds no personal data (dropped first); it lives in this session only, never in a cache.
        signature = (upload.file_id, layer, sheet, skip, str(store.root), store.version())
        held = st.session_state.get(DataKeys.PLAN)
        if not held or held[0] != signature:
            with st.spinner(t("data.checking")):
                plan = analyse(layer, data, upload.name, store, sheet=sheet, skip_invalid=skip)
            st.session_state[DataKeys.PLAN] = (signature, plan)
        else:
            plan = held[1]

        st.subheader(t("data.preview", file=plan.file))
        st.caption(
            t(
                "data.read_info",
                sheet=plan.sheet or "–",
                header=plan.header_row or "–",
                encoding=plan.encoding or "–",
                delimiter={";": ";", ",": ",", "\t": "TAB"}.get(plan.delimiter or "", "–"),
            )
        )
        cols = st.columns(5)
        cols[0].metric(t("data.rows_read"), num(plan.rows_read))
        cols[1].metric(t("data.matched"), num(plan.matched))
        cols[2].metric(t("data.ambiguous"), num(plan.ambiguous))
        cols[3].metric(t("data.unmatched"), num(plan.unmatched))
        cols[4].metric(t("data.invalid"), num(plan.invalid))
        map_col, note_col = st.columns([1, 1], gap="medium")
        with map_col:
            st.markdown(f"**{t('data.mapping')}**")
            mapping = mapping_frame(plan)
            mapping["field"] = mapping["field"].map(lambda f: t(f"data.field.{f}"))
            st.dataframe(
                mapping.rename(columns={"field": t("data.col.field"), "column": t("data.col.column")}),
                hide_index=True,
                width="stretch",
            )
        with note_col:
            if plan.dropped:
                st.warning(
                    t("data.dropped", columns=", ".join(f"'{d.column}'" for d in plan.dropped)),
                    icon=":material/lock:",
                )
            else:
                st.caption(t("data.dropped_none"))
            if plan.row_level:
                st.info(t("data.row_level"))
            if plan.ignored:
                st.caption(t("data.ignored", columns=", ".join(map(str, plan.ignored))))
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
            if len(shown) <= 30:
                st.table(shown.set_index(t("data.col.row")))
            else:
                st.dataframe(
                    shown,
                    hide_index=True,
                    width="stretch",
                    column_config={t("data.col.message"): st.column_config.TextColumn(width="large")},
                )
        st.download_button(
            t("data.report_download"),
            report.to_csv(index=False).encode("utf-8-sig"),
            file_name=f"laporan_impor_{plan.file.rsplit('.', 1)[0]}.csv",
            mime="text/csv",
            icon=":material/download:",
        )
        if not plan.accepted:
            st.error(t("data.rejected"))
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
            elif st.button(t("data.confirm"), type="primary", icon=":material/save:"):
                try:
                    version = commit(plan, store, mode)
                except StoreError as err:
                    st.error(t("common.error", message=str(err)))
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
    info = status(store)["layers"]
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
            st.dataframe(
                versions.rename(
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
                    store.delete_layer_version(name, int(version_id))
                except StoreError as err:
                    st.error(t("common.error", message=str(err)))
                    st.stop()
                st.session_state.pop(DataKeys.PLAN, None)
                st.toast(t("data.deleted", layer=layer_title(name), version=version_id))
                st.rerun()

with tab_templates:
    st.caption(t("data.templates_intro"))
    for name in LAYERS:
        st.download_button(
            t("data.template_download", layer=layer_title(name)),
            template_xlsx(name),
            file_name=f"templat_{name}.xlsx",
            mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            key=f"data_template_{name}",
            icon=":material/table_view:",
        )

with tab_log:
    log = log_frame(store)
    log["layer"] = log["layer"].map(lambda n: layer_title(n) if n in LAYERS else n)
    log["mode"] = log["mode"].map(mode_label)
    if log.empty:
        st.info(t("data.log.empty"))
    else:
        st.dataframe(
            log.drop(columns=["sha256"]).rename(
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
