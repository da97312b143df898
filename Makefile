# The two commands of the README. Both install what is missing, then build.
MAKEFLAGS += --no-print-directory
BUILD ?= build
JOBS ?= $(shell nproc)
CMAKE_FLAGS ?=

.PHONY: all deps build run test clean

all: build

deps-%:
	@scripts/install-deps.sh $*

$(BUILD)/CMakeCache.txt:
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release $(CMAKE_FLAGS) >/dev/null

build: deps-build $(BUILD)/CMakeCache.txt
	@cmake --build $(BUILD) -j $(JOBS)

run: deps-run build
	@scripts/run-examples.sh $(BUILD)/kgex examples out

test: deps-test
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release -DKGEX_BUILD_TESTS=ON -DKGEX_WARNINGS_AS_ERRORS=ON $(CMAKE_FLAGS) >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)
	@cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

clean:
	rm -rf $(BUILD) out
