#!/usr/bin/env bash
# Shows that a change leaves what the example synthesizes byte-identical: synthesizes the example
# repositories' apps and the Studio templates at a git ref (default: HEAD) in a temporary worktree,
# then in this checkout (with its uncommitted changes) or at a second ref, and compares every
# CloudFormation template, nested cloud assembly template and Studio template file by file.
#
#   bash scripts/same-templates.sh [before-ref] [after-ref]
#
# Exits 0 when every file is identical, 1 with the differing files listed otherwise. Needs this
# checkout's node_modules (each worktree links to its packages). Takes about two synths of both apps.
set -euo pipefail
cd "$(dirname "$0")/.."
ref="${1:-HEAD}"
after_ref="${2:-}"
before="$(mktemp -d)"
trap 'git worktree remove --force "$before/tree" >/dev/null 2>&1 || true; git worktree remove --force "$before/after-tree" >/dev/null 2>&1 || true; rm -rf "$before"' EXIT

# A worktree at ref $1 in folder $2, using this checkout's installed packages except the toolkit
# itself: its self-link (sagemaker-gitops@file:.) points at the worktree, so the apps load its code.
worktree() {
  local ref="$1" tree="$2" entry
  git worktree add --detach "$tree" "$ref" >/dev/null
  mkdir "$tree/node_modules"
  for entry in "$PWD"/node_modules/* "$PWD"/node_modules/.bin; do
    [[ -e "$entry" ]] && ln -s "$entry" "$tree/node_modules/"
  done
  rm -f "$tree/node_modules/sagemaker-gitops"
  ln -s .. "$tree/node_modules/sagemaker-gitops"
}

# The templates of one checkout, copied into $2 under stable names (cdk.out's asset folders and
# manifest carry hashes of paths and times: only the templates are compared).
synthesize() {
  local dir="$1" out="$2"
  (
    cd "$dir"
    npx tsc --build >/dev/null
    npx tsx projenrc/generate-templates.ts >/dev/null
    npx tsx projenrc/synth-apps.ts model-build model-deploy >/dev/null
  )
  mkdir -p "$out"
  cp "$dir"/templates/*.yaml "$out/"
  for app in model-build model-deploy; do
    (cd "$dir/$app/cdk.out" && find . -name '*.template.json' -print0) | while IFS= read -r -d '' file; do
      mkdir -p "$out/$app/$(dirname "$file")"
      cp "$dir/$app/cdk.out/$file" "$out/$app/$file"
    done
  done
}

echo "same-templates: synthesizing $ref in a worktree"
worktree "$ref" "$before/tree"
synthesize "$before/tree" "$before/out"
after="$before/after"
if [[ -n "$after_ref" ]]; then
  echo "same-templates: synthesizing $after_ref in a worktree"
  worktree "$after_ref" "$before/after-tree"
  synthesize "$before/after-tree" "$after"
else
  echo "same-templates: synthesizing this checkout"
  synthesize "$PWD" "$after"
fi

count="$(find "$before/out" -type f | wc -l)"
if diff -r -q "$before/out" "$after" >"$before/diff.txt"; then
  echo "same-templates: all $count templates are byte-identical to $ref${after_ref:+ at $after_ref}"
else
  echo "same-templates: templates differ from $ref:" >&2
  sed "s#$before/out/##; s#$after/##" "$before/diff.txt" >&2
  exit 1
fi
