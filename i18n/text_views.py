"""Texts of the view bar (breadcrumb, search), the map notes and the files the pages offer."""

TEXT = {
    # breadcrumb and the area named over the headline cards
    "crumb.all": ("Indonesia", "Indonesia"),
    "crumb.district": ("Kec. {name}", "{name} District"),
    "dash.cards_for": ("{area} · {year}", "{area} · {year}"),
    # village search over many villages: a few letters first
    "dash.search_type": ("Ketik nama desa…", "Type a village name…"),
    "dash.search_pick": ("Pilih desa ({n} cocok)", "Choose a village ({n} found)"),
    # the map
    "map.fewer_classes": (
        "Diminta {asked} kelas, peta menampilkan {k}: nilai {n} wilayah berdata tidak cukup berbeda untuk lebih banyak kelas.",
        "{asked} classes asked, the map shows {k}: the values of the {n} areas with data do not differ enough for more.",
    ),
    # names of the files the pages offer for download
    "file.villages_without_polygon": ("desa_tanpa_poligon.csv", "villages_without_polygon.csv"),
    "file.hotspots": ("titik_panas.csv", "hotspots.csv"),
    "file.coverage_gaps": ("celah_cakupan.csv", "coverage_gaps.csv"),
    "file.priority": ("prioritas_desa", "village_priority"),
    "file.template": ("templat_{layer}.xlsx", "template_{layer}.xlsx"),
    # charts
    "chart.none_recorded": (
        "Tidak ada yang tercatat untuk rincian ini",
        "Nothing recorded for this breakdown",
    ),
    # presentation mode
}
