"""XLSX templates and the data dictionary of every layer (also rendered as Markdown for the docs).

The dictionary lists, per layer, the columns a file may have, whether they are required, what
they mean, which values are accepted and the other names the importer recognises (from
:mod:`loaders.columns`), so the template, the docs and the importer never disagree.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from loaders.columns import FIELDS

__all__ = ["Column", "DICTIONARY", "template_xlsx", "dictionary_markdown"]


@dataclass(frozen=True)
class Column:
    """One column of a layer file as documented to data stewards."""

    header: str  # the header used in the template
    field: str  # the importer's field (loaders.columns)
    required: str  # "ya" | "tidak" | a condition
    id: str  # meaning, Indonesian
    en: str  # meaning, English
    values: str = ""  # accepted values
    example: object = ""


_LOCATION = (
    Column("Kode Desa", "village_code", "ya*", "Kode Kemendagri desa/kelurahan, dengan atau tanpa titik",
           "Kemendagri village code, with or without dots", "36.04.13.2007 / 3604132007", "36.04.13.2007"),
    Column("Desa/Kelurahan", "village_name", "ya*", "Nama desa/kelurahan (dipakai bila kode kosong)",
           "Village name (used when the code is empty)", "", "Lontar"),
    Column("Kecamatan", "district_name", "disarankan", "Nama kecamatan", "District name", "", "Tirtayasa"),
    Column("Kabupaten/Kota", "regency_name", "disarankan", "Nama kabupaten/kota (Kab./Kota)", "Regency or city name",
           "", "Kab. Serang"),
    Column("Provinsi", "province_name", "tidak", "Nama provinsi", "Province name", "", "Banten"),
)  # fmt: skip

DICTIONARY: dict[str, tuple[Column, ...]] = {
    "placements": (
        *_LOCATION,
        Column("Tahun", "year", "ya**", "Tahun penempatan", "Year of placement", "1950 – tahun depan", 2023),
        Column("Bulan", "month", "tidak", "Bulan penempatan", "Month of placement", "1–12 atau Januari–Desember", 12),
        Column("Tanggal Penempatan", "date", "tidak", "Tanggal; tahun dan bulan diambil darinya bila kolomnya tidak ada",
               "Date; year and month are taken from it when their columns are missing",
               "29/12/2023, 29 Desember 2023", ""),
        Column("Jumlah PMI", "count", "tidak***", "Jumlah pekerja yang ditempatkan",
               "Number of workers placed", "bilangan bulat ≥ 0 (1.210)", 12),
        Column("Jenis Kelamin", "gender", "tidak", "Jenis kelamin", "Gender",
               "L/P, Laki-laki/Perempuan, Pria/Wanita, M/F", "P"),
        Column("Negara Penempatan", "destination", "tidak", "Negara tujuan", "Destination country", "", "Taiwan"),
        Column("Sektor", "sector", "tidak", "Sektor atau jabatan", "Sector or occupation", "", "Domestik"),
        Column("Skema Penempatan", "scheme", "tidak", "Skema penempatan", "Placement scheme",
               "G to G, P to P, Mandiri", "P to P"),
        Column("P3MI", "agency", "tidak", "Perusahaan penempatan (P3MI/PPTKIS)",
               "Recruitment agency (P3MI/PPTKIS)", "nama perusahaan (PT/CV)", "PT Mitra Sejahtera Insani"),
    ),
    "programmes": (
        *_LOCATION,
        Column("Jenis Program", "programme", "ya", "Jenis program komunitas", "Community programme type",
               "KKBM, Desmigratif, Kawan PMI, MRC/BP PIPA, Perdes PMI, Perwira PMI, Lainnya", "Desmigratif"),
        Column("Tahun Mulai", "start_year", "tidak", "Tahun program dimulai", "Year the programme started", "", 2019),
        Column("Jumlah Anggota", "members", "tidak", "Jumlah anggota/peserta", "Members", "bilangan bulat ≥ 0", 25),
        Column("Aktif", "active", "tidak", "Masih aktif?", "Still active?", "Ya/Tidak, Aktif/Tidak aktif/Tdk aktif", "Ya"),
    ),
    "enterprises": (
        *_LOCATION,
        Column("Jenis Usaha", "enterprise_type", "disarankan", "Jenis usaha PMI purna", "Returnee enterprise type",
               "mis. rumput laut, kerang hijau, jangkrik, olahan pangan", "Budidaya rumput laut"),
        Column("Tahun Mulai", "start_year", "tidak", "Tahun usaha dimulai", "Year the enterprise started", "", 2021),
        Column("Jumlah Anggota", "members", "tidak", "Jumlah anggota", "Members", "bilangan bulat ≥ 0", 6),
        Column("KUR", "kur_credit", "tidak", "Mendapat Kredit Usaha Rakyat?", "Has KUR credit?", "Ya/Tidak", "Ya"),
        Column("Koperasi", "cooperative", "tidak", "Berbentuk/anggota koperasi?", "Cooperative?", "Ya/Tidak", "Tidak"),
        Column("Jumlah Usaha", "enterprises", "tidak***", "Jumlah usaha (bila satu baris = beberapa usaha)",
               "Number of enterprises (when one row holds several)", "bilangan bulat ≥ 0", 1),
    ),
    "reports": (
        *_LOCATION,
        Column("Lintang", "latitude", "tidak*", "Lintang lokasi (bila desa tidak diketahui)", "Latitude (when the village is unknown)",
               "-6,0123 / 6°01'12\" LS", ""),
        Column("Bujur", "longitude", "tidak*", "Bujur lokasi", "Longitude", "106,2345 / 106°12'30\" BT", ""),
        Column("Tanggal Laporan", "date", "ya**", "Tanggal kejadian/laporan", "Date of the event or report",
               "29/12/2023, 29 Desember 2023", "12/03/2024"),
        Column("Negara Tujuan", "destination", "tidak", "Negara tujuan", "Destination country", "", "Malaysia"),
        Column("Modus", "channel", "tidak", "Jalur/modus (jenis visa, calo)", "Channel (visa type, broker)", "",
               "Visa ziarah"),
        Column("Hasil", "outcome", "tidak", "Hasil penanganan", "Outcome",
               "Dicegah, Dipulangkan, Ditangani, Lainnya", "Dicegah"),
        Column("Jumlah Orang", "persons", "tidak***", "Jumlah orang dalam laporan", "Persons in the report",
               "bilangan bulat ≥ 0", 3),
    ),
    "returns": (
        *_LOCATION,
        Column("Tanggal Kepulangan", "date", "ya**", "Tanggal tiba di Indonesia (debarkasi)",
               "Date of arrival in Indonesia (debarkation)", "29/12/2023, 29 Desember 2023", "14/08/2023"),
        Column("Jumlah PMI", "persons", "tidak***", "Jumlah PMI yang pulang", "Workers returned",
               "bilangan bulat ≥ 0 (atau kolom L dan P)", 2),
        Column("Jenis Kelamin", "gender", "tidak", "Jenis kelamin", "Gender",
               "L/P, Laki-laki/Perempuan, Pria/Wanita, M/F", "P"),
        Column("Negara Asal Kepulangan", "country", "tidak", "Negara tempat bekerja sebelum pulang",
               "Country returned from", "", "Malaysia"),
        Column("Alasan Kepulangan", "reason", "disarankan", "Alasan pulang", "Reason for the return",
               "Habis kontrak, Deportasi, PMI bermasalah, Sakit, Meninggal, Lainnya", "Deportasi"),
        Column("Masalah", "problem", "tidak", "Masalah PMI bermasalah (bila ada)",
               "The problem of a problem case (where given)",
               "Gaji tidak dibayar, Kekerasan, TPPO, Tidak berdokumen, Lainnya", "Tidak berdokumen"),
        Column("Jalur Keberangkatan", "route", "tidak", "Berangkat lewat jalur prosedural atau tidak",
               "Left through the procedure or outside it", "Prosedural, Non-prosedural", "Non-prosedural"),
        Column("Debarkasi", "entry_point", "tidak", "Pelabuhan/bandara debarkasi", "Debarkation port or airport",
               "mis. Nunukan, Tanjung Pinang, Batam, Dumai, Tanjung Priok, Juanda, Soekarno-Hatta", "Nunukan"),
    ),
    "service_points": (
        *_LOCATION,
        Column("Jenis Layanan", "type", "ya", "Jenis titik layanan", "Service point type",
               "LTSA, UPT BP3MI/BP2MI/KP2MI/P4MI, Pos Pelayanan, Disnaker, MRC/BP PIPA, Desmigratif "
               "(Pusat Layanan Migrasi), Shelter/rumah aman, Lainnya", "LTSA"),
        Column("Nama Layanan", "name", "disarankan", "Nama kantor atau layanan (bukan nama orang)",
               "Name of the office or service (never a person's)", "", "LTSA Kabupaten Serang"),
        Column("Lintang", "latitude", "tidak*", "Lintang titik; bila ada, menentukan desanya",
               "Latitude of the point; when given, it places the point", "-6,0123 / 6°01'12\" LS", "-5,9850"),
        Column("Bujur", "longitude", "tidak*", "Bujur titik", "Longitude of the point",
               "106,2345 / 106°12'30\" BT", "106,3180"),
        Column("Tahun Dibuka", "year_opened", "tidak", "Tahun layanan dibuka", "Year the service opened", "", 2019),
        Column("Tahun Ditutup", "year_closed", "tidak", "Tahun layanan ditutup (kosong: masih buka)",
               "Year the service closed (empty: still open)", "", ""),
    ),
    "population": (
        *_LOCATION,
        Column("Tahun", "year", "ya**", "Tahun data", "Year", "", 2023),
        Column("Jumlah Penduduk", "residents", "ya", "Jumlah penduduk", "Residents", "bilangan bulat ≥ 0", 4210),
    ),
}  # fmt: skip

NOTES_ID = (
    "* Kode desa ATAU nama desa (dengan kecamatan/kabupaten) wajib; laporan dan titik layanan boleh memakai "
    "lintang/bujur (titik layanan: koordinat menentukan desanya, tanpa koordinat titik desanya dipakai).",
    "** Tahun boleh diganti kolom tanggal; bila keduanya tidak ada, satu tahun di judul tabel dipakai.",
    "*** Tanpa kolom jumlah, setiap baris dihitung satu (satu orang/usaha/laporan/kepulangan per baris).",
    "Kolom data pribadi (nama, NIK, paspor, telepon, alamat, tanggal lahir, e-mail) dibuang saat impor.",
)
NOTES_EN = (
    "* A village code OR a village name (with district/regency) is required; reports and service points may use "
    "latitude/longitude (service points: the coordinates place the point; without them, its village's point).",
    "** A date column may stand in for the year; without both, a single year in the table title is used.",
    "*** Without a count column every row counts as one (one person/enterprise/report/return per row).",
    "Personal-data columns (name, NIK, passport, phone, address, birth date, e-mail) are dropped at import.",
)


def _aliases(field: str) -> list[str]:
    return next((list(f.aliases) for f in FIELDS if f.name == field), [])


def template_xlsx(layer: str) -> bytes:
    """An XLSX template for ``layer``: a "Data" sheet with the headers and one example row, and a
    "Kamus data" sheet (data dictionary) with meaning, accepted values and recognised aliases."""
    import openpyxl
    from openpyxl.styles import Alignment, Font, PatternFill

    if layer not in DICTIONARY:
        raise ValueError(f"unknown layer {layer!r}; choose one of: {', '.join(DICTIONARY)}")
    columns = DICTIONARY[layer]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Data"
    ws.append([c.header for c in columns])
    ws.append([c.example for c in columns])
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="DDEBF7")
    for cell in ws[1]:
        cell.font, cell.fill = bold, fill
    for i, c in enumerate(columns, start=1):
        ws.column_dimensions[openpyxl.utils.get_column_letter(i)].width = max(12, len(c.header) + 4)
    ws.freeze_panes = "A2"
    dd = wb.create_sheet("Kamus data")
    dd.append(
        [
            "Kolom / Column",
            "Wajib / Required",
            "Keterangan",
            "Meaning",
            "Nilai / Values",
            "Nama lain yang dikenali / Also recognised",
        ]
    )
    for cell in dd[1]:
        cell.font, cell.fill = bold, fill
    for c in columns:
        dd.append([c.header, c.required, c.id, c.en, c.values, ", ".join(_aliases(c.field))])
    dd.append([])
    for note_id, note_en in zip(NOTES_ID, NOTES_EN, strict=True):
        dd.append([note_id])
        dd.append([note_en])
    for letter, width in zip("ABCDEF", (22, 14, 40, 40, 30, 60), strict=True):
        dd.column_dimensions[letter].width = width
    for row in dd.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def dictionary_markdown() -> str:
    """The data dictionary as Markdown (the README's "Data dictionary" section is generated from this)."""
    from geo.layers import LAYERS

    titles = {
        "placements": "Penempatan PMI (placements)",
        "programmes": "Cakupan komunitas (community programmes)",
        "enterprises": "Usaha PMI purna (returnee enterprises)",
        "reports": "Laporan non-prosedural (non-procedural departure reports)",
        "returns": "Kepulangan PMI (returns)",
        "service_points": "Titik layanan (service points)",
        "population": "Penduduk (population, optional)",
    }
    lines = [
        "## Data dictionary / Kamus data",
        "",
        '<!-- generated by `python -c "from loaders.templates import dictionary_markdown as d; print(d())"`;'
        " tests/loaders/test_templates.py keeps it in sync -->",
        "",
        "Files may be XLSX, old XLS or LibreOffice ODS (title rows above the header, merged header cells,",
        "totals and notes below the table), an HTML table saved as .xls, or CSV (UTF-8, UTF-8 with BOM or",
        "Windows-1252; comma, semicolon or tab). Every sheet of a workbook that holds the same table is",
        "read (one sheet per regency or per year: the regency or year is taken from the sheet's name or",
        "title where the rows lack it; a regency or province named only in the title line places the",
        "rows); sheets of village rows in other shapes refuse the file until one is chosen with `--sheet`.",
        "The import summary names every sheet and column read and not read, with the reason.",
        "Wide tables (one count column per year, month, destination country, sector, scheme or reason of",
        "return, or one column per programme type marked Ya/✓) are turned into rows; a total column is",
        "checked against its parts and never counted. A column is read as a category only when it holds",
        "names: a number is never stored as a name. A reason of return may name the problem of a problem",
        "case (`PMI bermasalah - gaji tidak dibayar`, `TPPO`: a problem case with that problem), and",
        "debarkation points are written one way (`Tg. Pinang` → Tanjung Pinang, `Soetta` → Soekarno-Hatta).",
        "Column names are matched case- and punctuation-insensitively against the names below.",
        "Numbers may be written the Indonesian way (`1.210`, `1.210,5`), dates as `29/12/2023`,",
        "`29 Desember 2023` or `08-Agst-2023` (Jan, Peb, Mar, Apr, Mei, Jun, Jul, Agt/Agu/Agst, Sep/Sept,",
        "Okt, Nop/Nov, Des), coordinates as `-6,0201` or `6°01'12\" LS` (LS/LU/BT/BB; spaces, `o` or `'`",
        "for the degree sign). A village cell may carry its district (`Lontar (Tirtayasa)`, `Lontar - Kec.",
        "Tirtayasa`, `Ds. Lontar Kec. Tirtayasa`, `Lontar / Tirtayasa`); a programme cell several",
        "programmes (`KKBM, Desmigratif`, `MRC & KKBM`, `KKBM dan Perdes PMI`: one row each, members",
        "counted once). Rows repeating a village and told apart by a column the layer does not read are",
        "added up, with a notice naming that column. A value that cannot be read is named with its row",
        "and column. A template per layer can be downloaded from the Data page or written with",
        "`loaders.templates.template_xlsx(layer)`.",
        "",
        "Import: `atlas import LAYER FILE [--sheet S] [--mode replace|append|replace_all] [--cover-level L]"
        " [--cover CODE ...] [--yes] [--report OUT.csv]` (exit 0 imported, 1 rejected, 3 not allowed,"
        " 4 would replace stored rows without `--yes`); `atlas status`.",
        "A file covers the regencies it has rows for (provinces for programmes) in the years it holds;",
        "*replace* (default) replaces the stored rows inside that coverage only; *append* adds a version;",
        "*replace_all* replaces the whole layer (a steward's: her granted provinces). What would go is",
        "printed first and only `--yes` writes it. `atlas undo LAYER [--yes]` puts the last write back;",
        "`atlas coverage [LAYER]` lists what each layer covers.",
        "",
    ]
    for note in NOTES_EN:
        lines.append(f"- {note}")
    lines += [
        "",
        "How rows are matched to villages: by the Kemendagri code in any form (`36.04.13.2007`, `3604132007`,",
        "Excel numbers, or split over `KODE_PROV`/`KODE_KAB`/`KODE_KEC`/`KODE_DESA`; BPS codes are recognised",
        "and reported); otherwise by names down the hierarchy (province, regency, district, village) after",
        "removing prefixes (Desa, Kel., Kab., Kota, Kec.), case, punctuation and old spellings (oe→u, dj→j,",
        "tj→c); then fuzzy matching (rapidfuzz, score ≥ 85 and 4 points clear of the runner-up) only among the",
        "villages of the district or regency already identified, so a typo never moves a row to another",
        "regency; report rows with coordinates fall back to point-in-polygon (a service point's coordinates",
        "come first: a point outside the village it names, outside every stored village or outside Indonesia",
        "is reported in the match report). A village name without any",
        "parent is accepted only when it is unique in the country. Rows that match nothing, or several",
        "villages, are not stored; the report lists each with its reason and best candidates. Subtotal and",
        "total rows are reported as such (severity *subtotal*), never as unmatched villages and never counted:",
        "a place cell opening with a total word (`JUMLAH`, `TOTAL`, `Sub Total`, `Jumlah Kec. Praya`), a row",
        "naming a district or regency but no village, and a row whose count equals the sum of the rows above",
        "it in its group (its district since its last subtotal, or every village since the last total) and",
        "whose village cell is empty or names the area those rows lie in.",
        "",
        "Personal data (names, NIK, passport, phone, address, birth date, e-mail) is recognised by header and",
        "by content (16-digit NIK, phone and passport shapes, e-mail) and dropped before anything is stored;",
        "the report lists the dropped columns, never their values. Company names (a legal form such as PT,",
        "PT., CV, or words of company names) are never taken for a person's name: a recruitment agency",
        "(P3MI/PPTKIS) is kept as the placements field `agency`.",
        "",
    ]
    for layer, columns in DICTIONARY.items():
        spec = LAYERS[layer]
        lines += [
            f"### {titles[layer]}",
            "",
            f"Stored columns: {', '.join(f'`{c}`' for c in spec.columns)}; one row per "
            f"{', '.join(spec.keys)}; main count `{spec.count}`.",
            "",
            "| column | required | meaning | values | also recognised |",
            "|---|---|---|---|---|",
        ]
        for c in columns:
            aliases = ", ".join(f"`{a}`" for a in _aliases(c.field))
            lines.append(f"| {c.header} | {c.required} | {c.en} / {c.id} | {c.values} | {aliases} |")
        lines.append("")
    return "\n".join(lines)
