// Command sqlexec runs one SQL statement on a PostgreSQL server, for the
// benchmark scripts (which may run where psql is not on the PATH).
//
//	go run ./bench/sqlexec URL "CREATE DATABASE x"
package main

import (
	"database/sql"
	"fmt"
	"os"

	_ "github.com/lib/pq"
)

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: sqlexec URL STATEMENT")
		os.Exit(2)
	}
	db, err := sql.Open("postgres", os.Args[1])
	if err == nil {
		_, err = db.Exec(os.Args[2])
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "sqlexec %q: %v\n", os.Args[2], err)
		os.Exit(1)
	}
}
