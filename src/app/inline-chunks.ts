/**
 * In dist/kaohe.html every chunk travels inside the page, base64 in a holder (scripts/single-file.js):
 * webpack's script loader is pointed at the holders, so a chunk is decoded only when first used.
 * Served over HTTP (dist/app/) there are no holders and webpack loads chunks as usual.
 */
type LoadScript = (url: string, done: (event: { type: string; target?: unknown }) => void, ...rest: unknown[]) => void;
declare const __webpack_require__: { l?: LoadScript };

function decode(base64: string): string {
  const binary = atob(base64.trim());
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new TextDecoder().decode(bytes);
}

export function useInlineChunks(): void {
  const holders = new Map<string, HTMLScriptElement>();
  document.querySelectorAll<HTMLScriptElement>("script[data-chunk]").forEach((h) => holders.set(h.dataset.chunk!, h));
  const load = __webpack_require__.l;
  if (!holders.size || !load) return;
  __webpack_require__.l = (url, done, ...rest) => {
    const holder = holders.get(url.slice(url.lastIndexOf("/") + 1));
    if (!holder) return load(url, done, ...rest);
    const script = document.createElement("script");
    script.textContent = decode(holder.textContent ?? "");
    document.head.appendChild(script); // an inline script runs as it is inserted: the chunk is installed now
    done({ type: "load", target: script });
  };
}
