"""Static outputs of the atlas: everything that leaves the office as a file.

No Streamlit here (a test checks it); modules may import :mod:`geo` for domain logic, never the
other way round.

* :mod:`exports.view` — what an export shows, computed and protected once (:class:`ExportView`).
* :mod:`exports.static_map`, :mod:`exports.static_chart` — PNG map and charts (matplotlib).
* :mod:`exports.deck` — the PowerPoint deck (python-pptx).
* :mod:`exports.brief_pdf` — the one-page PDF brief (fpdf2).
* :mod:`exports.files` — standalone HTML map, image zip, CSV and XLSX tables.
"""
