"""The platform's languages: what Django lacks for Dari, Somali and Tigrinya
(``info``, ``formats``), the first visit's choice from the browser's
languages and the switcher's choice (``middleware``, ``views``)."""
