# The baseline of the manifest benchmark: what a CI step does without Slipway.
#   manifest-sed.sh TREE ENV SERVICE VERSION
# Finds the files holding the marker with grep, then rewrites the value on the marker lines with sed,
# keeping optional double quotes around the value and everything after it.
set -euo pipefail
tree=$1 env=$2 service=$3 version=$4
marker="# ${env}_${service}"
sed_marker=$(printf '%s' "$marker" | sed 's/[][\/.^$*|]/\\&/g')
cd "$tree"
grep -rlF --include='*.yaml' --include='*.yml' -- "$marker" . \
  | xargs -r sed -i -E "s/^([[:space:]]*[^:#[:space:]][^:#]*:[[:space:]]+)(\"?)[^\"[:space:]#]+(\"?)([[:space:]]+${sed_marker}[[:space:]]*)\$/\\1\\2${version}\\3\\4/"
