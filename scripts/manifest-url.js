// Where the built add-in is served from: the manifest's development URLs (https://localhost:3000/…)
// rewritten under that base. With or without a trailing slash the result is the same; AppDomain becomes
// the base's origin; a base that is not https is refused (Office loads add-ins over https only).
const DEV_BASE = "https://localhost:3000/";

function normalizeBase(url) {
  let u;
  try {
    u = new URL(url);
  } catch {
    throw new Error(`KAOHE_URL「${url}」不是网址 / is not a URL`);
  }
  if (u.protocol !== "https:") throw new Error(`KAOHE_URL 须为 https 网址，收到「${url}」 / must be https, got "${url}"`);
  u.search = "";
  u.hash = "";
  if (!u.pathname.endsWith("/")) u.pathname += "/";
  return u.href;
}

/** The manifest with every development URL under `url`. */
function rewriteManifest(xml, url) {
  const base = normalizeBase(url);
  const origin = new URL(base).origin;
  return xml
    .split(DEV_BASE)
    .join(base)
    .replace(/<AppDomain>https:\/\/localhost:3000\/?<\/AppDomain>/g, `<AppDomain>${origin}</AppDomain>`);
}

module.exports = { DEV_BASE, normalizeBase, rewriteManifest };
