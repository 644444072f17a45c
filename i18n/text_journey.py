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
}
