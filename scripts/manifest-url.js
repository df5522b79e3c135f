// Where the built add-in is served from: the manifest's development URLs (https://localhost:3000/…)
// rewritten under that base. With or without a trailing slash the result is the same; AppDomain becomes
// the base's origin; a base that is not https is refused (Office loads add-ins over https only), and so is
// one carrying a user name or password, or a host that is not a plain DNS name or IP address (the host is
// written into the nginx sample as it is).
const DEV_BASE = "https://localhost:3000/";
const HOST = /^[a-z0-9_.-]+$|^\[[0-9a-f:.]+\]$/;

function normalizeBase(url) {
  let u;
  try {
    u = new URL(url);
  } catch {
    throw new Error(`KAOHE_URL「${url}」不是网址 / is not a URL`);
  }
  // Checked before anything echoes the URL: a password must not reach the terminal or a log.
  if (u.username || u.password) {
    throw new Error("--url（KAOHE_URL）不能含用户名或密码 / --url (KAOHE_URL) must not carry a user name or password");
  }
  if (u.protocol !== "https:")
    throw new Error(`KAOHE_URL 须为 https 网址，收到「${url}」 / must be https, got "${url}"`);
  if (!HOST.test(u.hostname)) {
    throw new Error(
      `--url 的主机名「${u.hostname}」须为域名或 IP 地址 / --url's host "${u.hostname}" must be a DNS name or an IP address`,
    );
  }
  u.search = "";
  u.hash = "";
  if (!u.pathname.endsWith("/")) u.pathname += "/";
  return u.href;
}

/** Text for an XML attribute value or element content: a URL may hold & and '. */
function escapeXml(text) {
  const entities = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };
  return text.replace(/[&<>"']/g, (c) => entities[c]);
}

/** The manifest with every development URL under `url` (escaped as XML). */
function rewriteManifest(xml, url) {
  const base = normalizeBase(url);
  const origin = new URL(base).origin;
  return xml
    .split(DEV_BASE)
    .join(escapeXml(base))
    .replace(/<AppDomain>https:\/\/localhost:3000\/?<\/AppDomain>/g, `<AppDomain>${escapeXml(origin)}</AppDomain>`);
}

module.exports = { DEV_BASE, normalizeBase, escapeXml, rewriteManifest };
