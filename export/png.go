package export

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"sync"

	"github.com/fogleman/gg"
	"github.com/goccy/go-graphviz"
	"github.com/goccy/go-graphviz/gvc"
	"github.com/golang/freetype/truetype"
	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
)

// newGraphviz starts Graphviz with this package's PNG renderer in place of
// the stock one. SVG is Graphviz's own, built into the WebAssembly module.
func newGraphviz(ctx context.Context) (*graphviz.Graphviz, error) {
	render, err := gvc.NewRenderPlugin(ctx, "png", &pngEngine{DefaultRenderEngine: &gvc.DefaultRenderEngine{}})
	if err != nil {
		return nil, err
	}
	device, err := gvc.PNGDevicePlugin(ctx)
	if err != nil {
		return nil, err
	}
	return graphviz.NewWithPlugins(ctx, render, device)
}

// pngEngine draws Graphviz's rendering calls onto an image with gg. It
// follows the contract of Graphviz's own renderers (cairo's, say): a filled
// shape is filled with the fill colour and then outlined with the pen
// colour, unless the pen is "none". go-graphviz v0.2.10's stock engine only
// fills filled shapes, so node outlines and box borders vanished; this is
// the fix. Text is set in the Go fonts, embedded in the binary.
type pngEngine struct {
	*gvc.DefaultRenderEngine
	dc *gg.Context
}

func (r *pngEngine) BeginPage(_ context.Context, job *gvc.Job) error {
	r.dc = gg.NewContext(int(job.Width()), int(job.Height()))
	tr, sc := job.Translation(), job.Scale()
	r.dc.Translate(sc.X()*tr.X(), -sc.Y()*tr.Y())
	return nil
}

func (r *pngEngine) EndPage(_ context.Context, job *gvc.Job) error {
	var buf bytes.Buffer
	if err := r.dc.EncodePNG(&buf); err != nil {
		return fmt.Errorf("encode png: %w", err)
	}
	job.SetOutputData(buf.Bytes())
	job.SetOutputDataPosition(uint(buf.Len()))
	return nil
}

// pt converts a point of the layout into image coordinates.
func pt(job *gvc.Job, p *gvc.PointFloat) (float64, float64) {
	return job.Scale().X() * p.X(), -job.Scale().Y() * p.Y()
}

func setColor(dc *gg.Context, c *gvc.Color) {
	v := c.RGBAUint()
	dc.SetRGBA255(int(v[0]), int(v[1]), int(v[2]), int(v[3]))
}

// paint fills (when asked) and outlines the current path.
func (r *pngEngine) paint(job *gvc.Job, filled bool) {
	o := job.Object()
	if filled {
		setColor(r.dc, o.FillColor())
		r.dc.FillPreserve()
	}
	if o.Pen() == gvc.PenNone {
		r.dc.ClearPath()
		return
	}
	switch o.Pen() {
	case gvc.PenDashed:
		r.dc.SetDash(6, 4)
	case gvc.PenDotted:
		r.dc.SetDash(2, 4)
	}
	r.dc.SetLineWidth(o.PenWidth() * job.Scale().X())
	setColor(r.dc, o.PenColor())
	r.dc.Stroke()
}

func (r *pngEngine) Ellipse(_ context.Context, job *gvc.Job, p []*gvc.PointFloat, filled bool) error {
	r.dc.Push()
	defer r.dc.Pop()
	cx, cy := pt(job, p[0])
	ex, ey := pt(job, p[1])
	r.dc.DrawEllipse(cx, cy, abs(ex-cx), abs(ey-cy))
	r.paint(job, filled)
	return nil
}

func (r *pngEngine) Polygon(_ context.Context, job *gvc.Job, p []*gvc.PointFloat, filled bool) error {
	r.dc.Push()
	defer r.dc.Pop()
	r.dc.NewSubPath()
	for _, q := range p {
		r.dc.LineTo(pt(job, q))
	}
	r.dc.ClosePath()
	r.paint(job, filled)
	return nil
}

func (r *pngEngine) Polyline(_ context.Context, job *gvc.Job, p []*gvc.PointFloat) error {
	r.dc.Push()
	defer r.dc.Pop()
	r.dc.NewSubPath()
	for _, q := range p {
		r.dc.LineTo(pt(job, q))
	}
	r.paint(job, false)
	return nil
}

// BezierCurve draws a curve: the outline of a rounded box, or an edge.
// go-graphviz v0.2.10 reports every curve as filled, edges included (they
// came out as grey wedges), so only curves of filled nodes and boxes are
// filled here.
func (r *pngEngine) BezierCurve(_ context.Context, job *gvc.Job, p []*gvc.PointFloat, filled bool) error {
	if len(p) == 0 {
		return nil
	}
	r.dc.Push()
	defer r.dc.Pop()
	r.dc.MoveTo(pt(job, p[0]))
	for i := 1; i+2 < len(p); i += 3 {
		x1, y1 := pt(job, p[i])
		x2, y2 := pt(job, p[i+1])
		x3, y3 := pt(job, p[i+2])
		r.dc.CubicTo(x1, y1, x2, y2, x3, y3)
	}
	o := job.Object()
	filled = filled && o.Type() != gvc.EdgeObjectType && o.Fill() != gvc.FillNone
	if filled {
		r.dc.ClosePath()
	}
	r.paint(job, filled)
	return nil
}

func (r *pngEngine) TextSpan(_ context.Context, job *gvc.Job, p *gvc.PointFloat, span *gvc.TextSpan) error {
	r.dc.Push()
	defer r.dc.Pop()
	setColor(r.dc, job.Object().PenColor())
	f := span.Font()
	r.dc.SetFontFace(goFace(f.Name(), f.Size()*job.Scale().X()))
	x, y := pt(job, p)
	width := job.Scale().X() * span.Size().X()
	switch span.Just() {
	case 'r':
		x -= width
	case 'n':
		x -= width / 2
	}
	y = -job.Scale().Y() * (p.Y() + span.YOffsetCenterLine() + span.YOffsetLayout())
	// Graphviz sized the boxes with its own estimate of Helvetica; where the
	// Go font runs wider, shrink the text to the width it was given.
	if w, _ := r.dc.MeasureString(span.Text()); width > 0 && w > width {
		r.dc.ScaleAbout(width/w, width/w, x, y)
	}
	r.dc.DrawStringAnchored(span.Text(), x, y, 0, 0)
	return nil
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

var (
	faceMu    sync.Mutex
	faces     = map[string]font.Face{}
	fontsOnce sync.Once
	regular   *truetype.Font
	bold      *truetype.Font
)

// goFace returns a Go font face of the given pixel size: bold for font
// names that ask for it, regular otherwise.
func goFace(name string, size float64) font.Face {
	fontsOnce.Do(func() {
		regular, _ = truetype.Parse(goregular.TTF)
		bold, _ = truetype.Parse(gobold.TTF)
	})
	ft := regular
	if strings.Contains(strings.ToLower(name), "bold") {
		ft = bold
	}
	key := fmt.Sprintf("%p/%.2f", ft, size)
	faceMu.Lock()
	defer faceMu.Unlock()
	f, ok := faces[key]
	if !ok {
		f = truetype.NewFace(ft, &truetype.Options{Size: size, Hinting: font.HintingFull})
		faces[key] = f
	}
	return f
}
