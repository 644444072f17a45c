"""Texts of classification, legends, hotspots, coverage gaps and the planner (the [stats] area)."""

TEXT = {
    "legend.no_change": ("tidak berubah", "no change"),
    "common.not_recorded": ("tidak tercatat", "not recorded"),
    # ------------------------------------------------------------------ hotspots
    "reports.correction": ("Koreksi uji berganda", "Multiple-testing correction"),
    "reports.hot_level": ("Tingkat analisis titik panas", "Level of the hotspot analysis"),
    "hotspot.correction.fdr": ("FDR (Benjamini–Hochberg)", "FDR (Benjamini–Hochberg)"),
    "hotspot.correction.bonferroni": ("Bonferroni", "Bonferroni"),
    "hotspot.correction.none": ("tanpa koreksi", "no correction"),
    "hotspot.method": (
        "Metode: Getis-Ord Gi* lokal; {permutations} permutasi bersyarat, uji dua sisi; koreksi "
        "{correction} atas {n} wilayah pada α = {alpha}, jadi signifikan bila p ≤ {cut}; rata-rata "
        "{neighbours} tetangga per wilayah. Nilai p dari permutasi; skor z adalah skor normal baku "
        "dengan p dua sisi yang sama (|z| ≥ 1,96 tepat bila p ≤ 0,05).",
        "Method: local Getis-Ord Gi*; {permutations} conditional permutations, two-sided test; "
        "{correction} correction over {n} areas at α = {alpha}, so significant when p ≤ {cut}; "
        "{neighbours} neighbours per area on average. p from the permutations; z is the standard "
        "normal score with the same two-sided p (|z| ≥ 1.96 exactly when p ≤ 0.05).",
    ),
    "hotspot.refused.areas": (
        "Titik panas tidak dihitung: hanya {n} {level} yang punya data, sedangkan Gi* baru bermakna "
        "mulai {need} wilayah (statistik lokal butuh peta di sekitarnya). {suggest}",
        "Hotspots not computed: only {n} {level} have data, and Gi* means something from {need} "
        "areas on (a local statistic needs a map around it). {suggest}",
    ),
    "hotspot.refused.neighbours": (
        "Titik panas tidak dihitung: {n} wilayah ini rata-rata hanya punya {neighbours} tetangga, "
        "sedangkan Gi* butuh minimal {need}. Pilih tetangga *6 terdekat* atau tingkat yang lebih rinci.",
        "Hotspots not computed: these {n} areas have only {neighbours} neighbours on average, and "
        "Gi* needs at least {need}. Choose *6 nearest* neighbours or a finer level.",
    ),
    "hotspot.refused.flat": (
        "Titik panas tidak dihitung: semua {n} wilayah bernilai sama, tidak ada yang mengelompok.",
        "Hotspots not computed: all {n} areas have the same value; nothing clusters.",
    ),
    "hotspot.suggest": (
        "Pilih tingkat yang lebih rinci ({levels}) di *Tingkat analisis titik panas*.",
        "Choose a finer level ({levels}) under *Level of the hotspot analysis*.",
    ),
    "hotspot.suggest_area": (
        "Pilih wilayah yang lebih luas di atas peta untuk menguji lebih banyak wilayah.",
        "Choose a wider area above the map to test more areas.",
    ),
    "hotspot.unattainable": (
        "Dengan koreksi Bonferroni atas {n} wilayah tidak ada nilai p permutasi yang bisa mencapai "
        "batasnya; tidak ada wilayah yang bisa signifikan. Gunakan koreksi FDR.",
        "With the Bonferroni correction over {n} areas no permutation p-value can reach its cut; "
        "no area can be significant. Use the FDR correction.",
    ),
    "level.plural.province": ("provinsi", "provinces"),
    "level.plural.regency": ("kabupaten/kota", "regencies"),
    "level.plural.district": ("kecamatan", "districts"),
    "level.plural.village": ("desa/kelurahan", "villages"),
    # ------------------------------------------------------------------ coverage gaps
    "coverage.top_share": (
        "Desa penempatan terbanyak yang diperiksa (%)",
        "Villages with the most placements checked (%)",
    ),
    "coverage.rule": (
        "Aturan celah cakupan: desa yang termasuk {pct}% desa dengan penempatan terbanyak di wilayah "
        "ini pada {year} (paling sedikit {min} penempatan) dan tidak punya program aktif dalam {km} "
        "km. Aturan ini tidak bergantung pada kelas warna peta.",
        "Coverage-gap rule: villages among the {pct}% of villages with the most placements in this "
        "area in {year} (at least {min} placements) with no active programme within {km} km. The "
        "rule does not depend on the map's colour classes.",
    ),
    "coverage.gap_outline": (
        "Garis tebal: celah cakupan ({pct}% teratas, tanpa program dalam {km} km)",
        "Heavy outline: coverage gap (top {pct}%, no programme within {km} km)",
    ),
    "coverage.needs_programmes": (
        "Celah cakupan belum dihitung: lapisan program (cakupan komunitas) belum dimuat, jadi "
        "belum diketahui desa mana yang jauh dari program. Muat berkas program (KKBM, Desmigratif, "
        "Kawan PMI, MRC, Perdes PMI) di halaman Data.",
        "Coverage gaps are not computed: the programme (community coverage) layer is not loaded, "
        "so it is not known which villages are far from a programme. Load a programme file "
        "(KKBM, Desmigratif, Kawan PMI, MRC, village regulation) on the Data page.",
    ),
    # ------------------------------------------------------------------ planner
    "planner.period": (
        "Periode: {period} (penempatan dan laporan dijumlahkan atas semua tahun dalam rentang; jarak "
        "ke program aktif pada tahun terakhir).",
        "Period: {period} (placements and reports added over every year of the range; distance to "
        "the programmes active in the last year).",
    ),
    "planner.empty": (
        "Tidak berpengaruh pada skor: {names}, karena lapisan {layers} kosong untuk wilayah dan "
        "periode ini. Bobotnya diabaikan; muat lapisan itu di halaman Data agar ikut dihitung.",
        "Not contributing to the score: {names}, because the {layers} layer is empty for this area "
        "and period. Their weights are ignored; load that layer on the Data page to include them.",
    ),
    "planner.empty_help": (
        "Lapisan data indikator ini kosong untuk wilayah dan periode ini, jadi tidak berpengaruh.",
        "This indicator's layer is empty for this area and period, so it does not contribute.",
    ),
    "planner.shortlist": (
        "Garis tebal: {n} desa dengan skor tertinggi",
        "Heavy outline: the {n} highest-scoring villages",
    ),
    "planner.excluded": ("Sudah berprogram (dilewati)", "Already has a programme (skipped)"),
}
