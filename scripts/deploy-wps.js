// The WPS add-in in the deployment kit (npm run package -- --wps): the add-in folder kaohe_<version>/ for
// each desktop's jsaddons folder, a publish.xml entry, jsplugins.xml for an intranet server named in
// oem.ini, and install scripts for Kylin/UOS (install.sh) and Windows (install.bat). Formats from WPS's
// add-in documentation and the wpsjs CLI (docs/deployment.md names them).
const { escapeXml } = require("./manifest-url");

const NAME = "kaohe";

/** The folder WPS expects in jsaddons: <name>_<version> (publish.xml's url names it). */
const folderOf = (version) => `${NAME}_${version}`;

/** The versions we make are ours (package.json), but what goes into a script is checked all the same. */
function checkVersion(version) {
  if (!/^\d+(\.\d+){1,3}$/.test(version)) throw new Error(`WPS 加载项版本号只能是数字和点，收到「${version}」`);
  return version;
}

/** The publish.xml entry of an add-in copied into jsaddons (wpsjs build --exe writes the same). */
function publishEntry(version) {
  const v = checkVersion(version);
  return `<jsplugin name="${NAME}" type="et" url="${folderOf(v)}" version="${v}" enable="enable_dev" install="null" customDomain=""/>`;
}

function publishXml(version) {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<jsplugins>\n  ${publishEntry(version)}\n</jsplugins>\n`;
}

/** jsplugins.xml for the intranet server: WPS loads the add-in's folder from the server (online mode). */
function jspluginsXml(base) {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<jsplugins>\n  <jspluginonline name="${NAME}" type="et" url="${escapeXml(`${base}wps/`)}"/>\n</jsplugins>\n`;
}

/** oem.ini lines for every desktop (an administrator's edit; its path differs per WPS build). */
function oemIni(base) {
  return [
    "; 考核规则 kaohe — 在 WPS 的 oem.ini 中加入（或合并）以下各行，然后重启 WPS。",
    "; Windows: <WPS 安装目录>\\office6\\cfgs\\oem.ini；Linux: /opt/kingsoft/wps-office/office6/cfgs/oem.ini",
    "; UOS: /opt/apps/cn.wps.wps-office-pro/files/kingsoft/wps-office/office6/cfgs/oem.ini",
    "[Support]",
    "JsApiPlugin=true",
    "[Server]",
    `JSPluginsServer=${base}wps/jsplugins.xml`,
    "",
  ].join("\r\n");
}

/**
 * install.sh (Kylin/UOS, the user's own WPS): copies the add-in folder into the user's jsaddons folder and
 * registers it in publish.xml, replacing an older kaohe entry and keeping every other add-in's.
 */
function installSh(version) {
  const v = checkVersion(version);
  return `#!/bin/sh
# 考核规则 kaohe — 为当前用户安装 WPS 表格加载项（麒麟、统信 UOS 等 Linux）。安装后重启 WPS。
# Installs the kaohe add-in for WPS Spreadsheets for the current user (Linux). Restart WPS afterwards.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
addins="\${HOME}/.local/share/Kingsoft/wps/jsaddons"
folder="${folderOf(v)}"
entry='${publishEntry(v)}'
mkdir -p "$addins"
# Older versions of this add-in go; other add-ins stay.
for old in "$addins"/${NAME}_*; do
  if [ -d "$old" ]; then rm -rf "$old"; fi
done
cp -R "$here/$folder" "$addins/$folder"
publish="$addins/publish.xml"
if [ -f "$publish" ] && grep -q '</jsplugins>' "$publish"; then
  tmp="$publish.kaohe.$$"
  # Drop an older kaohe entry (offline or online), then add ours before the closing tag.
  sed -e 's#<jsplugin [^>]*name="${NAME}"[^>]*/>##g' -e 's#<jspluginonline [^>]*name="${NAME}"[^>]*/>##g' \\
      -e "s#</jsplugins>#$entry</jsplugins>#" "$publish" > "$tmp"
  mv "$tmp" "$publish"
else
  printf '<?xml version="1.0" encoding="UTF-8"?>\\n<jsplugins>\\n  %s\\n</jsplugins>\\n' "$entry" > "$publish"
fi
echo "已安装到 $addins/$folder，并登记在 publish.xml。请重启 WPS：表格中将出现「考核规则」选项卡（首次使用请运行「环境」中的自检）。"
echo "Installed into $addins/$folder and registered in publish.xml. Restart WPS; a 考核规则 tab appears."
`;
}

/** install.ps1 (Windows WPS): the same as install.sh; UTF-8 with a BOM, as Windows PowerShell 5.1 reads it. */
function installPs1(version) {
  const v = checkVersion(version);
  const text = [
    "# 考核规则 kaohe: 为当前用户安装 WPS 表格加载项，然后重启 WPS。",
    "# Installs the kaohe add-in for WPS Spreadsheets for the current user; restart WPS afterwards.",
    "$ErrorActionPreference = 'Stop'",
    "$addins = Join-Path $env:APPDATA 'kingsoft\\wps\\jsaddons'",
    `$folder = '${folderOf(v)}'`,
    `$entry = '${publishEntry(v)}'`,
    "New-Item -ItemType Directory -Force -Path $addins | Out-Null",
    `Get-ChildItem -Path $addins -Directory -Filter '${NAME}_*' | Remove-Item -Recurse -Force`,
    "Copy-Item -Recurse -Force (Join-Path $PSScriptRoot $folder) (Join-Path $addins $folder)",
    "$publish = Join-Path $addins 'publish.xml'",
    "if ((Test-Path $publish) -and ((Get-Content -Raw -Encoding UTF8 $publish) -match '</jsplugins>')) {",
    "  $xml = Get-Content -Raw -Encoding UTF8 $publish",
    `  $xml = $xml -replace '<jsplugin(online)? [^>]*name="${NAME}"[^>]*/>', ''`,
    "  $xml = $xml.Replace('</jsplugins>', $entry + '</jsplugins>')",
    "} else {",
    "  $xml = '<?xml version=\"1.0\" encoding=\"UTF-8\"?>' + [Environment]::NewLine + '<jsplugins>' + $entry + '</jsplugins>'",
    "}",
    "[IO.File]::WriteAllText($publish, $xml, (New-Object Text.UTF8Encoding $false))",
    "Write-Host \"已安装到 $addins\\$folder。请重启 WPS。 / Installed; restart WPS.\"",
    "",
  ].join("\r\n");
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")]);
}

/** install.bat: double-clickable; runs install.ps1 beside it. */
function installBat() {
  return [
    "@echo off",
    "rem kaohe: installs the WPS Spreadsheets add-in for the current user (install.ps1 does the work).",
    'powershell -NoProfile -ExecutionPolicy Bypass -File "%~dp0install.ps1"',
    "pause",
    "",
  ].join("\r\n");
}

function readme(base, version) {
  return [
    "考核规则 kaohe — WPS 表格加载项",
    "",
    `单台电脑：运行 install.sh（麒麟、统信 UOS）或双击 install.bat（Windows），把 ${folderOf(version)}/ 复制到本用户的`,
    "  jsaddons 文件夹并登记到 publish.xml（保留其他加载项），然后重启 WPS。",
    "多台电脑（内网服务器）：部署包 web/ 中已含 wps/ 与 wps/jsplugins.xml；把 oem.ini.txt 中的各行",
    `  加入各终端 WPS 的 oem.ini（JSPluginsServer=${base}wps/jsplugins.xml），重启 WPS。`,
    "首次使用：打开「考核规则」任务窗格 →「环境」→「自检」，把结果复制给维护人员。",
    "自定义函数（=KH.…）需要 WPS 12.1.0.20540 或更新版本；较旧的 WPS 请用「通用公式」模板。",
    "",
  ].join("\r\n");
}

module.exports = { folderOf, publishEntry, publishXml, jspluginsXml, oemIni, installSh, installPs1, installBat, readme };
