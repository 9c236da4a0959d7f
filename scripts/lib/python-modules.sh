# Sourced by scripts/test-deps.sh, scripts/python-tests.sh and scripts/install-moto.sh: the Python
# modules the tests need, the Debian package of each, and one way to make sure a python has them:
# check, install the Debian packages when allowed (root, or passwordless sudo, with apt-get), check
# again, or stop with one message that names each missing module and the command that installs it.
#
# Uses only bash and the commands it names (python, id, sudo, env, apt-get), so the tests can run it
# with stubs on PATH.

# Debian's python3: apt-get installs the packages below for it.
DEBIAN_PYTHON=/usr/bin/python3

# The seed code's pytest suites (scripts/python-tests.sh) and the local-run tests; matplotlib draws the
# evaluation step's ROC curve and confusion matrix that its MLflow tests log.
TEST_MODULES=(pandas numpy scipy sklearn xgboost pytest matplotlib)
# What only scripts/python-tests.sh needs besides: pytest-xdist (module xdist) spreads the pytest
# suites over the cores. The jest suites that run Python leave it out (test-deps.sh --no-xdist).
PYTEST_RUNNER_MODULES=(xdist)
# What moto's server imports from the system (the CLI's integration tests; moto itself comes from a
# newer Debian suite, see scripts/install-moto.sh). flask_cors is not in python3-moto's Depends, but
# moto.server imports it.
MOTO_MODULES=(cryptography dateutil flask flask_cors jinja2 jmespath requests responses urllib3 werkzeug xmltodict)

# The Debian package that installs a module for Debian's python3.
debian_package_of() {
  case "$1" in
    sklearn) echo python3-sklearn ;;
    dateutil) echo python3-dateutil ;;
    flask_cors) echo python3-flask-cors ;;
    xdist) echo python3-pytest-xdist ;;
    *) echo "python3-$1" ;;
  esac
}

# Prints the modules of "$@" that python "$1" cannot find, space-separated; prints them all when
# "$1" does not run. find_spec locates a module without importing it, so this takes a few
# milliseconds instead of the seconds importing pandas, scikit-learn and XGBoost takes.
missing_modules() {
  local python="$1"
  shift
  local out
  if out="$("$python" -c 'import importlib.util, sys; print(" ".join(m for m in sys.argv[1:] if importlib.util.find_spec(m) is None))' "$@" 2>/dev/null)"; then
    echo "$out"
  else
    echo "$*"
  fi
}

# Sets APT_AS to the command prefix that runs apt-get as root (empty for root, `sudo -n` for a user
# with passwordless sudo) and returns 0; returns 1 when this user may not install Debian packages,
# or apt-get is not there.
may_install_debian_packages() {
  command -v apt-get >/dev/null 2>&1 || return 1
  if [[ "$(id -u 2>/dev/null)" == 0 ]]; then
    APT_AS=()
    return 0
  fi
  if command -v sudo >/dev/null 2>&1 && sudo -n true >/dev/null 2>&1; then
    APT_AS=(sudo -n)
    return 0
  fi
  return 1
}

# The command a person runs to install packages "$@": with sudo unless this is root.
install_command() {
  local install="apt-get install -y --no-install-recommends $*"
  if [[ "$(id -u 2>/dev/null)" == 0 ]]; then
    echo "apt-get update && $install"
  else
    echo "sudo apt-get update && sudo $install"
  fi
}

# ensure_modules WHO PYTHON INSTALL WHAT MODULE...
#   WHO      the prefix of every line printed (the script's name)
#   PYTHON   the python that must find the modules
#   INSTALL  1: install the Debian packages when allowed; 0: only check
#   WHAT     what needs the modules, for the message
# Returns 0 when PYTHON finds every MODULE (after installing them if it had to); otherwise prints one
# message to stderr naming each missing module and the command that installs them, and returns 1.
ensure_modules() {
  local who="$1" python="$2" install="$3" what="$4"
  shift 4
  local -a missing packages
  read -r -a missing <<<"$(missing_modules "$python" "$@")"
  ((${#missing[@]} == 0)) && return 0

  local python_runs=1
  "$python" -c '' >/dev/null 2>&1 || python_runs=0
  packages=()
  ((python_runs)) || packages+=(python3)
  local module
  for module in "${missing[@]}"; do
    packages+=("$(debian_package_of "$module")")
  done

  if [[ "$install" == 1 ]] && may_install_debian_packages; then
    echo "$who: $python cannot import ${missing[*]} ($what); installing ${packages[*]}"
    "${APT_AS[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q \
      || { echo "$who: error: apt-get update failed (is the Debian archive reachable?)" >&2; return 1; }
    "${APT_AS[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${packages[@]}" \
      || { echo "$who: error: apt-get install -y --no-install-recommends ${packages[*]} failed" >&2; return 1; }
    read -r -a missing <<<"$(missing_modules "$python" "$@")"
    ((${#missing[@]} == 0)) && return 0
    echo "$who: error: after installing ${packages[*]}, $python still cannot import ${missing[*]} ($what);" \
      "set SAGEMAKER_GITOPS_PYTHON to a python3 that has them (apt-get installs them for $DEBIAN_PYTHON)" >&2
    return 1
  fi

  local problem="$python cannot import ${missing[*]}"
  ((python_runs)) || problem="$python does not run, so it cannot import ${missing[*]}"
  local how='Install them with:'
  if [[ "$install" == 1 ]]; then
    if ! command -v apt-get >/dev/null 2>&1; then
      how='There is no apt-get here to install them; on Debian or Ubuntu, run:'
    else
      how='Installing them needs root or passwordless sudo; run:'
    fi
  fi
  local otherwise='or set SAGEMAKER_GITOPS_PYTHON to a python3 that has them.'
  [[ "$python" == "$DEBIAN_PYTHON" ]] \
    || otherwise="(that installs them for $DEBIAN_PYTHON: then unset SAGEMAKER_GITOPS_PYTHON), or install them for $python."
  echo "$who: error: $problem ($what). $how
  $(install_command "${packages[*]}")
$otherwise" >&2
  return 1
}
