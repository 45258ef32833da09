# lxd-grpc-bridge: `make help` lists the targets.
SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help
MAKEFLAGS += --no-builtin-rules

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
BUF := node_modules/.bin/buf
PROTOS := $(sort $(wildcard proto/lxd/api/v1/*.proto))
# The protos of the last release (CHANGELOG.md), for buf breaking: see api/baseline/README.md.
BUF_BASELINE := api/baseline/v0.1.0.binpb
# Private LXD for tests and `make run` when no system LXD answers (tools/lxd-sandbox).
SANDBOX_DIR ?= $(CURDIR)/build/sandbox

# The example clients of examples/go and examples/typescript, generated from proto/ and built here.
CLIENTS := build/clients
GO_PATH := $(CURDIR)/$(CLIENTS)/gopath
GO_GEN := $(GO_PATH)/src/github.com/lxd-grpc-bridge/lxd-grpc-bridge/gen/go/lxd/api/v1

.PHONY: help setup lock system-deps generate check-generate lint test unit run bench clean clients

help: ## List the targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-16s %s\n", $$1, $$2}'

# Every Python package at the version and hash of requirements/lock.txt (`make lock` writes it),
# then this project itself, built with the locked setuptools: nothing unpinned is fetched.
$(VENV)/.installed: requirements/lock.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --require-hashes -r requirements/lock.txt
	$(PY) -m pip install -q --no-deps --no-build-isolation -e .
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

setup: $(VENV)/.installed node_modules/.installed ## Create .venv and install Python packages (requirements/lock.txt) and buf

lock: $(VENV)/.installed ## Refresh requirements/lock.txt from pyproject.toml (LOCK_FLAGS=--upgrade: newest indirect deps too)
	$(VENV)/bin/uv pip compile pyproject.toml --extra dev --generate-hashes --universal \
	  --python-version 3.11 --custom-compile-command "make lock" $(LOCK_FLAGS) -q -o requirements/lock.txt

# What a Go client needs from Debian (README "From your language"); protobuf 1-5, not apt's
# default 1-3, or the first RPC panics (proto/registry.go is 1-5 only: the check below).
GO_CLIENT_DEBS := protobuf-compiler protoc-gen-go protoc-gen-go-grpc golang-google-grpc-dev golang-google-genproto-dev golang-github-golang-protobuf-1-5-dev

system-deps: ## As root, apt-get what the tests need when missing: LXD and Incus (the sandboxes), systemd-analyze, Go (the Go oracle and client), the protoc plugins
	-command -v lxd >/dev/null || tools/lxd-sandbox install
	-test -x /usr/libexec/incus/incusd || tools/lxd-sandbox --family incus install  # from bookworm-backports
	-command -v systemd-analyze >/dev/null || { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends systemd; }  # the unit file's check
	-command -v go >/dev/null || { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q golang-go; }
	-command -v protoc-gen-go-grpc >/dev/null || { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q protoc-gen-go protoc-gen-go-grpc; }
	-command -v protoc >/dev/null && test -d /usr/share/gocode/src/google.golang.org/grpc/status -a -d /usr/share/gocode/src/google.golang.org/genproto/googleapis/rpc/errdetails -a -f /usr/share/gocode/src/github.com/golang/protobuf/proto/registry.go || { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q $(GO_CLIENT_DEBS); }

generate: $(VENV)/.installed ## Regenerate gen/ from proto/ with the pinned grpcio-tools
	$(PY) tools/generate.py gen

check-generate: $(VENV)/.installed ## Fail when gen/ differs from what proto/ generates
	$(PY) tools/generate.py --check gen

lint: setup ## buf lint, format and breaking (against the last release), ruff, mypy on bridge/
	$(BUF) lint
	$(BUF) format --diff --exit-code
	$(BUF) breaking --against $(BUF_BASELINE)
	$(VENV)/bin/ruff check bridge tests tools examples
	$(VENV)/bin/ruff format --check bridge tests tools examples
	$(VENV)/bin/mypy

clients: setup ## Generate and build the Go and TypeScript example clients (examples/go, examples/typescript) into build/clients
	rm -rf $(CLIENTS) && mkdir -p $(GO_PATH)/src $(CLIENTS)/ts/gen
	$(VENV)/bin/lxd-grpc-bridge protos $(CLIENTS)/protos  # as the README's newcomer does
	protoc -I $(CLIENTS)/protos --go_out=$(GO_PATH)/src --go-grpc_out=$(GO_PATH)/src $(CLIENTS)/protos/lxd/api/v1/*.proto
	cd examples/go && GO111MODULE=off GOPROXY=off GOPATH=$(GO_PATH):/usr/share/gocode go build -o $(CURDIR)/$(CLIENTS)/go-client .
	protoc -I $(CLIENTS)/protos --plugin=node_modules/.bin/protoc-gen-ts_proto \
	  --ts_proto_out=$(CLIENTS)/ts/gen --ts_proto_opt=outputServices=grpc-js,esModuleInterop=true,env=node,forceLong=string,useDate=false \
	  $(CLIENTS)/protos/lxd/api/v1/*.proto $(CLIENTS)/protos/google/rpc/*.proto
	cp examples/typescript/client.ts $(CLIENTS)/ts/
	node_modules/.bin/tsc -p examples/typescript/tsconfig.json

test: setup system-deps check-generate lint clients ## Everything CI runs: generated code, linters, unit and integration tests against a real LXD
	SANDBOX_DIR=$(SANDBOX_DIR) $(PY) -m pytest

unit: setup ## Unit tests only (no LXD needed)
	$(PY) -m pytest -m 'not integration'

run: setup ## Serve the bridge against the system LXD, or a private sandbox LXD when none answers
	tools/run-bridge

bench: setup ## Every benchmark side by side in one run, about 5 minutes (10 on a busy machine) (BENCH_FLAGS=--big: 1 GiB streams)
	$(PY) -m tools.bench $(BENCH_FLAGS)

clean: ## Stop the sandbox LXD and remove build output
	-tools/lxd-sandbox stop
	rm -rf build
