"""Texts of the dashboard pages: overview, placements, coverage, enterprises, reports, planner."""

TEXT = {
    # ------------------------------------------------------------------ shared
    "chart.other": ("Lainnya", "Other"),
    "dash.year": ("Tahun", "Year"),
    "dash.years": ("Rentang tahun", "Year range"),
    "dash.no_layer": (
        "Lapisan data {layer} belum dimuat. Muat berkasnya di halaman Data.",
        "The {layer} layer is not loaded yet. Load its file on the Data page.",
    ),
    "dash.no_boundaries": (
        "Belum ada batas wilayah. Muat batas wilayah di halaman Data.",
        "No boundaries yet. Load boundaries on the Data page.",
    ),
    "dash.filters": ("Saring", "Filters"),
    "dash.gender": ("Jenis kelamin", "Gender"),
    "dash.gender.all": ("Semua", "All"),
    "dash.gender.P": ("Perempuan", "Women"),
    "dash.gender.L": ("Laki-laki", "Men"),
    "dash.destination": ("Negara tujuan", "Destination country"),
    "dash.sector": ("Sektor / jabatan", "Sector / occupation"),
    "dash.scheme": ("Skema", "Scheme"),
    "dash.agency": ("Perusahaan penempatan (P3MI)", "Recruitment agency (P3MI)"),
    "dash.channel": ("Jalur / modus", "Channel"),
    "dash.village": ("Desa/Kelurahan", "Village"),
    "dash.villages": ("Desa", "Villages"),
    "dash.count": ("Jumlah", "Count"),
    "dash.members": ("Anggota", "Members"),
    "dash.about": ("Tentang data ini", "About this data"),
    "dash.about.source": (
        "Sumber: {source}. Dimuat: {date}. Batas wilayah dan nama resmi: Kepmendagri No 300.2.2-2138 Tahun 2025.",
        "Source: {source}. Loaded: {date}. Boundaries and official names: Kepmendagri No 300.2.2-2138 of 2025.",
    ),
    "dash.about.unknown_source": ("tidak tercatat", "not recorded"),
    "dash.about.demo_source": ("data demo karangan", "invented demo data"),
    "dash.about.missing": (
        "Wilayah tanpa data digambar berarsir abu-abu, berbeda dengan nol.",
        "Areas without data are drawn in grey hatching, unlike zero.",
    ),
    "dash.search": ("Cari desa", "Find a village"),
    "dash.scheme_label": ("Klasifikasi", "Classification"),
    "dash.scheme.quantiles": ("Kuantil", "Quantiles"),
    "dash.scheme.natural_breaks": ("Jeda alami", "Natural breaks"),
    "dash.scheme.equal_interval": ("Interval sama", "Equal interval"),
    "dash.classes": ("Jumlah kelas", "Classes"),
    "dash.download_csv": ("Unduh CSV", "Download CSV"),
    "dash.download_xlsx": ("Unduh Excel", "Download Excel"),
    "dash.year_a": ("Tahun awal", "First year"),
    "dash.year_b": ("Tahun akhir", "Second year"),
    "dash.side_by_side": (
        "Tahun {a} dan {b} berdampingan, dengan kelas warna yang sama agar dapat dibandingkan.",
        "{a} and {b} side by side, with the same colour classes so they can be compared.",
    ),
    # ------------------------------------------------------------------ metrics
    "metric.placements": ("Penempatan PMI", "Placements"),
    "metric.reports": ("Laporan non-prosedural", "Non-procedural reports"),
    "measure.label": ("Ukuran di peta", "Map measure"),
    "measure.count": ("Jumlah penempatan", "Placements"),
    "measure.per_1000": ("Per 1.000 penduduk", "Per 1,000 residents"),
    "measure.share_women": ("Bagian perempuan (%)", "Share of women (%)"),
    "measure.change": ("Perubahan antara dua tahun", "Change between two years"),
    "measure.no_population": (
        "Data penduduk belum dimuat, jadi angka per 1.000 penduduk belum tersedia.",
        "Population is not loaded, so rates per 1,000 residents are not available.",
    ),
    # ------------------------------------------------------------------ overview
    "overview.title": ("Ringkasan", "Overview"),
    "overview.intro": (
        "Angka utama untuk wilayah dan tahun terpilih, dibandingkan dengan tahun sebelumnya.",
        "Headline figures for the chosen area and year, compared with the previous year.",
    ),
    "overview.map_title": ("Penempatan per wilayah, {year}", "Placements by area, {year}"),
    "overview.trend": ("Tren penempatan", "Placements trend"),
    "overview.reports_trend": ("Tren laporan non-prosedural", "Non-procedural reports trend"),
    "overview.about": (
        "Peta menunjukkan jumlah pekerja yang ditempatkan pada {year}, dijumlahkan dari desa ke "
        "kecamatan, kabupaten/kota dan provinsi menurut kode Kemendagri.",
        "The map shows workers placed in {year}, summed from villages to districts, regencies and "
        "provinces by Kemendagri code.",
    ),
    # ------------------------------------------------------------------ placements
    "placements.title": ("Penempatan", "Placements"),
    "placements.intro": (
        "Dari desa mana pekerja migran berangkat: jumlah, per 1.000 penduduk, bagian perempuan, "
        "atau perubahan antara dua tahun.",
        "Which villages migrant workers leave from: count, per 1,000 residents, share of women, "
        "or change between two years.",
    ),
    "placements.trend": ("Tren penempatan", "Placements trend"),
    "placements.destinations": ("Negara tujuan teratas", "Top destination countries"),
    "placements.sectors": ("Sektor", "Sector mix"),
    "placements.agencies": ("Perusahaan penempatan (P3MI) teratas", "Top recruitment agencies (P3MI)"),
    "placements.agencies_none": (
        "Data penempatan ini tidak mencatat perusahaan penempatan (P3MI); impor berkas dengan kolom "
        "P3MI/PPTKIS untuk melihat rinciannya.",
        "These placement data do not record the recruitment agency (P3MI); import a file with a "
        "P3MI/PPTKIS column to see the breakdown.",
    ),
    "placements.top_villages": ("Desa asal teratas", "Top villages of origin"),
    "placements.about": (
        "Dihitung: pekerja yang ditempatkan (satu orang satu kali), menurut desa asal dan tahun "
        "penempatan, setelah saringan di samping. Perubahan = tahun akhir dikurangi tahun awal.",
        "Counted: workers placed (one person once), by village of origin and year of placement, "
        "after the filters shown. Change = second year minus first year.",
    ),
    # ------------------------------------------------------------------ coverage
    "coverage.title": ("Cakupan Komunitas", "Programme coverage"),
    "coverage.intro": (
        "Desa yang sudah punya program perlindungan (KKBM, Desmigratif, Kawan PMI, MRC, Perdes) di "
        "atas peta penempatan, dan desa asal besar yang belum punya program di dekatnya.",
        "Villages that already have a protection programme (KKBM, Desmigratif, Kawan PMI, MRC, "
        "village regulation) over the placements map, and large villages of origin with no "
        "programme nearby.",
    ),
    "coverage.types": ("Jenis program", "Programme types"),
    "coverage.by_type": ("Desa berprogram menurut jenis", "Programme villages by type"),
    "coverage.radius": ("Jarak maksimum ke program (km)", "Maximum distance to a programme (km)"),
    "coverage.gaps": ("Celah cakupan", "Coverage gaps"),
    "coverage.gaps_found": (
        "{n} desa di antara {pct}% desa dengan penempatan terbanyak tidak punya program dalam {km} km.",
        "{n} villages among the {pct}% of villages with the most placements have no programme "
        "within {km} km.",
    ),
    "coverage.no_gaps": (
        "Semua desa di antara {pct}% desa dengan penempatan terbanyak punya program dalam {km} km.",
        "Every village among the {pct}% of villages with the most placements has a programme within {km} km.",
    ),
    "coverage.km": ("Jarak ke program terdekat (km)", "Distance to nearest programme (km)"),
    "coverage.nearest": ("Desa berprogram terdekat", "Nearest programme village"),
    "coverage.about": (
        "Desa berprogram: program aktif yang sudah dimulai pada tahun terpilih; desa dengan "
        "beberapa program tampil sebagai lingkaran bertumpuk, satu warna per jenis. Jarak diukur "
        "antara titik tengah desa dalam proyeksi UTM. Celah cakupan dipilih menurut jumlah "
        "penempatan (persentase desa teratas), bukan menurut kelas warna peta.",
        "Programme villages: active programmes started by the chosen year; a village with several "
        "programmes shows as stacked rings, one colour per type. Distances are measured between "
        "village centre points in a UTM projection. Coverage gaps are chosen by placements (a top "
        "share of villages), not by the map's colour classes.",
    ),
    "programme.KKBM": ("KKBM", "KKBM (migrant family community)"),
    "programme.DESMIGRATIF": ("Desmigratif", "Desmigratif (productive migrant village)"),
    "programme.KAWAN_PMI": ("Kawan PMI", "Kawan PMI (volunteers)"),
    "programme.MRC": ("MRC / BP PIPA", "Migrant Resource Centre"),
    "programme.PERDES": ("Perdes PMI", "Village regulation"),
    "programme.OTHER": ("Lainnya", "Other"),
    # ------------------------------------------------------------------ enterprises
    "enterprises.title": ("Usaha Purna", "Returnee enterprises"),
    "enterprises.intro": (
        "Usaha yang dijalankan PMI purna: di mana, jenis apa, berapa anggota, dan siapa yang "
        "sudah mendapat KUR.",
        "Enterprises run by returned migrant workers: where, of what type, how many members, "
        "and which have KUR credit.",
    ),
    "enterprises.measure.count": ("Jumlah usaha", "Enterprises"),
    "enterprises.measure.members": ("Jumlah anggota", "Members"),
    "enterprises.types": ("Jenis usaha", "Enterprise types"),
    "enterprises.members_by_type": ("Anggota menurut jenis usaha", "Members by enterprise type"),
    "enterprises.kur": ("Mendapat KUR", "With KUR credit"),
    "enterprises.kur.yes": ("Dengan KUR", "With KUR"),
    "enterprises.kur.no": ("Tanpa KUR", "Without KUR"),
    "enterprises.kur.unknown": ("Tidak tercatat", "Not recorded"),
    "enterprises.about": (
        "Dihitung: usaha PMI purna yang sudah berdiri pada tahun terpilih, menurut desa. KUR = "
        "Kredit Usaha Rakyat.",
        "Counted: returnee enterprises founded by the chosen year, by village. KUR = Kredit Usaha "
        "Rakyat (people's business credit).",
    ),
    # ------------------------------------------------------------------ reports
    "reports.title": ("Laporan Non-Prosedural", "Non-procedural reports"),
    "reports.intro": (
        "Laporan keberangkatan non-prosedural (visa turis atau umroh, calo) menurut desa, dan "
        "tempat laporan itu mengelompok.",
        "Reports of non-procedural departures (tourist or pilgrimage visas, brokers) by village, "
        "and where they cluster.",
    ),
    "reports.measure.count": ("Jumlah laporan", "Reports"),
    "reports.measure.per_100": ("Per 100 penempatan", "Per 100 placements"),
    "reports.hotspots": ("Titik panas (Getis-Ord Gi*)", "Hotspots (Getis-Ord Gi*)"),
    "reports.show_hotspots": ("Tampilkan titik panas", "Show hotspots"),
    "reports.alpha": ("Tingkat signifikansi", "Significance level"),
    "reports.weights": ("Tetangga", "Neighbours"),
    "reports.weights.queen": ("Bersinggungan (queen)", "Touching (queen)"),
    "reports.weights.knn": ("6 terdekat", "6 nearest"),
    "reports.hotspot_summary": (
        "{hot} wilayah titik panas dan {cold} titik dingin yang signifikan dari {n} wilayah yang diuji.",
        "{hot} significant hot and {cold} cold areas among the {n} areas tested.",
    ),
    "reports.channels": ("Tren menurut jalur", "Trend by channel"),
    "reports.destinations": ("Tren menurut negara tujuan", "Trend by destination"),
    "reports.outcomes": ("Hasil penanganan", "Outcomes"),
    "reports.about": (
        "Dihitung: laporan keberangkatan non-prosedural menurut desa asal dan tahun laporan. Desa "
        "tanpa laporan di kabupaten/kota yang mengirim laporan dihitung nol; di kabupaten/kota lain: "
        "tidak ada data. Titik panas: Gi* lokal dengan uji permutasi dua sisi dan koreksi uji "
        "berganda (FDR atau Bonferroni), hanya bila ada cukup wilayah dan tetangga; wilayah tanpa "
        "data tidak diuji.",
        "Counted: non-procedural departure reports by village of origin and year of report. "
        "Villages with no report in a regency that sent reports count as zero; elsewhere: no "
        "data. Hotspots: local Gi* with a two-sided permutation test and a multiple-testing "
        "correction (FDR or Bonferroni), only where there are enough areas and neighbours; areas "
        "without data are not tested.",
    ),
    "hotspot.hot": ("Titik panas", "Hot spot"),
    "hotspot.cold": ("Titik dingin", "Cold spot"),
    "hotspot.not_significant": ("Tidak signifikan", "Not significant"),
    "hotspot.no_data": ("Tidak ada data", "No data"),
    "hotspot.z": ("Skor z", "z-score"),
    "hotspot.p": ("Nilai p", "p-value"),
    "outcome.PREVENTED": ("Dicegah", "Prevented"),
    "outcome.RETURNED": ("Dipulangkan", "Returned"),
    "outcome.CASE_HANDLED": ("Kasus ditangani", "Case handled"),
    "outcome.OTHER": ("Lainnya", "Other"),
    # ------------------------------------------------------------------ planner
    "planner.title": ("Perencanaan", "Planner"),
    "planner.intro": (
        "Pilih desa untuk program berikutnya: setiap desa diberi skor prioritas dari indikator "
        "kebutuhan dan kapasitas, dengan bobot yang Anda tentukan.",
        "Choose villages for the next programme: each village gets a priority score from need "
        "and capacity indicators, with weights you set.",
    ),
    "planner.weights": ("Bobot", "Weights"),
    "planner.need": ("Kebutuhan", "Need"),
    "planner.capacity": ("Kapasitas", "Capacity"),
    "planner.top_n": ("Jumlah desa teratas di peta", "Top villages on the map"),
    "planner.exclude_covered": (
        "Lewati desa yang sudah berprogram",
        "Skip villages that already have a programme",
    ),
    "planner.ranked": ("Peringkat desa", "Ranked villages"),
    "planner.how": ("Cara skor dihitung", "How the score works"),
    "planner.none": (
        "Tidak ada desa dengan data penempatan atau laporan di wilayah dan tahun ini.",
        "No village has placement or report data in this area and these years.",
    ),
    "planner.rank": ("Peringkat", "Rank"),
    "planner.score": ("Skor", "Score"),
    "planner.ind.placements": ("Penempatan", "Placements"),
    "planner.ind.reports": ("Laporan non-prosedural", "Non-procedural reports"),
    "planner.ind.distance_km": ("Jarak ke program (km)", "Distance to programme (km)"),
    "planner.ind.enterprises": ("Usaha purna", "Returnee enterprises"),
    "planner.ind.groups": ("Kelompok yang ada", "Existing groups"),
    "planner.part": ("Skor {name}", "{name} score"),
    "planner.missing": ("Data kurang", "Missing data"),
    "planner.explain.intro": (
        "Skor prioritas (0–100) menjumlahkan indikator desa setelah masing-masing dibagi "
        "nilai terbesarnya di antara desa yang diperingkat (0 tetap 0, terbesar 1), dikalikan "
        "bobotnya, lalu dibagi jumlah bobot.",
        "The priority score (0–100) adds the village indicators, each divided by its largest "
        "value across the villages being ranked (0 stays 0, the largest is 1), times its weight, "
        "divided by the sum of the weights.",
    ),
    "planner.explain.placements": (
        "Penempatan (kebutuhan): makin banyak warga berangkat pada {period} (jumlah semua tahun), "
        "makin tinggi.",
        "Placements (need): the more residents left in {period} (all years added), the higher.",
    ),
    "planner.explain.reports": (
        "Laporan non-prosedural (kebutuhan): makin banyak laporan pada {period}, makin tinggi.",
        "Non-procedural reports (need): the more reports in {period}, the higher.",
    ),
    "planner.explain.distance_km": (
        "Jarak ke desa berprogram terdekat (kebutuhan): makin jauh, makin tinggi.",
        "Distance to the nearest programme village (need): the farther, the higher.",
    ),
    "planner.explain.enterprises": (
        "Usaha PMI purna (kapasitas): usaha yang ada memudahkan program baru berjalan.",
        "Returnee enterprises (capacity): existing enterprises help a new programme take root.",
    ),
    "planner.explain.groups": (
        "Kelompok yang ada (kapasitas): program komunitas dan koperasi di desa itu.",
        "Existing groups (capacity): community programmes and cooperatives in the village.",
    ),
    "planner.explain.scale": (
        "Bobot 0 mengabaikan indikator; menaikkan satu bobot menaikkan desa yang tinggi pada "
        "indikator itu. Kolom bagian menunjukkan sumbangan tiap indikator; jumlahnya = skor.",
        "A weight of 0 ignores an indicator; raising one weight lifts villages that are high on "
        "it. The part columns show each indicator's contribution; they add up to the score.",
    ),
    "planner.explain.missing": (
        "Desa tanpa batas wilayah tidak punya jarak; jaraknya dihitung sebagai yang terjauh dan "
        "ditandai di kolom Data kurang.",
        "Villages without a boundary have no distance; it counts as the farthest and is flagged "
        "in the Missing data column.",
    ),
    "planner.about": (
        "Peta menandai {n} desa dengan skor tertinggi. Unduhan memuat peringkat dan skor yang sama "
        "dengan halaman ini; angka kecil (<{threshold}) disembunyikan, begitu pula bagian skornya dan, "
        "bila perlu, satu indikator lain di desa itu (x), agar angka kecil tidak dapat dihitung dari skor.",
        "The map marks the {n} highest-scoring villages. Downloads hold the same ranks and scores as "
        "this page; small counts (<{threshold}) are hidden, and so are their score parts and, where "
        "needed, another indicator of that village (x), so no small count can be worked out from the score.",
    ),
    # ------------------------------------------------------------------ village panel
    "panel.title": ("Desa {name}", "Village {name}"),
    "panel.hint": (
        "Klik desa di peta (atau cari namanya) untuk melihat semua data tentang desa itu.",
        "Click a village on the map (or search its name) to see everything known about it.",
    ),
    "panel.placements": ("Penempatan per tahun", "Placements per year"),
    "panel.women": ("Perempuan", "Women"),
    "panel.destinations": ("Negara tujuan", "Destinations"),
    "panel.programmes": ("Program komunitas", "Community programmes"),
    "panel.enterprises": ("Usaha PMI purna", "Returnee enterprises"),
    "panel.reports": ("Laporan non-prosedural", "Non-procedural reports"),
    "panel.channels": ("Jalur", "Channels"),
    "panel.population": ("Penduduk", "Population"),
    "panel.none": ("Tidak tercatat.", "None recorded."),
    "panel.not_loaded": ("Lapisan belum dimuat.", "Layer not loaded."),
    "panel.start_year": ("Tahun mulai", "Start year"),
    "panel.active": ("Aktif", "Active"),
    "panel.persons": ("Orang", "Persons"),
    "panel.residents": ("Penduduk", "Residents"),
    "panel.type": ("Jenis", "Type"),
    "panel.cooperative": ("Koperasi", "Cooperative"),
    "common.yes": ("Ya", "Yes"),
    "common.no": ("Tidak", "No"),
    "panel.open": ("Buka panel desa {name}", "Open the panel of {name}"),
    "panel.dialog": ("Panel desa", "Village panel"),
    "dash.choose": ("Semua (pilih untuk menyaring)", "All (choose to filter)"),
    "dash.about.versions": ("{n} kali dimuat", "loaded {n} times"),
    "dash.about.one_version": ("satu berkas", "one file"),
}
