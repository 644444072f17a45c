"""The returns layer (kepulangan) and the journey: import words, figures, the Perjalanan page."""

TEXT = {
    # ---------------------------------------------------------------- the layer and its import
    "layer.returns": ("Kepulangan PMI", "Returns"),
    "data.field.country": ("Negara asal kepulangan", "Country returned from"),
    "data.field.reason": ("Alasan kepulangan", "Reason for the return"),
    "data.field.problem": ("Masalah (PMI bermasalah)", "Problem (problem case)"),
    "data.field.route": ("Jalur keberangkatan", "Route (procedural or not)"),
    "data.field.entry_point": ("Debarkasi", "Entry point (debarkation)"),
    "data.issue.reason_unknown": (
        "Baris {row}, kolom '{column}': alasan kepulangan '{value}' tidak dikenal (habis kontrak, deportasi, PMI bermasalah, sakit, meninggal, lainnya); disimpan sebagai 'lainnya'. Baris lain dengan nilai yang sama diperlakukan sama.",
        "Row {row}, column '{column}': reason for the return '{value}' is not recognised (end of contract, deported, problem case, sick, died, other); stored as 'other'. Other rows with the same value are treated alike.",
    ),
    "data.issue.problem_unknown": (
        "Baris {row}, kolom '{column}': masalah '{value}' tidak dikenal (gaji tidak dibayar, kekerasan, TPPO, tidak berdokumen, lainnya); disimpan sebagai 'lainnya'. Baris lain dengan nilai yang sama diperlakukan sama.",
        "Row {row}, column '{column}': problem '{value}' is not recognised (unpaid wages, violence, trafficking, undocumented, other); stored as 'other'. Other rows with the same value are treated alike.",
    ),
    "data.issue.route_unknown": (
        "Baris {row}, kolom '{column}': jalur '{value}' tidak dikenal (prosedural, non-prosedural); dibiarkan kosong.",
        "Row {row}, column '{column}': route '{value}' is not recognised (procedural, non-procedural); left empty.",
    ),
    "data.issue.wide_country": (
        "Kolom {column} dibaca sebagai jumlah per negara asal kepulangan ({n} kolom).",
        "Columns {column} were read as counts per country returned from ({n} columns).",
    ),
    "data.issue.wide_reason": (
        "Kolom {column} dibaca sebagai jumlah per alasan kepulangan ({n} kolom).",
        "Columns {column} were read as counts per reason for the return ({n} columns).",
    ),
    # ---------------------------------------------------------------- the journey figures (geo.figures)
    "figure.returns": ("PMI pulang", "Returned"),
    "figure.problem_returns": ("Pulang bermasalah", "Problem returns"),
    "figure.problem_per_100": ("Pulang bermasalah per 100 penempatan", "Problem returns per 100 placements"),
    "figure.deported": ("Dideportasi", "Deported"),
    "figure.died": ("Meninggal", "Died"),
    "figure.non_procedural_share": ("Di luar prosedur", "Outside the procedure"),
    "figure.returnees_without_support": ("Pulang tanpa usaha/program", "Returnees with nothing to return to"),
    "figure.help.returns": (
        "PMI yang pulang (tiba di Indonesia) pada tahun terpilih ke desa di wilayah terpilih, apa pun alasannya: orang, bukan berkas.",
        "Workers who came home (arrived in Indonesia) in the chosen year to a village of the chosen area, for any reason: persons, not files.",
    ),
    "figure.help.problem_returns": (
        "PMI yang pulang pada tahun terpilih karena dideportasi, dipulangkan sebagai PMI bermasalah, sakit atau meninggal. Habis kontrak, lainnya dan alasan tidak tercatat tidak dihitung.",
        "Workers who came home in the chosen year deported, repatriated as a problem case, sick or dead. End of contract, other and unrecorded reasons are not counted.",
    ),
    "figure.help.problem_per_100": (
        "Pulang bermasalah dibagi penempatan di wilayah dan tahun yang sama, dikali 100. Tanpa penempatan tidak ada angka (bukan 0).",
        "Problem returns divided by placements of the same area and year, times 100. No placements: no rate (not 0).",
    ),
    "figure.help.deported": (
        "PMI yang pulang karena dideportasi pada tahun terpilih.",
        "Workers who came home deported in the chosen year.",
    ),
    "figure.help.died": (
        "PMI yang meninggal di luar negeri dan dipulangkan (jenazah) pada tahun terpilih.",
        "Workers who died abroad and were brought home in the chosen year.",
    ),
    "figure.help.non_procedural_share": (
        "Bagian perjalanan di luar prosedur pada tahun terpilih: (orang dalam laporan keberangkatan non-prosedural + PMI yang pulang lewat jalur non-prosedural) ÷ (jumlah itu + penempatan). Wilayah dan tahun sama; perlu lapisan laporan dan kepulangan.",
        "Share of the journey outside the procedure in the chosen year: (persons in non-procedural departure reports + workers who returned by the non-procedural route) ÷ (that sum + placements). Same area and year; needs the reports and returns layers.",
    ),
    "figure.help.returnees_without_support": (
        "PMI yang pulang hidup pada tahun terpilih ke desa yang tidak punya usaha PMI purna berjalan maupun program komunitas aktif pada tahun itu. Perlu daftar usaha dan program provinsinya.",
        "Workers who came home alive in the chosen year to a village with no returnee enterprise running and no community programme active that year. Needs the province's enterprise and programme lists.",
    ),
}
