# The README's two commands: `make report` and `make test`.
BUILD ?= build
JOBS ?= 2
PREFIX ?= /usr/local
CMAKE_FLAGS ?=
DEBIAN_PACKAGES := cmake g++ make pkg-config libyaml-cpp-dev libhpdf-dev libgtest-dev googletest \
  libbenchmark-dev nlohmann-json3-dev fonts-dejavu-core python3-fonttools poppler-utils qpdf zlib1g-dev libxml2-dev \
  libxlsxwriter-dev libcli11-dev unzip python3-pypdf texlive-latex-base texlive-latex-recommended \
  texlive-fonts-recommended texlive-lang-european lmodern python3-openpyxl \
  libzip-dev python3-docx libreoffice-writer-nogui chromium

.PHONY: all deps configure build report test bench install clean

all: build

deps:
	@scripts/install-deps.sh $(DEBIAN_PACKAGES)

configure: deps
	@cmake -S . -B $(BUILD) $(CMAKE_FLAGS) >/dev/null

build: configure
	@cmake --build $(BUILD) -j $(JOBS)

report: build
	$(BUILD)/zorgcap report --inputs inputs --out outputs

test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)
	@# ctest prints nothing of a skipped test: show each skip's reason (its GTEST_SKIP message).
	@grep -h -A1 ': Skipped$$' $(BUILD)/Testing/Temporary/LastTest.log 2>/dev/null | \
	  grep -v -e ': Skipped$$' -e '^--$$' | sed 's/^/skipped test: /' || true
	$(BUILD)/zorgcap reconcile --inputs inputs

install: build
	cmake --install $(BUILD) --prefix $(PREFIX)

bench: build
	@scripts/install-deps.sh hyperfine
	scripts/bench.sh
	scripts/bench-explore.sh $(BUILD)/zorgcap

clean:
	rm -rf $(BUILD)
