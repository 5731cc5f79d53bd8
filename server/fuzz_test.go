package server

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"
)

// fuzzRoutes are the requests FuzzQueryParams makes; route picks one (mod
// the count), param and body are the fuzzed parts.
var fuzzRoutes = []func(param, body string) (method, target, rawQuery, reqBody string){
	func(p, _ string) (string, string, string, string) {
		return "GET", "/api/entities", "q=" + url.QueryEscape(p), ""
	},
	func(p, _ string) (string, string, string, string) { return "GET", "/api/entities", p, "" }, // raw query string
	func(p, b string) (string, string, string, string) {
		return "GET", "/api/export/dot", "focus=" + url.QueryEscape(p) + "&depth=" + url.QueryEscape(b), ""
	},
	func(p, b string) (string, string, string, string) {
		return "GET", "/api/export/" + url.PathEscape(p), "depth=" + url.QueryEscape(b), ""
	},
	func(p, b string) (string, string, string, string) { return "GET", "/api/export/nquads", p, "" },
	func(p, b string) (string, string, string, string) {
		return "POST", "/api/v2/query", "lang=" + url.QueryEscape(p), b
	},
	func(_, b string) (string, string, string, string) { return "POST", "/api/v2/query", "lang=gizmo", b },
	func(_, b string) (string, string, string, string) { return "POST", "/api/v2/query", "lang=graphql", b },
	func(p, b string) (string, string, string, string) {
		return "POST", "/api/v1/query/" + url.PathEscape(p), "", b
	},
	func(p, _ string) (string, string, string, string) {
		return "GET", "/api/entities/" + url.PathEscape(p), "", ""
	},
	func(p, _ string) (string, string, string, string) { return "GET", "/api/v2/read", p, "" },
	func(p, b string) (string, string, string, string) { return "GET", "/api/v2/query", p, b },
}

// FuzzQueryParams sends requests with fuzzed query parameters, paths and
// bodies to the server's handler over a small store. Whatever comes in,
// the answer is a status below 500 (or 503/504, which the limits give), and
// every 4xx is a JSON object with an error field. Cayley's query languages
// get any text, so the query timeout is short.
func FuzzQueryParams(f *testing.F) {
	_, ts := MustServer(f, MustStore(f), Config{QueryTimeout: 250 * time.Millisecond, CacheEntries: -1, MaxBody: 64 << 10})
	h := ts.Config.Handler
	for _, s := range []struct {
		route       uint8
		param, body string
	}{
		{0, "cao", ""},
		{0, "Xiong'an New Area", ""},
		{1, "q=tang&limit=2", ""},
		{1, "q=%zz&limit=%", ""},
		{2, "caofeidian", "1"},
		{2, "https://policykg.org/id/hebei", "4"},
		{2, "", "99999999999999999999"},
		{3, "svg", "0"},
		{3, "../../etc/passwd", "-1"},
		{4, "focus=tangshan&depth=2", ""},
		{5, "gizmo", `g.V("<https://policykg.org/id/caofeidian>").Out().All()`},
		{5, "graphql", `{ nodes(id: "<https://policykg.org/id/tangshan>") { id } }`},
		{5, "sparql", "SELECT * WHERE { ?s ?p ?o }"},
		{6, "", `g.V().FollowRecursive(g.M().Out()).All()`},
		{6, "", `g.V().Tag("x").Out().Is("<x>").Back("x").Count()`},
		{7, "", `{ nodes { id, out { id } } }`},
		{8, "gizmo", `g.Emit(1/0)`},
		{9, "caofeidian", ""},
		{9, "<https://policykg.org/id/tangshan>", ""},
		{10, "format=json", ""},
		{11, "lang=gizmo&qu=g.V().All()", ""},
	} {
		f.Add(s.route, s.param, s.body)
	}
	f.Fuzz(func(t *testing.T, route uint8, param, body string) {
		method, target, rawQuery, reqBody := fuzzRoutes[int(route)%len(fuzzRoutes)](param, body)
		req := httptest.NewRequest(method, "http://127.0.0.1"+target, strings.NewReader(reqBody))
		req.URL.RawQuery = rawQuery
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		checkAnswer(t, method+" "+req.URL.String(), rec.Code, rec.Header(), rec.Body.Bytes())
	})
}

// checkAnswer: no 5xx but 503/504; a 4xx is a JSON object with an error.
func checkAnswer(t *testing.T, what string, code int, h http.Header, body []byte) {
	t.Helper()
	if code >= 500 && code != http.StatusServiceUnavailable && code != http.StatusGatewayTimeout {
		t.Fatalf("%s: status %d: %.300s", what, code, body)
	}
	if code >= 400 && code < 500 {
		var m map[string]any
		if err := json.Unmarshal(body, &m); err != nil {
			t.Fatalf("%s: %d answer is not a JSON object: %.300q", what, code, body)
		}
		if e, ok := m["error"].(string); !ok || e == "" {
			t.Fatalf("%s: %d answer has no error: %.300s", what, code, body)
		}
	}
}
