"""Vocabularies of the layer files: the canonical values of categories and their aliases.

Every alias is compared by :func:`_key` (lower case, punctuation and spaces folded), so
``"G to G"``, ``"g-to-g"`` and ``"G TO G"`` are one alias.
"""

from __future__ import annotations

import re

__all__ = [
    "GENDER_VALUES",
    "PROGRAMME_VALUES",
    "SCHEME_VALUES",
    "OUTCOME_VALUES",
    "REASON_VALUES",
    "PROBLEM_VALUES",
    "ROUTE_VALUES",
    "ENTRY_POINTS",
    "REASON_HEADERS",
    "SERVICE_TYPE_VALUES",
    "COUNTRY_HEADERS",
    "SECTOR_HEADERS",
]


def _key(value: object) -> str:
    return re.sub(r"[^0-9a-z]+", " ", str(value).lower()).strip()


def _alias_map(groups: dict[str, tuple[str, ...]]) -> dict[str, str]:
    return {_key(alias): canon for canon, aliases in groups.items() for alias in (canon, *aliases)}


GENDER_VALUES = _alias_map(
    {
        "L": ("l", "lk", "laki", "laki laki", "lakilaki", "pria", "m", "male", "man", "men", "cowok", "1"),
        "P": ("p", "pr", "pr.", "perempuan", "wanita", "f", "female", "woman", "women", "w", "cewek", "2"),
    }
)
PROGRAMME_VALUES = _alias_map(
    {
        "KKBM": ("kkbm", "komunitas keluarga buruh migran", "komunitas keluarga pmi", "kk bm",
                 "komunitas keluarga pekerja migran", "komunitas keluarga pekerja migran indonesia"),
        "DESMIGRATIF": ("desmigratif", "desa migran produktif", "desa migran", "desmigratif kemnaker",
                        "program desa migran produktif", "desa migran produktif desmigratif"),
        "KAWAN_PMI": ("kawan pmi", "kawanpmi", "kawan", "relawan kawan pmi", "kawan_pmi",
                      "komunitas relawan pekerja migran indonesia", "komunitas relawan pmi", "relawan pmi"),
        "MRC": ("mrc", "migrant resource centre", "migrant resource center", "bp pipa", "bppipa", "pipa",
                "mrc bp pipa", "mrc/bp pipa", "pusat sumber daya migran", "balai perempuan pipa",
                "balai perempuan pipa migrant resource center", "balai perempuan"),
        "PERDES": ("perdes", "perdes pmi", "peraturan desa", "peraturan desa pmi", "perdes pelindungan pmi",
                   "peraturan desa tentang pelindungan pmi",
                   "peraturan desa tentang pelindungan pekerja migran indonesia",
                   "perdes tentang pelindungan pmi", "perdes perlindungan pmi", "peraturan desa perlindungan pmi"),
        "PERWIRA": ("perwira pmi", "perwira", "perwira_pmi"),
        "OTHER": ("other", "others", "lainnya", "lain lain", "lain", "program lain"),
    }
)  # fmt: skip
SCHEME_VALUES = _alias_map(
    {
        "G2G": ("g to g", "g2g", "gtog", "government to government", "pemerintah", "g to g korea", "g to g jepang"),
        "P2P": ("p to p", "p2p", "ptop", "private to private", "swasta", "p3mi", "pptkis", "perusahaan", "agency",
                "melalui p3mi", "b to b", "b2b"),
        "MANDIRI": ("mandiri", "perseorangan", "perorangan", "individual", "independent", "um", "user mandiri"),
        "OTHER": ("other", "lainnya", "lain lain", "ukps", "kepentingan perusahaan sendiri"),
    }
)  # fmt: skip
OUTCOME_VALUES = _alias_map(
    {
        "PREVENTED": ("dicegah", "digagalkan", "pencegahan", "prevented", "ditunda", "batal berangkat", "ditolak",
                      "dicegah berangkat", "penundaan", "stopped"),
        "RETURNED": ("dipulangkan", "kembali", "returned", "pemulangan", "repatriated", "dikembalikan",
                     "dikembalikan ke daerah asal", "deportasi", "dideportasi"),
        "CASE_HANDLED": ("ditangani", "kasus ditangani", "proses hukum", "case handled", "handled", "diproses",
                         "penanganan kasus", "diselesaikan", "selesai", "mediasi"),
        "OTHER": ("other", "lainnya", "lain lain"),
    }
)  # fmt: skip
#: Why a worker came home (returns layer). A cell naming a problem (``Gaji tidak dibayar``,
#: ``TPPO``) is a problem case with that problem (:data:`PROBLEM_VALUES`).
REASON_VALUES = _alias_map(
    {
        "END_OF_CONTRACT": ("habis kontrak", "kontrak habis", "selesai kontrak", "kontrak selesai", "kontrak berakhir",
                            "berakhir kontrak", "purna kontrak", "akhir kontrak", "pmi purna", "purna", "end of contract",
                            "contract ended", "contract completed", "finished contract", "selesai masa kontrak",
                            "habis masa kontrak", "pulang habis kontrak", "normal"),
        "DEPORTED": ("deportasi", "dideportasi", "deportan", "deported", "deportation", "pmi deportasi",
                     "pmib deportasi", "di deportasi", "deportee", "deportees"),
        "PROBLEM": ("pmi bermasalah", "pmib", "bermasalah", "repatriasi", "direpatriasi", "repatriated",
                    "repatriation", "problem case", "kasus", "pmi kasus", "pemulangan bermasalah",
                    "dipulangkan bermasalah", "dipulangkan", "pemulangan kasus", "pmi bermasalah kasus"),
        "SICK": ("sakit", "sick", "ill", "illness", "pmi sakit", "sakit fisik", "sakit jiwa", "gangguan jiwa",
                 "depresi", "dirawat", "perawatan", "sakit keras", "sakit berat"),
        "DIED": ("meninggal", "meninggal dunia", "md", "wafat", "jenazah", "died", "dead", "deceased", "death",
                 "pmi meninggal", "pmi meninggal dunia", "pemulangan jenazah"),
        "OTHER": ("other", "others", "lainnya", "lain lain", "lain", "cuti", "pulang cuti", "lain nya"),
    }
)  # fmt: skip
#: The problem of a problem case (returns layer).
PROBLEM_VALUES = _alias_map(
    {
        "UNPAID_WAGES": ("gaji tidak dibayar", "gaji tidak dibayarkan", "gaji belum dibayar", "upah tidak dibayar",
                         "upah tidak dibayarkan", "gaji tdk dibayar", "unpaid wages", "unpaid salary", "wage theft",
                         "gaji", "upah", "gaji tidak sesuai", "pemotongan gaji"),
        "VIOLENCE": ("kekerasan", "kekerasan fisik", "kekerasan seksual", "penganiayaan", "pelecehan",
                     "pelecehan seksual", "penyiksaan", "violence", "abuse", "physical abuse", "sexual abuse",
                     "korban kekerasan"),
        "TRAFFICKING": ("tppo", "perdagangan orang", "tindak pidana perdagangan orang", "trafficking",
                        "human trafficking", "korban tppo", "perdagangan manusia", "trafficking in persons"),
        "UNDOCUMENTED": ("tidak berdokumen", "tanpa dokumen", "tdk berdokumen", "undocumented", "ilegal",
                         "illegal", "unprosedural", "non prosedural", "nonprosedural", "tidak resmi",
                         "dokumen tidak lengkap", "overstay", "tanpa izin kerja", "visa tidak sesuai"),
        "OTHER": ("other", "lainnya", "lain lain", "lain", "masalah lain", "kasus lain"),
    }
)  # fmt: skip
#: Whether the worker had left through the procedure (returns layer).
ROUTE_VALUES = _alias_map(
    {
        "PROCEDURAL": ("prosedural", "procedural", "resmi", "legal", "berdokumen", "documented", "sesuai prosedur",
                       "jalur resmi", "p3mi", "regular", "reguler", "terdaftar", "ya"),
        "NON_PROCEDURAL": ("non prosedural", "nonprosedural", "non procedural", "non-procedural", "unprosedural",
                           "tidak prosedural", "tidak sesuai prosedur", "ilegal", "illegal", "tidak resmi",
                           "jalur tidak resmi", "tidak berdokumen", "undocumented", "irregular", "non reguler",
                           "tidak terdaftar", "tidak", "np"),
    }
)  # fmt: skip
#: Debarkation ports and airports written the usual ways → one name each; others are kept
#: as written (title-cased).
ENTRY_POINTS = {
    _key(alias): name
    for name, aliases in {
        "Nunukan": ("nunukan", "pelabuhan nunukan", "tunon taka", "pelabuhan tunon taka", "debarkasi nunukan",
                    "p4mi nunukan"),
        "Tanjung Pinang": ("tanjung pinang", "tanjungpinang", "tg pinang", "tg. pinang", "tgpinang",
                           "pelabuhan tanjung pinang", "sri bintan pura", "pelabuhan sri bintan pura"),
        "Batam": ("batam", "pelabuhan batam", "batam centre", "batam center", "sekupang", "hang nadim",
                  "bandara hang nadim"),
        "Dumai": ("dumai", "pelabuhan dumai"),
        "Tanjung Priok": ("tanjung priok", "tanjungpriok", "tg priok", "tg. priok", "pelabuhan tanjung priok"),
        "Juanda": ("juanda", "bandara juanda", "juanda surabaya", "surabaya juanda", "bandara juanda surabaya"),
        "Soekarno-Hatta": ("soekarno hatta", "soekarno-hatta", "soetta", "cgk", "bandara soekarno hatta",
                           "bandara soetta", "bandara soekarno-hatta", "sukarno hatta", "bandara internasional soekarno hatta"),
        "Kualanamu": ("kualanamu", "kuala namu", "bandara kualanamu"),
        "Entikong": ("entikong", "plbn entikong", "pos lintas batas entikong"),
        "Ngurah Rai": ("ngurah rai", "bandara ngurah rai", "denpasar"),
        "Tanjung Perak": ("tanjung perak", "tg perak", "pelabuhan tanjung perak"),
        "Belawan": ("belawan", "pelabuhan belawan"),
        "Tanjung Balai Karimun": ("tanjung balai karimun", "tanjungbalai karimun", "tg balai karimun", "karimun"),
        "Zainuddin Abdul Madjid": ("zainuddin abdul madjid", "bizam", "lombok", "bandara lombok", "bil"),
        "Yogyakarta International Airport": ("yia", "yogyakarta international airport", "kulon progo"),
    }.items()
    for alias in (name, *aliases)
}  # fmt: skip
SERVICE_TYPE_VALUES = _alias_map(
    {
        "LTSA": ("ltsa", "layanan terpadu satu atap", "ltsa pmi", "ltsa p2mi", "ltsa p2tki", "ltsa pmi kabupaten",
                 "layanan terpadu satu atap pmi", "layanan terpadu satu atap pekerja migran indonesia",
                 "pelayanan terpadu satu atap", "one stop service", "one-stop service"),
        "UPT_BP3MI": ("upt bp3mi", "bp3mi", "bp2mi", "kp2mi", "upt bp2mi", "upt kp2mi", "kantor bp3mi", "kantor bp2mi",
                      "kantor kp2mi", "kantor upt bp3mi", "p4mi", "p4tki", "bp3tki", "upt p4mi", "upt bp3tki",
                      "kantor upt", "upt", "balai pelayanan pelindungan pekerja migran indonesia",
                      "balai pelayanan pelindungan pmi", "bp3mi office", "bp2mi office", "kp2mi office"),
        "POS": ("pos pelayanan", "pos", "pos pelayanan pmi", "pos layanan", "posko", "pos pengaduan",
                "pos terpadu", "pos pelayanan terpadu", "service post", "pos pelindungan pmi"),
        "DISNAKER": ("disnaker", "dinas tenaga kerja", "disnakertrans", "dinas tenaga kerja dan transmigrasi",
                     "dinas ketenagakerjaan", "disnakerkop", "dinas naker", "disnaker kabupaten", "disnaker provinsi",
                     "dinas tenaga kerja kabupaten", "dinas tenaga kerja provinsi", "labour office", "labor office"),
        "MRC": ("mrc", "bp pipa", "bppipa", "migrant resource centre", "migrant resource center", "mrc bp pipa",
                "mrc/bp pipa", "balai perempuan pipa", "pusat sumber daya migran", "pusat sumber daya migran mrc"),
        "DESMIGRATIF": ("desmigratif", "pusat layanan migrasi", "pusat layanan migrasi desmigratif",
                        "desmigratif service centre", "desmigratif service center", "layanan migrasi desa",
                        "pusat layanan migrasi desa", "migration service centre", "migration service center",
                        "desa migran produktif", "layanan migrasi"),
        "SHELTER": ("shelter", "selter", "rumah aman", "rumah singgah", "rumah perlindungan", "rptc",
                    "rumah perlindungan trauma center", "rumah perlindungan trauma centre", "safe house",
                    "rumah aman pmi", "shelter pmi"),
        "OTHER": ("other", "others", "lainnya", "lain lain", "lain", "layanan lain"),
    }
)  # fmt: skip
_TRUE = {_key(v) for v in ("iya", "ada kur", "masih aktif", "masih", "aktif berjalan", "ya", "y", "yes", "true", "1", "aktif", "active", "ada", "sudah", "v", "√", "✓", "x", "punya", "memiliki", "berjalan")}  # fmt: skip
_FALSE = {_key(v) for v in ("tidak", "tdk", "no", "n", "false", "0", "tidak aktif", "non aktif", "nonaktif", "belum", "tidak ada", "inactive", "vakum", "bubar", "t", "tdk aktif", "tdk ada", "tidak aktif lagi", "sudah tidak aktif", "belum aktif", "blm aktif", "blm", "non-aktif", "mati", "tidak berjalan", "tdk berjalan", "bukan", "x tidak", "tak", "enggak", "gak")}  # fmt: skip
_DESTINATIONS = {
    "hongkong": "Hong Kong", "hong kong": "Hong Kong", "hk": "Hong Kong", "taiwan roc": "Taiwan",
    "taiwan r o c": "Taiwan", "hong kong sar": "Hong Kong", "hongkong sar": "Hong Kong", "hksar": "Hong Kong",
    "taiwan province of china": "Taiwan", "republik korea": "Korea Selatan", "korea republic of": "Korea Selatan",
    "r o c taiwan": "Taiwan", "malaysia": "Malaysia", "korea": "Korea Selatan", "korsel": "Korea Selatan",
    "korea selatan": "Korea Selatan", "south korea": "Korea Selatan", "republic of korea": "Korea Selatan",
    "saudi": "Arab Saudi", "saudi arabia": "Arab Saudi", "arab saudi": "Arab Saudi", "ksa": "Arab Saudi",
    "uae": "Persatuan Emirat Arab", "united arab emirates": "Persatuan Emirat Arab", "pea": "Persatuan Emirat Arab",
    "emirat arab": "Persatuan Emirat Arab", "japan": "Jepang", "jepang": "Jepang", "brunei": "Brunei Darussalam",
    "brunei darussalam": "Brunei Darussalam", "singapore": "Singapura", "singapura": "Singapura",
}  # fmt: skip


#: Abbreviations kept in capitals when a category is title-cased (``PLRT``, not ``Plrt``).
_ABBREVIATIONS = {
    "plrt",
    "prt",
    "art",
    "abk",
    "pmi",
    "tki",
    "tkw",
    "p3mi",
    "lpk",
    "kur",
    "ukm",
    "umkm",
    "bumdes",
    "ltsa",
    "upt",
    "uptd",
    "bp3mi",
    "bp2mi",
    "kp2mi",
    "p4mi",
    "mrc",
    "pipa",
    "bp",
    "ntb",
    "ntt",
}


#: Headers of a table with one count column per destination country (``Malaysia | Taiwan |
#: Negara Lainnya``): the header's key → the destination stored.
COUNTRY_HEADERS = {
    **{k: v for k, v in _DESTINATIONS.items() if len(k) > 3},
    **{_key(n): n for n in (
        "Malaysia", "Taiwan", "Hong Kong", "Arab Saudi", "Singapura", "Brunei Darussalam", "Korea Selatan",
        "Jepang", "Qatar", "Kuwait", "Oman", "Bahrain", "Uni Emirat Arab", "Persatuan Emirat Arab", "Turki",
        "Polandia", "Italia", "Jerman", "Belanda", "Inggris", "Australia", "Selandia Baru", "Amerika Serikat",
        "Thailand", "Filipina", "Maladewa", "Fiji", "Yordania", "Mesir", "Rumania", "Hongaria", "Spanyol",
        "Slovakia", "Makau", "Kanada", "Perancis", "Prancis", "Zambia", "Afrika Selatan", "Nigeria",
    )},
    "uae": "Persatuan Emirat Arab", "lainnya": "Lainnya", "negara lainnya": "Lainnya", "negara lain": "Lainnya",
    "lain lain": "Lainnya", "others": "Lainnya", "other": "Lainnya",
}  # fmt: skip
#: Headers of a table with one count column per sector (``Formal | Informal``, ``Domestik | …``).
SECTOR_HEADERS = {
    _key(n): n for n in (
        "Formal", "Informal", "Domestik", "Manufaktur", "Perkebunan", "Pertanian", "Konstruksi", "Perikanan",
        "Pelaut", "Jasa", "Kesehatan", "Caregiver", "Industri", "Perhotelan", "Pengolahan", "Peternakan",
    )
} | {"abk": "ABK", "plrt": "PLRT", "sektor formal": "Formal", "sektor informal": "Informal"}  # fmt: skip
#: Headers of a returns table with one count column per reason (``Habis Kontrak | Deportasi |
#: PMI Bermasalah | Sakit | Meninggal``): the header's key → the reason stored.
REASON_HEADERS = {k: v for k, v in REASON_VALUES.items() if len(k) > 3 and k not in ("kasus", "normal")} | {
    "md": "DIED"
}
