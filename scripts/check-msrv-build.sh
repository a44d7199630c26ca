#!/usr/bin/env bash
# Builds the crates that declare rust-version 1.85 with rustc 1.85, every feature on, so that
# their declared minimum is proven by a compiler and not only by their dependencies' metadata
# (scripts/check-msrv.py).
#
# The compiler is Debian's rustc-web 1.85 (bookworm), unpacked into target/msrv-toolchain/
# with dpkg -x (nothing is installed on the system) and driven by the usual cargo through
# RUSTC. rustup cannot fetch other toolchains on this project's machines, and Debian has only
# 1.85 and 1.96, so the crates that declare 1.88 are checked by check-msrv.py alone; their 1.88
# is that of askama and encoding_rs, which rustc 1.85 refuses (let chains).
set -euo pipefail
cd "$(dirname "$0")/.."

version=1.85
root=$PWD/target/msrv-toolchain/$version
rustc=$root/usr/bin/rustc
libs=$root/usr/lib/x86_64-linux-gnu

if ! LD_LIBRARY_PATH=$libs "$rustc" -V 2>/dev/null | grep -q "^rustc $version\."; then
  echo "== unpacking Debian's rustc-web $version into $root"
  export DEBIAN_FRONTEND=noninteractive
  debian_version() { apt-cache madison "$1" 2>/dev/null | awk -v v="$2" '$3 ~ "^" v {print $3; exit}'; }
  deb=$(debian_version rustc-web "$version.")
  if [ -z "$deb" ]; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    deb=$(debian_version rustc-web "$version.")
  fi
  [ -n "$deb" ] || { echo "error: Debian offers no rustc-web $version (apt-cache madison rustc-web)"; exit 1; }
  llvm=$(apt-cache depends "libstd-rust-web-$version=$deb" | awk '/Depends: libllvm/ {print $2; exit}')
  downloads=target/msrv-toolchain/debs
  rm -rf "$downloads" "$root"
  mkdir -p "$downloads" "$root"
  (cd "$downloads" && apt-get download -qq "rustc-web=$deb" "libstd-rust-web-dev=$deb" \
    "libstd-rust-web-$version=$deb" "$llvm" 2>&1 | grep -v '^W: Download is performed unsandboxed' || true)
  for package in "$downloads"/*.deb; do
    dpkg -x "$package" "$root"
  done
  rm -rf "$downloads"
  LD_LIBRARY_PATH=$libs "$rustc" -V
fi

crates=$(python3 scripts/publishable.py --rust-version "$version" | tr '\n' ' ')
[ -n "$crates" ] || { echo "error: no crate declares rust-version $version"; exit 1; }

args=()
for crate in $crates; do
  args+=(-p "$crate")
done
echo "== cargo check with rustc $version, all features: $crates"
# A target directory of its own: artifacts of two compilers do not mix.
LD_LIBRARY_PATH=$libs RUSTC=$rustc CARGO_TARGET_DIR=target/msrv-$version \
  cargo check --locked --quiet --all-features "${args[@]}"
echo "rustc $version builds every crate that declares it: $crates"
