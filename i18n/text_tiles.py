"""The national village view (all villages of Indonesia on one map)."""

TEXT = {
    "tiles.national_toggle": ("Semua desa/kelurahan se-Indonesia", "Every village of Indonesia"),
    "tiles.national_help": (
        "Menggambar setiap desa/kelurahan yang tersimpan di satu peta. Perbesar peta untuk garis "
        "yang lebih rinci; pilih provinsi di atas untuk peta provinsi.",
        "Draws every stored village on one map. Zoom in for finer outlines; choose a province "
        "above for the province map.",
    ),
    "tiles.loading": ("Memuat {count} desa/kelurahan…", "Loading {count} villages…"),
    "tiles.failed": (
        "Batas desa/kelurahan tidak dapat dimuat dari aplikasi. Muat ulang halaman; bila tetap "
        "gagal, pilih provinsi di atas.",
        "The village boundaries could not be loaded from the app. Reload the page; if it still "
        "fails, choose a province above.",
    ),
    "tiles.no_leaflet": (
        "Pustaka peta (Leaflet) tidak ditemukan di server atlas, jadi peta seluruh desa tidak dapat "
        "digambar. Jalankan scripts/setup.sh di server, lalu muat ulang halaman.",
        "The map library (Leaflet) is missing on the atlas server, so the map of every village "
        "cannot be drawn. Run scripts/setup.sh on the server, then reload the page.",
    ),
    "tiles.no_canvas": (
        "Peramban ini tidak dapat menggambar peta seluruh desa (tidak ada kanvas 2D). Pilih "
        "provinsi di atas untuk peta provinsi, atau buka di peramban lain.",
        "This browser cannot draw the map of every village (no 2D canvas). Choose a province "
        "above for the province map, or open it in another browser.",
    ),
    "tiles.missing": (
        "{count} provinsi diimpor sebelum peta nasional desa ada dan belum tergambar: jalankan "
        "`python -m loaders.tiles build` (atau impor ulang batasnya).",
        "{count} provinces were imported before the national village map existed and are not "
        "drawn: run `python -m loaders.tiles build` (or import their boundaries again).",
    ),
    "tiles.none": (
        "Belum ada batas desa/kelurahan untuk peta nasional.",
        "No village boundaries for the national map yet.",
    ),
}
