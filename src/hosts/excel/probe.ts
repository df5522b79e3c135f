/** What Office says about the host it runs in, for 「环境」 (environment.ts decides what it means). */
import type { HostProbe } from "./environment";

export function probeHost(): HostProbe {
  // Outside Office (a plain browser) office.js gives no diagnostics and no requirements.
  const context = typeof Office === "undefined" ? undefined : Office.context;
  const diagnostics = context?.diagnostics;
  const requirements = context?.requirements;
  return {
    host: diagnostics ? String(diagnostics.host) : null,
    platform: diagnostics ? String(diagnostics.platform) : null,
    version: diagnostics?.version ?? null,
    supports: (set, version) => Boolean(requirements?.isSetSupported(set, version)),
  };
}
