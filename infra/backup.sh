#!/usr/bin/env bash
# Logical backup of the An Sinh PostgreSQL database.
#
#   DATABASE_URL=postgres://... BACKUP_DIR=/var/backups/ansinh infra/backup.sh
#   docker compose -f infra/docker-compose.yml run --rm backup        # same, with the postgres:16 client
#
# Writes BACKUP_DIR/ansinh-<UTC timestamp>.dump (pg_dump custom format, compressed; restore with
# infra/restore.sh), checks that the archive is readable, then deletes dumps older than
# BACKUP_RETENTION_DAYS (default 14). Old dumps are only pruned after a successful new one.
# pg_dump must be the same major version as the server or newer.
# Dumps contain personal data: they are created readable by the owner only (umask 077).
set -euo pipefail

: "${DATABASE_URL:?DATABASE_URL must be set (postgres://user:password@host:5432/dbname)}"
BACKUP_DIR="${BACKUP_DIR:-/var/backups/ansinh}"
BACKUP_RETENTION_DAYS="${BACKUP_RETENTION_DAYS:-14}"

case "$BACKUP_RETENTION_DAYS" in
  '' | *[!0-9]* | 0 | 0*)
    echo "backup: BACKUP_RETENTION_DAYS must be a whole number of days >= 1, got '$BACKUP_RETENTION_DAYS'" >&2
    exit 2
    ;;
esac

umask 077
mkdir -p "$BACKUP_DIR"

stamp="$(date -u +%Y%m%dT%H%M%SZ)"
target="$BACKUP_DIR/ansinh-$stamp.dump"
partial="$target.partial"
trap 'rm -f "$partial"' EXIT

echo "backup: dumping to $target"
# The URL (which may hold the password) is passed as an argument and is therefore visible in the process
# list of this host/container; run backups where only trusted users can see processes, or keep the
# password in ~/.pgpass / PGPASSWORD and leave it out of DATABASE_URL.
pg_dump --format=custom --compress=6 --no-password --dbname="$DATABASE_URL" --file="$partial"

# A truncated or corrupt archive fails here rather than on the day it is needed.
pg_restore --list "$partial" >/dev/null
mv "$partial" "$target"
echo "backup: done, $(wc -c <"$target" | tr -d ' ') bytes"

# Retention: age measured in minutes so "14 days" means 14 x 24 hours.
find "$BACKUP_DIR" -maxdepth 1 -type f -name 'ansinh-*.dump' \
  -mmin +"$((BACKUP_RETENTION_DAYS * 24 * 60))" -print -delete |
  sed 's/^/backup: removed expired /'
