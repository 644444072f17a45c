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
    "figure.problem_per_100": ("Bermasalah/100 penempatan", "Problem/100 placements"),
    "figure.deported": ("Dideportasi", "Deported"),
    "figure.died": ("Meninggal", "Died"),
    "figure.non_procedural_share": ("Di luar prosedur", "Outside the procedure"),
    "figure.returnees_without_support": ("Tanpa usaha/program", "Nothing to return to"),
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
    # ---------------------------------------------------------------- vocabularies shown
    "reason.END_OF_CONTRACT": ("Habis kontrak", "End of contract"),
    "reason.DEPORTED": ("Dideportasi", "Deported"),
    "reason.PROBLEM": ("PMI bermasalah", "Problem case"),
    "reason.SICK": ("Sakit", "Sick"),
    "reason.DIED": ("Meninggal", "Died"),
    "reason.OTHER": ("Lainnya", "Other"),
    "reason.none": ("Tidak tercatat", "Not recorded"),
    "problem.UNPAID_WAGES": ("Gaji tidak dibayar", "Unpaid wages"),
    "problem.VIOLENCE": ("Kekerasan", "Violence"),
    "problem.TRAFFICKING": ("TPPO (perdagangan orang)", "Trafficking (TPPO)"),
    "problem.UNDOCUMENTED": ("Tidak berdokumen", "Undocumented"),
    "problem.OTHER": ("Masalah lain", "Other problem"),
    "flows.other": ("Negara lain", "Other countries"),
    # ---------------------------------------------------------------- the page
    "page.journey": ("Perjalanan PMI", "The journey"),
    "journey.title": ("Perjalanan PMI", "The journey"),
    "journey.intro": (
        "Dari berangkat sampai pulang: berapa yang berangkat, berapa yang pulang dan mengapa, dari negara mana, berapa yang lewat jalur non-prosedural, dan berapa yang pulang ke desa tanpa usaha atau program.",
        "From leaving to coming home: how many left, how many came back and why, from which countries, how many went outside the procedure, and how many came home to a village with no enterprise or programme.",
    ),
    "journey.top": ("Negara teratas", "Top countries"),
    "journey.top_help": (
        "Negara dengan PMI terbanyak yang ditampilkan sendiri; sisanya digabung sebagai 'Negara lain'.",
        "Countries with the most workers shown on their own; the rest grouped as 'Other countries'.",
    ),
    "journey.persons": ("Orang", "Persons"),
    "journey.map.label": ("Peta", "Map"),
    "journey.map.returns": ("Kepulangan", "Returns"),
    "journey.map.broker": ("Lewat jalur non-prosedural", "Outside the procedure"),
    "journey.map.home": ("Pulang ke desa", "Home again"),
    "journey.what": ("Kepulangan", "Returns"),
    "journey.what.problem": ("Pulang bermasalah", "Problem returns"),
    "journey.what.all": ("Semua kepulangan", "All returns"),
    "journey.how": ("Ukuran", "Measure"),
    "journey.how.per_100": ("Per 100 penempatan", "Per 100 placements"),
    "journey.how.persons": ("Orang", "Persons"),
    "journey.label.per_100": ("{what} per 100 penempatan", "{what} per 100 placements"),
    "journey.label.persons": ("{what} (orang)", "{what} (persons)"),
    "journey.broker.share": ("Bagian di luar prosedur", "Share outside the procedure"),
    "journey.broker.persons": ("Orang di luar prosedur", "Persons outside the procedure"),
    "journey.about.returns": (
        "**Kepulangan**: PMI yang tiba kembali di Indonesia pada tahun terpilih, menurut desa asal, dari daftar debarkasi dan pemulangan (BP3MI/P4MI). **Pulang bermasalah** = dideportasi, PMI bermasalah, sakit atau meninggal. *Per 100 penempatan* membagi dengan penempatan di wilayah dan tahun yang sama; wilayah tanpa penempatan tidak punya angka (abu-abu, bukan 0). Desa di kabupaten yang tercantum dalam daftar tetapi tanpa kepulangan bernilai 0.",
        "**Returns**: workers who arrived back in Indonesia in the chosen year, by village of origin, from debarkation and repatriation lists (BP3MI/P4MI). **Problem returns** = deported, problem case, sick or died. *Per 100 placements* divides by placements of the same area and year; an area without placements has no rate (grey, not 0). Villages of a regency the lists name but without a return count 0.",
    ),
    "journey.about.broker": (
        "**Di luar prosedur** = orang dalam laporan keberangkatan non-prosedural + PMI yang pulang lewat jalur non-prosedural, pada tahun terpilih. **Bagiannya** = jumlah itu ÷ (jumlah itu + penempatan). Perlu lapisan laporan dan kepulangan: wilayah yang tidak tercakup salah satunya tidak punya angka.",
        "**Outside the procedure** = persons in non-procedural departure reports + workers who came home by the non-procedural route, in the chosen year. **Its share** = that sum ÷ (that sum + placements). Needs the reports and returns layers: an area either does not cover has no figure.",
    ),
    "journey.about.home": (
        "**Pulang tanpa usaha/program** = PMI yang pulang hidup pada tahun terpilih ke desa yang tidak punya usaha PMI purna berjalan maupun program komunitas aktif pada tahun itu. Tanpa daftar usaha dan program provinsinya tidak ada angka.",
        "**Returnees with nothing to return to** = workers who came home alive in the chosen year to a village with no returnee enterprise running and no community programme active that year. Without the province's enterprise and programme lists there is no figure.",
    ),
    "journey.section.by_year": ("Berangkat, pulang, non-prosedural", "Left, returned, non-procedural"),
    "journey.by_year": ("Perjalanan per tahun", "The journey by year"),
    "journey.stage.left": ("Berangkat (penempatan)", "Left (placements)"),
    "journey.stage.returned": ("Pulang", "Returned"),
    "journey.stage.non_procedural": ("Laporan non-prosedural (orang)", "Non-procedural reports (persons)"),
    "journey.reasons": ("Alasan kepulangan", "Reasons for the return"),
    "journey.problems": (
        "Masalah PMI bermasalah (bila tercatat)",
        "Problems of the problem cases (where given)",
    ),
    "journey.section.where": ("Ke mana mereka pergi", "Where they go"),
    "journey.finer": ("Dari kecamatan (bukan kabupaten)", "From districts (not regencies)"),
    "journey.flows.left": (
        "Berangkat: wilayah asal → negara penempatan",
        "Left: area of origin → destination country",
    ),
    "journey.flows.back": ("Pulang: negara → alasan", "Returned: country → reason"),
    "journey.flows.note": (
        "{top} negara teratas ditampilkan sendiri, sisanya digabung sebagai 'Negara lain'; negara yang tidak tercatat tetap dihitung, sehingga arus berjumlah sama dengan total penempatan (dan kepulangan).",
        "The top {top} countries are shown on their own, the rest grouped as 'Other countries'; unrecorded countries are still counted, so the flows add up to the placements (and returns) total.",
    ),
    "journey.flow_map": ("Peta arus", "Flow map"),
    "journey.flow_map.left": ("Berangkat ke negara penempatan", "Leaving for the destination countries"),
    "journey.flow_map.problem": ("Pulang bermasalah dari negara", "Problem returns from the countries"),
    "journey.flow_map.all": ("Semua kepulangan dari negara", "All returns from the countries"),
    "journey.flow_map.note": (
        "Garis ke ibu kota negara; tebalnya menurut jumlah PMI. 'Negara lain' dan negara tanpa posisi tidak digambar. Batas negara: Natural Earth (domain publik).",
        "Lines to each country's capital, as thick as the number of workers. 'Other countries' and countries without a position are not drawn. Country outlines: Natural Earth (public domain).",
    ),
    "journey.section.broker": (
        "Lewat calo dan jalur non-prosedural",
        "Through a broker, outside the procedure",
    ),
    "journey.channels": ("Di luar prosedur menurut jalur", "Outside the procedure by channel"),
    "journey.np_returns_channel": (
        "Pulang lewat jalur non-prosedural",
        "Returned by the non-procedural route",
    ),
    "journey.section.home": ("Pulang ke desa", "Home again"),
    "journey.home.caption": (
        "Desa dengan PMI purna terbanyak yang tidak punya usaha PMI purna maupun program komunitas (tahun terpilih).",
        "Villages with the most returnees and neither a returnee enterprise nor a community programme (chosen year).",
    ),
    "journey.home.none": (
        "Tidak ada PMI purna di desa tanpa usaha atau program.",
        "No returnee in a village without an enterprise or programme.",
    ),
    "journey.home.missing": ("Belum dimuat: {layers}.", "Not loaded: {layers}."),
}
