package graph

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// QueryError is a query that Cayley's engine rejected or that failed while
// running. Err is the engine's own error; Line and Column (1-based, 0 when
// unknown) point into the query as the caller wrote it, and Source is the
// text of that line.
type QueryError struct {
	Lang         string
	Line, Column int
	Source       string
	Err          error
}

func (e *QueryError) Error() string {
	msg, _, _ := strings.Cut(e.Err.Error(), "\n") // GraphQL appends an excerpt of its own
	if e.Line == 0 {
		return fmt.Sprintf("%s query: %s", e.Lang, msg)
	}
	return fmt.Sprintf("%s query: line %d: %s\n  %d | %s", e.Lang, e.Line, msg, e.Line, e.Source)
}

func (e *QueryError) Unwrap() error { return e.Err }

// Where the engines put positions in their messages: goja's syntax errors
// ("Line 2:11"), goja's runtime errors ("at <eval>:2:7(5)"), and GraphQL's
// parser ("GraphQL (3:51)").
var positionPatterns = []*regexp.Regexp{
	regexp.MustCompile(`Line (\d+):(\d+)`),
	regexp.MustCompile(`<eval>:(\d+):(\d+)`),
	regexp.MustCompile(`GraphQL \((\d+):(\d+)\)`),
}

// queryError wraps an engine error with the line of text it points at.
// shift is the number of characters prepareQuery added to line 1.
func queryError(lang, text string, shift int, err error) error {
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return fmt.Errorf("%s query: %w", lang, err)
	}
	qe := &QueryError{Lang: lang, Err: err}
	line, col := errorPosition(err.Error())
	lines := strings.Split(text, "\n")
	if line >= 1 && line <= len(lines) {
		qe.Line, qe.Column = line, col
		qe.Source = lines[line-1]
		if line == 1 && shift > 0 {
			qe.Source = qe.Source[shift:]
			qe.Column = max(col-shift, 1)
		}
	}
	return qe
}

func errorPosition(msg string) (line, col int) {
	for _, re := range positionPatterns {
		if m := re.FindStringSubmatch(msg); m != nil {
			line, _ = strconv.Atoi(m[1])
			col, _ = strconv.Atoi(m[2])
			return line, col
		}
	}
	return 0, 0
}
