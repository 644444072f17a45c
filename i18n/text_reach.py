"""Service points, distance over land and where the next one should go (issue 23)."""

TEXT = {
    # ---------------------------------------------------------------- the layer and its import
    "layer.service_points": ("Titik layanan", "Service points"),
    "data.field.type": ("Jenis layanan", "Service type"),
    "data.field.name": ("Nama layanan/kantor", "Service or office name"),
    "data.field.year_opened": ("Tahun dibuka", "Year opened"),
    "data.field.year_closed": ("Tahun ditutup", "Year closed"),
    "data.issue.service_type_unknown": (
        "Baris {row}, kolom '{column}': jenis layanan '{value}' tidak dikenal (LTSA, UPT BP3MI, Pos Pelayanan, "
        "Disnaker, MRC/BP PIPA, Desmigratif, Shelter/rumah aman); disimpan sebagai 'lainnya'.",
        "Row {row}, column '{column}': service type '{value}' is not recognised (LTSA, UPT BP3MI, Pos Pelayanan, "
        "Disnaker, MRC/BP PIPA, Desmigratif, shelter); stored as 'other'.",
    ),
    "data.issue.service_type_missing": (
        "Baris {row}, kolom '{column}': jenis layanan kosong. Isi jenisnya (mis. LTSA, Pos Pelayanan, MRC).",
        "Row {row}, column '{column}': the service type is empty. Fill it in (e.g. LTSA, Pos Pelayanan, MRC).",
    ),
    "data.issue.no_service_type_column": (
        "{file}: tidak ada kolom jenis layanan. Tambahkan kolom 'Jenis Layanan' (LTSA, UPT BP3MI, Pos Pelayanan, "
        "Disnaker, MRC, Desmigratif, Shelter, Lainnya).",
        "{file}: no service-type column. Add a 'Jenis Layanan' column (LTSA, UPT BP3MI, Pos Pelayanan, "
        "Disnaker, MRC, Desmigratif, Shelter, Other).",
    ),
    "data.issue.closed_before_opened": (
        "Baris {row}, kolom '{column}': ditutup {closed} sebelum dibuka {opened}. Periksa kedua tahun.",
        "Row {row}, column '{column}': closed in {closed}, before it opened in {opened}. Check both years.",
    ),
    "data.issue.point_outside_indonesia": (
        "Baris {row}, kolom '{column}': koordinat ({lat}, {lon}) di luar Indonesia (tanda minus lintang selatan "
        "terlupa?); titik diletakkan di titik desanya bila desanya tertulis.",
        "Row {row}, column '{column}': the coordinates ({lat}, {lon}) lie outside Indonesia (a missing minus of a "
        "southern latitude?); the point is put at its village's point when the village is given.",
    ),
    "data.issue.point_outside_village": (
        "Baris {row}, kolom '{column}': koordinatnya jatuh di {found}, bukan di desa yang tertulis {stated}; "
        "koordinat yang dipakai. Periksa koordinat atau desanya.",
        "Row {row}, column '{column}': the coordinates fall in {found}, not in the village given, {stated}; "
        "the coordinates are used. Check the coordinates or the village.",
    ),
    "data.issue.point_outside_villages": (
        "Baris {row}, kolom '{column}': koordinatnya tidak jatuh di batas desa mana pun yang tersimpan (di laut, "
        "atau salah tulis?); dicatat di desa tertulis {stated} dengan koordinatnya sendiri.",
        "Row {row}, column '{column}': the coordinates fall in no stored village boundary (at sea, or mistyped?); "
        "recorded in the village given, {stated}, at its own coordinates.",
    ),
    "data.row_level.service_points": (
        "Satu baris per titik layanan; titik dengan jenis, nama, desa dan koordinat yang sama digabung.",
        "One row per service point; points with the same type, name, village and coordinates are merged.",
    ),
    "data.issue.office_names_kept": (
        "Kolom '{column}' berisi nama kantor/layanan, bukan nama orang: disimpan sebagai nama titik layanan.",
        "Column '{column}' holds office or service names, not people's names: kept as the service point's name.",
    ),
    # ---------------------------------------------------------------- the types
    "service.LTSA": ("LTSA", "LTSA (one-stop service)"),
    "service.UPT_BP3MI": ("UPT BP3MI", "UPT BP3MI office"),
    "service.POS": ("Pos Pelayanan", "Service post"),
    "service.DISNAKER": ("Disnaker", "Disnaker (labour office)"),
    "service.MRC": ("MRC / BP PIPA", "Migrant Resource Centre"),
    "service.DESMIGRATIF": ("Layanan migrasi Desmigratif", "Desmigratif service centre"),
    "service.SHELTER": ("Shelter / rumah aman", "Shelter"),
    "service.OTHER": ("Layanan lain", "Other service"),
    "service.new": ("Lokasi baru usulan", "Proposed new site"),
    # ---------------------------------------------------------------- the figures (geo.figures.REACH)
    "figure.reach_placements": ("Penempatan dalam jangkauan", "Placements within reach"),
    "figure.reach_reports": ("Laporan non-prosedural dalam jangkauan", "Non-procedural reports within reach"),
    "figure.reach_no_land_route": ("Desa tanpa jalur darat", "Villages with no land route"),
    "figure.reach_share_after": ("Dalam jangkauan dengan lokasi baru", "Within reach with the new sites"),
    "figure.help.reach_placements": (
        "Bagian penempatan tahun terpilih yang berasal dari desa berjarak paling jauh R km lewat darat dari titik "
        "layanan jenis terpilih yang buka pada tahun itu; dari penempatan desa yang berpoligon (desa tanpa "
        "poligon tidak dihitung, tidak dianggap jauh).",
        "Share of the chosen year's placements that come from villages at most R km over land from an open "
        "service point of the chosen type; of the placements of villages with a polygon (villages without one "
        "are left out, never counted as far).",
    ),
    "figure.help.reach_reports": (
        "Bagian laporan non-prosedural tahun terpilih (laporan, bukan orang) dari desa berjarak paling jauh R km "
        "lewat darat dari titik layanan jenis terpilih yang buka; dari laporan desa yang berpoligon.",
        "Share of the chosen year's non-procedural reports (reports, not persons) from villages at most R km "
        "over land from an open service point of the chosen type; of the reports of villages with a polygon.",
    ),
    "figure.help.reach_no_land_route": (
        "Desa berpoligon yang tidak terhubung lewat darat (atau penyeberangan yang dinyatakan) ke titik layanan "
        "jenis terpilih yang buka: pulau lain, tanpa jarak pendek melintasi laut.",
        "Villages with a polygon that no land route (or stated crossing) joins to an open service point of "
        "the chosen type: another island, never a short distance across the sea.",
    ),
    "figure.help.reach_share_after": (
        "Bagian ukuran yang dicakup (penempatan, laporan atau skor kebutuhan) dalam R km lewat darat setelah "
        "lokasi baru ditambahkan ke titik yang ada.",
        "Share of the covered measure (placements, reports or need score) within R km over land once the new "
        "sites are added to the existing points.",
    ),
    # ---------------------------------------------------------------- the reach view (Cakupan Komunitas)
    "reach.view": ("Tampilkan", "Show"),
    "reach.view.programmes": ("Program", "Programmes"),
    "reach.view.reach": ("Jangkauan layanan", "Service reach"),
    "reach.type": ("Jenis titik layanan", "Service point type"),
    "reach.type_help": (
        "Jarak diukur ke titik layanan jenis ini yang buka pada tahun terpilih.",
        "Distances are measured to the service points of this type open in the chosen year.",
    ),
    "reach.radius": ("Jangkauan R (km lewat darat)", "Reach R (km over land)"),
    "reach.radius_help": (
        "Desa yang berjarak paling jauh R km lewat darat dari titik layanan dihitung terjangkau.",
        "Villages at most R km over land from a service point count as within reach.",
    ),
    "reach.crossings": ("Penyeberangan feri yang dihitung", "Ferry crossings counted"),
    "reach.crossings_none": ("Tidak ada (hanya darat dan jembatan)", "None (land and bridges only)"),
    "reach.crossings_help": (
        "Pulau yang dihubungkan feri terpilih dianggap terhubung (sepanjang penyeberangannya). Jembatan "
        "selalu dihitung.",
        "Islands joined by a chosen ferry count as connected (by the crossing's length). Bridges always count.",
    ),
    "reach.title": (
        "Jangkauan {type} dalam {km} km lewat darat, {year}",
        "Reach of {type} within {km} km over land, {year}",
    ),
    "reach.map_title": ("Jarak lewat darat ke {type} terdekat", "Distance over land to the nearest {type}"),
    "reach.class_range": ("{low}–{high} km", "{low}–{high} km"),
    "reach.class_over": ("Lebih dari {km} km", "Over {km} km"),
    "reach.no_land_route": ("Tanpa jalur darat", "No land route"),
    "reach.at_village_point": (
        "di titik desanya (tanpa koordinat)",
        "at its village's point (no coordinates)",
    ),
    "reach.choose_province": (
        "Pilih provinsi (atau wilayah di dalamnya) di atas peta: jarak lewat darat dihitung per provinsi.",
        "Choose a province (or an area inside one) above the map: distances over land are computed per province.",
    ),
    "reach.no_points": (
        "Provinsi ini belum punya titik layanan tersimpan: tidak ada data jangkauan (bukan nol). Impor lapisan "
        "Titik layanan di halaman Data.",
        "This province has no stored service points: no reach data (not zero). Import the Service points layer "
        "on the Data page.",
    ),
    "reach.beyond": (
        "**{pct}** penempatan ({n} dari {total}) berasal dari desa yang lebih dari {km} km lewat darat dari "
        "{type} yang buka (atau tanpa jalur darat).",
        "**{pct}** of placements ({n} of {total}) come from villages more than {km} km over land from an open "
        "{type} (or with no land route).",
    ),
    "reach.beyond_unknown": (
        "Tidak ada data penempatan berpoligon untuk tahun ini: bagian dalam jangkauan tidak dihitung.",
        "No placements of villages with a polygon this year: no share within reach.",
    ),
    "reach.by_regency": ("Per kabupaten/kota (R = {km} km)", "By regency or city (R = {km} km)"),
    "reach.whole_area": ("Seluruh wilayah", "Whole area"),
    "reach.col.villages": ("Desa", "Villages"),
    "reach.col.placements": ("Penempatan (desa berpoligon)", "Placements (villages with a polygon)"),
    "reach.col.within": ("Dalam {km} km", "Within {km} km"),
    "reach.col.beyond": ("Lebih dari {km} km", "Beyond {km} km"),
    "reach.file": ("jangkauan_layanan.csv", "service_reach.csv"),
    "reach.where_next_hint": (
        "Di mana titik layanan berikutnya paling banyak menjangkau? Lihat halaman Perencanaan, bagian "
        "*Lokasi layanan baru*.",
        "Where would the next service point reach the most? See the Planner page, section *New service sites*.",
    ),
    "reach.about": (
        "**Cara menghitung.** Setiap desa diwakili satu titik di dalam poligonnya. Dua desa bertetangga bila "
        "batasnya berjarak kurang dari {gap} m; jarak lewat darat adalah jalur terpendek melalui titik desa-desa "
        "tetangga (garis lurus antar-titik di bumi), dari titik layanan yang buka pada tahun terpilih (dari "
        "koordinatnya, atau dari titik desanya bila tanpa koordinat). Desa di pulau lain daripada semua titik "
        "jenis itu **tidak punya jalur darat**: warnanya sendiri, tidak pernah jarak pendek melintasi laut. "
        "Jembatan (Suramadu) selalu dihitung; feri hanya bila dipilih. Desa tanpa poligon **tidak ada data** "
        "(abu-abu), tidak pernah 0, dan tidak dihitung dalam bagian penempatan.\n\n"
        "**Batasnya.** Ini bukan jaringan jalan (tidak tersedia luring): di pegunungan, di pantai berliku atau "
        "di sungai tanpa jembatan, jalan sebenarnya lebih panjang, dan garis lurus antara dua desa pantai bisa "
        "memotong teluk. Jaraknya diukur dalam satu provinsi: titik layanan di provinsi tetangga tidak "
        "dihitung. Poligon yang salah letak dalam arsip batas menjadi pulau tersendiri.",
        "**How it is measured.** Each village is one point inside its polygon. Two villages are neighbours "
        "when their boundaries come within {gap} m of each other; the distance over land is the shortest path "
        "through neighbouring villages' points (straight lines between points on the globe), from the service "
        "points open in the chosen year (from their coordinates, or their village's point when they have "
        "none). A village on another island than every point of the type has **no land route**: a colour of "
        "its own, never a short distance across the sea. Bridges (Suramadu) always count; ferries only when "
        "chosen. Villages without a polygon have **no data** (grey), never 0, and are left out of the shares.\n\n"
        "**Its limits.** This is not a road network (none can be had offline): in mountains, along a winding "
        "coast or across a river without a bridge the road is longer, and a straight line between two coastal "
        "villages can cut across a bay. Distances stay inside one province: service points in a neighbouring "
        "province are not counted. A polygon misplaced in the boundary archive becomes an island of its own.",
    ),
    # ---------------------------------------------------------------- panel
    "panel.service_points": ("Titik layanan", "Service points"),
    "panel.located": ("Letak", "Placed at"),
    "panel.located.point": ("koordinatnya sendiri", "its own coordinates"),
    "panel.located.village": ("titik desa (tanpa koordinat)", "the village's point (no coordinates)"),
    # ---------------------------------------------------------------- where next (Perencanaan)
    "where.site_tip": (
        "Lokasi baru #{rank}: {name} (menambah {adds})",
        "New site #{rank}: {name} (adds {adds})",
    ),
    "where.running": ("Mencari lokasi terbaik…", "Looking for the best sites…"),
    "where.stage.coverage": (
        "Menghitung desa yang terjangkau tiap calon lokasi…",
        "Finding what each candidate reaches…",
    ),
    "where.stage.greedy": ("Jawaban rakus…", "The greedy answer…"),
    "where.stage.bound": ("Batas atas dan pertukaran lokasi…", "Bounds and site swaps…"),
    "where.stage.solver": ("Pemecah eksak (HiGHS)…", "The exact solver (HiGHS)…"),
    "where.stage.exports": (
        "Menyiapkan tabel jawaban (CSV, XLSX)…",
        "Preparing the answer's tables (CSV, XLSX)…",
    ),
    "where.stage.documents": (
        "Menyiapkan salindia dan ringkasan (peta, PPTX, PDF)…",
        "Preparing the slides and the brief (map, PPTX, PDF)…",
    ),
    "where.done": ("Selesai dalam {seconds} detik", "Done in {seconds} s"),
    # ---------------------------------------------------------------- the planner's indicator
    "planner.ind.service_km": ("Jarak darat ke layanan (km)", "Distance over land to a service (km)"),
    "planner.explain.service_km": (
        "Jarak lewat darat ke titik layanan terdekat dari jenis yang dipilih (kebutuhan; bobot 0 kecuali "
        "diatur): makin jauh, makin tinggi; desa tanpa jalur darat ke layanan itu (pulau lain) atau tanpa "
        "batas wilayah dihitung sebagai yang terjauh. Diukur seperti di Cakupan Komunitas, Jangkauan layanan.",
        "Distance over land to the nearest service point of the chosen type (need; weight 0 unless set): the "
        "farther, the higher; a village with no land route to one (another island) or without a boundary "
        "counts as the farthest. Measured as on Programme coverage, Service reach.",
    ),
    # ---------------------------------------------------------------- where next: page and exports
    "where.title": ("Lokasi layanan baru", "New service sites"),
    "where.intro": (
        "Di desa mana {n} titik {type} baru paling banyak menambah {cover} dalam {km} km lewat darat yang "
        "belum terjangkau titik yang ada? Dijawab sebagai masalah lokasi cakupan maksimal dengan pemecah "
        "eksak (HiGHS); jawaban rakus (memilih satu per satu yang terbanyak) di sampingnya sebagai pembanding.",
        "In which villages would {n} new {type} points add the most {cover} within {km} km over land that the "
        "existing points do not reach? Answered as a maximal covering location problem by an exact solver "
        "(HiGHS), with the greedy answer beside it for comparison.",
    ),
    "where.n": ("Jumlah lokasi baru (N)", "Number of new sites (N)"),
    "where.cover": ("Yang dijangkau", "What to cover"),
    "where.cover.placements": ("penempatan", "placements"),
    "where.cover.reports": ("laporan non-prosedural", "non-procedural reports"),
    "where.cover.need": ("skor kebutuhan perencana", "the planner's need score"),
    "where.cover_help": (
        "Penempatan atau laporan pada periode terpilih, atau skor prioritas desa dari bobot di atas.",
        "Placements or reports in the chosen period, or the villages' priority score from the weights above.",
    ),
    "where.run": ("Cari lokasi", "Find sites"),
    "where.hint": (
        "Pilih jenis, R, N dan yang dijangkau di panel samping, lalu tekan **Cari lokasi**.",
        "Choose the type, R, N and what to cover in the sidebar, then press **Find sites**.",
    ),
    "where.no_points": (
        "Belum ada titik layanan tersimpan di provinsi ini: lokasi baru dihitung dari nol (semua yang dijangkau "
        "dihitung belum terjangkau).",
        "No service points are stored in this province: new sites are chosen from scratch (everything counts "
        "as not yet reached).",
    ),
    "where.choose_province": (
        "Pilih provinsi (atau wilayah di dalamnya) pada peta: lokasi baru dicari di dalam wilayah itu.",
        "Choose a province (or an area inside one) on the map: new sites are looked for inside it.",
    ),
    "where.no_demand": (
        "Tidak ada {cover} di wilayah dan periode ini: tidak ada yang perlu dijangkau.",
        "No {cover} in this area and period: nothing to cover.",
    ),
    "where.changed": (
        "Pilihan berubah sejak perhitungan terakhir; tekan **Cari lokasi** lagi.",
        "The choices changed since the last answer; press **Find sites** again.",
    ),
    "where.share_before": ("Dalam jangkauan sekarang", "Within reach now"),
    "where.share_greedy": ("Dengan lokasi jawaban rakus", "With the greedy sites"),
    "where.solver": ("Status pemecah", "Solver status"),
    "where.exact": ("Jawaban eksak", "Exact answer"),
    "where.greedy": ("Jawaban rakus (pembanding)", "Greedy answer (for comparison)"),
    "where.status.optimal": ("Optimal (terbukti terbaik)", "Optimal (proved best)"),
    "where.status.time_limit": (
        "Batas waktu: jawaban terbaik yang ditemukan, paling jauh {gap} di bawah yang terbaik",
        "Time limit: the best answer found, at most {gap} below the best possible",
    ),
    "where.status.greedy": ("Rakus", "Greedy"),
    "where.status.nothing_to_cover": (
        "Tidak ada yang dapat ditambah: semua sudah terjangkau atau tak ada calon lokasi",
        "Nothing to add: everything is reached already, or no candidate reaches anything",
    ),
    "where.solved": (
        "{status}. Masalah yang dipecahkan setelah direduksi: {groups} kelompok desa × {candidates} calon lokasi.",
        "{status}. Problem solved after its reduction: {groups} village groups × {candidates} candidate sites.",
    ),
    "where.status_short.optimal": ("Optimal", "Optimal"),
    "where.status_short.time_limit": ("Batas waktu", "Time limit"),
    "where.status_short.greedy": ("Rakus", "Greedy"),
    "where.status_short.nothing_to_cover": ("Tidak ada", "Nothing"),
    "where.col.rank": ("No.", "No."),
    "where.col.adds": ("Menambah ({cover})", "Adds ({cover})"),
    "where.total": ("Jumlah", "Total"),
    "where.export_title": (
        "{n} lokasi baru {type} dalam {km} km — {area}",
        "{n} new {type} sites within {km} km — {area}",
    ),
    "where.export_subtitle": ("Menjangkau {cover}, {period}", "Covering {cover}, {period}"),
    "where.shares": (
        "Dalam jangkauan: {before} sekarang → {after} dengan lokasi baru (jawaban rakus: {greedy}).",
        "Within reach: {before} now → {after} with the new sites (greedy answer: {greedy}).",
    ),
    "where.method_note": (
        "Cara: jarak lewat darat melalui titik desa-desa tetangga (bukan jalan; desa di pulau lain tanpa "
        "penyeberangan tidak terjangkau); setiap lokasi baru menjangkau desa dalam {km} km. Lokasi dipilih "
        "agar yang belum terjangkau titik yang ada bertambah sebanyak mungkin (masalah lokasi cakupan "
        "maksimal, HiGHS). 'Menambah' = yang dijangkau lokasi itu dan tidak oleh lokasi sebelumnya atau titik "
        "yang ada.",
        "Method: distance over land through neighbouring villages' points (not roads; villages on another "
        "island without a crossing are not reached); each new site reaches the villages within {km} km. Sites "
        "are chosen to add as much as possible of what the existing points do not reach (maximal covering "
        "location problem, HiGHS). 'Adds' = what that site reaches that neither the sites before it nor the "
        "existing points do.",
    ),
    "where.radius_note": (
        "Dalam jangkauan = paling jauh {km} km lewat darat dari {type} yang buka.",
        "Within reach = at most {km} km over land from an open {type}.",
    ),
    "where.sites_title": ("{n} lokasi baru {type}", "{n} new {type} sites"),
    "where.greedy_title": ("Jawaban rakus, sebagai pembanding", "The greedy answer, for comparison"),
    "where.map_title": (
        "Lokasi baru {type} dalam {km} km — {area}",
        "New {type} sites within {km} km — {area}",
    ),
    "where.sheet.sites": ("Lokasi baru", "New sites"),
    "where.sheet.greedy": ("Jawaban rakus", "Greedy answer"),
    "where.download_pptx": ("Unduh salindia (PPTX)", "Download slides (PPTX)"),
    "where.download_pdf": ("Unduh ringkasan (PDF)", "Download brief (PDF)"),
    "where.file": ("lokasi_layanan_baru", "new_service_sites"),
    # ---------------------------------------------------------------- the coverage-gap rule
    "reach.gap.to": ("Celah diukur ke", "Gaps measured to"),
    "reach.gap.to_programmes": ("Desa berprogram (garis lurus)", "Programme villages (straight line)"),
    "reach.gap.to_service": ("{type} (lewat darat)", "{type} (over land)"),
    "reach.gap.help": (
        "Aturan celah cakupan memakai jarak ke desa berprogram terdekat (garis lurus), atau jarak lewat "
        "darat ke titik layanan jenis terpilih yang buka (desa tanpa jalur darat ke sana termasuk celah).",
        "The coverage-gap rule uses the distance to the nearest programme village (straight line), or the "
        "distance over land to an open service point of the chosen type (a village with no land route to "
        "one is a gap).",
    ),
    "reach.gap.radius": (
        "Jarak terjauh ke {type}, lewat darat (km)",
        "Maximum distance to a {type}, over land (km)",
    ),
    "reach.gap.km": ("Jarak lewat darat (km)", "Distance over land (km)"),
    "reach.gap.nearest": ("Desa titik layanan terdekat", "Village of the nearest service point"),
    "reach.gap.outline": (
        "Garis tebal: celah ({pct}% teratas, tanpa {type} dalam {km} km lewat darat)",
        "Heavy outline: gap (top {pct}%, no {type} within {km} km over land)",
    ),
    "reach.gap.rule": (
        "Aturan celah: desa yang termasuk {pct}% desa dengan penempatan terbanyak di wilayah ini pada {year} "
        "(paling sedikit {min} penempatan) dan tidak punya {type} yang buka dalam {km} km lewat darat (atau "
        "tanpa jalur darat ke sana). Aturan ini tidak bergantung pada kelas warna peta.",
        "Gap rule: villages among the {pct}% with the most placements in this area in {year} (at least {min} "
        "placements) with no open {type} within {km} km over land (or no land route to one). The rule does "
        "not depend on the map's colour classes.",
    ),
    "reach.gap.found": (
        "{n} desa di antara {pct}% desa dengan penempatan terbanyak tidak punya {type} dalam {km} km lewat darat.",
        "{n} villages among the {pct}% with the most placements have no {type} within {km} km over land.",
    ),
    "reach.gap.none": (
        "Semua desa di antara {pct}% desa dengan penempatan terbanyak punya {type} dalam {km} km lewat darat.",
        "Every village among the {pct}% with the most placements has a {type} within {km} km over land.",
    ),
    # ---------------------------------------------------------------- the data catalogue (issue 26)
    "figure.concept.reach_placements": (
        "Seberapa dekat perlindungan dengan asal penempatan: bagian penempatan yang berasal dari desa "
        "yang dapat mencapai titik layanan terpilih dalam jarak R km lewat darat.",
        "How close protection is to where placements come from: the share of placements from villages "
        "that reach an open service point of the chosen type within R km over land.",
    ),
    "figure.method.reach_placements": (
        "Jumlah penempatan tahun terpilih dari desa berpoligon yang jarak lewat daratnya ke titik layanan "
        "terbuka terdekat dari jenis itu paling jauh R km, dibagi jumlah penempatan semua desa berpoligon "
        "di wilayah. Jarak: jalur terpendek melalui titik desa-desa tetangga pada poligon tersimpan.",
        "Placements in the chosen year from villages with a polygon whose distance over land to the "
        "nearest open service point of the type is at most R km, divided by the placements of every "
        "village with a polygon in the area. Distance: the shortest path through neighbouring villages' "
        "points on the stored polygons.",
    ),
    "figure.unit.reach_placements": ("persen penempatan", "per cent of placements"),
    "figure.caveats.reach_placements": (
        "Jarak lewat titik desa tetangga, bukan jalan: jalan sebenarnya bisa lebih panjang. Desa di pulau "
        "lain tanpa penyeberangan yang dihitung tidak terjangkau. Desa tanpa poligon tidak dihitung.",
        "Distance through neighbouring villages' points, not roads: the real road can be longer. "
        "Villages on another island without a stated crossing are not reached. Villages without a "
        "polygon are left out.",
    ),
    "figure.concept.reach_reports": (
        "Bagian laporan non-prosedural yang berasal dari desa dalam jangkauan R km lewat darat dari "
        "titik layanan terpilih.",
        "The share of non-procedural reports from villages within R km over land of an open service "
        "point of the chosen type.",
    ),
    "figure.method.reach_reports": (
        "Jumlah laporan tahun terpilih dari desa berpoligon dalam R km lewat darat dari titik layanan "
        "terbuka jenis itu, dibagi jumlah laporan semua desa berpoligon di wilayah.",
        "Reports in the chosen year from villages with a polygon within R km over land of an open "
        "service point of the type, divided by the reports of every village with a polygon in the area.",
    ),
    "figure.unit.reach_reports": ("persen laporan", "per cent of reports"),
    "figure.caveats.reach_reports": (
        "Bergantung pada pelaporan; jarak lewat titik desa tetangga, bukan jalan; pulau lain tanpa "
        "penyeberangan yang dihitung tidak terjangkau.",
        "Depends on reporting; distance through neighbouring villages' points, not roads; another "
        "island without a stated crossing is not reached.",
    ),
    "figure.concept.reach_no_land_route": (
        "Desa yang tidak bisa mencapai titik layanan jenis terpilih lewat darat sama sekali (pulau lain).",
        "Villages that cannot reach an open service point of the chosen type over land at all (another "
        "island).",
    ),
    "figure.method.reach_no_land_route": (
        "Jumlah desa berpoligon di wilayah yang tidak tersambung lewat poligon tetangga (atau "
        "penyeberangan yang dihitung) dengan titik layanan terbuka mana pun dari jenis itu.",
        "Count of the area's villages with a polygon not joined through neighbouring polygons (or a "
        "stated crossing) to any open service point of the type.",
    ),
    "figure.unit.reach_no_land_route": ("desa", "villages"),
    "figure.caveats.reach_no_land_route": (
        "Penyeberangan feri hanya dihitung bila dipilih; poligon yang salah tempat dalam arsip batas "
        "menjadi pulau tersendiri.",
        "Ferry crossings count only when chosen; a polygon misplaced in the boundary archive becomes an "
        "island of its own.",
    ),
    "figure.concept.reach_share_after": (
        "Bagian yang terjangkau bila lokasi layanan baru yang diusulkan ditambahkan.",
        "The share reached once the proposed new service sites are added.",
    ),
    "figure.method.reach_share_after": (
        "Masalah lokasi cakupan maksimal dipecahkan dengan HiGHS: N desa yang bersama-sama menambah "
        "paling banyak penempatan, laporan atau skor kebutuhan yang belum terjangkau dalam R km lewat "
        "darat; yang terjangkau sekarang ditambah yang ditambah lokasi baru, dibagi jumlahnya di wilayah.",
        "The maximal covering location problem solved by HiGHS: the N villages that together add the "
        "most placements, reports or need score not yet within R km over land; what is reached now plus "
        "what the new sites add, divided by the area's total.",
    ),
    "figure.unit.reach_share_after": ("persen", "per cent"),
    "figure.caveats.reach_share_after": (
        "Bila waktu pemecah habis, jawaban terbaik yang ditemukan dan selisihnya dari yang terbaik "
        "dinyatakan. Jarak lewat titik desa tetangga, bukan jalan.",
        "When the solver's time runs out, the best answer found and its gap to the best possible are "
        "stated. Distance through neighbouring villages' points, not roads.",
    ),
    "layer.definition.service_points": (
        "Titik layanan perlindungan PMI: LTSA, kantor UPT BP3MI/BP2MI/KP2MI, Pos Pelayanan, Disnaker, "
        "MRC/BP PIPA, pusat layanan Desmigratif, rumah aman, lainnya; dengan koordinat atau desanya.",
        "Protection service points: LTSA, UPT BP3MI/BP2MI/KP2MI offices, Pos Pelayanan, Disnaker, "
        "MRC/BP PIPA, Desmigratif service centres, shelters, other; with coordinates or their village.",
    ),
    "layer.unit.service_points": (
        "Satu baris: satu titik layanan (jenis, nama kantor, desa, koordinat, tahun dibuka dan ditutup).",
        "One row: one service point (type, office name, village, coordinates, years opened and closed).",
    ),
    "layer.classification.service_points": (
        "Wilayah, jenis titik layanan, tahun dibuka, tahun ditutup, cara ditempatkan (koordinat atau titik "
        "desa).",
        "Area, service point type, year opened, year closed, how it is placed (coordinates or the "
        "village's point).",
    ),
    "layer.source.service_points": (
        "Daftar kantor dan layanan dari BP3MI/UPT, Disnaker dan mitra program.",
        "Lists of offices and services from BP3MI/UPT, Disnaker and programme partners.",
    ),
    "layer.cadence.service_points": ("Bila ada perubahan.", "When something changes."),
    "layer.caveats.service_points": (
        "Titik tanpa koordinat ditempatkan di titik desanya; titik di luar desa tertulis atau di luar "
        "Indonesia dilaporkan saat impor.",
        "A point without coordinates is placed at its village's point; a point outside its stated "
        "village or outside Indonesia is reported at import.",
    ),
}
