// Command gooracle answers "what would LXD's Go encoding/json do with this JSON?".
//
// It reads one request per line on stdin:
//
//	{"type": "<Go type expression>", "json": <any JSON value>, "strict": false, "version": "lxd-5.0"}
//
// decodes "json" into a new value of that type with a json.Decoder (as LXD's daemon and client
// do; "strict": true adds DisallowUnknownFields), re-encodes the value with json.Marshal, and
// writes one line per request on stdout, flushed at once:
//
//	{"ok": true, "json": <re-encoded value>, "text": "<the exact bytes json.Marshal wrote>"}
//	{"ok": false, "error": "<Go's error text>"}
//
// "version" picks the server version whose structs are used: "lxd-3.4" (the default), "lxd-5.0" or
// "incus-6.0"; each is a package generated from the protos' options (tests/go_oracle_source.py),
// registered by name in registry_gen.go.
//
// A type expression is a name of the version's package (optionally written "api.Name"), a Go builtin
// (string, bool, int, int64, uint64, float64, interface{}, any, json.RawMessage), or one of
// those wrapped in []T, *T and map[string]T, to any depth: "[]Container",
// "map[string][]Operation", "map[string]interface{}".
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"reflect"
	"strings"
)

// builtins are the types every version knows; registry_gen.go (generated from the protos by
// tests/go_oracle_source.py) declares each version's api types.
var builtins = map[string]reflect.Type{
	"string":          reflect.TypeOf(""),
	"bool":            reflect.TypeOf(false),
	"int":             reflect.TypeOf(0),
	"int64":           reflect.TypeOf(int64(0)),
	"uint64":          reflect.TypeOf(uint64(0)),
	"float64":         reflect.TypeOf(float64(0)),
	"interface{}":     reflect.TypeOf((*interface{})(nil)).Elem(),
	"any":             reflect.TypeOf((*interface{})(nil)).Elem(),
	"json.RawMessage": reflect.TypeOf(json.RawMessage(nil)),
}

// parseType turns a type expression into a reflect.Type.
func parseType(expr string, api map[string]reflect.Type) (reflect.Type, error) {
	expr = strings.TrimSpace(expr)
	switch {
	case strings.HasPrefix(expr, "[]"):
		elem, err := parseType(expr[2:], api)
		if err != nil {
			return nil, err
		}
		return reflect.SliceOf(elem), nil
	case strings.HasPrefix(expr, "*"):
		elem, err := parseType(expr[1:], api)
		if err != nil {
			return nil, err
		}
		return reflect.PtrTo(elem), nil
	case strings.HasPrefix(expr, "map[string]"):
		elem, err := parseType(expr[len("map[string]"):], api)
		if err != nil {
			return nil, err
		}
		return reflect.MapOf(builtins["string"], elem), nil
	}
	if t, ok := builtins[expr]; ok {
		return t, nil
	}
	if t, ok := api[strings.TrimPrefix(expr, "api.")]; ok {
		return t, nil
	}
	return nil, fmt.Errorf("gooracle: unknown type %q", expr)
}

type request struct {
	Type    string          `json:"type"`
	Version string          `json:"version"`
	JSON   json.RawMessage `json:"json"`
	Strict bool            `json:"strict"`
}

type success struct {
	OK   bool            `json:"ok"`
	JSON json.RawMessage `json:"json"`
	Text string          `json:"text"`
}

type failure struct {
	OK    bool   `json:"ok"`
	Error string `json:"error"`
}

// roundtrip decodes raw into a new value of type expr and returns json.Marshal of it.
func roundtrip(version, expr string, raw []byte, strict bool) ([]byte, error) {
	if version == "" {
		version = defaultVersion
	}
	api, ok := versions[version]
	if !ok {
		return nil, fmt.Errorf("gooracle: unknown version %q", version)
	}
	t, err := parseType(expr, api)
	if err != nil {
		return nil, err
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	if strict {
		dec.DisallowUnknownFields()
	}
	ptr := reflect.New(t)
	if err := dec.Decode(ptr.Interface()); err != nil {
		return nil, err
	}
	return json.Marshal(ptr.Elem().Interface())
}

func handle(line []byte) interface{} {
	var req request
	dec := json.NewDecoder(bytes.NewReader(line))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&req); err != nil {
		return failure{Error: "gooracle: bad request line: " + err.Error()}
	}
	if req.JSON == nil {
		return failure{Error: `gooracle: bad request line: no "json" member`}
	}
	out, err := roundtrip(req.Version, req.Type, req.JSON, req.Strict)
	if err != nil {
		return failure{Error: err.Error()}
	}
	return success{OK: true, JSON: out, Text: string(out)}
}

func main() {
	in := bufio.NewReaderSize(os.Stdin, 1<<20)
	out := bufio.NewWriter(os.Stdout)
	for {
		line, readErr := in.ReadBytes('\n')
		if len(bytes.TrimSpace(line)) > 0 {
			reply, err := json.Marshal(handle(line))
			if err != nil {
				reply, _ = json.Marshal(failure{Error: "gooracle: " + err.Error()})
			}
			out.Write(reply)
			out.WriteByte('\n')
			if err := out.Flush(); err != nil {
				os.Exit(1)
			}
		}
		if errors.Is(readErr, io.EOF) {
			return
		}
		if readErr != nil {
			fmt.Fprintln(os.Stderr, "gooracle:", readErr)
			os.Exit(1)
		}
	}
}
