# The staging version of every service at HEAD, the way a CI step computes it with the git CLI:
# one bash process, three git calls per service. Prints "services/<name> X.Y.Z-rcNNNN-gSHA" lines.
#
#   base  = the highest release tag services/<name>@X.Y.Z reachable from HEAD, plus one patch
#           (git tag --merged HEAD --sort=-v:refname; `git describe --abbrev=0` would give the nearest
#           tag, not the highest)
#   NNNN  = git rev-list --count TAG..HEAD, zero-padded to 4 digits
#   SHA   = git rev-parse --short=7 HEAD
#
# Usage: bash versions-loop.sh REPO
set -eu
cd "$1"
for dir in $(git ls-tree -d --name-only HEAD services/); do
  name=${dir#services/}
  tag=$(git tag --merged HEAD --list "services/$name@*" --sort=-v:refname | head -n 1)
  if [ -z "$tag" ]; then
    echo "versions-loop: $dir has no release tag reachable from HEAD" >&2
    exit 1
  fi
  count=$(git rev-list --count "$tag..HEAD")
  sha=$(git rev-parse --short=7 HEAD)
  version=${tag##*@}
  major=${version%%.*}
  rest=${version#*.}
  minor=${rest%%.*}
  patch=${rest#*.}
  printf '%s %s.%s.%s-rc%04d-g%s\n' "$dir" "$major" "$minor" "$((patch + 1))" "$count" "$sha"
done
