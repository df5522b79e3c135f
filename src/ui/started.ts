/** Set first thing when the bundle runs: legacy.js tells an engine that could not parse it by its absence. */
(window as unknown as { kaoheStarted?: boolean }).kaoheStarted = true;
export {};
