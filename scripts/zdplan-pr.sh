#!/usr/bin/env bash
# zdplan-pr.sh: the logic of the zdplan GitHub Action (action.yml).
#
# Plans every schema file a pull request adds or changes — CURRENT is the
# file at the merge base with the base branch, DESIRED the file in the
# checked-out head — and writes one Markdown comment body for all of them.
# With ZDPLAN_COMMENT=true it creates that comment on the pull request, or
# updates the one it created before (found by the hidden marker that
# starts zdplan's Markdown output), so each push edits one comment.
#
# Environment:
#   ZDPLAN            the zdplan binary (default: zdplan on PATH)
#   ZDPLAN_BASE       the base revision (the pull request's base SHA)
#   ZDPLAN_PATHS      git pathspecs of the schema files, space-separated (default: *.sql)
#   ZDPLAN_ARGS       more zdplan flags, e.g. "--dialect postgres --usage app/" (word-split)
#   ZDPLAN_FAIL_ON    --fail-on (default: error)
#   ZDPLAN_BODY       where to write the comment body (default: zdplan-comment.md)
#   ZDPLAN_COMMENT    true: post the comment with gh (needs GH_TOKEN, GITHUB_REPOSITORY, ZDPLAN_PR)
#   ZDPLAN_PR         the pull request number
#
# Exit status: zdplan's worst — 0 no blocking finding, 1 a blocking
# finding, 2 bad input (the comment says which file and why).
set -euo pipefail

zdplan=${ZDPLAN:-zdplan}
base_ref=${ZDPLAN_BASE:?ZDPLAN_BASE: the base revision is required}
fail_on=${ZDPLAN_FAIL_ON:-error}
body=${ZDPLAN_BODY:-zdplan-comment.md}
marker='<!-- zdplan -->'
# GitHub rejects comments over 65536 characters.
max_body=60000

read -r -a pathspecs <<<"${ZDPLAN_PATHS:-*.sql}"
read -r -a extra <<<"${ZDPLAN_ARGS:-}"

# Short, so that the comment names CURRENT as abc123def456:db/schema.sql.
base=$(git merge-base "$base_ref" HEAD | xargs git rev-parse --short=12) || {
  echo "zdplan-pr: no merge base of $base_ref and HEAD; check out with fetch-depth: 0" >&2
  exit 2
}
mapfile -t files < <(git diff --name-only --diff-filter=AM "$base" HEAD -- "${pathspecs[@]}")

status=0
: >"$body"
if [ "${#files[@]}" -eq 0 ]; then
  printf '%s\n## zdplan\n\nNo schema file (%s) changed.\n' "$marker" "${pathspecs[*]}" >"$body"
fi
for f in "${files[@]}"; do
  out=$(mktemp)
  err=$(mktemp)
  rc=0
  "$zdplan" plan --git-base "$base" --format markdown --fail-on "$fail_on" "${extra[@]}" "$f" >"$out" 2>"$err" || rc=$?
  if [ "$rc" -ge 2 ]; then
    printf '%s\n## zdplan: `%s`\n\n**zdplan could not plan this file:**\n\n```\n%s\n```\n\n' "$marker" "$f" "$(cat "$err")" >>"$body"
  else
    cat "$out" >>"$body"
  fi
  cat "$err" >&2
  rm -f "$out" "$err"
  if [ "$rc" -gt "$status" ]; then
    status=$rc
  fi
done

# The job log keeps the whole body, whatever the comment can hold.
cat "$body"
if [ "$(wc -c <"$body")" -gt "$max_body" ]; then
  head -c "$max_body" "$body" >"$body.tmp"
  printf '\n\n…\n\n*Truncated: the full plan is in the job log.*\n' >>"$body.tmp"
  mv "$body.tmp" "$body"
fi

if [ "${ZDPLAN_COMMENT:-false}" = true ]; then
  repo=${GITHUB_REPOSITORY:?GITHUB_REPOSITORY is required to comment}
  pr=${ZDPLAN_PR:?ZDPLAN_PR: the pull request number is required to comment}
  id=$(gh api --paginate "repos/$repo/issues/$pr/comments" \
    --jq ".[] | select(.body | startswith(\"$marker\")) | .id" | head -n 1)
  payload=$(jq -cRs '{body: .}' <"$body")
  if [ -n "$id" ]; then
    gh api --method PATCH "repos/$repo/issues/comments/$id" --input - <<<"$payload" >/dev/null
    echo "zdplan-pr: updated comment $id" >&2
  elif [ "${#files[@]}" -gt 0 ]; then
    gh api --method POST "repos/$repo/issues/$pr/comments" --input - <<<"$payload" >/dev/null
    echo "zdplan-pr: commented on #$pr" >&2
  fi
fi
exit "$status"
