"""Personal data in imported tables: recognise it by header and by content, and remove it first.

Names, NIK (16-digit population number), family-card numbers, passport numbers, phone numbers,
addresses, birth dates and e-mail addresses are never stored or shown. :func:`scrub` runs
before anything else reads the table: personal columns are dropped, stray personal values in
other columns are blanked, and only the column names (never the values) are reported.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

__all__ = [
    "PersonalColumn",
    "Scrubbed",
    "personal_header",
    "personal_kind",
    "scrub",
    "redact",
    "looks_personal",
    "person_name_column",
    "is_company_name",
    "office_name_column",
    "KINDS",
]

#: Kinds of personal data, in the order they are checked.
KINDS = ("nik", "family_card", "passport", "phone", "email", "birth", "address", "name")

_NON_ALNUM = re.compile(r"[^0-9a-z]+")

_HEADER_KINDS: tuple[tuple[str, re.Pattern], ...] = (
    ("nik", re.compile(r"\b(nik|no ktp|nomor ktp|ktp|nomor induk kependudukan|id number|national id)\b")),
    ("family_card", re.compile(r"\b(no kk|nomor kk|kartu keluarga|family card)\b")),
    ("passport", re.compile(r"\b(paspor|passport|no paspor|nomor paspor)\b")),
    (
        "phone",
        re.compile(
            r"\b(telp|telpon|telepon|tlp|phone|hp|no hp|handphone|wa|whatsapp|kontak|contact|mobile)\b"
        ),
    ),
    ("email", re.compile(r"\b(email|e mail|surel)\b")),
    ("birth", re.compile(r"\b(lahir|tgl lahir|tanggal lahir|ttl|birth|date of birth|dob|birthday)\b")),
    ("address", re.compile(r"\b(alamat|address|domisili|rt rw|jalan|dusun|rt|rw)\b")),
    ("name", re.compile(r"\b(nama|name|full name|nama lengkap)\b")),
)

# "Nama Desa", "Village name", "Nama Program": names of places and things, not of people.
_NOT_PERSONAL = re.compile(
    r"^nama (desa|kelurahan|desa kelurahan|kel desa|desa kel|kecamatan|kec|kabupaten|kab|kab kota|kabupaten kota|"
    r"kota|provinsi|prov|kel|ds|negara|negara tujuan|program|"
    r"programme|usaha|komunitas|kegiatan|kelompok|koperasi|wilayah|daerah|perusahaan|p3mi|pptkis|pjtki|agensi|lembaga|"
    r"sektor|jabatan|jenis|layanan|kantor|pos|unit|lokasi|titik layanan|fasilitas|instansi|balai|"
    r"pusat layanan|ltsa|shelter|mrc|upt|dinas)\b|\b(village|district|sub district|regency|city|province|country|programme|program|"
    r"enterprise|business|group|company|agency|sheet|file|office|service) name\b|^(jumlah|jml|total)\b"
)

_NIK = re.compile(r"^\d{16}$")
_NIK_IN_TEXT = re.compile(r"(?<!\d)\d{16}(?!\d)")
_PHONE = re.compile(r"^(\+?62|0)8\d{7,11}$")
_PHONE_IN_TEXT = re.compile(r"(?<![\d])(\+?62|0)8\d{2}[\s.-]?\d{3,4}[\s.-]?\d{3,5}(?!\d)")
_PASSPORT = re.compile(r"^[A-Z]{1,2}\d{6,7}$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$")
_EMAIL_IN_TEXT = re.compile(r"[^@\s]+@[^@\s]+\.[A-Za-z]{2,}")


def _norm(text: object) -> str:
    return _NON_ALNUM.sub(" ", str(text or "").lower()).strip()


def personal_header(header: object) -> str | None:
    """The kind of personal data a column header names, or None.

    >>> personal_header("NIK"), personal_header("Nama PMI"), personal_header("Nama Desa")
    ('nik', 'name', None)
    >>> personal_header("No. HP / WA"), personal_header("Jumlah KK"), personal_header("NAMA_KEC")
    ('phone', None, None)
    """
    norm = _norm(header)
    if not norm or _NOT_PERSONAL.search(norm):
        return None
    for kind, pattern in _HEADER_KINDS:
        if pattern.search(norm):
            return kind
    return None


def _compact(value: object) -> str:
    """A cell as text without spaces, dots, dashes and Excel's apostrophe; numbers as digits."""
    if isinstance(value, bool):
        return ""
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isfinite(value) and value.is_integer():
            return str(int(value))
        return ""
    return re.sub(r"[\s.\-()'’]", "", str(value))


def personal_kind(value: object) -> str | None:
    """The kind of personal data one cell holds by its shape (NIK, phone, passport, e-mail).

    >>> personal_kind("3201234567890123"), personal_kind("0812-3456-7890"), personal_kind("B1234567")
    ('nik', 'phone', 'passport')
    >>> personal_kind("36.04.13.2007") is None
    True
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, str) and len(value) < 9 and value.strip().isdigit():
        return None  # a short number (a row number, a count) is no NIK, phone or passport
    compact = _compact(value)
    if not compact:
        return None
    if _NIK.match(compact):
        return "nik"
    if _PHONE.match(compact):
        return "phone"
    text = str(value).strip()
    if _PASSPORT.match(text):
        return "passport"
    if _EMAIL.match(text):
        return "email"
    if isinstance(value, str):
        if _NIK_IN_TEXT.search(re.sub(r"(?<=\d)[\s.](?=\d)", "", value)):
            return "nik"
        if _PHONE_IN_TEXT.search(value):
            return "phone"
        if _EMAIL_IN_TEXT.search(value):
            return "email"
    return None


@dataclass(frozen=True)
class PersonalColumn:
    """A dropped column: its header, the kind of data, and how it was recognised."""

    column: str
    kind: str
    by: str  # "header" | "content"


@dataclass
class Scrubbed:
    """A table with personal data removed, and what was removed (headers and counts only)."""

    frame: pd.DataFrame
    dropped: list[PersonalColumn]
    #: column -> positions (0-based frame rows) whose personal-looking value was blanked
    blanked: dict[str, list[int]]


def scrub(
    frame: pd.DataFrame,
    *,
    share: float = 0.3,
    distinct: dict[str, tuple[np.ndarray, np.ndarray]] | None = None,
    allow: tuple[str, ...] | list[str] = (),
) -> Scrubbed:
    """Drop personal columns (by header, or when ``share`` of their values look personal), blank
    stray personal values elsewhere. The input frame is not modified.

    ``distinct`` (column -> ``pd.factorize`` of it, as :class:`loaders.tabular.Table` carries)
    spares finding each column's distinct values again. ``allow`` names columns whose header
    alone would drop them but whose cells were found to be no personal data (office names under
    *Nama*, :func:`office_name_column`); their cells are still checked by content.
    """
    dropped: list[PersonalColumn] = []
    blanked: dict[str, list[int]] = {}
    blank_rows: dict[str, np.ndarray] = {}
    keep = []
    for column in frame.columns:
        kind = personal_header(column)
        if kind and column not in allow:
            dropped.append(PersonalColumn(str(column), kind, "header"))
            continue
        values = frame[column]
        # each distinct value is looked at once (a million rows hold few)
        known = (distinct or {}).get(column)
        if known is not None and len(known[0]) == len(values):
            codes, uniques = known
        else:
            codes, uniques = pd.factorize(values, use_na_sentinel=True)
        texts = pd.Series(uniques, dtype=object).astype(str).str.strip()
        unique_filled = np.append((texts != "").to_numpy(dtype=bool), False)
        # every kind needs six digits or an "@"; short plain numbers (row numbers) are none,
        # nor are village codes, dotted or not (no code starts 628, as a +62 8 phone number does)
        short_number = (texts.str.isdecimal() & (texts.str.len() <= 8)).to_numpy(dtype=bool)
        look = np.flatnonzero(~short_number)
        rest = texts.iloc[look]
        maybe = ((rest.str.count(r"\d") >= 6) | rest.str.contains("@", regex=False)) & ~(
            rest.str.fullmatch(r"\d{1,8}|\d{2}\.\d{2}\.\d{2}\.\d{4}|(?!628)[1-9]\d{9}")
        )
        unique_kinds = np.full(len(uniques) + 1, None, dtype=object)
        for i in look[maybe.to_numpy(dtype=bool)]:
            unique_kinds[i] = personal_kind(uniques[i])
        unique_hit = np.array([k is not None for k in unique_kinds], dtype=bool)
        if not unique_hit.any():
            keep.append(column)
            continue
        hit_rows = unique_hit[codes]
        hits = int(hit_rows.sum())
        if not hits:  # only in rows left out of the table (distinct values found before)
            keep.append(column)
            continue
        filled = int(unique_filled[codes].sum())
        if filled and hits / filled >= share:
            kinds = pd.Series(unique_kinds[codes][hit_rows])
            dropped.append(PersonalColumn(str(column), str(kinds.mode().iloc[0]), "content"))
            continue
        blank_rows[str(column)] = np.flatnonzero(hit_rows)
        blanked[str(column)] = blank_rows[str(column)].tolist()
        keep.append(column)
    out = frame[keep].copy() if blank_rows else frame[keep]
    for column, positions in blank_rows.items():
        out.iloc[positions, out.columns.get_loc(column)] = None
    return Scrubbed(frame=out, dropped=dropped, blanked=blanked)


# --------------------------------------------------------------------------- never quoted
_PASSPORT_IN_TEXT = re.compile(r"(?<![A-Za-z0-9])[A-Z]{1,2}\d{6,7}(?![A-Za-z0-9])")
_REDACTED = "[…]"


def redact(text: object) -> object:
    """``text`` with anything shaped like a NIK, phone, passport number or e-mail replaced by
    ``[…]``; what every message, report line and log entry passes its quoted values through.

    >>> redact("row 4: '3604131207850003' is not a count; call 0812-3456-7890")
    "row 4: '[…]' is not a count; call […]"
    >>> redact("36.04.13.2007 / Lontar")
    '36.04.13.2007 / Lontar'
    """
    if not isinstance(text, str) or not text:
        return text
    out = _NIK_IN_TEXT.sub(_REDACTED, text)
    out = _EMAIL_IN_TEXT.sub(_REDACTED, out)
    out = _PHONE_IN_TEXT.sub(_REDACTED, out)
    return _PASSPORT_IN_TEXT.sub(_REDACTED, out)


_PERSON_NAME = re.compile(r"^[A-Za-z][A-Za-z'`.]+(?: [A-Za-z][A-Za-z'`.]*){1,3}$")
_NOT_A_NAME_WORD = re.compile(
    r"\b(desa|kelurahan|kel|ds|kec|kecamatan|kab|kabupaten|kota|provinsi|prov|jumlah|total|jalan|jl|"
    r"rt|rw|dusun|kampung|blok|program|usaha|kelompok|komunitas|koperasi|pmi|tki|negara|laki|perempuan|"
    r"ya|tidak|aktif|formal|informal|malaysia|taiwan|hong|kong|arab|saudi|korea|jepang|singapura|brunei|"
    r"lama|kontrak|status|keterangan|jalur|asal|sumber|kategori|bidang|umur|usia|pendidikan|gaji|upah|"
    r"catatan|lokasi|nomor|skema|sektor|jabatan|tujuan|bulan|tahun|jumlah|keberangkatan|penempatan|"
    r"kepulangan|pemulangan|habis|deportasi|bermasalah|masalah|kasus|sakit|meninggal|dunia|wafat|jenazah|"
    r"kekerasan|tppo|dokumen|berdokumen|prosedural|debarkasi|pelabuhan|bandara|"
    r"ltsa|upt|uptd|bp3mi|bp2mi|kp2mi|p4mi|bp3tki|pos|posko|kantor|dinas|disnaker|disnakertrans|shelter|"
    r"rumah|layanan|pelayanan|terpadu|pusat|balai|mrc|pipa|desmigratif|migran|unit)\b",
    re.I,
)


#: A company's name, not a person's: a legal form (PT, PT., P.T., CV, Tbk, Persero), an agency
#: kind (P3MI, PPTKIS, PJTKI) or a word of company names that no Indonesian personal name uses.
_COMPANY_WORD = re.compile(
    r"(?:^|[\s,.(])(?:p\.?\s?t|c\.?\s?v|tbk|persero|p3mi|pptkis|pjtki|ppmi)(?:$|[\s,.)])|"
    r"\b(sejahtera|sentosa|santosa|persada|perkasa|nusantara|internasional|international|global|"
    r"group|grup|makmur|manpower|recruitment|services|service|agency|agensi|overseas|corpora|"
    r"corporation|company|mandiri|bersama|abadi jaya|jaya abadi|mitra)\b",
    re.I,
)


def is_company_name(text: object) -> bool:
    """True when a cell names a company (a recruitment agency), never a person.

    >>> is_company_name("PT. Mitra Sejahtera Insani"), is_company_name("CV Karya Bersama")
    (True, True)
    >>> is_company_name("Siti Aminah"), is_company_name("Sugeng Riyadi")
    (False, False)
    """
    return isinstance(text, str) and bool(_COMPANY_WORD.search(text))


def looks_personal(text: object) -> bool:
    """True when a header or a label is itself a personal value (a NIK, phone, passport or
    e-mail by shape, or a person's name: two to four words that are no area of the gazetteer),
    so it is named by its position instead (``kolom_3``)."""
    if not isinstance(text, str) or not text.strip():
        return False
    if personal_kind(text) is not None:
        return True
    return bool(_PERSON_NAME.match(text.strip())) and _name_not_area(text.strip())


_AREAS: set[str] | None = None


def _area_names() -> set[str]:
    global _AREAS
    if _AREAS is None:
        from geo.gazetteer import gazetteer, normalise_name

        _AREAS = {normalise_name(n) for n in gazetteer()["name"].dropna().unique()}
    return _AREAS


def _name_not_area(text: str) -> bool:
    from geo.gazetteer import normalise_name

    if _NOT_A_NAME_WORD.search(text) or is_company_name(text):
        return False
    return normalise_name(text) not in _area_names()


#: Cells a long column's person-name test reads (sampled with a fixed seed: the same file, the
#: same answer); the share of 2,000 cells is within about 2 points of the column's (95 %).
NAME_SAMPLE_CELLS = 2_000


def person_name_column(values: pd.Series, *, share: float = 0.6) -> bool:
    """True when most filled cells of a column are person names: two to four words of letters
    that are no area name of the gazetteer and no word of the layer vocabularies.

    Used on the columns where a name may hide under another header (a code or place column,
    an unnamed one); free-text category columns are not asked.
    """
    if len(values) > NAME_SAMPLE_CELLS:
        # a long column is judged on a fixed random sample of its filled cells (a share needs no
        # more; finding every distinct value of a million-row column took a third of a second)
        filled = np.flatnonzero(values.notna().to_numpy())
        if len(filled) > NAME_SAMPLE_CELLS:
            picked = np.random.default_rng(0).choice(len(filled), NAME_SAMPLE_CELLS, replace=False)
            values = values.iloc[np.sort(filled[picked])]
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    if len(uniques) < 2:
        return False
    codes = codes[codes >= 0]
    asked = np.unique(codes)
    texts = pd.Series(uniques[asked], dtype=object).map(lambda v: v.strip() if isinstance(v, str) else "")
    shaped = texts.str.match(_PERSON_NAME).fillna(False).to_numpy(dtype=bool)
    if not shaped.any():
        return False
    is_name = np.zeros(len(uniques), dtype=bool)
    for i in np.flatnonzero(shaped):
        is_name[asked[i]] = _name_not_area(texts.iat[i])
    return bool(is_name[codes].mean() >= share)


#: Words of an office's or a service point's name (``LTSA Kabupaten Lombok Timur``, ``Pos
#: Pelayanan PMI Bandara``, ``Shelter Rumah Aman Mataram``): no person is named so.
_OFFICE_WORDS = re.compile(
    r"\b(?:ltsa|upt|uptd|bp3mi|bp2mi|kp2mi|p4mi|bp3tki|p4tki|pos|posko|kantor|dinas|disnaker|disnakertrans|"
    r"shelter|selter|rumah|layanan|pelayanan|terpadu|atap|pusat|balai|mrc|pipa|desmigratif|migran|migrasi|unit|"
    r"lembaga|kabupaten|kab|kota|provinsi|prov|desa|kecamatan|bandara|pelabuhan|centre|center|office)\b",
    re.I,
)


def office_name_column(values: pd.Series, *, share: float = 0.8) -> bool:
    """True when a column under a bare *Nama* header holds the names of offices or service
    points, not of people: at least ``share`` of its filled distinct cells carry an office word
    (LTSA, UPT, Pos, Kantor, Dinas, Shelter, Balai, Kabupaten ...) and none is shaped as a NIK,
    phone, passport or e-mail.

    >>> office_name_column(pd.Series(["LTSA Kabupaten Lombok Timur", "Pos Pelayanan PMI Bandara"]))
    True
    >>> office_name_column(pd.Series(["Siti Aminah", "Budi Santoso", "LTSA Kota Mataram"]))
    False
    """
    texts = pd.Series(pd.unique(values.dropna().astype(str).str.strip()), dtype=object)
    texts = texts[texts != ""]
    if texts.empty:
        return False
    if any(personal_kind(text) is not None for text in texts):
        return False
    return float(texts.str.contains(_OFFICE_WORDS).mean()) >= share
