"""Reading the outside world (files, the archive, the store).

Importing any ``loaders`` module first locks GDAL down (``loaders.gdal_safety``): an upload is
data, never instructions.
"""

from loaders import gdal_safety

gdal_safety.apply()
