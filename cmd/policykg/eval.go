package main

import (
	"fmt"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/policykg/policykg/eval"
	"github.com/policykg/policykg/extract"
)

func init() { register(newEvalCmd) }

func newEvalCmd(e *env) *cobra.Command {
	return &cobra.Command{
		Use:   "eval GOLD_DIR...",
		Short: "Score extraction against gold folders (the evaluation contract)",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			dirs, err := eval.GoldDirs(args)
			if err != nil {
				return fmt.Errorf("eval: %w", err)
			}
			x, err := extract.New()
			if err != nil {
				return err
			}
			var scores []eval.Score
			for _, d := range dirs {
				gold, err := eval.ReadGold(d)
				if err != nil {
					return fmt.Errorf("eval: %w", err)
				}
				ex, err := readDocument(x, filepath.Join(d, "doc.txt"))
				if err != nil {
					return fmt.Errorf("eval: %w", err)
				}
				scores = append(scores, eval.Compare(gold, eval.FromExtraction(ex)))
			}
			for _, s := range scores {
				printScore(e, s)
			}
			printScore(e, eval.Total(scores))
			for _, s := range scores {
				for _, m := range s.Misses {
					fmt.Fprintf(e.stdout, "%s\t%s\n", s.Name, m)
				}
				for _, m := range s.FalsePositives {
					fmt.Fprintf(e.stdout, "%s\t%s\n", s.Name, m)
				}
			}
			return nil
		},
	}
}

func printScore(e *env, s eval.Score) {
	fmt.Fprintf(e.stdout, "%s\n  entities   %v\n  relations  %v\n  metrics    %v\n", s.Name, s.Entities, s.Relations, s.Metric)
}
