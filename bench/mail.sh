#!/usr/bin/env bash
# Mail sync (issue 6): 10,000 messages (mixed sizes, 20% with attachments, 10 folders) in a GreenMail IMAP server
# inside the benchmark JVM; a raw Jakarta Mail fetch loop over them, then the packaged server (-Xmx512m) syncing the
# same mailbox, connected through the accounts API. Writes bench/results/mail.json. See bench/README.md ("Mail sync").
#   bench/mail.sh [--messages 10000] [--folders 10] [--warmup 5000] [--heap 512m] [--port 18367] [--data-dir target/bench-data-mail]
#                 [--jfr on]   (the server records target/bench-data-mail/server.jfr: `jfr view hot-methods` after)
# Set BUILD=1 to rebuild the jar first (it is built when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/classpath.sh
# the benchmark JVM holds the GreenMail mailbox in memory (a few hundred MB at 10,000 messages); the server's heap is
# the one bounded (--heap)
exec "$JAVA" -Xmx${BENCH_HEAP:-3g} -cp "$CP" io.team365.bench.MailBenchmark "$@"
