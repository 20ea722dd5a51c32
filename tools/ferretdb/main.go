// Command ferretdb-local runs FerretDB v1 (SQLite backend) for development, tests and CI.
//
// Why a wrapper instead of `go install .../cmd/ferretdb@v1.24.2`: the upstream command panics
// when built from the module proxy (its build/version/version.txt is generated at release time
// and is not in the module zip), and the proxy refuses the version list `go install` asks for.
// The embeddable package `ferretdb` is the same server without that check.
//
// It exits by itself when its parent process goes away, so a killed app never leaves a
// database server behind.
package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	listen := flag.String("listen-addr", "127.0.0.1:27017", "TCP address to listen on")
	sqliteURL := flag.String("sqlite-url", "file:data/", "SQLite directory URI (must end with /)")
	logLevel := flag.String("log-level", "error", "debug, info, warn or error")
	watchParent := flag.Bool("exit-with-parent", true, "exit when the parent process exits")
	flag.Parse()

	var level slog.Level
	if err := level.UnmarshalText([]byte(*logLevel)); err != nil {
		fmt.Fprintln(os.Stderr, "ferretdb-local: bad -log-level:", err)
		os.Exit(2)
	}
	logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level}))

	f, err := ferretdb.New(&ferretdb.Config{
		Logger:    logger,
		Listener:  ferretdb.ListenerConfig{TCP: *listen},
		Handler:   "sqlite",
		SQLiteURL: *sqliteURL,
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, "ferretdb-local:", err)
		os.Exit(1)
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	if *watchParent {
		parent := os.Getppid()
		go func() {
			for range time.Tick(500 * time.Millisecond) {
				if os.Getppid() != parent {
					stop()
					return
				}
			}
		}()
	}

	fmt.Fprintln(os.Stderr, "ferretdb-local: listening on", *listen)
	if err := f.Run(ctx); err != nil && ctx.Err() == nil {
		fmt.Fprintln(os.Stderr, "ferretdb-local:", err)
		os.Exit(1)
	}
}
