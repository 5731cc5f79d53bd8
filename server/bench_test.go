package server

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// BenchmarkCachedQuery measures the server's own cost for an answer from
// the cache (the case a load test of one query measures): routing, auth,
// metrics, the cache lookup and the write, without a network.
func BenchmarkCachedQuery(b *testing.B) {
	s, _ := MustServer(b, MustStore(b), Config{})
	h := s.Handler()
	body := `g.V("` + caofeidian + `").Out().All()`
	serve := func() *httptest.ResponseRecorder {
		req := httptest.NewRequest("POST", "/api/v2/query?lang=gizmo", strings.NewReader(body))
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		return rec
	}
	if rec := serve(); rec.Code != http.StatusOK {
		b.Fatalf("warm-up: %d %s", rec.Code, rec.Body)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if rec := serve(); rec.Header().Get("X-Policykg-Cache") != "hit" {
			b.Fatalf("not answered from the cache: %d", rec.Code)
		}
	}
}
