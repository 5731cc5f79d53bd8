package server

import (
	"bytes"
	"container/list"
	"net/http"
	"strconv"
	"sync"
)

// cache keeps whole answers of read routes, keyed by generation, method,
// path, query string, Accept header and request body: a generation never
// changes, so an answer stays right for as long as its generation serves.
// It is bounded both in entries and in bytes, and drops the least recently
// used answer first; a new generation empties it.
type cache struct {
	mu       sync.Mutex
	maxItems int
	maxBytes int64
	maxEntry int64
	bytes    int64
	ll       *list.List
	items    map[string]*list.Element
}

type cached struct {
	key         string
	status      int
	contentType string
	body        []byte
}

func newCache(maxItems int, maxBytes int64) *cache {
	entry := maxBytes / 16
	if entry > 1<<20 {
		entry = 1 << 20
	}
	return &cache{maxItems: maxItems, maxBytes: maxBytes, maxEntry: entry,
		ll: list.New(), items: map[string]*list.Element{}}
}

func (c *cache) enabled() bool { return c != nil && c.maxItems > 0 && c.maxBytes > 0 }

func cacheKey(gen uint64, r *http.Request, body []byte) string {
	var b bytes.Buffer
	b.WriteString(strconv.FormatUint(gen, 10))
	for _, s := range []string{r.Method, r.URL.Path, r.URL.RawQuery, r.Header.Get("Accept")} {
		b.WriteByte(0)
		b.WriteString(s)
	}
	b.WriteByte(0)
	b.Write(body)
	return b.String()
}

func (c *cache) get(key string) (*cached, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.items[key]
	if !ok {
		return nil, false
	}
	c.ll.MoveToFront(e)
	return e.Value.(*cached), true
}

func (c *cache) put(v *cached) {
	size := int64(len(v.key) + len(v.body))
	if size > c.maxEntry {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.items[v.key]; ok {
		return
	}
	c.items[v.key] = c.ll.PushFront(v)
	c.bytes += size
	for c.ll.Len() > c.maxItems || c.bytes > c.maxBytes {
		last := c.ll.Back()
		old := last.Value.(*cached)
		c.ll.Remove(last)
		delete(c.items, old.key)
		c.bytes -= int64(len(old.key) + len(old.body))
	}
}

func (c *cache) clear() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.ll.Init()
	c.items = map[string]*list.Element{}
	c.bytes = 0
}

func (c *cache) len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.ll.Len()
}

// recorder captures an answer for the cache while passing it through.
type recorder struct {
	http.ResponseWriter
	status int
	buf    bytes.Buffer
	over   bool
	limit  int64
}

func (r *recorder) WriteHeader(code int) {
	if r.status == 0 {
		r.status = code
	}
	r.ResponseWriter.WriteHeader(code)
}

func (r *recorder) Write(p []byte) (int, error) {
	if r.status == 0 {
		r.status = http.StatusOK
	}
	if !r.over {
		if int64(r.buf.Len()+len(p)) > r.limit {
			r.over = true
			r.buf = bytes.Buffer{}
		} else {
			r.buf.Write(p)
		}
	}
	return r.ResponseWriter.Write(p)
}

// Flush lets streamed answers through.
func (r *recorder) Flush() {
	if f, ok := r.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}

// flights tracks the cacheable requests running now, by cache key, so that
// identical requests arriving meanwhile wait for the first one's answer.
type flights struct {
	mu sync.Mutex
	m  map[string]chan struct{}
}

// join returns the channel closed when the request with this key is done,
// and whether the caller is the one to run it (and then call leave).
func (f *flights) join(key string) (chan struct{}, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if ch, ok := f.m[key]; ok {
		return ch, false
	}
	if f.m == nil {
		f.m = map[string]chan struct{}{}
	}
	ch := make(chan struct{})
	f.m[key] = ch
	return ch, true
}

func (f *flights) leave(key string, ch chan struct{}) {
	f.mu.Lock()
	delete(f.m, key)
	f.mu.Unlock()
	close(ch)
}
