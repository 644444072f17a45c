"""Service points, distance over land and where the next one should go (issue 23)."""

TEXT = {
    # ---------------------------------------------------------------- the layer and its import
    "layer.service_points": ("Titik layanan", "Service points"),
    "data.field.type": ("Jenis layanan", "Service type"),
    "data.field.name": ("Nama layanan/kantor", "Service or office name"),
    "data.field.year_opened": ("Tahun dibuka", "Year opened"),
    "data.field.year_closed": ("Tahun ditutup", "Year closed"),
    "data.issue.service_type_unknown": (
        "Baris {row}, kolom '{column}': jenis layanan '{value}' tidak dikenal (LTSA, UPT BP3MI, Pos Pelayanan, "
        "Disnaker, MRC/BP PIPA, Desmigratif, Shelter/rumah aman); disimpan sebagai 'lainnya'.",
        "Row {row}, column '{column}': service type '{value}' is not recognised (LTSA, UPT BP3MI, Pos Pelayanan, "
        "Disnaker, MRC/BP PIPA, Desmigratif, shelter); stored as 'other'.",
    ),
    "data.issue.service_type_missing": (
        "Baris {row}, kolom '{column}': jenis layanan kosong. Isi jenisnya (mis. LTSA, Pos Pelayanan, MRC).",
        "Row {row}, column '{column}': the service type is empty. Fill it in (e.g. LTSA, Pos Pelayanan, MRC).",
    ),
    "data.issue.no_service_type_column": (
        "{file}: tidak ada kolom jenis layanan. Tambahkan kolom 'Jenis Layanan' (LTSA, UPT BP3MI, Pos Pelayanan, "
        "Disnaker, MRC, Desmigratif, Shelter, Lainnya).",
        "{file}: no service-type column. Add a 'Jenis Layanan' column (LTSA, UPT BP3MI, Pos Pelayanan, "
        "Disnaker, MRC, Desmigratif, Shelter, Other).",
    ),
    "data.issue.closed_before_opened": (
        "Baris {row}, kolom '{column}': ditutup {closed} sebelum dibuka {opened}. Periksa kedua tahun.",
        "Row {row}, column '{column}': closed in {closed}, before it opened in {opened}. Check both years.",
    ),
    "data.issue.point_outside_indonesia": (
        "Baris {row}, kolom '{column}': koordinat ({lat}, {lon}) di luar Indonesia (tanda minus lintang selatan "
        "terlupa?); titik diletakkan di titik desanya bila desanya tertulis.",
        "Row {row}, column '{column}': the coordinates ({lat}, {lon}) lie outside Indonesia (a missing minus of a "
        "southern latitude?); the point is put at its village's point when the village is given.",
    ),
    "data.issue.point_outside_village": (
        "Baris {row}, kolom '{column}': koordinatnya jatuh di {found}, bukan di desa yang tertulis {stated}; "
        "koordinat yang dipakai. Periksa koordinat atau desanya.",
        "Row {row}, column '{column}': the coordinates fall in {found}, not in the village given, {stated}; "
        "the coordinates are used. Check the coordinates or the village.",
    ),
    "data.issue.point_outside_villages": (
        "Baris {row}, kolom '{column}': koordinatnya tidak jatuh di batas desa mana pun yang tersimpan (di laut, "
        "atau salah tulis?); dicatat di desa tertulis {stated} dengan koordinatnya sendiri.",
        "Row {row}, column '{column}': the coordinates fall in no stored village boundary (at sea, or mistyped?); "
        "recorded in the village given, {stated}, at its own coordinates.",
    ),
    "data.issue.office_names_kept": (
        "Kolom '{column}' berisi nama kantor/layanan, bukan nama orang: disimpan sebagai nama titik layanan.",
        "Column '{column}' holds office or service names, not people's names: kept as the service point's name.",
    ),
    # ---------------------------------------------------------------- the types
    "service.LTSA": ("LTSA", "LTSA (one-stop service)"),
    "service.UPT_BP3MI": ("UPT BP3MI", "UPT BP3MI office"),
    "service.POS": ("Pos Pelayanan", "Service post"),
    "service.DISNAKER": ("Disnaker", "Disnaker (labour office)"),
    "service.MRC": ("MRC / BP PIPA", "Migrant Resource Centre"),
    "service.DESMIGRATIF": ("Layanan migrasi Desmigratif", "Desmigratif service centre"),
    "service.SHELTER": ("Shelter / rumah aman", "Shelter"),
    "service.OTHER": ("Layanan lain", "Other service"),
    "service.new": ("Lokasi baru usulan", "Proposed new site"),
}
