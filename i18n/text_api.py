"""The OGC API (``atlas serve-api``): the service's and the collections' titles and descriptions,
and the answers to refused requests."""

TEXT = {
    "api.title": ("Atlas PMI: data agregat", "Atlas PMI: aggregate data"),
    "api.description": (
        "Angka agregat Atlas PMI per wilayah dan tahun (bukan data per baris), dari registri angka "
        "yang sama dengan halaman dasbor; jumlah kecil disembunyikan seperti pada setiap ekspor.",
        "Atlas PMI aggregate figures per area and year (never row-level), from the same registry of "
        "figures as the dashboard's pages; small counts hidden as in every export.",
    ),
    "api.collection.provinces": ("Provinsi per tahun", "Provinces by year"),
    "api.collection.regencies": ("Kabupaten/kota per tahun", "Regencies and cities by year"),
    "api.collection.districts": ("Kecamatan per tahun", "Districts by year"),
    "api.collection.villages": ("Desa/kelurahan per tahun", "Villages by year"),
    "api.collection.description": (
        "Satu fitur per wilayah dan tahun: kode Kemendagri, nama, kode wilayah di atasnya, dan setiap "
        "angka registri (null bila tidak ada data; null dan tercantum di 'hidden' bila jumlah kecil "
        "disembunyikan, yaitu 1 sampai {max}). Saring dengan year=, area=, province=, regency=, "
        "district= atau code=.",
        "One feature per area and year: the Kemendagri code, the name, the codes of the areas above "
        "it, and every figure of the registry (null where there is no data; null and named in "
        "'hidden' where a small count, 1 to {max}, is hidden). Filter with year=, area=, province=, "
        "regency=, district= or code=.",
    ),
    "api.unauthorized": (
        "Token API diperlukan: kirim 'Authorization: Bearer TOKEN' (atau token sebagai kata sandi "
        "Basic dengan nama pengguna Anda). Token diterbitkan oleh admin (atlas users token issue).",
        "An API token is required: send 'Authorization: Bearer TOKEN' (or the token as the Basic "
        "password with your user name). An admin issues tokens (atlas users token issue).",
    ),
    "api.refused_token": (
        "Token tidak dikenal, dicabut, kedaluwarsa, atau penggunanya dinonaktifkan.",
        "The token is unknown, revoked or expired, or its user is disabled.",
    ),
    "api.json_only": (
        "Layanan ini menjawab dalam JSON/GeoJSON saja (f=json).",
        "This service answers in JSON/GeoJSON only (f=json).",
    ),
    "api.not_found": ("Tidak ada di layanan ini.", "Not in this service."),
    "api.read_only": ("Layanan ini hanya-baca.", "This service is read-only."),
}
