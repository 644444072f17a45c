"""Texts of exports (static maps, slides, PDF brief) and of presentation mode."""

TEXT = {
    # static maps
    "export.map.north": ("U", "N"),
    "export.map.no_data": ("Tidak ada data", "No data"),
    "export.map.hidden": ("Disembunyikan (angka kecil)", "Hidden (small counts)"),
    "export.map.footer": (
        "Sumber: {source}. Dibuat {date}. Angka 1–{max} ditampilkan sebagai {label} untuk melindungi pekerja migran.",
        "Source: {source}. Made {date}. Counts of 1–{max} are shown as {label} to protect migrant workers.",
    ),
    "export.map.title": ("{layer} — {area}, {period}", "{layer} — {area}, {period}"),
    # suppression note
    "export.suppression_note": (
        "<{threshold} = 1 sampai {max} (disembunyikan); x = disembunyikan agar angka kecil tidak dapat dihitung dari total.",
        "<{threshold} = 1 to {max} (hidden); x = hidden so that small counts cannot be worked out from totals.",
    ),
    # slides
    "export.deck.subtitle": ("{area} · {period}", "{area} · {period}"),
    "export.deck.sources": ("Sumber data: {sources}", "Data sources: {sources}"),
    "export.deck.made": ("Dibuat {date} dengan Atlas PMI", "Made {date} with Atlas PMI"),
    "export.deck.key_figures": ("Angka utama", "Key figures"),
    "export.deck.top_villages": ("Desa teratas", "Top villages"),
    "export.deck.demo": ("DEMO — data karangan", "DEMO — invented data"),
    "export.rank": ("No.", "No."),
    "export.village": ("Desa/Kelurahan", "Village"),
    "export.district": ("Kecamatan", "District"),
    "export.regency": ("Kabupaten/Kota", "Regency/city"),
    "export.province": ("Provinsi", "Province"),
    "export.total": ("Jumlah", "Total"),
    # brief
    "export.brief.title": ("Ringkasan {area}", "Brief: {area}"),
    "export.brief.layers": ("Menurut lapisan data", "By data layer"),
    "export.brief.none": ("Belum ada data {layer} untuk wilayah ini.", "No {layer} data for this area yet."),
    "export.brief.sentence.count": (
        "{layer}: {value} pada {period}{change}.",
        "{layer}: {value} in {period}{change}.",
    ),
    "export.brief.sentence.hidden": (
        "{layer}: kurang dari {threshold} pada {period} (angka kecil disembunyikan).",
        "{layer}: fewer than {threshold} in {period} (small counts hidden).",
    ),
    "export.brief.change_up": (", naik {change} dari tahun sebelumnya", ", up {change} on the year before"),
    "export.brief.change_down": (
        ", turun {change} dari tahun sebelumnya",
        ", down {change} on the year before",
    ),
    "export.brief.change_none": (", tidak ada data {year}", ", no data for {year}"),
    "export.brief.change_same": (", sama dengan tahun sebelumnya", ", the same as the year before"),
    "export.brief.top_village": (
        " Desa dengan angka tertinggi: {village} ({value}).",
        " Highest village: {village} ({value}).",
    ),
    "export.brief.villages_with": (
        " Tercatat di {villages} desa.",
        " Recorded in {villages} villages.",
    ),
    "export.brief.villages_with.one": (" Tercatat di {villages} desa.", " Recorded in {villages} village."),
    # table columns
    "export.col.placements": ("Penempatan", "Placements"),
    "export.col.women": ("Perempuan", "Women"),
    "export.col.men": ("Laki-laki", "Men"),
    "export.col.gender_unknown": ("Jenis kelamin tidak tercatat", "Gender not recorded"),
    "export.col.share_women": ("Porsi perempuan", "Share of women"),
    "export.col.reports": ("Laporan non-prosedural", "Non-procedural reports"),
    "export.col.enterprises": ("Usaha purna PMI", "Returnee enterprises"),
    "export.col.programmes": ("Program komunitas", "Community programmes"),
    # key figures
    "export.gender.L": ("Laki-laki", "Men"),
    "export.gender.P": ("Perempuan", "Women"),
    # layers and their units
    "export.layer.placements": ("Penempatan PMI", "Placements"),
    "export.layer.reports": ("Laporan non-prosedural", "Non-procedural reports"),
    "export.layer.enterprises": ("Usaha purna PMI", "Returnee enterprises"),
    "export.layer.programmes": ("Program komunitas", "Community programmes"),
    "export.unit.placements": ("Pekerja ditempatkan", "Workers placed"),
    "export.unit.reports": ("Laporan", "Reports"),
    "export.unit.enterprises": ("Usaha", "Enterprises"),
    "export.unit.programmes": ("Program", "Programmes"),
    # the unit after the number 1 (English writes "1 programme"; Indonesian has one form)
    "export.unit.one.placements": ("Pekerja ditempatkan", "Worker placed"),
    "export.unit.one.reports": ("Laporan", "Report"),
    "export.unit.one.enterprises": ("Usaha", "Enterprise"),
    "export.unit.one.programmes": ("Program", "Programme"),
    # charts
    "export.chart.trend": ("{layer} per tahun", "{layer} by year"),
    "export.chart.destination": ("{layer} menurut negara tujuan", "{layer} by destination country"),
    "export.chart.sector": ("{layer} menurut sektor", "{layer} by sector"),
    "export.chart.gender": ("{layer} menurut jenis kelamin", "{layer} by gender"),
    "export.chart.channel": ("{layer} menurut jalur", "{layer} by channel"),
    "export.chart.enterprise_type": ("{layer} menurut jenis usaha", "{layer} by type of enterprise"),
    "export.chart.programme": ("{layer} menurut jenis program", "{layer} by programme type"),
    "export.change": ("Perubahan", "Change"),
    "export.change_from": ("Perubahan dari {year}", "Change from {year}"),
    "export.category": ("Kategori", "Category"),
    "export.sheet.villages": ("Desa", "Villages"),
    "export.sheet.note": ("Catatan", "Note"),
    # the export page and presentation mode
    "export.page.title": ("Ekspor dan presentasi", "Export and presentation"),
    "export.page.intro": (
        "Unduh tampilan saat ini sebagai salindia PowerPoint, gambar, peta HTML, ringkasan PDF satu halaman, tabel, "
        "atau berkas GIS (GeoPackage yang terbuka di QGIS dengan warna peta ini, GeoJSON). "
        "Di semua berkas ekspor, angka kecil disembunyikan.",
        "Download the current view as PowerPoint slides, images, an HTML map, a one-page PDF brief, tables "
        "or GIS files (a GeoPackage that opens in QGIS in this map's colours, GeoJSON). "
        "Small counts are hidden in every export.",
    ),
    "export.page.empty": (
        "Belum ada batas wilayah dan lapisan data untuk diekspor. Muat data di halaman Data terlebih dulu.",
        "There are no boundaries and data layers to export yet. Load data on the Data page first.",
    ),
    "export.page.area": ("Wilayah", "Area"),
    "export.page.national": ("Indonesia (semua desa/kelurahan)", "Indonesia (all villages)"),
    "export.page.national_note": (
        "Peta interaktif HTML tidak tersedia untuk seluruh desa/kelurahan Indonesia (terlalu besar untuk "
        "satu berkas); gunakan peta nasional di halaman Peta, atau pilih provinsi.",
        "The interactive HTML map is not offered for all of Indonesia's villages (too large for one "
        "file); use the national map on the map pages, or choose a province.",
    ),
    "export.page.layer": ("Lapisan data", "Data layer"),
    "export.page.year": ("Tahun", "Year"),
    "export.page.files": ("Berkas ekspor", "Export files"),
    "export.page.formats": ("Format", "Formats"),
    "export.page.size": ("Ukuran gambar peta dan grafik", "Size of the map and chart pictures"),
    "export.page.build": ("Buat berkas", "Make the files"),
    "export.page.building": ("Membuat berkas…", "Making the files…"),
    "export.page.done": ("Berkas siap diunduh", "Files ready to download"),
    "export.format.csv": ("Tabel CSV", "CSV table"),
    "export.format.xlsx": ("Tabel Excel", "Excel workbook"),
    "export.format.html": ("Peta interaktif (HTML)", "Interactive map (HTML)"),
    "export.format.png": ("Gambar peta dan grafik (PNG)", "Map and chart images (PNG)"),
    "export.format.pptx": ("Salindia PowerPoint", "PowerPoint slides"),
    "export.format.pdf": ("Ringkasan PDF", "PDF brief"),
    "export.present.switch": ("Mode presentasi", "Presentation mode"),
    "export.present.help": (
        "Layar penuh untuk proyektor: tanpa menu samping, huruf besar, angka kecil disembunyikan. "
        "Tautan dengan ?present=1 membuka mode ini langsung.",
        "Full screen for a projector: no sidebar, large type, small counts hidden. "
        "A link with ?present=1 opens this mode directly.",
    ),
    "export.present.exit": ("Keluar", "Exit"),
    "export.error": ("Ekspor tidak dapat dibuat: {message}", "The export could not be made: {message}"),
}
