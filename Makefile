# Labeler — two commands on a fresh Debian machine:
#   make demo   install what is missing, build release, stamp SampleMedia into out/, verify it
#   make test   install what is missing, check the house style, run the Swift tests and the interop checks
SHELL := /bin/bash
SWIFT ?= swift
APT_PACKAGES := pkg-config libpng-dev libjpeg-dev libexif-dev zlib1g-dev libdeflate-dev libimage-exiftool-perl libjpeg-turbo-progs python3-venv exempi openssl \
                libfreetype-dev fonts-dejavu-core fonts-wqy-microhei \
                libtesseract-dev tesseract-ocr-kaz tesseract-ocr-rus tesseract-ocr-eng tesseract-ocr-chi-sim imagemagick \
                chromium
VENV := .venv
LABELCTL := .build/release/labelctl
DEMO_FLAGS := --generator ExampleGen --generator-version 2.1 --producer ExampleCo \
              --producer-code 001191110000EXAMPLE00X1AB01 --lang en,ru,kk,zh

.PHONY: deps venv build demo test bench fuzz format lint clean

deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi

venv: deps
	@[ -x $(VENV)/bin/python ] || python3 -m venv $(VENV)
	@$(VENV)/bin/python -c "import PIL" 2>/dev/null || $(VENV)/bin/pip install -q pillow==13.0.0
	@$(VENV)/bin/python -c "import c2pa" 2>/dev/null || $(VENV)/bin/pip install -q c2pa-python==0.38.1
	@$(VENV)/bin/python -c "import c2pa_text" 2>/dev/null || $(VENV)/bin/pip install -q c2pa-text==3.0.0

build: deps
	$(SWIFT) build -c release --product labelctl --static-swift-stdlib

demo: build
	rm -rf out
	bash demo/profile.sh
	@echo; echo "== part 2: each layer on its own =="
	@echo "== stamp SampleMedia/photos and SampleMedia/edge into out/layers/ (metadata only, lossless) =="
	$(LABELCTL) stamp $(DEMO_FLAGS) -o out/layers SampleMedia/photos SampleMedia/edge
	@echo; echo "== verify out/layers/ (exit code 0: every file labelled and valid) =="
	$(LABELCTL) verify out/layers
	@echo; echo "== exiftool reads what we wrote =="
	exiftool -G1 -XMP-iptcExt:DigitalSourceType -XMP-iptcExt:AISystemUsed -XMP-TC260:AIGC out/layers/coffee.png
	@echo; echo "== --visible: the notice drawn into the pixels (kk, ru, en, zh), then the metadata over the new bytes =="
	$(LABELCTL) stamp $(DEMO_FLAGS) --visible --corner bottom-right -o out/visible SampleMedia/photos
	$(LABELCTL) verify out/visible | grep -E "^out" || true
	@echo; echo "== C2PA: make a key and an own root, stamp and sign, and validate natively =="
	test -f out/keys/key.pem || $(LABELCTL) keygen --out out/keys --subject "Example Co"
	$(LABELCTL) stamp $(DEMO_FLAGS) --sign --cert out/keys/chain.pem --key out/keys/key.pem -o out/signed SampleMedia/photos/rocket.jpg SampleMedia/photos/chelsea.png
	$(LABELCTL) verify --trust-anchors out/keys/root.pem out/signed | grep -E "^out|c2pa "
	@echo; echo "== a file signed with C2PA by someone else: signing keeps its manifest as the parent ingredient =="
	$(LABELCTL) stamp $(DEMO_FLAGS) --sign --cert out/keys/chain.pem --key out/keys/key.pem -o out/resigned SampleMedia/c2pa/C.jpg
	$(LABELCTL) verify --trust-anchors out/keys/root.pem out/resigned | grep -E "^out|c2pa "
	@echo; echo "== ...while stamping it unsigned is refused, not silently broken (exit 65 expected) =="
	-$(LABELCTL) stamp $(DEMO_FLAGS) -o out/refused SampleMedia/c2pa/C.jpg
	@echo; echo "== text: notices in kk/ru/en/zh, front matter, a JSON disclosure, and a signed C2PA text manifest =="
	$(LABELCTL) text stamp $(DEMO_FLAGS) --sign --cert out/keys/chain.pem --key out/keys/key.pem --notice-in choices.0.message.content -o out/text SampleMedia/text
	$(LABELCTL) text verify --trust-anchors out/keys/root.pem out/text/answer.md out/text/answer.txt out/text/chat-completion.json | grep -E "^out|notice |c2pa |KZ|CN"
	@echo; echo "== malformed inputs: clear errors with byte offsets, nothing written (exit 65 expected) =="
	-$(LABELCTL) stamp $(DEMO_FLAGS) -o out/malformed SampleMedia/malformed/truncated-mid-idat.png SampleMedia/malformed/bad-crc.png SampleMedia/malformed/segment-length-past-end.jpg
	@test ! -e out/malformed/bad-crc.png && echo "no output was left behind for malformed inputs"

test: venv lint
	$(SWIFT) build --build-tests
	OMP_THREAD_LIMIT=1 $(SWIFT) test --skip-build
	$(VENV)/bin/python Tests/interop/pillow_interop.py
	$(VENV)/bin/python Tests/interop/c2pa_interop.py
	$(VENV)/bin/python Tests/interop/profile_e2e.py

bench: deps
	bash bench/run.sh

# libFuzzer targets for the walkers and parsers (FUZZ_SECONDS per target, default 60); see FUZZING.md.
fuzz: deps
	bash Fuzz/run.sh

# The house style: .swift-format (120 columns). `make format` rewrites, `make lint` checks.
format:
	$(SWIFT) format --in-place --recursive --parallel Package.swift Sources Tests Fuzz/Package.swift Fuzz/Targets Benchmarks

lint:
	$(SWIFT) format lint --strict --recursive --parallel Package.swift Sources Tests Fuzz/Package.swift Fuzz/Targets Benchmarks

clean:
	rm -rf .build out $(VENV)
