"""The shared map widget and the area map page."""

TEXT = {
    "map.basemap": ("Peta dasar", "Basemap"),
    "map.basemap.none": ("Tanpa peta dasar (luring)", "None (works offline)"),
    "map.basemap.osm": ("OpenStreetMap (perlu internet)", "OpenStreetMap (needs internet)"),
    "map.basemap.carto_light": ("CARTO terang (perlu internet)", "CARTO light (needs internet)"),
    "map.markers": ("Titik", "Points"),
    "map.title": ("Peta Wilayah", "Area map"),
    "map.intro": (
        "Batas wilayah resmi dari provinsi sampai desa/kelurahan. Pilih wilayah di atas peta atau "
        "klik poligon untuk masuk ke tingkat berikutnya; klik desa untuk melihat semua datanya.",
        "Official boundaries from province down to village. Choose an area above the map or click "
        "a polygon to go one level down; click a village to see everything known about it.",
    ),
    "map.level": ("Tampilkan tingkat", "Show level"),
    "map.village_count": ("Jumlah desa/kelurahan", "Villages"),
    "map.village_kind": ("Jenis", "Type"),
    "map.kind.desa": ("Desa", "Desa (village)"),
    "map.kind.kelurahan": ("Kelurahan", "Kelurahan (urban village)"),
    "map.kind.desa_adat": ("Desa adat", "Desa adat (customary village)"),
    "map.held": (
        "{villages} desa/kelurahan di wilayah ini, {with_polygon} berpoligon.",
        "{villages} villages in this area, {with_polygon} with a polygon.",
    ),
    "map.without_polygon": (
        "{count} desa/kelurahan tanpa poligon (tidak tergambar di peta)",
        "{count} villages without a polygon (not drawn on the map)",
    ),
    "map.source": ("Sumber batas: {source}; diimpor {date}.", "Boundary source: {source}; imported {date}."),
    "map.about": (
        "Peta ini hanya menampilkan batas wilayah: jumlah desa/kelurahan per wilayah, atau jenis "
        "desa/kelurahan (kode bagian ke-4: 1xxx kelurahan, 2xxx desa). Garis disederhanakan untuk "
        "tampilan; perhitungan memakai poligon lengkap.",
        "This map shows the boundaries only: the number of villages per area, or the type of each "
        "village (4th code part: 1xxx kelurahan, 2xxx desa). Lines are simplified for display; "
        "computations use the full polygons.",
    ),
    "map.no_boundaries": (
        "Belum ada batas wilayah. Ambil batas resmi satu provinsi dengan "
        "`python -m loaders.boundaries fetch --province 36`, atau impor berkas di halaman Data.",
        "No boundaries yet. Fetch a province's official boundaries with "
        "`python -m loaders.boundaries fetch --province 36`, or import a file on the Data page.",
    ),
    "map.labels": ("Nama wilayah di peta", "Area names on the map"),
    "map.labels_help": (
        "Menulis nama wilayah di peta bila muat dan tidak bertumpuk; perbesar peta untuk melihat "
        "nama kecamatan dan desa.",
        "Writes area names on the map where they fit without overlapping; zoom in to see "
        "district and village names.",
    ),
    "map.attribution": ("Batas: {source}", "Boundaries: {source}"),
    "map.boundary_source.demo": ("karangan (demo)", "invented (demo)"),
    "map.boundary_source.archive": (
        "wilayah_boundaries (cahyadsn, lisensi MIT), kode Kepmendagri 300.2.2-2138/2025",
        "wilayah_boundaries (cahyadsn, MIT licence), Kepmendagri codes 300.2.2-2138/2025",
    ),
    "map.boundary_source.files": ("berkas batas resmi yang diimpor", "imported official boundary files"),
    "map.panel_close": ("Tutup", "Close"),
    "map.empty.fetch": ("Ambil batas satu provinsi", "Fetch a province's boundaries"),
    "map.empty.upload": ("Unggah berkas batas wilayah", "Upload a boundary file"),
    "map.empty.demo": ("Lihat data demo", "Show the demo data"),
    "map.zoom_in": ("Perbesar", "Zoom in"),
    "map.zoom_out": ("Perkecil", "Zoom out"),
}
