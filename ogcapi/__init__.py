"""The OGC API – Features service of the atlas (``atlas serve-api``): aggregates per area and
year for GIS software (QGIS, ArcGIS) and partner systems, behind per-user API tokens.

:mod:`ogcapi.features` decides what is served (the registry's figures, protected as exports
protect them, through the reader's grants); :mod:`ogcapi.provider` hands it to pygeoapi, which
parses the requests and writes the OGC answers; :mod:`ogcapi.server` checks the token, records
every request in the audit log and routes the read-only endpoints.
"""
