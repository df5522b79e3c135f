// Sample server configurations and catalog registration written into deploy/ (scripts/deploy-kit.js).
// Each value is written in its target's own syntax: quoted for nginx, escaped for .reg strings, PowerShell
// single-quoted strings and XML. What a target cannot express is refused with a one-line reason.
const crypto = require("crypto");

/** A GUID fixed by the catalog path, so registering the same share twice replaces rather than duplicates. */
function catalogGuid(catalog) {
  const h = crypto.createHash("sha256").update(`kaohe-catalog:${catalog.toLowerCase()}`).digest("hex");
  return `{${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}}`.toUpperCase();
}

const KEY = "Software\\Microsoft\\Office\\16.0\\WEF\\TrustedCatalogs";
/** Characters that end a line (or are invisible) in a config file, a .reg file or a comment. */
const LINE_BREAKING = /[\p{Cc}\u2028\u2029]/u;
const codePoint = (c) => `U+${c.codePointAt(0).toString(16).toUpperCase().padStart(4, "0")}`;

/**
 * The base's path as nginx matches it: decoded (nginx decodes %XX before matching a location and before
 * looking up the file). Refuses what nginx cannot tell apart or a config line cannot hold.
 */
function servedPath(pathname) {
  const said = (zh, en) => new Error(`--url 的路径「${pathname}」${zh} / --url's path ${pathname} ${en}`);
  const segments = pathname.split("/").slice(1, -1);
  const decoded = segments.map((segment) => {
    if (segment === "") throw said("含连续的斜杠（//）", "has an empty segment (//)");
    let text;
    try {
      text = decodeURIComponent(segment);
    } catch {
      throw said("不是 UTF-8 的百分号编码", "is not percent-encoded UTF-8");
    }
    if (text.includes("/"))
      throw said(
        "含编码的斜杠（%2F），nginx 无法与分隔符区分",
        "has an encoded slash (%2F), which nginx cannot tell from a separator",
      );
    const control = LINE_BREAKING.exec(text);
    if (control)
      throw said(`含控制字符（${codePoint(control[0])}）`, `holds a control character (${codePoint(control[0])})`);
    return text;
  });
  return `/${decoded.map((s) => `${s}/`).join("")}`;
}

/** An nginx string: double-quoted, so spaces, ; { } $ # and quotes are text; \ and " escaped. */
const nginxQuoted = (text) => `"${text.replace(/[\\"]/g, "\\$&")}"`;

/** nginx server block for the base URL (already normalized: https, plain host, path ending in /). */
function nginx(base) {
  const u = new URL(base);
  const at = servedPath(u.pathname);
  const folder = `/srv/www${at}`;
  const host = u.hostname;
  return `# 考核规则 kaohe — nginx 示例。把 deploy/web/ 的全部内容复制到 ${folder}
# Sample nginx site: copy everything in deploy/web/ to ${folder}
# nginx 按解码后的路径匹配 location（空格、中文原样），故路径写在引号里 / nginx matches the decoded path, quoted here
server {
    listen ${u.port || 443} ssl;
    server_name ${host};
    # 内网 CA 签发的证书；各终端须信任该 CA（Office 只从 https 加载加载项）
    ssl_certificate     /etc/nginx/certs/${host}.crt;
    ssl_certificate_key /etc/nginx/certs/${host}.key;
    root /srv/www;
    add_header X-Content-Type-Options nosniff always;

    location ^~ ${nginxQuoted(at)} {
        # 入口页：每次向服务器确认，更新后终端立即拿到新版本 / entry page: always revalidated
        location ~* "\\.html$" {
            add_header Cache-Control "no-cache" always;
            add_header X-Content-Type-Options nosniff always;
        }
        # 文件名含内容哈希，内容变则名变：可长期缓存 / content-hashed names: cache for a year
        # （正则含 { }，须在引号里 / a regex holding { } must be quoted）
        location ~* "\\.[0-9a-f]{8}\\.[a-z0-9]+$" {
            add_header Cache-Control "public, max-age=31536000, immutable" always;
            add_header X-Content-Type-Options nosniff always;
        }
        # WPS 加载项（--wps）：ribbon.xml、图标等不带哈希，每次向服务器确认 / WPS files keep their names: revalidated
        location ^~ ${nginxQuoted(`${at}wps/`)} {
            add_header Cache-Control "no-cache" always;
            add_header X-Content-Type-Options nosniff always;
            location ~* "\\.[0-9a-f]{8}\\.js$" {
                add_header Cache-Control "public, max-age=31536000, immutable" always;
                add_header X-Content-Type-Options nosniff always;
            }
        }
        # 本地 office.js 副本（仅 --office-js local）按版本号分目录 / local office.js copy, one folder per version
        location ^~ ${nginxQuoted(`${at}office-js/`)} {
            add_header Cache-Control "public, max-age=86400" always;
            add_header X-Content-Type-Options nosniff always;
        }
    }
}
`;
}

/** The MIME type IIS sends for each kind of file a kit may hold (IIS answers 404.3 for an unmapped one). */
const MIME = new Map([
  [".html", "text/html; charset=utf-8"],
  [".js", "text/javascript; charset=utf-8"],
  [".json", "application/json"],
  [".png", "image/png"],
  [".svg", "image/svg+xml"],
  [".ico", "image/x-icon"],
  [".css", "text/css; charset=utf-8"],
  [".map", "application/json"],
  [".xml", "application/xml"],
  [".txt", "text/plain; charset=utf-8"],
  [".md", "text/markdown; charset=utf-8"],
  [".woff2", "font/woff2"],
]);

const NO_CACHE = '<clientCache cacheControlMode="DisableCache" />';
/** Where the kit's default (a year, for content-hashed names) does not hold: pages and named files revalidated. */
const CACHE_RULES = [
  ["taskpane.html", NO_CACHE, "入口页每次向服务器确认 / the entry page is always revalidated"],
  ["app/index.html", NO_CACHE, "网页版入口页 / the browser app's page"],
  ["kaohe.html", NO_CACHE, "网页版单文件 / the browser app in one file"],
  ["wps", NO_CACHE, "WPS 加载项的文件名不带哈希：每次确认 / the WPS add-in's files keep their names"],
  ["office-js", '<clientCache cacheControlMode="UseMaxAge" cacheControlMaxAge="1.00:00:00" />', "本地 office.js 副本 / local office.js"],
];

function location(where, control, note) {
  return `  <!-- ${note} -->
  <location path="${where}">
    <system.webServer>
      <staticContent>
        ${control}
      </staticContent>
    </system.webServer>
  </location>`;
}

/** web.config for the kit's files: `extensions` are those of every file in web/ (".js", …). */
function iis(extensions) {
  const kinds = [...new Set(extensions)].sort();
  for (const ext of kinds) {
    if (!MIME.has(ext)) {
      throw new Error(
        `部署包含有 IIS 示例没有 MIME 类型的文件（扩展名「${ext}」），请在 scripts/deploy-samples.js 中补上 / no MIME type for "${ext}" files in the IIS sample: add one in scripts/deploy-samples.js`,
      );
    }
  }
  // A mimeMap repeating an extension the server already maps is an error (500.19): remove it first.
  const mimeMaps = kinds
    .map(
      (ext) =>
        `      <remove fileExtension="${ext}" />\n      <mimeMap fileExtension="${ext}" mimeType="${MIME.get(ext)}" />`,
    )
    .join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?>
<!-- 考核规则 kaohe — IIS 示例：与 deploy/web/ 的内容一起放在站点（或虚拟目录）根下。
     Sample IIS configuration: place beside the contents of deploy/web/ in the site's folder. -->
<configuration>
  <system.webServer>
    <staticContent>
      <!-- 部署包中每种文件的类型 / a type for every kind of file in the kit -->
${mimeMaps}
      <!-- 文件名含内容哈希：长期缓存 / content-hashed names: cache for a year -->
      <clientCache cacheControlMode="UseMaxAge" cacheControlMaxAge="365.00:00:00" />
    </staticContent>
    <httpProtocol>
      <customHeaders>
        <add name="X-Content-Type-Options" value="nosniff" />
      </customHeaders>
    </httpProtocol>
  </system.webServer>
${CACHE_RULES.map(([where, control, note]) => location(where, control, note)).join("\n")}
</configuration>
`;
}

/** A .reg string value: \ and " escaped; a line break cannot be written in one, so it is refused. */
function regString(text) {
  const control = LINE_BREAKING.exec(text);
  if (control)
    throw new Error(
      `.reg 字符串不能含控制字符（${codePoint(control[0])}） / a .reg string cannot hold ${codePoint(control[0])}`,
    );
  return `"${text.replace(/[\\"]/g, "\\$&")}"`;
}

/** regedit reads version 5 files as UTF-16 LE with a BOM; a share path may hold Chinese. */
function reg(catalog) {
  const id = catalogGuid(catalog);
  const text = [
    "Windows Registry Editor Version 5.00",
    "",
    // The path itself is only in the Url value below: a comment line would end at a line break in it.
    "; 考核规则 kaohe: 把共享文件夹（下面的 Url）登记为受信任的加载项目录（当前用户）",
    "; Registers the shared folder (Url below) as a trusted add-in catalog for the current user.",
    `[HKEY_CURRENT_USER\\${KEY}\\${id}]`,
    `"Id"=${regString(id)}`,
    `"Url"=${regString(catalog)}`,
    `"Flags"=dword:00000001`,
    "",
  ].join("\r\n");
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
}

/** A PowerShell single-quoted string: PowerShell ends one at any of ' ‘ ’ ‚ ‛, each escaped by doubling. */
const psQuoted = (text) => `'${text.replace(/['\u2018\u2019\u201a\u201b]/g, "$&$&")}'`;

/** Windows PowerShell 5.1 reads a script as UTF-8 only with a BOM. */
function powershell(catalog) {
  const id = catalogGuid(catalog);
  const text = [
    `# 考核规则 kaohe: 把共享文件夹登记为受信任的加载项目录（当前用户），然后重启 Excel。`,
    `# Registers the shared folder as a trusted add-in catalog for the current user; restart Excel afterwards.`,
    `param([string]$Catalog = ${psQuoted(catalog)})`,
    `$id = ${psQuoted(id)}`,
    `$key = "HKCU:\\${KEY}\\$id"`,
    `New-Item -Path $key -Force | Out-Null`,
    `New-ItemProperty -Path $key -Name Id -Value $id -PropertyType String -Force | Out-Null`,
    `New-ItemProperty -Path $key -Name Url -Value $Catalog -PropertyType String -Force | Out-Null`,
    `New-ItemProperty -Path $key -Name Flags -Value 1 -PropertyType DWord -Force | Out-Null`,
    `Write-Host "已登记 $Catalog。重启 Excel 后：插入 > 我的加载项 > 共享文件夹。 / Registered $Catalog. Restart Excel: Insert > My Add-ins > Shared Folder."`,
    "",
  ].join("\r\n");
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")]);
}

const OFFICE_JS_NOTE = new Map([
  ["microsoft", "office.js 取自微软 CDN（appsforoffice.microsoft.com），终端须能访问它。"],
  ["21vianet", "office.js 取自世纪互联 CDN（appsforoffice.cdn.partner.office365.cn）。"],
  [
    "local",
    "office.js 使用本包内的副本（web/office-js/）：适用于完全隔离的内网，微软不支持这种用法，Office 更新后须重新打包。",
  ],
]);

function readme(base, officeJs, catalog, withWps = false) {
  return [
    "考核规则 kaohe — 内网部署包",
    "",
    `1. 把 web/ 的全部内容放到 ${base} 所在的 HTTPS 服务器（示例配置见 nginx/、iis/）。`,
    `2. 把 manifest.xml 放进共享文件夹 ${catalog}。`,
    "3. 在各终端运行 catalog/register-catalog.ps1（或双击 register-catalog.reg），重启 Excel，",
    "   插入 > 我的加载项 > 共享文件夹 > 考核规则。",
    `4. ${OFFICE_JS_NOTE.get(officeJs)}`,
    `5. 没有 Excel 加载项的电脑（Office 2016/2019、信创桌面）：用浏览器打开 ${base}app/（考核规则网页版），`,
    "   或把 web/kaohe.html 单个文件拷给使用者，双击即可在浏览器中使用，不需要服务器和网络。",
    ...(withWps ? ["6. WPS 表格：见 wps/说明.txt（单机安装脚本、内网服务器的 jsplugins.xml 与 oem.ini）。"] : []),
    "",
    "详细说明见源代码的 docs/deployment.md。",
    "",
  ].join("\r\n");
}

module.exports = { catalogGuid, servedPath, nginx, iis, reg, powershell, readme };
