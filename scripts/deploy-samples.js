// Sample server configurations and catalog registration written into deploy/ (scripts/deploy-kit.js).
const crypto = require("crypto");

/** A GUID fixed by the catalog path, so registering the same share twice replaces rather than duplicates. */
function catalogGuid(catalog) {
  const h = crypto.createHash("sha256").update(`kaohe-catalog:${catalog.toLowerCase()}`).digest("hex");
  return `{${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}}`.toUpperCase();
}

const KEY = "Software\\Microsoft\\Office\\16.0\\WEF\\TrustedCatalogs";

function nginx(hostname, pathname) {
  const folder = `/srv/www${pathname}`;
  return `# 考核规则 kaohe — nginx 示例。把 deploy/web/ 的全部内容复制到 ${folder}
# Sample nginx site: copy everything in deploy/web/ to ${folder}
server {
    listen 443 ssl;
    server_name ${hostname};
    # 内网 CA 签发的证书；各终端须信任该 CA（Office 只从 https 加载加载项）
    ssl_certificate     /etc/nginx/certs/${hostname}.crt;
    ssl_certificate_key /etc/nginx/certs/${hostname}.key;
    root /srv/www;
    add_header X-Content-Type-Options nosniff always;

    # 入口页：每次向服务器确认，更新后终端立即拿到新版本 / entry page: always revalidated
    location ~* \\.html$ {
        add_header Cache-Control "no-cache" always;
        add_header X-Content-Type-Options nosniff always;
    }
    # 文件名含内容哈希，内容变则名变：可长期缓存 / content-hashed names: cache for a year
    location ~* \\.[0-9a-f]{8}\\.(js|json|png)$ {
        add_header Cache-Control "public, max-age=31536000, immutable" always;
        add_header X-Content-Type-Options nosniff always;
    }
    # 本地 office.js 副本（仅 --office-js local）按版本号分目录 / local office.js copy, one folder per version
    location ^~ ${pathname}office-js/ {
        add_header Cache-Control "public, max-age=86400" always;
    }
}
`;
}

function iis() {
  return `<?xml version="1.0" encoding="UTF-8"?>
<!-- 考核规则 kaohe — IIS 示例：与 deploy/web/ 的内容一起放在站点（或虚拟目录）根下。
     Sample IIS configuration: place beside the contents of deploy/web/ in the site's folder. -->
<configuration>
  <system.webServer>
    <staticContent>
      <remove fileExtension=".json" />
      <mimeMap fileExtension=".json" mimeType="application/json" />
      <!-- 文件名含内容哈希：长期缓存 / content-hashed names: cache for a year -->
      <clientCache cacheControlMode="UseMaxAge" cacheControlMaxAge="365.00:00:00" />
    </staticContent>
    <httpProtocol>
      <customHeaders>
        <add name="X-Content-Type-Options" value="nosniff" />
      </customHeaders>
    </httpProtocol>
  </system.webServer>
  <!-- 入口页每次向服务器确认 / the entry page is always revalidated -->
  <location path="taskpane.html">
    <system.webServer>
      <staticContent>
        <clientCache cacheControlMode="DisableCache" />
      </staticContent>
    </system.webServer>
  </location>
  <location path="office-js">
    <system.webServer>
      <staticContent>
        <clientCache cacheControlMode="UseMaxAge" cacheControlMaxAge="1.00:00:00" />
      </staticContent>
    </system.webServer>
  </location>
</configuration>
`;
}

/** regedit reads version 5 files as UTF-16 LE with a BOM; a share path may hold Chinese. */
function reg(catalog) {
  const id = catalogGuid(catalog);
  const text = [
    "Windows Registry Editor Version 5.00",
    "",
    `; 考核规则 kaohe: 把共享文件夹 ${catalog} 登记为受信任的加载项目录（当前用户）`,
    `; Registers the shared folder ${catalog} as a trusted add-in catalog for the current user.`,
    `[HKEY_CURRENT_USER\\${KEY}\\${id}]`,
    `"Id"="${id}"`,
    `"Url"="${catalog.replace(/\\/g, "\\\\")}"`,
    `"Flags"=dword:00000001`,
    "",
  ].join("\r\n");
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
}

/** Windows PowerShell 5.1 reads a script as UTF-8 only with a BOM. */
function powershell(catalog) {
  const id = catalogGuid(catalog);
  const text = [
    `# 考核规则 kaohe: 把共享文件夹登记为受信任的加载项目录（当前用户），然后重启 Excel。`,
    `# Registers the shared folder as a trusted add-in catalog for the current user; restart Excel afterwards.`,
    `param([string]$Catalog = '${catalog.replace(/'/g, "''")}')`,
    `$id = '${id}'`,
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

function readme(base, officeJs, catalog) {
  const office = {
    microsoft: "office.js 取自微软 CDN（appsforoffice.microsoft.com），终端须能访问它。",
    "21vianet": "office.js 取自世纪互联 CDN（appsforoffice.cdn.partner.office365.cn）。",
    local:
      "office.js 使用本包内的副本（web/office-js/）：适用于完全隔离的内网，微软不支持这种用法，Office 更新后须重新打包。",
  }[officeJs];
  return [
    "考核规则 kaohe — 内网部署包",
    "",
    `1. 把 web/ 的全部内容放到 ${base} 所在的 HTTPS 服务器（示例配置见 nginx/、iis/）。`,
    `2. 把 manifest.xml 放进共享文件夹 ${catalog}。`,
    "3. 在各终端运行 catalog/register-catalog.ps1（或双击 register-catalog.reg），重启 Excel，",
    "   插入 > 我的加载项 > 共享文件夹 > 考核规则。",
    `4. ${office}`,
    "",
    "详细说明见源代码的 docs/deployment.md。",
    "",
  ].join("\r\n");
}

module.exports = { catalogGuid, nginx, iis, reg, powershell, readme };
