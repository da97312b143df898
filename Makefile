# The two commands of the README. Both install what is missing, then build.
MAKEFLAGS += --no-print-directory
BUILD ?= build
ASAN_BUILD ?= build-asan
FUZZ_SECONDS ?= 30
JOBS ?= $(shell nproc)
CMAKE_FLAGS ?=

.PHONY: all build run test test-unit test-asan test-fuzz test-slow fuzz fuzz-build lint clean

all: build

deps-%:
	@scripts/install-deps.sh $*

$(BUILD)/CMakeCache.txt:
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release $(CMAKE_FLAGS) >/dev/null

build: deps-build $(BUILD)/CMakeCache.txt
	@cmake --build $(BUILD) -j $(JOBS)

run: deps-run build
	@scripts/run-examples.sh $(BUILD)/kgex examples out

# The whole suite (with a valgrind run of kgex), then again under AddressSanitizer and
# UndefinedBehaviorSanitizer, then each fuzz target for 20 seconds, then clang-tidy and cppcheck.
test: test-unit test-asan test-fuzz lint

# The sanitizer build: clang with ASan and UBSan, instrumented for libFuzzer too, so that one
# build runs the suite and the fuzz targets (-Werror off: other compilers' warnings are the
# Release build's job). LeakSanitizer skips RapidJSON's known leak (cmake/lsan-suppressions.txt).
SAN_CONFIGURE = cmake -S . -B $(ASAN_BUILD) -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKGEX_BUILD_TESTS=ON -DKGEX_SANITIZE=ON -DKGEX_FUZZ=ON -DKGEX_WARNINGS_AS_ERRORS=OFF $(CMAKE_FLAGS) >/dev/null
SAN_ENV = ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 LSAN_OPTIONS=suppressions=$(CURDIR)/cmake/lsan-suppressions.txt UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

test-unit: deps-test
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release -DKGEX_BUILD_TESTS=ON -DKGEX_WARNINGS_AS_ERRORS=ON $(CMAKE_FLAGS) >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)
	@cd $(BUILD) && ctest --output-on-failure -j $(JOBS) -LE slow

test-asan: deps-test deps-fuzz
	@$(SAN_CONFIGURE)
	@cmake --build $(ASAN_BUILD) -j $(JOBS)
	@cd $(ASAN_BUILD) && $(SAN_ENV) ctest --output-on-failure -j $(JOBS) -LE slow

test-fuzz: FUZZ_SECONDS = 20
test-fuzz: fuzz

# libFuzzer targets (tests/fuzz) of the sanitizer build; each runs FUZZ_SECONDS, after a
# replay of the seeds and saved regressions.
fuzz-build: deps-fuzz
	@$(SAN_CONFIGURE)
	@cmake --build $(ASAN_BUILD) -j $(JOBS) --target fuzz_text fuzz_rule_pack fuzz_graphml fuzz_jsonld
	@cd $(ASAN_BUILD) && $(SAN_ENV) ctest --output-on-failure -L fuzz

fuzz: fuzz-build
	@scripts/fuzz.sh $(ASAN_BUILD) $(FUZZ_SECONDS)

# clang-tidy (.clang-tidy) and cppcheck over kgex's sources; any finding fails.
lint: deps-lint
	@cmake -S . -B $(BUILD) -DKGEX_BUILD_TESTS=ON $(CMAKE_FLAGS) >/dev/null
	@scripts/lint.sh $(BUILD)

# Slow cases (a single 100 MB line), not part of `make test`.
test-slow: test-unit
	@cd $(BUILD) && ctest --output-on-failure -L slow

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) out
