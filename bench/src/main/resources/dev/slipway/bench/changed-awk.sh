# The services changed between two commits with the git CLI: the files git diff names, mapped to their
# services/<name> directory (the default path filter services/<name>/**), sorted and unique.
#
# Usage: bash changed-awk.sh REPO BASE HEAD
set -eu
cd "$1"
git diff --no-renames --name-only "$2" "$3" \
  | awk -F/ '$1 == "services" && NF >= 3 && !seen[$2]++ { print "services/" $2 }' \
  | sort
