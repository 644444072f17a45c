"""Texts shared by every page: app frame, navigation, language and dataset pickers, errors."""

TEXT = {
    "app.title": ("Atlas PMI", "Atlas PMI"),
    "app.tagline": (
        "Peta desa asal Pekerja Migran Indonesia dan program perlindungannya",
        "Map of the home villages of Indonesian migrant workers and their protection programmes",
    ),
    "app.language": ("Bahasa", "Language"),
    "app.dataset": ("Data", "Dataset"),
    "app.dataset.demo": ("Demo (data karangan)", "Demo (invented data)"),
    "app.dataset.store": ("Data tersimpan", "Stored data"),
    "app.demo_banner": (
        "DEMO: wilayah dan angka di halaman ini adalah karangan, bukan data sebenarnya.",
        "DEMO: the region and figures on this page are invented, not real data.",
    ),
    "app.store_empty": (
        "Data tersimpan masih kosong. Muat batas wilayah dulu (halaman Data, atau "
        "`python -m loaders.boundaries fetch --province 36`).",
        "The store is empty. Load boundaries first (Data page, or "
        "`python -m loaders.boundaries fetch --province 36`).",
    ),
    "app.attribution": (
        "Batas wilayah: arsip wilayah_boundaries (cahyadsn, lisensi MIT). Kode dan nama: "
        "Kepmendagri No 300.2.2-2138 Tahun 2025.",
        "Boundaries: the wilayah_boundaries archive (cahyadsn, MIT licence). Codes and names: "
        "Kepmendagri No 300.2.2-2138 of 2025.",
    ),
    "level.province": ("Provinsi", "Province"),
    "level.regency": ("Kabupaten/Kota", "Regency/City"),
    "level.district": ("Kecamatan", "District"),
    "level.village": ("Desa/Kelurahan", "Village"),
    "common.all": ("Semua", "All"),
    "common.indonesia": ("Indonesia", "Indonesia"),
    "common.no_data": ("Tidak ada data", "No data"),
    "common.name": ("Nama", "Name"),
    "common.code": ("Kode", "Code"),
    "common.year": ("Tahun", "Year"),
    "common.value": ("Nilai", "Value"),
    "common.download": ("Unduh", "Download"),
    "common.error": ("Terjadi kesalahan: {message}", "Something went wrong: {message}"),
}
