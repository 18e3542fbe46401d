# Shortcuts; each target works on a fresh Debian 12 / Ubuntu box (scripts/bootstrap.sh sets up).
.PHONY: setup demo test tour bench openapi translations deb

setup:
	scripts/bootstrap.sh

demo:
	scripts/demo.sh

test:
	scripts/test.sh

tour: setup
	.venv/bin/kiosk tour --out tour

bench: setup
	.venv/bin/python bench/startup.py

# The .deb a vendor installs (dist/onestop-kiosk_VERSION_ARCH.deb), wheels bundled.
deb: setup
	packaging/build-deb.sh

openapi: setup
	.venv/bin/python -m server --export-openapi server/openapi.json

translations: setup
	for lang in zh-Hant zh-Hans en; do \
	  .venv/bin/pyside6-lupdate $$(find ui -name '*.py' | sort) -ts assets/translations/kiosk_$$lang.ts -no-obsolete && \
	  .venv/bin/pyside6-lrelease assets/translations/kiosk_$$lang.ts -qm assets/translations/kiosk_$$lang.qm; \
	done
