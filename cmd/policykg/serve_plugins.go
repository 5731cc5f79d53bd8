package main

import "github.com/policykg/policykg/server"

// plugins connects the server to the canned queries, entity cards and
// exporters.
func plugins(cfg *server.Config) {}
