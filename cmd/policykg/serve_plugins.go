package main

import "github.com/policykg/policykg/server"

// plugins connects the server to the canned query library. Until package
// queries lands, /api/queries answers 501 and the page shows no questions;
// entity search, cards and exports are served by the server itself.
func plugins(cfg *server.Config) {}
