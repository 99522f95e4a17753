#!/usr/bin/env bash
# Restore an An Sinh dump made by infra/backup.sh into the database at DATABASE_URL.
#
#   DATABASE_URL=postgres://... infra/restore.sh --yes /var/backups/ansinh/ansinh-20250101T021500Z.dump
#   docker compose -f infra/docker-compose.yml run --rm --entrypoint bash backup \
#     /opt/ansinh/restore.sh --yes /backups/ansinh-20250101T021500Z.dump
#
# DESTRUCTIVE: objects contained in the dump are dropped and recreated (pg_restore --clean --if-exists),
# so their current contents are replaced. Stop every api replica first and start them again afterwards.
# The restore runs in a single transaction: on any error nothing is changed.
# Objects that exist in the database but not in the dump (e.g. tables from a newer migration) are left
# alone; to get exactly the dumped state, restore into a new empty database and point DATABASE_URL at it.
# Ownership and grants from the dump are not restored: objects end up owned by the DATABASE_URL user.
set -euo pipefail

usage() {
  echo "usage: DATABASE_URL=postgres://... $0 --yes <file.dump>" >&2
}

confirmed=no
file=''
for arg in "$@"; do
  case "$arg" in
    --yes) confirmed=yes ;;
    -h | --help)
      usage
      exit 0
      ;;
    -*)
      echo "restore: unknown option $arg" >&2
      usage
      exit 2
      ;;
    *)
      if [ -n "$file" ]; then
        echo "restore: only one dump file may be given" >&2
        usage
        exit 2
      fi
      file="$arg"
      ;;
  esac
done

if [ -z "$file" ]; then
  usage
  exit 2
fi
: "${DATABASE_URL:?DATABASE_URL must be set (postgres://user:password@host:5432/dbname)}"
if [ ! -r "$file" ]; then
  echo "restore: cannot read $file" >&2
  exit 2
fi

# Fail early on a file that is not a custom-format archive.
pg_restore --list "$file" >/dev/null

# Show the target without its password.
target="$(printf '%s' "$DATABASE_URL" | sed -E 's#(://[^:/@]*):[^@]*@#\1:***@#')"

if [ "$confirmed" != yes ]; then
  echo "restore: this would REPLACE the data in $target with the contents of $file." >&2
  echo "restore: stop all api replicas, then re-run with --yes to proceed." >&2
  exit 1
fi

echo "restore: restoring $file into $target"
pg_restore --clean --if-exists --no-owner --no-privileges --single-transaction --no-password \
  --dbname="$DATABASE_URL" "$file"
echo "restore: done. Start the api and check GET /readyz."
