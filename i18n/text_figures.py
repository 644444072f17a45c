"""Texts of the headline-figure registry (geo/figures.py): names, definitions, changes, periods."""

TEXT = {
    # names (one per figure of geo.figures.FIGURES)
    "figure.placements": ("Penempatan PMI", "Placements"),
    "figure.share_women": ("Perempuan", "Share of women"),
    "figure.origin_villages": ("Desa asal", "Villages of origin"),
    "figure.programme_villages": ("Desa berprogram", "Programme villages"),
    "figure.enterprises": ("Usaha PMI purna", "Returnee enterprises"),
    "figure.reports": ("Laporan non-prosedural", "Non-procedural reports"),
    # definitions (what is counted, period rule)
    "figure.help.placements": (
        "Jumlah pekerja yang ditempatkan pada tahun terpilih di wilayah terpilih.",
        "Workers placed in the chosen year in the chosen area.",
    ),
    "figure.help.share_women": (
        "Bagian perempuan di antara penempatan tahun terpilih yang jenis kelaminnya tercatat.",
        "Women among the chosen year's placements whose gender is recorded.",
    ),
    "figure.help.origin_villages": (
        "Desa/kelurahan dengan sedikitnya satu penempatan pada tahun terpilih.",
        "Villages with at least one placement in the chosen year.",
    ),
    "figure.help.programme_villages": (
        "Desa dengan program komunitas yang aktif dan sudah dimulai pada tahun terpilih.",
        "Villages with a community programme that is active and had started by the chosen year.",
    ),
    "figure.help.enterprises": (
        "Usaha PMI purna yang sudah berdiri pada tahun terpilih.",
        "Returnee enterprises founded by the chosen year.",
    ),
    "figure.help.reports": (
        "Jumlah laporan keberangkatan non-prosedural pada tahun terpilih (laporan, bukan orang).",
        "Reports of non-procedural departures in the chosen year (reports, not persons).",
    ),
    # change from the previous year
    "figure.change_vs": ("{change} dari {year}", "{change} vs {year}"),
    "figure.points": ("poin persen", "pp"),
    "figure.no_previous": ("tidak ada data {year}", "no data for {year}"),
    # periods
    "figure.period.year": ("{year}", "{year}"),
    "figure.period.range": ("{start}–{end}", "{start}–{end}"),
    "figure.period.all": ("semua tahun", "all years"),
}
