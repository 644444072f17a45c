"""Texts shared by every page: app frame, navigation, language and dataset pickers, errors."""

TEXT = {
    "app.language": ("Bahasa", "Language"),
    "app.dataset": ("Data", "Dataset"),
    "app.dataset.demo": ("Demo (data karangan)", "Demo (invented data)"),
    "app.dataset.store": ("Data tersimpan", "Stored data"),
    "app.demo_banner": (
        "DEMO: wilayah dan angka di halaman ini adalah karangan, bukan data sebenarnya.",
        "DEMO: the region and figures on this page are invented, not real data.",
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
    "common.error": ("Terjadi kesalahan: {message}", "Something went wrong: {message}"),
}
