"""Column names real exports use, in Indonesian and English, mapped onto the fields of each layer.

Headers are compared in a normalised form (lower case, punctuation and brackets removed), so
``Kode_Desa``, ``KODE DESA`` and ``Kode Desa (Kemendagri)`` are the same. A header maps to a
field when it equals an alias, else when it contains an alias's words (longest alias wins).
Each field is taken by one column at most; the rest are reported as ignored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from loaders.pii import personal_header

__all__ = [
    "Field",
    "FIELDS",
    "LOCATION_FIELDS",
    "fields_for",
    "normalise_header",
    "map_columns",
    "header_score",
    "ColumnMapping",
    "NAMED_THINGS",
]


@dataclass(frozen=True)
class Field:
    """One input field: the name used in code, its aliases, and which layers read it."""

    name: str
    aliases: tuple[str, ...]
    layers: tuple[str, ...]  # empty = every layer


_ALL: tuple[str, ...] = ()
_PLACE = ("placements",)
_PROG = ("programmes",)
_ENT = ("enterprises",)
_REP = ("reports",)
_POP = ("population",)
_RET = ("returns",)
_SVC = ("service_points",)
#: Headers that name a person in every other layer but an office in these layers (the drop of
#: personal data keeps such a column only when its cells are office names: loaders.pii).
NAMED_THINGS = {"service_points": ("nama", "name")}

FIELDS: tuple[Field, ...] = (
    # --- location
    Field(
        "village_code",
        (
            "kode desa",
            "kode_desa",
            "kode wilayah",
            "kode kemendagri",
            "kode desa kelurahan",
            "kode kelurahan",
            "kode desa kel",
            "kd desa",
            "kode",
            "village code",
            "village id",
            "code",
            "kode wilayah desa",
            "id desa",
            "kodewilayah",
            "kode wil",
            "kode_wilayah",
            "kode administrasi",
            "kode desa kemendagri",
        ),
        _ALL,
    ),
    Field("bps_code", ("kode bps", "kode desa bps", "bps code", "id bps"), _ALL),
    Field("district_code", ("kode kecamatan", "kode kec", "kd kec", "district code"), _ALL),
    Field(
        "regency_code",
        ("kode kabupaten", "kode kab", "kode kabupaten kota", "kode kab kota", "kd kab", "regency code"),
        _ALL,
    ),
    Field("province_code", ("kode provinsi", "kode prov", "province code"), _ALL),
    Field(
        "village_name",
        (
            "desa",
            "desa kelurahan",
            "kelurahan",
            "nama desa",
            "nama desa kelurahan",
            "kel desa",
            "desa kel",
            "nama kelurahan",
            "village",
            "village name",
            "desa asal",
            "asal desa",
            "nama desa asal",
            "desa/kelurahan",
            "kelurahan desa",
            "village kelurahan",
            "nama wilayah",
            "wilayah",
            "desa kelurahan asal",
        ),
        _ALL,
    ),
    Field(
        "district_name",
        (
            "kecamatan",
            "nama kecamatan",
            "kec",
            "district",
            "sub district",
            "subdistrict",
            "kecamatan asal",
            "district name",
        ),
        _ALL,
    ),
    Field(
        "regency_name",
        (
            "kabupaten",
            "kabupaten kota",
            "kab kota",
            "kota kabupaten",
            "nama kabupaten",
            "nama kabupaten kota",
            "kab",
            "regency",
            "regency city",
            "city regency",
            "kabupaten asal",
            "daerah asal",
            "regency name",
        ),
        _ALL,
    ),
    Field(
        "province_name",
        ("provinsi", "nama provinsi", "prov", "province", "provinsi asal", "province name"),
        _ALL,
    ),
    Field("latitude", ("lat", "latitude", "lintang", "koordinat lat", "y"), _REP + _SVC),
    Field("longitude", ("lon", "lng", "long", "longitude", "bujur", "koordinat lon", "x"), _REP + _SVC),
    Field(
        "coordinates",
        (
            "koordinat",
            "titik koordinat",
            "lokasi koordinat",
            "coordinates",
            "latlong",
            "lat long",
            "lat lon",
            "lat lng",
            "koordinat lokasi",
            "gps",
            "titik lokasi",
        ),
        _REP + _SVC,
    ),
    # --- time
    Field(
        "year",
        (
            "tahun",
            "thn",
            "year",
            "tahun penempatan",
            "tahun data",
            "periode tahun",
            "th",
            "tahun kepulangan",
            "tahun pemulangan",
        ),
        _PLACE + _REP + _POP + _RET,
    ),
    Field(
        "month",
        ("bulan", "bln", "month", "bulan penempatan", "bulan kepulangan", "bulan pemulangan"),
        _PLACE + _REP + _RET,
    ),
    Field(
        "date",
        (
            "tanggal",
            "tgl",
            "date",
            "tanggal penempatan",
            "tgl penempatan",
            "tanggal keberangkatan",
            "tgl keberangkatan",
            "tanggal berangkat",
            "tanggal laporan",
            "tgl laporan",
            "tanggal kejadian",
            "tanggal pencegahan",
            "waktu",
            "periode",
            "departure date",
            "report date",
            "tanggal terbit",
            "tanggal kepulangan",
            "tgl kepulangan",
            "tanggal pemulangan",
            "tgl pemulangan",
            "tanggal tiba",
            "tgl tiba",
            "tanggal kedatangan",
            "tgl kedatangan",
            "tanggal debarkasi",
            "tgl debarkasi",
            "return date",
            "arrival date",
        ),
        _PLACE + _REP + _RET,
    ),
    # --- placements
    Field(
        "count",
        (
            "jumlah pmi",
            "jumlah",
            "jml",
            "jml pmi",
            "jumlah penempatan",
            "penempatan",
            "total pmi",
            "jumlah pekerja migran",
            "jumlah tki",
            "jml tki",
            "total",
            "count",
            "workers",
            "number of workers",
            "placements",
            "number placed",
            "jumlah orang",
            "total penempatan",
            "pmi",
        ),
        _PLACE,
    ),
    Field(
        "count_l",
        (
            "laki laki",
            "laki",
            "l",
            "lk",
            "pria",
            "male",
            "men",
            "jumlah laki laki",
            "jumlah l",
            "jenis kelamin l",
            "jenis kelamin laki laki",
            "jk l",
            "jumlah pmi l",
            "jumlah pmi laki laki",
        ),
        _PLACE + _RET,
    ),
    Field(
        "count_p",
        (
            "perempuan",
            "p",
            "pr",
            "wanita",
            "female",
            "women",
            "jumlah perempuan",
            "jumlah p",
            "jenis kelamin p",
            "jenis kelamin perempuan",
            "jk p",
            "jumlah pmi p",
            "jumlah pmi perempuan",
        ),
        _PLACE + _RET,
    ),
    Field(
        "gender",
        ("jenis kelamin", "jk", "kelamin", "gender", "sex", "l p", "jenis kelamin l p"),
        _PLACE + _RET,
    ),
    Field(
        "destination",
        (
            "negara penempatan",
            "negara tujuan",
            "negara",
            "tujuan",
            "negara tujuan penempatan",
            "destination",
            "destination country",
            "country",
            "negara penempatan pmi",
        ),
        _PLACE + _REP,
    ),
    Field(
        "sector",
        (
            "sektor",
            "jabatan",
            "pekerjaan",
            "sektor pekerjaan",
            "jenis pekerjaan",
            "bidang pekerjaan",
            "occupation",
            "sector",
            "job",
            "jabatan pekerjaan",
            "formal informal",
        ),
        _PLACE,
    ),
    Field(
        "scheme",
        (
            "skema",
            "skema penempatan",
            "jenis penempatan",
            "scheme",
            "placement scheme",
            "mekanisme",
            "mekanisme penempatan",
            "program penempatan",
            "jalur penempatan",
        ),
        _PLACE,
    ),
    Field(
        "agency",
        (
            "p3mi",
            "nama p3mi",
            "pptkis",
            "nama pptkis",
            "pjtki",
            "nama pjtki",
            "p3mi pptkis",
            "pptkis p3mi",
            "perusahaan penempatan",
            "perusahaan penempatan pmi",
            "nama perusahaan penempatan",
            "nama perusahaan",
            "perusahaan",
            "agency",
            "agency name",
            "recruitment agency",
            "placement agency",
            "agensi",
            "pelaksana penempatan",
        ),
        _PLACE,
    ),
    # --- programmes
    Field(
        "programme",
        (
            "jenis program",
            "program",
            "jenis komunitas",
            "komunitas",
            "programme",
            "program type",
            "programme type",
            "nama program",
            "jenis kegiatan",
            "kegiatan",
            "jenis",
            "type",
            "jenis cakupan",
            "cakupan",
        ),
        _PROG,
    ),
    Field(
        "start_year",
        (
            "tahun mulai",
            "tahun berdiri",
            "tahun pembentukan",
            "tahun dibentuk",
            "mulai",
            "tahun",
            "start year",
            "year started",
            "since",
            "sejak",
            "tahun awal",
            "tahun terbentuk",
        ),
        _PROG + _ENT,
    ),
    Field(
        "members",
        (
            "jumlah anggota",
            "anggota",
            "members",
            "member",
            "jml anggota",
            "jumlah peserta",
            "peserta",
            "number of members",
            "jumlah",
        ),
        _PROG + _ENT,
    ),
    Field(
        "active",
        ("aktif", "status", "status aktif", "active", "masih aktif", "keaktifan", "status kegiatan"),
        _PROG,
    ),
    # --- enterprises
    Field(
        "enterprise_type",
        (
            "jenis usaha",
            "usaha",
            "bidang usaha",
            "jenis usaha produktif",
            "enterprise type",
            "business type",
            "business",
            "enterprise",
            "sektor usaha",
            "kategori usaha",
        ),
        _ENT,
    ),
    Field(
        "kur_credit",
        (
            "kur",
            "akses kur",
            "kredit kur",
            "penerima kur",
            "kur credit",
            "mendapat kur",
            "kredit usaha rakyat",
        ),
        _ENT,
    ),
    Field("cooperative", ("koperasi", "cooperative", "anggota koperasi", "berbentuk koperasi", "coop"), _ENT),
    Field(
        "enterprises",
        (
            "jumlah usaha",
            "jumlah unit usaha",
            "unit usaha",
            "enterprises",
            "number of enterprises",
            "jml usaha",
        ),
        _ENT,
    ),
    # --- reports
    Field(
        "channel",
        (
            "modus",
            "jalur",
            "jenis visa",
            "visa",
            "modus keberangkatan",
            "channel",
            "visa type",
            "jalur keberangkatan",
            "cara berangkat",
            "modus operandi",
            "perantara",
            "calo",
        ),
        _REP,
    ),
    Field(
        "outcome",
        (
            "hasil",
            "status",
            "tindak lanjut",
            "penanganan",
            "status penanganan",
            "outcome",
            "result",
            "keterangan hasil",
            "status kasus",
            "hasil penanganan",
        ),
        _REP,
    ),
    Field(
        "persons",
        (
            "jumlah orang",
            "jumlah",
            "jumlah korban",
            "jumlah pmi",
            "orang",
            "persons",
            "people",
            "jml orang",
            "jumlah cpmi",
            "jumlah terlapor",
            "number of persons",
            "jumlah pekerja",
            "korban",
            "jiwa",
            "jumlah kepulangan",
            "kepulangan",
            "jumlah pemulangan",
            "jumlah pmi pulang",
            "jumlah pulang",
            "jumlah deportan",
            "returns",
            "returned",
            "number returned",
        ),
        _REP + _RET,
    ),
    Field(
        "reports",
        ("jumlah laporan", "laporan", "reports", "number of reports", "jml laporan", "jumlah kasus", "kasus"),
        _REP,
    ),
    # --- returns
    Field(
        "country",
        (
            "negara",
            "negara asal",
            "negara asal kepulangan",
            "negara kepulangan",
            "negara penempatan",
            "negara tujuan",
            "negara tempat bekerja",
            "dari negara",
            "pulang dari",
            "asal negara",
            "country",
            "country returned from",
            "returned from",
            "destination",
            "destination country",
        ),
        _RET,
    ),
    Field(
        "reason",
        (
            "alasan",
            "alasan kepulangan",
            "alasan pulang",
            "alasan pemulangan",
            "sebab kepulangan",
            "penyebab kepulangan",
            "jenis kepulangan",
            "jenis pemulangan",
            "kategori",
            "kategori kepulangan",
            "kategori pmi",
            "status kepulangan",
            "status pmi",
            "keterangan kepulangan",
            "reason",
            "return reason",
            "reason for return",
        ),
        _RET,
    ),
    Field(
        "problem",
        (
            "masalah",
            "permasalahan",
            "jenis masalah",
            "jenis permasalahan",
            "kasus",
            "jenis kasus",
            "kasus pmi",
            "problem",
            "case",
            "case type",
        ),
        _RET,
    ),
    Field(
        "route",
        (
            "jalur",
            "jalur keberangkatan",
            "jalur berangkat",
            "jalur penempatan",
            "prosedural",
            "prosedural non prosedural",
            "status prosedural",
            "status keberangkatan",
            "cara berangkat",
            "route",
            "procedural",
        ),
        _RET,
    ),
    Field(
        "entry_point",
        (
            "debarkasi",
            "tempat debarkasi",
            "titik debarkasi",
            "pelabuhan debarkasi",
            "lokasi debarkasi",
            "pos debarkasi",
            "pintu masuk",
            "pintu kedatangan",
            "tempat kedatangan",
            "pelabuhan kedatangan",
            "bandara kedatangan",
            "pelabuhan",
            "bandara",
            "tiba di",
            "entry point",
            "port of entry",
            "debarkation",
            "debarkation port",
        ),
        _RET,
    ),
    # --- service points
    Field(
        "type",
        (
            "jenis layanan",
            "jenis",
            "tipe",
            "type",
            "jenis titik layanan",
            "jenis kantor",
            "jenis unit",
            "jenis fasilitas",
            "tipe layanan",
            "kategori",
            "kategori layanan",
            "bentuk layanan",
            "service type",
            "point type",
        ),
        _SVC,
    ),
    Field(
        "name",
        (
            "nama",
            "name",
            "nama layanan",
            "nama kantor",
            "nama pos",
            "nama unit",
            "nama lokasi",
            "nama titik layanan",
            "nama fasilitas",
            "nama lembaga",
            "nama instansi",
            "nama ltsa",
            "nama shelter",
            "nama balai",
            "nama pusat layanan",
            "nama mrc",
            "titik layanan",
            "unit layanan",
            "service name",
            "office name",
        ),
        _SVC,
    ),
    Field(
        "year_opened",
        (
            "tahun berdiri",
            "tahun dibuka",
            "tahun buka",
            "tahun mulai",
            "tahun mulai beroperasi",
            "mulai beroperasi",
            "tahun operasi",
            "tahun peresmian",
            "tahun diresmikan",
            "tahun pembentukan",
            "sejak",
            "tahun",
            "year opened",
            "opened",
            "since",
        ),
        _SVC,
    ),
    Field(
        "year_closed",
        (
            "tahun tutup",
            "tahun ditutup",
            "ditutup",
            "tutup",
            "tahun berakhir",
            "berakhir",
            "tahun nonaktif",
            "tahun non aktif",
            "tidak beroperasi sejak",
            "year closed",
            "closed",
        ),
        _SVC,
    ),
    # --- population
    Field(
        "residents",
        (
            "jumlah penduduk",
            "penduduk",
            "populasi",
            "residents",
            "population",
            "jiwa",
            "total penduduk",
            "jumlah jiwa",
            "jml penduduk",
        ),
        _POP,
    ),
)

LOCATION_FIELDS = (
    "village_code",
    "bps_code",
    "district_code",
    "regency_code",
    "province_code",
    "village_name",
    "district_name",
    "regency_name",
    "province_name",
    "latitude",
    "longitude",
    "coordinates",
)

_BRACKETS = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_NON_ALNUM = re.compile(r"[^0-9a-z]+")


def normalise_header(text: object) -> str:
    """Header in comparable form: lower case, words separated by one space.

    >>> normalise_header(" Desa/Kelurahan "), normalise_header("Kode_Desa"), normalise_header("Jumlah PMI (orang)")
    ('desa kelurahan', 'kode desa', 'jumlah pmi orang')
    """
    text = str(text or "").lower().replace("\u00a0", " ")
    return _NON_ALNUM.sub(" ", text).strip()


def _bare(text: str) -> str:
    return normalise_header(_BRACKETS.sub(" ", str(text or "").lower()))


def fields_for(layer: str) -> list[Field]:
    """The input fields a layer reads."""
    return [f for f in FIELDS if not f.layers or layer in f.layers]


def _alias_table(layer: str | None) -> list[tuple[str, str]]:
    fields = fields_for(layer) if layer else list(FIELDS)
    return [(normalise_header(a), f.name) for f in fields for a in f.aliases]


def _match(header: str, table: list[tuple[str, str]], named: tuple[str, ...] = ()) -> tuple[str, int] | None:
    """(field, quality) for one header: 3 exact, 2 exact without brackets, 1 contains the words.

    A personal header matches nothing, except the ``named`` headers of a layer whose names are
    of offices (:data:`NAMED_THINGS`; the column reached here only because its cells are such)."""
    norm, bare = normalise_header(header), _bare(header)
    if not norm or (personal_header(norm) and norm not in named):
        return None
    for alias, name in table:
        if alias == norm:
            return name, 3
    for alias, name in table:
        if alias == bare:
            return name, 2
    # the words of the header, with and without what stands in brackets ("Lokasi (lat, long)")
    texts = (f" {bare} ", f" {norm} ")
    best = None
    for alias, name in table:
        found = any(f" {alias} " in text for text in texts)
        if len(alias) >= 3 and found and (best is None or len(alias) > len(best[0])):
            best = (alias, name)
    return (best[1], 1) if best else None


def header_score(text: str) -> int:
    """1 when a cell looks like a known column name of any layer (used to find the header row)."""
    return 1 if _match(text, _alias_table(None)) else 0


@dataclass
class ColumnMapping:
    """Which file column feeds which field, and the columns nothing reads."""

    fields: dict[str, str]  # field name -> file header
    ignored: list[str]


def map_columns(headers: list[str], layer: str, exclude: set[str] | None = None) -> ColumnMapping:
    """Map file headers onto the fields of ``layer`` (one column per field, best match wins)."""
    table = _alias_table(layer)
    exclude = exclude or set()
    named = NAMED_THINGS.get(layer, ())
    candidates = []
    for order, header in enumerate(headers):
        if header in exclude:
            continue
        found = _match(header, table, named)
        if found:
            candidates.append((-found[1], order, found[0], header))
    fields: dict[str, str] = {}
    used: set[str] = set()
    for _, _, name, header in sorted(candidates):
        if name in fields or header in used:
            continue
        fields[name] = header
        used.add(header)
    ignored = [h for h in headers if h not in used and h not in exclude]
    return ColumnMapping(fields=fields, ignored=ignored)
