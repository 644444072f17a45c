"""Area map: Indonesia by province, drill down to villages."""

import ui

ui.demo_banner()
