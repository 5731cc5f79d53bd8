package main

import "github.com/policykg/policykg/server"

// plugins connects the server to the canned query library.
func plugins(cfg *server.Config) { cfg.Catalogue = server.Library{} }
