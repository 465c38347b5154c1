#!/usr/bin/env bash
# Installs what notebooks/run.sh needs, from Debian's packages (idempotent; needs root or sudo).
set -euo pipefail
pkgs=(jupyter-nbconvert python3-ipykernel python3-pandas python3-matplotlib python3-jpype python3-nbformat)
missing=()
for p in "${pkgs[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if ((${#missing[@]})); then
  sudo=""; [[ $(id -u) -ne 0 ]] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
