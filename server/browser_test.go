package server

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestBrowser drives Debian's chromium, headless, through the page: search
// "Caofeidian", open its card, see Tangshan as its parent and the evidence
// sentence, render the graph, run a canned query. Screenshots go to
// $POLICYKG_SCREENSHOTS (or the test's temporary directory).
func TestBrowser(t *testing.T) {
	chromium := os.Getenv("POLICYKG_CHROMIUM")
	if chromium == "" {
		if os.Getenv("POLICYKG_REQUIRE_SERVICES") == "1" {
			t.Fatal("POLICYKG_CHROMIUM is not set, and POLICYKG_REQUIRE_SERVICES=1")
		}
		t.Skip("POLICYKG_CHROMIUM not set (path to a chromium binary)")
	}
	cfg := testPlugins(t)
	_, ts := MustServer(t, MustStore(t), cfg)
	shots := os.Getenv("POLICYKG_SCREENSHOTS")
	if shots == "" {
		shots = t.TempDir()
	}
	b := newBrowser(t, chromium)
	b.do(chromedp.EmulateViewport(1366, 900), chromedp.Navigate(ts.URL+"/"),
		chromedp.WaitVisible(chromedp.CSS("#q")))
	b.do(chromedp.SendKeys(chromedp.CSS("#q"), "Caofeidian"), chromedp.WaitVisible(chromedp.CSS("#suggestions li")))
	b.shot(shots, "1-suggestions")
	b.do(chromedp.Click(chromedp.CSS("#suggestions li")), chromedp.WaitVisible(chromedp.CSS("#card")),
		chromedp.WaitVisible(chromedp.CSS("#card-parents .parent")))
	label, parents, evidence := b.text("#card-label"), b.text("#card-parents"), b.text("#card")
	graphWidth, err := chromedp.Run(b.ctx, chromedp.Poll[int](
		`document.getElementById("graph-img").naturalWidth || 0`, chromedp.WithPollingTimeout(20*time.Second)))
	if err != nil {
		t.Errorf("graph: %v", err)
	}
	b.shot(shots, "2-card")
	rows := "(no catalogue)"
	if cfg.Catalogue != nil {
		b.do(chromedp.Click(chromedp.CSS("#canned button")), chromedp.WaitVisible(chromedp.CSS("#result-table table tbody tr")))
		rows = b.text("#result-table")
		b.shot(shots, "3-canned")
	} else {
		// The canned library is wired in once package queries lands.
		t.Log("no canned query catalogue: the canned-query step is not run")
	}
	if label != "Caofeidian" {
		t.Errorf("card title %q, want Caofeidian", label)
	}
	if !strings.Contains(parents, "Tangshan") {
		t.Errorf("parents %q, want Tangshan", parents)
	}
	if !strings.Contains(evidence, seedSentence) {
		t.Errorf("card lacks the evidence sentence %q:\n%s", seedSentence, evidence)
	}
	if graphWidth == 0 {
		t.Errorf("the graph did not render")
	}
	if strings.TrimSpace(rows) == "" {
		t.Errorf("the canned query showed no rows")
	}
	t.Logf("screenshots in %s", shots)
}

// browser is one headless chromium tab for a test.
type browser struct {
	t   *testing.T
	ctx context.Context
}

// newBrowser starts headless chromium with a fresh profile and no network
// chatter of its own.
func newBrowser(t *testing.T, path string) *browser {
	t.Helper()
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(path),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("no-default-browser-check", true),
		chromedp.UserDataDir(t.TempDir()),
	)
	ctx, cancelCtx := chromedp.NewContext(actx)
	t.Cleanup(func() { cancelCtx(); cancelAlloc() })
	// The first run starts the browser, on a context without a deadline.
	if err := chromedp.Do(ctx, chromedp.Navigate("about:blank")); err != nil {
		t.Fatalf("start chromium %s: %v", path, err)
	}
	return &browser{t: t, ctx: ctx}
}

// do runs steps, each group bounded to a minute.
func (b *browser) do(steps ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, time.Minute)
	defer cancel()
	if err := chromedp.Do(ctx, steps...); err != nil {
		b.t.Fatalf("browser: %v", err)
	}
}

func (b *browser) text(sel string) string {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, time.Minute)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
	if err != nil {
		b.t.Fatalf("browser: text of %s: %v", sel, err)
	}
	return v
}

func (b *browser) shot(dir, name string) {
	b.t.Helper()
	buf, err := chromedp.Run(b.ctx, chromedp.FullScreenshot(100))
	if err == nil {
		err = os.WriteFile(filepath.Join(dir, name+".png"), buf, 0o644)
	}
	if err != nil {
		b.t.Errorf("screenshot %s: %v", name, err)
	}
}
