#!/usr/bin/env bash
# Installs the moto AWS API emulator for the CLI's integration tests (test/integration/), without
# PyPI or Docker, and caches it between runs.
#
# moto's SageMaker responses need moto >= 5.2 (older ones send timestamps the AWS SDK for
# JavaScript cannot parse), which Debian only has in a newer suite than bookworm. So:
#   1. the Python libraries moto needs that bookworm has in a new-enough version are installed
#      with bookworm's own apt-get (when they are missing; as root or with passwordless sudo,
#      others are told the command to run; scripts/lib/python-modules.sh lists them);
#   2. moto, boto3, botocore and s3transfer are downloaded from the newer suite with `apt-get
#      download` through a private APT configuration (own sources list, state and cache under the
#      cache folder; the system's APT is not touched), unpacked with `dpkg-deb -x` into the cache
#      folder, and put on PYTHONPATH by the tests. Nothing of the newer suite is installed.
#
# Idempotent: a second run finds the cache, checks it still imports, and exits. Prints what it did;
# exits non-zero with the reason when it cannot install.
#
# Environment:
#   MOTO_CACHE_DIR           the cache folder (default: $HOME/.cache/sagemaker-gitops/moto)
#   SAGEMAKER_GITOPS_PYTHON  the Python to run moto with (default: /usr/bin/python3, Debian's)
#   MOTO_DEBIAN_SUITE        the suite moto comes from (default: sid)
#   MOTO_DEBIAN_MIRROR       the Debian archive (default: the system's, from /etc/apt)
#   MOTO_REINSTALL=1         ignore the cache and install again
set -euo pipefail
here="${BASH_SOURCE[0]%/*}"
[[ "$here" == "${BASH_SOURCE[0]}" ]] && here=.
# shellcheck source=scripts/lib/python-modules.sh
source "$here/lib/python-modules.sh"

CACHE_DIR="${MOTO_CACHE_DIR:-${HOME:?HOME is not set; set MOTO_CACHE_DIR}/.cache/sagemaker-gitops/moto}"
PYTHON="${SAGEMAKER_GITOPS_PYTHON:-$DEBIAN_PYTHON}"
SUITE="${MOTO_DEBIAN_SUITE:-sid}"
KEYRING=/usr/share/keyrings/debian-archive-keyring.gpg
MIN_MOTO_VERSION=5.2

# From the newer suite, downloaded and unpacked: moto and the AWS SDK for Python it is built against
# (moto >= 5.2 needs botocore >= 1.39; bookworm has 1.29).
SUITE_PACKAGES=(python3-moto python3-boto3 python3-botocore python3-s3transfer)
# Modules the tests need to import: moto's server and its SageMaker and CloudFormation backends.
SMOKE_IMPORT='import moto.server, moto.moto_server.werkzeug_app, moto.sagemaker.responses, moto.sagemaker.models, moto.cloudformation.responses, moto.apigateway.models'
# moto's CloudFormation backend imports every resource backend, API Gateway's among them, which
# imports openapi-spec-validator at load time to check imported OpenAPI documents. Debian's package
# of it needs a jsonschema and a compiled rpds-py that bookworm's Python cannot load, so the cache
# gets a module of that name whose validation refuses with a clear error instead: the tests never
# import an OpenAPI document, and any test that did would fail rather than pass unchecked.
OPENAPI_SHIM='openapi_spec_validator'

SITE="$CACHE_DIR/root/usr/lib/python3/dist-packages"
MANIFEST="$CACHE_DIR/installed.json"
# Changes when what this script builds changes, so older caches are rebuilt.
RECIPE="format=1 suite=$SUITE packages=${SUITE_PACKAGES[*]} python=$PYTHON shim=$OPENAPI_SHIM"

say() { echo "install-moto: $*"; }
fail() { echo "install-moto: error: $*" >&2; exit 1; }

# Prints moto's version when $PYTHON imports moto's server from the cache; fails otherwise.
cached_moto_version() {
  env -u PYTHONDONTWRITEBYTECODE PYTHONPATH="$SITE" PYTHONNOUSERSITE=1 "$PYTHON" -c "$SMOKE_IMPORT; import moto; print(moto.__version__)" 2>&1
}

# The Debian archive the system uses (deb822 or one-line sources), unless MOTO_DEBIAN_MIRROR says.
debian_mirror() {
  if [[ -n "${MOTO_DEBIAN_MIRROR:-}" ]]; then
    echo "$MOTO_DEBIAN_MIRROR"
    return
  fi
  local uri
  uri="$(
    {
      cat /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '/^URIs:/ { for (i = 2; i <= NF; i++) print $i }'
      cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null \
        | awk '$1 == "deb" { for (i = 2; i <= NF; i++) if ($i ~ /^[a-z]+:\/\//) { print $i; break } }'
    } | grep -E '/debian/?$' | head -n 1
  )"
  echo "${uri:-http://deb.debian.org/debian}"
}

# ---------------------------------------------------------------------------------------------
mkdir -p "$CACHE_DIR" || fail "cannot create the cache folder $CACHE_DIR (set MOTO_CACHE_DIR)"
# One install at a time per cache folder (parallel CI jobs or test runs).
exec 9>"$CACHE_DIR/.lock"
if command -v flock >/dev/null 2>&1; then
  flock 9
fi

# 1. From bookworm, installed with apt-get: the libraries moto's server imports (MOTO_MODULES), in
#    versions moto accepts.
ensure_modules install-moto "$PYTHON" 1 "moto's server imports them" "${MOTO_MODULES[@]}" || exit 1
say "$PYTHON has ${MOTO_MODULES[*]}"

# 2. The cache.
if [[ "${MOTO_REINSTALL:-}" != 1 && -f "$MANIFEST" ]] && grep -qF "\"recipe\": \"$RECIPE\"" "$MANIFEST"; then
  if version="$(cached_moto_version)"; then
    say "moto $version already installed in $CACHE_DIR (cached; MOTO_REINSTALL=1 installs again)"
    exit 0
  fi
  say "the cached moto does not import any more, installing again: $version"
fi

start=$(date +%s)
MIRROR="$(debian_mirror)"
[[ -r "$KEYRING" ]] || fail "$KEYRING not found: install debian-archive-keyring"
APT_DIR="$CACHE_DIR/apt"
rm -rf "$MANIFEST" "$APT_DIR" "$CACHE_DIR/root.new"
mkdir -p "$APT_DIR/sources.list.d" "$APT_DIR/preferences.d" "$APT_DIR/state/lists/partial" \
  "$APT_DIR/cache/archives/partial" "$APT_DIR/debs" "$CACHE_DIR/root.new"
: >"$APT_DIR/state/status"
echo "deb [signed-by=$KEYRING] $MIRROR $SUITE main" >"$APT_DIR/sources.list"
apt_private=(
  -o "Dir::Etc::SourceList=$APT_DIR/sources.list"
  -o "Dir::Etc::SourceParts=$APT_DIR/sources.list.d"
  -o "Dir::Etc::Preferences=$APT_DIR/preferences"
  -o "Dir::Etc::PreferencesParts=$APT_DIR/preferences.d"
  -o "Dir::State=$APT_DIR/state"
  -o "Dir::State::status=$APT_DIR/state/status"
  -o "Dir::Cache=$APT_DIR/cache"
  -o "Acquire::Languages=none"
)
if [[ "$(id -u)" == 0 ]]; then
  # The private folders are not readable by APT's download user; root downloads itself.
  apt_private+=(-o "APT::Sandbox::User=root")
fi

say "reading the package list of Debian $SUITE from $MIRROR (private APT configuration in $APT_DIR)"
apt-get "${apt_private[@]}" -q --error-on=any update >"$APT_DIR/update.log" 2>&1 \
  || fail "apt-get update of Debian $SUITE from $MIRROR failed (is the Debian archive reachable?):$(printf '\n'; tail -n 5 "$APT_DIR/update.log")"
say "apt-get download ${SUITE_PACKAGES[*]} (from $SUITE)"
(cd "$APT_DIR/debs" && apt-get "${apt_private[@]}" -q download "${SUITE_PACKAGES[@]}") >"$APT_DIR/download.log" 2>&1 \
  || fail "apt-get download from Debian $SUITE failed:$(printf '\n'; tail -n 5 "$APT_DIR/download.log")"

packages_json=()
for deb in "$APT_DIR"/debs/*.deb; do
  name="$(dpkg-deb -f "$deb" Package)"
  version="$(dpkg-deb -f "$deb" Version)"
  say "unpacking $name $version"
  dpkg-deb -x "$deb" "$CACHE_DIR/root.new"
  packages_json+=("\"$name\": \"$version\"")
done

shim="$CACHE_DIR/root.new/usr/lib/python3/dist-packages/$OPENAPI_SHIM"
say "writing $OPENAPI_SHIM (refuses every validation: moto's API Gateway imports it at load time)"
mkdir -p "$shim/validation"
cat >"$shim/__init__.py" <<'PY'
"""Not openapi-spec-validator: written by scripts/install-moto.sh so that moto's API Gateway backend
loads (moto's CloudFormation backend imports it). Validating an OpenAPI document is refused."""


def validate_spec(*args, **kwargs):
    raise NotImplementedError('OpenAPI validation is not available in the test emulator (scripts/install-moto.sh)')


validate = validate_spec
PY
: >"$shim/validation/__init__.py"
printf 'class OpenAPIValidationError(Exception):\n    pass\n' >"$shim/validation/exceptions.py"

# botocore reads its service models gzipped too: 127 MB of JSON become 20 MB.
say "compressing botocore's service models"
find "$CACHE_DIR/root.new/usr/lib/python3/dist-packages/botocore/data" -name '*.json' -print0 \
  | xargs -0 -r -P "$(nproc 2>/dev/null || echo 2)" -n 64 gzip -6 \
  || fail "could not compress botocore's service models"

say "checking that $("$PYTHON" --version 2>&1) imports moto's server"
rm -rf "$CACHE_DIR/root"
mv "$CACHE_DIR/root.new" "$CACHE_DIR/root"
# The import also writes the bytecode of the modules the server loads, so it starts faster.
if ! version="$(cached_moto_version)"; then
  rm -rf "$CACHE_DIR/root"
  fail "moto does not import with $PYTHON:$(printf '\n')$version"
fi
if ! PYTHONPATH="$SITE" "$PYTHON" -c "
import sys, moto
wanted = tuple(int(part) for part in '$MIN_MOTO_VERSION'.split('.'))
sys.exit(0 if tuple(int(part) for part in moto.__version__.split('.')[:2]) >= wanted else 1)"; then
  rm -rf "$CACHE_DIR/root"
  fail "Debian $SUITE has moto $version; the tests need moto >= $MIN_MOTO_VERSION (set MOTO_DEBIAN_SUITE to a suite that has it)"
fi

# The package lists and .deb files are not needed any more: keep only the unpacked tree.
rm -rf "$APT_DIR"
joined="$(IFS=,; echo "${packages_json[*]}")"
cat >"$MANIFEST" <<EOF
{
  "recipe": "$RECIPE",
  "python": "$PYTHON",
  "pythonPath": "$SITE",
  "motoVersion": "$version",
  "suite": "$SUITE",
  "mirror": "$MIRROR",
  "packages": { ${joined//,/, } }
}
EOF
say "installed moto $version in $CACHE_DIR ($(du -sh "$CACHE_DIR" | cut -f1), $(($(date +%s) - start)) s)"
say "start it with: PYTHONPATH=$SITE $PYTHON -m moto.server -H 127.0.0.1 -p <port>"
