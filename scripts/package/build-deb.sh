#!/bin/bash
# Builds dossier_<version>_<arch>.deb from a staging tree that `make install DESTDIR=… PREFIX=/usr`
# filled (called by `make deb`).
#
#   scripts/package/build-deb.sh WORK OUT
#
# WORK/debian/dossier is the package's root (make install put usr/ there); the .deb is written
# to OUT. The version is the tool's own (`dossier --version`), and must match the top entry of
# packaging/debian/changelog; the architecture is dpkg's; Depends is computed by dpkg-shlibdeps
# from the libraries the binary links (Debian names, minimal versions). Same tree and same
# commit → same bytes (every time stamp is SOURCE_DATE_EPOCH: the commit's time).
set -euo pipefail

work=$1
out=$2
root=$work/debian/dossier
binary=$root/usr/bin/dossier
here=$(cd "$(dirname "$0")/../.." && pwd)
packaging=$here/packaging/debian

version=$("$binary" --version)
arch=$(dpkg --print-architecture)
changelog_version=$(sed -n '1s/^dossier (\([^)]*\)).*/\1/p' "$packaging/changelog")
if [ "$version" != "$changelog_version" ]; then
  echo "packaging/debian/changelog: error: its top entry is version $changelog_version, but dossier --version says $version; add an entry for $version" >&2
  exit 1
fi
if [ -z "${SOURCE_DATE_EPOCH:-}" ]; then
  SOURCE_DATE_EPOCH=$(git -C "$here" log -1 --format=%ct 2>/dev/null || echo 0)
fi
export SOURCE_DATE_EPOCH

# The binary without symbols (Debian policy; 91 MB → about 30 MB), the manual page and the
# changelog compressed without a time stamp, the licences in the copyright file only. A
# native package (its version is the tool's, no Debian revision): the changelog is
# changelog.gz. The lintian overrides say why the package embeds libyaml and copies fonts.
strip --strip-unneeded --remove-section=.comment --remove-section=.note "$binary"
gzip -9n "$root/usr/share/man/man1/dossier.1"
rm -f "$root"/usr/share/dossier/fonts/LICENSE-*
install -d "$root/usr/share/doc/dossier" "$root/usr/share/lintian/overrides" "$root/DEBIAN"
install -m 644 "$packaging/copyright" "$root/usr/share/doc/dossier/copyright"
install -m 644 "$packaging/lintian-overrides" "$root/usr/share/lintian/overrides/dossier"
gzip -9n < "$packaging/changelog" > "$root/usr/share/doc/dossier/changelog.gz"
chmod 644 "$root/usr/share/doc/dossier/changelog.gz"

# Depends: dpkg-shlibdeps reads debian/control in the current folder.
printf 'Source: dossier\n\nPackage: dossier\nArchitecture: any\n' > "$work/debian/control"
depends=$(cd "$work" && dpkg-shlibdeps -O debian/dossier/usr/bin/dossier 2>/dev/null | sed -n 's/^shlibs:Depends=//p')
if [ -z "$depends" ]; then
  echo "error: dpkg-shlibdeps found no library dependencies for $binary" >&2
  exit 1
fi
# A binary linked with `-z pack-relative-relocs` (the Makefile's LINK_FLAGS) needs glibc 2.36's
# loader (version GLIBC_ABI_DT_RELR), which dpkg-shlibdeps does not count: say so in Depends.
if readelf -V "$binary" | grep -q GLIBC_ABI_DT_RELR; then
  depends=$(printf '%s' "$depends" | sed -E 's/libc6 \(>= [0-9.]+\)/libc6 (>= 2.36)/')
fi
# `make` is what a briefing project runs; dossier.mk needs GNU make.
depends="$depends, make"

installed_size=$(du -sk --apparent-size --exclude=DEBIAN "$root" | cut -f1)
sed -e "s/@VERSION@/$version/" -e "s/@ARCH@/$arch/" -e "s/@DEPENDS@/$depends/" \
    -e "s/@INSTALLED_SIZE@/$installed_size/" "$packaging/control.in" > "$root/DEBIAN/control"
(cd "$root" && find usr -type f | LC_ALL=C sort | xargs md5sum) > "$root/DEBIAN/md5sums"
chmod 644 "$root/DEBIAN/control" "$root/DEBIAN/md5sums"

find "$root" -type d -exec chmod 755 {} +
find "$root" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +
mkdir -p "$out"
deb=$out/dossier_${version}_${arch}.deb
# xz level 1: 8 s of CPU and 20.7 MB here, against 37 s and 17.6 MB at the default level 6
# (DEB_XZ_LEVEL=6 for a release).
dpkg-deb --root-owner-group -Zxz "-z${DEB_XZ_LEVEL:-1}" --build "$root" "$deb" > /dev/null
echo "  DEB     $deb ($(du -k "$deb" | cut -f1) kB)"

if command -v lintian > /dev/null; then
  # Errors fail the build; warnings are printed.
  lintian --fail-on error "$deb" 2> >(grep -v "running with root privileges" >&2) || {
    echo "lintian: errors in $deb" >&2; exit 1; }
else
  echo "  (lintian not installed: not checked; apt-get install lintian)"
fi
