package server

import (
	"net/http"
	"strconv"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// metrics are the server's Prometheus metrics, in a registry of its own.
type metrics struct {
	reg         *prometheus.Registry
	requests    *prometheus.CounterVec
	duration    *prometheus.HistogramVec
	cacheHits   prometheus.Counter
	cacheMisses prometheus.Counter
	rejected    prometheus.Counter
	generation  prometheus.Gauge

	engineStarts  prometheus.Counter
	engineCrashes prometheus.Counter
}

func newMetrics(s *Server) *metrics {
	m := &metrics{
		reg: prometheus.NewRegistry(),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "policykg_http_requests_total", Help: "HTTP requests by route and status code.",
		}, []string{"route", "code"}),
		duration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "policykg_http_request_duration_seconds", Help: "Time to answer, by route.",
			Buckets: []float64{.0005, .001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10},
		}, []string{"route"}),
		cacheHits: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "policykg_cache_hits_total", Help: "Answers served from the cache."}),
		cacheMisses: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "policykg_cache_misses_total", Help: "Cacheable requests that ran."}),
		rejected: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "policykg_queries_rejected_total", Help: "Queries refused with 503: all slots busy."}),
		generation: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "policykg_snapshot_generation", Help: "Number of the snapshot in service."}),
		engineStarts: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "policykg_query_engine_starts_total", Help: "Query engine processes started."}),
		engineCrashes: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "policykg_query_engine_crashes_total",
			Help: "Query engines that died under a request (a query crashed Cayley, or overran its timeout)."}),
	}
	inflight := prometheus.NewGaugeFunc(prometheus.GaugeOpts{
		Name: "policykg_queries_running", Help: "Queries running now."},
		func() float64 { return float64(len(s.sem)) })
	cached := prometheus.NewGaugeFunc(prometheus.GaugeOpts{
		Name: "policykg_cache_entries", Help: "Answers held in the cache."},
		func() float64 {
			if !s.cache.enabled() {
				return 0
			}
			return float64(s.cache.len())
		})
	m.reg.MustRegister(m.requests, m.duration, m.cacheHits, m.cacheMisses, m.rejected,
		m.generation, m.engineStarts, m.engineCrashes, inflight, cached,
		prometheus.NewGoCollector(), prometheus.NewProcessCollector(prometheus.ProcessCollectorOpts{}))
	return m
}

func (m *metrics) handler() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{})
}

// wrap counts and times the requests of a route.
func (m *metrics) wrap(route string, h http.Handler) http.Handler {
	dur := m.duration.WithLabelValues(route)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w}
		h.ServeHTTP(sw, r)
		if sw.status == 0 {
			sw.status = http.StatusOK
		}
		dur.Observe(time.Since(start).Seconds())
		m.requests.WithLabelValues(route, strconv.Itoa(sw.status)).Inc()
	})
}

// statusWriter notes the status of an answer.
type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(p []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	return w.ResponseWriter.Write(p)
}

func (w *statusWriter) Flush() {
	if f, ok := w.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}

// Unwrap lets http.ResponseController reach the connection.
func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }
