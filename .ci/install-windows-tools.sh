#!/usr/bin/env bash
# Installs the tools for the Linux proof of the Windows installer (tests/installer):
# NSIS (makensis) to build it and Wine to run it. NSIS installers are 32-bit programs, so Wine
# needs its 32-bit half (wine32:i386) as well as wine64. Also generates the nb_NO.UTF-8 locale,
# for the test that a Norwegian system gets the Norwegian installer.
#
# Idempotent and non-interactive; does nothing when makensis and wine are already on PATH, Wine
# can run 32-bit programs and the locale is there. Needs root (apt-get).
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive

have_wine32() {
    # wine32 puts its loader at /usr/lib/wine/wine (the 64-bit one is /usr/lib/wine/wine64).
    [ -x /usr/lib/wine/wine ] || dpkg-query -W -f='${Status}' wine32:i386 2>/dev/null \
        | grep -q "install ok installed"
}

have_nb_locale() {
    locale -a 2>/dev/null | grep -qix 'nb_NO\.utf-\?8'
}

ensure_nb_locale() {
    have_nb_locale && return 0
    if [ ! -f /etc/locale.gen ]; then
        apt-get install -y -q --no-install-recommends locales
    fi
    if grep -q '^# *nb_NO.UTF-8 UTF-8' /etc/locale.gen; then
        sed -i 's/^# *\(nb_NO.UTF-8 UTF-8\)/\1/' /etc/locale.gen
    elif ! grep -q '^nb_NO.UTF-8 UTF-8' /etc/locale.gen; then
        echo 'nb_NO.UTF-8 UTF-8' >> /etc/locale.gen
    fi
    locale-gen
}

if command -v makensis >/dev/null && command -v wine >/dev/null && have_wine32; then
    if have_nb_locale; then
        echo "install-windows-tools: makensis, wine (with wine32) and nb_NO.UTF-8 already there"
        exit 0
    fi
    ensure_nb_locale
    exit 0
fi

packages=(nsis wine wine64 wine32:i386)
apt_install=(apt-get install -y -q --no-install-recommends)

if ! dpkg --print-foreign-architectures | grep -qx i386; then
    dpkg --add-architecture i386
fi
# An index that fails to download (seen here: the i386 security index, "File has unexpected
# size ... Mirror sync in progress?") makes apt-get update exit 100 but leaves the rest usable.
apt-get update -q || echo "install-windows-tools: apt-get update reported errors; going on"

if "${apt_install[@]}" "${packages[@]}"; then
    ensure_nb_locale
    exit 0
fi

# Fallback for a version skew between the amd64 and the i386 indexes (for instance when the
# i386 security index could not be read): Multi-Arch "same" libraries must have one version on
# both architectures. Take both from the release itself, and bring any amd64 library already
# installed at a version that has no i386 twin to the i386 candidate's version.
echo "install-windows-tools: plain install failed; aligning amd64 and i386 library versions"
codename=$(. /etc/os-release && echo "${VERSION_CODENAME}")
align=()
while read -r pkg; do
    base=${pkg%:i386}
    installed=$(dpkg-query -W -f='${Version}' "${base}:amd64" 2>/dev/null || true)
    [ -n "${installed}" ] || continue
    candidate=$(apt-cache -t "${codename}" policy "${pkg}" | awk '/Candidate:/ {print $2}')
    [ -n "${candidate}" ] && [ "${candidate}" != "(none)" ] || continue
    if dpkg --compare-versions "${installed}" gt "${candidate}"; then
        align+=("${base}:amd64=${candidate}")
    fi
done < <(apt-cache depends --recurse --no-recommends --no-suggests --no-conflicts \
            --no-breaks --no-replaces --no-enhances wine32:i386 2>/dev/null \
         | grep -E '^[^ <].*:i386$' | sort -u)
if [ "${#align[@]}" -gt 0 ]; then
    echo "install-windows-tools: aligning ${align[*]}"
fi
"${apt_install[@]}" --allow-downgrades -t "${codename}" "${packages[@]}" "${align[@]}"
ensure_nb_locale
